/**
 * A frame (frame.ts) laid out as a picture: a list of shapes with positions, fills and text, in
 * CSS pixels at 1×. Both renderers (svg.ts, canvas.ts) draw a scene as it is and decide nothing:
 * what a cell's tone and mark look like is decided here, once, from the page's own colours
 * (styles.css's custom properties, read from the page when there is one) and, for values, from
 * the same colour functions the views use (src/viz/color.ts) and the same number format
 * (src/viz/format.ts). A scene is plain data, so it crosses to the GIF worker as it is.
 */
import type { Lang } from '../i18n';
import { formatValue } from '../viz/format';
import { DEFAULT_PALETTE, type Palette } from '../viz/palette';
import type { Frame, FrameGrid } from './frame';

/** A frame drawn around a cell: its colour, width (px) and whether it is dashed. */
export interface Stroke {
  readonly color: string;
  readonly width: number;
  readonly dashed: boolean;
}

/** One cell, painted. Coordinates are the cell's top-left corner in the scene. */
export interface SceneCell {
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  /** '' for a blank cell. */
  readonly text: string;
  readonly textColor: string;
  readonly bold: boolean;
  readonly strike: boolean;
  readonly note: string;
  readonly stroke: Stroke | null;
}

export interface SceneGrid {
  readonly name: string;
  readonly caption: string;
  /** The caption's baseline. */
  readonly captionY: number;
  readonly x: number;
  readonly y: number;
  readonly rows: number;
  readonly cols: number;
  /** Cell side (px). */
  readonly cell: number;
  /** Row-major. */
  readonly cells: readonly SceneCell[];
}

/** A line of text; `y` is its baseline. */
export interface SceneText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly color: string;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly lang: Lang;
  /** CSS font family list (the page's). */
  readonly font: string;
  readonly background: string;
  readonly line: string;
  /** The title's words: what the picture is, for the SVG's <title>. */
  readonly title: string;
  readonly texts: readonly SceneText[];
  readonly grids: readonly SceneGrid[];
}

/** The page's fonts (styles.css), Chinese ones included so 简体中文 draws everywhere. */
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

// Sizes (px at 1×): the views' largest cell is 2.6rem ≈ 42 px.
const MARGIN = 24;
const GAP_X = 32;
const GAP_Y = 28;
const TITLE = 22;
const SENTENCE = 16;
const EQUATION = 15;
const CAPTION = 14;
const SMALL = 13;
const MAX_CELL = 40;
const MIN_CELL = 18;
/** The widest row of grids before wrapping, and the width the cells shrink to fit (px). */
const ROW_WIDTH = 1280;

/** An estimate of a text's width (px): wide for Han and full-width characters, narrower for the rest. No font is asked. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.6;
  return w;
}

/** Splits `text` into lines no wider than `width` (by the estimate): at spaces, or anywhere between Han characters. */
export function wrapText(text: string, size: number, width: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && textWidth((line + token).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The cell side every grid of a frame uses: the views' largest, shrunk so the widest grid fits a row. */
export function cellSize(grids: readonly Pick<FrameGrid, 'cols'>[]): number {
  const widest = Math.max(1, ...grids.map((g) => g.cols));
  return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(ROW_WIDTH / widest)));
}

/** Where each grid goes and how big the picture is: positions only, nothing painted (cheap: no cell is read). */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly cell: number;
  readonly texts: readonly SceneText[];
  readonly grids: readonly { readonly x: number; readonly y: number; readonly captionY: number }[];
}

