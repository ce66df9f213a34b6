/**
 * The explorer's numbers (the worker's side of explore.ts): kept in their own module so the
 * page's first load, which only validates shapes, does not carry the numeric kernels.
 */
import { explore, type Explored, type ExploreSpec } from './explore';
import { conv2dKernel } from './kernels/conv2d';
import { convTranspose2dKernel } from './kernels/convTranspose2d';
import { avgPoolKernel, maxPoolKernel } from './kernels/pool';
import { convMatrix, convTransposeMatrix, type ConvMatrix } from './matrix';
import { convTranspose2dDirectFromInfo, convTranspose2dScatterFromInfo } from './ops/convTranspose2d';
import { avgUnpoolFromInfo, maxUnpoolFromInfo } from './ops/unpool';
import { tfArgmaxIndex } from './poolIndices';
import { computeConv2DInfo, computeConvTranspose2DInfo, convTransposeOutSize, type Conv2DInfo, type ConvTranspose2DInfo } from './shape';
import { tensor, type Tensor } from './tensor';
import { fillValues } from './values';

/** The matrix view is drawn for inputs up to this many cells per plane. */
export const MATRIX_MAX_INPUT = 36;

/**
 * ⟨conv(u), v⟩ = ⟨u, convT(v)⟩ on the current numbers: `probe` is a tensor of the other side's
 * shape (seeded small integers), `image` is the other operation applied to it.
 */
export interface AdjointCheck {
  /** Conv op: y, a tensor shaped like the output. ConvT op: u, shaped like the output. */
  readonly probe: Tensor;
  /** Conv op: convT(y), shaped like the input. ConvT op: conv(u), shaped like the input. */
  readonly image: Tensor;
  /** ⟨output, probe⟩ */
  readonly outputDotProbe: number;
  /** ⟨input, image⟩ */
  readonly inputDotImage: number;
}

/** What the convolution views share: the output, the round trip back, the adjoint check, the matrix. */
interface ConvNumbers {
  readonly output: Tensor;
  /** The other operation with the same kernel and parameters applied to the output: the input's shape, not its values. */
  readonly roundTrip: Tensor;
  readonly adjoint: AdjointCheck;
  /** C (conv) or Cᵀ (transposed), rows = output cells, columns = input cells; null past MATRIX_MAX_INPUT. */
  readonly matrix: ConvMatrix | null;
}

/** The numbers of an exploration. */
export type ExploreNumbers =
  | ({ readonly op: 'conv' } & ConvNumbers)
  | ({
      readonly op: 'convT';
      /** The uncropped scatter canvas (output padding included). */
      readonly full: Tensor;
      readonly zeroInserted: Tensor;
      readonly padded: Tensor;
      readonly flippedWeight: Tensor;
      /** The direct form's own output: equal to `output` (the page says so, the tests prove it). */
      readonly directOutput: Tensor;
    } & ConvNumbers)
  | {
      readonly op: 'unpool';
      readonly pooled: Tensor;
      /** PyTorch's switch per pooled value: y·W + x inside its plane (max pooling; −1 for average). */
      readonly indices: Tensor;
      /** TensorFlow's argmax per pooled value: (y·W + x)·C + c (no batch term). */
      readonly tfArgmax: Tensor;
      readonly output: Tensor;
    };

/** The numbers of a transposed convolution's exploration. */
export type TransposeNumbers = Extract<ExploreNumbers, { readonly op: 'convT' }>;

/** The numbers of a pooling exploration. */
export type PoolingNumbers = Extract<ExploreNumbers, { readonly op: 'unpool' }>;

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** The transposed convolution that undoes `info`'s shape: same weight, stride, padding, dilation, groups. */
function backwardOf(info: Conv2DInfo): ConvTranspose2DInfo {
  const outputPadding: [number, number] = [
    info.inH - convTransposeOutSize(info.outH, info.kH, info.strideH, info.pad.top + info.pad.bottom, info.dilationH),
    info.inW - convTransposeOutSize(info.outW, info.kW, info.strideW, info.pad.left + info.pad.right, info.dilationW),
  ];
  return computeConvTranspose2DInfo(
    [1, info.outChannels, info.outH, info.outW],
    [info.outChannels, info.inPerGroup, info.kH, info.kW],
    { stride: [info.strideH, info.strideW], pad: info.pad, dilation: [info.dilationH, info.dilationW], groups: info.groups, outputPadding },
  );
}

/** The convolution whose transpose is `info`. */
function forwardOf(info: ConvTranspose2DInfo): Conv2DInfo {
  return computeConv2DInfo(
    [1, info.outChannels, info.outH, info.outW],
    [info.inChannels, info.outPerGroup, info.kH, info.kW],
    { stride: [info.strideH, info.strideW], pad: info.pad, dilation: [info.dilationH, info.dilationW], groups: info.groups },
  );
}

