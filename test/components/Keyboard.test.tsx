// @vitest-environment jsdom
/**
 * The page's step keys while a just-chosen view is still loading (its picture on its way, its
 * plans module not loaded yet): the keys are kept and played back once the view is ready,
 * instead of being dropped or applied to the previous picture's steps. Step counts are computed
 * here from the sizes (one step per output cell of a stride-1 convolution).
 */
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useKeyboard } from '../../src/components/useKeyboard';
import { activeView, loadQuery, useStore } from '../../src/store';
import { connectEngine } from '../../src/store/engineBridge';
import { selectStepCount } from '../../src/store/plans';
import { createEngineClient } from '../../src/worker/client';

function Keys() {
  useKeyboard();
  return null;
}

const initial = useStore.getInitialState();
let disconnect: (() => void) | null = null;
beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  disconnect?.();
  disconnect = null;
  cleanup();
});

const get = () => useStore.getState();
const press = (key: string) => fireEvent.keyDown(document.body, { key });
const activeStep = () => get().steps[activeView(get().params)];

/** Opens `query` with the engine connected and waits for its picture. */
async function open(query: string) {
  loadQuery(query);
  disconnect = connectEngine(createEngineClient());
  render(<Keys />);
  await vi.waitFor(() => expect(get().picture).not.toBeNull());
}

describe('step keys pressed while the chosen view loads', () => {
  it('End right after choosing another example of the same operation goes to the new picture’s last step (6 × 6 = 36 outputs), not the old one’s (3 × 3 = 9)', async () => {
    await open('?op=conv&in=5&k=3&p=0');
    expect(selectStepCount(get(), 'conv')).toBe(3 * 3);
    loadQuery('?op=conv&in=8&k=3&p=0');
    press('End');
    await vi.waitFor(() => expect(selectStepCount(get(), 'conv')).toBe(6 * 6));
    await vi.waitFor(() => expect(get().steps.conv).toBe(6 * 6 - 1));
  });

  it('ArrowRight ×3 right after choosing the transposed convolution (its plans module not loaded yet) ends on step 3 of its view', async () => {
    await open('?op=conv&in=4&k=3&p=0');
    get().change({ op: 'convT' });
    const view = activeView(get().params);
    expect(view).not.toBe('conv');
    // Before the view's module and picture: nothing to step yet.
    expect(selectStepCount(get(), view)).toBe(0);
    press('ArrowRight');
    press('ArrowRight');
    press('ArrowRight');
    // The view's module loads (as its lazily loaded component would load it) and its picture arrives.
    await import('../../src/store/transposePlans');
    await vi.waitFor(() => expect(get().picture?.explored.op).toBe('convT'));
    expect(selectStepCount(get(), view)).toBeGreaterThan(3);
    await vi.waitFor(() => expect(activeStep()).toBe(3));
  });

  it('keys kept for a view the learner left are dropped, not applied to the next one', async () => {
    await open('?op=conv&in=5&k=3&p=0');
    get().change({ op: 'unpool' });
    press('End');
    get().change({ op: 'conv' });
    await vi.waitFor(() => expect(get().pending).toBe(false));
    await vi.waitFor(() => expect(get().picture?.explored.op).toBe('conv'));
    expect(get().steps.conv).toBe(0);
  });
});
