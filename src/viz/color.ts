/**
 * Colours for values: a diverging ramp, blue for negative, white at 0, orange for positive,
 * pale enough for black digits at both ends. d3-interpolate's number interpolator walks the
 * lightness; the hues are fixed.
 */
import { interpolateNumber } from 'd3-interpolate';

const lightness = interpolateNumber(100, 72);

/** A colour function for values whose largest magnitude is `maxAbs`. */
export function valueColor(maxAbs: number): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  return (v) => {
    const t = Math.min(1, Math.abs(v) / m);
    const l = lightness(t).toFixed(1);
    return v < 0 ? `hsl(212 62% ${l}%)` : `hsl(28 85% ${l}%)`;
  };
}

/** The largest |v| of a list (0 for an empty one). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
