import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { keepRecent } from '../src/keepRecent';

test.prop([fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), fc.integer({ min: 1, max: 5 })])(
  'keeps the last `limit` distinct keys named, newest last, each with its latest value',
  (keys, limit) => {
    const map = new Map<number, number>();
    keys.forEach((k, i) => keepRecent(map, k, i, limit));
    // Independently: the distinct keys by their last naming, the most recent `limit` of them.
    const last = new Map<number, number>();
    keys.forEach((k, i) => last.set(k, i));
    const expected = [...last].sort((a, b) => a[1] - b[1]).slice(-limit);
    expect([...map]).toEqual(expected);
  },
);