/** Lays a frame out: heading, the step's sentence, then the grids left to right, wrapping into rows; the step's position last. */
export function layoutFrame(frame: Frame, palette: Palette = DEFAULT_PALETTE): Layout {
  const cell = cellSize(frame.grids);
  const slots = frame.grids.map((g) => ({ w: Math.max(g.cols * cell + 1, textWidth(g.caption, CAPTION)), h: CAPTION + 8 + g.rows * cell + 1 }));
  const rowWidth = Math.max(ROW_WIDTH * 0.75, ...slots.map((s) => s.w));
  const texts: SceneText[] = [];
  let y = MARGIN;
  y += TITLE;
  texts.push({ x: MARGIN, y, text: frame.title, size: TITLE, bold: true, color: palette.ink });
  for (const line of wrapText(frame.sentence, SENTENCE, rowWidth)) {
    y += SENTENCE * 1.45;
    texts.push({ x: MARGIN, y, text: line, size: SENTENCE, bold: false, color: palette.ink });
  }
  for (const line of frame.equation === '' ? [] : wrapText(frame.equation, EQUATION, rowWidth)) {
    y += EQUATION * 1.45;
    texts.push({ x: MARGIN, y, text: line, size: EQUATION, bold: false, color: palette.muted });
  }
  y += GAP_Y * 0.75;
  const grids: { x: number; y: number; captionY: number }[] = [];
  let x = MARGIN;
  let rowHeight = 0;
  let widest = 0;
  slots.forEach((slot, i) => {
    if (i > 0 && x + slot.w > MARGIN + rowWidth) {
      x = MARGIN;
      y += rowHeight + GAP_Y;
      rowHeight = 0;
    }
    grids.push({ x, y: y + CAPTION + 8, captionY: y + CAPTION });
    widest = Math.max(widest, x + slot.w);
    x += slot.w + GAP_X;
    rowHeight = Math.max(rowHeight, slot.h);
  });
  y += rowHeight + GAP_Y;
  y += SMALL;
  texts.push({ x: MARGIN, y, text: frame.position, size: SMALL, bold: false, color: palette.muted });
  const width = Math.ceil(Math.max(widest, ...texts.map((tx) => tx.x + textWidth(tx.text, tx.size))) + MARGIN);
  return { width, height: Math.ceil(y + MARGIN), cell, texts, grids };
}

/** How one cell looks: Grid.tsx's rules with styles.css's colours (`.cell--<tone>`, `.cell--<mark>`). */
export function paintCell(grid: FrameGrid, r: number, c: number, palette: Palette): Omit<SceneCell, 'x' | 'y'> {
  const v = grid.value(r, c);
  const look = grid.look(r, c);
  const tone = look.tone ?? 'value';
  const mark = look.mark ?? null;
  const fill = v !== null && tone === 'value' && grid.color ? grid.color(v)
    : tone === 'padding' ? palette.pad
      : tone === 'zero' ? palette.zero
        : tone === 'cropped' ? palette.cropped
          : palette.paper;
  const stroke: Stroke | null = mark === 'window' ? { color: palette.window, width: 2, dashed: false }
    : mark === 'linked' ? { color: palette.linked, width: 3, dashed: false }
      : mark === 'active' ? { color: palette.active, width: 3, dashed: false }
        : mark === 'switch' ? (grid.dashedSwitch ? { color: palette.active, width: 2, dashed: true } : { color: palette.accent, width: 3, dashed: false })
          : null;
  return {
    row: r,
    col: c,
    fill,
    text: v === null || tone === 'empty' ? '' : formatValue(v),
    textColor: tone === 'padding' || tone === 'zero' || tone === 'cropped' ? palette.muted : palette.ink,
    bold: mark === 'active' || mark === 'switch',
    strike: tone === 'cropped',
    note: look.note ?? '',
    stroke,
  };
}

/** A frame as a scene: laid out (or placed on `layout`, the same frame's or a larger one's) and every cell painted. */
export function paintScene(frame: Frame, lang: Lang, palette: Palette = DEFAULT_PALETTE, size?: { readonly width: number; readonly height: number }): Scene {
  const layout = layoutFrame(frame, palette);
  const grids = frame.grids.map((g, i): SceneGrid => {
    const at = layout.grids[i];
    const cells: SceneCell[] = [];
    for (let r = 0; r < g.rows; r++) {
      for (let c = 0; c < g.cols; c++) cells.push({ ...paintCell(g, r, c, palette), x: at.x + c * layout.cell, y: at.y + r * layout.cell });
    }
    return { name: g.name, caption: g.caption, captionY: at.captionY, x: at.x, y: at.y, rows: g.rows, cols: g.cols, cell: layout.cell, cells };
  });
  return {
    width: Math.max(layout.width, size?.width ?? 0),
    height: Math.max(layout.height, size?.height ?? 0),
    lang,
    font: FONT,
    background: palette.paper,
    line: palette.line,
    title: `${frame.title} — ${frame.position}`,
    texts: [...layout.texts, ...frame.grids.map((g, i): SceneText => ({ x: layout.grids[i].x, y: layout.grids[i].captionY, text: g.caption, size: CAPTION, bold: true, color: palette.muted }))],
    grids,
  };
}
