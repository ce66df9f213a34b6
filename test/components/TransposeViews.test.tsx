// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIDE_BY_SIDE_QUERY, TransposeViews } from '../../src/components/TransposeViews';

import { convTransposeOutSize } from '../../src/engine';
import { t } from '../../src/i18n';
import { loadQuery, selectValues, useStore } from '../../src/store';
import { showQuery } from './showQuery';

// --- helpers (the same small set lives in ConvView.test.tsx) ----------------------------------

const rowsOf = (name: string, scope: HTMLElement = document.body) => within(within(scope).getByRole('grid', { name })).getAllByRole('row');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
const valueText = (cell: HTMLElement) =>
  Array.from(cell.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
const readGrid = (name: string, scope?: HTMLElement) => rowsOf(name, scope).map((row) => cellsOf(row).map(valueText));
const cellAt = (name: string, r: number, c: number, scope?: HTMLElement) => cellsOf(rowsOf(name, scope)[r])[c];
const selected = (name: string, scope?: HTMLElement) =>
  rowsOf(name, scope).flatMap((row, r) => cellsOf(row).flatMap((cell, c) => (cell.getAttribute('aria-selected') === 'true' ? [`${r},${c}`] : []))).sort();
function readEquation(scope: HTMLElement) {
  const body = within(within(scope).getByRole('group', { name: t('equation.label') })).getAllByText(/=/).at(-1)?.closest('p')?.textContent ?? '';
  const [lhs, result] = body.split(' = ');
  const terms = lhs.split(' + ').map((term) => term.split('·').map((s) => Number(s.replace(/[()]/g, ''))));
  return { terms, result: result.trim() };
}
const button = (scope: HTMLElement, key: 'transport.next' | 'transport.prev' | 'transport.last' | 'transport.first') =>
  within(scope).getByRole('button', { name: t(key) });
const position = (scope: HTMLElement) => within(scope).getByText(/^Step \d+ of \d+$/).textContent;

/**
 * All-ones transposed conv per axis, counted independently: how many (input i, tap j) pairs
 * land on output o, i·s + j − padBefore = o.
 */
function onesConvTAxis(n: number, k: number, s: number, padBefore: number, outSize: number): number[] {
  return Array.from({ length: outSize }, (_, o) => {
    let count = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) if (i * s + j - padBefore === o) count++;
    return count;
  });
}
const outer = (a: number[], b: number[]) => a.map((u) => b.map((v) => String(u * v)));

/** A MediaQueryList stand-in: `wide` decides whether the side-by-side query matches. */
function stubMatchMedia(wide: boolean) {
  vi.stubGlobal('matchMedia', (query: string): MediaQueryList =>
    Object.assign(new EventTarget(), {
      matches: query === SIDE_BY_SIDE_QUERY ? wide : false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
    }),
  );
}

const tab = (key: 'view.scatter' | 'view.direct') => screen.getByRole('tab', { name: t(key) });
const panel = () => screen.getByRole('tabpanel');

