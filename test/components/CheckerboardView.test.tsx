// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckerboardView } from '../../src/components/CheckerboardView';

import { computeExplore } from '../../src/engine';
import { t } from '../../src/i18n';
import { loadQuery, selectValidated, selectValues, specOf, useStore } from '../../src/store';
import { showQuery } from './showQuery';

const OVERLAP = t('panels.grid.overlap');
const readGrid = (name: string) =>
  within(screen.getByRole('grid', { name })).getAllByRole('row').map((row) =>
    within(row).getAllByRole('gridcell').map((cell) => Number(cell.firstChild?.textContent ?? NaN)),
  );
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Independent: taps landing on output o of one axis: pairs (input i, tap j) with i·s + j − p = o. */
function axisCounts(n: number, k: number, s: number, p: number, outSize: number): number[] {
  return range(outSize).map((o) => range(n).reduce((sum, i) => sum + range(k).filter((j) => i * s + j - p === o).length, 0));
}
const outer = (u: number[], v: number[]) => u.map((a) => v.map((b) => a * b));

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('CheckerboardView', () => {
  it('k=3, s=2: the counts are uneven (1, 2, 4 in the interior); the rule and the fix are given', () => {
    showQuery('?op=convT&in=4&k=3&s=2&vals=int');
    render(<CheckerboardView />);
    const axis = axisCounts(4, 3, 2, 0, 9);
    expect(readGrid(OVERLAP)).toEqual(outer(axis, axis));
    expect(screen.getByRole('status')).toHaveTextContent(t('checker.uneven', { counts: '1, 2, 4' }));
    expect(screen.getByText(t('checker.axisNo', { axis: t('formula.height'), k: 3, s: 2 }))).toBeInTheDocument();
    expect(screen.getByText(t('checker.fix'))).toBeInTheDocument();
  });

  it('k=4, s=2: the interior is even (4 taps), with padding 1 cropping the border', () => {
    showQuery('?op=convT&in=4&k=4&s=2&p=1&vals=int');
    render(<CheckerboardView />);
    const axis = axisCounts(4, 4, 2, 1, 8);
    const grid = readGrid(OVERLAP);
    expect(grid).toEqual(outer(axis, axis));
    // Independent: the inner 6×6 (away from the first and last row/column) all receive 2·2 taps.
    for (let r = 1; r < 7; r++) for (let c = 1; c < 7; c++) expect(grid[r][c]).toBe(4);
    expect(screen.getByRole('status')).toHaveTextContent(t('checker.even', { n: 4 }));
    expect(screen.getByText(t('checker.axisYes', { axis: t('formula.width'), k: 4, s: 2 }))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Try kernel/ })).toBeNull();
    expect(screen.getByText(t('checker.fixed'))).toBeInTheDocument();
    expect(screen.queryByText(t('checker.fix'))).toBeNull();
  });

  it('offers the nearest kernel divisible by the stride in one click', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=4&k=3&s=2&vals=int');
    render(<CheckerboardView />);
    await user.click(screen.getByRole('button', { name: t('checker.try', { kh: 4, kw: 4 }) }));
    expect(useStore.getState().params.k).toEqual([4, 4]);
  });

  it('two input channels with typed kernel values: "Try kernel 4 × 4" resizes both kernels (32 values) and the picture still computes', async () => {
    const user = userEvent.setup();
    // The weight [Cin = 2, Cout = 1, 3, 3]: the kernels 1…9 and 10…18.
    const w = Array.from({ length: 18 }, (_, i) => i + 1);
    showQuery(`?op=convT&in=4&k=3&s=2&cin=2&w=${w.join(',')}`);
    render(<CheckerboardView />);
    await user.click(screen.getByRole('button', { name: t('checker.try', { kh: 4, kw: 4 }) }));
    const s = useStore.getState();
    expect(s.params.k).toEqual([4, 4]);
    // Each kernel keeps its values top-left in its 4×4 plane, zeros where it grew.
    expect(s.params.w).toEqual([
      1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0,
      10, 11, 12, 0, 13, 14, 15, 0, 16, 17, 18, 0, 0, 0, 0, 0,
    ]);
    expect(selectValidated(s).ok).toBe(true);
    const values = selectValues(s);
    expect(() => computeExplore(specOf(s.params), values.x, values.w)).not.toThrow();
  });

  it('for a convolution it explains the checkerboard belongs to the transposed convolution and switches in one click', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=5&k=3&s=2&vals=int');
    render(<CheckerboardView />);
    expect(screen.queryByRole('grid', { name: OVERLAP })).toBeNull();
    expect(screen.getByText(t('checker.conv'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('checker.switch') }));
    expect(useStore.getState().params.op).toBe('convT');
  });
});
