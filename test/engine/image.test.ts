/**
 * Image mode's pure arithmetic: the kernels table, pixels ↔ planes, the patch around a pixel, and
 * the jobs, checked against independent loops written here (not the engine's kernels).
 */
import { describe, expect, it } from 'vitest';
import {
  convTranspose2dInfo, displayOffset, doublingPads, extractPatch, fitWithin, greyOf, IMAGE_KERNELS, identityKernel, imageJob,
  patchOrigin, planesToRgba, repeatKernel, rgbaToPlanes, samePlace, tensor, toByte, upsamplingKernel,
  type ImageJobResult, type ImageJobSpec,
} from '../../src/engine';

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);

/** A small deterministic RGBA picture. */
function picture(w: number, h: number, seed = 3): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = i % 4 === 3 ? 255 : s % 256;
  }
  return out;
}

function run(spec: ImageJobSpec, rgba: Uint8ClampedArray, w: number, h: number): { result: ImageJobResult; fractions: number[] } {
  const gen = imageJob(spec, rgba, w, h);
  const fractions: number[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { result: r.value, fractions };
    fractions.push(r.value);
  }
}

/** Cross-correlation of one plane, written out directly (zero padding, stride, dilation). */
function naiveConv(x: number[][], k: number[][], s: number, p: number, d: number): number[][] {
  const H = x.length;
  const W = x[0].length;
  const kh = k.length;
  const kw = k[0].length;
  const oh = Math.floor((H + 2 * p - d * (kh - 1) - 1) / s) + 1;
  const ow = Math.floor((W + 2 * p - d * (kw - 1) - 1) / s) + 1;
  return Array.from({ length: oh }, (_, i) => Array.from({ length: ow }, (_, j) => {
    let acc = 0;
    for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) {
      const y = i * s - p + a * d;
      const xx = j * s - p + b * d;
      if (y >= 0 && y < H && xx >= 0 && xx < W) acc += x[y][xx] * k[a][b];
    }
    return acc;
  }));
}

const rowsOf = (values: ArrayLike<number>, plane: number, w: number, h: number): number[][] =>
  Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => values[(plane * h + r) * w + c]));
const channelOf = (rgba: ArrayLike<number>, ch: number, w: number, h: number): number[][] =>
  Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => rgba[4 * (r * w + c) + ch]));

describe('the kernels table', () => {
  it('holds 3×3 kernels; the blurs, identity, sharpen and emboss keep a flat picture as it is (weights sum to 1), the edge detectors give 0 (sum 0)', () => {
    for (const values of Object.values(IMAGE_KERNELS)) expect(values).toHaveLength(9);
    for (const name of ['identity', 'box', 'gauss', 'sharpen', 'emboss'] as const) expect(sum(IMAGE_KERNELS[name])).toBeCloseTo(1, 12);
    for (const name of ['sobelx', 'sobely', 'laplace'] as const) expect(sum(IMAGE_KERNELS[name])).toBe(0);
  });

  it('Sobel y is Sobel x transposed; the Gaussian is the outer product of the binomial [1, 2, 1] / 4 (the Sobel operator and the 3×3 binomial blur as textbooks define them)', () => {
    const x = IMAGE_KERNELS.sobelx;
    expect(IMAGE_KERNELS.sobely).toEqual([0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => x[c * 3 + r])));
    const b = [1, 2, 1].map((v) => v / 4);
    expect(IMAGE_KERNELS.gauss).toEqual(b.flatMap((u) => b.map((v) => u * v)));
  });

  it('shows a signed result around mid-grey: offset 128 exactly for kernels whose weights sum to 0', () => {
    expect(displayOffset(IMAGE_KERNELS.sobelx)).toBe(128);
    expect(displayOffset(IMAGE_KERNELS.laplace)).toBe(128);
    expect(displayOffset(IMAGE_KERNELS.gauss)).toBe(0);
    expect(displayOffset(IMAGE_KERNELS.sharpen)).toBe(0);
  });

  it('identity kernels have one 1, at the centre (upper-left of the centre for even sizes); repeatKernel stacks copies', () => {
    expect(identityKernel(3, 3)).toEqual(IMAGE_KERNELS.identity);
    expect(identityKernel(2, 4)).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(repeatKernel([1, 2], 3)).toEqual([1, 2, 1, 2, 1, 2]);
  });

  it('the ×2 upsampling kernels keep the mean (weights sum to s²) and their pads double the size, per the engine’s own shape check', () => {
    for (const k of [3, 4]) {
      expect(sum(upsamplingKernel(k, 2))).toBeCloseTo(4, 12);
      const { padding, outputPadding } = doublingPads(k);
      for (const side of [1, 5, 17]) {
        const info = convTranspose2dInfo(tensor([1, 1, side, side]), tensor([1, 1, k, k]), { stride: 2, padding, outputPadding });
        expect([info.outH, info.outW]).toEqual([2 * side, 2 * side]);
      }
    }
  });
});

