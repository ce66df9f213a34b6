/**
 * The worked examples the tutorials use, each named after its source. Where a test checks more
 * than the source prints (padded canvases, flipped kernels) the expectation is computed here.
 */
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  avgUnpool2d,
  computeConvTranspose2DInfo,
  conv2d,
  convTranspose2d,
  convTranspose2dDirect,
  convTranspose2dDirectFromInfo,
  convTranspose2dInfo,
  convTranspose2dScatter,
  convTranspose2dScatterFromInfo,
  maxPool2d,
  maxUnpool2d,
  padOrCrop,
  tensor,
  type Tensor,
} from '../../src/engine';
import { convTranspose2dKernel } from '../../src/engine/kernels/convTranspose2d';

/** A single-plane [1, 1, H, W] tensor from rows. */
const grid = (rows: number[][]): Tensor => tensor([1, 1, rows.length, rows[0].length], rows.flat());
const rowsOf = (t: Tensor): number[][] => {
  const [, , h, w] = t.shape;
  return Array.from({ length: h }, (_, y) => Array.from(t.data.subarray(y * w, (y + 1) * w)));
};
const ones = (shape: number[]): Tensor => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 1));

describe('PyTorch ConvTranspose2d docs-style worked example ("Understanding transposed convolutions"): [[1,0],[2,1]] ⊛ᵀ 3×3 kernel, stride 1, padding 0', () => {
  const x = grid([
    [1, 0],
    [2, 1],
  ]);
  const kernelRows = [
    [1, 0, 1],
    [0, 1, 1],
    [1, 0, 0],
  ];
  const w = grid(kernelRows);
  const expected = [
    [1, 0, 1, 0],
    [2, 2, 3, 1],
    [1, 2, 3, 1],
    [2, 1, 0, 0],
  ];

  it('convTranspose2d gives the tutorial 4×4 result', () => {
    expect(rowsOf(convTranspose2d(x, w))).toEqual(expected);
  });

  it('the scatter form stamps the same 4×4 (nothing to crop at padding 0)', () => {
    const { full, output } = convTranspose2dScatter(x, w);
    expect(rowsOf(output)).toEqual(expected);
    expect(rowsOf(full)).toEqual(expected);
  });

  it('equals zero-padding the input by 2 and sliding the 180°-flipped kernel (convTranspose2dDirect)', () => {
    const { zeroInserted, padded, flippedWeight, output } = convTranspose2dDirect(x, w);
    // Stride 1 inserts no zeros.
    expect(rowsOf(zeroInserted)).toEqual([
      [1, 0],
      [2, 1],
    ]);
    // p' = k − 1 − p = 2 on every side: a 6×6 canvas with the input in its middle.
    const wantPadded = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 0));
    wantPadded[2][2] = 1;
    wantPadded[3][2] = 2;
    wantPadded[3][3] = 1;
    expect(padded.shape).toEqual([1, 1, 6, 6]);
    expect(rowsOf(padded)).toEqual(wantPadded);
    const wantFlipped = kernelRows.map((r) => [...r].reverse()).reverse();
    expect(rowsOf(flippedWeight)).toEqual(wantFlipped);
    expect(rowsOf(output)).toEqual(expected);
  });
});

