// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { WeightLayout } from '../../src/components/WeightLayout';
import { explore, type ExploreSpec } from '../../src/engine';
import { t, type MessageKey } from '../../src/i18n';
import { enWeights } from '../../src/i18n/en-weights';

const base: ExploreSpec = {
  op: 'conv', fw: 'torch', input: [5, 5], kernel: [3, 2], stride: [1, 1], padding: [0, 0],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null,
};

function infoOf(op: 'conv' | 'convT', cin: number, cout: number, groups: number) {
  const e = explore({ ...base, op, channels: { in: cin, out: cout, groups } });
  if (e.op === 'unpool') throw new Error('expected a convolution');
  return e.info;
}

// The table's words arrive with its chunk, so its name is read from them, not from t() before it loads.
const table = () => screen.getByRole('table', { name: enWeights['ch.weights.title'] });
/** Waits for the table: it loads with the details' first opening. */
const tableLoaded = () => screen.findByRole('table', { name: enWeights['ch.weights.title'] });
/** The text of the cell at (framework row, op column) with spaces collapsed. */
function cell(framework: 'ch.weights.torch' | 'ch.weights.tf', column: 1 | 2): string {
  const row = within(table()).getByRole('rowheader', { name: t(framework) }).closest('tr');
  if (!row) throw new Error('no row');
  return (within(row).getAllByRole('cell')[column - 1].textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** "n sym" for each axis, the way a learner reads the shape. */
const shape = (dims: [number, MessageKey][]) => `[${dims.map(([n, sym]) => `${n} ${t(sym)}`).join(', ')}]`;

afterEach(cleanup);

describe('WeightLayout', () => {
  // The layouts are the frameworks' documented ones: torch.nn.Conv2d weight (out_channels, in_channels/groups, kH, kW),
  // torch.nn.ConvTranspose2d weight (in_channels, out_channels/groups, kH, kW), tf.nn.conv2d filters
  // [filter_height, filter_width, in_channels, out_channels], tf.nn.conv2d_transpose filters [height, width, output_channels, in_channels].
  it('conv 3 → 2 channels, kernel 3×2: all four layouts with the numbers, the convolution column marked', async () => {
    render(<WeightLayout info={infoOf('conv', 3, 2, 1)} op="conv" />);
    await tableLoaded();
    expect(cell('ch.weights.torch', 1)).toContain(shape([[2, 'ch.dim.cout'], [3, 'ch.dim.cinG'], [3, 'ch.dim.kh'], [2, 'ch.dim.kw']]));
    expect(cell('ch.weights.torch', 2)).toContain(shape([[3, 'ch.dim.cin'], [2, 'ch.dim.coutG'], [3, 'ch.dim.kh'], [2, 'ch.dim.kw']]));
    expect(cell('ch.weights.tf', 1)).toContain(shape([[3, 'ch.dim.kh'], [2, 'ch.dim.kw'], [3, 'ch.dim.in'], [2, 'ch.dim.out']]));
    expect(cell('ch.weights.tf', 2)).toContain(shape([[3, 'ch.dim.kh'], [2, 'ch.dim.kw'], [2, 'ch.dim.out'], [3, 'ch.dim.in']]));
    const headers = within(table()).getAllByRole('columnheader');
    expect(headers[1]).toHaveAttribute('aria-current', 'true');
    expect(headers[2]).not.toHaveAttribute('aria-current');
    expect(screen.getByText(t('ch.weights.summary', { torch: '[2, 3, 3, 2]', tf: '[3, 2, 3, 2]' }))).toBeInTheDocument();
  });

  it('marks the channel axes of the transposed layouts as swapped, and explains the swap with the reverse convolution', async () => {
    render(<WeightLayout info={infoOf('convT', 2, 4, 1)} op="convT" />);
    await tableLoaded();
    expect(cell('ch.weights.torch', 2)).toContain(t('ch.weights.swapped'));
    expect(cell('ch.weights.tf', 2)).toContain(t('ch.weights.swapped'));
    expect(cell('ch.weights.torch', 1)).not.toContain(t('ch.weights.swapped'));
    expect(within(table()).getAllByRole('columnheader')[2]).toHaveAttribute('aria-current', 'true');
    // The convolution from 4 channels back to 2 has the weight [2, 4, kH, kW]: the transposed convolution's own.
    expect(screen.getByText(t('ch.weights.why', { cin: 2, cout: 4, back: '2, 4, 3, 2' }))).toBeInTheDocument();
    expect(screen.getByText(t('ch.weights.summary', { torch: '[2, 4, 3, 2]', tf: '[3, 2, 4, 2]' }))).toBeInTheDocument();
  });

  it('with groups: Cin/g and Cout/g, TensorFlow conv2d reads in/g, and conv2d_transpose has no groups', async () => {
    render(<WeightLayout info={infoOf('conv', 4, 2, 2)} op="conv" />);
    await tableLoaded();
    expect(cell('ch.weights.torch', 1)).toContain(shape([[2, 'ch.dim.cout'], [2, 'ch.dim.cinG'], [3, 'ch.dim.kh'], [2, 'ch.dim.kw']]));
    expect(cell('ch.weights.torch', 2)).toContain(shape([[4, 'ch.dim.cin'], [1, 'ch.dim.coutG'], [3, 'ch.dim.kh'], [2, 'ch.dim.kw']]));
    expect(cell('ch.weights.tf', 1)).toContain(shape([[3, 'ch.dim.kh'], [2, 'ch.dim.kw'], [2, 'ch.dim.inG'], [2, 'ch.dim.out']]));
    expect(cell('ch.weights.tf', 2)).toContain(t('ch.weights.tfNoGroups'));
  });

  it('is open with several channels and a closed one-line summary with one, whose table loads when it opens', async () => {
    const { container, unmount } = render(<WeightLayout info={infoOf('conv', 1, 1, 1)} op="conv" />);
    expect(container.querySelector('details')).not.toHaveAttribute('open');
    const summary = screen.getByText(t('ch.weights.summary', { torch: '[1, 1, 3, 2]', tf: '[3, 2, 1, 1]' }));
    expect(summary).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.setup().click(summary);
    await tableLoaded();
    expect(cell('ch.weights.torch', 1)).toContain(shape([[1, 'ch.dim.cout'], [1, 'ch.dim.cinG'], [3, 'ch.dim.kh'], [2, 'ch.dim.kw']]));
    unmount();
    const again = render(<WeightLayout info={infoOf('conv', 2, 1, 1)} op="conv" />);
    expect(again.container.querySelector('details')).toHaveAttribute('open');
  });
});
