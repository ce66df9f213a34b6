// @vitest-environment jsdom
/**
 * The address bar follows the store (src/store/urlSync.ts): the query is the one the URL table
 * writes for the state (issue 3), and, as issue 8 asks, "a parameter change is a history entry in
 * the standalone page (Back undoes it; stepping is not), never in the embedded one".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentQuery, loadQuery, useStore } from '../../src/store';
import { parseQuery } from '../../src/store/urlParams';
import { connectUrl, STEP_URL_MS } from '../../src/store/urlSync';

const initial = useStore.getInitialState();
let disconnect: (() => void) | null = null;

beforeEach(() => {
  useStore.setState(initial, true);
  window.history.replaceState(null, '', '/app/#top');
});
afterEach(() => {
  disconnect?.();
  disconnect = null;
  vi.restoreAllMocks();
});

const get = () => useStore.getState();
/** history.back(), resolved once the page has followed it (jsdom fires popstate asynchronously). */
const back = () =>
  new Promise<void>((resolve) => {
    window.addEventListener('popstate', () => resolve(), { once: true });
    window.history.back();
  });
/** After the next frame: where the page writes the history. */
const settle = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** One frame, with fake timers. */
const FRAME_MS = 16;
const expectedSearch = () => {
  const q = currentQuery(get());
  return q ? `?${q}` : '';
};

