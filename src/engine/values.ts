/**
 * The numbers a learner starts from: all ones, small integers, or seeded random values.
 * Deterministic for a given seed, so every picture is a link.
 */
export type ValueKind = 'ones' | 'int' | 'rand';

/** Which tensor the values are for: kernels get a range centred on zero so signs show. */
export type ValueRole = 'input' | 'kernel';

/** mulberry32: a tiny, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` values of `kind`. Integers: inputs 0…4, kernels −1…2. Random: two decimals in [−1, 1).
 * The kernel uses a different stream than the input of the same seed. Allocates a Float64Array.
 */
export function fillValues(kind: ValueKind, n: number, seed: number, role: ValueRole): Float64Array {
  const out = new Float64Array(n);
  if (kind === 'ones') return out.fill(1);
  const next = prng(role === 'input' ? seed : seed ^ 0x5bd1e995);
  for (let i = 0; i < n; i++) {
    const r = next();
    out[i] = kind === 'int' ? (role === 'input' ? Math.floor(r * 5) : Math.floor(r * 4) - 1) : (Math.floor(r * 200) - 100) / 100;
  }
  return out;
}
