import type { Conv2DInfo } from '../shape';
import { copyPadded, initialValues, packWeights, PADDED_LIMIT, paddedBuffer, runTileJob, scratchBuffer, sharesLoads } from './tiles';
import { bandOf, multiplyBand, packTransformed, transform2d, transformInputs, WINOGRAD_MIN_CHANNELS, XI } from './winograd';

/**
 * Which loop `conv2dKernel` runs for `info`:
 * - `'winograd'`: 3 × 3 kernels at stride 1 and dilation 1 with at least
 *   `WINOGRAD_MIN_CHANNELS` input and output channels per group: Winograd's F(2×2, 3×3) over
 *   a zero-padded copy (winograd.ts), 16 multiplications per 2 × 2 outputs and input channel
 *   instead of 36;
 * - `'tiled-shared'`: zero-padded copy + a register tile of 2 channels × 4 cells whose
 *   neighbouring column taps share their loads (stride 1 and dilation 1 along the width);
 * - `'tiled'`: the same tile with four loads per tap (other width strides and dilations);
 * - `'plain'`: the six-loop form, when the padded copy would exceed `PADDED_LIMIT`.
 */
export type Conv2DPath = 'winograd' | 'tiled-shared' | 'tiled' | 'plain';

/** The loop `conv2dKernel` picks for `info` (no allocation). */
export function conv2dPath(info: Conv2DInfo): Conv2DPath {
  const { hp, wp } = paddedSize(info);
  if (info.inPerGroup * hp * wp > PADDED_LIMIT) return 'plain';
  if (winogradFits(info)) return 'winograd';
  return sharesLoads({ inColStep: info.strideW, tC: info.kW, tColX: info.dilationW }) ? 'tiled-shared' : 'tiled';
}

/**
 * The 2 × 2 output tiles (down, across) and the padded input they read: one row or column
 * more than the padded input when the output's height or width is odd.
 */
function winogradSize(info: Conv2DInfo): { tilesY: number; tilesX: number; hp: number; wp: number } {
  const tilesY = (info.outH + 1) >> 1;
  const tilesX = (info.outW + 1) >> 1;
  return { tilesY, tilesX, hp: 2 * tilesY + 2, wp: 2 * tilesX + 2 };
}

function winogradFits(info: Conv2DInfo): boolean {
  const { kH, kW, strideH, strideW, dilationH, dilationW, inPerGroup, outPerGroup } = info;
  if (kH !== 3 || kW !== 3 || strideH !== 1 || strideW !== 1 || dilationH !== 1 || dilationW !== 1) return false;
  if (inPerGroup < WINOGRAD_MIN_CHANNELS || outPerGroup < WINOGRAD_MIN_CHANNELS) return false;
  const { tilesY, tilesX, hp, wp } = winogradSize(info);
  const { nPad } = bandOf(tilesY, tilesX);
  return inPerGroup * hp * wp <= PADDED_LIMIT && XI * Math.max(inPerGroup, outPerGroup + 1) * nPad <= PADDED_LIMIT;
}

function paddedSize(info: Conv2DInfo): { hp: number; wp: number } {
  return { hp: info.inH + info.pad.top + info.pad.bottom, wp: info.inW + info.pad.left + info.pad.right };
}

/**
 * Convolution kernel (cross-correlation, as every framework): trusts `info`.
 * x `[N, Cin, H, W]`, w `[Cout, Cin/g, kH, kW]`, bias `[Cout]` → `[N, Cout, outH, outW]`.
 * Allocates the output, the weights repacked in tile order, and (unless a kept one is large
 * enough) a zero-padded copy of one group's input planes.
 *
 * Except on the Winograd path: direct convolution over a zero-padded copy. With the border
 * materialised, every output cell reads a fixed pattern of offsets and the inner loops need
 * no border tests. Each group (of each batch item) is one tile job (tiles.ts): four
 * neighbouring output cells of two channels accumulate in locals over all input channels of
 * the group and all kernel taps, then are stored once.
 */
export function conv2dKernel(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const path = conv2dPath(info);
  if (path === 'plain') return conv2dPlain(info, x, w, bias);
  if (path === 'winograd') return conv2dWinograd(info, x, w, bias);
  const { batch, inChannels, inH, inW, outChannels, outH, outW, groups, inPerGroup, outPerGroup } = info;
  const { kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  const { hp, wp } = paddedSize(info);
  const out = new Float64Array(batch * outChannels * outH * outW);
  const xp = paddedBuffer(inPerGroup * hp * wp);
  const inits = initialValues(outChannels, bias);
  // Weights of each group, packed once for the whole batch.
  const packed: Float64Array[] = [];
  for (let g = 0; g < groups; g++) {
    const layout = { w, wOff: g * outPerGroup * inPerGroup * kH * kW, wCoStride: inPerGroup * kH * kW, wCi: kH * kW, tRowW: kW, tColW: 1 };
    packed.push(packWeights(layout, outPerGroup, inPerGroup, kH, kW));
  }
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      copyPadded(x, n * inChannels + g * inPerGroup, inPerGroup, inH, inW, xp, hp, wp, pad.top, pad.left);
      const co = g * outPerGroup;
      runTileJob({
        xp, xPlane: hp * wp, nCi: inPerGroup,
        inOff: 0, inRowStep: strideH * wp, inColStep: strideW,
        tR: kH, tRowX: dilationH * wp, tC: kW, tColX: dilationW,
        wp: packed[g],
        out, outOff: (n * outChannels + co) * outH * outW, outCoStride: outH * outW, outRowStride: outW, outColStride: 1,
        nCo: outPerGroup, nRows: outH, nCols: outW,
        inits, initOff: co,
      });
    }
  }
  return out;
}

