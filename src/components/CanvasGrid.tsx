/**
 * A grid too large for a cell per element, drawn on a <canvas> (Grid picks it from the cell
 * count; it loads with d3-zoom only when such a grid first shows). Same props and behaviour as
 * the DOM grid: hover and click link cells, arrow keys move between cells, an editable grid
 * takes typed values. A step repaints only the cells whose paint changed (src/viz/cellPaint.ts
 * decides, src/canvas/painter.ts paints).
 *
 * For assistive technology it is an ARIA grid with its row and column counts whose one
 * rendered cell is the focused one (aria-rowindex / aria-colindex), holding that cell's number:
 * arrow keys move it, and a screen reader reads each cell as it is reached. The same cell is the
 * visible focus ring on the canvas.
 *
 * Zoom: the buttons, Ctrl + wheel, a two-finger pinch (d3-zoom); a zoomed grid pans by dragging
 * and follows the focused cell. Where cells are too small for their digits, a readout under the
 * grid shows the number under the pointer (or the focused one).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { paintCells, readCanvasPalette, type CanvasPalette } from '../canvas/painter';
import { addMessages, t } from '../i18n';
import { enCanvas } from '../i18n/en-canvas';
import {
  backingStore, canvasSize, cellAt, cellRect, changedCells, fitCell, gridPaint, IDENTITY, panToCell, readableZoom, TEXT_PX,
  type CanvasGeometry, type CellPaint, type ZoomTransform,
} from '../viz/cellPaint';
import { CellEditor, onCellKey, useCellEditing } from './CellEditor';
import type { GridProps } from './Grid';
import './canvasGrid.css';

addMessages(enCanvas);

/** The tallest a canvas grid is drawn, as a share of the window's height (never under MIN_HEIGHT px). */
const HEIGHT_SHARE = 0.85;
const MIN_HEIGHT = 320;

/** What the grid's size is fitted to: the figure's width, the root font size, the window's height. */
interface Box {
  readonly width: number;
  readonly rem: number;
  readonly height: number;
}
const UNMEASURED: Box = { width: 0, rem: 16, height: 800 };

interface Painted {
  readonly cells: readonly CellPaint[];
  readonly g: CanvasGeometry;
  readonly t: ZoomTransform;
  readonly palette: CanvasPalette;
  /** The backing store's size (CSS px): at least the grid's. */
  readonly width: number;
  readonly height: number;
}

