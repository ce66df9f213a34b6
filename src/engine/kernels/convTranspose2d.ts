import type { ConvTranspose2DInfo } from '../shape';
import { copyPadded, initialValues, packWeights, PADDED_LIMIT, paddedBuffer, runTileJob, scratchBuffer } from './tiles';
import { bandOf, multiplyBand, packTransformed, transform2d, transformInputs, WINOGRAD_MIN_CHANNELS, XI } from './winograd';

/**
 * Which loop `convTranspose2dKernel` runs for `info`:
 * - `'winograd'`: kernels twice the stride at dilation 1 (4 × 4 at stride 2, the usual
 *   upsampling layer), whose stride phases are all 2 × 2 correlations, with at least
 *   `WINOGRAD_MIN_CHANNELS` input channels per group and as many rows of the product
 *   (phases × output channels per group): Winograd's F(3×3, 2×2) on 4 × 4 input tiles that
 *   every phase shares (winograd.ts);
 * - `'tiled-shared'`: stride phases as dense convolutions over a zero-padded copy, with the
 *   2 channels × 4 cells register tile sharing loads between neighbouring column taps
 *   (whenever, along the width, the dilation divides the stride or no phase has two taps);
 * - `'tiled'`: the same phases, four loads per tap;
 * - `'plain'`: the scatter loop, when the padded copy would exceed `PADDED_LIMIT`.
 */
export type ConvTranspose2DPath = 'winograd' | 'tiled-shared' | 'tiled' | 'plain';

/**
 * One stride phase along one axis: the output cells o with (o + padBefore) mod s = r, and the
 * kernel taps that reach them. Cell `o0 + s·j` reads input `q0 + j − m` through tap k, where
 * k·d = s·m + r. Taps are listed in increasing input order (decreasing k).
 */
