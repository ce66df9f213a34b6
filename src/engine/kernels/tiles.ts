/**
 * The inner loops shared by the fast convolution and transposed-convolution kernels.
 *
 * Both kernels reduce their work to the same shape of problem, a *tile job*: for each output
 * channel k of one group, a grid of output cells, each the sum over the group's input channels
 * and a small rectangle of taps of `input × weight`. The input has already been copied into a
 * zero-padded buffer (so no loop ever tests a border) and every index is an arithmetic
 * progression:
 *
 *   out[outOff + k·outCoStride + row·outRowStride + col·outColStride] = inits[k] +
 *     Σ_ci Σ_r<tR Σ_c<tC  xp[inOff + ci·xPlane + row·inRowStep + col·inColStep + r·tRowX + c·tColX]
 *                       · w[wOff + k·wCoStride + ci·wCi + r·tRowW + c·tColW]
 *
 * A convolution is one job per group. A transposed convolution is one job per group and
 * stride phase (see convTranspose2d.ts).
 *
 * Register tile: each pass computes two output channels × four neighbouring cells of one row
 * in eight local accumulators, and stores them once. Every input value loaded serves both
 * channels. When the four cells read four neighbouring input columns and the column taps are
 * neighbours too (`inColStep = tColX = 1`), tap c of cell j reads the same input as tap c + 1
 * of cell j − 1, so a row of tC taps needs tC + 3 loads instead of 4·tC: the values stay in
 * locals x0, x1, …. This is about as large as a tile gets in V8 before its values spill out
 * of the sixteen floating-point registers (three channels, or eight cells, measured slower).
 * Rows of 3 taps (3×3 kernels) and of 2 taps (4×4 kernels at stride 2 split into 2×2
 * phases) are written out; other widths slide the values through x0…x3 in a loop. Other
 * strides and dilations use the same tile with four loads per tap.
 *
 * The weights are first repacked (`packWeights`) so that the tile reads them in order: the
 * two channels of a pair side by side, then taps, then input channels. The inner loops then
 * use constant offsets whatever the original layout was ([out, in, kH, kW] for a convolution,
 * [in, out, kH, kW] walked backwards for a transposed one).
 *
 * Loop order: output row outside, output channels inside, so the few input rows a row of
 * output needs stay in cache while every channel's weights pass over them.
 *
 * Only Float64Array ever reaches these functions: a hot loop fed two array types gets much
 * slower in V8, so the kernels copy or allocate Float64Arrays and nothing else.
 */

/** Where the weights of a job sit in the caller's array (see the formula above). */
export interface WeightLayout {
  readonly w: Float64Array;
  readonly wOff: number;
  readonly wCoStride: number;
  readonly wCi: number;
  readonly tRowW: number;
  readonly tColW: number;
}

/** One group's dense correlation over a padded buffer; every field is an element offset or count. */
export interface TileJob {
  /** Zero-padded input of the group: `nCi` planes of `xPlane` elements. */
  readonly xp: Float64Array;
  readonly xPlane: number;
  readonly nCi: number;
  /** Index in `xp` of tap (0, 0) of output cell (0, 0), and the step per output row / column. */
  readonly inOff: number;
  readonly inRowStep: number;
  readonly inColStep: number;
  /** Tap rows and columns: counts, and the step in `xp` from one tap to the next. */
  readonly tR: number;
  readonly tRowX: number;
  readonly tC: number;
  readonly tColX: number;
  /** The weights as `packWeights` lays them out for these `nCo`, `nCi`, `tR`, `tC`. */
  readonly wp: Float64Array;
  /** Output: `nCo` channels of `nRows × nCols` cells. */
  readonly out: Float64Array;
  readonly outOff: number;
  readonly outCoStride: number;
  readonly outRowStride: number;
  readonly outColStride: number;
  readonly nCo: number;
  readonly nRows: number;
  readonly nCols: number;
  /** Starting value of every cell of channel k (its bias): `inits[initOff + k]`. */
  readonly inits: Float64Array;
  readonly initOff: number;
}

/**
 * The weights of `nCo` output channels in tile order: `[pair][ci][r][c][2]`, channel 2p + j at
 * `j`. An odd last channel is paired with itself. Allocates `2·⌈nCo/2⌉·nCi·tR·tC` numbers.
 */
