// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoundTripView } from '../../src/components/RoundTripView';

import { t } from '../../src/i18n';
import { loadQuery } from '../../src/store';
import { showQuery } from './showQuery';

const gridRows = (name: string) => within(screen.getByRole('grid', { name })).getAllByRole('row');
const readGrid = (name: string) => gridRows(name).map((row) => within(row).getAllByRole('gridcell').map((cell) => Number(cell.firstChild?.textContent ?? NaN)));
const marked = (name: string) =>
  gridRows(name).flatMap((row, r) => within(row).getAllByRole('gridcell').flatMap((cell, c) => (cell.textContent?.includes('≠') ? [`${r},${c}`] : [])));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Independent stride-1, unpadded convolution of an n×n plane with a k×k kernel (both row-major). */
function conv(x: readonly number[], n: number, w: readonly number[], k: number): number[][] {
  const o = n - k + 1;
  return range(o).map((oy) => range(o).map((ox) => range(k * k).reduce((s, j) => s + x[(oy + Math.floor(j / k)) * n + ox + (j % k)] * w[j], 0)));
}
/** Independent stride-1, unpadded transposed convolution: every y cell stamps y·w. */
function convT(y: number[][], w: readonly number[], k: number): number[][] {
  const n = y.length + k - 1;
  const out = range(n).map(() => range(n).map(() => 0));
  y.forEach((row, iy) => row.forEach((v, ix) => range(k * k).forEach((j) => (out[iy + Math.floor(j / k)][ix + (j % k)] += v * w[j]))));
  return out;
}

const INPUT = t('grid.input');
const ROUND = t('panels.grid.roundTrip');

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('RoundTripView', () => {
  it('conv then convT (4×4, k=3): the shape comes back, the values do not; the differing cells are marked', () => {
    const { x, w } = showQuery('?op=conv&in=4&k=3&vals=int');
    render(<RoundTripView />);
    const y = conv(x, 4, w, 3);
    const back = convT(y, w, 3);
    expect(readGrid(INPUT)).toEqual(range(4).map((r) => x.slice(r * 4, r * 4 + 4)));
    expect(readGrid(t('panels.grid.convOfX'))).toEqual(y);
    expect(readGrid(ROUND)).toEqual(back);
    const differ = range(16).filter((i) => back[Math.floor(i / 4)][i % 4] !== x[i]).map((i) => `${Math.floor(i / 4)},${i % 4}`);
    expect(differ.length).toBeGreaterThan(0);
    expect(marked(ROUND)).toEqual(differ);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(t('roundtrip.shape', { a: '4 × 4', b: '2 × 2', c: '4 × 4' }));
    expect(status).toHaveTextContent(`${differ.length} of 16 cells differ`);
  });

  it('convT then conv (2×2 → 5×5 → 2×2, k=3, s=2): the shape comes back', () => {
    showQuery('?op=convT&in=2&k=3&s=2&vals=int');
    render(<RoundTripView />);
    expect(readGrid(INPUT)).toHaveLength(2);
    expect(readGrid(t('panels.grid.convTOfX'))).toHaveLength(5);
    expect(readGrid(ROUND).map((row) => row.length)).toEqual([2, 2]);
    expect(screen.getByRole('status')).toHaveTextContent(t('roundtrip.shape', { a: '2 × 2', b: '5 × 5', c: '2 × 2' }));
    expect(screen.getByText(t('roundtrip.introConvT'))).toBeInTheDocument();
  });

  it('a 1×1 kernel holding 1 brings every value back, and the page says so', () => {
    const { x } = showQuery('?op=conv&in=3&k=1&w=1&vals=int');
    render(<RoundTripView />);
    expect(readGrid(ROUND).flat()).toEqual([...x]);
    expect(marked(ROUND)).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent(t('roundtrip.same'));
  });

  it('with two input channels each grid names its channel', () => {
    showQuery('?op=conv&in=3&k=2&cin=2&vals=int');
    render(<RoundTripView />);
    expect(screen.getByRole('grid', { name: `${INPUT}, channel 2` })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: `${ROUND}, channel 2` })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(t('roundtrip.shape', { a: '2 × 3 × 3', b: '2 × 2', c: '2 × 3 × 3' }));
  });
});
