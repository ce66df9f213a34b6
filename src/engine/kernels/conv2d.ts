import type { Conv2DInfo } from '../shape';
import { copyPadded, initialValues, packWeights, PADDED_LIMIT, paddedBuffer, runTileJob, sharesLoads } from './tiles';

/**
 * Which loop `conv2dKernel` runs for `info`:
 * - `'tiled-shared'`: zero-padded copy + a register tile of 2 channels × 4 cells whose
 *   neighbouring column taps share their loads (stride 1 and dilation 1 along the width);
 * - `'tiled'`: the same tile with four loads per tap (other width strides and dilations);
 * - `'plain'`: the six-loop form, when the padded copy would exceed `PADDED_LIMIT`.
 */
export type Conv2DPath = 'tiled-shared' | 'tiled' | 'plain';

/** The loop `conv2dKernel` picks for `info` (no allocation). */
export function conv2dPath(info: Conv2DInfo): Conv2DPath {
  const { hp, wp } = paddedSize(info);
  if (info.inPerGroup * hp * wp > PADDED_LIMIT) return 'plain';
  return sharesLoads({ inColStep: info.strideW, tC: info.kW, tColX: info.dilationW }) ? 'tiled-shared' : 'tiled';
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
 * Direct convolution over a zero-padded copy: with the border materialised, every output
 * cell reads a fixed pattern of offsets and the inner loops need no border tests. Each group
 * (of each batch item) is one tile job (tiles.ts): four neighbouring output cells of two
 * channels accumulate in locals over all input channels of the group and all kernel taps,
 * then are stored once.
 */
export function conv2dKernel(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  if (conv2dPath(info) === 'plain') return conv2dPlain(info, x, w, bias);
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
