/**
 * One picture of image mode on a canvas: fitted whole at first, zoomed and moved with d3-zoom
 * (wheel, pinch, drag: zoomCanvas.ts, loaded apart; + / − / 0 keys) — every view shares one transform, so they zoom together
 * — until each pixel is a cell with its value(s) written in it. A click on a pixel, or Enter on
 * the keyboard's cursor pixel (arrow keys), picks it. Where things sit comes from viz/imageView.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { pixelRgb, pixelValues, type ImagePlanes } from '../../engine';
import { formatValue } from '../../viz/format';
import {
  CELL_NUMBERS_AT, drawnPlain, inkOn, pixelAt, pixelLayout, revealPixel, visibleCells, zoomAbout, type ZoomTransform,
} from '../../viz/imageView';
import type { CanvasZoom } from './zoomCanvas';

/** d3-zoom's part (its own chunk): image mode asks for it as it opens, so it is in before any picture. */
export const loadZoom = () => import('./zoomCanvas');

export interface ImageViewProps {
  /** Accessible name and caption. */
  readonly name: string;
  readonly caption: string;
  /** What the picture shows, read by screen readers (with the keys to use). */
  readonly description: string;
  readonly image: ImagePlanes;
  readonly transform: ZoomTransform;
  readonly onTransform: (t: ZoomTransform) => void;
  /** The keyboard's cursor pixel of this view and where it moves. */
  readonly cursor: readonly [number, number] | null;
  readonly onCursor: (rc: [number, number]) => void;
  /** A pixel was clicked, or Enter pressed on the cursor. */
  readonly onPick: (rc: [number, number]) => void;
}

/**
 * Offscreen canvases of pictures no longer shown, kept for the next pictures of the same size:
 * a new canvas of a million pixels costs the system fresh memory (slow to touch the first time,
 * a long task on the main thread), while drawing new bytes into a kept one is a copy. Each job
 * shows at most three pictures, so two jobs' worth are kept.
 */
const spare: HTMLCanvasElement[] = [];
const SPARE_CANVASES = 6;

