/**
 * Winograd's minimal filtering on 4 × 4 input tiles, the shared core of two fast paths:
 * - the 3 × 3 convolution at stride 1 (conv2d.ts): F(2×2, 3×3), 16 multiplications per input
 *   channel for a 2 × 2 block of outputs instead of 36;
 * - the transposed convolution whose stride phases are all 2 × 2 correlations, such as 4 × 4
 *   at stride 2 (convTranspose2d.ts): F(3×3, 2×2), 16 multiplications for a 3 × 3 block of
 *   each phase instead of 36.
 *
 * Both use the evaluation points 0, 1, −1 and ∞, whose transforms hold only 0, ±1 and ±½: on
 * integer data every intermediate value is a multiple of ¼ and every sum is exact, as in the
 * direct loops, so integer examples still give exact integers. On other data the results
 * differ from the direct sums by rounding only, around 1e-15 of the size of the tile's terms
 * (not of the cell's own: see `WINOGRAD_MIN_CHANNELS`).
 *
 * One band of tile rows at a time:
 * 1. input transform (`transformInputs`): V = Bᵀ d B for every 4 × 4 input tile d of every
 *    input channel, Bᵀ turning four values into [d0 − d2, d1 + d2, d2 − d1, d1 − d3];
 * 2. products (`multiplyBand`): for each of the 16 transformed positions ξ, a matrix product
 *    M_ξ[co][t] = Σ_ci U_ξ[co][ci] · V_ξ[ci][t], U the transformed kernel (`packTransformed`,
 *    once per call). This step holds all the multiplications: a register tile of 2 rows × 4
 *    tiles in eight locals, the inner loop over input channels;
 * 3. output transform (by the caller, which knows where its outputs go): sums of ±M_ξ.
 *
 * Layouts: V is [ci][ξ][t] and M is [co][ξ][t], so a tile's 16 values are `nPad` apart and the
 * product reads four neighbouring tiles at once; U is [ξ][pair of rows][ci][2]. t is the
 * tile's index in its band, which has room for `nPad` (a multiple of 4) tiles; the product
 * runs over whole groups of 4, and the results of the padding tiles are never read.
 *
 * Only Float64Array reaches these loops (see tiles.ts).
 */

/**
 * The Winograd paths start at this many input channels per group and rows of the product
 * (output channels per group; for a transposed convolution, stride phases × those). The
 * transforms pay for themselves only when enough channels share them. Measured here: a 3 × 3
 * convolution on 64 × 64 and a 4 × 4 stride-2 transposed one on 32 × 32 run as fast either
 * way at 4 channels, 1.2–1.3× faster with Winograd at 8, 1.4–1.6× at 16; with 1–3 channels
 * the direct tiles are faster. Below it, too, every output stays a plain sum of its own terms:
 * Winograd's rounding follows the size of the whole tile, so a cell whose exact value is 0
 * can come out as ±1e-16 × its neighbours on non-integer data. The explorer's problems (at
 * most 4 channels) keep the direct loops.
 */
export const WINOGRAD_MIN_CHANNELS = 8;

/** Transformed positions per tile. */
export const XI = 16;

/** Bands hold about this many tiles: enough to amortise each pass, few enough to stay in cache. */
const BAND_TILES = 64;

/** A band of whole tile rows: how many rows, and the tile count padded to a multiple of 4. */
export interface Band {
  readonly rows: number;
  readonly nPad: number;
}

export function bandOf(tileRows: number, tileCols: number): Band {
  const rows = Math.max(1, Math.min(tileRows, Math.ceil(BAND_TILES / tileCols)));
  return { rows, nPad: (rows * tileCols + 3) & ~3 };
}

/**
 * The transformed kernel for `nCo` rows of the product × `nCi` input channels, in the layout
 * `multiplyBand` reads: `[ξ][pair][ci][2]`, row 2p + j at `j` (an odd last row is paired with
 * itself). `transform(co, ci, into)` writes the 16 values of one (row, input channel).
 */
export function packTransformed(nCo: number, nCi: number, transform: (co: number, ci: number, into: Float64Array) => void): Float64Array {
  const pairs = (nCo + 1) >> 1;
  const u = new Float64Array(XI * pairs * nCi * 2);
  const one = new Float64Array(XI);
  for (let co = 0; co < 2 * pairs; co++) {
    const src = co < nCo ? co : nCo - 1;
    for (let ci = 0; ci < nCi; ci++) {
      transform(src, ci, one);
      for (let xi = 0; xi < XI; xi++) u[((xi * pairs + (co >> 1)) * nCi + ci) * 2 + (co & 1)] = one[xi];
    }
  }
  return u;
}

/** A kernel transform: into = c · g · cᵀ for an n × n kernel `g` and a 4 × n matrix `c` (both row-major). */
export function transform2d(c: readonly number[], n: number, g: Float64Array, into: Float64Array): void {
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const ca = c[a * n + i];
        if (ca === 0) continue;
        for (let j = 0; j < n; j++) s += ca * c[b * n + j] * g[i * n + j];
      }
      into[a * 4 + b] = s;
    }
  }
}