describe('PyTorch MaxUnpool2d docs example: MaxPool2d(2, stride=2, return_indices=True) on 1…16 (4×4)', () => {
  const values = Array.from({ length: 16 }, (_, i) => i + 1);
  const x = tensor([1, 1, 4, 4], values);

  it('pools to [[6,8],[14,16]] with indices [[5,7],[13,15]]', () => {
    const { output, indices } = maxPool2d(x, { kernelSize: 2, stride: 2 });
    expect(rowsOf(output)).toEqual([
      [6, 8],
      [14, 16],
    ]);
    expect(rowsOf(indices)).toEqual([
      [5, 7],
      [13, 15],
    ]);
  });

  it('MaxUnpool2d puts each maximum back where it came from and zeros elsewhere', () => {
    const { output, indices } = maxPool2d(x, { kernelSize: 2, stride: 2 });
    const back = maxUnpool2d(output, indices, { kernelSize: 2, stride: 2 });
    expect(back.shape).toEqual([1, 1, 4, 4]);
    // Independent expectation: keep a value only where it is its 2×2 block's maximum.
    const want = values.map((v, i) => {
      const [y, xx] = [Math.floor(i / 4), i % 4];
      const block = [0, 1].flatMap((dy) => [0, 1].map((dx) => values[(y - (y % 2) + dy) * 4 + (xx - (xx % 2) + dx)]));
      return v === Math.max(...block) ? v : 0;
    });
    expect(Array.from(back.data)).toEqual(want);
  });

  it('with output_size 5×5 the same flat indices land in a 5-wide plane', () => {
    const { output, indices } = maxPool2d(x, { kernelSize: 2, stride: 2 });
    const back = maxUnpool2d(output, indices, { kernelSize: 2, stride: 2, outputSize: [5, 5] });
    const want = Array.from({ length: 25 }, () => 0);
    indices.data.forEach((at, i) => (want[at] = output.data[i]));
    expect(Array.from(back.data)).toEqual(want);
    expect(rowsOf(back)[1]).toEqual([6, 0, 8, 0, 0]);
  });
});

describe('A guide to convolution arithmetic (Dumoulin & Visin 2016), numeric figures: 5×5 input, 3×3 kernel', () => {
  const x = grid([
    [3, 3, 2, 1, 0],
    [0, 0, 1, 3, 1],
    [3, 1, 2, 2, 3],
    [2, 0, 0, 2, 2],
    [2, 0, 0, 0, 1],
  ]);
  const w = grid([
    [0, 1, 2],
    [2, 2, 0],
    [0, 1, 2],
  ]);

  it('stride 1, no padding → [[12,12,17],[10,17,19],[9,6,14]]', () => {
    expect(rowsOf(conv2d(x, w))).toEqual([
      [12, 12, 17],
      [10, 17, 19],
      [9, 6, 14],
    ]);
  });

  it('stride 2, padding 1 → [[6,17,3],[8,17,13],[6,4,4]]', () => {
    expect(rowsOf(conv2d(x, w, { stride: 2, padding: 1 }))).toEqual([
      [6, 17, 3],
      [8, 17, 13],
      [6, 4, 4],
    ]);
  });
});

describe('A guide to convolution arithmetic (Dumoulin & Visin 2016), transposed-convolution figures (k=3)', () => {
  const cases = [
    { name: '2×2 → 4×4 (no padding, unit strides, transposed: s=1 p=0)', i: 2, s: 1, p: 0, o: 4 },
    { name: '2×2 → 5×5 (no padding, strides, transposed: s=2 p=0)', i: 2, s: 2, p: 0, o: 5 },
    { name: '3×3 → 5×5 (padding, strides, transposed: s=2 p=1)', i: 3, s: 2, p: 1, o: 5 },
  ];
  it.each(cases)('$name', ({ i, s, p, o }) => {
    const x = tensor([1, 1, i, i], Array.from({ length: i * i }, (_, j) => j + 1));
    const w = tensor([1, 1, 3, 3], [1, 2, 0, -1, 1, 3, 0, 2, 1]);
    const out = convTranspose2d(x, w, { stride: s, padding: p });
    expect(out.shape).toEqual([1, 1, o, o]);
    // The two teaching forms give the same numbers as the kernel.
    expect(Array.from(convTranspose2dScatter(x, w, { stride: s, padding: p }).output.data)).toEqual(Array.from(out.data));
    const direct = convTranspose2dDirect(x, w, { stride: s, padding: p });
    expect(Array.from(direct.output.data)).toEqual(Array.from(out.data));
    // The figure's direct form: s − 1 zeros between cells, p' = k − 1 − p zeros around.
    const zero = (i - 1) * s + 1;
    expect(direct.zeroInserted.shape).toEqual([1, 1, zero, zero]);
    expect(direct.padded.shape).toEqual([1, 1, zero + 2 * (3 - 1 - p), zero + 2 * (3 - 1 - p)]);
  });
});

