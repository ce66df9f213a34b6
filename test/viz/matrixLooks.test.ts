import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeConv2DInfo, computeConvTranspose2DInfo, convMatrix, convTransposeMatrix, convTransposeScatterPlan, symmetricPads,
} from '../../src/engine';
import {
  cellOf, changedLooks, divisible, entryIndex, evenKernel, flatIndex, innerProductText, interiorCounts, isInterior,
  matrixLinks, matrixLooks, matrixValue, overlapCounts, shapeText,
} from '../../src/viz/matrixLooks';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The guide's figure: 4×4 input, 3×3 kernel, no padding, stride 1 → 2×2 (weights 1…9 here). */
function guideMatrix() {
  const info = computeConv2DInfo([1, 1, 4, 4], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
  const w = range(9).map((i) => i + 1);
  return { m: convMatrix(info, w), w };
}

/**
 * Independent: how many kernel taps of a transposed convolution land on output o of one axis:
 * pairs (input i, tap j) with i·s + j·d − padBefore = o.
 */
function axisCounts(n: number, k: number, s: number, d: number, padBefore: number, outSize: number): number[] {
  return range(outSize).map((o) => {
    let count = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) if (i * s + j * d - padBefore === o) count++;
    return count;
  });
}

/** Independent: taps landing on canvas position f when the input is unbounded (the periodic pattern). */
const periodic = (f: number, k: number, s: number, d: number) => range(k).filter((j) => (((f - j * d) % s) + s) % s === 0).length;

function convTPlan(n: number, k: number, s: number, p: number, d = 1, a = 0) {
  const info = computeConvTranspose2DInfo([1, 1, n, n], [1, 1, k, k], {
    stride: [s, s], pad: symmetricPads(p, p), dilation: [d, d], groups: 1, outputPadding: [a, a],
  });
  return convTransposeScatterPlan(info);
}

describe('matrix helpers (the guide’s 4×4 input and 3×3 kernel give the 4×16 matrix)', () => {
  it('matrixValue: row r holds the kernel where output r’s window meets the input, zeros elsewhere', () => {
    const { m, w } = guideMatrix();
    expect([m.rows, m.cols]).toEqual([4, 16]);
    const value = matrixValue(m, entryIndex(m));
    for (let r = 0; r < 4; r++) {
      const [oy, ox] = [Math.floor(r / 2), r % 2];
      for (let c = 0; c < 16; c++) {
        const [iy, ix] = [Math.floor(c / 4), c % 4];
        const ky = iy - oy;
        const kx = ix - ox;
        const expected = ky >= 0 && ky < 3 && kx >= 0 && kx < 3 ? w[ky * 3 + kx] : 0;
        expect(value(r, c)).toBe(expected);
      }
    }
  });

  it('a stored entry links its input (column) and output (row); a structural zero links nothing', () => {
    const { m } = guideMatrix();
    const entries = entryIndex(m);
    // Output (0, 1) reads input (1, 2) with kernel cell (1, 1): row 1, column 6.
    const links = matrixLinks(m, entries, { on: 'entry', row: 1, col: 6 });
    expect([...links.inputs]).toEqual([6]);
    expect([...links.outputs]).toEqual([1]);
    // Input (0, 3) is outside output (0, 0)'s window (columns 0–2).
    const none = matrixLinks(m, entries, { on: 'entry', row: 0, col: 3 });
    expect([none.inputs.size, none.outputs.size, none.entries.size]).toEqual([0, 0, 0]);
  });

  it('an input cell links its column: the output cells whose windows contain it', () => {
    const { m } = guideMatrix();
    const entries = entryIndex(m);
    for (let c = 0; c < 16; c++) {
      const [iy, ix] = [Math.floor(c / 4), c % 4];
      // Independent: output (oy, ox) sees rows oy…oy+2 and columns ox…ox+2.
      const expected = range(4).filter((r) => {
        const [oy, ox] = [Math.floor(r / 2), r % 2];
        return iy >= oy && iy <= oy + 2 && ix >= ox && ix <= ox + 2;
      });
      const links = matrixLinks(m, entries, { on: 'input', index: c });
      expect([...links.outputs].sort((a, b) => a - b)).toEqual(expected);
      expect(links.entries.size).toBe(expected.length);
    }
  });

  it('an output cell links its row: the 9 input cells of its window', () => {
    const { m } = guideMatrix();
    const links = matrixLinks(m, entryIndex(m), { on: 'output', index: 3 });
    // Output (1, 1) reads rows 1–3, columns 1–3.
    const expected = [1, 2, 3].flatMap((iy) => [1, 2, 3].map((ix) => iy * 4 + ix));
    expect([...links.inputs].sort((a, b) => a - b)).toEqual(expected);
  });

  it('looks: zeros faint, the hovered cell active, linked cells linked (vectors and 2-D copies)', () => {
    const { m } = guideMatrix();
    const looks = matrixLooks(m, entryIndex(m), { on: 'entry', row: 3, col: 15 });
    expect(looks.matrix(0, 15).tone).toBe('zero');
    expect(looks.matrix(3, 15)).toEqual({ tone: 'value', mark: 'active' });
    expect(looks.inputVector(15, 0).mark).toBe('linked');
    expect(looks.inputVector(14, 0).mark).toBeNull();
    expect(looks.outputVector(3, 0).mark).toBe('linked');
    expect(looks.input2d(0)(3, 3).mark).toBe('linked');
    expect(looks.output2d(0)(1, 1).mark).toBe('linked');
    expect(looks.output2d(0)(0, 1).mark).toBeNull();
  });

  it('Cᵀ of a transposed convolution: an input cell’s column is its stamp', () => {
    const info = computeConvTranspose2DInfo([1, 1, 2, 2], [1, 1, 3, 3], {
      stride: [2, 2], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1, outputPadding: [0, 0],
    });
    const m = convTransposeMatrix(info, range(9));
    expect([m.rows, m.cols]).toEqual([25, 4]);
    const links = matrixLinks(m, entryIndex(m), { on: 'input', index: 3 });
    // Input (1, 1) stamps rows 2–4, columns 2–4 of the 5×5 output.
    const expected = [2, 3, 4].flatMap((oy) => [2, 3, 4].map((ox) => oy * 5 + ox));
    expect([...links.outputs].sort((a, b) => a - b)).toEqual(expected);
  });

  it('flatIndex and cellOf are inverse (NCHW, channels first)', () => {
    const g = { channels: 3, h: 2, w: 5 };
    for (let i = 0; i < 30; i++) {
      const { channel, y, x } = cellOf(g, i);
      expect(flatIndex(g, channel, y, x)).toBe(i);
    }
    expect(cellOf(g, 17)).toEqual({ channel: 1, y: 1, x: 2 });
  });
});

