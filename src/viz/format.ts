/** How numbers read on screen: integers as integers, others to 3 significant digits. */

/** `12`, `-0.5`, `0.333`, `1.23e+4`: short and never NaN (non-finite values show as an em dash). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const abs = Math.abs(v);
  // toPrecision gives 3 significant digits; trailing zeros (and a bare point) add nothing.
  const text = abs >= 1e-3 && abs < 1e6 ? v.toPrecision(3) : v.toExponential(2);
  const trimmed = text.replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** A factor of a written-out product: negatives (and −0) in parentheses, `(-2)`, so `3·(-2)` reads right. */
export function formatOperand(v: number): string {
  return v < 0 || Object.is(v, -0) ? `(${formatValue(v)})` : formatValue(v);
}

/** Full precision, for a tooltip. */
export function formatFull(v: number): string {
  return Number.isFinite(v) ? String(v) : '—';
}