/** A width×height canvas: a spare one of that size, or a new one. */
function offscreen(width: number, height: number): HTMLCanvasElement {
  const at = spare.findIndex((c) => c.width === width && c.height === height);
  if (at >= 0) return spare.splice(at, 1)[0];
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

/** Work waiting for an animation frame of its own, oldest first. */
const turns: (() => void)[] = [];

function nextTurn(): void {
  turns.shift()?.();
  if (turns.length > 0) requestAnimationFrame(nextTurn);
}

/** Runs `work` in an animation frame of its own, after the work queued before it; returns the way to drop it. */
function inTurn(work: () => void): () => void {
  turns.push(work);
  if (turns.length === 1) requestAnimationFrame(nextTurn);
  return () => {
    const at = turns.indexOf(work);
    if (at >= 0) turns.splice(at, 1);
  };
}

const STEP: Readonly<Record<string, [number, number]>> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function ImageView({ name, caption, description, image, transform, onTransform, cursor, onCursor, onPick }: ImageViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const zoomer = useRef<CanvasZoom | null>(null);
  const [size, setSize] = useState<{ w: number; h: number }>({ w: 0, h: 0 });
  const descId = useId();
  const latest = useRef({ onTransform, onPick, size, transform });
  latest.current = { onTransform, onPick, size, transform };

  // The picture's bytes on an offscreen canvas, drawn scaled onto the visible one. A new
  // picture waits for its own animation frame (`inTurn`), so the views of a result are drawn one
  // a frame rather than all in one long task; until then the canvas is busy (aria-busy).
  const bitmap = useRef<HTMLCanvasElement | null>(null);
  const [ready, setReady] = useState<ImagePlanes | null>(null);
  useEffect(() => {
    let off: HTMLCanvasElement | null = null;
    const cancel = inTurn(() => {
      off = offscreen(image.width, image.height);
      off.getContext('2d')?.putImageData(new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
      bitmap.current = off;
      setReady(image);
    });
    return () => {
      cancel();
      if (!off) return;
      bitmap.current = null;
      spare.push(off);
      if (spare.length > SPARE_CANVASES) spare.shift();
    };
  }, [image]);

  // The canvas follows its box's size (device pixels for sharp numbers).
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // d3-zoom on the canvas once its chunk is in: the learner's gestures report the new transform; others only redraw.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let live = true;
    void loadZoom().then(({ attachZoom }) => {
      if (!live) return;
      zoomer.current = attachZoom(el, () => [latest.current.size.w, latest.current.size.h], (t) => latest.current.onTransform(t));
      zoomer.current.sync(latest.current.transform);
    });
    return () => {
      live = false;
      zoomer.current?.detach();
      zoomer.current = null;
    };
  }, []);

  // Keep d3's own record equal to the shared transform (another view may have moved it).
  useEffect(() => {
    zoomer.current?.sync(transform);
  }, [transform]);

  // Draw.
  useLayoutEffect(() => {
    const el = canvas.current;
    const off = bitmap.current;
    if (!el || !off || ready !== image || size.w === 0) return;
    const layout = pixelLayout(size.w, size.h, image.width, image.height, transform);
    // A plain picture: its own pixels, which the browser scales to the box (image.css); scaling
    // it here would draw a copy per device pixel on this thread, a long task for a large box.
    const plain = drawnPlain(transform, layout, cursor !== null);
    const dpr = window.devicePixelRatio || 1;
    // A canvas given its size again reallocates its pixels: only when the size changed.
    const w = plain ? image.width : Math.round(size.w * dpr);
    const h = plain ? image.height : Math.round(size.h * dpr);
    if (el.width !== w) el.width = w;
    if (el.height !== h) el.height = h;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    if (plain) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.drawImage(off, 0, 0);
      return;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, layout.left, layout.top, image.width * layout.size, image.height * layout.size);
    if (layout.size >= CELL_NUMBERS_AT) {
      const { r0, r1, c0, c1 } = visibleCells(layout, image.width, image.height, size.w, size.h);
      ctx.strokeStyle = 'rgba(128, 128, 128, 0.6)';
      ctx.lineWidth = 1;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const lines = image.channels === 3 && layout.size >= 2 * CELL_NUMBERS_AT ? 3 : image.channels === 1 ? 1 : 0;
      const font = Math.min(14, layout.size / (lines === 3 ? 4.2 : 3.2));
      ctx.font = `${font}px system-ui, sans-serif`;
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          const x = layout.left + c * layout.size;
          const y = layout.top + r * layout.size;
          ctx.strokeRect(x + 0.5, y + 0.5, layout.size - 1, layout.size - 1);
          if (lines === 0) continue;
          const [red, green, blue] = pixelRgb(image, r, c);
          ctx.fillStyle = inkOn(red, green, blue) === 'dark' ? '#111' : '#fff';
          const values = pixelValues(image, r, c);
          for (let l = 0; l < lines; l++) {
            ctx.fillText(formatValue(values[l]), x + layout.size / 2, y + (layout.size * (l + 1)) / (lines + 1));
          }
        }
      }
    }
    if (cursor) {
      const [r, c] = cursor;
      ctx.strokeStyle = '#1d4ed8';
      ctx.lineWidth = 2;
      const s = Math.max(layout.size, 4);
      ctx.strokeRect(layout.left + c * layout.size - (s - layout.size) / 2, layout.top + r * layout.size - (s - layout.size) / 2, s, s);
    }
  }, [image, ready, transform, size, cursor]);

  const pointAt = (clientX: number, clientY: number): [number, number] | null => {
    const el = canvas.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return pixelAt(pixelLayout(size.w, size.h, image.width, image.height, transform), image.width, image.height, clientX - box.left, clientY - box.top);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const layout = pixelLayout(size.w, size.h, image.width, image.height, transform);
    const at = cursor ?? [Math.floor(image.height / 2), Math.floor(image.width / 2)];
    if (e.key in STEP) {
      const [dr, dc] = STEP[e.key];
      const next: [number, number] = [Math.max(0, Math.min(image.height - 1, at[0] + dr)), Math.max(0, Math.min(image.width - 1, at[1] + dc))];
      onCursor(next);
      const moved = revealPixel(transform, layout, next[0], next[1], size.w, size.h);
      if (moved !== transform) onTransform(moved);
    } else if (e.key === '+' || e.key === '=' || e.key === '-') {
      const cx = cursor ? layout.left + (at[1] + 0.5) * layout.size : size.w / 2;
      const cy = cursor ? layout.top + (at[0] + 0.5) * layout.size : size.h / 2;
      onTransform(zoomAbout(transform, e.key === '-' ? 1 / 2 : 2, cx, cy));
    } else if (e.key === '0') {
      onTransform({ k: 1, x: 0, y: 0 });
    } else if (e.key === 'Enter') {
      onPick([at[0], at[1]]);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <figure className="image-view">
      <canvas
        ref={canvas}
        className="image-view__canvas"
        role="img"
        tabIndex={0}
        aria-label={name}
        aria-describedby={descId}
        aria-busy={ready !== image}
        data-width={image.width}
        data-height={image.height}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          const rc = pointAt(e.clientX, e.clientY);
          if (rc) latest.current.onPick(rc);
        }}
      />
      <figcaption className="image-view__caption">{caption}</figcaption>
      <p id={descId} className="visually-hidden">{description}</p>
    </figure>
  );
}
