/**
 * Image mode's loops over one picture plane: the convolution and the ×2 (stride-2) transposed
 * convolution of a single channel, the planes ↔ RGBA bytes, and a plane's range. The numbers
 * are the engine's own (`conv2d`, `convTranspose2d` on [1, 1, H, W]; test/engine/imageLoops
 * compares them on random pictures); these loops only do that one-channel case faster.
 *
 * Why separate loops: a picture job runs each of them once per change of setting, on code the
 * JIT has rarely seen. A function with several long loops in a row gets compiled mid-loop (OSR)
 * without type feedback for what follows the loop, is thrown away when it gets there, and starts
 * over interpreted in the next loop: cold, the engine's general kernels and the old per-picture
 * loops ran 5–10× slower than warm. Here every loop is a small function over ONE output row (or
 * one row of pixels) with nothing after its loop, called hundreds of times per plane, so it is
 * compiled from its call count with complete feedback after a few rows. Only Float64Array (and
 * the RGBA Uint8ClampedArray) reach them; nothing is allocated per row or per pixel; the
 * zero-padded copy of the input plane is one kept buffer.
 *
 * Each output cell is summed as the engine's tiled kernels sum it (a tap row's products
 * together, then rows in order), and a transposed cell reads only the taps that reach it (the
 * stride phases, see kernels/convTranspose2d.ts), so no multiplication by inserted zeros is done.
 */

import type { Conv2DInfo, ConvTranspose2DInfo } from './shape';

/** The kept zero-padded input plane: large enough for 512×512 with any allowed padding (it grows when needed). */
let kept = new Float64Array(0);

/** A zeroed Float64Array of `length`: the kept buffer's start, cleared. */
function paddedPlane(length: number): Float64Array {
  if (kept.length < length) kept = new Float64Array(length);
  const buf = kept.subarray(0, length);
  buf.fill(0);
  return buf;
}

/** Copies the h×w plane at `src[from…]` into `dst`, a plane `wp` wide, with its top-left at (top, left). */
function copyPlane(src: Float64Array, from: number, h: number, w: number, dst: Float64Array, wp: number, top: number, left: number): void {
  for (let y = 0; y < h; y++) dst.set(src.subarray(from + y * w, from + (y + 1) * w), (top + y) * wp + left);
}

/** One output row of a 3×3, stride-1, undilated correlation: `n` cells from `out[o]`, reading rows `a`, `b`, `c` of the padded plane from their first column. */
function row3x3(xp: Float64Array, a: number, b: number, c: number, k: Float64Array, out: Float64Array, o: number, n: number): void {
  const k0 = k[0];
  const k1 = k[1];
  const k2 = k[2];
  const k3 = k[3];
  const k4 = k[4];
  const k5 = k[5];
  const k6 = k[6];
  const k7 = k[7];
  const k8 = k[8];
  let a0 = xp[a];
  let a1 = xp[a + 1];
  let b0 = xp[b];
  let b1 = xp[b + 1];
  let c0 = xp[c];
  let c1 = xp[c + 1];
  for (let j = 0; j < n; j++) {
    const a2 = xp[a + j + 2];
    const b2 = xp[b + j + 2];
    const c2 = xp[c + j + 2];
    let acc = k0 * a0 + k1 * a1 + k2 * a2;
    acc += k3 * b0 + k4 * b1 + k5 * b2;
    acc += k6 * c0 + k7 * c1 + k8 * c2;
    out[o + j] = acc;
    a0 = a1;
    a1 = a2;
    b0 = b1;
    b1 = b2;
    c0 = c1;
    c1 = c2;
  }
}

/**
 * One output row of any correlation: `n` cells from `out[o]`; cell j's tap (0, 0) is
 * `xp[at + j·sx]`, taps `dy` rows (of `wp`) and `dx` columns apart; `k` is kh×kw row-major.
 */
function rowAny(
  xp: Float64Array, at: number, wp: number, sx: number, dy: number, dx: number,
  k: Float64Array, kh: number, kw: number, out: Float64Array, o: number, n: number,
): void {
  for (let j = 0; j < n; j++) {
    let acc = 0;
    let xr = at + j * sx;
    let ki = 0;
    for (let r = 0; r < kh; r++) {
      let tap = 0;
      for (let c = 0; c < kw; c++) tap += k[ki++] * xp[xr + c * dx];
      acc += tap;
      xr += dy * wp;
    }
    out[o + j] = acc;
  }
}

/**
 * The correlation (PyTorch's conv2d, one channel, no bias) of the plane at `x[from…]` with the
 * kH×kW `kernel`, written to `out[to…]` (outH·outW cells). Trusts `c`, the engine's conv2dInfo
 * for [1, 1, inH, inW] (its output never reads past the padded plane).
 */
