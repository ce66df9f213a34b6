/**
 * What else changes when the learner changes one thing: the rules that keep params meaningful
 * across a switch of semantics or operation, in one pure function so they are tested once.
 */
import { explore, isShapeError } from '../engine';
import { specOf } from './index';
import type { FieldId } from './paramsSlice';
import type { HW, Params } from './urlParams';

/** The patch to apply, and the drafts (unparsed field text) that no longer belong to any field. */
export interface Transition {
  readonly patch: Partial<Params>;
  readonly clearDrafts: readonly FieldId[];
}

/** TensorFlow output_shape: the legal sizes per axis, and the size the engine picks when none is given. */
export interface LegalOutputShape {
  readonly legal: readonly [readonly number[], readonly number[]];
  readonly fallback: HW;
}

/**
 * The output_shape sizes TensorFlow accepts for these params, asked of the engine with no
 * output_shape given (so the answer does not depend on the current, maybe illegal, choice).
 * Null unless this is a TensorFlow transposed convolution whose other sizes are possible.
 */
export function legalOutputShape(params: Params): LegalOutputShape | null {
  if (params.op !== 'convT' || params.fw !== 'tf') return null;
  try {
    const e = explore(specOf({ ...params, out: null }));
    if (e.op !== 'convT') return null;
    return { legal: [e.axes[0].legalOut, e.axes[1].legalOut], fallback: [e.info.outH, e.info.outW] };
  } catch (err) {
    if (isShapeError(err)) return null;
    throw err;
  }
}

const SIZE_KEYS = ['in', 'k', 's', 'p', 'd'] as const;
const ZERO: HW = [0, 0];

/**
 * The full patch for the learner's `patch` on `params`:
 * - torch → tf sets padding to SAME, tf → torch to 0 (the two spellings do not translate);
 * - output padding exists only for a PyTorch transposed conv and output_shape only for a
 *   TensorFlow one: a switch that leaves their world resets them (0, and the engine's default);
 * - in a TensorFlow transposed conv, a size change that makes the chosen output_shape illegal
 *   on an axis puts that axis back on the engine's default (the select only offers legal sizes).
 */
export function transition(params: Params, patch: Partial<Params>): Transition {
  const result: { -readonly [K in keyof Params]?: Params[K] } = { ...patch };
  const clearDrafts: FieldId[] = [];
  const fw = patch.fw ?? params.fw;
  const op = patch.op ?? params.op;
  if (fw !== params.fw && patch.p === undefined) {
    result.p = fw === 'tf' ? 'same' : ZERO;
    clearDrafts.push('p.0', 'p.1');
  }
  if (fw !== params.fw || op !== params.op) {
    const a = patch.a ?? params.a;
    if (!(op === 'convT' && fw === 'torch') && (a[0] !== 0 || a[1] !== 0)) result.a = ZERO;
    if (!(op === 'convT' && fw === 'torch')) clearDrafts.push('a.0', 'a.1');
    if (!(op === 'convT' && fw === 'tf') && (patch.out ?? params.out) !== null) result.out = null;
  }
  const next: Params = { ...params, ...result };
  if (next.out !== null && patch.out === undefined && SIZE_KEYS.some((k) => patch[k] !== undefined)) {
    const legal = legalOutputShape(next);
    if (legal) {
      const h = legal.legal[0].includes(next.out[0]) ? next.out[0] : legal.fallback[0];
      const w = legal.legal[1].includes(next.out[1]) ? next.out[1] : legal.fallback[1];
      if (h !== next.out[0] || w !== next.out[1]) {
        result.out = h === legal.fallback[0] && w === legal.fallback[1] ? null : [h, w];
      }
    }
  }
  return { patch: result, clearDrafts };
}
