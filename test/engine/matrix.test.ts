import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../src/engine/errors';
import { conv2dKernel } from '../../src/engine/kernels/conv2d';
import { convTranspose2dKernel } from '../../src/engine/kernels/convTranspose2d';
import {
  MAX_MATRIX_ENTRIES,
  convMatrix,
  convTransposeMatrix,
  denseMatrix,
  matVec,
  transposeMatrix,
  type ConvMatrix,
} from '../../src/engine/matrix';
import { computeConv2DInfo, computeConvTranspose2DInfo, convTransposeOutSize, symmetricPads } from '../../src/engine/shape';
import { firstMismatch } from '../fixtures';

/** Deterministic integers in −3..3. */
function ints(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 16) % 7 - 3;
  }
  return out;
}

const expectSame = (got: ArrayLike<number>, want: ArrayLike<number>): void => {
  expect(firstMismatch(got, Array.from(want), 0)).toBeNull();
};

const small = (max: number, min = 0) => fc.integer({ min, max });

/** A convolution and the transposed convolution that maps its output size back to its input size. */
const pairCase = fc
  .record({
    batch: small(2, 1), groups: small(2, 1), inPer: small(2, 1), outPer: small(2, 1),
    kH: small(3, 1), kW: small(3, 1), sH: small(3, 1), sW: small(3, 1), dH: small(2, 1), dW: small(2, 1),
    top: small(2), bottom: small(2), left: small(2), right: small(2), extraH: small(4), extraW: small(4), seed: fc.integer(),
  })
  .map((r) => {
    const inH = Math.max(1, r.dH * (r.kH - 1) + 1 - r.top - r.bottom) + r.extraH;
    const inW = Math.max(1, r.dW * (r.kW - 1) + 1 - r.left - r.right) + r.extraW;
    const pad = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    const xShape = [r.batch, r.groups * r.inPer, inH, inW];
    const wShape = [r.groups * r.outPer, r.inPer, r.kH, r.kW];
    const base = { stride: [r.sH, r.sW] as const, dilation: [r.dH, r.dW] as const, groups: r.groups, pad };
    const conv = computeConv2DInfo(xShape, wShape, base);
    // The output padding that brings the transposed size back to inH × inW (always < stride).
    const aH = inH - convTransposeOutSize(conv.outH, r.kH, r.sH, r.top + r.bottom, r.dH);
    const aW = inW - convTransposeOutSize(conv.outW, r.kW, r.sW, r.left + r.right, r.dW);
    const convT = computeConvTranspose2DInfo([r.batch, conv.outChannels, conv.outH, conv.outW], wShape, { ...base, outputPadding: [aH, aW] });
    const x = ints(xShape.reduce((a, b) => a * b), r.seed);
    const y = ints(r.batch * conv.outChannels * conv.outH * conv.outW, r.seed ^ 0x1b873593);
    const w = ints(wShape.reduce((a, b) => a * b), r.seed ^ 0x5bd1e995);
    return { conv, convT, x, y, w };
  });

/** M·v for every batch item of a flat NCHW tensor. */
function applyPerItem(m: ConvMatrix, v: Float64Array, batch: number): Float64Array {
  const out = new Float64Array(batch * m.rows);
  for (let n = 0; n < batch; n++) out.set(matVec(m, v.subarray(n * m.cols, (n + 1) * m.cols)), n * m.rows);
  return out;
}

describe('convolution as a sparse matrix C', () => {
  it('C·x equals conv2dKernel for every batch item (random shapes, groups, stride, dilation, asymmetric pads)', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, x, w }) => {
        const C = convMatrix(conv, w);
        expect([C.rows, C.cols]).toEqual([conv.outChannels * conv.outH * conv.outW, conv.inChannels * conv.inH * conv.inW]);
        expectSame(applyPerItem(C, x, conv.batch), conv2dKernel(conv, x, w));
      }),
      { numRuns: 150 },
    );
  });

  it('entries are sorted by row then column, one per link, and name the cells and kernel tap they join', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, w }) => {
        const C = convMatrix(conv, w);
        for (let k = 0; k < C.entries.length; k++) {
          const e = C.entries[k];
          if (k > 0) {
            const p = C.entries[k - 1];
            expect(p.row < e.row || (p.row === e.row && p.col < e.col)).toBe(true);
          }
          expect(e.row).toBe((e.rowChannel * conv.outH + e.rowY) * conv.outW + e.rowX);
          expect(e.col).toBe((e.colChannel * conv.inH + e.colY) * conv.inW + e.colX);
          expect(e.colY).toBe(e.rowY * conv.strideH - conv.pad.top + e.ky * conv.dilationH);
          expect(e.colX).toBe(e.rowX * conv.strideW - conv.pad.left + e.kx * conv.dilationW);
          expect(e.value).toBe(w[e.wIndex]);
          expect(Math.floor(e.colChannel / conv.inPerGroup)).toBe(Math.floor(e.rowChannel / conv.outPerGroup));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('the dense matrix holds the same numbers: dense·x = C·x', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, x, w }) => {
        const C = convMatrix(conv, w);
        const D = denseMatrix(C);
        const item = x.subarray(0, C.cols);
        const viaDense = new Float64Array(C.rows);
        for (let r = 0; r < C.rows; r++) for (let c = 0; c < C.cols; c++) viaDense[r] += D[r * C.cols + c] * item[c];
        expectSame(viaDense, matVec(C, item));
      }),
      { numRuns: 60 },
    );
  });

  it('"A guide to convolution arithmetic for deep learning" (Dumoulin & Visin, §4.1): a 4×4 input and a 3×3 kernel give a 4×16 C', () => {
    const info = computeConv2DInfo([1, 1, 4, 4], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
    const w = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const C = convMatrix(info, w);
    expect([C.rows, C.cols]).toEqual([4, 16]);
    // The guide's rows: w_{ky,kx} sits at column (oy + ky)·4 + (ox + kx) of row oy·2 + ox, zeros elsewhere.
    const want = new Float64Array(4 * 16);
    for (let oy = 0; oy < 2; oy++) for (let ox = 0; ox < 2; ox++) for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) {
      want[(oy * 2 + ox) * 16 + (oy + ky) * 4 + ox + kx] = w[ky * 3 + kx];
    }
    expectSame(denseMatrix(C), want);
    expect(C.entries).toHaveLength(4 * 9);
  });

  it('stores a link even where the weight is 0 (hover linking needs the structure, not the value)', () => {
    const info = computeConv2DInfo([1, 1, 4, 4], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
    expect(convMatrix(info, new Float64Array(9)).entries).toHaveLength(36);
  });
});