interface AxisPhase {
  /** First output cell of the phase, and how many there are (every s-th cell). */
  readonly o0: number;
  readonly count: number;
  /** Input index of the first cell before subtracting m. */
  readonly q0: number;
  /** Number of taps; the first listed is kernel index `kLast` (largest), the rest step down by `kStep`. */
  readonly taps: number;
  readonly kLast: number;
  readonly kStep: number;
  /** m of the first listed tap (largest) and of the last (smallest); m falls by `xStep` per tap. */
  readonly mLast: number;
  readonly mFirst: number;
  readonly xStep: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The s phases of one axis: stride s, dilation d, kernel k, cropped `padBefore`, `outSize` cells. */
function axisPhases(s: number, d: number, k: number, padBefore: number, outSize: number): AxisPhase[] {
  const g = gcd(s, d);
  const kStep = s / g;
  const phases: AxisPhase[] = [];
  for (let r = 0; r < s; r++) {
    // The kernel indices k with k·d ≡ r (mod s) repeat every s/g: find the first one.
    let k0 = -1;
    for (let kk = 0; kk < Math.min(k, kStep); kk++) {
      if ((kk * d) % s === r) {
        k0 = kk;
        break;
      }
    }
    const taps = k0 < 0 ? 0 : Math.floor((k - 1 - k0) / kStep) + 1;
    const kLast = taps > 0 ? k0 + (taps - 1) * kStep : 0;
    const o0 = (((r - padBefore) % s) + s) % s;
    const count = o0 < outSize ? Math.floor((outSize - 1 - o0) / s) + 1 : 0;
    phases.push({
      o0, count, q0: (o0 + padBefore - r) / s, taps, kLast, kStep,
      mLast: taps > 0 ? (kLast * d - r) / s : 0,
      mFirst: taps > 0 ? (k0 * d - r) / s : 0,
      xStep: d / g,
    });
  }
  return phases;
}

/**
 * Where the input sits in its padded copy along one axis: every phase's reads q0 + j − m must
 * land inside, so the copy extends below 0 and above `size − 1` as far as any phase reaches.
 */
function axisBuffer(phases: readonly AxisPhase[], size: number): { before: number; length: number } {
  let lo = 0;
  let hi = size - 1;
  for (const p of phases) {
    if (p.taps === 0 || p.count === 0) continue;
    lo = Math.min(lo, p.q0 - p.mLast);
    hi = Math.max(hi, p.q0 + p.count - 1 - p.mFirst);
  }
  return { before: -lo, length: hi - lo + 1 };
}

interface Plan {
  readonly rows: AxisPhase[];
  readonly cols: AxisPhase[];
  readonly bufH: { before: number; length: number };
  readonly bufW: { before: number; length: number };
}

function plan(info: ConvTranspose2DInfo): Plan {
  const rows = axisPhases(info.strideH, info.dilationH, info.kH, info.pad.top, info.outH);
  const cols = axisPhases(info.strideW, info.dilationW, info.kW, info.pad.left, info.outW);
  return { rows, cols, bufH: axisBuffer(rows, info.inH), bufW: axisBuffer(cols, info.inW) };
}

/** The loop `convTranspose2dKernel` picks for `info` (allocates only the small phase tables). */
export function convTranspose2dPath(info: ConvTranspose2DInfo): ConvTranspose2DPath {
  const p = plan(info);
  if (info.inPerGroup * p.bufH.length * p.bufW.length > PADDED_LIMIT) return 'plain';
  if (winogradPlan(info, p)) return 'winograd';
  return p.cols.every((c) => c.taps <= 1 || c.xStep === 1) ? 'tiled-shared' : 'tiled';
}

/**
 * F(3×3, 2×2) along one axis. Every phase has two neighbouring taps, so phase r's cell j
 * reads inputs δ_r + j and δ_r + j + 1 (δ_r = `windowStart`). Tile T covers the inputs from
 * P0 + 3T to P0 + 3T + 3, the same for every phase, and gives phase r its cells
 * j = P0 + 3T − δ_r + {0, 1, 2}: one input transform serves all the phases.
 */
interface WinogradAxis {
  /** The phases that have cells. */
  readonly phases: AxisPhase[];
  /** Input index read first by tile 0, and the number of tiles. */
  readonly p0: number;
  readonly tiles: number;
  /** Where the input sits in the padded copy (as `axisBuffer`). */
  readonly before: number;
  readonly length: number;
}

/** The first input that a phase's cell 0 reads (through its largest tap). */
const windowStart = (p: AxisPhase): number => p.q0 - p.mLast;

function winogradAxis(phases: readonly AxisPhase[], size: number): WinogradAxis | null {
  if (phases.some((p) => p.taps !== 2 || p.xStep !== 1)) return null;
  const live = phases.filter((p) => p.count > 0);
  if (live.length === 0) return null;
  const p0 = Math.min(...live.map(windowStart));
  const tiles = Math.ceil((Math.max(...live.map((p) => windowStart(p) + p.count)) - p0) / 3);
  const lo = Math.min(p0, 0);
  const hi = Math.max(p0 + 3 * tiles, size - 1);
  return { phases: live, p0, tiles, before: -lo, length: hi - lo + 1 };
}

interface WinogradPlan {
  readonly rows: WinogradAxis;
  readonly cols: WinogradAxis;
}

/** The Winograd layout for `info`, or null when the path does not apply (see `ConvTranspose2DPath`). */
function winogradPlan(info: ConvTranspose2DInfo, p: Plan): WinogradPlan | null {
  const rows = winogradAxis(p.rows, info.inH);
  const cols = winogradAxis(p.cols, info.inW);
  if (!rows || !cols) return null;
  const productRows = rows.phases.length * cols.phases.length * info.outPerGroup;
  if (info.inPerGroup < WINOGRAD_MIN_CHANNELS || productRows < WINOGRAD_MIN_CHANNELS) return null;
  const { nPad } = bandOf(rows.tiles, cols.tiles);
  const fits = info.inPerGroup * rows.length * cols.length <= PADDED_LIMIT && XI * Math.max(info.inPerGroup, productRows + 1) * nPad <= PADDED_LIMIT;
  return fits ? { rows, cols } : null;
}

/**
 * Transposed convolution kernel: trusts `info`.
 * x `[N, Cin, h, w]`, w `[Cin, Cout/g, kH, kW]`, bias `[Cout]` → `[N, Cout, outH, outW]`.
 * Allocates the output, the weights of every phase repacked in tile order, and (unless a kept
 * one is large enough) a zero-padded copy of one group's input planes.
 *
 * Stride-phase decomposition. The scatter puts x[i]·w[k] at full position i·s + k·d (then
 * `pad` crops the full result). Seen from an output cell at full position f = s·q + r, only
 * the taps with k·d ≡ r (mod s) reach it, from inputs i = q − m where k·d = s·m + r. So the
 * cells of one phase r (every s-th cell) form a dense, stride-1 correlation of the input with
 * the sub-kernel of those taps, reversed. With s phases per axis, s² small dense convolutions
 * cover every output cell exactly once: no inserted zeros are multiplied, no cell is written
 * twice, and each phase of each group is a tile job (tiles.ts) over a zero-padded copy of the
 * input (padded as far as the phases reach past its edges).
 *
 * Example, k = 4, s = 2, p = 1 along one axis: output cell 2q (full position 2q + 1) gets
 * w[1]·x[q] + w[3]·x[q − 1]; cell 2q + 1 gets w[0]·x[q + 1] + w[2]·x[q]. Two 2-tap
 * convolutions per axis, four 2×2 convolutions in all, a quarter of the zero-inserted form's
 * multiplications.
 *
 * Output padding rows/columns need nothing special: they are cells whose inputs lie in the
 * padding, so they come out as the bias.
 *
 * When every phase is a 2 × 2 correlation (k = 2s, enough channels), the phases run on the
 * Winograd path instead of tile jobs (see `ConvTranspose2DPath`).
 */
export function convTranspose2dKernel(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const p = plan(info);
  const hp = p.bufH.length;
  const wp = p.bufW.length;
  if (info.inPerGroup * hp * wp > PADDED_LIMIT) return convTranspose2dPlain(info, x, w, bias);
  const wino = winogradPlan(info, p);
  if (wino) return convTranspose2dWinograd(info, wino, x, w, bias);
  const { batch, inChannels, inH, inW, outChannels, outH, outW, groups, inPerGroup, outPerGroup, kH, kW, strideH, strideW } = info;
  const out = new Float64Array(batch * outChannels * outH * outW);
  const xp = paddedBuffer(inPerGroup * hp * wp);
  const inits = initialValues(outChannels, bias);
  const kernelPlane = kH * kW;
  // Weights of each (group, row phase, column phase), packed once for the whole batch.
  const packed: Float64Array[] = [];
  for (let g = 0; g < groups; g++) {
    for (const py of p.rows) {
      for (const px of p.cols) {
        const layout = {
          w, wOff: g * inPerGroup * outPerGroup * kernelPlane + py.kLast * kW + px.kLast,
          wCoStride: kernelPlane, wCi: outPerGroup * kernelPlane, tRowW: -py.kStep * kW, tColW: -px.kStep,
        };
        packed.push(packWeights(layout, outPerGroup, inPerGroup, py.taps, px.taps));
      }
    }
  }
  for (let n = 0; n < batch; n++) {
    let job = 0;
    for (let g = 0; g < groups; g++) {
      copyPadded(x, n * inChannels + g * inPerGroup, inPerGroup, inH, inW, xp, hp, wp, p.bufH.before, p.bufW.before);
      const co = g * outPerGroup;
      for (const py of p.rows) {
        for (const px of p.cols) {
          runTileJob({
            xp, xPlane: hp * wp, nCi: inPerGroup,
            inOff: (py.q0 - py.mLast + p.bufH.before) * wp + (px.q0 - px.mLast + p.bufW.before),
            inRowStep: wp, inColStep: 1,
            tR: py.taps, tRowX: py.xStep * wp, tC: px.taps, tColX: px.xStep,
            wp: packed[job++],
            out, outOff: (n * outChannels + co) * outH * outW + py.o0 * outW + px.o0,
            outCoStride: outH * outW, outRowStride: strideH * outW, outColStride: strideW,
            nCo: outPerGroup, nRows: py.count, nCols: px.count,
            inits, initOff: co,
          });
        }
      }
    }
  }
  return out;
}

/** F(3×3, 2×2)'s kernel transform (4 × 2): C h Cᵀ is the 4 × 4 transformed 2 × 2 kernel h. */
const C2 = [1, 0, 0.5, 0.5, 0.5, -0.5, 0, -1];

/**
 * The `'winograd'` path (same contract as `convTranspose2dKernel`). Each phase pair
 * (row phase, column phase) is a 2 × 2 correlation; the rows of the matrix product are every
 * phase pair's output channels, so one input transform and one product per band serve all of
 * them. Allocates the output and the transformed weights; the padded copy and the band
 * buffers are kept ones.
 */
function convTranspose2dWinograd(info: ConvTranspose2DInfo, plan: WinogradPlan, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const { batch, inChannels, inH, inW, outChannels, outH, outW, groups, inPerGroup, outPerGroup, kH, kW, strideH, strideW } = info;
  const { rows, cols } = plan;
  const hp = rows.length;
  const wp = cols.length;
  const band = bandOf(rows.tiles, cols.tiles);
  const productRows = rows.phases.length * cols.phases.length * outPerGroup;
  const pairs = (productRows + 1) >> 1;
  const out = new Float64Array(batch * outChannels * outH * outW);
  const inits = initialValues(outChannels, bias);
  const xp = paddedBuffer(inPerGroup * hp * wp);
  const v = scratchBuffer('tiles', XI * inPerGroup * band.nPad);
  const m = scratchBuffer('products', XI * 2 * pairs * band.nPad);
  // Row co of the product: phase pair ⌊co / outPerGroup⌋ (row phase major), channel co mod outPerGroup.
  const h = new Float64Array(4);
  const packed: Float64Array[] = [];
  for (let g = 0; g < groups; g++) {
    packed.push(
      packTransformed(productRows, inPerGroup, (co, ci, into) => {
        const py = rows.phases[Math.floor(co / outPerGroup / cols.phases.length)];
        const px = cols.phases[Math.floor(co / outPerGroup) % cols.phases.length];
        const base = ((g * inPerGroup + ci) * outPerGroup + (co % outPerGroup)) * kH * kW;
        // The two taps of each axis in input order: kLast, then kLast − kStep.
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) h[i * 2 + j] = w[base + (py.kLast - i * py.kStep) * kW + px.kLast - j * px.kStep];
        }
        transform2d(C2, 2, h, into);
      }),
    );
  }
  const first = (rows.p0 + rows.before) * wp + cols.p0 + cols.before;
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      copyPadded(x, n * inChannels + g * inPerGroup, inPerGroup, inH, inW, xp, hp, wp, rows.before, cols.before);
      const co = g * outPerGroup;
      for (let ty = 0; ty < rows.tiles; ty += band.rows) {
        const r = Math.min(band.rows, rows.tiles - ty);
        transformInputs(xp, hp * wp, inPerGroup, first + 3 * ty * wp, wp, 3, r, cols.tiles, v, band.nPad);
        multiplyBand(v, packed[g], m, inPerGroup, pairs, band.nPad, r * cols.tiles);
        let row = 0;
        for (const py of rows.phases) {
          for (const px of cols.phases) {
            outputTiles3x3(m, band.nPad, row, outPerGroup, r, cols.tiles, {
              out, outOff: (n * outChannels + co) * outH * outW, outCoStride: outH * outW,
              y0: py.o0 * outW, yStep: strideH * outW, jy0: rows.p0 + 3 * ty - windowStart(py), yCount: py.count,
              x0: px.o0, xStep: strideW, jx0: cols.p0 - windowStart(px), xCount: px.count,
              inits, initOff: co,
            });
            row += outPerGroup;
          }
        }
      }
    }
  }
  return out;
}