describe('DCGAN generator shapes (TensorFlow DCGAN tutorial: Conv2DTranspose k=5, SAME; in PyTorch padding 2, outputPadding 1)', () => {
  it('7×7×128 → 7×7×64 (stride 1) → 14×14×32 (stride 2) → 28×28×1 (stride 2)', () => {
    let h: Tensor = ones([1, 128, 7, 7]);
    const steps = [
      { cout: 64, stride: 1, outputPadding: 0, size: 7 },
      { cout: 32, stride: 2, outputPadding: 1, size: 14 },
      { cout: 1, stride: 2, outputPadding: 1, size: 28 },
    ];
    const sizes: number[] = [h.shape[2]];
    for (const step of steps) {
      const w = ones([h.shape[1], step.cout, 5, 5]);
      h = convTranspose2d(h, w, { stride: step.stride, padding: 2, outputPadding: step.outputPadding });
      expect(h.shape).toEqual([1, step.cout, step.size, step.size]);
      sizes.push(h.shape[2]);
    }
    expect(sizes).toEqual([7, 7, 14, 28]);
  });

  it("7 → 14: the direct form inserts zeros to 13, pads 2 before and 2 + 1 after, and a 5×5 stride-1 conv gives 14", () => {
    const info = convTranspose2dInfo(ones([1, 1, 7, 7]), ones([1, 1, 5, 5]), { stride: 2, padding: 2, outputPadding: 1 });
    expect([info.direct.zeroH, info.direct.zeroW]).toEqual([13, 13]);
    expect(info.direct.pad).toEqual({ top: 2, bottom: 3, left: 2, right: 3 });
    expect([info.outH, info.outW]).toEqual([13 + 2 + 3 - 5 + 1, 13 + 2 + 3 - 5 + 1]);
  });
});

describe("conv2d padding 'same' (PyTorch): total d(k − 1), the odd extra after (independent computation)", () => {
  const x = tensor([1, 2, 5, 6], Array.from({ length: 60 }, (_, i) => ((i * 5) % 11) - 5));
  it.each([
    { k: 3, d: 1, before: 1, after: 1 },
    { k: 4, d: 1, before: 1, after: 2 },
    { k: 2, d: 3, before: 1, after: 2 },
    { k: 3, d: 2, before: 2, after: 2 },
  ])('k=$k d=$d pads $before before and $after after, keeping 5×6', ({ k, d, before, after }) => {
    const w = tensor([3, 2, k, k], Array.from({ length: 6 * k * k }, (_, i) => ((i * 3) % 7) - 3));
    const same = conv2d(x, w, { padding: 'same', dilation: d });
    expect(same.shape).toEqual([1, 3, 5, 6]);
    const padded = padOrCrop(x, { top: before, bottom: after, left: before, right: after });
    const valid = conv2d(padded, w, { padding: 'valid', dilation: d });
    expect(Array.from(same.data)).toEqual(Array.from(valid.data));
  });
});

