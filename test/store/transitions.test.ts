import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseQuery, type Params } from '../../src/store/urlParams';
import { applyChange, hasOutputSize, legalOutputShape, resizePlanes, transition } from '../../src/store/transitions';
import { axisPatch } from '../../src/store/paramsSlice';
import { paramsArb } from './arbitraries';

const paramsOf = (query: string): Params => parseQuery(query).params;

// TensorFlow's rule (conv2d_transpose accepts output_shape o when the forward conv of o gives
// the input back), written here independently of the engine: SAME → ⌈o/s⌉ = i.
const tfSameLegal = (i: number, s: number): number[] =>
  Array.from({ length: 64 }, (_, n) => n + 1).filter((o) => Math.ceil(o / s) === i);

describe('transition', () => {
  it('torch → tf sets padding to SAME and clears the padding drafts', () => {
    const tr = transition(paramsOf('p=2'), { fw: 'tf' });
    expect(tr.patch.p).toBe('same');
    expect(tr.clearDrafts).toEqual(expect.arrayContaining(['p.0', 'p.1']));
  });

  it('tf → torch sets padding to 0 and forgets output_shape', () => {
    const tr = transition(paramsOf('op=convT&fw=tf&in=3&k=3&s=2&p=valid&out=7'), { fw: 'torch' });
    expect(tr.patch.p).toEqual([0, 0]);
    expect(tr.patch.out).toBeNull();
  });

  it('leaving the PyTorch transposed conv resets output padding', () => {
    const before = paramsOf('op=convT&s=2&a=1');
    expect(before.a).toEqual([1, 1]);
    expect(transition(before, { op: 'conv' }).patch.a).toEqual([0, 0]);
    expect(transition(before, { fw: 'tf' }).patch.a).toEqual([0, 0]);
  });

  it('changing op resets output_shape when it no longer applies', () => {
    const tr = transition(paramsOf('op=convT&fw=tf&in=3&k=3&s=2&out=5'), { op: 'conv' });
    expect(tr.patch.out).toBeNull();
  });

  it('a plain size change passes through untouched', () => {
    const tr = transition(paramsOf(''), { in: [7, 5] });
    expect(tr.patch).toEqual({ in: [7, 5] });
    expect(tr.clearDrafts).toEqual([]);
  });

  it('keeps a TF output_shape that stays legal and moves an axis that does not (issue 3: in=3, s=2, SAME → 5 or 6)', () => {
    const p = paramsOf('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5');
    expect(p.out).toEqual([5, 5]);
    // The kernel does not change SAME's legal sizes: 5 stays.
    expect(transition(p, { k: [2, 2] }).patch.out).toBeUndefined();
    // Input height 4 makes 5 illegal for the height only.
    const tr = transition(p, { in: [4, 3] });
    const legal = legalOutputShape({ ...p, in: [4, 3], out: null });
    expect(legal?.legal[0]).toEqual(tfSameLegal(4, 2));
    expect(tr.patch.out).toEqual([legal?.fallback[0], 5]);
  });

  it('legalOutputShape lists TensorFlow’s legal sizes (issue 3 example: 5 and 6)', () => {
    const legal = legalOutputShape(paramsOf('op=convT&fw=tf&in=3&k=3&s=2&p=same'));
    expect(legal?.legal[0]).toEqual(tfSameLegal(3, 2));
    expect(legal?.legal[1]).toEqual(tfSameLegal(3, 2));
    expect(legalOutputShape(paramsOf('op=conv&fw=tf'))).toBeNull();
  });
});

