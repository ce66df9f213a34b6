// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/Controls';
import { FormulaPanel } from '../../src/components/FormulaPanel';
import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { showQuery } from './showQuery';

const panel = () => screen.getByRole('region', { name: t('formula.title') });
const inPanel = (text: string) => within(panel()).getAllByText(text, { exact: false });
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('FormulaPanel', () => {
  it('has a heading and shows the PyTorch conv formula with the default numbers substituted', () => {
    render(<FormulaPanel />);
    expect(within(panel()).getByRole('heading', { name: t('formula.title') })).toBeInTheDocument();
    const { in: [i], k: [k], s: [s], p, d: [d] } = useStore.getState().params;
    const pad = typeof p === 'string' ? 0 : p[0];
    // Independent: PyTorch's Conv2d size formula.
    const o = Math.floor((i + 2 * pad - d * (k - 1) - 1) / s) + 1;
    expect(inPanel(t('formula.convSub', { i, p: pad, d, k, s, o }))).toHaveLength(2);
    expect(inPanel(t('formula.conv'))).toHaveLength(1);
  });

  it('TF conv in=5, k=3, s=2, SAME: o = 3 and the inputs 5, 6 give it too (worked example in DESIGN.md / issue 3)', () => {
    loadQuery('op=conv&fw=tf&in=5&k=3&s=2&p=same');
    render(<FormulaPanel />);
    // Independent: TensorFlow SAME is ⌈i/s⌉, and the siblings are every i with the same result.
    const o = Math.ceil(5 / 2);
    const siblings = range(32).filter((i) => Math.ceil(i / 2) === o);
    expect(siblings).toEqual([5, 6]);
    expect(inPanel(t('formula.tfSameSub', { i: 5, s: 2, o }))).toHaveLength(2);
    expect(within(panel()).getByText(t('formula.siblingsConv', { axis: t('axis.h'), o, sizes: siblings.join(', ') }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('formula.siblingsConv', { axis: t('axis.w'), o, sizes: siblings.join(', ') }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('formula.siblingsWhy'))).toBeInTheDocument();
    // SAME pads 2 in all (the 3 windows of stride 2 need 7 cells, the input has 5): 1 before, 1 after.
    expect(within(panel()).getByText(t('formula.samePads', { axis: t('axis.h'), before: 1, after: 1 }))).toBeInTheDocument();
  });

  it('PyTorch transposed conv lists the output_padding choices and marks the current one (Dumoulin & Visin, relationships 6 and 14: 3 → 5 or 6)', () => {
    loadQuery('op=convT&in=3&k=3&s=2&p=1&a=1');
    render(<FormulaPanel />);
    const size = (a: number) => [5, 6][a];
    expect(inPanel(t('formula.convTSub', { i: 3, s: 2, p: 1, d: 1, k: 3, a: 1, o: size(1) }))).toHaveLength(2);
    const items = within(panel()).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      t('formula.outputPadding', { a: 0, size: size(0) }),
      `${t('formula.outputPadding', { a: 1, size: size(1) })} ${t('formula.current')}`,
      t('formula.outputPadding', { a: 0, size: size(0) }),
      `${t('formula.outputPadding', { a: 1, size: size(1) })} ${t('formula.current')}`,
    ]);
    expect(within(panel()).getByText(t('formula.whyConvT'))).toBeInTheDocument();
  });

  it('TF transposed conv in=3, k=3, s=2, SAME, out=5 explains output_shape and lists 5, 6 (issue 3 example)', () => {
    loadQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5');
    render(<FormulaPanel />);
    const legal = range(20).filter((o) => Math.ceil(o / 2) === 3);
    expect(within(panel()).getByText(t('formula.legalOut', { axis: t('axis.h'), sizes: legal.join(', ') }))).toBeInTheDocument();
    const back = t('formula.tfSameSub', { i: 5, s: 2, o: 3 });
    expect(within(panel()).getByText(t('formula.tfOutLegal', { axis: t('axis.h'), o: 5, sub: back }))).toBeInTheDocument();
  });

  it('updates as the learner types, and keeps the last valid numbers while the choice is impossible', async () => {
    showQuery('in=3&k=3');
    const user = userEvent.setup();
    render(
      <>
        <Controls />
        <FormulaPanel />
      </>,
    );
    const line = (i: number, k: number) => t('formula.convSub', { i, p: 0, d: 1, k, s: 1, o: Math.floor((i - (k - 1) - 1) / 1) + 1 });
    expect(inPanel(line(3, 3))).toHaveLength(2);
    const ih = screen.getByLabelText(t('field.axis', { field: t('field.in'), axis: t('axis.h') }));
    await user.clear(ih);
    await user.type(ih, '6');
    expect(inPanel(line(6, 3))).toHaveLength(1);
    expect(inPanel(line(3, 3))).toHaveLength(1);
    // 3 output channels in 2 groups is impossible and not drawn: the panel keeps the picture's numbers and says so.
    const groups = screen.getByLabelText(t('ch.field.g'));
    await user.clear(groups);
    await user.type(groups, '2');
    expect(inPanel(line(3, 3))).toHaveLength(2);
    expect(within(panel()).getByText(t('error.kept'))).toBeInTheDocument();
  });

  it('a kernel larger than the padded input: the panel gives that formula with these numbers (7 > 3 + 1 + 1 = 5), not the last picture’s', async () => {
    showQuery('in=3&k=3&p=1');
    const s = useStore.getState();
    render(<FormulaPanel />);
    s.change({ k: [7, 7] });
    // The formula comes with its chunk (t reads the key until then).
    await waitFor(() => {
      const over = t('impossible.sizes.kernelOver', { axis: t('axis.h'), kernel: 7, input: 3, before: 1, after: 1, padded: 5 });
      expect(within(panel()).getByText(over)).toBeInTheDocument();
    });
    expect(within(panel()).queryByText(t('error.kept'))).toBeNull();
  });
});

