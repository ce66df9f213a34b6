/**
 * What a grid drawn on a <canvas> paints, as pure functions: each cell's paint (its text,
 * tone, mark, note and background, read from the same value / look / colour functions the DOM
 * grid reads), which cells changed between two pictures (a step repaints only those), and the
 * geometry that turns a point of the canvas into a cell and a cell into a rectangle, under the
 * pan/zoom transform. src/canvas/painter.ts paints what this module decides; the component only
 * wires them.
 */
import { formatFull, formatValue } from './format';
import type { Look, LookFn, Mark, Tone, ValueFn } from './looks';

/** Everything that decides how one cell looks on the canvas: equal paints draw the same pixels. */
export interface CellPaint {
  /** The number as the cell shows it ('' for a blank cell). */
  readonly text: string;
  /** The number at full precision (the readout, the screen reader), or '' for a blank cell. */
  readonly full: string;
  readonly tone: Tone;
  readonly mark: Mark;
  readonly note: string;
  /** The value's colour, for value cells of a coloured grid; '' otherwise (the tone's colour). */
  readonly background: string;
}

/** A number's two texts (as the cell shows it, at full precision), kept: a step shows the same numbers again. */
const texts = new Map<number, readonly [string, string]>();
function textsOf(v: number): readonly [string, string] {
  let pair = texts.get(v);
  if (pair === undefined) {
    if (texts.size > 50_000) texts.clear();
    pair = [formatValue(v), formatFull(v)];
    texts.set(v, pair);
  }
  return pair;
}

const NO_LOOK: Look = {};

/**
 * The paint of cell (r, c): what the DOM grid's cell would show, as plain strings; `before`
 * itself when it paints the same (so an unchanged cell keeps its object from one step to the next).
 */
export function cellPaint(
  value: ValueFn, look: LookFn | undefined, color: ((v: number) => string) | undefined, r: number, c: number, before?: CellPaint,
): CellPaint {
  const v = value(r, c);
  const l = look?.(r, c) ?? NO_LOOK;
  const tone = l.tone ?? 'value';
  const [text, full] = v === null ? ['', ''] : textsOf(v);
  const mark = l.mark ?? null;
  const note = l.note ?? '';
  const background = v !== null && tone === 'value' && color ? color(v) : '';
  if (before && before.text === text && before.full === full && before.tone === tone && before.mark === mark && before.note === note && before.background === background) {
    return before;
  }
  return { text, full, tone, mark, note, background };
}

/**
 * Every cell's paint, row-major (index r·cols + c). With the grid's previous paints (`before`,
 * same size), a cell that paints the same keeps its previous object.
 */
