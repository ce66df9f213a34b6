/**
 * The worked examples of the TensorFlow tutorials this project teaches from, each a named test
 * that cites its source. Numbers come from the tutorial (named in the title), from the fixtures'
 * `seed-` cases (read at test time) and from a plain NHWC loop written here, independent of the
 * engine (own padding formula, own scatter, own pooling).
 */
import { describe, expect, it } from 'vitest';
import { ShapeError, tensor, tf, tfLegalTransposeSizes, type Tensor, type TfPadding } from '../../src/engine';
import { loadCases, type FixtureCase } from '../fixtures';

const TUTORIAL = "TensorFlow tutorial 'Transposed convolution in TensorFlow' (tf.nn.conv2d_transpose)";
const DCGAN = 'TensorFlow DCGAN tutorial (tensorflow.org/tutorials/generative/dcgan)';

const seeds = new Map<string, FixtureCase>(loadCases('tf-cases.json').map((c) => [c.id, c]));
function seed(id: string): FixtureCase {
  const c = seeds.get(id);
  if (!c) throw new Error(`fixture ${id} is missing from tf-cases.json`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// An independent reference: plain loops over NHWC, written from TensorFlow's documented rules.
// ---------------------------------------------------------------------------------------------

/** Padding before the first row for TF's scheme: SAME pads to ⌈i/s⌉ outputs, odd extra after. */
function padBefore(i: number, k: number, s: number, padding: TfPadding): number {
  if (padding === 'VALID') return 0;
  const need = (Math.ceil(i / s) - 1) * s + k - i;
  return Math.floor(Math.max(need, 0) / 2);
}

function outSize(i: number, k: number, s: number, padding: TfPadding): number {
  return padding === 'SAME' ? Math.ceil(i / s) : Math.ceil((i - k + 1) / s);
}

function fill(shape: number[], f: (i: number) => number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(shape, Array.from({ length: n }, (_, i) => f(i)));
}
const ones = (shape: number[]): Tensor => fill(shape, () => 1);
/** Small integers in −3..3 from a fixed linear congruential sequence (exact in float64). */
function ints(shape: number[], salt: number): Tensor {
  let state = Math.imul(salt + 1, 2654435761) >>> 0;
  return fill(shape, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return ((state >>> 24) % 7) - 3;
  });
}

/** conv2d over NHWC, filter [kh, kw, in, out], as a direct gather. */
function refConv2d(x: Tensor, f: Tensor, s: number, padding: TfPadding): Tensor {
  const [N, H, W, C] = x.shape;
  const [kh, kw, , O] = f.shape;
  const oh = outSize(H, kh, s, padding);
  const ow = outSize(W, kw, s, padding);
  const pt = padBefore(H, kh, s, padding);
  const pl = padBefore(W, kw, s, padding);
  const out = new Float64Array(N * oh * ow * O);
  for (let b = 0; b < N; b++)
    for (let y = 0; y < oh; y++)
      for (let xo = 0; xo < ow; xo++)
        for (let o = 0; o < O; o++) {
          let acc = 0;
          for (let ky = 0; ky < kh; ky++)
            for (let kx = 0; kx < kw; kx++) {
              const iy = y * s - pt + ky;
              const ix = xo * s - pl + kx;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              for (let c = 0; c < C; c++) acc += x.data[((b * H + iy) * W + ix) * C + c] * f.data[((ky * kw + kx) * C + c) * O + o];
            }
          out[((b * oh + y) * ow + xo) * O + o] = acc;
        }
  return { shape: [N, oh, ow, O], data: out };
}

/** conv2d_transpose over NHWC, filter [kh, kw, out, in]: each value cell stamps the filter. */
function refScatter(v: Tensor, f: Tensor, outShape: number[], s: number | [number, number], padding: TfPadding): Tensor {
  const [N, h, w, Cin] = v.shape;
  const [kh, kw, O] = f.shape;
  const [, H, W] = outShape;
  const [sh, sw] = typeof s === 'number' ? [s, s] : s;
  const pt = padBefore(H, kh, sh, padding);
  const pl = padBefore(W, kw, sw, padding);
  const out = new Float64Array(N * H * W * O);
  for (let b = 0; b < N; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let ci = 0; ci < Cin; ci++) {
          const val = v.data[((b * h + y) * w + x) * Cin + ci];
          for (let ky = 0; ky < kh; ky++)
            for (let kx = 0; kx < kw; kx++) {
              const oy = y * sh - pt + ky;
              const ox = x * sw - pl + kx;
              if (oy < 0 || oy >= H || ox < 0 || ox >= W) continue;
              for (let o = 0; o < O; o++) out[((b * H + oy) * W + ox) * O + o] += val * f.data[((ky * kw + kx) * O + o) * Cin + ci];
            }
        }
  return { shape: [N, H, W, O], data: out };
}

/** max_pool_with_argmax over NHWC without the batch term; strict > keeps the first maximum. */
function refMaxPool(x: Tensor, k: number, s: number, padding: TfPadding): { output: number[]; argmax: number[] } {
  const [N, H, W, C] = x.shape;
  const oh = outSize(H, k, s, padding);
  const ow = outSize(W, k, s, padding);
  const pt = padBefore(H, k, s, padding);
  const pl = padBefore(W, k, s, padding);
  const output: number[] = [];
  const argmax: number[] = [];
  for (let b = 0; b < N; b++)
    for (let y = 0; y < oh; y++)
      for (let xo = 0; xo < ow; xo++)
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let at = -1;
          for (let ky = 0; ky < k; ky++)
            for (let kx = 0; kx < k; kx++) {
              const iy = y * s - pt + ky;
              const ix = xo * s - pl + kx;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              const val = x.data[((b * H + iy) * W + ix) * C + c];
              if (val > best) {
                best = val;
                at = (iy * W + ix) * C + c;
              }
            }
          output.push(best);
          argmax.push(at);
        }
  return { output, argmax };
}

