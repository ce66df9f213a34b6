/**
 * A place for one grid in a view's row of grids. Grids size their cells from their own width
 * (a container query), so the slot decides that width: it asks for the grid's full size
 * (cols × maxCell) and shrinks with its neighbours, down to a floor where digits stay
 * readable; past the floor it wraps to the next line, and a grid wider than the screen
 * scrolls sideways under its caption, following the step's active cell or window so it never steps out of view.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { followScroll } from '../../viz/follow';

export interface GridSlotProps {
  readonly cols: number;
  /** The grid's largest cell in rem (the Grid's `maxCell`). */
  readonly maxCell: number;
  /** The smallest cell in rem before the slot wraps or scrolls (default MIN_CELL; the matrix's long rows go smaller). */
  readonly minCell?: number;
  /** Whether a grid wider than the slot scrolls to keep the step's cells in view (default); a picture without steps says false, and never reads the layout. */
  readonly follow?: boolean;
  readonly children: ReactNode;
}

/** Cell size (rem) below which a slot stops shrinking and wraps or scrolls instead. */
export const MIN_CELL = 1.6;

/** From this many rows a view's grids outgrow a laptop screen, so its equation sticks to the bottom edge. */
export const TALL_ROWS = 16;

export function GridSlot({ cols, maxCell, minCell = MIN_CELL, follow = true, children }: GridSlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Runs after every render (a step, a hover): cheap, and a no-op unless the slot scrolls. The
  // layout is read in the next frame, before it is painted: read here, mid-commit, it was worked
  // out again for each slot after each canvas grid beside it resized its canvas (0.6 s of a 4×
  // slowed load of the 97 × 97 case).
  useLayoutEffect(() => {
    if (!follow) return;
    const frame = requestAnimationFrame(() => {
      const grid = ref.current?.querySelector<HTMLElement>('[role="grid"]');
      // Only a grid with a step's cells to follow reads the layout.
      const target = grid?.querySelector<HTMLElement>('.cell--active, .cell--window');
      if (!grid || !target || grid.scrollWidth <= grid.clientWidth) return;
      const by = followScroll(target.getBoundingClientRect(), grid.getBoundingClientRect());
      if (by !== 0) grid.scrollLeft += by;
    });
    return () => cancelAnimationFrame(frame);
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
