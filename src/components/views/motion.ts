/**
 * The zero-insertion animation: input cells start at their places in the compact input and
 * glide apart to their places in the zero-inserted grid, while the inserted zeros fade in.
 * Web Animations on ref'd cells inside an effect that cancels them, so React's DOM is never
 * left with stray styles; skipped where the learner prefers reduced motion or the API is missing.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { prefersReducedMotion } from './useMediaQuery';

/** How far (in cells) the cell now at (zy, zx) travelled. */
export interface Move {
  readonly zy: number;
  readonly zx: number;
  readonly dy: number;
  readonly dx: number;
}

const DURATION_MS = 900;

/** Plays the spread whenever `run` turns true (or `moves` change while it is). */
export function useSpreadAnimation(root: RefObject<HTMLElement | null>, moves: readonly Move[], run: boolean): void {
  useLayoutEffect(() => {
    const el = root.current;
    if (!run || !el || prefersReducedMotion()) return;
    const cells = Array.from(el.querySelectorAll<HTMLElement>('[role="gridcell"]'));
    if (cells.length === 0 || typeof cells[0].animate !== 'function') return;
    const box = cells[0].getBoundingClientRect();
    const moved = new Map(moves.map((m) => [`${m.zy}-${m.zx}`, m]));
    const animations = cells.map((cell) => {
      const m = moved.get(cell.dataset.cell ?? '');
      if (!m) return cell.animate([{ opacity: 0 }, { opacity: 0, offset: 0.5 }, { opacity: 1 }], { duration: DURATION_MS, easing: 'ease-in' });
      const from = `translate(${-m.dx * box.width}px, ${-m.dy * box.height}px)`;
      return cell.animate([{ transform: from, zIndex: 1 }, { transform: 'translate(0, 0)', zIndex: 1 }], { duration: DURATION_MS, easing: 'ease-in-out' });
    });
    return () => animations.forEach((a) => a.cancel());
  }, [root, moves, run]);
}
