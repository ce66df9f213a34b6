// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GradientView } from '../../src/components/GradientView';

import { t } from '../../src/i18n';
import { loadQuery } from '../../src/store';
import { showQuery } from './showQuery';

const readGrid = (name: string) =>
  within(screen.getByRole('grid', { name })).getAllByRole('row').map((row) =>
    within(row).getAllByRole('gridcell').map((cell) => Number(cell.firstChild?.textContent ?? NaN)),
  );
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Independent stride-1, unpadded convolution (cross-correlation) of an n×n plane with a k×k kernel. */
function conv(x: readonly number[], n: number, w: readonly number[], k: number): number[] {
  const o = n - k + 1;
  return range(o * o).map((p) => range(k * k).reduce((s, j) => s + x[(Math.floor(p / o) + Math.floor(j / k)) * n + (p % o) + (j % k)] * w[j], 0));
}
/** Independent stride-1, unpadded transposed convolution of an n×n plane: every cell stamps v·w. */
function convT(y: readonly number[], n: number, w: readonly number[], k: number): number[] {
  const size = n + k - 1;
  const out = range(size * size).map(() => 0);
  y.forEach((v, p) => range(k * k).forEach((j) => (out[(Math.floor(p / n) + Math.floor(j / k)) * size + (p % n) + (j % k)] += v * w[j])));
  return out;
}
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

const sums = () => within(screen.getByRole('group', { name: t('gradient.sums') })).getAllByText(/=/).map((p) => p.textContent ?? '');

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('GradientView', () => {
  it('⟨conv(x), y⟩ = ⟨x, convT(y)⟩ on the page’s numbers (4×4 input, k=3), both computed here', () => {
    const { x, w } = showQuery('?op=conv&in=4&k=3&vals=int');
    render(<GradientView />);
    const y = readGrid(t('panels.grid.upstream')).flat();
    expect(y).toHaveLength(4);
    const image = convT(y, 2, w, 3);
    expect(readGrid(t('panels.grid.convTOfY')).flat()).toEqual(image);
    const lhs = dot(conv(x, 4, w, 3), y);
    const rhs = dot(x, image);
    expect(lhs).toBe(rhs);
    const [first, second] = sums();
    expect(first.startsWith(t('gradient.lhsConv'))).toBe(true);
    expect(first.endsWith(`= ${lhs}`)).toBe(true);
    expect(second.startsWith(t('gradient.rhsConv'))).toBe(true);
    expect(second.endsWith(`= ${rhs}`)).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent(t('gradient.equal', { a: lhs, b: rhs }));
  });

  it('for a transposed convolution the roles swap: ⟨convT(x), y⟩ = ⟨x, conv(y)⟩ (2×2 → 4×4, k=3)', () => {
    const { x, w } = showQuery('?op=convT&in=2&k=3&vals=int');
    render(<GradientView />);
    const y = readGrid(t('panels.grid.upstream')).flat();
    expect(y).toHaveLength(16);
    const image = conv(y, 4, w, 3);
    expect(readGrid(t('panels.grid.convOfY')).flat()).toEqual(image);
    const lhs = dot(convT(x, 2, w, 3), y);
    expect(lhs).toBe(dot(x, image));
    const [first, second] = sums();
    expect(first.startsWith(t('gradient.lhsConvT'))).toBe(true);
    expect(first.endsWith(`= ${lhs}`)).toBe(true);
    expect(second.endsWith(`= ${lhs}`)).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent(t('gradient.equal', { a: lhs, b: lhs }));
  });
});