const plane = (t: Tensor, c = 0): number[][] => {
  const [, H, W, C] = t.shape;
  return Array.from({ length: H }, (_, y) => Array.from({ length: W }, (_, x) => t.data[(y * W + x) * C + c]));
};

function catchShapeError(run: () => unknown): ShapeError {
  try {
    run();
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error('expected a ShapeError, but the call succeeded');
}

// ---------------------------------------------------------------------------------------------

describe(`all-ones inputs, 3×3×3×1 all-ones kernel, stride 2 SAME (${TUTORIAL})`, () => {
  const filter = ones([3, 3, 3, 1]);
  const opts = { strides: 2, padding: 'SAME' } as const;

  it(`5×5×3 → [[12,18,12],[18,27,18],[12,18,12]] (${TUTORIAL})`, () => {
    const y = tf.conv2d(ones([1, 5, 5, 3]), filter, opts);
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expect(plane(y)).toEqual([[12, 18, 12], [18, 27, 18], [12, 18, 12]]);
    expect([...y.data]).toEqual([...refConv2d(ones([1, 5, 5, 3]), filter, 2, 'SAME').data]);
    expect([...y.data]).toEqual(seed('seed-a-conv2d-ones5x5x3-k3-s2-same').expected.output.data);
  });

  it(`6×6×3 → [[27,27,18],[27,27,18],[18,18,12]]: the odd padding goes bottom/right (${TUTORIAL})`, () => {
    const y = tf.conv2d(ones([1, 6, 6, 3]), filter, opts);
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expect(plane(y)).toEqual([[27, 27, 18], [27, 27, 18], [18, 18, 12]]);
    expect([...y.data]).toEqual([...refConv2d(ones([1, 6, 6, 3]), filter, 2, 'SAME').data]);
    expect([...y.data]).toEqual(seed('seed-c-conv2d-ones6x6x3-k3-s2-same').expected.output.data);
  });

  it(`the 5×5 result transposed back to [1,5,5,3] equals the scatter (${TUTORIAL})`, () => {
    const y = tf.conv2d(ones([1, 5, 5, 3]), filter, opts);
    const back = tf.conv2dTranspose(y, filter, [1, 5, 5, 3], opts);
    expect(back.shape).toEqual([1, 5, 5, 3]);
    expect([...back.data]).toEqual([...refScatter(y, filter, [1, 5, 5, 3], 2, 'SAME').data]);
    const fx = seed('seed-b-conv2d-transpose-y2-to-1x5x5x3-s2-same');
    expect([...y.data]).toEqual(fx.inputs.value.data);
    expect([...back.data]).toEqual(fx.expected.output.data);
  });

  it(`the 6×6 result transposed back to [1,6,6,3] equals the scatter (${TUTORIAL})`, () => {
    const y = tf.conv2d(ones([1, 6, 6, 3]), filter, opts);
    const back = tf.conv2dTranspose(y, filter, [1, 6, 6, 3], opts);
    expect(back.shape).toEqual([1, 6, 6, 3]);
    expect([...back.data]).toEqual([...refScatter(y, filter, [1, 6, 6, 3], 2, 'SAME').data]);
    const fx = seed('seed-c-conv2d-transpose-y4-to-1x6x6x3-s2-same');
    expect([...y.data]).toEqual(fx.inputs.value.data);
    expect([...back.data]).toEqual(fx.expected.output.data);
  });

  it(`ones [1,3,3,1] transposed to [1,6,6,3] (${TUTORIAL})`, () => {
    const v = ones([1, 3, 3, 1]);
    const out = tf.conv2dTranspose(v, filter, [1, 6, 6, 3], opts);
    expect(out.shape).toEqual([1, 6, 6, 3]);
    expect([...out.data]).toEqual([...refScatter(v, filter, [1, 6, 6, 3], 2, 'SAME').data]);
    expect([...out.data]).toEqual(seed('seed-d-conv2d-transpose-ones3x3-to-1x6x6x3-s2-same').expected.output.data);
    // Both 5 and 6 come back to 3 under the forward conv; 5 is legal too.
    expect(tf.conv2dTranspose(v, filter, [1, 5, 5, 3], opts).shape).toEqual([1, 5, 5, 3]);
  });

  it(`output_shape 10×10 is impossible: it convolves to 5×5, not 3×3; legal sizes 5 or 6 (${TUTORIAL})`, () => {
    const err = catchShapeError(() => tf.conv2dTranspose(ones([1, 3, 3, 1]), filter, [1, 10, 10, 3], opts));
    expect(err.code).toBe('output-shape');
    expect(err.param).toBe('outputShape');
    expect(err.message).toContain('10×10');
    expect(err.message).toContain('5×5');
    expect(err.message).toContain('3×3');
    expect(err.message).toContain('5 or 6');
    const fx = seed('seed-e-invalid-ones3x3-to-1x10x10x3-s2-same');
    expect(err.details.computed).toEqual(fx.expected.computed);
    expect(err.details.actual).toEqual(fx.expected.actual);
    expect(err.details.legalH).toEqual(tfLegalTransposeSizes(3, 3, 2, 'SAME'));
  });
});

describe(`4×4 ones, 2×2 kernel [1,0,−1,−2], stride 2 (${TUTORIAL})`, () => {
  const input = ones([1, 4, 4, 1]);
  const filter = tensor([2, 2, 1, 1], [1, 0, -1, -2]);

  for (const padding of ['VALID', 'SAME'] as const) {
    const tag = padding.toLowerCase();
    it(`${padding}: every 2×2 window sums the kernel, 1+0−1−2 = −2 (${TUTORIAL})`, () => {
      const y = tf.conv2d(input, filter, { strides: 2, padding });
      expect(y.shape).toEqual([1, 2, 2, 1]);
      const kernelSum = filter.data.reduce((a, b) => a + b, 0);
      expect([...y.data]).toEqual([kernelSum, kernelSum, kernelSum, kernelSum]);
      expect([...y.data]).toEqual([...refConv2d(input, filter, 2, padding).data]);
      expect([...y.data]).toEqual(seed(`seed-f-conv2d-ones4x4-k2-s2-${tag}`).expected.output.data);
    });

    it(`${padding}: the 2×2 result transposed back to 4×4 stamps −2·kernel in each block (${TUTORIAL})`, () => {
      const y = tf.conv2d(input, filter, { strides: 2, padding });
      const back = tf.conv2dTranspose(y, filter, [1, 4, 4, 1], { strides: 2, padding });
      expect(back.shape).toEqual([1, 4, 4, 1]);
      expect([...back.data]).toEqual([...refScatter(y, filter, [1, 4, 4, 1], 2, padding).data]);
      expect([...back.data]).toEqual(seed(`seed-f-conv2d-transpose-to-1x4x4x1-s2-${tag}`).expected.output.data);
      // Which output sizes come back to 2: VALID 4 or 5, SAME 3 or 4.
      const legal = tfLegalTransposeSizes(2, 2, 2, padding);
      expect(legal).toEqual(padding === 'VALID' ? [4, 5] : [3, 4]);
      for (const hw of legal) expect(outSize(hw, 2, 2, padding)).toBe(2);
    });
  }
});

describe(`DCGAN generator shapes 7 → 14 → 28, k=5, s=2, SAME (${DCGAN})`, () => {
  it(`7×7 → 14×14 → 28×28 with conv2d_transpose, each step equal to the scatter (${DCGAN})`, () => {
    const opts = { strides: 2, padding: 'SAME' } as const;
    const z = ints([1, 7, 7, 4], 1);
    const f1 = ints([5, 5, 2, 4], 2);
    const f2 = ints([5, 5, 1, 2], 3);
    const h1 = tf.conv2dTranspose(z, f1, [1, 14, 14, 2], opts);
    expect(h1.shape).toEqual([1, 14, 14, 2]);
    expect([...h1.data]).toEqual([...refScatter(z, f1, [1, 14, 14, 2], 2, 'SAME').data]);
    const h2 = tf.conv2dTranspose(h1, f2, [1, 28, 28, 1], opts);
    expect(h2.shape).toEqual([1, 28, 28, 1]);
    expect([...h2.data]).toEqual([...refScatter(h1, f2, [1, 28, 28, 1], 2, 'SAME').data]);
    expect(tfLegalTransposeSizes(7, 5, 2, 'SAME')).toEqual([13, 14]);
    expect(tfLegalTransposeSizes(14, 5, 2, 'SAME')).toEqual([27, 28]);
    // And the discriminator's way down: 28 → 14 → 7.
    expect(tf.conv2d(ones([1, 28, 28, 1]), ones([5, 5, 1, 2]), opts).shape).toEqual([1, 14, 14, 2]);
    expect(tf.conv2d(ones([1, 14, 14, 2]), ones([5, 5, 2, 4]), opts).shape).toEqual([1, 7, 7, 4]);
    const err = catchShapeError(() => tf.conv2dTranspose(z, f1, [1, 15, 15, 2], opts));
    expect(err.message).toContain('8×8');
    expect(err.message).toContain('13 or 14');
  });
});

describe(`97×97 input, k=3, s=4 (${TUTORIAL})`, () => {
  const x = ints([1, 97, 97, 1], 4);
  const down = ints([3, 3, 1, 2], 5);

  it(`SAME gives 25×25 and allows output_shape 97 back (legal 97…100) (${TUTORIAL})`, () => {
    const y = tf.conv2d(x, down, { strides: 4, padding: 'SAME' });
    expect(y.shape).toEqual([1, 25, 25, 2]);
    expect([...y.data]).toEqual([...refConv2d(x, down, 4, 'SAME').data]);
    expect(tfLegalTransposeSizes(25, 3, 4, 'SAME')).toEqual([97, 98, 99, 100]);
    const back = tf.conv2dTranspose(y, down, [1, 97, 97, 1], { strides: 4, padding: 'SAME' });
    expect([...back.data]).toEqual([...refScatter(y, down, [1, 97, 97, 1], 4, 'SAME').data]);
  });

  it(`VALID gives 24×24 and allows output_shape 97 back (legal 95…98) (${TUTORIAL})`, () => {
    const y = tf.conv2d(x, down, { strides: 4, padding: 'VALID' });
    expect(y.shape).toEqual([1, 24, 24, 2]);
    expect([...y.data]).toEqual([...refConv2d(x, down, 4, 'VALID').data]);
    expect(tfLegalTransposeSizes(24, 3, 4, 'VALID')).toEqual([95, 96, 97, 98]);
    const fx = seed('seed-h-conv2d-transpose-24x24-to-1x97x97x1-k3-s4-valid');
    const v = tensor(fx.inputs.value.shape, fx.inputs.value.data);
    const f = tensor(fx.inputs.filter.shape, fx.inputs.filter.data);
    const back = tf.conv2dTranspose(v, f, [1, 97, 97, 1], { strides: 4, padding: 'VALID' });
    expect([...back.data]).toEqual([...refScatter(v, f, [1, 97, 97, 1], 4, 'VALID').data]);
    expect([...back.data]).toEqual(fx.expected.output.data);
  });

  it(`a 24×24 value under SAME cannot go back to 97: 97 gives 25×25, not 24×24 (legal 93…96) (${TUTORIAL})`, () => {
    const fx = seed('seed-h-invalid-24x24-to-1x97x97x1-k3-s4-same');
    const v = tensor(fx.inputs.value.shape, fx.inputs.value.data);
    const f = tensor(fx.inputs.filter.shape, fx.inputs.filter.data);
    const err = catchShapeError(() => tf.conv2dTranspose(v, f, [1, 97, 97, 1], { strides: 4, padding: 'SAME' }));
    expect(err.message).toContain('25×25');
    expect(err.message).toContain('24×24');
    expect(err.message).toContain('93, 94, 95 or 96');
    expect(err.details.computed).toEqual(fx.expected.computed);
    expect(err.details.actual).toEqual(fx.expected.actual);
  });
});

describe('max_pool_with_argmax on a 4×4×2 image', () => {
  // Every pixel of row y is [y, y + 4]: each 2×2 window ties along its rows.
  const rows = [[0, 4], [1, 5], [2, 6], [3, 7]];
  const image = fill([1, 4, 4, 2], (i) => rows[Math.floor(i / 8)][i % 2]);

  it('ksize 2, stride 2, SAME: the first maximum in row-major order wins the tie (tf.nn.max_pool_with_argmax tutorial example)', () => {
    const fx = seed('seed-g-max-pool-with-argmax-rows-2x2-s2-same');
    expect([...image.data]).toEqual(fx.inputs.input.data);
    const { output, argmax } = tf.maxPoolWithArgmax(image, { ksize: 2, strides: 2, padding: 'SAME' });
    const ref = refMaxPool(image, 2, 2, 'SAME');
    expect(output.shape).toEqual([1, 2, 2, 2]);
    expect([...output.data]).toEqual(ref.output);
    expect([...argmax.data]).toEqual(ref.argmax);
    expect([...output.data]).toEqual(fx.expected.output.data);
    expect([...argmax.data]).toEqual(fx.expected.argmax.data);
  });

  it('ksize 3, stride 2, SAME: padded cells never win, even over negative values', () => {
    const negative = fill([1, 4, 4, 2], (i) => -1 - rows[Math.floor(i / 8)][i % 2]);
    const { output, argmax } = tf.maxPoolWithArgmax(negative, { ksize: 3, strides: 2, padding: 'SAME' });
    const ref = refMaxPool(negative, 3, 2, 'SAME');
    expect([...output.data]).toEqual(ref.output);
    expect([...argmax.data]).toEqual(ref.argmax);
    for (const v of output.data) expect(v).toBeLessThan(0);
  });

  it('includeBatchInIndex adds b·H·W·C to each index of batch b', () => {
    const two = fill([2, 4, 4, 2], (i) => image.data[i % 32] * (i < 32 ? 1 : -1));
    const without = tf.maxPoolWithArgmax(two, { ksize: 2, strides: 2, padding: 'VALID' });
    const withBatch = tf.maxPoolWithArgmax(two, { ksize: 2, strides: 2, padding: 'VALID', includeBatchInIndex: true });
    expect([...without.argmax.data]).toEqual(refMaxPool(two, 2, 2, 'VALID').argmax);
    const per = without.argmax.data.length / 2;
    withBatch.argmax.data.forEach((v, i) => expect(v).toBe(without.argmax.data[i] + (i < per ? 0 : 4 * 4 * 2)));
  });
});

describe('TF adapter: layouts and refusals', () => {
  const x = ints([2, 3, 4, 5], 6);

  it('toNCHW moves x[n,h,w,c] to [n,c,h,w]; toNHWC undoes it', () => {
    const y = tf.toNCHW(x);
    expect(y.shape).toEqual([2, 5, 3, 4]);
    for (let n = 0; n < 2; n++)
      for (let h = 0; h < 3; h++)
        for (let w = 0; w < 4; w++)
          for (let c = 0; c < 5; c++) expect(y.data[((n * 5 + c) * 3 + h) * 4 + w]).toBe(x.data[((n * 3 + h) * 4 + w) * 5 + c]);
    expect(tf.toNHWC(y)).toEqual(x);
  });

  it('filter converters: [kh,kw,in,out] ↔ [out,in,kh,kw] and [kh,kw,out,in] ↔ [in,out,kh,kw]', () => {
    const f = ints([3, 2, 4, 5], 7);
    const w = tf.conv2dFilterToWeight(f);
    expect(w.shape).toEqual([5, 4, 3, 2]);
    // f[ky,kx,a,b] lands at [b,a,ky,kx] for both converters (a, b = in, out or out, in).
    const moved = (g: Tensor): void => {
      for (let ky = 0; ky < 3; ky++)
        for (let kx = 0; kx < 2; kx++)
          for (let a = 0; a < 4; a++)
            for (let b = 0; b < 5; b++) expect(g.data[((b * 4 + a) * 3 + ky) * 2 + kx]).toBe(f.data[((ky * 2 + kx) * 4 + a) * 5 + b]);
    };
    moved(w);
    expect(tf.weightToConv2dFilter(w)).toEqual(f);
    const t = tf.transposeFilterToWeight(f); // here f is [kh, kw, out=4, in=5]
    expect(t.shape).toEqual([5, 4, 3, 2]);
    moved(t);
    expect(tf.weightToTransposeFilter(t)).toEqual(f);
  });

  it("accepts TF's four-number strides [1, sh, sw, 1] and refuses strides over batch or channels", () => {
    const f = ints([3, 3, 5, 2], 8);
    const a = tf.conv2d(x, f, { strides: [1, 2, 1, 1], padding: 'SAME' });
    expect(a).toEqual(tf.conv2d(x, f, { strides: [2, 1], padding: 'SAME' }));
    const err = catchShapeError(() => tf.conv2d(x, f, { strides: [2, 2, 2, 1], padding: 'SAME' }));
    expect(err.param).toBe('strides');
  });

  it('refuses with TensorFlow parameter names', () => {
    const f = ints([3, 3, 5, 2], 9);
    const cases: [() => unknown, string, string][] = [
      [() => tf.conv2d(x, ints([3, 3, 4, 2], 1), { strides: 1, padding: 'SAME' }), 'filter', 'channels'],
      [() => tf.conv2d(x, ints([4, 3, 5, 2], 1), { strides: 1, padding: 'VALID' }), 'filter', 'kernel-too-large'],
      [() => tf.conv2d(x, f, { strides: 0, padding: 'SAME' }), 'strides', 'out-of-range'],
      [() => tf.conv2d(x, f, { strides: 1, padding: 'SAME', dilations: 1.5 }), 'dilations', 'not-integer'],
      [() => tf.conv2d(x, f, { strides: 1, padding: 'same' as TfPadding }), 'padding', 'out-of-range'],
      [() => tf.conv2dTranspose(x, ints([3, 3, 2, 4], 1), [2, 6, 8, 2], { strides: 2, padding: 'SAME' }), 'filter', 'channels'],
      [() => tf.conv2dTranspose(x, ints([3, 3, 2, 5], 1), [1, 6, 8, 2], { strides: 2, padding: 'SAME' }), 'outputShape', 'output-shape'],
      [() => tf.conv2dTranspose(x, ints([3, 3, 2, 5], 1), [2, 6, 8, 3], { strides: 2, padding: 'SAME' }), 'outputShape', 'output-shape'],
      [() => tf.conv2dTranspose(x, ints([3, 3, 2, 5], 1), [6, 8, 2], { strides: 2, padding: 'SAME' }), 'outputShape', 'rank'],
      [() => tf.maxPoolWithArgmax(x, { ksize: 4, strides: 1, padding: 'VALID' }), 'ksize', 'kernel-too-large'],
      [() => tf.maxPoolWithArgmax(x, { ksize: 0, strides: 1, padding: 'VALID' }), 'ksize', 'out-of-range'],
      [() => tf.maxPoolWithArgmax(x, { ksize: 2, strides: Number.NaN, padding: 'VALID' }), 'strides', 'not-finite'],
      [() => tf.conv2d(tensor([1, 2, 2]), f, { strides: 1, padding: 'SAME' }), 'input', 'rank'],
    ];
    for (const [run, param, code] of cases) {
      const err = catchShapeError(run);
      expect({ param: err.param, code: err.code }).toEqual({ param, code });
      expect(err.message.length).toBeGreaterThan(20);
    }
  });

  it('a legal output_shape runs and matches the scatter (non-square, stride 2×1 in 4-number form)', () => {
    const f = ints([3, 2, 3, 5], 10);
    const out = tf.conv2dTranspose(x, f, [2, 6, 4, 3], { strides: [1, 2, 1, 1], padding: 'SAME' });
    expect(out.shape).toEqual([2, 6, 4, 3]);
    expect([...out.data]).toEqual([...refScatter(x, f, [2, 6, 4, 3], [2, 1], 'SAME').data]);
  });
});