export function packWeights(layout: WeightLayout, nCo: number, nCi: number, tR: number, tC: number): Float64Array {
  const { w, wOff, wCoStride, wCi, tRowW, tColW } = layout;
  const pairs = (nCo + 1) >> 1;
  const wp = new Float64Array(pairs * 2 * nCi * tR * tC);
  let at = 0;
  for (let p = 0; p < pairs; p++) {
    const k0 = 2 * p;
    const k1 = k0 + 1 < nCo ? k0 + 1 : k0;
    for (let ci = 0; ci < nCi; ci++) {
      for (let r = 0; r < tR; r++) {
        const base = wOff + ci * wCi + r * tRowW;
        for (let c = 0; c < tC; c++) {
          wp[at++] = w[base + k0 * wCoStride + c * tColW];
          wp[at++] = w[base + k1 * wCoStride + c * tColW];
        }
      }
    }
  }
  return wp;
}

/** True when the job can share loads between neighbouring taps (stride-1 columns). */
export function sharesLoads(job: Pick<TileJob, 'inColStep' | 'tC' | 'tColX'>): boolean {
  return job.inColStep === 1 && (job.tC <= 1 || job.tColX === 1);
}

/** Runs a tile job, writing every one of its output cells. Allocates nothing. */
export function runTileJob(job: TileJob): void {
  if (job.tR === 0 || job.tC === 0) fillJob(job);
  else if (sharesLoads(job)) tilesShared(job);
  else tilesStrided(job);
}

/** A job without taps (a stride phase no kernel tap reaches): every cell is the bias. */
function fillJob(job: TileJob): void {
  const { out, outOff, outCoStride, outRowStride, outColStride, nCo, nRows, nCols, inits, initOff } = job;
  for (let k = 0; k < nCo; k++) {
    const init = inits[initOff + k];
    for (let row = 0; row < nRows; row++) {
      const o = outOff + k * outCoStride + row * outRowStride;
      if (outColStride === 1) out.fill(init, o, o + nCols);
      else for (let col = 0; col < nCols; col++) out[o + col * outColStride] = init;
    }
  }
}

/** Two channels × four cells per pass, neighbouring column taps sharing their loads. */
function tilesShared(job: TileJob): void {
  const { xp, xPlane, nCi, inOff, inRowStep, tR, tRowX, tC, wp } = job;
  const { out, outOff, outCoStride, outRowStride, outColStride, nCo, nRows, nCols, inits, initOff } = job;
  const full = nCols - (nCols % 4);
  const pairSize = 2 * nCi * tR * tC;
  for (let row = 0; row < nRows; row++) {
    const iRow = inOff + row * inRowStep;
    for (let k = 0; k < nCo; k += 2) {
      const k2 = k + 1 < nCo ? k + 1 : k;
      const oRow = outOff + k * outCoStride + row * outRowStride;
      const oRow2 = outOff + k2 * outCoStride + row * outRowStride;
      const wPair = (k >> 1) * pairSize;
      const init = inits[initOff + k];
      const init2 = inits[initOff + k2];
      for (let col = 0; col < full; col += 4) {
        let a0 = init;
        let a1 = init;
        let a2 = init;
        let a3 = init;
        let b0 = init2;
        let b1 = init2;
        let b2 = init2;
        let b3 = init2;
        let wr = wPair;
        if (tC === 3) {
          for (let ci = 0; ci < nCi; ci++) {
            let xr = iRow + col + ci * xPlane;
            for (let r = 0; r < tR; r++) {
              const x0 = xp[xr];
              const x1 = xp[xr + 1];
              const x2 = xp[xr + 2];
              const x3 = xp[xr + 3];
              const x4 = xp[xr + 4];
              const x5 = xp[xr + 5];
              let w0 = wp[wr];
              let w1 = wp[wr + 2];
              let w2 = wp[wr + 4];
              a0 += w0 * x0 + w1 * x1 + w2 * x2;
              a1 += w0 * x1 + w1 * x2 + w2 * x3;
              a2 += w0 * x2 + w1 * x3 + w2 * x4;
              a3 += w0 * x3 + w1 * x4 + w2 * x5;
              w0 = wp[wr + 1];
              w1 = wp[wr + 3];
              w2 = wp[wr + 5];
              b0 += w0 * x0 + w1 * x1 + w2 * x2;
              b1 += w0 * x1 + w1 * x2 + w2 * x3;
              b2 += w0 * x2 + w1 * x3 + w2 * x4;
              b3 += w0 * x3 + w1 * x4 + w2 * x5;
              xr += tRowX;
              wr += 6;
            }
          }
        } else if (tC === 2) {
          for (let ci = 0; ci < nCi; ci++) {
            let xr = iRow + col + ci * xPlane;
            for (let r = 0; r < tR; r++) {
              const x0 = xp[xr];
              const x1 = xp[xr + 1];
              const x2 = xp[xr + 2];
              const x3 = xp[xr + 3];
              const x4 = xp[xr + 4];
              let w0 = wp[wr];
              let w1 = wp[wr + 2];
              a0 += w0 * x0 + w1 * x1;
              a1 += w0 * x1 + w1 * x2;
              a2 += w0 * x2 + w1 * x3;
              a3 += w0 * x3 + w1 * x4;
              w0 = wp[wr + 1];
              w1 = wp[wr + 3];
              b0 += w0 * x0 + w1 * x1;
              b1 += w0 * x1 + w1 * x2;
              b2 += w0 * x2 + w1 * x3;
              b3 += w0 * x3 + w1 * x4;
              xr += tRowX;
              wr += 4;
            }
          }
        } else {
          for (let ci = 0; ci < nCi; ci++) {
            let xr = iRow + col + ci * xPlane;
            for (let r = 0; r < tR; r++) {
              let x0 = xp[xr];
              let x1 = xp[xr + 1];
              let x2 = xp[xr + 2];
              for (let c = 0; c < tC; c++) {
                const x3 = xp[xr + c + 3];
                const v = wp[wr];
                a0 += v * x0;
                a1 += v * x1;
                a2 += v * x2;
                a3 += v * x3;
                const v2 = wp[wr + 1];
                b0 += v2 * x0;
                b1 += v2 * x1;
                b2 += v2 * x2;
                b3 += v2 * x3;
                x0 = x1;
                x1 = x2;
                x2 = x3;
                wr += 2;
              }
              xr += tRowX;
            }
          }
        }
        const o = oRow + col * outColStride;
        out[o] = a0;
        out[o + outColStride] = a1;
        out[o + 2 * outColStride] = a2;
        out[o + 3 * outColStride] = a3;
        const o2 = oRow2 + col * outColStride;
        out[o2] = b0;
        out[o2 + outColStride] = b1;
        out[o2 + 2 * outColStride] = b2;
        out[o2 + 3 * outColStride] = b3;
      }
      for (let col = full; col < nCols; col++) {
        out[oRow + col * outColStride] = cell(job, iRow + col, wPair, init);
        out[oRow2 + col * outColStride] = cell(job, iRow + col, wPair + 1, init2);
      }
    }
  }
}