beforeEach(() => loadQuery(''));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TransposeViews as tabs (narrow screens)', () => {
  it("issue 3's worked example: TF convT in=3 k=3 s=2 SAME out=5 ones gives the outer product of [1,2,1,2,1]", async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    render(<TransposeViews />);
    // SAME for output 5: 2 cells cropped in all, 1 before.
    const axis = onesConvTAxis(3, 3, 2, 1, 5);
    expect(axis).toEqual([1, 2, 1, 2, 1]);
    await user.click(button(panel(), 'transport.last'));
    expect(readGrid('Output', panel())).toEqual(outer(axis, axis));
    expect(screen.getByText(t('view.same'))).toBeInTheDocument();
  });

  it("issue 3's worked example with out=6: the outer product of [1,1,2,1,2,1], in both views", async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&vals=ones');
    render(<TransposeViews />);
    // out=6: SAME pads 1 in all for the forward conv, 0 before: the canvas (7) loses its last row.
    const axis = onesConvTAxis(3, 3, 2, 0, 6);
    await user.click(button(panel(), 'transport.last'));
    expect(readGrid('Output', panel())).toEqual(outer(axis, axis));
    await user.click(tab('view.direct'));
    await user.click(button(panel(), 'transport.last'));
    expect(readGrid(t('grid.directOutput'), panel())).toEqual(outer(axis, axis));
    expect(screen.getByText(t('view.same'))).toBeInTheDocument();
  });

  it('tabs switch the view (and params.view); each view keeps its own step', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2&p=1&vals=int');
    render(<TransposeViews />);
    expect(screen.getByRole('tablist', { name: t('view.tabs') })).toBeInTheDocument();
    expect(tab('view.scatter')).toHaveAttribute('aria-selected', 'true');
    expect(within(panel()).getByRole('grid', { name: t('grid.canvas') })).toBeInTheDocument();
    await user.click(button(panel(), 'transport.next'));
    await user.click(button(panel(), 'transport.next'));
    expect(position(panel())).toBe(t('transport.position', { i: 3, n: 9 }));

    await user.click(tab('view.direct'));
    expect(useStore.getState().params.view).toBe('direct');
    expect(tab('view.direct')).toHaveAttribute('aria-selected', 'true');
    expect(within(panel()).queryByRole('grid', { name: t('grid.canvas') })).toBeNull();
    expect(within(panel()).getByRole('grid', { name: t('grid.zeroInserted') })).toBeInTheDocument();
    expect(position(panel())).toBe(t('transport.position', { i: 1, n: 2 + 5 * 5 }));
    await user.click(button(panel(), 'transport.next'));

    await user.click(tab('view.scatter'));
    expect(position(panel())).toBe(t('transport.position', { i: 3, n: 9 }));
    expect(useStore.getState().steps).toMatchObject({ scatter: 2, direct: 1 });
  });

  it('arrow keys move between the tabs', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2&vals=ones');
    render(<TransposeViews />);
    tab('view.scatter').focus();
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().params.view).toBe('direct');
    expect(tab('view.direct')).toHaveFocus();
  });

  it('scatter: each step stamps the kernel from one input cell; cropped cells are struck, the output fills with partial sums', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    render(<TransposeViews />);
    const p = panel();
    expect(selected('Input', p)).toEqual(['0,0']);
    // Stamp 0 covers canvas rows/cols 0..2; the output sees rows/cols 0..1 of it (1 cropped before).
    expect(selected(t('grid.canvas'), p)).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2', '2,0', '2,1', '2,2']);
    expect(selected('Output', p)).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(readGrid('Output', p)[0]).toEqual(['1', '1', '', '', '']);
    expect(within(p).getByRole('grid', { name: 'Output' }).closest('figure')).toHaveTextContent(t('scatter.partial'));
    await user.click(button(p, 'transport.next'));
    expect(selected('Input', p)).toEqual(['0,1']);
    expect(readGrid('Output', p)[0]).toEqual(['1', '2', '1', '1', '']);
  });

  it('direct: the three steps show their formulas with the numbers (H′, p′ with output padding), the flipped kernel, then an equation equal to the output cell', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2&p=1&a=1&vals=int&seed=5');
    render(<TransposeViews />);
    await user.click(tab('view.direct'));
    const p = panel();
    // Step 1, zero insertion: 3 inputs with 1 zero between → 5.
    expect(readGrid(t('grid.zeroInserted'), p)).toHaveLength(5);
    expect(within(p).getByText('H′ = H + (H − 1)(s − 1) = 3 + (3 − 1)(2 − 1) = 5')).toBeInTheDocument();
    await user.click(button(p, 'transport.next'));
    // Step 2: p′ = 1·(3 − 1) − 1 = 1 before; the bottom/right add the output padding 1, with a note that it adds no zeros to the output.
    expect(within(p).getByText('top and left: p′ = d(k − 1) − p = 1·(3 − 1) − 1 = 1')).toBeInTheDocument();
    expect(within(p).getByText('bottom and right: p′ = d(k − 1) − p + a = 1·(3 − 1) − 1 + 1 = 2 (a: output padding)')).toBeInTheDocument();
    expect(within(p).getByText(t('stage.outputPaddingNote'))).toBeInTheDocument();
    // Output padding: the tutorials' one-line p′ = k − p − 1 does not apply as written.
    expect(within(p).queryByText(/^p′ = k − p − 1/)).toBeNull();
    expect(readGrid(t('grid.paddedZero'), p)).toHaveLength(5 + 1 + 2);
    const w = selectValues(useStore.getState()).w.map(String);
    const rotated = [2, 1, 0].map((r) => [2, 1, 0].map((c) => w[r * 3 + c]));
    expect(readGrid(t('grid.flipped'), p)).toEqual(rotated);
    expect(readGrid('Kernel', p)).toEqual([0, 1, 2].map((r) => w.slice(r * 3, r * 3 + 3)));
    await user.click(button(p, 'transport.next'));
    // Step 3: the stride-1 convolution's size, (5 + 1 + 2 − 3)/1 + 1 = 6; no one-line shortcut with output padding.
    expect(within(p).getByText('Hout = (H′ + p′ + p′ − k′)/s′ + 1 = (5 + 1 + 2 − 3)/1 + 1 = 6')).toBeInTheDocument();
    expect(within(p).queryByText(/in one line/)).toBeNull();
    for (let j = 0; j < 4; j++) {
      if (j > 0) await user.click(button(p, 'transport.next'));
      const { terms, result } = readEquation(p);
      expect(result).toBe(String(terms.reduce((acc, [a, b]) => acc + a * b, 0)));
      const active = selected(t('grid.directOutput'), p);
      expect(active).toEqual([`${Math.floor(j / 6)},${j % 6}`]);
      const [r, c] = active[0].split(',').map(Number);
      expect(valueText(cellAt(t('grid.directOutput'), r, c, p))).toBe(result);
    }
  });

  it('says so, as an alert, when the two views disagree', () => {
    showQuery('?op=convT&in=3&k=3&s=2&vals=ones');
    const picture = useStore.getState().picture;
    if (!picture || picture.numbers.op !== 'convT') throw new Error('expected a convT picture');
    const broken = Float64Array.from(picture.numbers.directOutput.data);
    broken[4] += 1;
    useStore.setState({ picture: { ...picture, numbers: { ...picture.numbers, directOutput: { shape: picture.numbers.directOutput.shape, data: broken } } } });
    render(<TransposeViews />);
    expect(screen.getByRole('alert')).toHaveTextContent(t('view.differ'));
  });
});

