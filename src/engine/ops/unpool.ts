import { ShapeError } from '../errors';
import { checkUnpoolIndices } from '../poolIndices';
import { computeUnpool2DInfo, type Unpool2DInfo, type UnpoolOptions } from '../shape';
import { checkTensor, type Tensor } from '../tensor';

/** Options of `maxUnpool2d` / `avgUnpool2d`: the pooling's own, plus the size to restore. */
export type Unpool2dOptions = UnpoolOptions;

const NCHW = '[N, C, H, W]';

/**
 * `torch.nn.functional.max_unpool2d`. x and indices `[N, C, h, w]` (indices as `maxPool2d`
 * returns them: flat `y·W + x` inside each (n, c) plane) → `[N, C, outH, outW]`, zeros except
 * where an index points. `outputSize` must be one PyTorch accepts. Allocates the output.
 */
export function maxUnpool2d(x: Tensor, indices: Tensor, opts: Unpool2dOptions): Tensor {
  const xShape = checkTensor(x, 4, 'x', NCHW);
  checkIndicesShape(indices, xShape);
  checkTensor(indices, 4, 'indices', NCHW);
  const info = computeUnpool2DInfo(xShape, opts);
  return { shape: [info.batch, info.channels, info.outH, info.outW], data: maxUnpoolFromInfo(info, x.data, indices.data) };
}

/**
 * Max unpooling for a validated record (TensorFlow's asymmetric pads included): x and indices
 * hold the record's [N, C, inH, inW] values; indices are checked. Allocates the output.
 */
export function maxUnpoolFromInfo(info: Unpool2DInfo, x: Float64Array, indices: Float64Array): Float64Array {
  checkUnpoolIndices(indices, info);
  const inPlane = info.inH * info.inW;
  const outPlane = info.outH * info.outW;
  const out = new Float64Array(info.batch * info.channels * outPlane);
  for (let plane = 0; plane < info.batch * info.channels; plane++) {
    for (let i = plane * inPlane; i < (plane + 1) * inPlane; i++) out[plane * outPlane + indices[i]] = x[i];
  }
  return out;
}

/**
 * Average unpooling as tutorials teach it: each pooled value is copied into every cell of its
 * window (rows oy·s − p … oy·s − p + k − 1, clipped to the output); a cell covered by several
 * windows takes the mean of their values; a cell no window covers is 0.
 * x `[N, C, h, w]` → `[N, C, outH, outW]`. Allocates the output and one plane of counts.
 */
export function avgUnpool2d(x: Tensor, opts: Unpool2dOptions): Tensor {
  const info = computeUnpool2DInfo(checkTensor(x, 4, 'x', NCHW), opts);
  return { shape: [info.batch, info.channels, info.outH, info.outW], data: avgUnpoolFromInfo(info, x.data) };
}

/** Average unpooling for a validated record (TensorFlow's asymmetric pads included). Allocates the output and one plane of counts. */
export function avgUnpoolFromInfo(info: Unpool2DInfo, x: Float64Array): Float64Array {
  const { batch, channels, inH, inW, outH, outW } = info;
  const out = new Float64Array(batch * channels * outH * outW);
  const counts = windowCounts(info);
  for (let plane = 0; plane < batch * channels; plane++) {
    const base = plane * outH * outW;
    for (let oy = 0; oy < inH; oy++) {
      for (let ox = 0; ox < inW; ox++) {
        const v = x[(plane * inH + oy) * inW + ox];
        forEachWindowCell(info, oy, ox, (cell) => {
          out[base + cell] += v;
        });
      }
    }
    for (let cell = 0; cell < outH * outW; cell++) if (counts[cell] > 0) out[base + cell] /= counts[cell];
  }
  return out;
}

/** How many pooling windows cover each output cell (the same for every plane). */
function windowCounts(info: Unpool2DInfo): Uint32Array {
  const counts = new Uint32Array(info.outH * info.outW);
  for (let oy = 0; oy < info.inH; oy++) {
    for (let ox = 0; ox < info.inW; ox++) {
      forEachWindowCell(info, oy, ox, (cell) => {
        counts[cell]++;
      });
    }
  }
  return counts;
}

/** Calls `visit` with the flat output index of every cell inside pooled cell (oy, ox)'s window. */
function forEachWindowCell(info: Unpool2DInfo, oy: number, ox: number, visit: (cell: number) => void): void {
  const y0 = oy * info.strideH - info.pad.top;
  const x0 = ox * info.strideW - info.pad.left;
  for (let y = Math.max(0, y0); y < Math.min(info.outH, y0 + info.kH); y++) {
    for (let xx = Math.max(0, x0); xx < Math.min(info.outW, x0 + info.kW); xx++) visit(y * info.outW + xx);
  }
}

function checkIndicesShape(indices: Tensor, xShape: readonly number[]): void {
  const shape = indices !== null && typeof indices === 'object' ? indices.shape : undefined;
  if (Array.isArray(shape) && (shape.length !== xShape.length || shape.some((d, i) => d !== xShape[i]))) {
    throw new ShapeError(
      'indices',
      'indices',
      `indices must have the same shape as x, [${xShape.join(', ')}] (one index per pooled value); got [${shape.join(', ')}]. ` +
        `Pass the indices maxPool2d returned together with x.`,
      { expected: [...xShape], got: [...shape] },
    );
  }
}
