// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Controls } from '../../src/components/Controls';
import { convOutSize, explore, isShapeError, unpoolSizes } from '../../src/engine';
import { errorText, loadErrorSentences, t } from '../../src/i18n';
import { currentQuery, loadQuery, specOf, useStore } from '../../src/store';
import { BOUNDS } from '../../src/store/urlParams';

const label = (field: 'in' | 'k' | 's' | 'p' | 'd' | 'a' | 'out', axis: 'h' | 'w') =>
  t('field.axis', { field: t(`field.${field}`), axis: t(axis === 'h' ? 'axis.h' : 'axis.w') });

const params = () => useStore.getState().params;

/** The engine's refusal for the current params, phrased from its code and details (what the form must show). */
function engineMessage(): string {
  try {
    explore(specOf(params()));
  } catch (e) {
    if (isShapeError(e)) return errorText(e);
    throw e;
  }
  throw new Error('expected the engine to refuse these params');
}

beforeAll(() => loadErrorSentences());
beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('Controls', () => {
  it('a typed size updates params and the URL query', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    const h = screen.getByLabelText(label('in', 'h'));
    await user.clear(h);
    await user.type(h, '7');
    expect(params().in).toEqual([7, 5]);
    expect(new URLSearchParams(currentQuery(useStore.getState())).get('in')).toBe('7x5');
    expect(h).not.toHaveAttribute('aria-invalid');
    expect(useStore.getState().drafts).toEqual({});
  });

  it('an out-of-bounds number keeps its text, names the field and leaves params alone', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    const w = screen.getByLabelText(label('k', 'w'));
    // Pasted whole: with kernels up to 11, every one-digit prefix of a typed number would be a valid size.
    const tooBig = String(BOUNDS.k.max + 2);
    await user.clear(w);
    await user.paste(tooBig);
    expect(w).toHaveValue(Number(tooBig));
    expect(w).toHaveAttribute('aria-invalid', 'true');
    const message = t('field.bad', { field: label('k', 'w'), min: BOUNDS.k.min, max: BOUNDS.k.max });
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(w).toHaveAccessibleDescription(message);
    expect(params().k).toEqual([3, 3]);
    expect(useStore.getState().drafts['k.1']).toBe(tooBig);
    expect(currentQuery(useStore.getState())).toBe('');
  });

  it('a number that is not whole is kept and refused', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    const s = screen.getByLabelText(label('s', 'h'));
    await user.clear(s);
    await user.type(s, '1.5');
    expect(s).toHaveValue(1.5);
    expect(s).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(t('field.bad', { field: label('s', 'h'), min: BOUNDS.s.min, max: BOUNDS.s.max }))).toBeInTheDocument();
    expect(params().s).toEqual([1, 1]);
  });

  it('kernel 7 on a 3×3 input shows the engine message next to the kernel height', async () => {
    loadQuery('in=3&k=3');
    const user = userEvent.setup();
    render(<Controls />);
    const kh = screen.getByLabelText(label('k', 'h'));
    await user.clear(kh);
    await user.type(kh, '7');
    expect(params().k).toEqual([7, 3]);
    const message = engineMessage();
    const kernelGroup = screen.getByRole('group', { name: t('field.k') });
    const alert = within(kernelGroup).getByRole('alert');
    expect(alert).toHaveTextContent(t('error.title'));
    expect(alert).toHaveTextContent(message);
    // No picture was drawn here, so no sentence about a last valid picture.
    expect(alert).not.toHaveTextContent(t('error.kept'));
    expect(kh).toHaveAttribute('aria-invalid', 'true');
    expect(kh).toHaveAccessibleDescription(expect.stringContaining(message));
    // The engine blames the height, so the width stays valid; the input field is not blamed.
    expect(screen.getByLabelText(label('k', 'w'))).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText(label('in', 'h'))).not.toHaveAttribute('aria-invalid');
    // Fixing it clears the message.
    await user.clear(kh);
    await user.type(kh, '3');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('TensorFlow offers SAME/VALID and switching back restores numeric padding', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    await user.click(screen.getByRole('radio', { name: t('fw.tf') }));
    expect(params().fw).toBe('tf');
    expect(params().p).toBe('same');
    const pad = screen.getByRole('combobox', { name: t('field.p') });
    expect(within(pad).getAllByRole('option').map((o) => o.textContent)).toEqual([t('pad.same'), t('pad.valid')]);
    await user.selectOptions(pad, t('pad.valid'));
    expect(params().p).toBe('valid');
    expect(new URLSearchParams(currentQuery(useStore.getState())).get('p')).toBe('valid');
    await user.click(screen.getByRole('radio', { name: t('fw.torch') }));
    expect(params().p).toEqual([0, 0]);
    expect(screen.getByLabelText(label('p', 'h'))).toHaveValue(0);
  });

  it('the TF transposed conv offers the legal output_shape values (issue 3: in=3, k=3, s=2, SAME → 5 or 6)', async () => {
    loadQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same');
    const user = userEvent.setup();
    render(<Controls />);
    // Independent: TensorFlow accepts o when the forward SAME conv gives the input back, ⌈o/2⌉ = 3.
    const legal = Array.from({ length: 20 }, (_, i) => i + 1).filter((o) => Math.ceil(o / 2) === 3);
    const outH = await screen.findByRole('combobox', { name: label('out', 'h') });
    const outW = screen.getByRole('combobox', { name: label('out', 'w') });
    expect(within(outH).getAllByRole('option').map((o) => Number(o.getAttribute('value')))).toEqual(legal);
    expect(within(outW).getAllByRole('option').map((o) => Number(o.getAttribute('value')))).toEqual(legal);
    expect(screen.queryByLabelText(label('a', 'h'))).toBeNull();
    await user.selectOptions(outH, String(legal[0]));
    expect(params().out?.[0]).toBe(legal[0]);
    expect(new URLSearchParams(currentQuery(useStore.getState())).get('out')).toMatch(new RegExp(`^${legal[0]}x\\d+$`));
  });

  it('output padding is offered only for the PyTorch transposed conv, and reset when leaving it', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    expect(screen.queryByLabelText(label('a', 'h'))).toBeNull();
    await user.click(screen.getByRole('radio', { name: t('op.convT') }));
    await user.clear(screen.getByLabelText(label('s', 'h')));
    await user.type(screen.getByLabelText(label('s', 'h')), '2');
    const ah = screen.getByLabelText(label('a', 'h'));
    await user.clear(ah);
    await user.type(ah, '1');
    expect(params().a).toEqual([1, 0]);
    await user.click(screen.getByRole('radio', { name: t('op.conv') }));
    expect(params().a).toEqual([0, 0]);
    expect(screen.queryByLabelText(label('a', 'h'))).toBeNull();
  });

  it('values: random shows a seed, and edited values can be reset', async () => {
    loadQuery('in=2&k=1&x=1,2,3,4');
    const user = userEvent.setup();
    render(<Controls />);
    expect(screen.queryByLabelText(t('vals.seed'))).toBeNull();
    await user.click(screen.getByRole('button', { name: t('vals.reset') }));
    expect(params().x).toBeNull();
    expect(screen.queryByRole('button', { name: t('vals.reset') })).toBeNull();
    await user.click(screen.getByRole('radio', { name: t('vals.rand') }));
    const seed = screen.getByLabelText(t('vals.seed'));
    await user.clear(seed);
    await user.type(seed, '42');
    expect(params()).toMatchObject({ vals: 'rand', seed: 42 });
  });

  it('every control is reachable by label', () => {
    loadQuery('op=convT');
    render(<Controls />);
    for (const f of ['in', 'k', 's', 'p', 'd', 'a'] as const) {
      for (const axis of ['h', 'w'] as const) expect(screen.getByLabelText(label(f, axis))).toBeInTheDocument();
    }
    const op = screen.getByRole('radiogroup', { name: t('op.label') });
    expect(within(op).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['conv', 'convT', 'unpool', 'image']);
    for (const f of ['ch.field.cin', 'ch.field.cout', 'ch.field.g'] as const) expect(screen.getByLabelText(t(f))).toBeInTheDocument();
  });
});