describe('TransposeViews side by side (wide screens)', () => {
  it('shows both views at once, no tabs; clicking inside one makes it the active view', async () => {
    stubMatchMedia(true);
    const user = userEvent.setup();
    showQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    render(<TransposeViews />);
    expect(screen.queryByRole('tablist')).toBeNull();
    const scatter = screen.getByRole('region', { name: t('view.scatter') });
    const direct = screen.getByRole('region', { name: t('view.direct') });
    expect(useStore.getState().params.view).toBe('scatter');
    await user.click(button(direct, 'transport.last'));
    expect(useStore.getState().params.view).toBe('direct');
    expect(position(scatter)).toBe(t('transport.position', { i: 1, n: 9 }));
    await user.click(button(scatter, 'transport.last'));
    expect(useStore.getState().params.view).toBe('scatter');
    expect(readGrid('Output', scatter)).toEqual(readGrid(t('grid.directOutput'), direct));
    expect(screen.getByText(t('view.same'))).toBeInTheDocument();
  });

  it('hovering an output cell links both views: the scatter sources and the direct window', async () => {
    stubMatchMedia(true);
    const user = userEvent.setup();
    showQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    render(<TransposeViews />);
    const scatter = screen.getByRole('region', { name: t('view.scatter') });
    const direct = screen.getByRole('region', { name: t('view.direct') });
    await user.click(button(direct, 'transport.last'));
    await user.hover(cellAt('Output', 2, 2, scatter));
    // Output (2, 2) is canvas (3, 3) = i·2 + k: inputs 1 (tap 1) on each axis.
    expect(selected('Input', scatter)).toEqual(['0,0', '1,1']); // (0, 0) is the scatter's current source
    // In the direct view its window is padded rows/cols 2..4 (stride 1), linked.
    expect(selected(t('grid.paddedZero'), direct)).toEqual(['2,2', '2,3', '2,4', '3,2', '3,3', '3,4', '4,2', '4,3', '4,4']);
    act(() => useStore.getState().setHover(null));
  });
});

// --- channels and groups ------------------------------------------------------------------------

/**
 * PyTorch's conv_transpose2d written out as its scatter definition (one image, no bias, no
 * output padding): every x[ci][iy][ix] · w[ci][co − group·Cout/g][ky][kx] lands on
 * out[co][iy·s + ky − p][ix·s + kx − p], for the output channels co of ci's group. Independent of the engine.
 */