describe('checkerboard helpers', () => {
  it('k=3, s=2 (4×4 input): counts match an independent count, the interior is uneven (1, 2, 4)', () => {
    const o = overlapCounts(convTPlan(4, 3, 2, 0));
    const axis = axisCounts(4, 3, 2, 1, 0, 9);
    expect([o.rows, o.cols]).toEqual([9, 9]);
    for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) expect(o.counts[r * 9 + c]).toBe(axis[r] * axis[c]);
    expect(interiorCounts(o)).toEqual([1, 2, 4]);
  });

  it('k=4, s=2: the interior is even (4 taps everywhere), the border is not', () => {
    const o = overlapCounts(convTPlan(4, 4, 2, 0));
    const axis = axisCounts(4, 4, 2, 1, 0, 10);
    for (let r = 0; r < 10; r++) for (let c = 0; c < 10; c++) expect(o.counts[r * 10 + c]).toBe(axis[r] * axis[c]);
    expect(interiorCounts(o)).toEqual([4]);
    expect(isInterior(o, 0, 0)).toBe(false);
    expect(o.counts[0]).toBe(1);
  });

  fcTest.prop([
    fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 3 }),
  ])('every interior cell receives the unbounded input’s (periodic) count', (n, k, s, d, p) => {
    fc.pre(p <= d * (k - 1) && (n - 1) * s + d * (k - 1) + 1 - 2 * p >= 1);
    const plan = convTPlan(n, k, s, p, d);
    const o = overlapCounts(plan);
    const axis = axisCounts(n, k, s, d, p, o.rows);
    for (let r = 0; r < o.rows; r++) {
      for (let c = 0; c < o.cols; c++) {
        expect(o.counts[r * o.cols + c]).toBe(axis[r] * axis[c]);
        if (isInterior(o, r, c)) expect(o.counts[r * o.cols + c]).toBe(periodic(r + p, k, s, d) * periodic(c + p, k, s, d));
      }
    }
  });

  it('divisible and evenKernel: k=3, s=2 → 4; k=7, s=2 → none within 7', () => {
    expect(divisible(4, 2)).toBe(true);
    expect(divisible(3, 2)).toBe(false);
    expect(evenKernel(3, 2, 7)).toBe(4);
    expect(evenKernel(4, 2, 7)).toBe(4);
    expect(evenKernel(7, 2, 7)).toBeNull();
    expect(evenKernel(5, 1, 7)).toBe(5);
  });
});

describe('round trip and gradient helpers', () => {
  it('shapeText: H × W with one channel, C × H × W with several', () => {
    expect(shapeText([1, 1, 4, 5])).toBe('4 × 5');
    expect(shapeText([1, 3, 4, 5])).toBe('3 × 4 × 5');
  });

  it('changedLooks marks the changed cells (flat NCHW) of each channel with ≠', () => {
    const looks = changedLooks([1, 2, 2, 2], [1, 6]);
    expect(looks.map((look) => [look(0, 0), look(0, 1), look(1, 0)])).toEqual([
      [{}, { note: '≠' }, {}],
      [{}, {}, { note: '≠' }],
    ]);
  });

  it('innerProductText writes the products out and elides the middle of long ones', () => {
    expect(innerProductText([1, -2], [3, 4])).toBe('1·3 + (-2)·4');
    const long = innerProductText(range(20), range(20), 6);
    expect(long).toBe('0·0 + 1·1 + 2·2 + 3·3 + … + 18·18 + 19·19');
  });
});
