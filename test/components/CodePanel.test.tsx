// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodePanel } from '../../src/components/CodePanel';
import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { showQuery } from './showQuery';

/** Loads `query` and sets its picture as the worker would (the engine's own numbers). */
const showPicture = (query: string) => act(() => void showQuery(query));

const code = (name: string) => screen.getByRole('region', { name });
const TORCH = 'PyTorch code';
const TF = 'TensorFlow code';
// The PyTorch ConvTranspose2d worked example of issue 4 (preset torch-convT-2x2).
const CONVT_2X2 = 'op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0&panel=code';

beforeEach(() => {
  loadQuery('');
  useStore.setState({ picture: null });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('CodePanel', () => {
  it('says it waits for the engine while there is no picture', () => {
    render(<CodePanel />);
    expect(within(screen.getByRole('region', { name: t('code.title') })).getByText(t('code.waiting'))).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: TORCH })).toBeNull();
  });

  it('writes the worked example (torch-convT-2x2) as PyTorch and TensorFlow code, PyTorch first', () => {
    showPicture(CONVT_2X2);
    render(<CodePanel />);
    const torch = code(TORCH).textContent ?? '';
    expect(torch).toContain('import torch.nn.functional as F');
    expect(torch).toContain('    [[[[1, 0],\n       [2, 1]]]],');
    expect(torch).toContain('    [[[[1, 0, 1],\n       [0, 1, 1],\n       [1, 0, 0]]]],');
    expect(torch).toContain(
      'y = F.conv_transpose2d(\n    x, w, stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1, dilation=(1, 1),\n)',
    );
    const tf = code(TF).textContent ?? '';
    expect(tf).toContain('import tensorflow as tf');
    expect(tf).toContain("full = tf.nn.conv2d_transpose(\n    x, filters, output_shape=[1, 4, 4, 1], strides=[1,1,1,1], padding='VALID',\n)");
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(regions.indexOf(TORCH)).toBeLessThan(regions.indexOf(TF));
  });

  it('puts TensorFlow first with TensorFlow semantics and follows a new picture', () => {
    showPicture('op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones&panel=code');
    render(<CodePanel />);
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(regions.indexOf(TF)).toBeLessThan(regions.indexOf(TORCH));
    expect(code(TF).textContent).toContain("y = tf.nn.conv2d(x, filters, strides=[1,2,2,1], padding='SAME', dilations=[1, 1])");
    showPicture('op=conv&fw=tf&in=5&k=3&s=1&p=valid&vals=ones&panel=code');
    expect(code(TF).textContent).toContain("y = tf.nn.conv2d(x, filters, strides=[1,1,1,1], padding='VALID', dilations=[1, 1])");
  });

  it('Copy puts exactly the shown PyTorch code on the clipboard and says so', async () => {
    const user = userEvent.setup();
    showPicture(CONVT_2X2);
    render(<CodePanel />);
    await user.click(screen.getByRole('button', { name: `Copy ${TORCH}` }));
    expect(await navigator.clipboard.readText()).toBe(code(TORCH).textContent);
    const statuses = screen.getAllByRole('status').map((s) => s.textContent);
    expect(statuses).toContain(t('code.copied', { name: TORCH }));
  });

  it('without a clipboard, Copy selects the code and asks for Ctrl+C', async () => {
    const user = userEvent.setup();
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    showPicture(CONVT_2X2);
    render(<CodePanel />);
    await user.click(screen.getByRole('button', { name: `Copy ${TF}` }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(t('code.selected', { name: TF }));
    expect(document.activeElement).toBe(code(TF));
    const selection = window.getSelection();
    expect(selection?.rangeCount).toBe(1);
    expect(selection?.getRangeAt(0).toString()).toBe(code(TF).textContent);
  });

  it('a refused clipboard write falls back the same way', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    showPicture(CONVT_2X2);
    render(<CodePanel />);
    await user.click(screen.getByRole('button', { name: `Copy ${TORCH}` }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(t('code.selected', { name: TORCH }));
  });

  it('arrow keys inside the code scroll it instead of stepping the animation', () => {
    showPicture(CONVT_2X2);
    render(<CodePanel />);
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    fireEvent.keyDown(code(TORCH), { key: 'ArrowRight' });
    fireEvent.keyDown(code(TORCH), { key: 'a' });
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).toHaveBeenCalledTimes(1);
    expect(code(TORCH)).toHaveAttribute('tabindex', '0');
  });
});