function naiveConvT(x: readonly number[], w: readonly number[], o: { cin: number; cout: number; g: number; h: number; k: number; s: number; p: number }) {
  const { cin, cout, g, h, k, s, p } = o;
  const outH = convTransposeOutSize(h, k, s, 2 * p);
  const inPer = cin / g;
  const outPer = cout / g;
  const out = Array.from({ length: cout }, () => Array.from({ length: outH }, () => Array.from({ length: outH }, () => 0)));
  for (let ci = 0; ci < cin; ci++) {
    const group = Math.floor(ci / inPer);
    for (let j = 0; j < outPer; j++) {
      const co = group * outPer + j;
      for (let iy = 0; iy < h; iy++) {
        for (let ix = 0; ix < h; ix++) {
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              const oy = iy * s + ky - p;
              const ox = ix * s + kx - p;
              if (oy < 0 || oy >= outH || ox < 0 || ox >= outH) continue;
              out[co][oy][ox] += x[(ci * h + iy) * h + ix] * w[((ci * outPer + j) * k + ky) * k + kx];
            }
          }
        }
      }
    }
  }
  return out;
}

const channelGrid = (name: string, c: number) => t('grid.channel', { name, c });

describe('TransposeViews with channels and groups', () => {
  beforeEach(() => useStore.setState({ channel: 0 }));

  it('scatter and direct end in conv_transpose2d written out, for every output channel', async () => {
    stubMatchMedia(true);
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2&p=1&cin=2&cout=3&vals=int&seed=6');
    render(<TransposeViews />);
    const { x, w } = selectValues(useStore.getState());
    const out = naiveConvT(x, w, { cin: 2, cout: 3, g: 1, h: 3, k: 3, s: 2, p: 1 });
    const scatter = screen.getByRole('region', { name: t('view.scatter') });
    const direct = screen.getByRole('region', { name: t('view.direct') });
    await user.click(button(scatter, 'transport.last'));
    await user.click(button(direct, 'transport.last'));
    for (let co = 0; co < 3; co++) {
      expect(readGrid(channelGrid('Output', co + 1), scatter)).toEqual(out[co].map((row) => row.map(String)));
      expect(readGrid(channelGrid(t('grid.directOutput'), co + 1), direct)).toEqual(out[co].map((row) => row.map(String)));
    }
    expect(screen.getByText(t('view.same'))).toBeInTheDocument();
  });

  it('the scatter stamps every input channel’s value with its own kernel slice w[ci, co]', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=2&k=2&s=2&cin=2&cout=2&vals=int&seed=3');
    render(<TransposeViews />);
    await user.click(screen.getByRole('radio', { name: t('ch.picker.option', { c: 2 }) }));
    const p = panel();
    const { x, w } = selectValues(useStore.getState());
    // Weight [Cin, Cout, kH, kW] = [2, 2, 2, 2]: input channel ci to output channel 2 starts at (ci·2 + 1)·4.
    expect(readGrid(channelGrid('Kernel', 1), p).flat()).toEqual(w.slice(4, 8).map(String));
    expect(readGrid(channelGrid('Kernel', 2), p).flat()).toEqual(w.slice(12, 16).map(String));
    // Stamp 0 (input (0, 0)) on the canvas of output channel 2: x[0]·w[0, 1] + x[4]·w[1, 1] at each tap.
    const canvas = readGrid(channelGrid(t('grid.canvas'), 2), p);
    expect(canvas[0].slice(0, 2)).toEqual([0, 1].map((kx) => String(x[0] * w[4 + kx] + x[4] * w[12 + kx])));
    expect(within(p).getByText(new RegExp(t('ch.scatter.value', { c: 2, value: x[4] })))).toBeInTheDocument();
    await user.click(button(p, 'transport.last'));
    const out = naiveConvT(x, w, { cin: 2, cout: 2, g: 1, h: 2, k: 2, s: 2, p: 0 });
    expect(readGrid(channelGrid('Output', 2), p)).toEqual(out[1].map((row) => row.map(String)));
  });

  it('direct: per input channel the padded plane and the flipped kernel, and the sweep equation summed per channel', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=2&k=3&s=1&cin=4&cout=2&g=2&vals=int&seed=8&view=direct');
    render(<TransposeViews />);
    await user.click(screen.getByRole('radio', { name: t('ch.picker.option', { c: 2 }) }));
    const p = panel();
    // 4 input channels in 2 groups: output channel 2 (group 2) reads input channels 3 and 4.
    expect(within(p).getAllByRole('grid').map((g) => g.getAttribute('aria-label'))).toEqual([channelGrid(t('grid.zeroInserted'), 3), channelGrid(t('grid.zeroInserted'), 4)]);
    await user.click(button(p, 'transport.next'));
    const { x, w } = selectValues(useStore.getState());
    // Weight [Cin, Cout/g, kH, kW] = [4, 1, 3, 3]: input channel 4's kernel starts at 27; flipped 180°.
    const kernel = w.slice(27, 36).map(String);
    expect(readGrid(channelGrid('Kernel', 4), p).flat()).toEqual(kernel);
    expect(readGrid(channelGrid(t('grid.flipped'), 4), p).flat()).toEqual([...kernel].reverse());
    await user.click(button(p, 'transport.next'));
    const group = within(p).getByRole('group', { name: t('equation.label') });
    const lines = Array.from(group.querySelectorAll('p')).slice(1).map((line) => line.textContent ?? '');
    expect(lines.map((line) => line.split(':')[0])).toEqual([t('ch.eq.channel', { c: 3 }), t('ch.eq.channel', { c: 4 }), t('ch.eq.total')]);
    const out = naiveConvT(x, w, { cin: 4, cout: 2, g: 2, h: 2, k: 3, s: 1, p: 0 });
    expect(lines[2].split(' = ').at(-1)).toBe(String(out[1][0][0]));
  });

  it('shows the transposed weight layout: PyTorch [Cin, Cout/g, kH, kW], TensorFlow [kh, kw, out, in]', () => {
    showQuery('?op=convT&in=3&k=3&s=2&cin=2&cout=3&vals=int');
    render(<TransposeViews />);
    expect(screen.getByText(t('ch.weights.summary', { torch: '[2, 3, 3, 3]', tf: '[3, 3, 3, 2]' }))).toBeInTheDocument();
  });
});

