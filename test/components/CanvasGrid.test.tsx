// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Grid } from '../../src/components/Grid';
import { paintCells, type CanvasPalette } from '../../src/canvas/painter';
import { t } from '../../src/i18n';
import { gridPaint, type CanvasGeometry } from '../../src/viz/cellPaint';
import type { GridCell, LookFn, ValueFn } from '../../src/viz/looks';

/** A 2D context that records the rectangles filled (jsdom has no canvas). */
function recordingContext() {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  const ctx = {
    rects,
    fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'alphabetic',
    setTransform: () => {},
    fillRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h }),
    strokeRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h }),
    fillText: () => {},
    measureText: (s: string) => ({ width: s.length * 5 }),
  };
  return ctx;
}
type Recording = ReturnType<typeof recordingContext>;

const PALETTE: CanvasPalette = {
  ink: '#000', muted: '#555', paper: '#fff', line: '#ddd', pad: '#eee', zero: '#f7f7f7', zeroInk: '#999', cropped: '#fafafa',
  croppedInk: '#bbb', window: 'blue', linked: 'green', active: 'red', accent: 'orange', font: 'sans-serif',
};

/** Cells whose rectangles a recording touched (a rectangle inside one cell counts for that cell). */
function touchedCells(rects: Recording['rects'], cell: number, cols: number): Set<number> {
  const out = new Set<number>();
  for (const { x, y, w, h } of rects) {
    const c0 = Math.floor(x / cell);
    const r0 = Math.floor(y / cell);
    const c1 = Math.floor((x + w - 1e-6) / cell);
    const r1 = Math.floor((y + h - 1e-6) / cell);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.add(r * cols + c);
  }
  return out;
}

describe('the painter', () => {
  const g: CanvasGeometry = { rows: 40, cols: 40, cell: 20 };
  const value: ValueFn = (r, c) => r - c;
  const view = { width: 800, height: 800 };

  it('a list of changed cells repaints those cells and nothing around them', () => {
    const cells = gridPaint(40, 40, value, (r, c) => ({ mark: r === 3 && c === 4 ? 'active' : null }), undefined);
    const ctx = recordingContext();
    paintCells(ctx as unknown as CanvasRenderingContext2D, g, { x: 0, y: 0, k: 1 }, cells, [3 * 40 + 4, 39 * 40 + 39], PALETTE, view, 1);
    expect([...touchedCells(ctx.rects, 20, 40)].sort((a, b) => a - b)).toEqual([3 * 40 + 4, 39 * 40 + 39]);
  });

  it('a whole paint covers every cell in view, and a zoomed one only the cells in view', () => {
    const cells = gridPaint(40, 40, value, undefined, undefined);
    const all = recordingContext();
    paintCells(all as unknown as CanvasRenderingContext2D, g, { x: 0, y: 0, k: 1 }, cells, 'all', PALETTE, view, 1);
    const cellRects = all.rects.filter((r) => r.w === 19 && r.h === 19);
    expect(cellRects).toHaveLength(40 * 40);
    const zoomed = recordingContext();
    // Zoomed 4×: 800 / 80 = 10 cells a side in view.
    paintCells(zoomed as unknown as CanvasRenderingContext2D, g, { x: 0, y: 0, k: 4 }, cells, 'all', PALETTE, view, 1);
    expect(zoomed.rects.filter((r) => r.w === 79 && r.h === 79)).toHaveLength(10 * 10);
  });
  it('a grid drawn at a new cell size measures none of its numbers again, and every number fits its cell at both sizes', () => {
    // A font whose glyphs are 0.6 of its size wide; the texts' widths follow the font set when measured or drawn.
    const measured: string[] = [];
    const drawn: { text: string; px: number }[] = [];
    const px = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)![1]);
    const ctx = {
      ...recordingContext(),
      measureText(text: string) {
        measured.push(text);
        return { width: text.length * 0.6 * px(this.font) };
      },
      fillText(text: string) {
        drawn.push({ text, px: px(this.font) });
      },
    };
    // Numbers no other test draws (the painter keeps widths for the page's life), some too wide for their cells.
    const wide: ValueFn = (r, c) => (r === c ? 7_654_321 + r : 5_031 + r * 4 + c);
    const cells = gridPaint(4, 4, wide, undefined, undefined);
    const texts = new Set(cells.map((cell) => cell.text));
    for (const cell of [40, 30]) {
      drawn.length = 0;
      paintCells(ctx as unknown as CanvasRenderingContext2D, { rows: 4, cols: 4, cell }, { x: 0, y: 0, k: 1 }, cells, 'all', PALETTE, { width: 160, height: 160 }, 1);
      expect(drawn.map((d) => d.text).sort()).toEqual(cells.map((c) => c.text).sort());
      for (const d of drawn) expect(d.text.length * 0.6 * d.px).toBeLessThanOrEqual(cell - 4);
      expect(drawn.some((d) => d.px < cell * 0.4)).toBe(true);
    }
    expect(measured.sort()).toEqual([...texts].sort());
  });
});

