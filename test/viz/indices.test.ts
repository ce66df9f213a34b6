/**
 * Where a grid cell sits in the engine's flat tensors, and which cell of another grid it is: the
 * helpers the views use instead of writing NCHW offsets and padding shifts themselves. Expected
 * indices are worked out here by hand from the layouts (x [1, Cin, H, W], conv weight
 * [Cout, Cin/g, kH, kW], transposed weight [Cin, Cout/g, kH, kW]).
 */
import { describe, expect, it } from 'vitest';
import { convMatrix, convPlan, convTransposeDirectPlan, convTransposeScatterPlan, explore, type ExploreSpec } from '../../src/engine';
import { inputCellIndex, paddedCellIndex, weightCellIndex } from '../../src/viz/looks';
import { entryAt, entryIndex, overlapCounts, overlapValue } from '../../src/viz/matrixLooks';
import { canvasOutputCell, directInputCell } from '../../src/viz/transposeLooks';
import { poolInputIndex, toPaddedCell } from '../../src/viz/unpoolLooks';

const spec = (s: Partial<ExploreSpec>): ExploreSpec => ({
  op: 'conv', fw: 'torch', input: [4, 4], kernel: [3, 3], stride: [1, 1], padding: [1, 1],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null, channels: { in: 2, out: 2, groups: 1 }, ...s,
});

describe('convolution cells', () => {
  const e = explore(spec({}));
  if (e.op !== 'conv') throw new Error('expected a convolution');
  const plan = convPlan(e.info, { channel: 1 });

  it('input cell (row, col) of channel 1 is 16 + 4·row + col; the padded grid is shifted by the padding, its ring has no index', () => {
    expect(inputCellIndex(plan, 1, 2, 3)).toBe(16 + 11);
    expect(paddedCellIndex(plan, 1, 3, 4)).toBe(16 + 11);
    expect(paddedCellIndex(plan, 0, 0, 2)).toBeNull();
    expect(paddedCellIndex(plan, 0, 5, 5)).toBeNull();
  });

  it('kernel cell (2, 1) linking input channel 0 to output channel 1 is weight[1][0][2][1] = (1·2 + 0)·9 + 7', () => {
    expect(weightCellIndex(plan, 0, 2, 1)).toBe(25);
  });

  it('a matrix cell without a stored entry is a structural zero', () => {
    const one = explore(spec({ channels: { in: 1, out: 1, groups: 1 }, padding: [0, 0] }));
    if (one.op !== 'conv') throw new Error('expected a convolution');
    const m = convMatrix(one.info, Array.from({ length: 9 }, (_, i) => i + 1));
    const entries = entryIndex(m);
    // Output (0, 0) reads input (0, 0) with the kernel's first tap; input (3, 3) (column 15) only feeds output (1, 1).
    expect(entryAt(m, entries, 0, 0)?.value).toBe(1);
    expect(entryAt(m, entries, 0, 15)).toBeUndefined();
  });
});

describe('transposed convolution cells (2×2 input, k=3, s=2, p=1)', () => {
  const e = explore(spec({ op: 'convT', input: [2, 2], stride: [2, 2], channels: { in: 1, out: 1, groups: 1 } }));
  if (e.op !== 'convT') throw new Error('expected a transposed convolution');

  it('the scatter canvas (5×5) loses its first and last row and column to the padding', () => {
    const scatter = convTransposeScatterPlan(e.info);
    expect(canvasOutputCell(scatter, 0, 2)).toBeNull();
    expect(canvasOutputCell(scatter, 4, 1)).toBeNull();
    expect(canvasOutputCell(scatter, 1, 3)).toEqual({ row: 0, col: 2 });
  });

  it('the zero-inserted grid holds inputs at even cells, zeros between; the padded grid adds p′ = 1 around', () => {
    const direct = convTransposeDirectPlan(e.info);
    expect(directInputCell(direct, 2, 2, true)).toEqual({ row: 1, col: 1 });
    expect(directInputCell(direct, 1, 0, true)).toBeNull();
    expect(directInputCell(direct, 3, 1)).toEqual({ row: 1, col: 0 });
    expect(directInputCell(direct, 0, 0)).toBeNull();
  });

  it('the overlap map reads the taps landing on each output cell: 1, 2, 1 per axis (i·2 + tap − 1 = o)', () => {
    const value = overlapValue(overlapCounts(convTransposeScatterPlan(e.info)));
    expect([value(0, 0), value(1, 2), value(1, 1)]).toEqual([1, 2, 4]);
  });
});

describe('pooling cells (TensorFlow SAME on 5×5 with 2×2 windows: padding only after)', () => {
  const e = explore(spec({ op: 'unpool', fw: 'tf', input: [5, 5], kernel: [2, 2], stride: [2, 2], padding: 'SAME', channels: { in: 2, out: 2, groups: 1 } }));
  if (e.op !== 'unpool') throw new Error('expected pooling');

  it('input cells keep their place on the padded grid; the padding row and column have no index', () => {
    expect(e.pool.pad).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(toPaddedCell(e.pool, 4, 3)).toEqual({ row: 4, col: 3 });
    expect(poolInputIndex(e.pool, 1, 4, 3)).toBe(25 + 23);
    expect(poolInputIndex(e.pool, 0, 5, 0)).toBeNull();
    expect(poolInputIndex(e.pool, 0, 0, 5)).toBeNull();
  });
});
