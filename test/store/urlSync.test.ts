// @vitest-environment jsdom
/**
 * The address bar follows the store (src/store/urlSync.ts) with history.replaceState, as issue 3
 * asks ("The state lives in the URL query (with `history.replaceState`), so every picture is a
 * link"): the history does not grow, and the query is the one the URL table writes for the state.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentQuery, loadQuery, useStore } from '../../src/store';
import { parseQuery } from '../../src/store/urlParams';
import { connectUrl } from '../../src/store/urlSync';

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
const expectedSearch = () => {
  const q = currentQuery(get());
  return q ? `?${q}` : '';
};

describe('connectUrl', () => {
  it('writes the query of the current state on connect, keeping path and hash', () => {
    loadQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    disconnect = connectUrl(window);
    expect(window.location.pathname).toBe('/app/');
    expect(window.location.hash).toBe('#top');
    expect(window.location.search).toBe(expectedSearch());
    // and the written query reads back as the same params
    expect(parseQuery(window.location.search).params).toEqual(get().params);
  });

  it('follows every change with replaceState: history.length does not grow, pushState is never used', () => {
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    disconnect = connectUrl(window);
    const length = window.history.length;
    const changes: (() => void)[] = [
      () => get().change({ in: [6, 4] }),
      () => get().change({ op: 'convT', s: [2, 2] }),
      () => get().change({ view: 'direct' }),
      () => get().setStep('direct', 5),
      () => get().change({ vals: 'rand', seed: 12 }),
    ];
    for (const change of changes) {
      change();
      expect(window.location.search).toBe(expectedSearch());
      expect(window.history.length).toBe(length);
    }
    expect(replace).toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
    expect(new URLSearchParams(window.location.search).get('step')).toBe('5');
    expect(new URLSearchParams(window.location.search).get('in')).toBe('6x4');
    expect(window.location.hash).toBe('#top');
  });

  it('back to the defaults: the query disappears', () => {
    disconnect = connectUrl(window);
    get().change({ k: [2, 2] });
    expect(window.location.search).toBe('?k=2');
    get().change({ k: [3, 3] });
    expect(window.location.search).toBe('');
  });

  it('changes that do not touch the URL state do not write', () => {
    disconnect = connectUrl(window);
    get().change({ in: [7, 7] });
    const replace = vi.spyOn(window.history, 'replaceState');
    get().setHover({ grid: 'input', row: 0, col: 1 });
    get().setStep('scatter', 3); // not the active view of a convolution
    get().setDraft('k.0', '9x');
    expect(replace).not.toHaveBeenCalled();
  });

  it('after disconnecting, changes no longer reach the URL', () => {
    disconnect = connectUrl(window);
    disconnect();
    disconnect = null;
    get().change({ in: [9, 9] });
    expect(window.location.search).toBe('');
  });
});
