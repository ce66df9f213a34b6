import type { Pool2DInfo } from '../shape';

/**
 * Max pooling over each (n, c) plane: padding never wins (it counts as −∞), ties go to the
 * first maximum in row-major window order. `indices` are flat `y·W + x` inside the plane.
 * x `[N, C, H, W]` → output and indices `[N, C, outH, outW]`; allocates both.
 */
export function maxPoolKernel(info: Pool2DInfo, x: Float64Array): { output: Float64Array; indices: Float64Array } {
  const { batch, channels, inH, inW, outH, outW, kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  const output = new Float64Array(batch * channels * outH * outW);
  const indices = new Float64Array(output.length);
  for (let plane = 0; plane < batch * channels; plane++) {
    const xBase = plane * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        let best = -Infinity;
        let where = -1;
        for (let ky = 0; ky < kH; ky++) {
          const iy = oy * strideH - pad.top + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kW; kx++) {
            const ix = ox * strideW - pad.left + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            const v = x[xBase + iy * inW + ix];
            if (v > best) {
              best = v;
              where = iy * inW + ix;
            }
          }
        }
        const o = (plane * outH + oy) * outW + ox;
        output[o] = best;
        indices[o] = where;
      }
    }
  }
  return { output, indices };
}

/**
 * Average pooling over each (n, c) plane. With `countIncludePad` the divisor is the window
 * clipped to the padded input (PyTorch); without, only the real cells count.
 * x `[N, C, H, W]` → `[N, C, outH, outW]`; allocates the output.
 */
export function avgPoolKernel(info: Pool2DInfo, x: Float64Array, countIncludePad: boolean): Float64Array {
  const { batch, channels, inH, inW, outH, outW, kH, kW, strideH, strideW, pad } = info;
  const output = new Float64Array(batch * channels * outH * outW);
  for (let plane = 0; plane < batch * channels; plane++) {
    const xBase = plane * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - pad.top;
      const y1 = Math.min(y0 + kH, inH + pad.bottom);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * strideW - pad.left;
        const x1 = Math.min(x0 + kW, inW + pad.right);
        const padded = (y1 - y0) * (x1 - x0);
        let sum = 0;
        let real = 0;
        for (let iy = Math.max(y0, 0); iy < Math.min(y1, inH); iy++) {
          for (let ix = Math.max(x0, 0); ix < Math.min(x1, inW); ix++) {
            sum += x[xBase + iy * inW + ix];
            real++;
          }
        }
        output[(plane * outH + oy) * outW + ox] = sum / (countIncludePad ? padded : real);
      }
    }
  }
  return output;
}
