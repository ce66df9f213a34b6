import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { convPlan, explore, paddedInputSize, step, type ExploreSpec } from '../../src/engine';
import {
  backingStore, canvasSize, cellAt, cellPaint, cellRect, changedCells, fitCell, gridPaint, IDENTITY, panToCell, samePaint, type CanvasGeometry,
} from '../../src/viz/cellPaint';
import { valueColor } from '../../src/viz/color';
import { convLooks, drawsOnCanvas, paddedInputValue, progressiveValue } from '../../src/viz/looks';

const base: ExploreSpec = {
  op: 'conv', fw: 'torch', input: [5, 5], kernel: [3, 3], stride: [1, 1], padding: [0, 0],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null,
};

function conv(n: number, k: number) {
  const e = explore({ ...base, input: [n, n], kernel: [k, k] });
  if (e.op !== 'conv') throw new Error('expected conv');
  return convPlan(e.info);
}

const ramp = (n: number) => Array.from({ length: n }, (_, i) => (i % 7) - 3);

/** The paints of a conv's input and output grids at step `at`, as the view draws them. */
function convPaints(n: number, k: number, at: number) {
  const plan = conv(n, k);
  const x = ramp(n * n);
  const w = ramp(k * k).map((v) => v + 0.5);
  const out = ramp(plan.info.outH * plan.info.outW);
  const looks = convLooks(plan, step(plan, at), null, w);
  const { rows, cols } = paddedInputSize(plan.info);
  return {
    plan,
    input: gridPaint(rows, cols, paddedInputValue(plan, x), looks.input, valueColor(3)),
    output: gridPaint(plan.info.outH, plan.info.outW, progressiveValue(plan, out, at), looks.output, valueColor(3)),
  };
}

/** The row-major indices of a k×k window whose top-left is (top, left) in a grid `cols` wide: from the definition. */
function windowIndices(top: number, left: number, k: number, cols: number): number[] {
  const out: number[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out.push((top + a) * cols + left + b);
  return out;
}

describe('what a canvas grid paints', () => {
  it('a cell paints what the DOM grid shows: its number, tone, mark, note, and the value colour only on value cells', () => {
    const color = valueColor(4);
    const p = cellPaint((r, c) => r * 10 + c, () => ({ tone: 'value', mark: 'window', note: '×2' }), color, 1, 2);
    expect(p).toEqual({ text: '12', full: '12', tone: 'value', mark: 'window', note: '×2', background: color(12) });
    const pad = cellPaint(() => 0, () => ({ tone: 'padding' }), color, 0, 0);
    expect(pad.background).toBe('');
    const blank = cellPaint(() => null, undefined, color, 0, 0);
    expect([blank.text, blank.full, blank.background]).toEqual(['', '', '']);
  });

  it('grids of more than 24 × 24 cells are drawn on a canvas, 24 × 24 and smaller cell by cell', () => {
    expect(drawsOnCanvas(24, 24)).toBe(false);
    expect(drawsOnCanvas(25, 24)).toBe(true);
    expect(drawsOnCanvas(97, 97)).toBe(true);
    expect(drawsOnCanvas(1, 97)).toBe(false);
  });

  for (const n of [32, 64]) {
    it(`a step of a ${n}×${n} convolution with k = 3 repaints the output's two active cells and only the input cells of the two windows`, () => {
      const at = n + 5; // an output cell of row 1
      const before = convPaints(n, 3, at);
      const after = convPaints(n, 3, at + 1);
      const { outW } = before.plan.info;
      // Output: the old active cell loses its mark, the new one gets its value and the mark.
      expect(changedCells(before.output, after.output)).toEqual([at, at + 1]);
      // Input (no padding, stride 1): the two windows' cells.
      const cols = n;
      const union = new Set([...windowIndices(Math.floor(at / outW), at % outW, 3, cols), ...windowIndices(Math.floor((at + 1) / outW), (at + 1) % outW, 3, cols)]);
      const changed = changedCells(before.input, after.input);
      for (const i of changed) expect(union.has(i)).toBe(true);
      // The column that leaves the window and the one that enters it change for sure.
      const [oy, ox] = [Math.floor(at / outW), at % outW];
      for (const a of [0, 1, 2]) {
        expect(changed).toContain((oy + a) * cols + ox);
        expect(changed).toContain((oy + a) * cols + ox + 3);
      }
      expect(changed.length).toBeLessThanOrEqual(2 * 9);
    });
  }

  it('given the previous paints, a step keeps the objects of the cells it does not change and paints the others as afresh', () => {
    const n = 32;
    const plan = conv(n, 3);
    const x = ramp(n * n);
    const w = ramp(9);
    const at = n + 5;
    const { rows, cols } = paddedInputSize(plan.info);
    const paints = (s: number, before?: ReturnType<typeof gridPaint>) =>
      gridPaint(rows, cols, paddedInputValue(plan, x), convLooks(plan, step(plan, s), null, w).input, valueColor(3), before);
    const before = paints(at);
    const fresh = paints(at + 1);
    const reused = paints(at + 1, before);
    // The same paints as computed without the previous ones …
    expect(reused).toEqual(fresh);
    // … with the previous object wherever the paint did not change, a new one where it did.
    const changed = new Set(changedCells(before, fresh));
    expect(changed.size).toBeGreaterThan(0);
    for (let i = 0; i < reused.length; i++) expect(reused[i] === before[i]).toBe(!changed.has(i));
    // Paints of a grid of another size are not reused.
    const other = gridPaint(rows - 1, cols, paddedInputValue(plan, x), undefined, undefined, before);
    expect(other.some((p, i) => p === before[i])).toBe(false);
  });

  it('with no picture before, or a grid of another size, every cell is painted', () => {
    const a = convPaints(32, 3, 0);
    expect(changedCells(null, a.output)).toHaveLength(a.output.length);
    const b = convPaints(31, 3, 0);
    expect(changedCells(a.output, b.output)).toHaveLength(b.output.length);
  });

  test.prop([fc.array(fc.record({ text: fc.constantFrom('', '1', '2'), mark: fc.constantFrom(null, 'window', 'active') }), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 })])(
    'changedCells lists exactly the cells whose paint differs, in ascending order',
    (looks, flips) => {
      const paints = looks.map(({ text, mark }) => ({ text, full: text, tone: 'value' as const, mark: mark as 'window' | 'active' | null, note: '', background: '' }));
      const next = paints.map((p) => ({ ...p }));
      const flipped = new Set(flips.map((f) => f % paints.length));
      for (const i of flipped) next[i] = { ...next[i], note: 'x' };
      const changed = changedCells(paints, next);
      expect(changed).toEqual([...flipped].sort((a, b) => a - b));
      for (let i = 0; i < paints.length; i++) expect(samePaint(paints[i], next[i])).toBe(!flipped.has(i));
    },
  );
});