const shaped = (shape: number[], data: Float64Array): Tensor => ({ shape, data });
const outShape = (i: { outChannels: number; outH: number; outW: number }) => [1, i.outChannels, i.outH, i.outW];
const inShape = (i: { inChannels: number; inH: number; inW: number }) => [1, i.inChannels, i.inH, i.inW];

/**
 * Computes an exploration: x holds Cin·H·W values, w the weight's values (row-major, in the
 * layout of `explore`'s header), nothing for pooling. `probeSeed` seeds the adjoint check's
 * probe. Validates everything first (throws ShapeError). Allocates the result tensors.
 */
export function computeExplore(spec: ExploreSpec, x: ArrayLike<number>, w: ArrayLike<number>, probeSeed = 7): ExploreNumbers {
  const e = explore(spec);
  if (e.op === 'unpool') return computePooling(e, x);
  const xt = tensor(inShape(e.info), x);
  const wShape = e.op === 'conv' ? [e.info.outChannels, e.info.inPerGroup, e.info.kH, e.info.kW] : [e.info.inChannels, e.info.outPerGroup, e.info.kH, e.info.kW];
  const wt = tensor(wShape, w);
  const small = e.info.inH * e.info.inW <= MATRIX_MAX_INPUT && e.info.outH * e.info.outW <= 4 * MATRIX_MAX_INPUT;
  if (e.op === 'conv') {
    const output = conv2dKernel(e.info, xt.data, wt.data);
    const back = backwardOf(e.info);
    const probe = fillValues('int', output.length, probeSeed, 'kernel');
    const image = convTranspose2dKernel(back, probe, wt.data);
    return {
      op: 'conv',
      output: shaped(outShape(e.info), output),
      roundTrip: shaped(inShape(e.info), convTranspose2dKernel(back, output, wt.data)),
      adjoint: { probe: shaped(outShape(e.info), probe), image: shaped(inShape(e.info), image), outputDotProbe: dot(output, probe), inputDotImage: dot(xt.data, image) },
      matrix: small ? convMatrix(e.info, wt.data) : null,
    };
  }
  const output = convTranspose2dKernel(e.info, xt.data, wt.data);
  const forward = forwardOf(e.info);
  const probe = fillValues('int', output.length, probeSeed, 'kernel');
  const image = conv2dKernel(forward, probe, wt.data);
  const scatter = convTranspose2dScatterFromInfo(e.info, xt, wt);
  const direct = convTranspose2dDirectFromInfo(e.info, xt, wt);
  return {
    op: 'convT',
    output: shaped(outShape(e.info), output),
    roundTrip: shaped(inShape(e.info), conv2dKernel(forward, output, wt.data)),
    adjoint: { probe: shaped(outShape(e.info), probe), image: shaped(inShape(e.info), image), outputDotProbe: dot(output, probe), inputDotImage: dot(xt.data, image) },
    matrix: small ? convTransposeMatrix(e.info, wt.data) : null,
    full: scatter.full,
    zeroInserted: direct.zeroInserted,
    padded: direct.padded,
    flippedWeight: direct.flippedWeight,
    directOutput: direct.output,
  };
}

function computePooling(e: Extract<Explored, { op: 'unpool' }>, x: ArrayLike<number>): ExploreNumbers {
  const { pool, unpool } = e;
  const xt = tensor([pool.batch, pool.channels, pool.inH, pool.inW], x);
  const pooledShape = [pool.batch, pool.channels, pool.outH, pool.outW];
  const plane = pool.outH * pool.outW;
  if (e.spec.pool === 'avg') {
    const pooled = avgPoolKernel(pool, xt.data, e.spec.fw === 'torch');
    const none = new Float64Array(pooled.length).fill(-1);
    return {
      op: 'unpool',
      pooled: shaped(pooledShape, pooled),
      indices: shaped(pooledShape, none),
      tfArgmax: shaped(pooledShape, none),
      output: shaped([pool.batch, pool.channels, unpool.outH, unpool.outW], avgUnpoolFromInfo(unpool, pooled)),
    };
  }
  const { output: pooled, indices } = maxPoolKernel(pool, xt.data);
  const tfArgmax = new Float64Array(indices.length);
  for (let c = 0; c < pool.channels; c++) {
    for (let i = 0; i < plane; i++) tfArgmax[c * plane + i] = tfArgmaxIndex(indices[c * plane + i], c, pool.channels);
  }
  return {
    op: 'unpool',
    pooled: shaped(pooledShape, pooled),
    indices: shaped(pooledShape, indices),
    tfArgmax: shaped(pooledShape, tfArgmax),
    output: shaped([pool.batch, pool.channels, unpool.outH, unpool.outW], maxUnpoolFromInfo(unpool, pooled, indices)),
  };
}
