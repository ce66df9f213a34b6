/**
 * Image mode's arithmetic: the named kernels, pixels ↔ planes of numbers, the 8×8 patch around
 * a pixel, and the jobs that run the engine's own ops (conv2d, convTranspose2d, pooling and
 * unpooling) over every plane of a picture. Pure: RGBA bytes in, numbers and RGBA bytes out; no DOM.
 */
import { takeBytes, takeFloat64 } from './bufferPool';
import { convPlane, fillPlanes, fillRgba, transposedPlane, transposedPlaneFits, valueRange } from './imageLoops';
import { conv2dInfo } from './ops/conv2d';
import { convTranspose2d, convTranspose2dInfo } from './ops/convTranspose2d';
import { avgPool2d, maxPool2d } from './ops/pool';
import { avgUnpool2d, maxUnpool2d } from './ops/unpool';
import { unpoolSizes } from './shape';
import { tensor, type HW, type Tensor } from './tensor';

/** The kernels image mode names, 3×3, row-major. */
export const IMAGE_KERNELS = {
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  box: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  gauss: [1 / 16, 2 / 16, 1 / 16, 2 / 16, 4 / 16, 2 / 16, 1 / 16, 2 / 16, 1 / 16],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  sobelx: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobely: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  laplace: [0, 1, 0, 1, -4, 1, 0, 1, 0],
  emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
} as const satisfies Record<string, readonly number[]>;

export type ImageKernelName = keyof typeof IMAGE_KERNELS;

/** The largest side of a picture image mode takes (a bigger one is scaled down before it comes here). */
export const MAX_IMAGE_SIDE = 512;

/**
 * The kernel of the ×2 upsampling comparison: k×k equal weights s²/k², so on average a flat
 * picture keeps its brightness (k = 4, s = 2: ¼ each; k = 3, s = 2: 4⁄9 each).
 */
export function upsamplingKernel(k: number, s: number): number[] {
  return Array.from({ length: k * k }, () => (s * s) / (k * k));
}

/** The padding and output padding that make a stride-2 transposed convolution exactly double the size: k = 3 → p 1, a 1; k = 4 → p 1, a 0. */
export function doublingPads(k: number): { readonly padding: number; readonly outputPadding: number } {
  // (H − 1)·2 − 2p + k + a = 2H  ⇔  k − 2 = 2p − a.
  const padding = Math.ceil((k - 2) / 2);
  return { padding, outputPadding: 2 * padding - (k - 2) };
}

/** 'rgb': three planes (R, G, B); 'grey': one plane of luma. */
export type ImageColor = 'rgb' | 'grey';

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

/** The top-left of the size×size patch (smaller when the picture is) that holds (row, col), centred on it where the borders allow. */
export function patchOrigin(row: number, col: number, height: number, width: number, size: number): { readonly top: number; readonly left: number; readonly rows: number; readonly cols: number } {
  const rows = Math.min(size, height);
  const cols = Math.min(size, width);
  const half = Math.floor((size - 1) / 2);
  return {
    top: Math.max(0, Math.min(height - rows, row - half)),
    left: Math.max(0, Math.min(width - cols, col - half)),
    rows,
    cols,
  };
}

/** The values of a rows×cols window of every plane of [C, H, W] `planes`, in NCHW order (plane by plane, row by row). */
export function extractPatch(planes: ArrayLike<number>, channels: number, width: number, height: number, top: number, left: number, rows: number, cols: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < channels; c++) {
    for (let r = top; r < top + rows; r++) for (let col = left; col < left + cols; col++) out.push(planes[(c * height + r) * width + col]);
  }
  return out;
}

/** One picture a job shows: its planes of numbers, and their RGBA bytes as drawn. */
export interface ImagePlanes {
  readonly width: number;
  readonly height: number;
  /** 3 (R, G, B) or 1 (grey). */
  readonly channels: number;
  /** [C, H, W] values. */
  readonly values: Float64Array;
  readonly rgba: Uint8ClampedArray;
  /** What was added to each value before it was drawn (128 for signed results). */
  readonly offset: number;
  readonly min: number;
  readonly max: number;
}

/** The values of pixel (`r`, `c`) of `image`, one per channel. */
export function pixelValues(image: ImagePlanes, r: number, c: number): number[] {
  const n = image.width * image.height;
  const i = r * image.width + c;
  return Array.from({ length: image.channels }, (_, ch) => image.values[ch * n + i]);
}

/** The colour pixel (`r`, `c`) of `image` is drawn in: its red, green and blue bytes. */
export function pixelRgb(image: ImagePlanes, r: number, c: number): [number, number, number] {
  const i = 4 * (r * image.width + c);
  return [image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]];
}

/** What to do to a picture. */
export type ImageJobSpec =
  | {
      readonly task: 'conv';
      readonly color: ImageColor;
      readonly kernel: readonly number[];
      readonly k: HW;
      readonly stride: HW;
      readonly padding: HW;
      readonly dilation: HW;
    }
  | { readonly task: 'convT'; readonly color: ImageColor }
  | { readonly task: 'pool'; readonly color: ImageColor; readonly pool: 'max' | 'avg'; readonly k: HW; readonly stride: HW; readonly padding: HW };

/** A job's pictures: the input (as the job read it), then its results ('conv'; 'k3', 'k4'; 'pooled', 'unpooled'). */
export interface ImageJobResult {
  readonly input: ImagePlanes;
  readonly outputs: readonly { readonly id: 'conv' | 'k3' | 'k4' | 'pooled' | 'unpooled'; readonly image: ImagePlanes }[];
}

/** The buffers of a job's pictures, each once (those already detached left out): what the page hands back when it stops showing them. */
export function resultBuffers(result: ImageJobResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of [result.input, ...result.outputs.map((o) => o.image)]) {
    for (const b of [p.values.buffer, p.rgba.buffer]) if (b instanceof ArrayBuffer && b.byteLength > 0 && !out.includes(b)) out.push(b);
  }
  return out;
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

/** A k×k identity kernel (1 at the centre, the upper-left one of an even size), the start of the learner's own kernel. */
export function identityKernel(kh: number, kw: number): number[] {
  const out = Array.from({ length: kh * kw }, () => 0);
  out[Math.floor((kh - 1) / 2) * kw + Math.floor((kw - 1) / 2)] = 1;
  return out;
}

/** `values` (one plane's kernel) repeated `times` times: the depthwise kernel that applies it to each channel alone. */
export function repeatKernel(values: readonly number[], times: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(...values);
  return out;
}

/** Where a pixel of a picture of `from` size falls in a picture of `to` size (the same place, proportionally): [row, col]. */
export function samePlace(row: number, col: number, from: HW, to: HW): [number, number] {
  const at = (v: number, a: number, b: number) => Math.min(b - 1, Math.max(0, Math.floor(((v + 0.5) * b) / a)));
  return [at(row, from[0], to[0]), at(col, from[1], to[1])];
}

/** The largest size within `max`×`max` with the same proportions as width×height (never larger than it is). */
export function fitWithin(width: number, height: number, max: number): { readonly width: number; readonly height: number } {
  const f = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * f)), height: Math.max(1, Math.round(height * f)) };
}
