import type { ConvTranspose2DInfo } from '../shape';
import { copyPadded, initialValues, packWeights, PADDED_LIMIT, paddedBuffer, runTileJob } from './tiles';

/**
 * Which loop `convTranspose2dKernel` runs for `info`:
 * - `'tiled-shared'`: stride phases as dense convolutions over a zero-padded copy, with the
 *   2 channels × 4 cells register tile sharing loads between neighbouring column taps
 *   (whenever, along the width, the dilation divides the stride or no phase has two taps);
 * - `'tiled'`: the same phases, four loads per tap;
 * - `'plain'`: the scatter loop, when the padded copy would exceed `PADDED_LIMIT`.
 */
export type ConvTranspose2DPath = 'tiled-shared' | 'tiled' | 'plain';

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
  return p.cols.every((c) => c.taps <= 1 || c.xStep === 1) ? 'tiled-shared' : 'tiled';
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
 */
export function convTranspose2dKernel(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const p = plan(info);
  const hp = p.bufH.length;
  const wp = p.bufW.length;
  if (info.inPerGroup * hp * wp > PADDED_LIMIT) return convTranspose2dPlain(info, x, w, bias);
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
