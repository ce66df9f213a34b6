/**
 * The one store, made of slices (params, playback, results, ui). Derived values (the engine's
 * validated record, the values on screen) are selectors over it, never stored copies.
 */
import { create } from 'zustand';
import { explore, fillValues, isShapeError, type Explored, type ShapeError } from '../engine';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { activeView, createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { loadPresets, presetQueries, waitsForPresets } from './presetRegistry';
import { specOf } from './spec';
import { inputLength, mergePage, parseQuery, weightLength, writeQuery, type Params } from './urlParams';

export { activeView } from './playbackSlice';
export { specOf } from './spec';

export type State = ParamsSlice & PlaybackSlice & ResultsSlice & UiSlice;

export const useStore = create<State>()((...a) => ({
  ...createParamsSlice(...a),
  ...createPlaybackSlice(...a),
  ...createResultsSlice(...a),
  ...createUiSlice(...a),
}));

/**
 * Loads a query string (the page's address, a worked example's link) into the store: its params
 * through the one action that changes params (a whole Params object replaces them, the active
 * view's step with them), then what a freshly opened page has: its notices, no drafts, the
 * other views at their first step, nothing playing. Page keys the query does not name (the
 * language, when a preset opens) stay as they are.
 */
export function loadQuery(search: string): void {
  // An address that names a worked example waits for the examples' chunk (the first page does not carry it).
  if (waitsForPresets(search)) {
    void loadPresets().then(() => loadQuery(search));
    return;
  }
  const { params, page, notices } = parseQuery(search, presetQueries());
  useStore.getState().change(params);
  const steps = { conv: 0, scatter: 0, direct: 0, unpool: 0, [activeView(params)]: params.step };
  useStore.setState((s) => ({ page: mergePage(s.page, page), notices, steps, drafts: {}, playing: null }));
}

/** Sets one input (`x`) or kernel (`w`) value (flat NCHW index), starting from the values on screen, through `change`. */
export function editCell(grid: 'x' | 'w', index: number, value: number): void {
  const s = useStore.getState();
  const values = [...selectValues(s)[grid]];
  values[index] = value;
  s.change(grid === 'x' ? { x: values } : { w: values });
}

/** The query string for the current state (the active view's step included). */
export function currentQuery(s: State): string {
  return writeQuery({ ...s.params, step: s.steps[activeView(s.params)] }, presetQueries(), s.page);
}

export type Validated = { readonly ok: true; readonly explored: Explored } | { readonly ok: false; readonly error: ShapeError };

/** One-entry memo keyed by object identity: selectors recompute only when params change. */
function memoOnParams<T>(fn: (p: Params) => T): (s: State) => T {
  let last: Params | null = null;
  let value: T;
  return (s) => {
    if (s.params !== last) {
      last = s.params;
      value = fn(s.params);
    }
    return value;
  };
}

/** The current choice validated by the engine (synchronously: shape arithmetic is cheap). */
export const selectValidated = memoOnParams((p): Validated => {
  try {
    return { ok: true, explored: explore(specOf(p)) };
  } catch (e) {
    if (isShapeError(e)) return { ok: false, error: e };
    throw e;
  }
});

/**
 * True when the params' operation, sizes and channels are the picture's, so an edited cell lands
 * on the value shown (while the params are impossible the picture is an older one).
 */
export function selectEditable(s: State): boolean {
  const e = s.picture?.explored;
  const p = s.params;
  if (!e || e.op !== p.op) return false;
  if (e.op === 'unpool') return p.in[0] === e.pool.inH && p.in[1] === e.pool.inW && p.cin === e.pool.channels;
  const { info } = e;
  return p.in[0] === info.inH && p.in[1] === info.inW && p.k[0] === info.kH && p.k[1] === info.kW
    && p.cin === info.inChannels && p.cout === info.outChannels && p.g === info.groups;
}

/** The input and kernel values on screen: the learner's edits, else the chosen fill. */
export const selectValues = memoOnParams((p) => ({
  x: p.x ?? Array.from(fillValues(p.vals, inputLength(p), p.seed, 'input')),
  w: p.w ?? Array.from(fillValues(p.vals, weightLength(p), p.seed, 'kernel')),
}));
