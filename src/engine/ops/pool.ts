import { ShapeError } from '../errors';
import { avgPoolKernel, maxPoolKernel } from '../kernels/pool';
import { computePool2DInfo, type PoolOptions } from '../shape';
import { checkTensor, type Pair, type Tensor } from '../tensor';

/** Options of `maxPool2d` as `torch.nn.functional.max_pool2d` (stride defaults to the kernel size). */
export type MaxPool2dOptions = PoolOptions;

/** Options of `avgPool2d` as `torch.nn.functional.avg_pool2d` (stride defaults to the kernel size). */
export interface AvgPool2dOptions {
  readonly kernelSize: Pair;
  readonly stride?: Pair;
  /** Default 0; at most half the kernel size (as PyTorch). */
  readonly padding?: Pair;
  /** Default true: padding cells count in the divisor (PyTorch's default). */
  readonly countIncludePad?: boolean;
}

/** Max pooling's result: the maxima and where each came from. */
export interface MaxPool2dResult {
  /** `[N, C, outH, outW]`. */
  readonly output: Tensor;
  /** `[N, C, outH, outW]`: PyTorch's flat `y·W + x` of each maximum inside its (n, c) plane. */
  readonly indices: Tensor;
}

/**
 * `torch.nn.functional.max_pool2d(..., return_indices=True)`. x `[N, C, H, W]` →
 * output and indices `[N, C, outH, outW]`; ties go to the first maximum in row-major window
 * order. Allocates both.
 */
export function maxPool2d(x: Tensor, opts: MaxPool2dOptions): MaxPool2dResult {
  const info = computePool2DInfo(checkTensor(x, 4, 'x', '[N, C, H, W]'), opts);
  const { output, indices } = maxPoolKernel(info, x.data);
  const shape = [info.batch, info.channels, info.outH, info.outW];
  return { output: { shape, data: output }, indices: { shape: [...shape], data: indices } };
}

/**
 * `torch.nn.functional.avg_pool2d` (no ceil mode). x `[N, C, H, W]` → `[N, C, outH, outW]`.
 * Allocates the output.
 */
export function avgPool2d(x: Tensor, opts: AvgPool2dOptions): Tensor {
  const info = computePool2DInfo(checkTensor(x, 4, 'x', '[N, C, H, W]'), {
    kernelSize: opts.kernelSize,
    stride: opts.stride,
    padding: opts.padding,
  });
  const countIncludePad = opts.countIncludePad ?? true;
  if (typeof countIncludePad !== 'boolean') {
    throw new ShapeError('out-of-range', 'countIncludePad', `countIncludePad must be true or false; got ${String(countIncludePad)}.`, {
      got: String(countIncludePad),
    });
  }
  const data = avgPoolKernel(info, x.data, countIncludePad);
  return { shape: [info.batch, info.channels, info.outH, info.outW], data };
}
