/**
 * What else changes when the learner changes one thing: the rules that keep params meaningful
 * across a switch of semantics or operation, in one pure function so they are tested once.
 */
import { explore, isShapeError } from '../engine';
import { specOf } from './index';
import { resizeValues, type FieldId } from './paramsSlice';
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

/** Values of `planes` stacked H×W planes, each resized from `from` to `to` (top-left kept, zeros elsewhere). */
export function resizePlanes(values: readonly number[], planes: number, from: HW, to: HW): number[] {
  const size = from[0] * from[1];
  const out: number[] = [];
  for (let i = 0; i < planes; i++) out.push(...(resizeValues(values.slice(i * size, (i + 1) * size), from, to) ?? []));
  return out;
}

/**
 * The full patch for the learner's `patch` on `params`:
 * - torch → tf sets padding to SAME, tf → torch to 0 (the two spellings do not translate);
 * - output padding exists only for a PyTorch transposed conv: a switch that leaves it resets it
 *   to 0; `out` (TensorFlow's output_shape, or the unpooled size) means something else in each
 *   operation and semantics, so any switch of either puts it back on the engine's default;
 * - pooling keeps the input, window (k), stride, padding and channels (cin); dilation, output
 *   channels, groups and kernel values do not apply to it and go back to their defaults;
 * - values typed into cells follow the channels: a new channel count drops them (back to the
 *   chosen fill), a new size resizes every plane (top-left kept);
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
    const a = patch.a ?? params.a;
    if (!(op === 'convT' && fw === 'torch') && (a[0] !== 0 || a[1] !== 0)) result.a = ZERO;
    if (!(op === 'convT' && fw === 'torch')) clearDrafts.push('a.0', 'a.1');
    if (patch.out === undefined && params.out !== null) result.out = null;
  }
  if (op === 'unpool' && params.op !== 'unpool') {
    const d = patch.d ?? params.d;
    if (d[0] !== 1 || d[1] !== 1) result.d = ONE;
    if ((patch.cout ?? params.cout) !== 1) result.cout = 1;
    if ((patch.g ?? params.g) !== 1) result.g = 1;
    if (params.w !== null && patch.w === undefined) result.w = null;
    clearDrafts.push('d.0', 'd.1', 'cout', 'g');
  }
  const cin = result.cin ?? params.cin;
  const weightShapeChanges = cin !== params.cin || (result.cout ?? params.cout) !== params.cout || (result.g ?? params.g) !== params.g;
  if (cin !== params.cin && params.x !== null && patch.x === undefined) result.x = null;
  if (weightShapeChanges && params.w !== null && patch.w === undefined) result.w = null;
  // Several planes of typed values: resize each (the store's own resize knows one plane only).
  const nextIn = result.in ?? params.in;
  if (params.x !== null && result.x === undefined && params.cin > 1 && (nextIn[0] !== params.in[0] || nextIn[1] !== params.in[1])) {
    result.x = resizePlanes(params.x, params.cin, params.in, nextIn);
  }
  const nextK = result.k ?? params.k;
  const kernelPlanes = weightLength(params) / (params.k[0] * params.k[1]);
  if (params.w !== null && result.w === undefined && kernelPlanes > 1 && (nextK[0] !== params.k[0] || nextK[1] !== params.k[1])) {
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
