/**
 * The embedding API's logic (src/embed/api.ts, createEmbedApi) against issue 8: `set` goes
 * through the same URL table and the store's one `change` action as an address; a refused
 * message changes nothing and is answered with `error`; `state` after every change and in answer
 * to `get`; `step` with view, step and count. Expected numbers: a 5×5 input with a 3×3 kernel
 * has a 3×3 output, so its animation has 9 steps (one per output cell); 6×6 gives 16.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbedApi } from '../../src/embed/api';
import type { AppMessage } from '../../src/embed/protocol';
import { loadQuery, useStore } from '../../src/store';
import { connectEngine } from '../../src/store/engineBridge';
import { BOUNDS, DEFAULTS, parseQuery } from '../../src/store/urlParams';
import { createEngineClient } from '../../src/worker/client';

const initial = useStore.getInitialState();
let said: AppMessage[] = [];
let stop: (() => void)[] = [];
const get = () => useStore.getState();
const msg = (fields: Record<string, unknown>) => ({ source: 'convarith', version: 1, ...fields });

/** The API over the store, its messages collected, with the engine drawing pictures on the main thread. */
async function start(query: string) {
  loadQuery(query);
  stop.push(connectEngine(createEngineClient()));
  await expect.poll(() => get().picture !== null).toBe(true);
  const api = createEmbedApi((m) => said.push(m));
  stop.push(useStore.subscribe(api.report));
  api.report();
  return api;
}

/** Waits until the engine has drawn the current params. */
const drawn = () => expect.poll(() => get().picture?.explored.spec.input.join('x') === get().params.in.join('x')).toBe(true);
const last = <T extends AppMessage['type']>(type: T) => said.filter((m): m is Extract<AppMessage, { type: T }> => m.type === type).at(-1);

beforeEach(() => {
  useStore.setState(initial, true);
  said = [];
});
afterEach(() => {
  stop.forEach((f) => f());
  stop = [];
});

describe('createEmbedApi', () => {
  it('reports the whole state (every key, defaults included) and the step on start', async () => {
    await start('?in=5&k=3&vals=ones');
    expect(last('state')).toMatchObject({ state: { op: 'conv', in: '5', k: '3', s: '1', p: '0', vals: 'ones', step: '0', x: '', lang: 'en', controls: '1' }, query: 'vals=ones', problem: null });
    expect(last('step')).toEqual({ type: 'step', view: 'conv', step: 0, count: 9 });
  });

  it('set goes through the URL table and the store’s rules, like an address, and the host hears the new state', async () => {
    const api = await start('?in=5&vals=ones');
    api.receive(msg({ type: 'set', state: { in: '6', s: 1, lang: 'zh' } }));
    expect(get().params).toEqual(parseQuery('?in=6&vals=ones').params);
    expect(get().page.lang).toBe('zh');
    expect(last('state')?.state).toMatchObject({ in: '6', lang: 'zh' });
    await drawn();
    expect(last('step')).toMatchObject({ count: 16 });
    // The same rules as a field: switching to TensorFlow puts padding on SAME.
    api.receive(msg({ type: 'set', state: { fw: 'tf' } }));
    expect(get().params.p).toBe('same');
  });

  it('a set with any refused key changes nothing and says why, key by key', async () => {
    const api = await start('?in=5');
    const before = get().params;
    api.receive(msg({ type: 'set', state: { in: '7', k: '99', colour: 'red', origin: 'https://evil.example', embed: '0' } }));
    expect(get().params).toBe(before);
    const errors = said.filter((m) => m.type === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'bad-value', key: 'k', value: '99', allowed: { kind: 'hw', ...BOUNDS.k }, request: 'set' }),
      expect.objectContaining({ code: 'unknown-key', key: 'colour', value: 'red' }),
      expect.objectContaining({ code: 'not-settable', key: 'embed' }),
      expect.objectContaining({ code: 'not-settable', key: 'origin' }),
    ]);
  });

  it('a set that changes nothing, and a get, are answered with the state', async () => {
    const api = await start('?in=5');
    said = [];
    api.receive(msg({ type: 'set', state: { in: '5' } }));
    api.receive(msg({ type: 'get' }));
    expect(said.map((m) => m.type)).toEqual(['state', 'state']);
  });

  it('a preset opens that worked example, as its address does', async () => {
    const api = await start('?in=8&op=unpool');
    api.receive(msg({ type: 'set', state: { preset: 'guide-half-padding' } }));
    expect(get().params).toEqual({ ...DEFAULTS, in: [5, 5], k: [3, 3], p: [1, 1], preset: 'guide-half-padding' });
  });

  it('an impossible setting is applied like an address and reported as the engine’s problem', async () => {
    const api = await start('?in=5');
    api.receive(msg({ type: 'set', state: { in: '2', k: '5' } }));
    expect(last('state')?.problem).toMatchObject({ code: expect.any(String), message: expect.stringContaining('5') });
  });

  it('step to and by move the active view; to past the end is refused with the range', async () => {
    const api = await start('?in=5');
    api.receive(msg({ type: 'step', to: 4 }));
    expect(get().steps.conv).toBe(4);
    expect(last('step')).toEqual({ type: 'step', view: 'conv', step: 4, count: 9 });
    api.receive(msg({ type: 'step', by: -10 }));
    expect(get().steps.conv).toBe(0);
    api.receive(msg({ type: 'step', by: 100 }));
    expect(get().steps.conv).toBe(8);
    api.receive(msg({ type: 'step', to: 9 }));
    expect(get().steps.conv).toBe(8);
    expect(last('error')).toMatchObject({ code: 'bad-step', key: 'to', value: '9', allowed: { kind: 'whole', min: 0, max: 8 } });
  });

  it('play starts the active view (from the start when at the end), pause stops it', async () => {
    const api = await start('?in=5&step=8');
    api.receive(msg({ type: 'play' }));
    expect(get().playing).toBe('conv');
    expect(get().steps.conv).toBe(0);
    api.receive(msg({ type: 'pause' }));
    expect(get().playing).toBeNull();
  });

  it('a refused message changes nothing and is answered with one error', async () => {
    const api = await start('?in=5');
    const before = get();
    said = [];
    for (const m of [null, 'get', msg({ type: 'dance' }), { ...msg({ type: 'get' }), version: 2 }, { ...msg({ type: 'get' }), source: 'x' }]) api.receive(m);
    expect(said.map((m) => (m.type === 'error' ? m.code : m.type))).toEqual(['malformed', 'malformed', 'unknown-type', 'wrong-version', 'wrong-source']);
    expect(get().params).toBe(before.params);
    expect(get().steps).toBe(before.steps);
  });
});
