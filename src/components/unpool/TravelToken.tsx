/**
 * A small copy of a value that glides from one grid cell to another (the pooled maximum into
 * its pooled cell, a pooled value back to its switch). Web Animations on a ref'd element inside
 * an effect that cancels them, so React's DOM keeps no stray styles; skipped where the learner
 * prefers reduced motion or the API is missing (jsdom). The token is decoration: aria-hidden.
 */
import { useLayoutEffect, useRef } from 'react';
import { prefersReducedMotion } from '../views/useMediaQuery';

/** A cell of a named grid inside the token's positioned parent. */
export interface CellAddress {
  readonly grid: string;
  readonly row: number;
  readonly col: number;
}

export interface TravelTokenProps {
  readonly from: CellAddress | null;
  readonly to: CellAddress | null;
  /** The value as shown. */
  readonly text: string;
  /** The whole flight, in ms (shorter than a step, so a playing animation never piles up). */
  readonly duration: number;
}

const attr = (s: string) => s.replace(/["\\]/g, '\\$&');

function cellIn(host: HTMLElement, a: CellAddress): HTMLElement | null {
  return host.querySelector<HTMLElement>(`[role="grid"][aria-label="${attr(a.grid)}"] [data-cell="${a.row}-${a.col}"]`);
}

export function TravelToken({ from, to, text, duration }: TravelTokenProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const fromKey = from ? `${from.grid}|${from.row}|${from.col}` : '';
  const toKey = to ? `${to.grid}|${to.row}|${to.col}` : '';
  useLayoutEffect(() => {
    const token = ref.current;
    const host = token?.parentElement;
    if (!token || !host || !from || !to || typeof token.animate !== 'function' || prefersReducedMotion()) return;
    const a = cellIn(host, from);
    const b = cellIn(host, to);
    if (!a || !b) return;
    const box = host.getBoundingClientRect();
    const ra = a.getBoundingClientRect();
    const rb = b.getBoundingClientRect();
    const frame = (r: DOMRect, opacity: number) => ({
      transform: `translate(${r.left - box.left}px, ${r.top - box.top}px)`,
      width: `${r.width}px`,
      height: `${r.height}px`,
      fontSize: `${r.height * 0.36}px`,
      opacity,
    });
    const animation = token.animate(
      [frame(ra, 1), { ...frame(rb, 1), offset: 0.8 }, frame(rb, 0)],
      { duration, easing: 'ease-in-out' },
    );
    return () => animation.cancel();
    // The addresses are compared by their keys: new objects with the same cells replay nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromKey, toKey, text, duration]);
  return (
    <span ref={ref} className="unpool__token" aria-hidden="true">
      {text}
    </span>
  );
}
