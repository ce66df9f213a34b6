/**
 * The only place that talks to the engine worker: whenever the learner's choice is valid, ask
 * for its numbers (the newest request wins) and keep them as the picture.
 */
import type { EngineClient } from '../worker/client';
import { selectValidated, selectValues, specOf, useStore } from './index';
import { DEFAULTS } from './urlParams';

let connected: EngineClient | null = null;

/** The client connectEngine follows the store with (image mode runs its jobs on it), or null before. */
export function engineClient(): EngineClient | null {
  return connected;
}

/** Starts following the store; returns the unsubscribe function. */
export function connectEngine(client: EngineClient): () => void {
  connected = client;
  let lastParams: unknown = null;
  let lastKey = '';
  const run = () => {
    const state = useStore.getState();
    if (state.params === lastParams) return;
    lastParams = state.params;
    // Image mode runs its own jobs; the numeric picture behind it is the default one (so a
    // first visit to image mode still has a picture, and the page counts as drawn).
    const s = state.params.op === 'image' ? { ...state, params: DEFAULTS } : state;
    const v = selectValidated(s);
    if (!v.ok) return;
    const { x, w } = selectValues(s);
    const spec = specOf(s.params);
    // Params that change no number (the view, the step) must not recompute the picture.
    const key = JSON.stringify([spec, x, w]);
    if (key === lastKey) return;
    lastKey = key;
    s.setPending(true);
    client.latest('explore', spec, x, w).then(
      (r) => {
        if (!r.stale) useStore.getState().setPicture({ explored: v.explored, x, w, numbers: r.value });
      },
      (e: unknown) => useStore.getState().setEngineError(e instanceof Error ? e : new Error(String(e))),
    );
  };
  run();
  return useStore.subscribe(run);
}
