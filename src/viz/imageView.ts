/**
 * Where a picture's pixels sit on an image-mode canvas: the picture fitted (whole, centred) in the
 * viewport, then moved and scaled by the zoom (d3-zoom's transform: screen = k·point + (x, y)).
 * Every view of a picture shares one transform, so the same place of the input and of its
 * results stays under the pointer whatever their sizes.
 */

/** d3-zoom's transform, as plain numbers. */
export interface ZoomTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** The pixel grid of one picture on one canvas: the size of a pixel and where pixel (0, 0) starts, in CSS pixels. */
export interface PixelLayout {
  readonly size: number;
  readonly left: number;
  readonly top: number;
}

/** From this many CSS pixels a side, a pixel is drawn as a cell with its value(s) in it. */
export const CELL_NUMBERS_AT = 30;

/** How far the zoom goes in: far enough that a pixel of the largest picture becomes a cell. */
export const MAX_ZOOM = 160;

/** The layout of a width×height picture fitted in a vw×vh viewport, under transform `t`. */
export function pixelLayout(vw: number, vh: number, width: number, height: number, t: ZoomTransform): PixelLayout {
  const fit = Math.min(vw / width, vh / height);
  const left0 = (vw - width * fit) / 2;
  const top0 = (vh - height * fit) / 2;
  return { size: fit * t.k, left: t.x + t.k * left0, top: t.y + t.k * top0 };
}

/**
 * Whether a picture shows plain: whole (the transform is the identity), too small for its values
 * to be written in its cells, without a cursor. Such a picture is drawn at its own size and the
 * browser scales it to its box (object-fit: contain, pixelated: the same place and the same
 * nearest pixels as pixelLayout's fit), instead of as a copy per device pixel drawn on the page's
 * thread.
 */
export function drawnPlain(t: ZoomTransform, layout: PixelLayout, cursor: boolean): boolean {
  return t.k === 1 && t.x === 0 && t.y === 0 && layout.size < CELL_NUMBERS_AT && !cursor;
}

/** The pixel [row, col] under the point (sx, sy) of the viewport, or null outside the picture. */
export function pixelAt(layout: PixelLayout, width: number, height: number, sx: number, sy: number): [number, number] | null {
  const col = Math.floor((sx - layout.left) / layout.size);
  const row = Math.floor((sy - layout.top) / layout.size);
  return row >= 0 && row < height && col >= 0 && col < width ? [row, col] : null;
}

/** The rows and columns at least partly inside a vw×vh viewport (end exclusive). */
export function visibleCells(layout: PixelLayout, width: number, height: number, vw: number, vh: number): { r0: number; r1: number; c0: number; c1: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n, v));
  return {
    r0: clamp(Math.floor(-layout.top / layout.size), height),
    r1: clamp(Math.ceil((vh - layout.top) / layout.size), height),
    c0: clamp(Math.floor(-layout.left / layout.size), width),
    c1: clamp(Math.ceil((vw - layout.left) / layout.size), width),
  };
}

/** The transform that zooms by `factor` about the viewport point (cx, cy), within 1…MAX_ZOOM (for + and − keys). */
export function zoomAbout(t: ZoomTransform, factor: number, cx: number, cy: number): ZoomTransform {
  const k = Math.max(1, Math.min(MAX_ZOOM, t.k * factor));
  const f = k / t.k;
  return { k, x: cx - (cx - t.x) * f, y: cy - (cy - t.y) * f };
}

/** The transform that brings pixel (row, col) into the viewport when it is outside (for the keyboard's cursor); `t` when it is inside. */
export function revealPixel(t: ZoomTransform, layout: PixelLayout, row: number, col: number, vw: number, vh: number): ZoomTransform {
  const x0 = layout.left + col * layout.size;
  const y0 = layout.top + row * layout.size;
  const dx = x0 < 0 ? -x0 : x0 + layout.size > vw ? vw - x0 - layout.size : 0;
  const dy = y0 < 0 ? -y0 : y0 + layout.size > vh ? vh - y0 - layout.size : 0;
  return dx === 0 && dy === 0 ? t : { k: t.k, x: t.x + dx, y: t.y + dy };
}

/** Dark or light text on a pixel of these RGB bytes (whichever reads better). */
export function inkOn(r: number, g: number, b: number): 'dark' | 'light' {
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? 'dark' : 'light';
}
