/**
 * The store (src/store/index.ts and its slices): custom values follow the grid sizes, a new fill
 * drops them, cell edits start from what is on screen (all through the one action `change`), drafts keep unparsed text, the validated
 * selector names the parameter at fault and is memoised on params, and loading a query puts its
 * step on the active view.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillValues, isShapeError } from '../../src/engine';
import {
  activeView, currentQuery, editCell, loadQuery, selectValidated, selectValues, specOf, useStore,
} from '../../src/store';
import { DEFAULTS, type HW, type Params } from '../../src/store/urlParams';
import { infoOf } from '../explored';

const initial = useStore.getInitialState();
beforeEach(() => useStore.setState(initial, true));

const get = () => useStore.getState();

/** Top-left values of `values` (from[0]×from[1]) in a to[0]×to[1] grid, zeros elsewhere: via 2-D arrays. */
function keepTopLeft(values: readonly number[], from: HW, to: HW): number[] {
  const rows = Array.from({ length: from[0] }, (_, r) => values.slice(r * from[1], (r + 1) * from[1]));
  const grid = Array.from({ length: to[0] }, (_, r) => Array.from({ length: to[1] }, (_, c) => rows[r]?.[c] ?? 0));
  return grid.flat();
}

const sizeArb = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));

/** The validation result of params `patch` on the defaults, as [ok, code, param]. */
function validate(patch: Partial<Params>): { ok: boolean; code?: string; param?: string } {
  useStore.setState({ params: { ...DEFAULTS, ...patch } });
  const v = selectValidated(get());
  if (v.ok) return { ok: true };
  expect(isShapeError(v.error)).toBe(true);
  return { ok: false, code: v.error.code, param: v.error.param };
}