/** Where one phase pair's cells go: cell (jy, jx) is out[outOff + k·outCoStride + y0 + jy·yStep + x0 + jx·xStep]. */
interface PhaseOutput {
  readonly out: Float64Array;
  readonly outOff: number;
  readonly outCoStride: number;
  readonly y0: number;
  readonly yStep: number;
  readonly x0: number;
  readonly xStep: number;
  /** Cell of the band's first tile (before its 0, 1, 2), and the phase's cell count, per axis. */
  readonly jy0: number;
  readonly yCount: number;
  readonly jx0: number;
  readonly xCount: number;
  readonly inits: Float64Array;
  readonly initOff: number;
}

/** The nine results of a tile at the edge of its phase, before the ones that exist are stored. */
const edgeTile = new Float64Array(9);

/**
 * F(3×3, 2×2)'s output transform Aᵀ M A, Aᵀ = [[1, 1, 1, 0], [0, 1, −1, 0], [0, 1, 1, 1]], plus
 * the bias, for one phase pair: rows `row` … `row + nCo − 1` of M (laid out [co][ξ][t], see
 * winograd.ts), the band's `rows × cols` tiles. Cells beyond the phase's are dropped.
 */
function outputTiles3x3(m: Float64Array, nPad: number, row: number, nCo: number, rows: number, cols: number, to: PhaseOutput): void {
  const { out, outCoStride, y0, yStep, x0, xStep, yCount, xCount, inits } = to;
  for (let k = 0; k < nCo; k++) {
    const init = inits[to.initOff + k];
    const plane = to.outOff + k * outCoStride + y0 + x0;
    for (let ty = 0; ty < rows; ty++) {
      const jy = to.jy0 + 3 * ty;
      let o = (row + k) * nPad * XI + ty * cols;
      for (let tx = 0; tx < cols; tx++) {
        const jx = to.jx0 + 3 * tx;
        let q = o;
        const m00 = m[q];
        const m01 = m[(q += nPad)];
        const m02 = m[(q += nPad)];
        const m03 = m[(q += nPad)];
        const m10 = m[(q += nPad)];
        const m11 = m[(q += nPad)];
        const m12 = m[(q += nPad)];
        const m13 = m[(q += nPad)];
        const m20 = m[(q += nPad)];
        const m21 = m[(q += nPad)];
        const m22 = m[(q += nPad)];
        const m23 = m[(q += nPad)];
        const m30 = m[(q += nPad)];
        const m31 = m[(q += nPad)];
        const m32 = m[(q += nPad)];
        const m33 = m[(q += nPad)];
        // Aᵀ M, its columns named a … d: row 0 is a0 … d0, row 1 a3 … d3, row 2 a2 … d2.
        // Then each row times A.
        const a1 = m10 + m20;
        const b1 = m11 + m21;
        const c1 = m12 + m22;
        const d1 = m13 + m23;
        const a0 = m00 + a1;
        const b0 = m01 + b1;
        const c0 = m02 + c1;
        const d0 = m03 + d1;
        const a2 = a1 + m30;
        const b2 = b1 + m31;
        const c2 = c1 + m32;
        const d2 = d1 + m33;
        const a3 = m10 - m20;
        const b3 = m11 - m21;
        const c3 = m12 - m22;
        const d3 = m13 - m23;
        const s0 = b0 + c0;
        const s1 = b3 + c3;
        const s2 = b2 + c2;
        if (jy >= 0 && jy + 2 < yCount && jx >= 0 && jx + 2 < xCount) {
          let at = plane + jy * yStep + jx * xStep;
          out[at] = init + (a0 + s0);
          out[at + xStep] = init + (b0 - c0);
          out[at + 2 * xStep] = init + (s0 + d0);
          at += yStep;
          out[at] = init + (a3 + s1);
          out[at + xStep] = init + (b3 - c3);
          out[at + 2 * xStep] = init + (s1 + d3);
          at += yStep;
          out[at] = init + (a2 + s2);
          out[at + xStep] = init + (b2 - c2);
          out[at + 2 * xStep] = init + (s2 + d2);
        } else {
          // A tile at the edge of the phase: only some of its cells exist.
          const z = edgeTile;
          z[0] = a0 + s0;
          z[1] = b0 - c0;
          z[2] = s0 + d0;
          z[3] = a3 + s1;
          z[4] = b3 - c3;
          z[5] = s1 + d3;
          z[6] = a2 + s2;
          z[7] = b2 - c2;
          z[8] = s2 + d2;
          const uEnd = yCount - jy < 3 ? yCount - jy : 3;
          const cStart = jx < 0 ? -jx : 0;
          const cEnd = xCount - jx < 3 ? xCount - jx : 3;
          for (let u = jy < 0 ? -jy : 0; u < uEnd; u++) {
            const at = plane + (jy + u) * yStep + jx * xStep;
            for (let c = cStart; c < cEnd; c++) out[at + c * xStep] = init + z[u * 3 + c];
          }
        }
        o++;
      }
    }
  }
}

