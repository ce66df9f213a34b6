// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MatrixView } from '../../src/components/MatrixView';

import { t } from '../../src/i18n';
import { loadQuery } from '../../src/store';
import { showQuery } from './showQuery';

const rowsOf = (name: string) => within(screen.getByRole('grid', { name })).getAllByRole('row');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
const valueText = (cell: HTMLElement) => Array.from(cell.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
const readGrid = (name: string) => rowsOf(name).map((row) => cellsOf(row).map((c) => Number(valueText(c))));
const cellAt = (name: string, r: number, c: number) => cellsOf(rowsOf(name)[r])[c];
const selected = (name: string) =>
  rowsOf(name).flatMap((row, r) => cellsOf(row).flatMap((cell, c) => (cell.getAttribute('aria-selected') === 'true' ? [`${r},${c}`] : [])));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const MATRIX = t('panels.grid.matrix');
const FLAT_IN = t('panels.grid.flatInput');
const FLAT_OUT = t('panels.grid.flatOutput');
const IN_2D = t('panels.grid.input2d');
const OUT_2D = t('panels.grid.output2d');

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('MatrixView', () => {
  it('the guide’s 4×4 input and 3×3 kernel give the 4×16 matrix; C · x is the output (computed here)', () => {
    const { x, w } = showQuery('?op=conv&in=4&k=3&vals=int');
    render(<MatrixView />);
    const m = readGrid(MATRIX);
    expect(m).toHaveLength(4);
    expect(m.every((row) => row.length === 16)).toBe(true);
    // Independent: row (oy, ox) holds w[iy − oy][ix − ox] where that is a kernel cell.
    const expected = range(4).map((r) =>
      range(16).map((c) => {
        const [ky, kx] = [Math.floor(c / 4) - Math.floor(r / 2), (c % 4) - (r % 2)];
        return ky >= 0 && ky < 3 && kx >= 0 && kx < 3 ? w[ky * 3 + kx] : 0;
      }),
    );
    expect(m).toEqual(expected);
    expect(readGrid(FLAT_IN).map((row) => row[0])).toEqual([...x]);
    const y = expected.map((row) => row.reduce((sum, v, c) => sum + v * x[c], 0));
    expect(readGrid(FLAT_OUT).map((row) => row[0])).toEqual(y);
    expect(readGrid(OUT_2D)).toEqual([y.slice(0, 2), y.slice(2, 4)]);
    // Zeros are faint: the matrix cell of input (0, 3) in output (0, 0)'s row shows 0.
    expect(valueText(cellAt(MATRIX, 0, 3))).toBe('0');
  });

  it('hovering an entry lights the input and output cells it links, in the vectors and the 2-D copies', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3&vals=int');
    render(<MatrixView />);
    // Row 1 is output (0, 1); column 6 is input (1, 2): linked through kernel cell (1, 1).
    await user.hover(cellAt(MATRIX, 1, 6));
    expect(selected(MATRIX)).toEqual(['1,6']);
    expect(selected(FLAT_IN)).toEqual(['6,0']);
    expect(selected(FLAT_OUT)).toEqual(['1,0']);
    expect(selected(IN_2D)).toEqual(['1,2']);
    expect(selected(OUT_2D)).toEqual(['0,1']);
    expect(screen.getByText(/kernel cell \(1, 1\)/)).toBeInTheDocument();
    // A structural zero links nothing.
    await user.hover(cellAt(MATRIX, 0, 3));
    expect(selected(FLAT_IN)).toEqual([]);
    expect(selected(OUT_2D)).toEqual([]);
  });

  it('and the reverse: an input cell lights its matrix column, an output cell its row', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3&vals=int');
    render(<MatrixView />);
    // Input (1, 1) = column 5 lies in all four 3×3 windows of the 4×4 input.
    await user.hover(cellAt(IN_2D, 1, 1));
    expect(selected(MATRIX)).toEqual(['0,5', '1,5', '2,5', '3,5']);
    expect(selected(OUT_2D)).toEqual(['0,0', '0,1', '1,0', '1,1']);
    // Output (1, 0) = row 2 reads input rows 1–3, columns 0–2.
    await user.hover(cellAt(FLAT_OUT, 2, 0));
    const window = [1, 2, 3].flatMap((iy) => [0, 1, 2].map((ix) => `2,${iy * 4 + ix}`));
    expect(selected(MATRIX)).toEqual(window);
    expect(selected(IN_2D)).toEqual([1, 2, 3].flatMap((iy) => [0, 1, 2].map((ix) => `${iy},${ix}`)));
  });

  it('a click pins the hover until the same cell is clicked again', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3&vals=int');
    render(<MatrixView />);
    await user.click(cellAt(MATRIX, 3, 15));
    await user.hover(cellAt(MATRIX, 0, 0));
    expect(selected(FLAT_IN)).toEqual(['15,0']);
    await user.click(cellAt(MATRIX, 3, 15));
    await user.hover(cellAt(MATRIX, 0, 0));
    expect(selected(FLAT_IN)).toEqual(['0,0']);
  });

  it('transposed convolution: Cᵀ (25×4 for 2×2 → 5×5, k=3, s=2), each column the stamp of one input cell', () => {
    const { x, w } = showQuery('?op=convT&in=2&k=3&s=2&vals=int');
    render(<MatrixView />);
    const m = readGrid(MATRIX);
    expect([m.length, m[0].length]).toEqual([25, 4]);
    // Independent: output (oy, ox) receives w[oy − 2iy][ox − 2ix] from input (iy, ix).
    const expected = range(25).map((r) =>
      range(4).map((c) => {
        const [ky, kx] = [Math.floor(r / 5) - 2 * Math.floor(c / 2), (r % 5) - 2 * (c % 2)];
        return ky >= 0 && ky < 3 && kx >= 0 && kx < 3 ? w[ky * 3 + kx] : 0;
      }),
    );
    expect(m).toEqual(expected);
    expect(readGrid(FLAT_OUT).map((row) => row[0])).toEqual(expected.map((row) => row.reduce((s, v, c) => s + v * x[c], 0)));
    expect(screen.getByText(t('matrix.caption', { m: 'Cᵀ', rows: 25, cols: 4 }))).toBeInTheDocument();
  });

  it('with channels the vectors flatten them (NCHW) and each 2-D copy names its channel', () => {
    showQuery('?op=conv&in=3&k=2&cin=2&cout=2&vals=int');
    render(<MatrixView />);
    expect(readGrid(MATRIX)).toHaveLength(2 * 2 * 2);
    expect(readGrid(MATRIX)[0]).toHaveLength(2 * 3 * 3);
    expect(screen.getByRole('grid', { name: `${IN_2D}, channel 1` })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: `${IN_2D}, channel 2` })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: `${OUT_2D}, channel 2` })).toBeInTheDocument();
    expect(screen.getByText(t('matrix.channels'))).toBeInTheDocument();
  });

  it('past 6×6 it says the matrix view is for inputs up to 6×6', () => {
    showQuery('?op=conv&in=7&k=3&vals=int');
    render(<MatrixView />);
    expect(screen.queryByRole('grid', { name: MATRIX })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(t('matrix.tooLarge', { h: 7, w: 7 }));
  });
});
