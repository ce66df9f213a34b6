import { describe, expect, it } from 'vitest';
import { parseQuery, type Params } from '../../src/store/urlParams';
import { legalOutputShape, transition } from '../../src/store/transitions';

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
