import type { ConvTranspose2DInfo } from '../shape';

/**
 * Transposed convolution kernel: trusts `info`.
 * x `[N, Cin, h, w]`, w `[Cin, Cout/g, kH, kW]`, bias `[Cout]` → `[N, Cout, outH, outW]`.
 * Allocates the output only.
 */
export function convTranspose2dKernel(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Float64Array {
  const { batch, inChannels, inH, inW, outChannels, outH, outW, inPerGroup, outPerGroup } = info;
  const { kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  const out = new Float64Array(batch * outChannels * outH * outW);
  for (let n = 0; n < batch; n++) {
    for (let ci = 0; ci < inChannels; ci++) {
      const g = Math.floor(ci / inPerGroup);
      for (let iy = 0; iy < inH; iy++) {
        for (let ix = 0; ix < inW; ix++) {
          const v = x[((n * inChannels + ci) * inH + iy) * inW + ix];
          for (let cj = 0; cj < outPerGroup; cj++) {
            const co = g * outPerGroup + cj;
            const oBase = (n * outChannels + co) * outH * outW;
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
  if (bias) {
    const plane = outH * outW;
    for (let n = 0; n < batch; n++) for (let co = 0; co < outChannels; co++) out.subarray((n * outChannels + co) * plane, (n * outChannels + co + 1) * plane).forEach((v, i, a) => (a[i] = v + bias[co]));
  }
  return out;
}
