// @vitest-environment jsdom
/**
 * The pooling and unpooling view. Expected numbers come from PyTorch's MaxUnpool2d docs
 * example (named in the test's title) or from pooling loops written here from the definitions.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnpoolView } from '../../src/components/UnpoolView';
import { tfArgmaxIndex } from '../../src/engine';

import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { connectEngine } from '../../src/store/engineBridge';
import { createEngineClient } from '../../src/worker/client';
import { formatValue } from '../../src/viz/format';
import { showQuery } from './showQuery';

const initial = useStore.getInitialState();
let disconnect: (() => void) | null = null;
beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  disconnect?.();
  disconnect = null;
});

const rowsOf = (name: string) => within(screen.getByRole('grid', { name })).getAllByRole('row');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
/** A cell's value: its own text, without the corner note. */
const valueText = (cell: HTMLElement) =>
  Array.from(cell.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
const readGrid = (name: string) => rowsOf(name).map((row) => cellsOf(row).map(valueText));
const selected = (name: string) =>
  rowsOf(name).flatMap((row, r) => cellsOf(row).flatMap((cell, c) => (cell.getAttribute('aria-selected') === 'true' ? [`${r},${c}`] : []))).sort();
const button = (key: 'transport.next' | 'transport.prev' | 'transport.last' | 'transport.first') => screen.getByRole('button', { name: t(key) });
const text = (v: number) => formatValue(v);
const query = (x: readonly number[]) => x.join(',');

/** Max pooling of one H×W plane, k×k windows, stride s, no padding: the first (row-major) largest value of each window. */
function refMaxPool(x: readonly number[], H: number, W: number, k: number, s: number) {
  const oh = Math.floor((H - k) / s) + 1;
  const ow = Math.floor((W - k) / s) + 1;
  const cells: { v: number; y: number; x: number }[] = [];
  for (let r = 0; r < oh; r++)
    for (let c = 0; c < ow; c++) {
      let best = { v: Number.NEGATIVE_INFINITY, y: -1, x: -1 };
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (x[(r * s + a) * W + c * s + b] > best.v) best = { v: x[(r * s + a) * W + c * s + b], y: r * s + a, x: c * s + b };
      cells.push(best);
    }
  // Max unpooling back to H×W: each maximum at its place, 0 elsewhere.
  const unpooled = Array.from({ length: H * W }, () => 0);
  for (const cell of cells) unpooled[cell.y * W + cell.x] = cell.v;
  return { oh, ow, cells, unpooled };
}

/** Rows of `cols` strings. */
const chunk = (values: readonly (number | string)[], cols: number) =>
  Array.from({ length: values.length / cols }, (_, r) => values.slice(r * cols, (r + 1) * cols).map((v) => (typeof v === 'string' ? v : text(v))));

// userEvent steps through several renders; on a loaded machine a test can take seconds.
describe('UnpoolView', { timeout: 30_000 }, () => {
  it("PyTorch's MaxUnpool2d docs example: MaxPool2d(2, 2) on 1…16 gives [[6,8],[14,16]], switches [[5,7],[13,15]], and unpools to zeros except those cells", async () => {
    const user = userEvent.setup();
    const x = Array.from({ length: 16 }, (_, i) => i + 1);
    loadQuery(`?op=unpool&in=4&k=2&s=2&x=${query(x)}`);
    disconnect = connectEngine(createEngineClient());
    await vi.waitFor(() => expect(useStore.getState().picture?.explored.op).toBe('unpool'), { timeout: 10_000 });
    render(<UnpoolView />);
    await user.click(button('transport.last'));
    expect(readGrid('Pooled')).toEqual([['6', '8'], ['14', '16']]);
    expect(readGrid('Switches')).toEqual([['5', '7'], ['13', '15']]);
    // One channel: TensorFlow's (y·W + x)·C + c is the same number.
    expect(readGrid('Switches (TensorFlow argmax)')).toEqual([['5', '7'], ['13', '15']]);
    expect(readGrid('Output')).toEqual([
      ['0', '0', '0', '0'],
      ['0', '6', '0', '8'],
      ['0', '0', '0', '0'],
      ['0', '14', '0', '16'],
    ]);
    expect(readGrid('Input')).toEqual(chunk(x, 4));
    expect(screen.getByText(new RegExp(t('unpool.summary', { kept: 4, total: 16, lost: 12 }).replace(/[()]/g, '\\$&')))).toBeInTheDocument();
    // The survivors are linked on both grids.
    expect(selected('Input')).toEqual(['1,1', '1,3', '3,1', '3,3']);
    expect(selected('Output')).toEqual(['1,1', '1,3', '3,1', '3,3']);
  });

  it('step by step the window, its maximum and the switch follow the definition, and the sentence explains both index formulas', async () => {
    const user = userEvent.setup();
    const x = [3, 9, 1, 4, 7, 2, 8, 8, 0, 5, 6, 1, 2, 6, 3, 7];
    showQuery(`?op=unpool&in=4&k=2&s=2&x=${query(x)}`);
    render(<UnpoolView />);
    const ref = refMaxPool(x, 4, 4, 2, 2);
    for (let i = 0; i < 4; i++) {
      const { y, x: xx, v } = ref.cells[i];
      expect(selected('Pooled')).toEqual([`${Math.floor(i / 2)},${i % 2}`]);
      expect(selected('Input')).toEqual([`${y},${xx}`]);
      expect(valueText(cellsOf(rowsOf('Pooled')[Math.floor(i / 2)])[i % 2])).toBe(text(v));
      expect(valueText(cellsOf(rowsOf('Switches')[Math.floor(i / 2)])[i % 2])).toBe(String(y * 4 + xx));
      expect(screen.getByText(new RegExp(`y·W \\+ x = ${y}·4 \\+ ${xx} = ${y * 4 + xx}`))).toBeInTheDocument();
      expect(screen.getByText(new RegExp(`\\(\\(0·4 \\+ ${y}\\)·4 \\+ ${xx}\\)·1 \\+ 0 = ${y * 4 + xx}`))).toBeInTheDocument();
      await user.click(button('transport.next'));
    }
  });

  it('TensorFlow argmax with 2 channels: ((b·H + y)·W + x)·C + c per channel, PyTorch y·W + x per plane', async () => {
    const user = userEvent.setup();
    // Distinct values (7 and 32 are coprime), so every window has one maximum.
    const x = Array.from({ length: 32 }, (_, i) => (i * 7) % 32);
    showQuery(`?op=unpool&fw=tf&in=4&k=2&s=2&p=valid&cin=2&x=${query(x)}`);
    render(<UnpoolView />);
    await user.click(button('transport.last'));
    const b = 0; // one image
    for (let c = 0; c < 2; c++) {
      const ref = refMaxPool(x.slice(c * 16, (c + 1) * 16), 4, 4, 2, 2);
      const name = (base: string) => `${base}, channel ${c + 1}`;
      expect(readGrid(name('Pooled'))).toEqual(chunk(ref.cells.map((cell) => cell.v), 2));
      expect(readGrid(name('Switches'))).toEqual(chunk(ref.cells.map((cell) => cell.y * 4 + cell.x), 2));
      // TensorFlow's index (the engine's tfArgmaxIndex, checked against TensorFlow's own in tf-fixtures.test.ts).
      expect(readGrid(name('Switches (TensorFlow argmax)'))).toEqual(chunk(ref.cells.map((cell) => tfArgmaxIndex(cell.y * 4 + cell.x, c, 2, b, 16)), 2));
      expect(readGrid(name('Output'))).toEqual(chunk(ref.unpooled, 4));
    }
    expect(screen.queryByRole('grid', { name: 'Input' })).toBeNull();
    expect(screen.getByRole('grid', { name: 'Input, channel 2' })).toBeInTheDocument();
    // Back to the first step: channel 2's sentence spells out its TensorFlow index.
    await user.click(button('transport.first'));
    const first = refMaxPool(x.slice(16), 4, 4, 2, 2).cells[0];
    const tf = (first.y * 4 + first.x) * 2 + 1;
    expect(screen.getByText(new RegExp(`\\(\\(0·4 \\+ ${first.y}\\)·4 \\+ ${first.x}\\)·2 \\+ 1 = ${tf}`))).toBeInTheDocument();
  });

  it('average pooling and unpooling, 4×4 with 2×2 windows: each pooled mean is copied back into its window', async () => {
    const user = userEvent.setup();
    const x = [4, 8, 1, 3, 0, 2, 5, 7, 6, 6, 2, 0, 9, 1, 4, 4];
    showQuery(`?op=unpool&pool=avg&in=4&k=2&s=2&x=${query(x)}`);
    render(<UnpoolView />);
    expect(screen.queryByRole('grid', { name: 'Switches' })).toBeNull();
    await user.click(button('transport.last'));
    const mean = (r: number, c: number) => (x[r * 8 + c * 2] + x[r * 8 + c * 2 + 1] + x[r * 8 + c * 2 + 4] + x[r * 8 + c * 2 + 5]) / 4;
    expect(readGrid('Pooled')).toEqual([[text(mean(0, 0)), text(mean(0, 1))], [text(mean(1, 0)), text(mean(1, 1))]]);
    const out = Array.from({ length: 16 }, (_, i) => mean(Math.floor(Math.floor(i / 4) / 2), Math.floor((i % 4) / 2)));
    expect(readGrid('Output')).toEqual(chunk(out, 4));
  });

  it('average unpooling with overlapping windows (in=5 k=3 s=2): a cell takes the mean of the windows covering it, and the page says so', async () => {
    const user = userEvent.setup();
    const x = [4, -2, 7, 1, 0, 3, 3, 5, 9, 2, 8, 1, 6, 0, 4, 2, 7, 3, 1, 5, 6, 0, 2, 8, 1];
    showQuery(`?op=unpool&pool=avg&in=5&k=3&s=2&x=${query(x)}`);
    render(<UnpoolView />);
    await user.click(button('transport.last'));
    // Pooled: 2×2 means of 3×3 windows starting at 0 and 2.
    const pooled = [0, 1, 2, 3].map((j) => {
      let sum = 0;
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) sum += x[(Math.floor(j / 2) * 2 + a) * 5 + (j % 2) * 2 + b];
      return sum / 9;
    });
    expect(readGrid('Pooled')).toEqual(chunk(pooled, 2));
    const out: number[] = [];
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        const covering = [0, 1, 2, 3].filter((j) => r >= Math.floor(j / 2) * 2 && r < Math.floor(j / 2) * 2 + 3 && c >= (j % 2) * 2 && c < (j % 2) * 2 + 3);
        out.push(covering.reduce((acc, j) => acc + pooled[j], 0) / covering.length);
      }
    expect(readGrid('Output')).toEqual(chunk(out, 5));
    expect(screen.getByText(t('unpool.avgOverlap'))).toBeInTheDocument();
  });

  it('switches phase at poolSteps: the output stays blank while pooling, then starts as zeros and takes the first value', async () => {
    const user = userEvent.setup();
    const x = Array.from({ length: 16 }, (_, i) => i + 1);
    showQuery(`?op=unpool&in=4&k=2&s=2&x=${query(x)}`);
    render(<UnpoolView />);
    const poolSteps = 4;
    const phase = () => within(screen.getByRole('group', { name: t('unpool.phases') })).getByRole('button', { current: 'step' }).textContent;
    for (let i = 0; i < poolSteps - 1; i++) await user.click(button('transport.next'));
    expect(useStore.getState().steps.unpool).toBe(poolSteps - 1);
    expect(screen.getByText(t('unpool.caption.maxPool'))).toBeInTheDocument();
    expect(phase()).toBe(t('unpool.phase.pool'));
    expect(readGrid('Output').flat().every((v) => v === '')).toBe(true);
    await user.click(button('transport.next'));
    expect(screen.getByText(t('unpool.caption.maxUnpool'))).toBeInTheDocument();
    expect(phase()).toBe(t('unpool.phase.unpool'));
    const ref = refMaxPool(x, 4, 4, 2, 2);
    const first = Array.from({ length: 16 }, () => 0);
    first[ref.cells[0].y * 4 + ref.cells[0].x] = ref.cells[0].v;
    expect(readGrid('Output')).toEqual(chunk(first, 4));
    expect(selected('Output')).toEqual([`${ref.cells[0].y},${ref.cells[0].x}`]);
    expect(selected('Pooled')).toEqual(['0,0']);
    // The phase buttons jump.
    await user.click(screen.getByRole('button', { name: t('unpool.phase.pool') }));
    expect(useStore.getState().steps.unpool).toBe(0);
    await user.click(screen.getByRole('button', { name: t('unpool.phase.compare') }));
    expect(useStore.getState().steps.unpool).toBe(7);
  });

  it('at the end counts what survived and what was lost, zeros apart', () => {
    const x = [0, 2, 0, 1, 3, 0, 0, 0, 1, 1, 5, 0, 0, 4, 2, 2];
    showQuery(`?op=unpool&in=4&k=2&s=2&step=7&x=${query(x)}`);
    render(<UnpoolView />);
    const { unpooled } = refMaxPool(x, 4, 4, 2, 2);
    let kept = 0;
    let lost = 0;
    let zero = 0;
    x.forEach((v, i) => {
      if (v === 0 && unpooled[i] === 0) zero++;
      else if (unpooled[i] === v) kept++;
      else if (unpooled[i] === 0) lost++;
    });
    const summary = `${t('unpool.summary', { kept, total: 16, lost })} ${t('unpool.summary.zero', { n: zero })}`;
    expect(screen.getByText((_, el) => el?.tagName === 'P' && (el.textContent ?? '').startsWith(summary))).toBeInTheDocument();
    expect(kept + lost + zero).toBe(16);
    expect(screen.getByText(t('unpool.caption.compare'))).toBeInTheDocument();
  });

  it('editing an input cell of channel 2 sets that value of x (with padding drawn around it)', async () => {
    const user = userEvent.setup();
    showQuery('?op=unpool&in=4&k=3&s=2&p=1&cin=2&vals=int');
    render(<UnpoolView />);
    // Padded grid: input (1, 2) sits at (2, 3).
    await user.click(cellsOf(rowsOf('Input, channel 2')[2])[3]);
    await user.keyboard('{Control>}a{/Control}9{Enter}');
    expect(useStore.getState().params.x?.[16 + 1 * 4 + 2]).toBe(9);
  });

  it('keeps the last picture when the params become impossible', () => {
    showQuery('?op=unpool&in=4&k=2&s=2&vals=int');
    render(<UnpoolView />);
    act(() => useStore.getState().change({ k: [7, 7] }));
    expect(readGrid('Pooled')).toHaveLength(2);
  });
});