describe('pixels and planes', () => {
  it('splits RGBA into R, G, B planes (alpha ignored) and into BT.601 luma', () => {
    const rgba = [255, 0, 0, 9, 10, 20, 30, 0];
    expect(Array.from(rgbaToPlanes(rgba, 2, 1, 'rgb'))).toEqual([255, 10, 0, 20, 0, 30]);
    // 0.299·255 = 76.245; 0.299·10 + 0.587·20 + 0.114·30 = 18.15.
    expect(Array.from(rgbaToPlanes(rgba, 2, 1, 'grey'))).toEqual([76, 18]);
    expect(greyOf(255, 255, 255)).toBe(255);
  });

  it('turns planes back into the same bytes, rounding and clipping with the offset', () => {
    const rgba = picture(4, 3);
    const planes = rgbaToPlanes(rgba, 4, 3, 'rgb');
    const back = planesToRgba(planes, 3, 4, 3, 0);
    for (let i = 0; i < 12; i++) {
      expect([back[4 * i], back[4 * i + 1], back[4 * i + 2], back[4 * i + 3]]).toEqual([rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], 255]);
    }
    expect([toByte(-3, 0), toByte(300, 0), toByte(-10.4, 128), toByte(2.5, 0)]).toEqual([0, 255, 118, 3]);
    expect(Array.from(planesToRgba([7], 1, 1, 1, 0))).toEqual([7, 7, 7, 255]);
  });

  it('fits a large picture within 512 keeping its proportions, and never enlarges a small one', () => {
    expect(fitWithin(1024, 768, 512)).toEqual({ width: 512, height: 384 });
    expect(fitWithin(300, 2000, 512)).toEqual({ width: 77, height: 512 });
    expect(fitWithin(30, 20, 512)).toEqual({ width: 30, height: 20 });
  });
});

describe('the patch around a pixel', () => {
  it('is centred on the pixel where it can be, shifted inside at the borders, and the whole picture when smaller', () => {
    expect(patchOrigin(100, 50, 512, 512, 8)).toEqual({ top: 97, left: 47, rows: 8, cols: 8 });
    expect(patchOrigin(1, 510, 512, 512, 8)).toEqual({ top: 0, left: 504, rows: 8, cols: 8 });
    expect(patchOrigin(2, 3, 5, 6, 8)).toEqual({ top: 0, left: 0, rows: 5, cols: 6 });
  });

  it('reads its values plane by plane, row by row (NCHW), as the pictures hold them', () => {
    const w = 6;
    const h = 5;
    const planes = Array.from({ length: 2 * w * h }, (_, i) => i * 3 + 1);
    const expected: number[] = [];
    for (const plane of [0, 1]) for (const row of rowsOf(planes, plane, w, h).slice(1, 4)) expected.push(...row.slice(2, 4));
    expect(extractPatch(planes, 2, w, h, 1, 2, 3, 2)).toEqual(expected);
  });

  it('maps a pixel to the same place of a picture of another size', () => {
    expect(samePlace(3, 5, [10, 10], [20, 20])).toEqual([7, 11]);
    expect(samePlace(19, 19, [20, 20], [10, 10])).toEqual([9, 9]);
    expect(samePlace(0, 0, [5, 5], [2, 2])).toEqual([0, 0]);
  });
});