export function convPlane(c: Conv2DInfo, x: Float64Array, from: number, kernel: Float64Array, out: Float64Array, to: number): void {
  const hp = c.inH + c.pad.top + c.pad.bottom;
  const wp = c.inW + c.pad.left + c.pad.right;
  const xp = paddedPlane(hp * wp);
  copyPlane(x, from, c.inH, c.inW, xp, wp, c.pad.top, c.pad.left);
  const plain3x3 = c.kH === 3 && c.kW === 3 && c.strideW === 1 && c.dilationH === 1 && c.dilationW === 1;
  for (let oy = 0; oy < c.outH; oy++) {
    const at = oy * c.strideH * wp;
    if (plain3x3) row3x3(xp, at, at + wp, at + 2 * wp, kernel, out, to + oy * c.outW, c.outW);
    else rowAny(xp, at, wp, c.strideW, c.dilationH, c.dilationW, kernel, c.kH, c.kW, out, to + oy * c.outW, c.outW);
  }
}

/**
 * One axis of a stride-2 transposed convolution with a kernel of at most 4 taps, for each
 * output phase c (cells 2j + c): cell 2j + c is x[e + j]·w[kA] + x[e + j + 1]·w[kB] (−1: no
 * such tap, weight 0). The scatter puts x[i]·w[t] at full position 2i + t, and output cell o is
 * full position o + pad, so the taps reaching o have t ≡ o + pad (mod 2).
 */
interface HalfAxis {
  readonly e: readonly [number, number];
  readonly kA: readonly [number, number];
  readonly kB: readonly [number, number];
  /** Cells of each phase. */
  readonly count: readonly [number, number];
  /** Zero cells the padded copy needs before the input, and its length. */
  readonly before: number;
  readonly length: number;
}

function halfAxis(k: number, pad: number, inSize: number, outSize: number): HalfAxis {
  const e: [number, number] = [0, 0];
  const kA: [number, number] = [-1, -1];
  const kB: [number, number] = [-1, -1];
  const count: [number, number] = [(outSize + 1) >> 1, outSize >> 1];
  let lo = 0;
  let hi = inSize - 1;
  for (const c of [0, 1] as const) {
    const parity = (c + pad) % 2;
    e[c] = (c + pad - parity) / 2 - 1;
    kA[c] = parity + 2 < k ? parity + 2 : -1;
    kB[c] = parity < k ? parity : -1;
    if (count[c] > 0) {
      lo = Math.min(lo, e[c]);
      hi = Math.max(hi, e[c] + count[c]);
    }
  }
  return { e, kA, kB, count, before: -lo, length: hi - lo + 1 };
}

/** Whether `transposedPlane` takes this kernel and stride (the ×2 upsampling comparison's, and any other of the same kind). */
export function transposedPlaneFits(t: ConvTranspose2DInfo): boolean {
  return t.strideH === 2 && t.strideW === 2 && t.dilationH === 1 && t.dilationW === 1 && t.kH <= 4 && t.kW <= 4;
}

/**
 * One output row of the stride-2 transposed convolution: both column phases, `n0` cells of
 * phase 0 and `n1` of phase 1 (n0 − n1 is 0 or 1), from `out[o]`. Rows `ra` and `rb` of the
 * padded copy are the row taps A and B; `e0`, `e1` the column phases' first inputs; `w` the
 * eight weights [row tap][column phase][column tap] of this row's phase.
 */
function rowHalf(xp: Float64Array, ra: number, rb: number, e0: number, e1: number, w: Float64Array, out: Float64Array, o: number, n0: number, n1: number): void {
  const a00 = w[0];
  const a01 = w[1];
  const a10 = w[2];
  const a11 = w[3];
  const b00 = w[4];
  const b01 = w[5];
  const b10 = w[6];
  const b11 = w[7];
  const pa = ra + e0;
  const pb = rb + e0;
  const qa = ra + e1;
  const qb = rb + e1;
  for (let j = 0; j < n1; j++) {
    out[o + 2 * j] = (a00 * xp[pa + j] + a01 * xp[pa + j + 1]) + (b00 * xp[pb + j] + b01 * xp[pb + j + 1]);
    out[o + 2 * j + 1] = (a10 * xp[qa + j] + a11 * xp[qa + j + 1]) + (b10 * xp[qb + j] + b11 * xp[qb + j + 1]);
  }
  if (n0 > n1) out[o + 2 * n1] = (a00 * xp[pa + n1] + a01 * xp[pa + n1 + 1]) + (b00 * xp[pb + n1] + b01 * xp[pb + n1 + 1]);
}

/**
 * The transposed convolution (PyTorch's conv_transpose2d, one channel, no bias, stride 2,
 * dilation 1, kernel at most 4×4: `transposedPlaneFits`) of the plane at `x[from…]` with the
 * kH×kW `kernel`, written to `out[to…]`. Output padding needs nothing: its cells read zeros.
 * Trusts `t`, the engine's convTranspose2dInfo for [1, 1, inH, inW].
 */
