/** Colours for values: a diverging ramp (blue for negative, white at 0, orange for positive). */
import { interpolateRgb } from 'd3-interpolate';

const toNegative = interpolateRgb('#ffffff', '#7fa7d4');
const toPositive = interpolateRgb('#ffffff', '#f0a45d');

/** A colour function for values whose largest magnitude is `maxAbs` (pale enough for black digits). */
export function valueColor(maxAbs: number): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  return (v) => {
    const t = Math.min(1, Math.abs(v) / m);
    return v < 0 ? toNegative(t) : toPositive(t);
  };
}

/** The largest |v| of a list (0 for an empty one). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