/**
 * Input transform of one band: `rows × cols` tiles of each of `nCi` planes of `xp` (planes
 * `xPlane` apart, rows `rowStride` apart). Tile (ty, tx) is the 4 × 4 block whose top-left
 * cell is `first + ty·step·rowStride + tx·step` in its plane; it becomes V[ci][ξ][t],
 * t = ty·cols + tx. Allocates nothing.
 */
export function transformInputs(
  xp: Float64Array, xPlane: number, nCi: number, first: number, rowStride: number, step: number,
  rows: number, cols: number, v: Float64Array, nPad: number,
): void {
  const s2 = 2 * nPad;
  const s3 = 3 * nPad;
  for (let ci = 0; ci < nCi; ci++) {
    let o = ci * nPad * XI;
    for (let ty = 0; ty < rows; ty++) {
      let r0 = ci * xPlane + first + ty * step * rowStride;
      for (let tx = 0; tx < cols; tx++) {
        const r1 = r0 + rowStride;
        const r2 = r1 + rowStride;
        const r3 = r2 + rowStride;
        // Bᵀ d: the four transformed rows, column by column.
        const a0 = xp[r0] - xp[r2];
        const b0 = xp[r1] + xp[r2];
        const c0 = xp[r2] - xp[r1];
        const d0 = xp[r1] - xp[r3];
        const a1 = xp[r0 + 1] - xp[r2 + 1];
        const b1 = xp[r1 + 1] + xp[r2 + 1];
        const c1 = xp[r2 + 1] - xp[r1 + 1];
        const d1 = xp[r1 + 1] - xp[r3 + 1];
        const a2 = xp[r0 + 2] - xp[r2 + 2];
        const b2 = xp[r1 + 2] + xp[r2 + 2];
        const c2 = xp[r2 + 2] - xp[r1 + 2];
        const d2 = xp[r1 + 2] - xp[r3 + 2];
        const a3 = xp[r0 + 3] - xp[r2 + 3];
        const b3 = xp[r1 + 3] + xp[r2 + 3];
        const c3 = xp[r2 + 3] - xp[r1 + 3];
        const d3 = xp[r1 + 3] - xp[r3 + 3];
        // (Bᵀ d) B: the same along each row.
        let q = o;
        v[q] = a0 - a2;
        v[q + nPad] = a1 + a2;
        v[q + s2] = a2 - a1;
        v[q + s3] = a1 - a3;
        q += 4 * nPad;
        v[q] = b0 - b2;
        v[q + nPad] = b1 + b2;
        v[q + s2] = b2 - b1;
        v[q + s3] = b1 - b3;
        q += 4 * nPad;
        v[q] = c0 - c2;
        v[q + nPad] = c1 + c2;
        v[q + s2] = c2 - c1;
        v[q + s3] = c1 - c3;
        q += 4 * nPad;
        v[q] = d0 - d2;
        v[q + nPad] = d1 + d2;
        v[q + s2] = d2 - d1;
        v[q + s3] = d1 - d3;
        o++;
        r0 += step;
      }
    }
  }
}

/**
 * M_ξ[co][t] = Σ_ci U_ξ[co][ci] · V_ξ[ci][t] for the 16 ξ, `2·pairs` rows co, the first
 * `tiles` tiles (rounded up to a multiple of 4) of bands laid out for `nPad`. Two rows × four
 * tiles per pass in eight local accumulators. Allocates nothing.
 */
export function multiplyBand(v: Float64Array, u: Float64Array, m: Float64Array, nCi: number, pairs: number, nPad: number, tiles: number): void {
  const used = (tiles + 3) & ~3;
  const ciStride = nPad * XI;
  for (let xi = 0; xi < XI; xi++) {
    for (let p = 0; p < pairs; p++) {
      const uPair = (xi * pairs + p) * nCi * 2;
      const m0 = (2 * p * XI + xi) * nPad;
      const m1 = m0 + nPad * XI;
      for (let t = 0; t < used; t += 4) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let b0 = 0;
        let b1 = 0;
        let b2 = 0;
        let b3 = 0;
        let vi = xi * nPad + t;
        let ui = uPair;
        for (let ci = 0; ci < nCi; ci++) {
          const v0 = v[vi];
          const v1 = v[vi + 1];
          const v2 = v[vi + 2];
          const v3 = v[vi + 3];
          const u0 = u[ui];
          const u1 = u[ui + 1];
          a0 += u0 * v0;
          a1 += u0 * v1;
          a2 += u0 * v2;
          a3 += u0 * v3;
          b0 += u1 * v0;
          b1 += u1 * v1;
          b2 += u1 * v2;
          b3 += u1 * v3;
          vi += ciStride;
          ui += 2;
        }
        m[m0 + t] = a0;
        m[m0 + t + 1] = a1;
        m[m0 + t + 2] = a2;
        m[m0 + t + 3] = a3;
        m[m1 + t] = b0;
        m[m1 + t + 1] = b1;
        m[m1 + t + 2] = b2;
        m[m1 + t + 3] = b3;
      }
    }
  }
}