/** F(2×2, 3×3)'s kernel transform G (4 × 3): G g Gᵀ is the 4 × 4 transformed kernel. */
const G3 = [1, 0, 0, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0, 0, 1];

/**
 * The `'winograd'` path (same contract as `conv2dKernel`): per batch item and group, the
 * input is copied into a zero-padded buffer covering whole 2 × 2 output tiles, then each band
 * of tile rows is transformed, multiplied and transformed back (winograd.ts). Allocates the
 * output and the transformed weights; the padded copy and the band buffers are kept ones.
 */
function conv2dWinograd(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const { batch, inChannels, inH, inW, outChannels, outH, outW, groups, inPerGroup, outPerGroup, pad } = info;
  const { tilesY, tilesX, hp, wp } = winogradSize(info);
  const { rows, nPad } = bandOf(tilesY, tilesX);
  const pairs = (outPerGroup + 1) >> 1;
  const out = new Float64Array(batch * outChannels * outH * outW);
  const inits = initialValues(outChannels, bias);
  const xp = paddedBuffer(inPerGroup * hp * wp);
  const v = scratchBuffer('tiles', XI * inPerGroup * nPad);
  const m = scratchBuffer('products', XI * 2 * pairs * nPad);
  const g = new Float64Array(9);
  const packed: Float64Array[] = [];
  for (let gr = 0; gr < groups; gr++) {
    packed.push(
      packTransformed(outPerGroup, inPerGroup, (k, ci, into) => {
        const at = ((gr * outPerGroup + k) * inPerGroup + ci) * 9;
        g.set(w.subarray(at, at + 9));
        transform2d(G3, 3, g, into);
      }),
    );
  }
  for (let n = 0; n < batch; n++) {
    for (let gr = 0; gr < groups; gr++) {
      copyPadded(x, n * inChannels + gr * inPerGroup, inPerGroup, inH, inW, xp, hp, wp, pad.top, pad.left);
      const co = gr * outPerGroup;
      for (let ty = 0; ty < tilesY; ty += rows) {
        const r = Math.min(rows, tilesY - ty);
        transformInputs(xp, hp * wp, inPerGroup, 2 * ty * wp, wp, 2, r, tilesX, v, nPad);
        multiplyBand(v, packed[gr], m, inPerGroup, pairs, nPad, r * tilesX);
        outputTiles2x2(m, nPad, outPerGroup, r, tilesX, out, (n * outChannels + co) * outH * outW, 2 * ty, outH, outW, inits, co);
      }
    }
  }
  return out;
}

/**
 * F(2×2, 3×3)'s output transform Aᵀ M A, Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]], plus the bias,
 * for `nCo` channels × the band's `rows × cols` tiles (M laid out [co][ξ][t], see
 * winograd.ts). Tile (ty, tx) writes output rows oy0 + 2ty (+1) and columns 2tx (+1), those
 * that exist.
 */
function outputTiles2x2(
  m: Float64Array, nPad: number, nCo: number, rows: number, cols: number,
  out: Float64Array, outOff: number, oy0: number, outH: number, outW: number, inits: Float64Array, initOff: number,
): void {
  for (let k = 0; k < nCo; k++) {
    const init = inits[initOff + k];
    const plane = outOff + k * outH * outW;
    for (let ty = 0; ty < rows; ty++) {
      const oy = oy0 + 2 * ty;
      const both = oy + 1 < outH;
      let o = k * nPad * XI + ty * cols;
      for (let tx = 0; tx < cols; tx++) {
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
        const r0 = m01 + m11 + m21;
        const r1 = m02 + m12 + m22;
        const s0 = m11 - m21 - m31;
        const s1 = m12 - m22 - m32;
        const ox = 2 * tx;
        const at = plane + oy * outW + ox;
        out[at] = init + (m00 + m10 + m20 + r0 + r1);
        if (ox + 1 < outW) out[at + 1] = init + (r0 - r1 - (m03 + m13 + m23));
        if (both) {
          out[at + outW] = init + (m10 - m20 - m30 + s0 + s1);
          if (ox + 1 < outW) out[at + outW + 1] = init + (s0 - s1 - (m13 - m23 - m33));
        }
        o++;
      }
    }
  }
}

/**
 * The plain six-loop convolution with border tests: no buffer at all, for shapes whose padded
 * copy would be too large. Same contract as `conv2dKernel`; allocates the output only.
 */
export function conv2dPlain(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const { batch, inChannels, inH, inW, outChannels, outH, outW, inPerGroup, outPerGroup } = info;
  const { kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  const out = new Float64Array(batch * outChannels * outH * outW);
  for (let n = 0; n < batch; n++) {
    for (let co = 0; co < outChannels; co++) {
      const g = Math.floor(co / outPerGroup);
      const b = bias ? bias[co] : 0;
      for (let oy = 0; oy < outH; oy++) {
        for (let ox = 0; ox < outW; ox++) {
          let acc = b;
          for (let ci = 0; ci < inPerGroup; ci++) {
            const xBase = (n * inChannels + g * inPerGroup + ci) * inH * inW;
            const wBase = (co * inPerGroup + ci) * kH * kW;
            for (let ky = 0; ky < kH; ky++) {
              const iy = oy * strideH - pad.top + ky * dilationH;
              if (iy < 0 || iy >= inH) continue;
              for (let kx = 0; kx < kW; kx++) {
                const ix = ox * strideW - pad.left + kx * dilationW;
                if (ix < 0 || ix >= inW) continue;
                acc += x[xBase + iy * inW + ix] * w[wBase + ky * kW + kx];
              }
            }
          }
          out[((n * outChannels + co) * outH + oy) * outW + ox] = acc;
        }
      }
    }
  }
  return out;
}
