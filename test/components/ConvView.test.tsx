// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConvView } from '../../src/components/ConvView';
import { computeExplore } from '../../src/engine';
import { t } from '../../src/i18n';
import { loadQuery, selectValidated, selectValues, specOf, useStore } from '../../src/store';

// --- helpers (the same small set lives in TransposeViews.test.tsx) ----------------------------

/** Loads `query` and computes its picture on the main thread (what the worker would send). */
function showQuery(query: string): void {
  loadQuery(query);
  const s = useStore.getState();
  const v = selectValidated(s);
  if (!v.ok) throw new Error(`the query should be valid: ${v.error.message}`);
  const { x, w } = selectValues(s);
  useStore.setState({ picture: { explored: v.explored, x, w, numbers: computeExplore(specOf(s.params), x, w) }, hover: null, pinned: false });
}

const rowsOf = (name: string) => within(screen.getByRole('grid', { name })).getAllByRole('row');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
/** A cell's value: its own text, without the corner note. */
const valueText = (cell: HTMLElement) =>
  Array.from(cell.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
const readGrid = (name: string) => rowsOf(name).map((row) => cellsOf(row).map(valueText));
const cellAt = (name: string, r: number, c: number) => cellsOf(rowsOf(name)[r])[c];
/** "r,c" of the aria-selected cells of a grid. */
const selected = (name: string) =>
  rowsOf(name).flatMap((row, r) => cellsOf(row).flatMap((cell, c) => (cell.getAttribute('aria-selected') === 'true' ? [`${r},${c}`] : []))).sort();
/** The equation: its products as [x, w] pairs and the text after "=". */
function readEquation() {
  const body = within(screen.getByRole('group', { name: t('equation.label') })).getAllByText(/=/).at(-1)?.closest('p')?.textContent ?? '';
  const [lhs, result] = body.split(' = ');
  const terms = lhs.split(' + ').map((term) => term.split('·').map((s) => Number(s.replace(/[()]/g, ''))));
  return { terms, result: result.trim() };
}
const button = (key: 'transport.next' | 'transport.prev' | 'transport.last' | 'transport.first') => screen.getByRole('button', { name: t(key) });

/** The cells a k-tap window with top-left (top, left) covers, "r,c", written from the definition. */
function block(top: number, left: number, k: number): string[] {
  const out: string[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out.push(`${top + a},${left + b}`);
  return out.sort();
}

/**
 * All-ones conv output per axis, counted independently: how many of the k taps of output o
 * (window starting at o·s − padBefore) fall inside an input of size n.
 */
function onesConvAxis(n: number, k: number, s: number, padBefore: number, outSize: number): number[] {
  return Array.from({ length: outSize }, (_, o) => {
    let count = 0;
    for (let j = 0; j < k; j++) if (o * s - padBefore + j >= 0 && o * s - padBefore + j < n) count++;
    return count;
  });
}
const outer = (a: number[], b: number[]) => a.map((u) => b.map((v) => String(u * v)));

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('ConvView', () => {
  it("issue 3's worked example: TF in=5 k=3 s=2 SAME ones reads [[4,6,4],[6,9,6],[4,6,4]] at the last step", async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones');
    render(<ConvView />);
    // SAME with in=5, k=3, s=2: 3 outputs, 2 padding cells in all, 1 before.
    const axis = onesConvAxis(5, 3, 2, 1, 3);
    expect(readGrid('Output')).toEqual([[axis[0] === 0 ? '' : String(axis[0] * axis[0]), '', ''], ['', '', ''], ['', '', '']]);
    await user.click(button('transport.last'));
    expect(readGrid('Output')).toEqual(outer(axis, axis));
    expect(readGrid('Output')).toEqual([['4', '6', '4'], ['6', '9', '6'], ['4', '6', '4']]);
  });

  it("issue 3's worked example with in=6: [[9,9,6],[9,9,6],[6,6,4]]", async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&fw=tf&in=6&k=3&s=2&p=same&vals=ones');
    render(<ConvView />);
    await user.click(button('transport.last'));
    // in=6: SAME pads 1 in all, 0 before, 1 after.
    const axis = onesConvAxis(6, 3, 2, 0, 3);
    expect(readGrid('Output')).toEqual(outer(axis, axis));
  });

  it('draws the input with its padding ring (reading 0) and names the grids', () => {
    showQuery('?op=conv&in=4x5&k=3&p=2x1&vals=int&seed=4');
    render(<ConvView />);
    const input = readGrid('Input');
    expect(input).toHaveLength(4 + 2 * 2);
    expect(input[0]).toHaveLength(5 + 2 * 1);
    expect(input[0].every((v) => v === '0')).toBe(true);
    const x = selectValues(useStore.getState()).x;
    expect(input[2].slice(1, 6)).toEqual(x.slice(0, 5).map(String));
    expect(screen.getByRole('grid', { name: 'Kernel' })).toBeInTheDocument();
    expect(screen.queryByRole('grid', { name: t('grid.dilated') })).toBeNull();
  });

  it('at every step the equation multiplies the window by the kernel and its sum is the active output cell', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=5&k=3&s=2&p=1&vals=int&seed=3');
    render(<ConvView />);
    const count = 9;
    for (let i = 0; i < count; i++) {
      const { terms, result } = readEquation();
      expect(terms).toHaveLength(9);
      const sum = terms.reduce((acc, [a, b]) => acc + a * b, 0);
      expect(result).toBe(String(sum));
      const oy = Math.floor(i / 3);
      const ox = i % 3;
      expect(selected('Output')).toEqual([`${oy},${ox}`]);
      expect(valueText(cellAt('Output', oy, ox))).toBe(result);
      // The equation's input operands are the window's cells, padding as 0, in row-major order.
      const window = block(oy * 2, ox * 2, 3).map((rc) => rc.split(',').map(Number));
      window.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      expect(terms.map(([a]) => String(a))).toEqual(window.map(([r, c]) => valueText(cellAt('Input', r, c))));
      if (i < count - 1) await user.click(button('transport.next'));
    }
  });

  it('stepping with the transport buttons moves the active cell and back', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=5&k=3&vals=int');
    render(<ConvView />);
    expect(selected('Output')).toEqual(['0,0']);
    await user.click(button('transport.next'));
    expect(selected('Output')).toEqual(['0,1']);
    await user.click(button('transport.next'));
    await user.click(button('transport.next'));
    expect(selected('Output')).toEqual(['1,0']);
    await user.click(button('transport.prev'));
    expect(selected('Output')).toEqual(['0,2']);
    expect(useStore.getState().steps.conv).toBe(2);
  });

  it('hovering an output cell marks its receptive field on the input; a click pins it', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=int');
    render(<ConvView />);
    expect(selected('Input')).toEqual([]);
    await user.hover(cellAt('Output', 2, 1));
    // Output (2, 1) with s=2 reads padded rows 4..6 and columns 2..4.
    expect(selected('Input')).toEqual(block(4, 2, 3));
    expect(useStore.getState().hover).toEqual({ grid: 'output', row: 2, col: 1 });
    await user.click(cellAt('Output', 2, 1));
    await user.unhover(screen.getByRole('grid', { name: 'Output' }));
    expect(useStore.getState().pinned).toBe(true);
    expect(selected('Input')).toEqual(block(4, 2, 3));
    await user.click(cellAt('Output', 2, 1));
    expect(useStore.getState().pinned).toBe(false);
  });

  it('hovering an input cell marks the output cells it feeds and notes the kernel cells', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=5&k=3&vals=ones');
    render(<ConvView />);
    await user.hover(cellAt('Input', 2, 2));
    expect(useStore.getState().hover).toEqual({ grid: 'input', row: 2, col: 2 });
    // Stride 1, no padding: input (2, 2) feeds every output (2 − ky, 2 − kx).
    expect(selected('Output')).toEqual(block(0, 0, 3));
    expect(cellAt('Kernel', 0, 0).textContent).toContain('→2,2');
    expect(cellAt('Kernel', 2, 2).textContent).toContain('→0,0');
  });

  it('editing a kernel cell changes the params (the picture follows through the engine)', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=5&k=3&vals=ones');
    render(<ConvView />);
    await user.click(cellAt('Kernel', 1, 2));
    await user.keyboard('{Control>}a{/Control}7{Enter}');
    expect(useStore.getState().params.w?.[5]).toBe(7);
  });

  it('with dilation 2 shows the spread kernel and marks only the taps on the input', () => {
    showQuery('?op=conv&in=7&k=3&d=2&vals=int');
    render(<ConvView />);
    const spread = readGrid(t('grid.dilated'));
    expect(spread).toHaveLength(5);
    const w = selectValues(useStore.getState()).w;
    expect(spread[2][4]).toBe(String(w[5]));
    expect(spread[1].every((v) => v === '0')).toBe(true);
    // The window's taps carry the kernel value they meet as a note ("×2"): 9 taps, 2 apart.
    const tapped = rowsOf('Input').flatMap((row, r) => cellsOf(row).flatMap((cell, c) => ((cell.textContent ?? '').includes('×') ? [`${r},${c}`] : [])));
    expect(tapped.sort()).toEqual(['0,0', '0,2', '0,4', '2,0', '2,2', '2,4', '4,0', '4,2', '4,4']);
  });

  it('keeps the last picture when the params become impossible', () => {
    showQuery('?op=conv&in=5&k=3&vals=ones');
    render(<ConvView />);
    act(() => useStore.getState().setParams({ k: [7, 7] }));
    expect(readGrid('Kernel')).toHaveLength(3);
  });
});