describe('transposed convolution as Cᵀ', () => {
  it('Cᵀ·y equals convTranspose2dKernel for the matching transposed convolution, and convTransposeMatrix is exactly Cᵀ', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, convT, y, w }) => {
        const CT = convTransposeMatrix(convT, w);
        expect(CT).toEqual(transposeMatrix(convMatrix(conv, w)));
        expect([CT.rows, CT.cols]).toEqual([conv.inChannels * conv.inH * conv.inW, conv.outChannels * conv.outH * conv.outW]);
        expectSame(applyPerItem(CT, y, conv.batch), convTranspose2dKernel(convT, y, w));
      }),
      { numRuns: 150 },
    );
  });

  it('⟨C·x, y⟩ = ⟨x, Cᵀ·y⟩ with the kernels’ own numbers (the transposed convolution is the adjoint)', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, convT, x, y, w }) => {
        const cx = conv2dKernel(conv, x, w);
        const cty = applyPerItem(convTransposeMatrix(convT, w), y, conv.batch);
        let left = 0;
        let right = 0;
        for (let i = 0; i < cx.length; i++) left += cx[i] * y[i];
        for (let i = 0; i < x.length; i++) right += x[i] * cty[i];
        expect(right).toBe(left);
      }),
      { numRuns: 100 },
    );
  });

  it('works where no convolution maps back (output padding ≥ stride, allowed by dilation): Cᵀ·y still equals the kernel', () => {
    // s = 1, d = 2 allows output_padding 1: the output is one row/column larger than any conv inverts.
    const info = computeConvTranspose2DInfo([1, 2, 3, 3], [2, 1, 2, 2], {
      stride: [1, 1], pad: symmetricPads(0, 0), dilation: [2, 2], groups: 1, outputPadding: [1, 1],
    });
    const y = ints(18, 11);
    const w = ints(8, 12);
    expectSame(matVec(convTransposeMatrix(info, w), y), convTranspose2dKernel(info, y, w));
  });

  it('transposing twice gives the matrix back', () => {
    fc.assert(
      fc.property(pairCase, ({ conv, w }) => {
        const C = convMatrix(conv, w);
        expect(transposeMatrix(transposeMatrix(C))).toEqual(C);
      }),
      { numRuns: 40 },
    );
  });
});

describe('matrix refusals', () => {
  const info = computeConv2DInfo([1, 1, 4, 4], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });

  it('refuses a weight of the wrong length and a vector that does not match the columns', () => {
    expect(() => convMatrix(info, new Float64Array(8))).toThrow(expect.objectContaining({ code: 'data-length', param: 'weight' }));
    const C = convMatrix(info, new Float64Array(9));
    expect(() => matVec(C, new Float64Array(15))).toThrow(/16 columns, so the vector must hold 16 values/);
  });

  it('refuses a matrix too large for the view instead of freezing the tab', () => {
    const big = computeConv2DInfo([1, 16, 128, 128], [16, 16, 3, 3], { stride: [1, 1], pad: symmetricPads(1, 1), dilation: [1, 1], groups: 1 });
    expect(16 * 128 * 128 * 16 * 9).toBeGreaterThan(MAX_MATRIX_ENTRIES);
    expect(() => convMatrix(big, new Float64Array(16 * 16 * 9))).toThrow(ShapeError);
    expect(() => convMatrix(big, new Float64Array(16 * 16 * 9))).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('refuses a dense matrix beyond the tensor element limit', () => {
    const wide = computeConv2DInfo([1, 1, 64, 64], [1, 1, 1, 1], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
    const C = convMatrix(wide, Float64Array.of(1));
    expect(() => denseMatrix(C)).toThrow(expect.objectContaining({ code: 'too-large', param: 'matrix' }));
  });
});
