import type { Conv2DInfo } from '../shape';

/**
 * Convolution kernel (cross-correlation, as every framework): trusts `info`.
 * x `[N, Cin, H, W]`, w `[Cout, Cin/g, kH, kW]`, bias `[Cout]` → `[N, Cout, outH, outW]`.
 * Allocates the output only.
 */
export function conv2dKernel(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
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