describe('FormulaPanel: pooling and unpooling', () => {
  it('PyTorch: the pooled size, the unpooled default and the sizes unpooling accepts, with the numbers (in=5, k=2, s=2)', () => {
    loadQuery('op=unpool&in=5x6&k=2&s=2');
    render(<FormulaPanel />);
    // Independent: PyTorch MaxPool2d o = ⌊(i + 2p − k)/s⌋ + 1; MaxUnpool2d default (o − 1)s − 2p + k, any size within s − 1 of it.
    const o = (i: number) => Math.floor((i + 0 - 2) / 2) + 1;
    expect([o(5), o(6)]).toEqual([2, 3]);
    expect(within(panel()).getByText(t('ch.formula.poolSub', { i: 5, p: 0, k: 2, s: 2, o: 2 }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('ch.formula.poolSub', { i: 6, p: 0, k: 2, s: 2, o: 3 }))).toBeInTheDocument();
    const def = (pooled: number) => (pooled - 1) * 2 - 0 + 2;
    expect(within(panel()).getByText(t('ch.formula.unpoolSub', { i: 2, s: 2, p: 0, k: 2, o: def(2) }))).toBeInTheDocument();
    const legal = (pooled: number) => [def(pooled) - 1, def(pooled), def(pooled) + 1];
    expect(within(panel()).getByText(t('ch.formula.unpoolLegal', { axis: t('axis.h'), sizes: legal(2).join(', '), o: 5 }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('ch.formula.unpoolLegal', { axis: t('axis.w'), sizes: legal(3).join(', '), o: 6 }))).toBeInTheDocument();
    // Input sizes that pool to 2: every i with ⌊(i − 2)/2⌋ + 1 = 2.
    const siblings = range(32).filter((i) => i >= 2 && o(i) === 2);
    expect(within(panel()).getByText(t('ch.formula.poolSiblings', { axis: t('axis.h'), o: 2, sizes: siblings.join(', ') }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('ch.formula.unpoolWhy'))).toBeInTheDocument();
    expect(within(panel()).queryByText(t('formula.whyConvT'))).toBeNull();
  });

  it('the chosen unpooled size shows in the sentence (out=4)', () => {
    loadQuery('op=unpool&in=5&k=2&s=2&out=4');
    render(<FormulaPanel />);
    expect(within(panel()).getByText(t('ch.formula.unpoolLegal', { axis: t('axis.h'), sizes: '3, 4, 5', o: 4 }))).toBeInTheDocument();
  });

  it('TensorFlow SAME, in=5, k=2, s=2: ⌈i/s⌉, its pads, and the unpooled size is the input’s', () => {
    loadQuery('op=unpool&fw=tf&in=5&k=2&s=2&p=same');
    render(<FormulaPanel />);
    expect(inPanel(t('ch.formula.poolSame'))).toHaveLength(1);
    expect(inPanel(t('ch.formula.poolSameSub', { i: 5, s: 2, o: Math.ceil(5 / 2) }))).toHaveLength(2);
    // SAME pads (o − 1)s + k − i = 2·2 + 2 − 5 = 1 in all: 0 before, 1 after.
    expect(within(panel()).getByText(t('formula.samePads', { axis: t('axis.h'), before: 0, after: 1 }))).toBeInTheDocument();
    expect(within(panel()).getByText(t('ch.formula.tfUnpool', { axis: t('axis.h'), o: 5 }))).toBeInTheDocument();
  });

  it('TensorFlow VALID: ⌈(i − k + 1)/s⌉', () => {
    loadQuery('op=unpool&fw=tf&in=4&k=2&s=2&p=valid');
    render(<FormulaPanel />);
    expect(inPanel(t('ch.formula.poolValidSub', { i: 4, k: 2, s: 2, o: Math.ceil((4 - 2 + 1) / 2) }))).toHaveLength(2);
  });
});
