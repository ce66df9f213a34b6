/**
 * Whole planes of the engine's NCHW tensors, for the views that draw tensors as they are (the
 * direct form's stages, the pooled planes, the round trip, the gradient). Apart from looks.ts so
 * that only those lazily loaded views carry it.
 */
import { plainValue, planeOffset, type ValueFn } from './looks';

/** Offset of plane (n, c) in an NCHW tensor of `shape` `[N, C, H, W]`. */
export function tensorPlaneBase(shape: readonly number[], n: number, c: number): number {
  return planeOffset(n, c, shape[1], shape[2], shape[3]);
}

/** One value function per channel plane of an NCHW tensor's batch item 0 (`[1, C, H, W]`). */
export function tensorPlanes(tensor: { readonly shape: readonly number[]; readonly data: ArrayLike<number> }): ValueFn[] {
  return Array.from({ length: tensor.shape[1] }, (_, c) => plainValue(tensor.data, tensor.shape[3], tensorPlaneBase(tensor.shape, 0, c)));
}