describe('canvas geometry', () => {
  it('the first backing store already holds the grid one row shorter, whose cells grow when the window\'s height decides them', () => {
    // A 32 × 32 grid 918 px tall at most (0.85 of a 1080 px window), 1044 px wide, cells up to 41.6 px.
    const at = (rows: number) => canvasSize({ rows, cols: 32, cell: fitCell(rows, 32, 1044, 918, 41.6) });
    const first = backingStore(at(32), null);
    expect(at(31).width).toBeGreaterThan(at(32).width);
    expect(backingStore(at(31), first)).toBe(first);
  });

  test.prop([fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 })])(
    'a backing store holds its grid, is kept while the grid fills 3/4 of it each way, and is replaced otherwise',
    (w0, h0, w1, h1) => {
      const first = backingStore({ width: w0, height: h0 }, null);
      expect(first.width).toBeGreaterThanOrEqual(w0);
      expect(first.height).toBeGreaterThanOrEqual(h0);
      const next = backingStore({ width: w1, height: h1 }, first);
      expect(next.width).toBeGreaterThanOrEqual(w1);
      expect(next.height).toBeGreaterThanOrEqual(h1);
      const kept = w1 <= first.width && h1 <= first.height && w1 >= 0.75 * first.width && h1 >= 0.75 * first.height;
      expect(next === first).toBe(kept);
    },
  );

  const geometry = fc.record({ rows: fc.integer({ min: 1, max: 160 }), cols: fc.integer({ min: 1, max: 160 }), cell: fc.integer({ min: 2, max: 60 }) });
  const transform = fc.record({ x: fc.integer({ min: -3000, max: 0 }), y: fc.integer({ min: -3000, max: 0 }), k: fc.constantFrom(1, 1.6, 2.56, 4) });

  test.prop([geometry, transform, fc.nat(), fc.nat()])('the point at the middle of a cell\'s rectangle is that cell, zoomed or not', (g, t, rr, cc) => {
    const r = rr % g.rows;
    const c = cc % g.cols;
    const { x, y, size } = cellRect(g, t, r, c);
    expect(cellAt(g, t, x + size / 2, y + size / 2)).toEqual([r, c]);
  });

  test.prop([geometry])('points outside the grid are no cell', (g) => {
    expect(cellAt(g, IDENTITY, -1, 0)).toBeNull();
    expect(cellAt(g, IDENTITY, g.cols * g.cell + 1, 0)).toBeNull();
    expect(cellAt(g, IDENTITY, 0, g.rows * g.cell + 1)).toBeNull();
  });

  test.prop([geometry, fc.constantFrom(1.6, 2.56, 4), fc.nat(), fc.nat()])('panning to a cell brings it whole into a zoomed view, and leaves a view that shows it alone', (g, k, rr, cc) => {
    const r = rr % g.rows;
    const c = cc % g.cols;
    const width = g.cols * g.cell;
    const height = g.rows * g.cell;
    const t = panToCell(g, { x: 0, y: 0, k }, r, c, width, height);
    const { x, y, size } = cellRect(g, t, r, c);
    if (size <= width) {
      expect(x).toBeGreaterThanOrEqual(-1e-9);
      expect(x + size).toBeLessThanOrEqual(width + 1e-9);
    }
    if (size <= height) {
      expect(y).toBeGreaterThanOrEqual(-1e-9);
      expect(y + size).toBeLessThanOrEqual(height + 1e-9);
    }
    expect(panToCell(g, t, r, c, width, height)).toBe(t);
  });

  test.prop([fc.integer({ min: 1, max: 160 }), fc.integer({ min: 1, max: 160 }), fc.integer({ min: 100, max: 2000 }), fc.integer({ min: 100, max: 1200 }), fc.integer({ min: 20, max: 60 })])(
    'a fitted cell is never larger than the cap, and the grid fits the box unless the cells are at their 2 px floor',
    (rows, cols, width, height, max) => {
      const cell = fitCell(rows, cols, width, height, max);
      expect(cell).toBeLessThanOrEqual(max);
      expect(cell).toBeGreaterThanOrEqual(2);
      if (cell > 2) {
        expect(cols * cell).toBeLessThanOrEqual(width + 1e-9);
        expect(rows * cell).toBeLessThanOrEqual(height + 1e-9);
      }
    },
  );

  it('a 70 × 70 grid (64 × 64 with k = 7, p = 3) in a 1500 × 918 px box gets 13 px cells: whole pixels', () => {
    const g: CanvasGeometry = { rows: 70, cols: 70, cell: fitCell(70, 70, 1500, 918, 52) };
    expect(g.cell).toBe(13);
  });
});
