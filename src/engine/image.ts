/**
 * Image mode's arithmetic: pixels ↔ planes of numbers and the jobs that run the engine's own ops
 * (conv2d, convTranspose2d, pooling and unpooling) over every plane of a picture. Pure: RGBA
 * bytes in, numbers and RGBA bytes out; no DOM. Only the worker (and the engine's main-thread
 * fallback) runs these: what the page itself reads of a picture is in imagePixels.ts, so image
 * mode's first load does without the ops.
 */
import { takeBytes, takeFloat64 } from './bufferPool';
import { convPlane, fillPlanes, fillRgba, transposedPlane, transposedPlaneFits, valueRange } from './imageLoops';
import { conv2dInfo } from './ops/conv2d';
import { convTranspose2d, convTranspose2dInfo } from './ops/convTranspose2d';
import { avgPool2d, maxPool2d } from './ops/pool';
import { avgUnpool2d, maxUnpool2d } from './ops/unpool';
import { unpoolSizes } from './shape';
import { tensor, type HW, type Tensor } from './tensor';
import { MAX_IMAGE_SIDE, doublingPads, upsamplingKernel, type ImageColor, type ImageJobResult, type ImageJobSpec, type ImagePlanes } from './imagePixels';

export { greyOf } from './imageLoops';

/** The planes of an RGBA picture: [3, H, W] (R, G, B) or [1, H, W] (grey), values 0–255; alpha is ignored. The planes are new or a spare buffer (bufferPool). */
export function rgbaToPlanes(rgba: ArrayLike<number>, width: number, height: number, color: ImageColor): Float64Array {
  const out = takeFloat64((color === 'rgb' ? 3 : 1) * width * height);
  fillPlanes(rgba, width, height, color === 'grey', out);
  return out;
}

/** A value as a 0–255 byte on screen: `offset` added (mid-grey for signed results), rounded, clipped. */
export function toByte(v: number, offset: number): number {
  const b = Math.round(v + offset);
  return b < 0 ? 0 : b > 255 ? 255 : b;
}

/** RGBA bytes of [3, H, W] planes (as colour) or [1, H, W] (as grey), each value as toByte makes it. The bytes are new or a spare buffer (bufferPool). */
export function planesToRgba(planes: ArrayLike<number>, channels: number, width: number, height: number, offset: number): Uint8ClampedArray {
  const out = takeBytes(4 * width * height);
  fillRgba(planes instanceof Float64Array ? planes : Float64Array.from(planes), channels, width, height, offset, out);
  return out;
}

/** The on-screen offset of a kernel's result: 128 (mid-grey is 0) when its weights sum to 0, else 0. */
export function displayOffset(kernel: readonly number[]): number {
  let sum = 0;
  for (const w of kernel) sum += w;
  return Math.abs(sum) < 1e-9 ? 128 : 0;
}

function planesOf(values: Float64Array, channels: number, width: number, height: number, offset: number): ImagePlanes {
  const { min, max } = valueRange(values, width);
  return { width, height, channels, values, rgba: planesToRgba(values, channels, width, height, offset), offset, min, max };
}

/**
 * Runs `spec` on a width×height RGBA picture with the engine's ops, one plane at a time:
 * yields the fraction done (0–1) after each plane (a caller may stop there), returns the
 * pictures. Throws the engine's ShapeError for impossible parameters.
 */
