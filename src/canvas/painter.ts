/**
 * The one painter of grids drawn on a <canvas>: it paints the cells it is given (every cell,
 * or the few a step changed) exactly as src/viz/cellPaint.ts describes them, with the colours of
 * the stylesheet's custom properties, so a canvas grid looks like a DOM grid. Each cell owns its
 * square (its grid lines are its right and bottom edge, its marks are drawn inside), so
 * repainting one cell never disturbs its neighbours.
 */
import { readPalette, type Palette } from '../viz/palette';
import { cellRect, NOTE_PX, TEXT_PX, type CanvasGeometry, type CellPaint, type ZoomTransform } from '../viz/cellPaint';

/** The stylesheet's colours for grids, and the font of the page the canvas is in. */
export interface CanvasPalette extends Palette {
  readonly font: string;
}

/** The palette of the page `el` is in (custom properties of :root, the element's font family). */
export function readCanvasPalette(el: Element): CanvasPalette {
  const css = getComputedStyle(el);
  return { ...readPalette((name) => css.getPropertyValue(name)), font: css.fontFamily || 'sans-serif' };
}

const MARK_WIDTH: Readonly<Record<NonNullable<CellPaint['mark']>, number>> = { active: 3, window: 2, linked: 3, switch: 3, done: 0 };

function markColor(mark: CellPaint['mark'], p: Palette): string | null {
  switch (mark) {
    case 'active': return p.active;
    case 'window': return p.window;
    case 'linked': return p.linked;
    case 'switch': return p.accent;
    default: return null;
  }
}

function fillOf(cell: CellPaint, p: Palette): string {
  switch (cell.tone) {
    case 'padding': return p.pad;
    case 'zero': return p.zero;
    case 'cropped': return p.cropped;
    case 'empty': return p.paper;
    default: return cell.background || p.paper;
  }
}

function inkOf(cell: CellPaint, p: Palette): string {
  switch (cell.tone) {
    case 'padding': return p.muted;
    case 'zero': return p.zeroInk;
    case 'cropped': return p.croppedInk;
    default: return p.ink;
  }
}

/**
 * Text widths at REF_PX by weight and text. Drawn widths scale with the font size, so a grid
 * drawn at a new cell size (a new input size) measures none of its numbers again.
 */