describe('a large grid on a canvas', () => {
  let ctx: Recording;
  beforeAll(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function getContext(this: HTMLCanvasElement) {
      ctx ??= recordingContext();
      return ctx as unknown as CanvasRenderingContext2D;
    } as unknown as HTMLCanvasElement['getContext']);
  });
  afterEach(cleanup);

  const N = 30;
  const value: ValueFn = (r, c) => r * 100 + c;
  const lookAt = (active: number): LookFn => (r, c) => ({ mark: r * N + c === active ? 'active' : null });

  async function show(props: Partial<Parameters<typeof Grid>[0]> = {}) {
    const onHover = vi.fn<(cell: GridCell | null) => void>();
    const onEdit = vi.fn<(r: number, c: number, v: number) => void>();
    const all = { name: 'Output', rows: N, cols: N, value, look: lookAt(0), onHover, ...props };
    const view = render(<Grid {...all} />);
    const grid = await screen.findByRole('grid', { name: 'Output' }, { timeout: 10_000 });
    return { grid, onHover, onEdit, rerender: (more: Partial<typeof all>) => view.rerender(<Grid {...all} {...more} />) };
  }

  it(`is an ARIA grid of ${N} × ${N} whose one rendered cell is the focused one, read and moved by the arrow keys`, async () => {
    const user = userEvent.setup();
    const { grid, onHover } = await show();
    expect(grid).toHaveAttribute('aria-rowcount', String(N));
    expect(grid).toHaveAttribute('aria-colcount', String(N));
    const cell = within(grid).getByRole('gridcell');
    expect(cell).toHaveTextContent(/^0$/);
    await user.click(cell);
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    const moved = within(grid).getByRole('gridcell');
    expect(moved).toHaveTextContent(/^102$/);
    expect(moved).toHaveAttribute('aria-colindex', '3');
    expect(moved.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '2');
    expect(moved).toHaveFocus();
    // Focus counts as hover, as in the DOM grid: the links follow the keyboard.
    expect(onHover).toHaveBeenLastCalledWith({ row: 1, col: 2 });
    await user.keyboard('{End}');
    expect(within(grid).getByRole('gridcell')).toHaveTextContent(new RegExp(`^${100 + N - 1}$`));
  });

  it('a grid that changes size reports the cell in focus again (the same place is another cell of the new grid)', async () => {
    const user = userEvent.setup();
    const { grid, onHover, rerender } = await show();
    await user.click(within(grid).getByRole('gridcell'));
    await user.keyboard('{ArrowUp}');
    expect(onHover).toHaveBeenLastCalledWith({ row: 0, col: 0 });
    onHover.mockClear();
    // Moving onto the same cell again reports nothing new.
    await user.keyboard('{ArrowUp}');
    expect(onHover).not.toHaveBeenCalled();
    act(() => rerender({ rows: N + 4, cols: N + 4 }));
    await user.keyboard('{ArrowUp}');
    expect(onHover).toHaveBeenCalledWith({ row: 0, col: 0 });
  });

  it('a step repaints only the cells whose look changed: the old and the new active cell', async () => {
    const { rerender } = await show();
    ctx.rects.length = 0;
    act(() => rerender({ look: lookAt(1) }));
    const canvas = screen.getByRole('grid', { name: 'Output' }).querySelector('canvas');
    expect(canvas).not.toBeNull();
    const cell = Number.parseFloat(canvas!.style.width) / N;
    expect([...touchedCells(ctx.rects, cell, N)].sort((a, b) => a - b)).toEqual([0, 1]);
  });

  it('an editable grid takes a typed value for the focused cell (Enter, type, Enter)', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn<(r: number, c: number, v: number) => void>();
    const { grid } = await show({ onEdit });
    const cell = within(grid).getByRole('gridcell');
    cell.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    const field = screen.getByRole('textbox', { name: t('vals.edit', { grid: 'Output', row: 2, col: 1 }) });
    await user.clear(field);
    await user.type(field, '-2.5{Enter}');
    expect(onEdit).toHaveBeenCalledWith(1, 0, -2.5);
  });

  it('has zoom buttons named in the catalogue; zooming in enables zooming out', async () => {
    const user = userEvent.setup();
    await show();
    const zoomOut = screen.getByRole('button', { name: t('canvas.zoomOut') });
    expect(zoomOut).toBeDisabled();
    await user.click(screen.getByRole('button', { name: t('canvas.zoomIn') }));
    expect(zoomOut).toBeEnabled();
    await user.click(screen.getByRole('button', { name: t('canvas.zoomFit') }));
    expect(zoomOut).toBeDisabled();
  });

  it('a 24 × 24 grid stays a grid of cells (no canvas)', async () => {
    render(<Grid name="Small" rows={24} cols={24} value={value} />);
    const grid = screen.getByRole('grid', { name: 'Small' });
    expect(grid.querySelector('canvas')).toBeNull();
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(24 * 24);
  });
});
