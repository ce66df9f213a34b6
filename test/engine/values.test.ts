/**
 * The starting values (src/engine/values.ts): the same seed gives the same numbers (every picture
 * is a link), each kind stays in the range its doc comment promises, and the kernel draws from a
 * different stream than the input. Ranges are checked value by value over many seeds, so one
 * stray number anywhere fails the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillValues, prng, type ValueKind, type ValueRole } from '../../src/engine/values';

const kinds: readonly ValueKind[] = ['ones', 'int', 'rand'];
const roles: readonly ValueRole[] = ['input', 'kernel'];
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const sizeArb = fc.integer({ min: 1, max: 1024 });

/** Every value of every seed in [0, seeds) with n = 1024: the first that fails `ok`, or null. */
function firstOutside(kind: ValueKind, role: ValueRole, seeds: number, ok: (v: number) => boolean): string | null {
  for (let seed = 0; seed < seeds; seed++) {
    const vs = fillValues(kind, 1024, seed, role);
    for (let i = 0; i < vs.length; i++) if (!ok(vs[i])) return `seed ${seed}, index ${i}: ${vs[i]}`;
  }
  return null;
}

describe('prng', () => {
  it('returns floats in [0, 1) and repeats its stream for the same seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const a = prng(seed);
        const b = prng(seed);
        for (let i = 0; i < 64; i++) {
          const r = a();
          expect(r).toBe(b());
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThan(1);
        }
      }),
    );
  });
});

describe('fillValues', () => {
  it('is deterministic: the same kind, size, seed and role give the same numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), sizeArb, seedArb, fc.constantFrom(...roles), (kind, n, seed, role) => {
        const a = fillValues(kind, n, seed, role);
        const b = fillValues(kind, n, seed, role);
        expect(a).toBeInstanceOf(Float64Array);
        expect(a.length).toBe(n);
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
    );
  });

  it('a prefix does not depend on n (growing the grid keeps the first values of the stream)', () => {
    fc.assert(
      fc.property(fc.constantFrom<ValueKind>('int', 'rand'), seedArb, fc.constantFrom(...roles), (kind, seed, role) => {
        const short = fillValues(kind, 9, seed, role);
        const long = fillValues(kind, 49, seed, role);
        expect(Array.from(long.subarray(0, 9))).toEqual(Array.from(short));
      }),
    );
  });

  it('different seeds give different numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom<ValueKind>('int', 'rand'), seedArb, seedArb, fc.constantFrom(...roles), (kind, s1, s2, role) => {
        fc.pre(s1 !== s2);
        expect(Array.from(fillValues(kind, 64, s1, role))).not.toEqual(Array.from(fillValues(kind, 64, s2, role)));
      }),
    );
  });

  it('the kernel uses a different stream than the input of the same seed', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        // rand has the same range for both roles, so equal streams would give equal arrays.
        expect(Array.from(fillValues('rand', 64, seed, 'kernel'))).not.toEqual(Array.from(fillValues('rand', 64, seed, 'input')));
      }),
    );
  });

  it('ones: every value is 1 whatever the seed and role', () => {
    fc.assert(
      fc.property(sizeArb, seedArb, fc.constantFrom(...roles), (n, seed, role) => {
        const vs = fillValues('ones', n, seed, role);
        expect(vs.length).toBe(n);
        expect(vs.every((v) => v === 1)).toBe(true);
      }),
    );
  });

  it('int input: whole numbers 0…4, and every one of them occurs', () => {
    expect(firstOutside('int', 'input', 200, (v) => Number.isInteger(v) && v >= 0 && v <= 4)).toBeNull();
    expect(new Set(fillValues('int', 1024, 7, 'input'))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('int kernel: whole numbers −1…2, and every one of them occurs', () => {
    expect(firstOutside('int', 'kernel', 200, (v) => Number.isInteger(v) && v >= -1 && v <= 2)).toBeNull();
    expect(new Set(fillValues('int', 1024, 7, 'kernel'))).toEqual(new Set([-1, 0, 1, 2]));
  });

  it('rand: two decimals (v·100 is a whole number)', () => {
    for (const role of roles) {
      expect(firstOutside('rand', role, 200, (v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9)).toBeNull();
    }
  });

  // The doc comment of fillValues promises [−1, 1): 1 itself must never appear.
  it('rand: every value lies in [−1, 1)', () => {
    for (const role of roles) {
      expect(firstOutside('rand', role, 200, (v) => v >= -1 && v < 1)).toBeNull();
    }
  });

  it('rand: both signs occur (the range is centred on zero)', () => {
    const vs = Array.from(fillValues('rand', 256, 3, 'input'));
    expect(vs.some((v) => v < 0)).toBe(true);
    expect(vs.some((v) => v > 0)).toBe(true);
  });
});