describe('image jobs (the engine’s ops on every plane)', () => {
  it('a convolution with stride, padding and dilation equals a direct loop on each RGB channel; progress goes up to 1', () => {
    const w = 11;
    const h = 9;
    const rgba = picture(w, h);
    const kernel = [1, -2, 0.5, 3, 0, -1, 2, 1, -0.25];
    const { result, fractions } = run({ task: 'conv', color: 'rgb', kernel, k: [3, 3], stride: [2, 1], padding: [1, 2], dilation: [1, 2] }, rgba, w, h);
    expect(fractions).toEqual([1 / 3, 2 / 3, 1]);
    const out = result.outputs[0].image;
    for (let ch = 0; ch < 3; ch++) {
      const want = (() => {
        // Stride and padding differ per axis: run the loop with the pair per axis.
        const x = channelOf(rgba, ch, w, h);
        const k = [kernel.slice(0, 3), kernel.slice(3, 6), kernel.slice(6)];
        const oh = Math.floor((h + 2 - 2 - 1) / 2) + 1;
        const ow = Math.floor((w + 4 - 4 - 1) / 1) + 1;
        return Array.from({ length: oh }, (_, i) => Array.from({ length: ow }, (_, j) => {
          let acc = 0;
          for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
            const y = i * 2 - 1 + a;
            const xx = j - 2 + b * 2;
            if (y >= 0 && y < h && xx >= 0 && xx < w) acc += x[y][xx] * k[a][b];
          }
          return acc;
        }));
      })();
      expect([out.height, out.width]).toEqual([want.length, want[0].length]);
      const got = rowsOf(out.values, ch, out.width, out.height);
      got.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(want[r][c], 9)));
    }
    expect(out.offset).toBe(0);
  });

  it('in grey, the Sobel x result is the direct loop on the luma plane, drawn around 128', () => {
    const w = 7;
    const h = 6;
    const rgba = picture(w, h, 11);
    const { result } = run({ task: 'conv', color: 'grey', kernel: IMAGE_KERNELS.sobelx, k: [3, 3], stride: [1, 1], padding: [0, 0], dilation: [1, 1] }, rgba, w, h);
    const luma = Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => {
      const i = 4 * (r * w + c);
      return Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
    }));
    const want = naiveConv(luma, [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], 1, 0, 1);
    const out = result.outputs[0].image;
    expect(out.channels).toBe(1);
    expect(rowsOf(out.values, 0, out.width, out.height)).toEqual(want);
    expect(out.rgba[0]).toBe(Math.max(0, Math.min(255, want[0][0] + 128)));
  });

  it('×2 upsampling of a flat picture: k = 4 is flat away from the border, k = 3 has the 1-2-4 checkerboard (4⁄9, 8⁄9, 16⁄9 of the value)', () => {
    const w = 6;
    const h = 6;
    const rgba = new Uint8ClampedArray(w * h * 4).fill(90);
    const { result, fractions } = run({ task: 'convT', color: 'grey' }, rgba, w, h);
    expect(fractions).toEqual([0.5, 1]);
    const [k3, k4] = result.outputs.map((o) => o.image);
    expect([k3.width, k3.height, k4.width, k4.height]).toEqual([12, 12, 12, 12]);
    const interior = (img: typeof k3) => rowsOf(img.values, 0, 12, 12).slice(1, 11).flatMap((row) => row.slice(1, 11));
    expect(new Set(interior(k4).map((v) => Math.round(v * 1e9) / 1e9))).toEqual(new Set([90]));
    expect(new Set(interior(k3).map((v) => Math.round(v * 1e9) / 1e9))).toEqual(new Set([40, 80, 160]));
  });

  it('max pooling 2×2 then max unpooling back to the picture’s size: each maximum at its place, 0 elsewhere (direct loops)', () => {
    const w = 6;
    const h = 4;
    const rgba = picture(w, h, 5);
    const { result } = run({ task: 'pool', color: 'rgb', pool: 'max', k: [2, 2], stride: [2, 2], padding: [0, 0] }, rgba, w, h);
    const [pooled, unpooled] = result.outputs.map((o) => o.image);
    expect([pooled.width, pooled.height, unpooled.width, unpooled.height]).toEqual([3, 2, 6, 4]);
    for (let ch = 0; ch < 3; ch++) {
      const x = channelOf(rgba, ch, w, h);
      const wantUnpooled = x.map((row) => row.map(() => 0));
      const wantPooled = [0, 1].map((i) => [0, 1, 2].map((j) => {
        let best = -Infinity;
        let at = [0, 0];
        for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) if (x[2 * i + a][2 * j + b] > best) {
          best = x[2 * i + a][2 * j + b];
          at = [2 * i + a, 2 * j + b];
        }
        wantUnpooled[at[0]][at[1]] = best;
        return best;
      }));
      expect(rowsOf(pooled.values, ch, 3, 2)).toEqual(wantPooled);
      expect(rowsOf(unpooled.values, ch, 6, 4)).toEqual(wantUnpooled);
    }
  });

  it('average pooling then average unpooling copies each mean into its window', () => {
    const w = 4;
    const h = 2;
    const rgba = picture(w, h, 9);
    const { result } = run({ task: 'pool', color: 'grey', pool: 'avg', k: [2, 2], stride: [2, 2], padding: [0, 0] }, rgba, w, h);
    const luma = rowsOf(rgbaToPlanes(rgba, w, h, 'grey'), 0, w, h);
    const means = [0, 1].map((j) => (luma[0][2 * j] + luma[0][2 * j + 1] + luma[1][2 * j] + luma[1][2 * j + 1]) / 4);
    const [pooled, unpooled] = result.outputs.map((o) => o.image);
    expect(Array.from(pooled.values)).toEqual(means);
    expect(rowsOf(unpooled.values, 0, 4, 2)).toEqual([0, 1].map(() => [means[0], means[0], means[1], means[1]]));
  });

  it('refuses impossible settings with the engine’s own error (pooling padding above half the window)', () => {
    expect(() => run({ task: 'pool', color: 'grey', pool: 'max', k: [2, 2], stride: [2, 2], padding: [2, 2] }, picture(4, 4), 4, 4)).toThrow(/padding/);
  });
});
