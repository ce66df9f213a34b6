/**
 * The page's side of image mode's arithmetic (pure, no DOM, nothing heavy imported): the named
 * kernels, the ×2 comparison's kernels and pads, a picture's pixels and patches, the shapes of a
 * job and its result. Apart from image.ts (the jobs, with the engine's ops) so image mode's
 * chunk loads without the ops it only runs in the worker.
 */
import type { HW } from './tensor';

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