describe('change', () => {
  it('resizing the input keeps the custom values top-left (zeros where the grid grew)', () => {
    fc.assert(
      fc.property(
        sizeArb(8).chain((from) => fc.tuple(fc.constant(from), sizeArb(8), fc.array(fc.integer({ min: -9, max: 9 }), { minLength: from[0] * from[1], maxLength: from[0] * from[1] }))),
        ([from, to, x]) => {
          useStore.setState(initial, true);
          get().change({ in: from, x });
          get().change({ in: to });
          expect(get().params.in).toEqual(to);
          expect(get().params.x).toEqual(keepTopLeft(x, from, to));
        },
      ),
    );
  });

  it('resizing the kernel keeps the custom kernel top-left; the input values stay as they were', () => {
    fc.assert(
      fc.property(
        sizeArb(7).chain((from) => fc.tuple(fc.constant(from), sizeArb(7), fc.array(fc.integer({ min: -9, max: 9 }), { minLength: from[0] * from[1], maxLength: from[0] * from[1] }))),
        ([from, to, w]) => {
          useStore.setState(initial, true);
          const x = Array.from({ length: 25 }, (_, i) => i);
          get().change({ k: from, w, x });
          get().change({ k: to });
          expect(get().params.w).toEqual(keepTopLeft(w, from, to));
          expect(get().params.x).toEqual(x);
        },
      ),
    );
  });

  it('a worked case: 3×3 → 2×4 keeps [1 2 3 / 4 5 6] and pads the new column with 0', () => {
    get().change({ in: [3, 3], x: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    get().change({ in: [2, 4] });
    expect(get().params.x).toEqual([1, 2, 3, 0, 4, 5, 6, 0]);
  });

  it('without custom values a resize leaves x and w unset (the fill follows the size)', () => {
    get().change({ in: [7, 6], k: [2, 2] });
    expect(get().params.x).toBeNull();
    expect(get().params.w).toBeNull();
    expect(selectValues(get()).x).toEqual(Array.from(fillValues(DEFAULTS.vals, 42, DEFAULTS.seed, 'input')));
  });

  for (const patch of [{ vals: 'ones' }, { vals: 'rand' }, { seed: 99 }] as const) {
    it(`${JSON.stringify(patch)} drops the custom values, so the new fill shows`, () => {
      get().change({ x: Array(25).fill(7), w: Array(9).fill(3) });
      get().change(patch);
      expect(get().params.x).toBeNull();
      expect(get().params.w).toBeNull();
      const p = get().params;
      expect(selectValues(get())).toEqual({
        x: Array.from(fillValues(p.vals, 25, p.seed, 'input')),
        w: Array.from(fillValues(p.vals, 9, p.seed, 'kernel')),
      });
    });
  }

  it('other changes (stride, padding, op) keep the custom values', () => {
    const x = Array.from({ length: 25 }, (_, i) => i - 12);
    get().change({ x });
    get().change({ s: [2, 2], p: [1, 1], op: 'convT' });
    expect(get().params.x).toEqual(x);
  });
});

describe('editCell', () => {
  it('starts from the values on screen (the fill) and changes only that cell', () => {
    get().change({ vals: 'rand', seed: 5 });
    const onScreen = selectValues(get()).x;
    editCell('x', 7, 42);
    const want = [...onScreen];
    want[7] = 42;
    expect(get().params.x).toEqual(want);
    expect(selectValues(get()).x).toEqual(want);
    // the kernel was not touched
    expect(get().params.w).toBeNull();
  });

  it('a second edit builds on the first', () => {
    const onScreen = selectValues(get()).w;
    editCell('w', 0, -3);
    editCell('w', 8, 9);
    const want = [...onScreen];
    want[0] = -3;
    want[8] = 9;
    expect(get().params.w).toEqual(want);
  });
});

describe('drafts', () => {
  it('keeps the text of a field that does not parse yet, per field, and forgets it on null', () => {
    get().setDraft('in.0', '3a');
    get().setDraft('k', '');
    expect(get().drafts).toEqual({ 'in.0': '3a', k: '' });
    get().setDraft('in.0', null);
    expect(get().drafts).toEqual({ k: '' });
    // params are not touched by drafts
    expect(get().params).toBe(initial.params);
  });

  it('loading a query clears them', () => {
    get().setDraft('s.1', 'x');
    loadQuery('?in=6');
    expect(get().drafts).toEqual({});
  });
});

describe('selectValidated', () => {
  it('the defaults are valid: 5×5 input, 3×3 kernel, stride 1, no padding → 3×3', () => {
    useStore.setState({ params: DEFAULTS });
    const v = selectValidated(get());
    expect(v.ok).toBe(true);
    if (v.ok) expect([infoOf(v.explored).outH, infoOf(v.explored).outW]).toEqual([5 - 3 + 1, 5 - 3 + 1]);
  });

  it("kernel 7 on input 3 with padding 0 → ShapeError with param 'weight'", () => {
    expect(validate({ in: [3, 3], k: [7, 7] })).toEqual({ ok: false, code: 'kernel-too-large', param: 'weight' });
  });

  it("kernel 7 on input 3 with padding 2 fits (3 + 4 ≥ 7)", () => {
    expect(validate({ in: [3, 3], k: [7, 7], p: [2, 2] })).toEqual({ ok: true });
  });

  it("TF transposed conv out=10 for in=3, k=3, s=2, SAME → param 'outputShape' (issue 3: output_shape offered from its legal values)", () => {
    expect(validate({ op: 'convT', fw: 'tf', in: [3, 3], k: [3, 3], s: [2, 2], p: 'same', out: [10, 10] })).toEqual({
      ok: false, code: 'output-shape', param: 'outputShape',
    });
  });

  it("PyTorch output padding not smaller than stride or dilation → param 'outputPadding'", () => {
    expect(validate({ op: 'convT', s: [2, 2], a: [2, 0] })).toMatchObject({ ok: false, param: 'outputPadding' });
    expect(validate({ op: 'convT', s: [2, 2], a: [1, 1] })).toEqual({ ok: true });
  });

  it("padding that crops the whole transposed output → param 'padding'", () => {
    expect(validate({ op: 'convT', in: [1, 1], k: [1, 1], p: [1, 1] })).toMatchObject({ ok: false, param: 'padding' });
  });

  it("TF VALID with a kernel larger than the input → param 'weight'", () => {
    expect(validate({ fw: 'tf', p: 'valid', in: [2, 2], k: [3, 3] })).toMatchObject({ ok: false, param: 'weight' });
  });

  it('returns the same object while params are unchanged, a new one when they change', () => {
    const a = selectValidated(get());
    get().setStep('conv', 3);
    get().setHover({ grid: 'input', row: 0, col: 0 });
    get().setDraft('in.0', 'x');
    expect(selectValidated(get())).toBe(a);
    expect(selectValues(get())).toBe(selectValues(get()));
    const values = selectValues(get());
    get().change({ s: [2, 2] });
    const b = selectValidated(get());
    expect(b).not.toBe(a);
    expect(b.ok && infoOf(b.explored).strideH).toBe(2);
    expect(selectValues(get())).not.toBe(values);
    expect(selectValidated(get())).toBe(b);
  });
});

describe('loadQuery / currentQuery / activeView / specOf', () => {
  it('the step of the query lands on the active view: conv for a convolution', () => {
    loadQuery('?step=4');
    expect(get().steps).toEqual({ conv: 4, scatter: 0, direct: 0, unpool: 0 });
  });

  it('…and the chosen view of a transposed convolution', () => {
    loadQuery('?op=convT&view=direct&step=7');
    expect(get().steps).toEqual({ conv: 0, scatter: 0, direct: 7, unpool: 0 });
    loadQuery('?op=convT&step=2');
    expect(get().steps).toEqual({ conv: 0, scatter: 2, direct: 0, unpool: 0 });
  });

  it('sets params and notices, and stops playback', () => {
    get().setPlaying('conv');
    loadQuery('?in=6&k=99&zoom=2');
    expect(get().params).toEqual({ ...DEFAULTS, in: [6, 6] });
    expect(get().notices.map((n) => n.key)).toEqual(['k', 'zoom']);
    expect(get().playing).toBeFalsy();
  });

  it('currentQuery writes the active view’s step: loadQuery ∘ currentQuery is the identity on clean queries', () => {
    for (const q of ['op=convT&fw=tf&in=3&s=2&out=5&vals=ones&step=3', 'op=convT&step=9&view=direct', 'in=6x4&k=2&step=1', '']) {
      loadQuery(`?${q}`);
      expect(currentQuery(get())).toBe(q);
    }
  });

  it('stepping another view does not change the query; stepping the active one does', () => {
    loadQuery('?op=convT&view=direct&step=2');
    get().setStep('scatter', 5);
    expect(new URLSearchParams(currentQuery(get())).get('step')).toBe('2');
    get().setStep('direct', 6);
    expect(new URLSearchParams(currentQuery(get())).get('step')).toBe('6');
  });

  it('activeView: conv for a convolution, the view for a transposed one', () => {
    expect(activeView({ ...DEFAULTS, view: 'direct' })).toBe('conv');
    expect(activeView({ ...DEFAULTS, op: 'convT', view: 'direct' })).toBe('direct');
    expect(activeView({ ...DEFAULTS, op: 'convT' })).toBe('scatter');
  });

  it('specOf spells padding the engine’s way and passes sizes through', () => {
    const p: Params = { ...DEFAULTS, op: 'convT', fw: 'tf', in: [3, 4], k: [2, 3], s: [2, 1], p: 'valid', d: [1, 2], out: [7, 8] };
    expect(specOf(p)).toEqual({
      op: 'convT', fw: 'tf', input: [3, 4], kernel: [2, 3], stride: [2, 1], padding: 'VALID',
      dilation: [1, 2], outputPadding: [0, 0], outputShape: [7, 8], channels: { in: 1, out: 1, groups: 1 }, pool: 'max',
    });
    expect(specOf({ ...p, p: 'same' }).padding).toBe('SAME');
    expect(specOf(DEFAULTS).padding).toEqual([0, 0]);
  });
});