export default function CanvasGrid(props: GridProps) {
  const { name, rows, cols, value, look, color, onHover, onPick, onEdit } = props;
  const figure = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const focusCell = useRef<HTMLDivElement>(null);
  const painted = useRef<Painted | null>(null);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const last = useRef<string | null>(null);
  const hintId = useId();
  // Null until the first measure (a layout effect, so before the first frame): painting before
  // it would paint every cell at a guessed size, then all of them again at the measured one.
  const [measured, setBox] = useState<Box | null>(null);
  const box = measured ?? UNMEASURED;
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [transform, setTransform] = useState<ZoomTransform>(IDENTITY);
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const fr = Math.min(focus[0], rows - 1);
  const fc = Math.min(focus[1], cols - 1);

  // The figure's width decides the cell size (the window's height caps it).
  useLayoutEffect(() => {
    const el = figure.current;
    if (!el) return;
    const measure = () => {
      const next = { width: el.clientWidth, rem: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16, height: window.innerHeight };
      setBox((b) => (b && b.width === next.width && b.rem === next.rem && b.height === next.height ? b : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const maxPx = (props.maxCell ?? 2.6) * box.rem;
  const g = useMemo<CanvasGeometry>(
    () => ({ rows, cols, cell: fitCell(rows, cols, box.width || cols * maxPx, Math.max(MIN_HEIGHT, box.height * HEIGHT_SHARE), maxPx) }),
    [rows, cols, box, maxPx],
  );
  const size = canvasSize(g);
  // From the paints on the canvas: unchanged cells keep their objects (less to allocate and to compare).
  const cells = useMemo(() => gridPaint(rows, cols, value, look, color, painted.current?.cells), [rows, cols, value, look, color]);

  // Paint in the same commit as the rest of the page: all cells when the geometry or the zoom
  // changed, else only the cells whose paint changed.
  useLayoutEffect(() => {
    if (!measured) return;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const prev = painted.current;
    if (prev && prev.cells === cells && prev.g === g && prev.t === transform) return;
    const dpr = window.devicePixelRatio || 1;
    const full = !prev || prev.g !== g || prev.t !== transform;
    const back = backingStore(size, prev);
    if (back !== prev) {
      el.width = Math.round(back.width * dpr);
      el.height = Math.round(back.height * dpr);
      el.style.width = `${back.width}px`;
      el.style.height = `${back.height}px`;
    }
    const palette = prev?.palette ?? readCanvasPalette(el);
    paintCells(ctx, g, transform, cells, full ? 'all' : changedCells(prev.cells, cells), palette, size, dpr);
    painted.current = { cells, g, t: transform, palette, width: back.width, height: back.height };
  });

  // Pan and zoom (d3-zoom): reset whenever the grid's size changes, and set up once the box is
  // first measured (before that the canvas is not painted; later measures change `g` anyway).
  useEffect(() => {
    const el = canvas.current;
    if (!el || !measured) return;
    const extent: [[number, number], [number, number]] = [[0, 0], [size.width, size.height]];
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 2 * readableZoom(g.cell)])
      .extent(extent)
      .translateExtent(extent)
      .clickDistance(4)
      .filter((e: Event) => {
        if (e.type === 'wheel') return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey;
        if (e.type === 'dblclick') return false;
        // One finger scrolls the page, unless the grid is zoomed (then it pans).
        if (e.type.startsWith('touch')) return (e as TouchEvent).touches.length > 1 || zoomTransform(el).k > 1;
        return !(e as MouseEvent).button;
      })
      .on('zoom', (e: { transform: ZoomTransform }) => {
        const { x, y, k } = e.transform;
        setTransform((now) => (now.x === x && now.y === y && now.k === k ? now : { x, y, k }));
      });
    const selection = select(el);
    selection.call(z);
    z.transform(selection, zoomIdentity);
    zoomer.current = z;
    return () => {
      selection.on('.zoom', null);
      zoomer.current = null;
    };
  }, [g, size.width, size.height, measured === null]);

  const zoomBy = (factor: number) => {
    if (canvas.current && zoomer.current) zoomer.current.scaleBy(select(canvas.current), factor);
  };
  const zoomTo = (next: ZoomTransform) => {
    if (canvas.current && zoomer.current) zoomer.current.transform(select(canvas.current), zoomIdentity.translate(next.x, next.y).scale(next.k));
  };

  // A grid that changes size under a resting pointer (the direct view's new input, padded at its
  // second stage) reports the cell under it again: the same place is another cell now.
  useLayoutEffect(() => {
    last.current = null;
  }, [rows, cols]);

  const hoverAt = (cell: [number, number] | null) => {
    const key = cell ? `${cell[0]}-${cell[1]}` : null;
    if (key === last.current) return;
    last.current = key;
    onHover?.(cell ? { row: cell[0], col: cell[1] } : null);
  };

  const moveTo = (r: number, c: number) => {
    const nr = Math.max(0, Math.min(rows - 1, r));
    const nc = Math.max(0, Math.min(cols - 1, c));
    setFocus([nr, nc]);
    hoverAt([nr, nc]);
    const next = panToCell(g, transform, nr, nc, size.width, size.height);
    if (next !== transform) zoomTo(next);
    focusCell.current?.focus({ preventScroll: true });
  };

  const { editing, setEditing, startEdit, commit, cancel } = useCellEditing(onEdit, value, look, moveTo);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || e.target !== focusCell.current) return;
    onCellKey(e, fr, fc, cols, { moveTo, startEdit: onEdit ? startEdit : null, value, onPick });
  };

  const at = (e: PointerEvent<HTMLCanvasElement>) => cellAt(g, transform, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const cell = at(e);
    setPointer((p) => (p?.[0] === cell?.[0] && p?.[1] === cell?.[1] ? p : cell));
    if (onHover) hoverAt(cell);
  };
  const onClick = (e: PointerEvent<HTMLCanvasElement>) => {
    const cell = cellAt(g, transform, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    if (!cell) return;
    setFocus(cell);
    focusCell.current?.focus({ preventScroll: true });
    hoverAt(cell);
    if (onEdit) startEdit(cell[0], cell[1], String(value(cell[0], cell[1]) ?? ''));
    else onPick?.({ row: cell[0], col: cell[1] });
  };

  const focused = cells[fr * cols + fc];
  const rect = cellRect(g, transform, fr, fc);
  const small = g.cell * transform.k < TEXT_PX;
  const shown = pointer ?? focus;
  const shownCell = cells[Math.min(shown[0], rows - 1) * cols + Math.min(shown[1], cols - 1)];
  const zoomed = transform.k > 1;

  return (
    <figure ref={figure} className="grid-figure canvas-grid">
      <div className="canvas-grid__head">
        <figcaption className="grid-figure__caption">{props.caption ?? t('grid.size', { name, h: rows, w: cols })}</figcaption>
        <div className="canvas-grid__zoom" role="group" aria-label={t('canvas.zoom', { name })}>
          <button type="button" aria-label={t('canvas.zoomOut')} title={t('canvas.zoomOut')} disabled={!zoomed} onClick={() => zoomBy(1 / 1.6)}>−</button>
          <button type="button" aria-label={t('canvas.zoomIn')} title={t('canvas.zoomIn')} onClick={() => zoomBy(1.6)}>+</button>
          <button type="button" aria-label={t('canvas.zoomFit')} title={t('canvas.zoomFit')} disabled={!zoomed} onClick={() => zoomTo(IDENTITY)}>⤢</button>
        </div>
      </div>
      <div
        role="grid"
        aria-label={name}
        aria-rowcount={rows}
        aria-colcount={cols}
        aria-describedby={hintId}
        className="grid grid--canvas"
        style={{ width: size.width, height: size.height }}
        onKeyDown={onKey}
      >
        <canvas
          ref={canvas}
          aria-hidden="true"
          className={`canvas-grid__canvas${zoomed ? ' canvas-grid__canvas--zoomed' : ''}`}
          onPointerMove={onPointerMove}
          onPointerLeave={() => {
            setPointer(null);
            if (onHover) hoverAt(null);
          }}
          onClick={onClick}
        />
        <div role="row" aria-rowindex={fr + 1} className="canvas-grid__row">
          <div
            ref={focusCell}
            role="gridcell"
            aria-colindex={fc + 1}
            data-cell={`${fr}-${fc}`}
            tabIndex={0}
            title={focused.full || undefined}
            aria-selected={focused.mark === 'active' || focused.mark === 'linked' ? true : undefined}
            className={`canvas-grid__cell${editing ? ' canvas-grid__cell--editing' : ''}`}
            style={{ left: rect.x, top: rect.y, width: rect.size, height: rect.size }}
            onFocus={(e) => {
              if (e.target === focusCell.current) hoverAt([fr, fc]);
            }}
          >
            {editing ? (
              <CellEditor
                grid={name}
                editing={editing}
                onChange={setEditing}
                onCommit={commit}
                onCancel={cancel}
              />
            ) : (
              focused.text
            )}
          </div>
        </div>
      </div>
      <p id={hintId} className="visually-hidden">{t('canvas.hint')}</p>
      {small ? (
        <p className="canvas-grid__readout" aria-hidden="true">
          {t('canvas.readout', { row: shown[0], col: shown[1], value: shownCell?.full || t('canvas.blank') })}
        </p>
      ) : null}
      {editing?.bad ? (
        <p className="grid-figure__error" role="alert">
          {t('cell.bad')}
        </p>
      ) : null}
    </figure>
  );
}
