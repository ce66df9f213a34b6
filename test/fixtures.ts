/** Reads the framework fixtures from ../shared/fixtures at test time (never copied into the source). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export interface FixtureCase {
  id: string;
  op: string;
  params: Record<string, unknown> & { mode: 'int' | 'float' };
  inputs: Record<string, FixtureTensor>;
  expected: Record<string, FixtureTensor> & { error?: boolean; computed?: number[]; actual?: number[] };
}

const root = resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures');

/** All cases of `torch-cases.json` or `tf-cases.json`. */
export function loadCases(file: 'torch-cases.json' | 'tf-cases.json'): FixtureCase[] {
  const parsed = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as { cases: FixtureCase[] };
  return parsed.cases;
}

/** Exact for int cases; for float cases `|got − want| ≤ tol · max(1, |want|)`. Returns the first mismatch or null. */
export function firstMismatch(got: ArrayLike<number>, want: readonly number[], tol: number): string | null {
  if (got.length !== want.length) return `length ${got.length} ≠ ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const ok = tol === 0 ? got[i] === want[i] : Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i]));
    if (!ok) return `at ${i}: got ${got[i]}, want ${want[i]}`;
  }
  return null;
}