describe('the direct view’s new input across its stages', () => {
  // A step that changes the stage must not draw the largest grid from nothing (issue 9: no long
  // task during playback): on a canvas, the zero-inserted map turns into the padded one.
  const gridOf = (name: string) => within(panel()).getByRole('grid', { name });
  afterEach(() => vi.restoreAllMocks());

  it('on a canvas (in=13, s=2, k=3, p=0: 25 × 25 zero-inserted, 29 × 29 padded) it is one grid from zero insertion to the sweep', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const user = userEvent.setup();
    showQuery('?op=convT&in=13&k=3&s=2&p=0&view=direct');
    render(<TransposeViews />);
    // (n − 1)·s + 1 = 25 after zero insertion, then p′ = k − 1 − p = 2 on each side: 29.
    const zero = await within(panel()).findByRole('grid', { name: t('grid.zeroInserted') }, { timeout: 10_000 });
    expect(zero).toHaveAttribute('aria-rowcount', '25');
    await user.click(button(panel(), 'transport.next'));
    expect(within(panel()).queryByRole('grid', { name: t('grid.zeroInserted') })).toBeNull();
    expect(gridOf(t('grid.paddedZero'))).toBe(zero);
    expect(zero).toHaveAttribute('aria-rowcount', '29');
    expect(zero).toHaveAttribute('aria-colcount', '29');
    await user.click(button(panel(), 'transport.next'));
    expect(gridOf(t('grid.paddedZero'))).toBe(zero);
    // And back: the first stage shows the zero-inserted map in it again.
    await user.click(button(panel(), 'transport.first'));
    expect(gridOf(t('grid.zeroInserted'))).toBe(zero);
    expect(zero).toHaveAttribute('aria-rowcount', '25');
  });

  it('of DOM cells (in=3, s=2: 5 × 5, then 9 × 9) it is drawn afresh for the kernel stage, as the stages’ other grids', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2&p=0&view=direct');
    render(<TransposeViews />);
    const zero = gridOf(t('grid.zeroInserted'));
    expect(rowsOf(t('grid.zeroInserted'), panel())).toHaveLength(5);
    await user.click(button(panel(), 'transport.next'));
    expect(rowsOf(t('grid.paddedZero'), panel())).toHaveLength(9);
    expect(gridOf(t('grid.paddedZero'))).not.toBe(zero);
    expect(zero.isConnected).toBe(false);
  });
});
