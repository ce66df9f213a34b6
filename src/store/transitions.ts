/**
 * What else changes when the learner changes one thing: the rules that keep params meaningful
 * across a switch of semantics or operation, in pure functions so they are tested once. The
 * store's one action that changes params (`change`) applies them to every change, whoever
 * makes it: a field, a button in a view, a worked example, the address.
 */
import { explore, isShapeError } from '../engine';
import type { FieldId } from './paramsSlice';
import { specOf } from './spec';
import { weightLength, type HW, type Params } from './urlParams';

/** The patch to apply, and the drafts (unparsed field text) that no longer belong to any field. */
export interface Transition {
  readonly patch: Partial<Params>;
  readonly clearDrafts: readonly FieldId[];
}

/**
 * The chosen output size (`out`): TensorFlow's output_shape of a transposed convolution, or the
 * unpooled size. The legal sizes per axis, and the size the engine picks when none is given.
 */
export interface LegalOutputShape {
  readonly legal: readonly [readonly number[], readonly number[]];
  readonly fallback: HW;
}

/** Whether `out` means something for this operation and semantics. */
export function hasOutputSize(op: Params['op'], fw: Params['fw']): boolean {
  return op === 'unpool' || (op === 'convT' && fw === 'tf');
}

/**
 * The sizes `out` may take for these params, asked of the engine with no `out` given (so the
 * answer does not depend on the current, maybe illegal, choice): TensorFlow's legal
 * output_shape values, or the unpooled sizes PyTorch accepts (TensorFlow: only the input's).
 * Null unless `out` applies (see hasOutputSize) and the other sizes are possible.
 */
export function legalOutputShape(params: Params): LegalOutputShape | null {
  if (!hasOutputSize(params.op, params.fw)) return null;
  try {
    const e = explore(specOf({ ...params, out: null }));
    if (e.op === 'conv') return null;
    const fallback: HW = e.op === 'convT' ? [e.info.outH, e.info.outW] : [e.unpool.outH, e.unpool.outW];
    return { legal: [e.axes[0].legalOut, e.axes[1].legalOut], fallback };
  } catch (err) {
    if (isShapeError(err)) return null;
    throw err;
  }
}

const SIZE_KEYS = ['in', 'k', 's', 'p', 'd'] as const;
const ZERO: HW = [0, 0];
const ONE: HW = [1, 1];

/**
 * Values of `planes` stacked H×W planes, each resized from `from` to `to`: the top-left values
 * kept, zeros where a plane grew. Allocates the result.
 */
export function resizePlanes(values: readonly number[], planes: number, from: HW, to: HW): number[] {
  const out: number[] = Array.from({ length: planes * to[0] * to[1] }, () => 0);
  for (let i = 0; i < planes; i++) {
    for (let r = 0; r < Math.min(from[0], to[0]); r++) {
      for (let c = 0; c < Math.min(from[1], to[1]); c++) out[(i * to[0] + r) * to[1] + c] = values[(i * from[0] + r) * from[1] + c];
    }
  }
  return out;
}

const sameHW = (a: HW, b: HW): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * The full patch for a `patch` on `params`. A key the patch sets is never overridden (so a
 * whole Params object, such as a parsed address, comes through as it is); the other keys follow:
 * - torch → tf sets padding to SAME, tf → torch to 0 (the two spellings do not translate);
 * - output padding exists only for a PyTorch transposed conv: a switch that leaves it resets it
 *   to 0; `out` (TensorFlow's output_shape, or the unpooled size) means something else in each
 *   operation and semantics, so any switch of either puts it back on the engine's default;
 * - pooling keeps the input, window (k), stride, padding and channels (cin); dilation, output
 *   channels, groups and kernel values do not apply to it and go back to their defaults;
 * - values typed into cells follow the sizes and channels: a new fill (`vals`, `seed`) or a new
 *   channel count drops them (back to the chosen fill), a new size resizes every plane (top-left
 *   kept, zeros where it grew);
 * - when `out` applies, a size change that makes the chosen `out` illegal on an axis puts that
 *   axis back on the engine's default (the select only offers legal sizes).
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
    if (!(op === 'convT' && fw === 'torch')) {
      if (patch.a === undefined && !sameHW(params.a, ZERO)) result.a = ZERO;
      clearDrafts.push('a.0', 'a.1');
    }
    if (patch.out === undefined && params.out !== null) result.out = null;
  }
  if (op === 'unpool' && params.op !== 'unpool') {
    if (patch.d === undefined && !sameHW(params.d, ONE)) result.d = ONE;
    if (patch.cout === undefined && params.cout !== 1) result.cout = 1;
    if (patch.g === undefined && params.g !== 1) result.g = 1;
    if (patch.w === undefined && params.w !== null) result.w = null;
    clearDrafts.push('d.0', 'd.1', 'cout', 'g');
  }
  const refill = patch.vals !== undefined || patch.seed !== undefined;
  const cin = result.cin ?? params.cin;
  const weightShapeChanges = cin !== params.cin || (result.cout ?? params.cout) !== params.cout || (result.g ?? params.g) !== params.g;
  if ((refill || cin !== params.cin) && params.x !== null && result.x === undefined) result.x = null;
  if ((refill || weightShapeChanges) && params.w !== null && result.w === undefined) result.w = null;
  const nextIn = result.in ?? params.in;
  if (params.x !== null && result.x === undefined && !sameHW(nextIn, params.in)) {
    result.x = resizePlanes(params.x, params.cin, params.in, nextIn);
  }
  const nextK = result.k ?? params.k;
  const kernelPlanes = weightLength(params) / (params.k[0] * params.k[1]);
  if (params.w !== null && result.w === undefined && kernelPlanes > 0 && !sameHW(nextK, params.k)) {
    result.w = resizePlanes(params.w, kernelPlanes, params.k, nextK);
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

/** Keys whose change leaves the numbers alone, so a worked example stays named. */
const KEEPS_PRESET: readonly (keyof Params)[] = ['view', 'panel', 'step', 'preset'];

/**
 * Params after `patch` (see transition), and the drafts that no longer belong to any field. A
 * worked example stays named while only the view, panel or step change, or when the patch names
 * it itself (an address that opens it).
 */
export function applyChange(params: Params, patch: Partial<Params>): { readonly params: Params; readonly clearDrafts: readonly FieldId[] } {
  const tr = transition(params, patch);
  const keepsPreset = (Object.keys(patch) as (keyof Params)[]).every((k) => KEEPS_PRESET.includes(k));
  const preset = patch.preset !== undefined ? patch.preset : keepsPreset ? params.preset : null;
  return { params: { ...params, ...tr.patch, preset }, clearDrafts: tr.clearDrafts };
}