describe('connectUrl', () => {
  it('a step reaches the address after the step (never inside it), fast ones at most every STEP_URL_MS and the last always; a click writes a waiting one first', () => {
    vi.useFakeTimers();
    try {
      disconnect = connectUrl(window);
      const step = () => new URLSearchParams(window.location.search).get('step');
      const replace = vi.spyOn(window.history, 'replaceState');
      get().setStep('conv', 1);
      // Not inside the key press that stepped: the address waits for the frame and idleness.
      expect(step()).toBeNull();
      vi.advanceTimersByTime(0);
      expect(step()).toBe('1');
      for (let i = 2; i <= 9; i++) get().setStep('conv', i);
      expect(step()).toBe('1');
      vi.advanceTimersByTime(STEP_URL_MS - 1);
      expect(step()).toBe('1');
      vi.advanceTimersByTime(1);
      expect(step()).toBe('9');
      expect(replace).toHaveBeenCalledTimes(2);
      // A step after a pause goes as soon as the page is idle; the next one, right after it, waits its slot.
      vi.advanceTimersByTime(STEP_URL_MS);
      get().setStep('conv', 10);
      vi.advanceTimersByTime(0);
      get().setStep('conv', 11);
      vi.advanceTimersByTime(0);
      expect(step()).toBe('10');
      document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      expect(step()).toBe('11');
      // A change of the picture is written after its frame too, whatever the steps are doing.
      get().setStep('conv', 12);
      get().change({ in: [6, 6] });
      expect(new URLSearchParams(window.location.search).get('in')).toBeNull();
      vi.advanceTimersByTime(FRAME_MS);
      expect(new URLSearchParams(window.location.search).get('in')).toBe('6');
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the query of the current state on connect, keeping path and hash', () => {
    loadQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    disconnect = connectUrl(window);
    expect(window.location.pathname).toBe('/app/');
    expect(window.location.hash).toBe('#top');
    expect(window.location.search).toBe(expectedSearch());
    // and the written query reads back as the same params
    expect(parseQuery(window.location.search).params).toEqual(get().params);
  });

  it('a change of the picture is one history entry; the step, hover, drafts and the language only replace (issue 8)', async () => {
    disconnect = connectUrl(window);
    const length = window.history.length;
    const push = vi.spyOn(window.history, 'pushState');
    get().change({ in: [6, 4] });
    // Not inside the change: the picture is drawn first.
    expect(push).not.toHaveBeenCalled();
    await settle();
    expect(window.history.length).toBe(length + 1);
    // Two changes before the page wrote either are still two entries.
    get().change({ op: 'convT', s: [2, 2] });
    get().change({ view: 'direct' });
    await settle();
    expect(window.history.length).toBe(length + 3);
    get().setStep('direct', 5);
    get().setHover({ grid: 'input', row: 0, col: 1 });
    get().setPlaying('direct');
    get().setPage({ lang: 'zh' });
    get().change({ step: 2 });
    await settle();
    expect(window.history.length).toBe(length + 3);
    expect(push).toHaveBeenCalledTimes(3);
    expect(window.location.search).toBe(expectedSearch());
    expect(new URLSearchParams(window.location.search).get('step')).toBe('2');
    expect(new URLSearchParams(window.location.search).get('lang')).toBe('zh');
    expect(window.location.hash).toBe('#top');
  });

  it('typing one value is one entry: changes while a field is typed into replace, until the field commits', async () => {
    disconnect = connectUrl(window);
    const input = document.createElement('input');
    input.type = 'number';
    document.body.append(input);
    input.focus();
    const length = window.history.length;
    // "1", then "12": the learner types 12 into the input size
    get().change({ in: [1, 5] });
    await settle();
    get().change({ in: [12, 5] });
    await settle();
    expect(window.history.length).toBe(length + 1);
    expect(new URLSearchParams(window.location.search).get('in')).toBe('12x5');
    // Enter or leaving the field commits it (the input's change event): the next value is a new entry.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    get().change({ in: [13, 5] });
    await settle();
    expect(window.history.length).toBe(length + 2);
    input.blur();
    input.remove();
    get().change({ k: [2, 2] });
    await settle();
    expect(window.history.length).toBe(length + 3);
  });

  it('Back loads the previous entry into the store: the previous setting, at the step it was left on, in the current language', async () => {
    disconnect = connectUrl(window);
    get().change({ in: [6, 6] });
    get().setStep('conv', 3);
    get().change({ in: [8, 8] });
    get().setStep('conv', 7);
    get().setStep('conv', 8);
    get().setPage({ lang: 'zh' });
    await settle();
    const push = vi.spyOn(window.history, 'pushState');
    await back();
    expect(get().params.in).toEqual([6, 6]);
    expect(get().steps.conv).toBe(3);
    expect(get().page.lang).toBe('zh');
    expect(window.location.search).toBe(expectedSearch());
    // Following the address back is not a new entry.
    expect(push).not.toHaveBeenCalled();
    await back();
    expect(get().params.in).toEqual([5, 5]);
  });

  it('the embedded page never adds an entry (it would be one more in the host page’s history)', async () => {
    loadQuery('?embed=1');
    disconnect = connectUrl(window);
    const push = vi.spyOn(window.history, 'pushState');
    const length = window.history.length;
    get().change({ in: [6, 4] });
    get().change({ op: 'convT' });
    await settle();
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(length);
    expect(window.location.search).toBe(expectedSearch());
    expect(new URLSearchParams(window.location.search).get('embed')).toBe('1');
  });

  it('back to the defaults: the query disappears', async () => {
    disconnect = connectUrl(window);
    get().change({ k: [2, 2] });
    await settle();
    expect(window.location.search).toBe('?k=2');
    get().change({ k: [3, 3] });
    await settle();
    expect(window.location.search).toBe('');
  });

  it('changes that do not touch the URL state do not write', async () => {
    disconnect = connectUrl(window);
    get().change({ in: [7, 7] });
    await settle();
    const replace = vi.spyOn(window.history, 'replaceState');
    get().setHover({ grid: 'input', row: 0, col: 1 });
    get().setStep('scatter', 3); // not the active view of a convolution
    get().setDraft('k.0', '9x');
    await settle();
    expect(replace).not.toHaveBeenCalled();
  });

  it('after disconnecting, changes no longer reach the URL; a change waiting for its frame is written first', async () => {
    disconnect = connectUrl(window);
    get().change({ in: [8, 8] });
    disconnect();
    disconnect = null;
    expect(new URLSearchParams(window.location.search).get('in')).toBe('8');
    get().change({ in: [9, 9] });
    await settle();
    expect(new URLSearchParams(window.location.search).get('in')).toBe('8');
  });

  it('a click finds the address written (Share copies it); Back drops what had not been written', async () => {
    disconnect = connectUrl(window);
    get().change({ in: [6, 6] });
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(new URLSearchParams(window.location.search).get('in')).toBe('6');
    await settle();
    const length = window.history.length;
    get().change({ in: [7, 7] });
    await back();
    await settle();
    // The browser went back from the entry of 6: the entry of 7 was never made, and the store follows the address.
    expect(window.history.length).toBe(length);
    expect(get().params.in).toEqual([5, 5]);
    expect(window.location.search).toBe(expectedSearch());
  });
});
