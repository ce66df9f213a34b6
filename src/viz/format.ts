/** How numbers read on screen: integers as integers, others to 3 significant digits. */
import { format } from 'd3-format';

const sig3 = format('.3~g');

/** `12`, `-0.5`, `0.333`, `1.23e+4`: short and never NaN (non-finite values show as an em dash). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const s = sig3(v);
  return s === '-0' ? '0' : s.replace('−', '-');
}

/** Full precision, for a tooltip. */
export function formatFull(v: number): string {
  return Number.isFinite(v) ? String(v) : '—';
}
