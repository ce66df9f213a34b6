/**
 * Image mode's questions, read from the params (pure, unit-tested): the kernel on screen, the job
 * the worker runs, and the params that open the numeric explorer on the patch around a pixel
 * (the overlap plans of the ×2 comparison are in imageOverlap.ts, loaded with the maps).
 */
import {
  doublingPads, extractPatch, IMAGE_KERNELS, identityKernel, patchOrigin, repeatKernel, upsamplingKernel, type HW, type ImageJobSpec,
} from '../engine';
import type { Params } from './urlParams';

/** The side of the patch the numeric explorer opens on. */
export const PATCH_SIZE = 8;

/** The kernel image mode applies: a named 3×3 one, or the learner's own (k×k, `w`, an identity until edited). */
export function imageKernel(p: Params): { readonly values: readonly number[]; readonly k: HW } {
  if (p.kern !== 'own') return { values: IMAGE_KERNELS[p.kern], k: [3, 3] };
  const n = p.k[0] * p.k[1];
  return { values: p.w && p.w.length === n ? p.w : identityKernel(p.k[0], p.k[1]), k: p.k };
}

/** Image mode's padding: TensorFlow's names do not apply here, so they count as none. */
const padOf = (p: Params): HW => (typeof p.p === 'string' ? [0, 0] : p.p);

/** The worker's job for these params. */
export function imageJobSpec(p: Params): ImageJobSpec {
  if (p.task === 'convT') return { task: 'convT', color: p.color };
  if (p.task === 'pool') return { task: 'pool', color: p.color, pool: p.pool, k: p.k, stride: p.s, padding: padOf(p) };
  const kernel = imageKernel(p);
  return { task: 'conv', color: p.color, kernel: kernel.values, k: kernel.k, stride: p.s, padding: padOf(p), dilation: p.d };
}

/** A picture's numbers as the job read them: [C, H, W] planes. */
export interface PlanesView {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly values: ArrayLike<number>;
}

/**
 * The params that open the numeric explorer on the 8×8 patch (smaller for a smaller picture)
 * of `input` around (row, col), with its values, as the operation on screen: the convolution
 * (each colour channel alone: groups = channels, the kernel repeated), the ×2 transposed
 * convolution with k (3 or 4), or pooling then unpooling.
 */
export function explorerPatch(p: Params, input: PlanesView, row: number, col: number, k: 3 | 4 = 4): Partial<Params> {
  const at = patchOrigin(row, col, input.height, input.width, PATCH_SIZE);
  const x = extractPatch(input.values, input.channels, input.width, input.height, at.top, at.left, at.rows, at.cols);
  const c = input.channels;
  const common = { fw: 'torch' as const, in: [at.rows, at.cols] as HW, cin: c, x, step: 0, out: null, preset: null };
  if (p.task === 'pool') {
    return { ...common, op: 'unpool', pool: p.pool, k: p.k, s: p.s, p: padOf(p), d: [1, 1], a: [0, 0], cout: 1, g: 1, w: null };
  }
  if (p.task === 'convT') {
    const { padding, outputPadding } = doublingPads(k);
    return {
      ...common, op: 'convT', k: [k, k], s: [2, 2], p: [padding, padding], a: [outputPadding, outputPadding], d: [1, 1],
      cout: c, g: c, w: repeatKernel(upsamplingKernel(k, 2), c),
    };
  }
  const kernel = imageKernel(p);
  return { ...common, op: 'conv', k: kernel.k, s: p.s, p: padOf(p), d: p.d, a: [0, 0], cout: c, g: c, w: repeatKernel(kernel.values, c) };
}

/** The patch that switches image mode's task, with sizes that suit it: pooling 2×2 windows, stride 2; a convolution stride 1, padding 1 (the picture keeps its size). */
export function taskPatch(task: Params['task']): Partial<Params> {
  if (task === 'pool') return { task, k: [2, 2], s: [2, 2], p: [0, 0] };
  if (task === 'conv') return { task, k: [3, 3], s: [1, 1], p: [1, 1], d: [1, 1] };
  return { task };
}

/** The patch that makes the kernel on screen the learner's own, to edit from there. */
export function ownKernelPatch(p: Params): Partial<Params> {
  const kernel = imageKernel(p);
  return { kern: 'own', k: kernel.k, w: [...kernel.values] };
}

/** The learner's own kernel with one value typed into cell (row, col). */
export function withKernelValue(p: Params, row: number, col: number, value: number): number[] {
  const kernel = imageKernel(p);
  const values = [...kernel.values];
  values[row * kernel.k[1] + col] = value;
  return values;
}
