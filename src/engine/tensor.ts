import { ShapeError } from './errors';

/** Plain data: row-major values of a tensor whose dimensions are `shape`. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** One number means both axes; a pair is [height, width]. */
export type Pair = number | readonly [number, number];

/** A size or parameter per axis: [height, width]. */
export type HW = readonly [number, number];

/** The largest tensor the engine will make or accept (elements). Beyond it the tab would freeze. */
export const MAX_ELEMENTS = 4_000_000;

/** The most multiply-adds one operation may cost before the engine refuses it. */
export const MAX_WORK = 2_000_000_000;

/** Number of elements of `shape`; validates each dimension (whole number ≥ 1). */
export function numel(shape: readonly number[], param = 'shape'): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (!Number.isInteger(d) || d < 1) {
      throw new ShapeError(
        Number.isInteger(d) ? 'out-of-range' : 'not-integer',
        param,
        `Every dimension of ${param} must be a whole number of at least 1; dimension ${i} is ${String(d)}.`,
        { axis: i, got: Number.isFinite(d) ? d : String(d) },
      );
    }
    n *= d;
  }
  if (n > MAX_ELEMENTS) {
    throw new ShapeError(
      'too-large',
      param,
      `${param} would hold ${n.toLocaleString('en')} numbers; the limit is ${MAX_ELEMENTS.toLocaleString('en')}. Use smaller sizes.`,
      { limit: 'elements', got: n, max: MAX_ELEMENTS },
    );
  }
  return n;
}

/**
 * A tensor of `shape`, zeros when `data` is omitted. Copies `data` (allocates one Float64Array).
 * Refuses a wrong length and any value that is not a finite number.
 */
export function tensor(shape: readonly number[], data?: ArrayLike<number>): Tensor {
  const n = numel(shape);
  const out = new Float64Array(n);
  if (data !== undefined) {
    if (data.length !== n) {
      throw new ShapeError(
        'data-length',
        'data',
        `A tensor of shape [${shape.join(', ')}] needs ${n} values, but ${data.length} were given.`,
        { expected: n, got: data.length },
      );
    }
    for (let i = 0; i < n; i++) out[i] = data[i];
    assertFinite(out, 'data');
  }
  return { shape: [...shape], data: out };
}

/** Throws unless every value is a finite number (NaN and ±Infinity are refused). */
export function assertFinite(data: ArrayLike<number>, param: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new ShapeError(
        'not-finite',
        param,
        `${param} holds ${String(data[i])} at position ${i}; every value must be a finite number.`,
        { index: i, got: String(data[i]) },
      );
    }
  }
}

/**
 * Checks that `t` is a well-formed tensor of the given rank (shape and data agree, values
 * finite) and returns its shape. Used at every public entry point.
 */
export function checkTensor(t: Tensor, rank: number, param: string, layout: string): readonly number[] {
  if (t === null || typeof t !== 'object' || !Array.isArray(t.shape) || !(t.data instanceof Float64Array)) {
    throw new ShapeError('rank', param, `${param} must be a tensor {shape, data: Float64Array} laid out as ${layout}.`, {
      layout,
    });
  }
  if (t.shape.length !== rank) {
    throw new ShapeError(
      'rank',
      param,
      `${param} must have ${rank} dimensions (${layout}); it has ${t.shape.length}: [${t.shape.join(', ')}].`,
      { expected: rank, got: t.shape.length, layout },
    );
  }
  const n = numel(t.shape, param);
  if (t.data.length !== n) {
    throw new ShapeError(
      'data-length',
      param,
      `${param} has shape [${t.shape.join(', ')}], which needs ${n} values, but holds ${t.data.length}.`,
      { expected: n, got: t.data.length },
    );
  }
  assertFinite(t.data, param);
  return t.shape;
}

/** Row-major strides of `shape` (elements). */
export function strides(shape: readonly number[]): number[] {
  const s: number[] = Array.from({ length: shape.length }, () => 0);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Flat row-major offset of `index` in a tensor of `shape`. */
export function offset(shape: readonly number[], index: readonly number[]): number {
  let o = 0;
  for (let i = 0; i < shape.length; i++) o = o * shape[i] + index[i];
  return o;
}