/** Two channels × four cells per pass with four loads per tap: any input step and tap spacing. */
function tilesStrided(job: TileJob): void {
  const { xp, xPlane, nCi, inOff, inRowStep, inColStep, tR, tRowX, tC, tColX, wp } = job;
  const { out, outOff, outCoStride, outRowStride, outColStride, nCo, nRows, nCols, inits, initOff } = job;
  const full = nCols - (nCols % 4);
  const pairSize = 2 * nCi * tR * tC;
  const s1 = inColStep;
  const s2 = 2 * inColStep;
  const s3 = 3 * inColStep;
  for (let row = 0; row < nRows; row++) {
    const iRow = inOff + row * inRowStep;
    for (let k = 0; k < nCo; k += 2) {
      const k2 = k + 1 < nCo ? k + 1 : k;
      const oRow = outOff + k * outCoStride + row * outRowStride;
      const oRow2 = outOff + k2 * outCoStride + row * outRowStride;
      const wPair = (k >> 1) * pairSize;
      const init = inits[initOff + k];
      const init2 = inits[initOff + k2];
      for (let col = 0; col < full; col += 4) {
        let a0 = init;
        let a1 = init;
        let a2 = init;
        let a3 = init;
        let b0 = init2;
        let b1 = init2;
        let b2 = init2;
        let b3 = init2;
        let wr = wPair;
        for (let ci = 0; ci < nCi; ci++) {
          let xr = iRow + col * inColStep + ci * xPlane;
          for (let r = 0; r < tR; r++) {
            let xi = xr;
            for (let c = 0; c < tC; c++) {
              const x0 = xp[xi];
              const x1 = xp[xi + s1];
              const x2 = xp[xi + s2];
              const x3 = xp[xi + s3];
              const v = wp[wr];
              a0 += v * x0;
              a1 += v * x1;
              a2 += v * x2;
              a3 += v * x3;
              const v2 = wp[wr + 1];
              b0 += v2 * x0;
              b1 += v2 * x1;
              b2 += v2 * x2;
              b3 += v2 * x3;
              xi += tColX;
              wr += 2;
            }
            xr += tRowX;
          }
        }
        const o = oRow + col * outColStride;
        out[o] = a0;
        out[o + outColStride] = a1;
        out[o + 2 * outColStride] = a2;
        out[o + 3 * outColStride] = a3;
        const o2 = oRow2 + col * outColStride;
        out[o2] = b0;
        out[o2 + outColStride] = b1;
        out[o2 + 2 * outColStride] = b2;
        out[o2 + 3 * outColStride] = b3;
      }
      for (let col = full; col < nCols; col++) {
        out[oRow + col * outColStride] = cell(job, iRow + col * inColStep, wPair, init);
        out[oRow2 + col * outColStride] = cell(job, iRow + col * inColStep, wPair + 1, init2);
      }
    }
  }
}