export function transposedPlane(t: ConvTranspose2DInfo, x: Float64Array, from: number, kernel: Float64Array, out: Float64Array, to: number): void {
  const rows = halfAxis(t.kH, t.pad.top, t.inH, t.outH);
  const cols = halfAxis(t.kW, t.pad.left, t.inW, t.outW);
  const wp = cols.length;
  const xp = paddedPlane(rows.length * wp);
  copyPlane(x, from, t.inH, t.inW, xp, wp, rows.before, cols.before);
  // The eight weights of each row phase: [row tap A, B][column phase 0, 1][column tap A, B].
  const weights = [new Float64Array(8), new Float64Array(8)];
  const tap = (r: number, c: number) => (r < 0 || c < 0 ? 0 : kernel[r * t.kW + c]);
  for (const cy of [0, 1] as const) {
    const w = weights[cy];
    [rows.kA[cy], rows.kB[cy]].forEach((r, a) => {
      for (const cx of [0, 1] as const) {
        w[a * 4 + cx * 2] = tap(r, cols.kA[cx]);
        w[a * 4 + cx * 2 + 1] = tap(r, cols.kB[cx]);
      }
    });
  }
  const e0 = cols.e[0] + cols.before;
  const e1 = cols.e[1] + cols.before;
  for (let oy = 0; oy < t.outH; oy++) {
    const cy = oy & 1;
    const ra = (rows.e[cy] + (oy >> 1) + rows.before) * wp;
    rowHalf(xp, ra, ra + wp, e0, e1, weights[cy], out, to + oy * t.outW, cols.count[0], cols.count[1]);
  }
}

/** One row of RGBA pixels (`n` from pixel `p`) into planes: R, G, B at `out[i]`, `out[i + plane]`, `out[i + 2·plane]`. */
function rowToRgb(rgba: ArrayLike<number>, p: number, n: number, out: Float64Array, plane: number): void {
  for (let i = p; i < p + n; i++) {
    out[i] = rgba[4 * i];
    out[plane + i] = rgba[4 * i + 1];
    out[2 * plane + i] = rgba[4 * i + 2];
  }
}

/** Luma of one pixel (ITU-R BT.601 weights), rounded to a whole 0–255 value. */
export function greyOf(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

/** One row of RGBA pixels into their luma. */
function rowToGrey(rgba: ArrayLike<number>, p: number, n: number, out: Float64Array): void {
  for (let i = p; i < p + n; i++) out[i] = greyOf(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]);
}

/** The planes of an RGBA picture into `out` ([3, H, W] or [1, H, W]), a row at a time. */
export function fillPlanes(rgba: ArrayLike<number>, width: number, height: number, grey: boolean, out: Float64Array): void {
  const plane = width * height;
  for (let y = 0; y < height; y++) {
    if (grey) rowToGrey(rgba, y * width, width, out);
    else rowToRgb(rgba, y * width, width, out, plane);
  }
}

/** One row of one plane (`n` values from `values[v]`) into byte `c` of RGBA pixels from pixel `p`: floor(value + shift), clipped by the array. */
function rowToChannel(values: Float64Array, v: number, n: number, rgba: Uint8ClampedArray, p: number, c: number, shift: number): void {
  for (let i = 0; i < n; i++) rgba[4 * (p + i) + c] = Math.floor(values[v + i] + shift);
}

/** One row of a grey plane into R, G and B of RGBA pixels, alpha opaque. */
function rowToGreyPixels(values: Float64Array, v: number, n: number, rgba: Uint8ClampedArray, p: number, shift: number): void {
  for (let i = 0; i < n; i++) {
    const b = Math.floor(values[v + i] + shift);
    const at = 4 * (p + i);
    rgba[at] = b;
    rgba[at + 1] = b;
    rgba[at + 2] = b;
    rgba[at + 3] = 255;
  }
}

/** One row of alpha bytes, opaque. */
function rowOpaque(rgba: Uint8ClampedArray, p: number, n: number): void {
  for (let i = p; i < p + n; i++) rgba[4 * i + 3] = 255;
}

/**
 * The RGBA bytes of [C, H, W] `values` (C = 3 as colour, 1 as grey) into `rgba`, each value
 * plus `offset`, rounded (floor of v + ½) and clipped to 0–255 by the clamped array itself.
 */
export function fillRgba(values: Float64Array, channels: number, width: number, height: number, offset: number, rgba: Uint8ClampedArray): void {
  const plane = width * height;
  const shift = offset + 0.5;
  for (let y = 0; y < height; y++) {
    const p = y * width;
    if (channels === 1) {
      rowToGreyPixels(values, p, width, rgba, p, shift);
    } else {
      for (let c = 0; c < 3; c++) rowToChannel(values, c * plane + p, width, rgba, p, c, shift);
      rowOpaque(rgba, p, width);
    }
  }
}

/** The smallest and largest of `values[from…to)` folded into `range` ([min, max]). */
function rowRange(values: Float64Array, from: number, to: number, range: Float64Array): void {
  let min = range[0];
  let max = range[1];
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  range[0] = min;
  range[1] = max;
}

/** The smallest and largest value of `values`, `width` at a time. */
export function valueRange(values: Float64Array, width: number): { readonly min: number; readonly max: number } {
  const range = Float64Array.of(Infinity, -Infinity);
  for (let i = 0; i < values.length; i += width) rowRange(values, i, Math.min(values.length, i + width), range);
  return { min: range[0], max: range[1] };
}
