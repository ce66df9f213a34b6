/**
 * Pure helpers of the "More views" panels (matrix, checkerboard, round trip, gradient): which
 * cells a hover links, what each cell shows and how it looks. Positions come from the engine's
 * matrix entries and trace plans, values from the engine's tensors; these functions only index,
 * compare and format, so every drawing decision is testable without a DOM.
 */
import { scatterSources, type ConvMatrix, type ConvTransposeScatterPlan, type MatrixEntry, type MatrixGrid } from '../engine';
import { formatOperand } from './format';
import type { LookFn, Mark, ValueFn } from './looks';

// ---------------------------------------------------------------------------------------------
// Matrix view
// ---------------------------------------------------------------------------------------------

/** What the pointer is on in the matrix view: a matrix cell, or a flat input / output cell (NCHW index). */
export type MatrixHover =
  | { readonly on: 'entry'; readonly row: number; readonly col: number }
  | { readonly on: 'input'; readonly index: number }
  | { readonly on: 'output'; readonly index: number };

/** The matrix's stored entries by `row·cols + col`. Allocates one map of the entries. */
export function entryIndex(m: ConvMatrix): ReadonlyMap<number, MatrixEntry> {
  const map = new Map<number, MatrixEntry>();
  for (const e of m.entries) map.set(e.row * m.cols + e.col, e);
  return map;
}

/** The stored entry at matrix cell (r, c), or undefined for a structural zero. */
export function entryAt(m: ConvMatrix, entries: ReadonlyMap<number, MatrixEntry>, r: number, c: number): MatrixEntry | undefined {
  return entries.get(r * m.cols + c);
}

/** The value in matrix cell (r, c): the stored weight, else 0 (a structural zero). */
export function matrixValue(m: ConvMatrix, entries: ReadonlyMap<number, MatrixEntry>): ValueFn {
  return (r, c) => entryAt(m, entries, r, c)?.value ?? 0;
}

/** The cells a hover links: stored entries (`row·cols + col`), flat input and flat output cells. */
export interface MatrixLinks {
  readonly entries: ReadonlySet<number>;
  readonly inputs: ReadonlySet<number>;
  readonly outputs: ReadonlySet<number>;
}

/**
 * What `hover` links. A stored entry links its input (column) and output (row) cell; a
 * structural zero links nothing; an input cell links its column's entries and the output cells
 * they write; an output cell links its row's entries and the input cells they read.
 * O(entries) for a cell, O(1) for an entry. Allocates three sets.
 */
export function matrixLinks(m: ConvMatrix, entries: ReadonlyMap<number, MatrixEntry>, hover: MatrixHover | null): MatrixLinks {
  const linkedEntries = new Set<number>();
  const inputs = new Set<number>();
  const outputs = new Set<number>();
  if (hover?.on === 'entry') {
    const e = entryAt(m, entries, hover.row, hover.col);
    if (e) {
      linkedEntries.add(e.row * m.cols + e.col);
      inputs.add(e.col);
      outputs.add(e.row);
    }
  } else if (hover) {
    const byInput = hover.on === 'input';
    for (const e of m.entries) {
      if ((byInput ? e.col : e.row) !== hover.index) continue;
      linkedEntries.add(e.row * m.cols + e.col);
      inputs.add(e.col);
      outputs.add(e.row);
    }
  }
  return { entries: linkedEntries, inputs, outputs };
}

/** The looks of the matrix view's grids; the 2-D ones take the channel they draw. */
export interface MatrixLooks {
  readonly matrix: LookFn;
  /** The flattened input (one column: row r is flat cell r). */
  readonly inputVector: LookFn;
  readonly outputVector: LookFn;
  readonly input2d: (channel: number) => LookFn;
  readonly output2d: (channel: number) => LookFn;
}

/** Flat NCHW index (batch item 0) of cell (r, c) of `channel` in a grid of `g`'s size. */
export function flatIndex(g: MatrixGrid, channel: number, r: number, c: number): number {
  return (channel * g.h + r) * g.w + c;
}

/** (channel, y, x) of flat cell `index` of grid `g`. */
export function cellOf(g: MatrixGrid, index: number): { channel: number; y: number; x: number } {
  const plane = g.h * g.w;
  const inPlane = index % plane;
  return { channel: Math.floor(index / plane), y: Math.floor(inPlane / g.w), x: inPlane % g.w };
}

/**
 * Looks for the matrix view: structural zeros are faint ('zero'), stored entries are values.
 * The hovered cell is 'active', everything it links 'linked' (both set aria-selected).
 */
export function matrixLooks(m: ConvMatrix, entries: ReadonlyMap<number, MatrixEntry>, hover: MatrixHover | null): MatrixLooks {
  const links = matrixLinks(m, entries, hover);
  const mark = (active: boolean, linked: boolean): Mark => (active ? 'active' : linked ? 'linked' : null);
  const inputMark = (i: number) => mark(hover?.on === 'input' && hover.index === i, links.inputs.has(i));
  const outputMark = (i: number) => mark(hover?.on === 'output' && hover.index === i, links.outputs.has(i));
  return {
    matrix: (r, c) => ({
      tone: entries.has(r * m.cols + c) ? 'value' : 'zero',
      mark: mark(hover?.on === 'entry' && hover.row === r && hover.col === c, links.entries.has(r * m.cols + c)),
    }),
    inputVector: (r) => ({ mark: inputMark(r) }),
    outputVector: (r) => ({ mark: outputMark(r) }),
    input2d: (channel) => (r, c) => ({ mark: inputMark(flatIndex(m.colGrid, channel, r, c)) }),
    output2d: (channel) => (r, c) => ({ mark: outputMark(flatIndex(m.rowGrid, channel, r, c)) }),
  };
}

