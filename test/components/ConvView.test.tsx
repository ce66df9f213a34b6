// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConvView } from '../../src/components/ConvView';

import { t } from '../../src/i18n';
import { loadQuery, selectValues, useStore } from '../../src/store';
import { showQuery } from './showQuery';

// --- helpers (the same small set lives in TransposeViews.test.tsx) ----------------------------

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
    act(() => useStore.getState().change({ k: [7, 7] }));
    expect(readGrid('Kernel')).toHaveLength(3);
  });
});

// --- channels and groups ------------------------------------------------------------------------

/**
 * PyTorch's conv2d written out from its definition (one image, no bias, stride s, padding p):
 * out[co][oy][ox] = Σ over the input channels ci of co's group, Σ ky, kx of
 * x[ci][oy·s − p + ky][ox·s − p + kx] · w[co][ci − group·Cin/g][ky][kx]. Independent of the engine.
 */
function naiveConv(x: readonly number[], w: readonly number[], o: { cin: number; cout: number; g: number; h: number; k: number; s: number; p: number }) {
  const { cin, cout, g, h, k, s, p } = o;
  const outH = Math.floor((h + 2 * p - k) / s) + 1;
  const inPer = cin / g;
  const outPer = cout / g;
  const out: number[][][] = [];
  // perChannel[co][oy][ox][j]: the share of the j-th input channel of the group.
  const perChannel: number[][][][] = [];
  for (let co = 0; co < cout; co++) {
    const group = Math.floor(co / outPer);
    out.push([]);
    perChannel.push([]);
    for (let oy = 0; oy < outH; oy++) {
      out[co].push([]);
      perChannel[co].push([]);
      for (let ox = 0; ox < outH; ox++) {
        const shares: number[] = [];
        for (let j = 0; j < inPer; j++) {
          const ci = group * inPer + j;
          let sum = 0;
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              const iy = oy * s - p + ky;
              const ix = ox * s - p + kx;
              if (iy < 0 || iy >= h || ix < 0 || ix >= h) continue;
              sum += x[(ci * h + iy) * h + ix] * w[((co * inPer + j) * k + ky) * k + kx];
            }
          }
          shares.push(sum);
        }
        perChannel[co][oy].push(shares);
        out[co][oy].push(shares.reduce((a, b) => a + b, 0));
      }
    }
  }
  return { out, perChannel, outH };
}

/** The per-channel lines of the equation: [label, sum] pairs, and the total line's result. */
function readChannelEquation() {
  const group = screen.getByRole('group', { name: t('equation.label') });
  const lines = Array.from(group.querySelectorAll('p')).slice(1).map((p) => p.textContent ?? '');
  const total = lines.pop() ?? '';
  return {
    channels: lines.map((line) => [line.split(':')[0], line.split(' = ').at(-1)?.trim()]),
    totalLabel: total.split(':')[0],
    result: total.split(' = ').at(-1)?.trim(),
  };
}

const gridNames = () => screen.getAllByRole('grid').map((g) => g.getAttribute('aria-label'));
const channelGrid = (name: string, c: number) => t('grid.channel', { name, c });