describe('transition: pooling and channels', () => {
  it('switching to pooling keeps input, window, stride, padding and channels; resets what does not apply', () => {
    const before = paramsOf('op=conv&in=6x5&k=3&s=2&p=1&d=2&cin=2&cout=4&g=2&w=' + Array.from({ length: 4 * 1 * 9 }, (_, i) => i).join(','));
    expect(before.w).not.toBeNull();
    const tr = transition(before, { op: 'unpool' });
    expect(tr.patch).toEqual({ op: 'unpool', d: [1, 1], cout: 1, g: 1, w: null });
    expect(tr.clearDrafts).toEqual(expect.arrayContaining(['d.0', 'd.1', 'cout', 'g']));
    const after = { ...before, ...tr.patch };
    expect([after.in, after.k, after.s, after.p, after.cin]).toEqual([[6, 5], [3, 3], [2, 2], [1, 1], 2]);
  });

  it('any switch of operation or semantics puts the chosen size `out` back on the default', () => {
    expect(transition(paramsOf('op=unpool&in=5&k=2&s=2&out=4'), { op: 'convT' }).patch.out).toBeNull();
    expect(transition(paramsOf('op=unpool&in=5&k=2&s=2&out=4'), { fw: 'tf' }).patch.out).toBeNull();
    expect(transition(paramsOf('op=convT&fw=tf&in=3&k=3&s=2&out=5'), { op: 'unpool' }).patch.out).toBeNull();
    expect(hasOutputSize('unpool', 'torch')).toBe(true);
    expect(hasOutputSize('convT', 'torch')).toBe(false);
  });

  it('legalOutputShape for unpooling: PyTorch default ± (s − 1), TensorFlow only the input size', () => {
    // Pooled size ⌊(5 − 2)/2⌋ + 1 = 2; default (2 − 1)·2 + 2 = 4; accepted 3..5; ConvArith's default is the input's 5.
    const torch = legalOutputShape(paramsOf('op=unpool&in=5&k=2&s=2'));
    expect(torch?.legal[0]).toEqual([3, 4, 5]);
    expect(torch?.fallback).toEqual([5, 5]);
    const tf = legalOutputShape(paramsOf('op=unpool&fw=tf&in=5x6&k=2&s=2&p=same'));
    expect(tf?.legal).toEqual([[5], [6]]);
  });

  it('a size change that makes the unpooled size illegal moves that axis back', () => {
    const p = paramsOf('op=unpool&in=5&k=2&s=2&out=3x4');
    expect(p.out).toEqual([3, 4]);
    // in=6: pooled 3, default 6, accepted 5..7 on the height; the width stays 5 (accepts 3..5).
    expect(transition(p, { in: [6, 5] }).patch.out).toEqual([6, 4]);
  });

  it('a new channel count drops typed values; a new size resizes every plane of them', () => {
    const x = Array.from({ length: 2 * 2 * 3 }, (_, i) => i + 1);
    const p = paramsOf(`in=2x3&k=1&cin=2&x=${x.join(',')}`);
    expect(p.x).toEqual(x);
    expect(transition(p, { cin: 3 }).patch.x).toBeNull();
    // 2×3 → 3×2 per plane: top-left kept, new cells 0 (planes [[1,2,3],[4,5,6]] and [[7,8,9],[10,11,12]]).
    expect(transition(p, { in: [3, 2] }).patch.x).toEqual([1, 2, 4, 5, 0, 0, 7, 8, 10, 11, 0, 0]);
    expect(resizePlanes([1, 2, 3, 4], 1, [2, 2], [1, 1])).toEqual([1]);
  });

  it('a new output channel count or groups drops typed kernel values; a new kernel size resizes every kernel', () => {
    const w = Array.from({ length: 2 * 1 * 4 }, (_, i) => i + 1);
    const p = paramsOf(`in=4&k=2&cin=1&cout=2&w=${w.join(',')}`);
    expect(p.w).toEqual(w);
    expect(transition(p, { cout: 1 }).patch.w).toBeNull();
    expect(transition(p, { k: [1, 2] }).patch.w).toEqual([1, 2, 5, 6]);
  });
});

describe('applyChange', () => {
  it('a whole Params object (an address) comes through as it is, whatever the params before', () => {
    fc.assert(
      fc.property(paramsArb, paramsArb, fc.option(fc.constantFrom('tf-ones-5x5', 'guide-dilated'), { nil: null }), (before, after, preset) => {
        const next = { ...after, preset };
        expect(applyChange(before, next).params).toEqual(next);
      }),
      { numRuns: 200 },
    );
  });

  it('a worked example stays named while only the view, panel or step change; any other key un-names it', () => {
    const opened = parseQuery('preset=guide-half-padding', { 'guide-half-padding': 'op=conv&in=5&k=3&p=1' }).params;
    expect(opened.preset).toBe('guide-half-padding');
    expect(applyChange(opened, { view: 'direct', panel: 'code', step: 3 }).params.preset).toBe('guide-half-padding');
    expect(applyChange(opened, { k: [3, 3] }).params.preset).toBeNull();
    expect(applyChange(opened, { x: Array.from({ length: 25 }, () => 1) }).params.preset).toBeNull();
  });

  it('a key the patch sets wins over the rule that would reset it (leaving the PyTorch transposed conv with output padding given)', () => {
    const before = paramsOf('op=convT&s=2&a=1');
    expect(applyChange(before, { op: 'conv' }).params.a).toEqual([0, 0]);
    expect(applyChange(before, { op: 'unpool', d: [2, 2] }).params.d).toEqual([2, 2]);
    expect(applyChange(DEFAULTS, { op: 'unpool' }).params).toMatchObject({ op: 'unpool', d: [1, 1], cout: 1, g: 1 });
  });
});

describe('axisPatch: one axis of a size field', () => {
  it('sets the axis asked for and keeps the other; a named TensorFlow padding starts from 0 × 0', () => {
    const params = { ...DEFAULTS, in: [5, 6], p: 'same' } as Params;
    expect(axisPatch(params, 'in', 0, 7)).toEqual({ in: [7, 6] });
    expect(axisPatch(params, 'in', 1, 2)).toEqual({ in: [5, 2] });
    expect(axisPatch(params, 'p', 1, 1)).toEqual({ p: [0, 1] });
  });
});