const REF_PX = 100;
const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, pen: Pen, weight: number, px: number, family: string, text: string): number {
  const key = `${weight}|${family}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    setFont(ctx, pen, `${weight} ${REF_PX}px ${family}`);
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return (w * px) / REF_PX;
}

/**
 * The text settings last given to the context during one paint: setting `ctx.font` makes the
 * browser parse a CSS font again, which cost more than the drawing when every repainted cell
 * set it two or three times, so a setting is only given when it differs.
 */
interface Pen {
  font: string;
  align: CanvasTextAlign;
  baseline: CanvasTextBaseline;
}

function setFont(ctx: CanvasRenderingContext2D, pen: Pen, font: string): void {
  if (pen.font !== font) {
    ctx.font = font;
    pen.font = font;
  }
}

function setAlign(ctx: CanvasRenderingContext2D, pen: Pen, align: CanvasTextAlign, baseline: CanvasTextBaseline): void {
  if (pen.align !== align) {
    ctx.textAlign = align;
    pen.align = align;
  }
  if (pen.baseline !== baseline) {
    ctx.textBaseline = baseline;
    pen.baseline = baseline;
  }
}

// The inside of one cell at its place under transform `t` is drawn in three parts: its box (fill
// and mark), its number, its note. A paint draws every cell's box, then every number, then every
// note, so the font changes twice per paint rather than twice per cell.

/** From this size (px) a cell has a grid line: its right and bottom pixel. */
const LINE_FROM = 3;

/**
 * The side of a cell's inside: all of it but its grid line, which `paintCells` draws once under
 * every cell when it paints the whole grid.
 */
const innerSide = (size: number): number => (size >= LINE_FROM ? size - 1 : size);

/**
 * A cell's box: its fill (unless `fill` is false: a whole paint has filled every cell already)
 * and its mark, a frame, or the whole cell in the mark's colour when too small for a frame.
 */
function paintBox(ctx: CanvasRenderingContext2D, g: CanvasGeometry, t: ZoomTransform, cell: CellPaint, r: number, c: number, p: CanvasPalette, fill: boolean): void {
  const { x, y, size } = cellRect(g, t, r, c);
  const inner = innerSide(size);
  const mark = markColor(cell.mark, p);
  if (fill || (mark && size < 8)) {
    ctx.fillStyle = mark && size < 8 ? mark : fillOf(cell, p);
    ctx.fillRect(x, y, inner, inner);
  }
  if (mark && size >= 8) {
    const w = Math.min(MARK_WIDTH[cell.mark ?? 'done'], size / 4);
    ctx.strokeStyle = mark;
    ctx.lineWidth = w;
    ctx.strokeRect(x + w / 2, y + w / 2, inner - w, inner - w);
  }
}

/** A cell's number, centred, in the font `look` gives it (a cropped value is struck through). */
function paintText(ctx: CanvasRenderingContext2D, pen: Pen, g: CanvasGeometry, t: ZoomTransform, cell: CellPaint, r: number, c: number, p: CanvasPalette, look: TextLook): void {
  const { x, y, size } = cellRect(g, t, r, c);
  const inner = innerSide(size);
  setFont(ctx, pen, look.font);
  setAlign(ctx, pen, 'center', 'middle');
  ctx.fillStyle = inkOf(cell, p);
  const cx = x + inner / 2;
  const cy = y + inner / 2;
  ctx.fillText(cell.text, cx, cy);
  if (cell.tone === 'cropped') ctx.fillRect(cx - look.width / 2, cy, look.width, Math.max(1, look.px / 12));
}

/** A cell's note, small in its top right corner, once the cell is NOTE_PX or larger. */
function paintNote(ctx: CanvasRenderingContext2D, pen: Pen, g: CanvasGeometry, t: ZoomTransform, cell: CellPaint, r: number, c: number, p: CanvasPalette): void {
  const { x, y, size } = cellRect(g, t, r, c);
  if (!cell.note || size < NOTE_PX) return;
  setFont(ctx, pen, `400 ${size * 0.2}px ${p.font}`);
  setAlign(ctx, pen, 'right', 'top');
  ctx.fillStyle = p.ink;
  ctx.fillText(cell.note, x + size - 3, y + 1, size - 4);
}

/** How a cell's number is drawn: its font, size and drawn width. */
interface TextLook {
  readonly font: string;
  readonly px: number;
  readonly width: number;
}

/**
 * The font of a cell's number and its drawn width, or null when the cell shows none: 0.4 of the
 * cell, bold for the active cell, smaller (in half-pixel steps, so a grid uses a few fonts, not
 * one per number) when the number is wider than the cell.
 */
function textLook(ctx: CanvasRenderingContext2D, pen: Pen, cell: CellPaint, size: number, p: CanvasPalette): TextLook | null {
  if (!cell.text || cell.tone === 'empty' || size < TEXT_PX) return null;
  const weight = cell.mark === 'active' || cell.mark === 'switch' ? 700 : 400;
  let px = size * 0.4;
  const room = size - 4;
  let width = textWidth(ctx, pen, weight, px, p.font, cell.text);
  if (width > room) {
    const fitted = Math.max(0.5, Math.floor((px * room * 2) / width) / 2);
    width = (width * fitted) / px;
    px = fitted;
  }
  return { font: `${weight} ${px}px ${p.font}`, px, width };
}

/** The cells of `list` that show a number, with its look, grouped by font (a paint sets each font once). */
function byFont(ctx: CanvasRenderingContext2D, pen: Pen, cells: readonly CellPaint[], list: readonly number[], size: number, p: CanvasPalette): [number, TextLook][] {
  const groups = new Map<string, [number, TextLook][]>();
  for (const i of list) {
    const look = textLook(ctx, pen, cells[i], size, p);
    if (!look) continue;
    const group = groups.get(look.font);
    if (group) group.push([i, look]);
    else groups.set(look.font, [[i, look]]);
  }
  return [...groups.values()].flat();
}

/**
 * Paints `which` cells of `cells` (row-major paints of a g.rows × g.cols grid): 'all' clears
 * the canvas and paints every cell in view (the grid lines at once, then the cells' fills one
 * colour at a time, then their marks and numbers); a list repaints only those cells. The canvas
 * is `view` CSS px wide and tall, backed by `dpr` device pixels per CSS pixel.
 */
export function paintCells(
  ctx: CanvasRenderingContext2D,
  g: CanvasGeometry,
  t: ZoomTransform,
  cells: readonly CellPaint[],
  which: 'all' | readonly number[],
  p: CanvasPalette,
  view: { readonly width: number; readonly height: number },
  dpr: number,
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const pen: Pen = { font: '', align: 'center', baseline: 'middle' };
  const side = g.cell * t.k;
  if (which === 'all') {
    ctx.fillStyle = p.paper;
    ctx.fillRect(0, 0, view.width, view.height);
    const r0 = Math.max(0, Math.floor(-t.y / side));
    const r1 = Math.min(g.rows - 1, Math.ceil((view.height - t.y) / side) - 1);
    const c0 = Math.max(0, Math.floor(-t.x / side));
    const c1 = Math.min(g.cols - 1, Math.ceil((view.width - t.x) / side) - 1);
    if (side >= LINE_FROM) {
      // The lines: the grid's area in the line colour, which the cells' fills leave showing at their edges.
      ctx.fillStyle = p.line;
      ctx.fillRect(t.x + c0 * side, t.y + r0 * side, (c1 - c0 + 1) * side, (r1 - r0 + 1) * side);
    }
    // Fills grouped by colour: setting a colour costs more than a rectangle.
    const byFill = new Map<string, number[]>();
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const i = r * g.cols + c;
        const fill = fillOf(cells[i], p);
        const list = byFill.get(fill);
        if (list) list.push(i);
        else byFill.set(fill, [i]);
      }
    }
    const inner = innerSide(side);
    for (const [fill, list] of byFill) {
      ctx.fillStyle = fill;
      for (const i of list) ctx.fillRect((i % g.cols) * side + t.x, Math.floor(i / g.cols) * side + t.y, inner, inner);
    }
    const inView: number[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) inView.push(r * g.cols + c);
    for (const i of inView) if (cells[i].mark) paintBox(ctx, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p, false);
    for (const [i, look] of byFont(ctx, pen, cells, inView, side, p)) paintText(ctx, pen, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p, look);
    for (const i of inView) if (cells[i].note) paintNote(ctx, pen, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p);
    return;
  }
  const shown = which.filter((i) => {
    const x = (i % g.cols) * side + t.x;
    const y = Math.floor(i / g.cols) * side + t.y;
    return x + side > 0 && y + side > 0 && x < view.width && y < view.height;
  });
  for (const i of shown) paintBox(ctx, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p, true);
  for (const [i, look] of byFont(ctx, pen, cells, shown, side, p)) paintText(ctx, pen, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p, look);
  for (const i of shown) paintNote(ctx, pen, g, t, cells[i], Math.floor(i / g.cols), i % g.cols, p);
}