/** A cell for a sentence: `(y, x)` with one channel, `channel c (y, x)` (1-based channel) with several. */
export function cellText(g: MatrixGrid, index: number): { readonly channel: number | null; readonly y: number; readonly x: number } {
  const { channel, y, x } = cellOf(g, index);
  return { channel: g.channels > 1 ? channel + 1 : null, y, x };
}

// ---------------------------------------------------------------------------------------------
// Checkerboard
// ---------------------------------------------------------------------------------------------

/** How many kernel taps land on each output cell of a transposed convolution, and where the interior is. */
export interface OverlapCounts {
  readonly rows: number;
  readonly cols: number;
  /** Row-major counts: scatterSources(plan, oy, ox).length. */
  readonly counts: Int32Array;
  /** Output rows/columns (inclusive) away from the border effects: every stamp that could reach them exists. Null when empty. */
  readonly interior: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number } | null;
}

/**
 * Interior of one axis, in output coordinates: canvas positions f (= o + padBefore) whose
 * every possible source i = (f − tap·d)/s lies in [0, inSize): f ≥ effK − s and f < inSize·s.
 * Index relations only. Null when the range is empty.
 */
export function interiorRange(inSize: number, stride: number, effK: number, padBefore: number, outSize: number): [number, number] | null {
  const lo = Math.max(0, effK - stride - padBefore);
  const hi = Math.min(outSize - 1, inSize * stride - 1 - padBefore);
  return lo <= hi ? [lo, hi] : null;
}

/** The overlap counts of `plan`'s output plane. O(outH·outW·kH·kW); allocates the counts. */
export function overlapCounts(plan: ConvTransposeScatterPlan): OverlapCounts {
  const { outH, outW, inH, inW, strideH, strideW, effKH, effKW, pad } = plan.info;
  const counts = new Int32Array(outH * outW);
  for (let oy = 0; oy < outH; oy++) for (let ox = 0; ox < outW; ox++) counts[oy * outW + ox] = scatterSources(plan, oy, ox).length;
  const ys = interiorRange(inH, strideH, effKH, pad.top, outH);
  const xs = interiorRange(inW, strideW, effKW, pad.left, outW);
  return {
    rows: outH,
    cols: outW,
    counts,
    interior: ys && xs ? { top: ys[0], bottom: ys[1], left: xs[0], right: xs[1] } : null,
  };
}

/** Whether output cell (r, c) is in the interior. */
export function isInterior(o: OverlapCounts, r: number, c: number): boolean {
  const i = o.interior;
  return !!i && r >= i.top && r <= i.bottom && c >= i.left && c <= i.right;
}

/** The distinct counts of the interior cells, ascending (one value: the overlap is even). Allocates the list. */
export function interiorCounts(o: OverlapCounts): number[] {
  const seen = new Set<number>();
  for (let r = 0; r < o.rows; r++) for (let c = 0; c < o.cols; c++) if (isInterior(o, r, c)) seen.add(o.counts[r * o.cols + c]);
  return [...seen].sort((a, b) => a - b);
}

/** The overlap grid's values: the count of taps landing on each output cell. */
export function overlapValue(o: OverlapCounts): ValueFn {
  return (r, c) => o.counts[r * o.cols + c];
}

/** The overlap grid's looks: interior cells outlined ('window'). */
export function overlapLook(o: OverlapCounts): LookFn {
  return (r, c) => ({ mark: isInterior(o, r, c) ? 'window' : null });
}

/** Whether kernel size `k` is divisible by stride `s` (the rule for an even overlap without dilation). */
export const divisible = (k: number, s: number): boolean => k % s === 0;

/** The smallest kernel size ≥ k divisible by s, or null above `maxK` (the nearest even-overlap kernel to offer). */
export function evenKernel(k: number, s: number, maxK: number): number | null {
  const even = Math.ceil(k / s) * s;
  return even <= maxK ? even : null;
}

// ---------------------------------------------------------------------------------------------
// Round trip and gradient
// ---------------------------------------------------------------------------------------------

/** A tensor's shape for people: `H × W`, or `C × H × W` with several channels (shape [1, C, H, W]). */
export function shapeText(shape: readonly number[]): string {
  const [, c, h, w] = shape;
  return c > 1 ? `${c} × ${h} × ${w}` : `${h} × ${w}`;
}

/** Per channel of a `[1, C, H, W]` grid, the look marking `cells` (flat NCHW indices) with ≠: the cells a round trip changed. */
export function changedLooks(shape: readonly number[], cells: readonly number[]): LookFn[] {
  const changed = new Set(cells);
  const g: MatrixGrid = { channels: shape[1], h: shape[2], w: shape[3] };
  return Array.from({ length: g.channels }, (_, ch): LookFn => (r, c) => (changed.has(flatIndex(g, ch, r, c)) ? { note: '≠' } : {}));
}

/**
 * An inner product written out, `a₀·b₀ + a₁·b₁ + …`, from the two tensors' values (formatting
 * only: the sum is the engine's). Past `max` terms the middle is elided as `…`.
 */
export function innerProductText(a: ArrayLike<number>, b: ArrayLike<number>, max = 12): string {
  const n = Math.min(a.length, b.length);
  const term = (i: number) => `${formatOperand(a[i])}·${formatOperand(b[i])}`;
  if (n <= max) return Array.from({ length: n }, (_, i) => term(i)).join(' + ');
  const head = Array.from({ length: max - 2 }, (_, i) => term(i));
  return [...head, '…', term(n - 2), term(n - 1)].join(' + ');
}
