/**
 * Colours for values: a diverging ramp, blue for negative, white at 0, orange for positive,
 * pale enough for black digits at both ends. The lightness walks linearly from 100% to 72%;
 * the hues are fixed.
 */

/**
 * The lightness at t ∈ [0, 1], written as d3-interpolate's interpolateNumber(100, 72) does
 * (a·(1 − t) + b·t). Importing that one function from d3-interpolate's bundle drags in all of
 * d3-color (about 6 KB gzipped on the first page), for one line of arithmetic.
 */
const lightness = (t: number): number => 100 * (1 - t) + 72 * t;

/** A colour function for values whose largest magnitude is `maxAbs`. */
export function valueColor(maxAbs: number): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  // Grids ask for the same values again on every step: each colour is written once.
  const seen = new Map<number, string>();
  return (v) => {
    let colour = seen.get(v);
    if (colour === undefined) {
      const l = lightness(Math.min(1, Math.abs(v) / m)).toFixed(1);
      colour = v < 0 ? `hsl(212 62% ${l}%)` : `hsl(28 85% ${l}%)`;
      seen.set(v, colour);
    }
    return colour;
  };
}

/** The largest |v| of a list (0 for an empty one). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
