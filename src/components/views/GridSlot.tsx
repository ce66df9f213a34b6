/**
 * A place for one grid in a view's row of grids. Grids size their cells from their own width
 * (a container query), so the slot decides that width: it asks for the grid's full size
 * (cols × maxCell) and shrinks with its neighbours, down to a floor where digits stay
 * readable; past the floor it wraps to the next line, and a grid wider than the screen
 * scrolls sideways under its caption, following the step's active cell or window so it never steps out of view.
 */
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

export interface GridSlotProps {
  readonly cols: number;
  /** The grid's largest cell in rem (the Grid's `maxCell`). */
  readonly maxCell: number;
  /** The smallest cell in rem before the slot wraps or scrolls (default MIN_CELL; the matrix's long rows go smaller). */
  readonly minCell?: number;
  readonly children: ReactNode;
}

/** Cell size (rem) below which a slot stops shrinking and wraps or scrolls instead. */
export const MIN_CELL = 1.6;

/** From this many rows a view's grids outgrow a laptop screen, so its equation sticks to the bottom edge. */
export const TALL_ROWS = 16;

/**
 * Whether the slot's grid is wider than its box, kept up to date by a ResizeObserver on the
 * grid and its first row (their sizes change when the grid's does), so a step reads no layout
 * unless the grid scrolls: the layout is read when a grid first shows and when it resizes.
 */
function useOverflow(slot: RefObject<HTMLDivElement | null>): () => HTMLElement | null {
  const watched = useRef<{ grid: HTMLElement; overflows: boolean; observer: ResizeObserver | null } | null>(null);
  useLayoutEffect(() => () => watched.current?.observer?.disconnect(), []);
  return () => {
    const grid = slot.current?.querySelector<HTMLElement>('[role="grid"]') ?? null;
    if (!grid) return null;
    let w = watched.current;
    if (!w || w.grid !== grid) {
      w?.observer?.disconnect();
      // Without a ResizeObserver (old browsers, jsdom) every render reads the layout.
      const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
        if (watched.current) watched.current.overflows = grid.scrollWidth > grid.clientWidth;
      });
      w = { grid, overflows: grid.scrollWidth > grid.clientWidth, observer };
      watched.current = w;
      observer?.observe(grid);
      if (observer && grid.firstElementChild) observer.observe(grid.firstElementChild);
    } else if (!w.observer) {
      w.overflows = grid.scrollWidth > grid.clientWidth;
    }
    return w.overflows ? grid : null;
  };
}

export function GridSlot({ cols, maxCell, minCell = MIN_CELL, children }: GridSlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const overflowing = useOverflow(ref);
  // Runs after every render (a step, a hover): reads no layout unless the grid scrolls.
  useLayoutEffect(() => {
    const grid = overflowing();
    if (!grid) return;
    const target = grid.querySelector<HTMLElement>('.cell--active, .cell--window');
    if (!target) return;
    const cell = target.getBoundingClientRect();
    const box = grid.getBoundingClientRect();
    if (cell.left < box.left || cell.right > box.right) grid.scrollLeft += cell.left - box.left - (box.width - cell.width) / 2;
  });
  return (
    <div
      ref={ref}
      className="views__slot"
      style={{ ['--slot-cols' as string]: cols, ['--slot-max' as string]: `${maxCell}rem`, ['--slot-min' as string]: `${minCell}rem` }}
    >
      {children}
    </div>
  );
}