/**
 * One output cell, the ragged end of a row: its tap (0, 0) in input channel 0 reads
 * `xp[xStart]`, its weights are every other packed value from `wp[wStart]`.
 */
function cell(job: TileJob, xStart: number, wStart: number, init: number): number {
  const { xp, xPlane, nCi, tR, tRowX, tC, tColX, wp } = job;
  let acc = init;
  let wi = wStart;
  for (let ci = 0; ci < nCi; ci++) {
    let xr = xStart + ci * xPlane;
    for (let r = 0; r < tR; r++) {
      for (let c = 0; c < tC; c++) {
        acc += wp[wi] * xp[xr + c * tColX];
        wi += 2;
      }
      xr += tRowX;
    }
  }
  return acc;
}

/**
 * Copies `planes` planes of `h × w` from `x` (starting at plane `firstPlane`) into `xp`, each at
 * row `top`, column `left` of a `hp × wp` plane. Only the interior is written: the caller
 * allocates `xp` zeroed once and reuses it, so the border stays zero. Uses `set` per row
 * rather than an element loop: a long copy loop would be compiled mid-loop on every call.
 */
export function copyPadded(
  x: Float64Array, firstPlane: number, planes: number, h: number, w: number,
  xp: Float64Array, hp: number, wp: number, top: number, left: number,
): void {
  for (let p = 0; p < planes; p++) {
    const src = (firstPlane + p) * h * w;
    const dst = p * hp * wp + top * wp + left;
    if (w === wp) xp.set(x.subarray(src, src + h * w), dst);
    else for (let y = 0; y < h; y++) xp.set(x.subarray(src + y * w, src + (y + 1) * w), dst + y * wp);
  }
}

/** Buffers up to this many elements (8 MB) are kept for the next call; larger ones are not. */
const KEEP_LIMIT = 1 << 20;
/** What the kept buffers hold: the zero-padded input copy, and the Winograd paths' transformed tiles and products. */
export type Scratch = 'padded' | 'tiles' | 'products';
const kept: Record<Scratch, Float64Array> = { padded: new Float64Array(0), tiles: new Float64Array(0), products: new Float64Array(0) };

/**
 * A Float64Array of `length` for `use`, its contents left as they were. Reuses one
 * module-level buffer per use when it is small enough: a fresh multi-megabyte array per call
 * costs page faults and garbage collection comparable to a tenth of the convolution itself.
 * The kernels are synchronous, so no two calls ever hold one at once. Allocates only when the
 * kept one is too short or `length` exceeds the keep limit.
 */
export function scratchBuffer(use: Scratch, length: number): Float64Array {
  if (length > KEEP_LIMIT) return new Float64Array(length);
  if (kept[use].length < length) kept[use] = new Float64Array(length);
  return kept[use].subarray(0, length);
}

/** A zeroed Float64Array of `length` for a padded input copy. */
export function paddedBuffer(length: number): Float64Array {
  if (length > KEEP_LIMIT) return new Float64Array(length);
  const buf = scratchBuffer('padded', length);
  buf.fill(0);
  return buf;
}

/** Per-channel starting values: the bias, or zeros. Allocates `channels` numbers. */
export function initialValues(channels: number, bias?: Float64Array): Float64Array {
  const inits = new Float64Array(channels);
  if (bias) inits.set(bias.subarray(0, channels));
  return inits;
}

/**
 * The largest padded input buffer (elements, one group) the fast kernels allocate. Beyond it
 * (huge paddings or dilations on a large input) they fall back to their plain loops, which
 * need no buffer.
 */
export const PADDED_LIMIT = 4_000_000;