describe('avgUnpool2d: each pooled value copied into its window, overlaps averaged, uncovered cells 0 (independent computation)', () => {
  /** For each output cell, the mean of the pooled values whose window covers it (0 if none). */
  function byHand(v: number[][], k: number, s: number, p: number, outH: number, outW: number): number[][] {
    return Array.from({ length: outH }, (_, y) =>
      Array.from({ length: outW }, (_, xx) => {
        const covering: number[] = [];
        v.forEach((row, oy) =>
          row.forEach((value, ox) => {
            const inY = y >= oy * s - p && y < oy * s - p + k;
            const inX = xx >= ox * s - p && xx < ox * s - p + k;
            if (inY && inX) covering.push(value);
          }),
        );
        return covering.length ? covering.reduce((a, b) => a + b, 0) / covering.length : 0;
      }),
    );
  }
  const pooled = [
    [1, 2],
    [3, 4],
  ];

  it('k=2 s=2: every value fills its own 2×2 block', () => {
    const out = avgUnpool2d(grid(pooled), { kernelSize: 2 });
    expect(rowsOf(out)).toEqual(byHand(pooled, 2, 2, 0, 4, 4));
    expect(rowsOf(out)[0]).toEqual([1, 1, 2, 2]);
  });

  it.each([
    { k: 3, s: 2, p: 0, size: undefined },
    { k: 3, s: 2, p: 1, size: undefined },
    { k: 2, s: 3, p: 0, size: [6, 6] as [number, number] },
    { k: 3, s: 1, p: 1, size: undefined },
  ])('k=$k s=$s p=$p outputSize=$size', ({ k, s, p, size }) => {
    const out = avgUnpool2d(grid(pooled), { kernelSize: k, stride: s, padding: p, outputSize: size });
    const [, , outH, outW] = out.shape;
    expect([outH, outW]).toEqual(size ?? [(2 - 1) * s - 2 * p + k, (2 - 1) * s - 2 * p + k]);
    expect(rowsOf(out)).toEqual(byHand(pooled, k, s, p, outH, outW));
  });

  it('works plane by plane over batch and channels', () => {
    const x = tensor([2, 3, 2, 2], Array.from({ length: 24 }, (_, i) => i - 7));
    const out = avgUnpool2d(x, { kernelSize: 3, stride: 2 });
    for (let plane = 0; plane < 6; plane++) {
      const v = [0, 1].map((r) => Array.from(x.data.subarray(plane * 4 + r * 2, plane * 4 + r * 2 + 2)));
      const want = byHand(v, 3, 2, 0, 5, 5).flat();
      expect(Array.from(out.data.subarray(plane * 25, (plane + 1) * 25))).toEqual(want);
    }
  });
});

describe('teaching forms with asymmetric (TensorFlow SAME-style) pads via the …FromInfo variants', () => {
  it.each([
    { pad: { top: 0, bottom: 1, left: 1, right: 0 }, outputPadding: [1, 0] as [number, number], stride: [2, 2] as [number, number] },
    { pad: { top: 1, bottom: 2, left: 0, right: 1 }, outputPadding: [0, 2] as [number, number], stride: [2, 3] as [number, number] },
  ])('pads $pad, outputPadding $outputPadding, stride $stride: scatter = direct = kernel', ({ pad, outputPadding, stride }) => {
    const x = tensor([2, 4, 3, 4], Array.from({ length: 96 }, (_, i) => ((i * 7) % 9) - 4));
    const w = tensor([4, 3, 3, 3], Array.from({ length: 108 }, (_, i) => ((i * 5) % 7) - 3));
    const bias = tensor([6], [1, -2, 0, 3, -1, 2]);
    const info = computeConvTranspose2DInfo(x.shape, w.shape, { stride, pad, dilation: [1, 1], groups: 2, outputPadding }, bias.shape);
    const kernel = convTranspose2dKernel(info, x.data, w.data, bias.data);
    const scatter = convTranspose2dScatterFromInfo(info, x, w, bias);
    const direct = convTranspose2dDirectFromInfo(info, x, w, bias);
    expect(scatter.output.shape).toEqual([2, 6, info.outH, info.outW]);
    expect(Array.from(scatter.output.data)).toEqual(Array.from(kernel));
    expect(Array.from(direct.output.data)).toEqual(Array.from(kernel));
    expect(direct.padded.shape.slice(2)).toEqual([
      info.direct.zeroH + info.direct.pad.top + info.direct.pad.bottom,
      info.direct.zeroW + info.direct.pad.left + info.direct.pad.right,
    ]);
  });
});

describe('avgPool2d counts padding in the divisor by default, as PyTorch (independent computation)', () => {
  it('all-ones 3×3, k=3 s=1 p=1: a corner window holds 4 real cells of 9', () => {
    const x = ones([1, 1, 3, 3]);
    const byDefault = avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1 });
    const realOnly = avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false });
    // Real cells inside each window, divided by the 9 cells of the window.
    const realCells = (i: number): number => (i === 1 ? 3 : 2);
    const want = Array.from({ length: 9 }, (_, j) => (realCells(Math.floor(j / 3)) * realCells(j % 3)) / 9);
    expect(Array.from(byDefault.data)).toEqual(want);
    expect(Array.from(realOnly.data)).toEqual(Array.from({ length: 9 }, () => 1));
  });
});
