/**
 * The one store, made of slices (params, playback, results, ui). Derived values (the engine's
 * validated record, the values on screen) are selectors over it, never stored copies.
 */
import { create } from 'zustand';
import { explore, fillValues, isShapeError, type Explored, type ExploreSpec, type ShapeError } from '../engine';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createPlaybackSlice, type PlaybackSlice, type ViewId } from './playbackSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { PRESET_QUERIES } from './presets';
import { inputLength, mergePage, parseQuery, weightLength, writeQuery, type Params } from './urlParams';

export type State = ParamsSlice & PlaybackSlice & ResultsSlice & UiSlice;

export const useStore = create<State>()((...a) => ({
  ...createParamsSlice(...a),
  ...createPlaybackSlice(...a),
  ...createResultsSlice(...a),
  ...createUiSlice(...a),
}));

/** The view the keyboard and the URL's `step` drive. */
export function activeView(params: Params): ViewId {
  return params.op === 'convT' ? params.view : params.op;
}

/**
 * Loads a query string into the store (params, the active view's step, notices); page keys the
 * query does not name (the language, when a preset opens) stay as they are.
 */
export function loadQuery(search: string): void {
  const { params, page, notices } = parseQuery(search, PRESET_QUERIES);
  const steps = { conv: 0, scatter: 0, direct: 0, unpool: 0, [activeView(params)]: params.step };
  useStore.setState((s) => ({ params, page: mergePage(s.page, page), notices, steps, drafts: {}, playing: null }));
}

/** The query string for the current state (the active view's step included). */
export function currentQuery(s: State): string {
  return writeQuery({ ...s.params, step: s.steps[activeView(s.params)] }, PRESET_QUERIES, s.page);
}

/** The engine's question for these params. */
export function specOf(p: Params): ExploreSpec {
  return {
    op: p.op,
    fw: p.fw,
    input: p.in,
    kernel: p.k,
    stride: p.s,
    padding: typeof p.p === 'string' ? (p.p === 'same' ? 'SAME' : 'VALID') : p.p,
    dilation: p.d,
    outputPadding: p.a,
    outputShape: p.out,
    channels: { in: p.cin, out: p.op === 'unpool' ? p.cin : p.cout, groups: p.op === 'unpool' ? 1 : p.g },
    pool: p.pool,
  };
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

/** The input and kernel values on screen: the learner's edits, else the chosen fill. */
export const selectValues = memoOnParams((p) => ({
  x: p.x ?? Array.from(fillValues(p.vals, inputLength(p), p.seed, 'input')),
  w: p.w ?? Array.from(fillValues(p.vals, weightLength(p), p.seed, 'kernel')),
}));