describe('Controls: channels and groups', () => {
  it('input channels, output channels and groups update params and the URL', async () => {
    const user = userEvent.setup();
    render(<Controls />);
    for (const [f, key, n] of [['ch.field.cin', 'cin', 4], ['ch.field.cout', 'cout', 2], ['ch.field.g', 'g', 2]] as const) {
      const input = screen.getByLabelText(t(f));
      await user.clear(input);
      await user.type(input, String(n));
      expect(params()[key]).toBe(n);
      expect(new URLSearchParams(currentQuery(useStore.getState())).get(key)).toBe(String(n));
    }
    const tooMany = screen.getByLabelText(t('ch.field.cin'));
    await user.clear(tooMany);
    await user.type(tooMany, String(BOUNDS.cin.max + 1));
    expect(tooMany).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(t('field.bad', { field: t('ch.field.cin'), min: BOUNDS.cin.min, max: BOUNDS.cin.max }))).toBeInTheDocument();
    expect(params().cin).toBe(4);
  });

  it('channels that groups cannot split show the engine message at the groups field', async () => {
    loadQuery('cin=2&cout=2&g=2');
    const user = userEvent.setup();
    render(<Controls />);
    const cin = screen.getByLabelText(t('ch.field.cin'));
    await user.clear(cin);
    await user.type(cin, '3');
    const message = engineMessage();
    const groups = screen.getByLabelText(t('ch.field.g'));
    expect(groups).toHaveAttribute('aria-invalid', 'true');
    expect(groups).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    // The engine's sentence names the count that does not divide: 3 input channels into 2 groups.
    expect(message).toMatch(/3 input channels/);
    expect(cin).not.toHaveAttribute('aria-invalid');
    await user.clear(groups);
    await user.type(groups, '1');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Controls: pooling and unpooling', () => {
  /** The unpooled sizes MaxUnpool2d accepts after PyTorch's pooling of i (the engine's size functions, property-tested on their own). */
  const unpoolLegal = (i: number, k: number, s: number, p: number): number[] => unpoolSizes(convOutSize(i, k, s, 2 * p), k, s, p).legal;

  it('offers the pooling kind, window, stride, padding, the legal unpooled sizes and the channels; no dilation or output padding', async () => {
    loadQuery('in=5&k=2&s=2');
    const user = userEvent.setup();
    render(<Controls />);
    await user.click(screen.getByRole('radio', { name: t('ch.op.unpool') }));
    expect(params().op).toBe('unpool');
    const kind = screen.getByRole('radiogroup', { name: t('ch.pool.label') });
    await user.click(within(kind).getByRole('radio', { name: t('ch.pool.avg') }));
    expect(params().pool).toBe('avg');
    const windowH = screen.getByLabelText(t('field.axis', { field: t('ch.field.window'), axis: t('axis.h') }));
    expect(windowH).toHaveValue(2);
    expect(screen.queryByLabelText(label('k', 'h'))).toBeNull();
    expect(screen.queryByLabelText(label('d', 'h'))).toBeNull();
    expect(screen.queryByLabelText(label('a', 'h'))).toBeNull();
    expect(screen.queryByLabelText(t('ch.field.cout'))).toBeNull();
    expect(screen.queryByLabelText(t('ch.field.g'))).toBeNull();
    expect(screen.getByLabelText(t('ch.field.channels'))).toHaveValue(1);
    const outH = screen.getByRole('combobox', { name: t('field.axis', { field: t('ch.field.unpoolOut'), axis: t('axis.h') }) });
    // 5 pooled by 2 with stride 2 gives 2; unpooling 2 back accepts 3, 4 or 5.
    expect(within(outH).getAllByRole('option').map((o) => Number(o.getAttribute('value')))).toEqual(unpoolLegal(5, 2, 2, 0));
    expect(outH).toHaveValue('5');
    await user.selectOptions(outH, '4');
    expect(params().out).toEqual([4, 5]);
    expect(new URLSearchParams(currentQuery(useStore.getState())).get('out')).toBe('4x5');
    // A stride change that makes 4 illegal puts the height back on the default (the input's 5).
    const strideH = screen.getByLabelText(label('s', 'h'));
    await user.clear(strideH);
    await user.type(strideH, '1');
    expect(unpoolLegal(5, 2, 1, 0)).toEqual([5]);
    expect(params().out).toBeNull();
    expect(outH).toHaveValue('5');
  });

  it('TensorFlow pooling pads SAME/VALID and unpools only to the input size', async () => {
    loadQuery('op=unpool&in=5&k=2&s=2');
    const user = userEvent.setup();
    render(<Controls />);
    await user.click(screen.getByRole('radio', { name: t('fw.tf') }));
    expect(params().p).toBe('same');
    expect(screen.getByRole('combobox', { name: t('field.p') })).toBeInTheDocument();
    const outW = screen.getByRole('combobox', { name: t('field.axis', { field: t('ch.field.unpoolOut'), axis: t('axis.w') }) });
    expect(within(outW).getAllByRole('option').map((o) => Number(o.getAttribute('value')))).toEqual([5]);
  });

  it('a pooling padding larger than half the window shows the engine message at the padding field', async () => {
    loadQuery('op=unpool&in=5&k=2&s=2');
    const user = userEvent.setup();
    render(<Controls />);
    const ph = screen.getByLabelText(label('p', 'h'));
    await user.clear(ph);
    await user.type(ph, '2');
    const message = engineMessage();
    expect(within(screen.getByRole('group', { name: t('field.p') })).getByRole('alert')).toHaveTextContent(message);
    expect(ph).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('Controls, compact (the embedded page’s strip, issue 8)', () => {
  it('offers the operation, the semantics and the four sizes, nothing else; the other keys keep their values', async () => {
    loadQuery('?d=2&cin=2&vals=rand&seed=7');
    const user = userEvent.setup();
    render(<Controls compact />);
    const form = screen.getByRole('form', { name: t('controls.label') });
    expect(within(form).getByRole('radiogroup', { name: t('op.label') })).toBeInTheDocument();
    expect(within(form).getByRole('radiogroup', { name: t('fw.label') })).toBeInTheDocument();
    for (const field of ['in', 'k', 's', 'p'] as const) expect(within(form).getByLabelText(label(field, 'h'))).toBeInTheDocument();
    expect(within(form).queryByLabelText(label('d', 'h'))).toBeNull();
    expect(within(form).queryByRole('radiogroup', { name: t('vals.label') })).toBeNull();
    expect(within(form).queryByLabelText(t('vals.seed'))).toBeNull();
    await user.clear(within(form).getByLabelText(label('s', 'w')));
    await user.type(within(form).getByLabelText(label('s', 'w')), '2');
    expect(params()).toMatchObject({ s: [1, 2], d: [2, 2], cin: 2, vals: 'rand', seed: 7 });
  });

  it('a refusal about a field the strip does not show is shown above its sizes', () => {
    // 5×5 input, kernel 3 dilated by 4 spans 9 cells: the engine blames the dilation, which the strip leaves out.
    loadQuery('?d=4');
    render(<Controls compact />);
    expect(screen.getByRole('alert')).toHaveTextContent(engineMessage());
  });
});