describe('ConvView with channels and groups', () => {
  beforeEach(() => useStore.setState({ channel: 0 }));

  it('names every grid with its channel, one input and kernel per input channel and an output per output channel', () => {
    showQuery('?op=conv&in=4&k=3&cin=3&cout=2&vals=int');
    render(<ConvView />);
    expect(gridNames()).toEqual([
      channelGrid('Input', 1), channelGrid('Kernel', 1),
      channelGrid('Input', 2), channelGrid('Kernel', 2),
      channelGrid('Input', 3), channelGrid('Kernel', 3),
      channelGrid('Output', 1), channelGrid('Output', 2),
    ]);
    expect(screen.queryByRole('grid', { name: 'Input' })).toBeNull();
    // Each input grid shows its own plane of x.
    const { x } = selectValues(useStore.getState());
    for (let c = 0; c < 3; c++) expect(readGrid(channelGrid('Input', c + 1))[1]).toEqual(x.slice(c * 16 + 4, c * 16 + 8).map(String));
  });

  it('sums every input channel into the output (checked against conv2d written out), per channel and in total', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3&s=1&p=1&cin=3&cout=2&vals=int&seed=9');
    render(<ConvView />);
    const { x, w } = selectValues(useStore.getState());
    const { out, perChannel, outH } = naiveConv(x, w, { cin: 3, cout: 2, g: 1, h: 4, k: 3, s: 1, p: 1 });
    // Step 5: output cell (1, 1) of output channel 1.
    for (let i = 0; i < 5; i++) await user.click(button('transport.next'));
    const eq = readChannelEquation();
    expect(eq.channels).toEqual([0, 1, 2].map((c) => [t('ch.eq.channel', { c: c + 1 }), String(perChannel[0][1][1][c])]));
    expect(eq.totalLabel).toBe(t('ch.eq.total'));
    expect(eq.result).toBe(String(out[0][1][1]));
    await user.click(button('transport.last'));
    for (let co = 0; co < 2; co++) {
      expect(readGrid(channelGrid('Output', co + 1))).toEqual(out[co].map((row) => row.map(String)));
    }
    expect(out[0]).toHaveLength(outH);
  });

  it('the picker chooses the output channel: its kernels w[co, ci] and its equation', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=2&cin=2&cout=3&vals=int&seed=4');
    render(<ConvView />);
    const { x, w } = selectValues(useStore.getState());
    const { out } = naiveConv(x, w, { cin: 2, cout: 3, g: 1, h: 4, k: 2, s: 1, p: 0 });
    await user.click(screen.getByRole('radio', { name: t('ch.picker.option', { c: 3 }) }));
    expect(useStore.getState().channel).toBe(2);
    // The weight is [Cout, Cin, kH, kW]: the kernel of output channel 3, input channel 2 starts at (2·2 + 1)·4.
    expect(readGrid(channelGrid('Kernel', 2)).flat()).toEqual(w.slice(20, 24).map(String));
    expect(readChannelEquation().result).toBe(String(out[2][0][0]));
    expect(selected(channelGrid('Output', 3))).toEqual(['0,0']);
    expect(selected(channelGrid('Output', 1))).toEqual([]);
    // Clicking another output grid follows that channel.
    await user.click(cellAt(channelGrid('Output', 1), 0, 0));
    expect(useStore.getState().channel).toBe(0);
  });

  it('with groups an output channel reads only its group’s input channels', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=3&k=2&cin=4&cout=4&g=2&vals=int&seed=2');
    render(<ConvView />);
    await user.click(screen.getByRole('radio', { name: t('ch.picker.option', { c: 3 }) }));
    // 4 channels in 2 groups: output channel 3 is in group 2, which holds input channels 3 and 4.
    expect(gridNames().filter((n) => n?.startsWith('Input'))).toEqual([channelGrid('Input', 3), channelGrid('Input', 4)]);
    expect(screen.getByText(t('ch.note.group', { g: 2, co: 3, group: 2, from: 3, to: 4 }))).toBeInTheDocument();
    const { x, w } = selectValues(useStore.getState());
    const { out, perChannel } = naiveConv(x, w, { cin: 4, cout: 4, g: 2, h: 3, k: 2, s: 1, p: 0 });
    const eq = readChannelEquation();
    expect(eq.channels).toEqual([[t('ch.eq.channel', { c: 3 }), String(perChannel[2][0][0][0])], [t('ch.eq.channel', { c: 4 }), String(perChannel[2][0][0][1])]]);
    expect(eq.result).toBe(String(out[2][0][0]));
    // Weight [Cout, Cin/g, kH, kW] = [4, 2, 2, 2]: output channel 3, input channel 4 (index 1 in its group) starts at (2·2 + 1)·4.
    expect(readGrid(channelGrid('Kernel', 4)).flat()).toEqual(w.slice(20, 24).map(String));
  });

  it('hovering an input cell of one channel links that channel’s cell only; edits land in that channel’s plane', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3&cin=2&cout=1&vals=ones');
    render(<ConvView />);
    await user.hover(cellAt(channelGrid('Input', 2), 1, 1));
    expect(useStore.getState().hover).toEqual({ grid: 'input', row: 1, col: 1, channel: 1 });
    expect(selected(channelGrid('Input', 2))).toEqual(['1,1']);
    expect(selected(channelGrid('Input', 1))).toEqual([]);
    // One output channel keeps its plain name.
    expect(screen.getByRole('grid', { name: 'Output' })).toBeInTheDocument();
    await user.unhover(screen.getByRole('grid', { name: channelGrid('Input', 2) }));
    await user.click(cellAt(channelGrid('Kernel', 2), 0, 1));
    await user.keyboard('{Control>}a{/Control}5{Enter}');
    // Weight [1, 2, 3, 3]: input channel 2's kernel starts at 9.
    expect(useStore.getState().params.w?.[9 + 1]).toBe(5);
    await user.click(cellAt(channelGrid('Input', 2), 0, 2));
    await user.keyboard('{Control>}a{/Control}8{Enter}');
    expect(useStore.getState().params.x?.[16 + 2]).toBe(8);
  });

  it('shows the weight layout (PyTorch [Cout, Cin/g, kH, kW]) under the grids', () => {
    showQuery('?op=conv&in=4&k=3&cin=3&cout=2&vals=int');
    render(<ConvView />);
    expect(screen.getByText(t('ch.weights.summary', { torch: '[2, 3, 3, 3]', tf: '[3, 3, 3, 2]' }))).toBeInTheDocument();
  });
});