export function gridPaint(
  rows: number, cols: number, value: ValueFn, look: LookFn | undefined, color: ((v: number) => string) | undefined, before?: readonly CellPaint[] | null,
): CellPaint[] {
  const same = before && before.length === rows * cols ? before : null;
  const out: CellPaint[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(cellPaint(value, look, color, r, c, same?.[r * cols + c]));
  return out;
}

/** Whether two paints draw the same pixels. */
export function samePaint(a: CellPaint, b: CellPaint): boolean {
  return a === b || (a.text === b.text && a.tone === b.tone && a.mark === b.mark && a.note === b.note && a.background === b.background);
}

/**
 * The cells (row-major indices, ascending) whose paint differs between `before` and `after`:
 * what a step repaints. Every cell when there is no `before` or the grid changed size.
 */
export function changedCells(before: readonly CellPaint[] | null, after: readonly CellPaint[]): number[] {
  if (!before || before.length !== after.length) return after.map((_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < after.length; i++) if (!samePaint(before[i], after[i])) out.push(i);
  return out;
}

/** The pan/zoom transform (d3-zoom's x, y, k): a grid point p shows at p·k + (x, y). */
export interface ZoomTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export const IDENTITY: ZoomTransform = { x: 0, y: 0, k: 1 };

/** A canvas grid's size: its cell side in CSS pixels (unzoomed) and its cells. */
export interface CanvasGeometry {
  readonly rows: number;
  readonly cols: number;
  readonly cell: number;
}

/** The grid's drawn size in CSS pixels (unzoomed). */
export function canvasSize(g: CanvasGeometry): { width: number; height: number } {
  return { width: g.cols * g.cell, height: g.rows * g.cell };
}

/**
 * A new backing store is this much longer than the grid it is made for, so a grid a row or a
 * column larger (typing a size back and forth, or one row fewer making the cells larger when the
 * window's height decides them) paints into the same one: allocating one costs more than painting.
 */
const HEADROOM = 1.125;

/**
 * The backing store (CSS px) for a grid `need` large: `have` itself while it holds the grid and
 * the grid fills at least 3/4 of it each way, else a new one with HEADROOM, the first one too.
 */
export function backingStore<T extends { readonly width: number; readonly height: number }>(
  need: { readonly width: number; readonly height: number }, have: T | null,
): T | { width: number; height: number } {
  const fits = (n: number, h: number) => n <= h && n >= 0.75 * h;
  if (have && fits(need.width, have.width) && fits(need.height, have.height)) return have;
  return { width: Math.ceil(need.width * HEADROOM), height: Math.ceil(need.height * HEADROOM) };
}

/**
 * The cell side for a grid of rows × cols in a box `width` wide and at most `height` tall:
 * as large as both allow, never above `maxCell`, never below `minCell` (px). Whole pixels from
 * 4 px up, so the grid lines stay sharp.
 */
export function fitCell(rows: number, cols: number, width: number, height: number, maxCell: number, minCell = 2): number {
  const fit = Math.min(maxCell, width / cols, height / rows);
  const side = fit >= 4 ? Math.floor(fit) : fit;
  return Math.max(minCell, side);
}

/** The cell under point (x, y) of the canvas (CSS px, zoomed as `t` says), or null outside the grid. */
export function cellAt(g: CanvasGeometry, t: ZoomTransform, x: number, y: number): [number, number] | null {
  const gx = (x - t.x) / t.k;
  const gy = (y - t.y) / t.k;
  const r = Math.floor(gy / g.cell);
  const c = Math.floor(gx / g.cell);
  return r < 0 || r >= g.rows || c < 0 || c >= g.cols ? null : [r, c];
}

/** Cell (r, c)'s rectangle on the canvas (CSS px, zoomed as `t` says). */
export function cellRect(g: CanvasGeometry, t: ZoomTransform, r: number, c: number): { x: number; y: number; size: number } {
  return { x: c * g.cell * t.k + t.x, y: r * g.cell * t.k + t.y, size: g.cell * t.k };
}

/**
 * The transform that brings cell (r, c) into a view `width` × `height` (CSS px), with a margin
 * of up to one cell, moving as little as possible; `t` itself when the cell is already in view.
 */
export function panToCell(g: CanvasGeometry, t: ZoomTransform, r: number, c: number, width: number, height: number): ZoomTransform {
  const { x, y, size } = cellRect(g, t, r, c);
  const shift = (start: number, view: number) => {
    // A cell larger than the view shows its start; one in view already stays; else it comes in with a margin of up to one cell.
    if (size >= view) return -start;
    if (start >= 0 && start + size <= view) return 0;
    const lo = Math.min(size, Math.max(0, (view - size) / 2));
    if (start < lo) return lo - start;
    if (start + size > view - lo) return view - lo - (start + size);
    return 0;
  };
  const dx = shift(x, width);
  const dy = shift(y, height);
  return dx === 0 && dy === 0 ? t : { x: t.x + dx, y: t.y + dy, k: t.k };
}

/** From this many screen pixels a cell shows its number; from NOTE_PX, its note too. */
export const TEXT_PX = 14;
export const NOTE_PX = 34;

/** The zoom that makes a cell `cell` px wide show its number comfortably (at least 1: never smaller than fitted). */
export function readableZoom(cell: number): number {
  return Math.max(1, 40 / cell);
}
