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

type FixtureFile = 'torch-cases.json' | 'tf-cases.json';

/** What a fixture file says about itself: how many cases it holds, in all and per op. */
export interface FixtureMeta {
  /** tf-cases.json's total. */
  readonly total?: number;
  /** torch-cases.json's total. */
  readonly count?: number;
  readonly counts: Readonly<Record<string, number>>;
}

const read = (file: FixtureFile) => JSON.parse(readFileSync(resolve(root, file), 'utf8')) as { meta: FixtureMeta; cases: FixtureCase[] };

/** All cases of `torch-cases.json` or `tf-cases.json`. */
export function loadCases(file: FixtureFile): FixtureCase[] {
  return read(file).cases;
}

/** The file's own account of its cases (its `meta`). */
export function loadMeta(file: FixtureFile): FixtureMeta {
  return read(file).meta;
}

/** How many cases of each op `cases` holds. */
export function countByOp(cases: readonly FixtureCase[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.op] = (counts[c.op] ?? 0) + 1;
  return counts;
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