export function* imageJob(spec: ImageJobSpec, rgba: ArrayLike<number>, width: number, height: number): Generator<number, ImageJobResult> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new RangeError(`A picture must be 1–${MAX_IMAGE_SIDE} pixels on each side; this one is ${width}×${height}.`);
  }
  const channels = spec.color === 'rgb' ? 3 : 1;
  const planes = rgbaToPlanes(rgba, width, height, spec.color);
  const input = planesOf(planes, channels, width, height, 0);
  // The planes hold bytes, finite by construction: each is used as a tensor without a copy.
  const plane = (data: Float64Array): Tensor => ({ shape: [1, 1, height, width], data });
  const n = width * height;
  // The engine's own ops validate (its ShapeErrors) and size each result; imageLoops computes
  // the one-channel planes, straight into the stacked result.
  if (spec.task === 'conv') {
    const weight = tensor([1, 1, spec.k[0], spec.k[1]], spec.kernel);
    const info = conv2dInfo(plane(planes.subarray(0, n)), weight, { stride: spec.stride, padding: spec.padding, dilation: spec.dilation });
    const size = info.outH * info.outW;
    const values = takeFloat64(channels * size);
    for (let c = 0; c < channels; c++) {
      convPlane(info, planes, c * n, weight.data, values, c * size);
      yield (c + 1) / channels;
    }
    return { input, outputs: [{ id: 'conv', image: planesOf(values, channels, info.outW, info.outH, displayOffset(spec.kernel)) }] };
  }
  if (spec.task === 'convT') {
    const outputs: { id: 'k3' | 'k4'; image: ImagePlanes }[] = [];
    for (const [i, k] of [3, 4].entries()) {
      const weight = tensor([1, 1, k, k], upsamplingKernel(k, 2));
      const opts = { stride: 2, ...doublingPads(k) };
      const info = convTranspose2dInfo(plane(planes.subarray(0, n)), weight, opts);
      const size = info.outH * info.outW;
      const values = takeFloat64(channels * size);
      for (let c = 0; c < channels; c++) {
        if (transposedPlaneFits(info)) transposedPlane(info, planes, c * n, weight.data, values, c * size);
        else values.set(convTranspose2d(plane(planes.subarray(c * n, (c + 1) * n)), weight, opts).data, c * size);
        yield (i * channels + c + 1) / (2 * channels);
      }
      outputs.push({ id: k === 3 ? 'k3' : 'k4', image: planesOf(values, channels, info.outW, info.outH, 0) });
    }
    return { input, outputs };
  }
  const opts = { kernelSize: spec.k, stride: spec.stride, padding: spec.padding };
  const pooledParts: Float64Array[] = [];
  const unpooledParts: Float64Array[] = [];
  let pooledShape: readonly number[] = [];
  let unpooledShape: readonly number[] = [];
  for (let c = 0; c < channels; c++) {
    const x = plane(planes.subarray(c * height * width, (c + 1) * height * width));
    let pooled;
    let unpooled;
    if (spec.pool === 'max') {
      const r = maxPool2d(x, opts);
      pooled = r.output;
      unpooled = maxUnpool2d(r.output, r.indices, { ...opts, outputSize: unpoolSize(r.output.shape, opts, height, width) });
    } else {
      pooled = avgPool2d(x, opts);
      unpooled = avgUnpool2d(pooled, { ...opts, outputSize: unpoolSize(pooled.shape, opts, height, width) });
    }
    pooledParts.push(pooled.data);
    unpooledParts.push(unpooled.data);
    pooledShape = pooled.shape;
    unpooledShape = unpooled.shape;
    yield (c + 1) / channels;
  }
  const stack = (parts: Float64Array[], shape: readonly number[]) => {
    const values = new Float64Array(channels * shape[2] * shape[3]);
    parts.forEach((p, c) => values.set(p, c * shape[2] * shape[3]));
    return planesOf(values, channels, shape[3], shape[2], 0);
  };
  return {
    input,
    outputs: [
      { id: 'pooled', image: stack(pooledParts, pooledShape) },
      { id: 'unpooled', image: stack(unpooledParts, unpooledShape) },
    ],
  };
}

/** The picture's own size when unpooling may give it back (a size PyTorch's max_unpool2d accepts), else the default. */
function unpoolSize(pooledShape: readonly number[], opts: { kernelSize: HW; stride: HW; padding: HW }, height: number, width: number): [number, number] | undefined {
  const fits = (axis: 0 | 1, want: number) => unpoolSizes(pooledShape[2 + axis], opts.kernelSize[axis], opts.stride[axis], opts.padding[axis]).legal.includes(want);
  return fits(0, height) && fits(1, width) ? [height, width] : undefined;
}