/**
 * The plain scatter: every input cell stamps its kernel onto the output, with border tests.
 * No buffer at all, for shapes whose padded copy would be too large. Same contract as
 * `convTranspose2dKernel`; allocates the output only.
 */
export function convTranspose2dPlain(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const { batch, inChannels, inH, inW, outChannels, outH, outW, inPerGroup, outPerGroup } = info;
  const { kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  const out = new Float64Array(batch * outChannels * outH * outW);
  if (bias) {
    for (let n = 0; n < batch; n++) {
      for (let co = 0; co < outChannels; co++) {
        const o = (n * outChannels + co) * outH * outW;
        out.fill(bias[co], o, o + outH * outW);
      }
    }
  }
  for (let n = 0; n < batch; n++) {
    for (let ci = 0; ci < inChannels; ci++) {
      const g = Math.floor(ci / inPerGroup);
      for (let iy = 0; iy < inH; iy++) {
        for (let ix = 0; ix < inW; ix++) {
          const v = x[((n * inChannels + ci) * inH + iy) * inW + ix];
          for (let cj = 0; cj < outPerGroup; cj++) {
            const oBase = (n * outChannels + g * outPerGroup + cj) * outH * outW;
            const wBase = (ci * outPerGroup + cj) * kH * kW;
            for (let ky = 0; ky < kH; ky++) {
              const oy = iy * strideH - pad.top + ky * dilationH;
              if (oy < 0 || oy >= outH) continue;
              for (let kx = 0; kx < kW; kx++) {
                const ox = ix * strideW - pad.left + kx * dilationW;
                if (ox < 0 || ox >= outW) continue;
                out[oBase + oy * outW + ox] += v * w[wBase + ky * kW + kx];
              }
            }
          }
        }
      }
    }
  }
  return out;
}
