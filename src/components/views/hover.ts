/** Hover and pin wiring shared by the views: grid cells → the store's hover cell. */
import { useMemo } from 'react';
import { useStore } from '../../store';
import type { GridCell, HoverCell } from '../../viz/looks';
import { t } from '../../i18n';

/**
 * Handlers for one grid: `toRef` maps a grid cell to the store's cell (or null when the cell
 * has no input/output coordinate, e.g. an inserted zero). Pointer over = hover; click or
 * Space = pin/unpin.
 */
export function useHoverHandlers(toRef: (cell: GridCell) => HoverCell | null) {
  const setHover = useStore((s) => s.setHover);
  const togglePin = useStore((s) => s.togglePin);
  return useMemo(() => handlersOf(toRef, setHover, togglePin), [setHover, togglePin, toRef]);
}

/** The same for a list of grids (one per channel): stable handlers while `toRefs` is the same list. */
export function useHoverHandlersEach(toRefs: readonly ((cell: GridCell) => HoverCell | null)[]) {
  const setHover = useStore((s) => s.setHover);
  const togglePin = useStore((s) => s.togglePin);
  return useMemo(() => toRefs.map((toRef) => handlersOf(toRef, setHover, togglePin)), [setHover, togglePin, toRefs]);
}

function handlersOf(toRef: (cell: GridCell) => HoverCell | null, setHover: (cell: HoverCell | null) => void, togglePin: (cell: HoverCell) => void) {
  return {
    onHover: (cell: GridCell | null) => setHover(cell ? toRef(cell) : null),
    onPick: (cell: GridCell) => {
      const ref = toRef(cell);
      if (ref) togglePin(ref);
    },
  };
}

/** The sentence under the grids saying what the hover shows, or null. */
export function hoverSentence(hover: HoverCell | null, pinned: boolean): string | null {
  if (!hover) return null;
  const vars = { row: hover.row, col: hover.col };
  const what = hover.grid === 'output' ? t('hover.receptive', vars) : t('hover.feeds', vars);
  // Input cells are editable, so there a click types a value and Space pins.
  const how = pinned ? t('hover.pinned') : hover.grid === 'input' ? t('hover.pinKey') : t('hover.pin');
  return `${what}. ${how}`;
}
