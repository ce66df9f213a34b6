/**
 * TensorFlow semantics (`tf.nn`): NHWC tensors, `[kh, kw, in, out]` filters, SAME/VALID padding,
 * conv2d_transpose's output_shape rule and max_pool_with_argmax's flat index.
 *
 * The core is NCHW; this module converts at its edge and nowhere else: inputs and filters are
 * permuted into the core's layouts, the core validates and computes, the result is permuted back.
 * Parameter names in refusals are TensorFlow's (`input`, `filter`, `strides`, `ksize`, …).
 */
import { ShapeError } from '../errors';
import { checkTensor, MAX_ELEMENTS, type Pair, type Tensor } from '../tensor';
import {
  checkInt,
  checkPair,
  checkTfPadding,
  computeConv2DInfo,
  computeConvTranspose2DInfo,
  computeTfPool2DInfo,
  tfPads,
  tfTransposePads,
  type TfPadding,
} from '../shape';
import { tfArgmaxIndex } from '../poolIndices';
import { conv2dKernel } from '../kernels/conv2d';
import { convTranspose2dKernel } from '../kernels/convTranspose2d';
import { maxPoolKernel } from '../kernels/pool';

/** A TF window parameter: one number, `[h, w]`, or TF's four-number form `[1, h, w, 1]`. */
export type TfPair = Pair | readonly [number, number, number, number];

/** Options of `tf.conv2d` (as `tf.nn.conv2d`, NHWC). */
export interface TfConv2DOptions {
  readonly strides: TfPair;
  readonly padding: TfPadding;
  /** Defaults to 1. */
  readonly dilations?: TfPair;
}

/** Options of `tf.conv2dTranspose` (as `tf.nn.conv2d_transpose`, NHWC). */
export interface TfConv2DTransposeOptions {
  readonly strides: TfPair;
  readonly padding: TfPadding;
  /** Defaults to 1. */
  readonly dilations?: TfPair;
}

/** Options of `tf.maxPoolWithArgmax` (as `tf.nn.max_pool_with_argmax`, NHWC). */
export interface TfMaxPoolWithArgmaxOptions {
  readonly ksize: TfPair;
  readonly strides: TfPair;
  readonly padding: TfPadding;
  /** Adds the batch term to the flat index (TF's `include_batch_in_index`); default false. */
  readonly includeBatchInIndex?: boolean;
}

const NHWC = 'NHWC [batch, height, width, channels]';
const NCHW = 'NCHW [batch, channels, height, width]';
const HWIO = '[kh, kw, in, out]';
const HWOI = '[kh, kw, out, in]';
const OIHW = '[out, in, kh, kw]';
const IOHW = '[in, out, kh, kw]';

// ---------------------------------------------------------------------------------------------
// Layouts
// ---------------------------------------------------------------------------------------------

/** Rank-4 permutation: output axis a is input axis perm[a]. Trusts `t` (callers check it). */
function permute4(t: Tensor, perm: readonly [number, number, number, number]): Tensor {
  const s = t.shape;
  const shape = [s[perm[0]], s[perm[1]], s[perm[2]], s[perm[3]]];
  const inStrides = [s[1] * s[2] * s[3], s[2] * s[3], s[3], 1];
  const [st0, st1, st2, st3] = [inStrides[perm[0]], inStrides[perm[1]], inStrides[perm[2]], inStrides[perm[3]]];
  const [d0, d1, d2, d3] = shape;
  const src = t.data;
  const out = new Float64Array(src.length);
  let o = 0;
  for (let a = 0; a < d0; a++) {
    for (let b = 0; b < d1; b++) {
      for (let c = 0; c < d2; c++) {
        let i = a * st0 + b * st1 + c * st2;
        for (let d = 0; d < d3; d++, i += st3) out[o++] = src[i];
      }
    }
  }
  return { shape, data: out };
}

const TO_NCHW = [0, 3, 1, 2] as const;
const TO_NHWC = [0, 2, 3, 1] as const;
// [kh, kw, a, b] → [b, a, kh, kw]: the same move takes a conv filter [kh, kw, in, out] to the
// core's [out, in, kh, kw] and a transposed-conv filter [kh, kw, out, in] to [in, out, kh, kw].
const FILTER_TO_CORE = [3, 2, 0, 1] as const;
const CORE_TO_FILTER = [2, 3, 1, 0] as const;

/** NHWC `[N, H, W, C]` → NCHW `[N, C, H, W]`. Checks `t`; allocates a new tensor. */
export function toNCHW(t: Tensor): Tensor {
  checkTensor(t, 4, 'input', NHWC);
  return permute4(t, TO_NCHW);
}

/** NCHW `[N, C, H, W]` → NHWC `[N, H, W, C]`. Checks `t`; allocates a new tensor. */
export function toNHWC(t: Tensor): Tensor {
  checkTensor(t, 4, 'input', NCHW);
  return permute4(t, TO_NHWC);
}

/** conv2d filter `[kh, kw, in, out]` → the core's conv weight `[out, in, kh, kw]`. Allocates. */
export function conv2dFilterToWeight(filter: Tensor): Tensor {
  checkTensor(filter, 4, 'filter', HWIO);
  return permute4(filter, FILTER_TO_CORE);
}

/** The core's conv weight `[out, in, kh, kw]` → conv2d filter `[kh, kw, in, out]`. Allocates. */
export function weightToConv2dFilter(weight: Tensor): Tensor {
  checkTensor(weight, 4, 'weight', OIHW);
  return permute4(weight, CORE_TO_FILTER);
}

/** conv2d_transpose filter `[kh, kw, out, in]` → the core's transposed weight `[in, out, kh, kw]`. Allocates. */
export function transposeFilterToWeight(filter: Tensor): Tensor {
  checkTensor(filter, 4, 'filter', HWOI);
  return permute4(filter, FILTER_TO_CORE);
}

/** The core's transposed weight `[in, out, kh, kw]` → conv2d_transpose filter `[kh, kw, out, in]`. Allocates. */
export function weightToTransposeFilter(weight: Tensor): Tensor {
  checkTensor(weight, 4, 'weight', IOHW);
  return permute4(weight, CORE_TO_FILTER);
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

/** A TF window parameter as [height, width]; the four-number form must leave batch and channels at 1. */
function tfPair(value: TfPair | undefined, param: string, fallback: number): [number, number] {
  if (Array.isArray(value) && value.length === 4) {
    const [n, h, w, c] = value as readonly number[];
    if (n !== 1 || c !== 1) {
      throw new ShapeError(
        'out-of-range',
        param,
        `${param} in TensorFlow's four-number form is [1, height, width, 1]; the batch and channel entries must be 1, ` +
          `got [${value.join(', ')}]. Write [1, ${String(h)}, ${String(w)}, 1] or just [${String(h)}, ${String(w)}].`,
        { got: [...value] },
      );
    }
    return checkPair([h, w], param, fallback, 1);
  }
  return checkPair(value as Pair | undefined, param, fallback, 1);
}

/**
 * Runs a core validation and re-labels its refusals with TensorFlow's parameter names, so the
 * UI points at the argument the learner actually typed. The sentence is kept as it is.
 */
function asTf<T>(names: Readonly<Record<string, string>>, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ShapeError && Object.hasOwn(names, e.param)) {
      throw new ShapeError(e.code, names[e.param], e.message, e.details);
    }
    throw e;
  }
}

const CONV_NAMES = { x: 'input', weight: 'filter', stride: 'strides', dilation: 'dilations' };
const TRANSPOSE_NAMES = { x: 'value', weight: 'filter', stride: 'strides', dilation: 'dilations' };
const POOL_NAMES = { x: 'input', kernelSize: 'ksize', stride: 'strides' };

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/**
 * `tf.nn.conv2d`: input `[N, H, W, Cin]`, filter `[kh, kw, Cin, Cout]` → `[N, outH, outW, Cout]`
 * with outH = ⌈H/s⌉ (SAME, odd extra padding at the bottom/right) or ⌈(H − d(k−1))/s⌉ (VALID).
 * Allocates NCHW copies of input and filter, the core's output and the NHWC result.
 */
export function conv2d(input: Tensor, filter: Tensor, opts: TfConv2DOptions): Tensor {
  const [n, h, w, c] = checkTensor(input, 4, 'input', NHWC);
  const [kh, kw, fin, fout] = checkTensor(filter, 4, 'filter', HWIO);
  const [strideH, strideW] = tfPair(opts.strides, 'strides', 1);
  const [dilationH, dilationW] = tfPair(opts.dilations, 'dilations', 1);
  const padding = checkTfPadding(opts.padding);
  if (fin !== c) {
    throw new ShapeError(
      'channels',
      'filter',
      `conv2d's filter is [kh, kw, in, out]: its third dimension must equal the input's ${c} channels; it is ${fin}.`,
      { expected: c, got: fin },
    );
  }
  const pad = tfPads(h, w, kh, kw, strideH, strideW, padding, dilationH, dilationW);
  const info = asTf(CONV_NAMES, () =>
    computeConv2DInfo([n, c, h, w], [fout, fin, kh, kw], {
      stride: [strideH, strideW],
      pad,
      dilation: [dilationH, dilationW],
      groups: 1,
    }),
  );
  const out = conv2dKernel(info, permute4(input, TO_NCHW).data, permute4(filter, FILTER_TO_CORE).data);
  return permute4({ shape: [n, fout, info.outH, info.outW], data: out }, TO_NHWC);
}

/**
 * `tf.nn.conv2d_transpose`: value `[N, h, w, Cin]`, filter `[kh, kw, Cout, Cin]`,
 * outputShape `[N, H, W, Cout]` → a tensor of outputShape. Accepted only where TensorFlow accepts
 * it: conv2d of an H×W input (same filter, strides, padding) must give h×w; otherwise refuses,
 * naming both sizes and the legal ones. Allocates NCHW copies, the core's output and the result.
 */
export function conv2dTranspose(
  value: Tensor,
  filter: Tensor,
  outputShape: readonly number[],
  opts: TfConv2DTransposeOptions,
): Tensor {
  const [n, h, w, cin] = checkTensor(value, 4, 'value', NHWC);
  const [kh, kw, fout, fin] = checkTensor(filter, 4, 'filter', HWOI);
  const [strideH, strideW] = tfPair(opts.strides, 'strides', 1);
  const [dilationH, dilationW] = tfPair(opts.dilations, 'dilations', 1);
  const padding = checkTfPadding(opts.padding);
  if (fin !== cin) {
    throw new ShapeError(
      'channels',
      'filter',
      `conv2d_transpose's filter is [kh, kw, out, in]: its last dimension must equal the value's ${cin} channels; it is ${fin}.`,
      { expected: cin, got: fin },
    );
  }
  const [outN, outH, outW, outC] = checkOutputShape(outputShape, n, fout);
  const { pad, outputPadding } = tfTransposePads(h, w, outH, outW, kh, kw, strideH, strideW, padding, dilationH, dilationW);
  const info = asTf(TRANSPOSE_NAMES, () =>
    computeConvTranspose2DInfo([n, cin, h, w], [fin, fout, kh, kw], {
      stride: [strideH, strideW],
      pad,
      dilation: [dilationH, dilationW],
      groups: 1,
      outputPadding,
    }),
  );
  const out = convTranspose2dKernel(info, permute4(value, TO_NCHW).data, permute4(filter, FILTER_TO_CORE).data);
  return permute4({ shape: [outN, outC, info.outH, info.outW], data: out }, TO_NHWC);
}

/** outputShape must be `[N, H, W, Cout]` with the value's batch and the filter's output channels. */
function checkOutputShape(outputShape: readonly number[], n: number, cout: number): [number, number, number, number] {
  if (!Array.isArray(outputShape) || outputShape.length !== 4) {
    throw new ShapeError(
      'rank',
      'outputShape',
      `output_shape must list four sizes [batch, height, width, channels]; got ${Array.isArray(outputShape) ? `[${outputShape.join(', ')}]` : String(outputShape)}.`,
      {},
    );
  }
  const outN = checkInt(outputShape[0], 'outputShape', 1, MAX_ELEMENTS, 'batch');
  const outH = checkInt(outputShape[1], 'outputShape', 1, MAX_ELEMENTS, 'height');
  const outW = checkInt(outputShape[2], 'outputShape', 1, MAX_ELEMENTS, 'width');
  const outC = checkInt(outputShape[3], 'outputShape', 1, MAX_ELEMENTS, 'channels');
  if (outN !== n) {
    throw new ShapeError(
      'output-shape',
      'outputShape',
      `output_shape asks for a batch of ${outN}, but the value holds ${n}: a transposed convolution keeps the batch. Use ${n}.`,
      { axis: 'batch', expected: n, got: outN },
    );
  }
  if (outC !== cout) {
    throw new ShapeError(
      'output-shape',
      'outputShape',
      `output_shape asks for ${outC} channels, but the filter [kh, kw, out, in] makes ${cout}. Use ${cout}, or a filter with ${outC} output channels.`,
      { axis: 'channels', expected: cout, got: outC },
    );
  }
  return [outN, outH, outW, outC];
}

/**
 * `tf.nn.max_pool_with_argmax`: input `[N, H, W, C]` → `{output, argmax}`, both `[N, outH, outW, C]`.
 * argmax is TF's flat index `(y·W + x)·C + c`, plus `b·H·W·C` when `includeBatchInIndex`.
 * Padded cells never win; ties go to the first maximum in row-major window order.
 * Allocates an NCHW copy, the core's output and indices, and the two results.
 */
export function maxPoolWithArgmax(input: Tensor, opts: TfMaxPoolWithArgmaxOptions): { output: Tensor; argmax: Tensor } {
  const [n, h, w, c] = checkTensor(input, 4, 'input', NHWC);
  const [kH, kW] = tfPair(opts.ksize, 'ksize', 1);
  const [strideH, strideW] = tfPair(opts.strides, 'strides', 1);
  const padding = checkTfPadding(opts.padding);
  const info = asTf(POOL_NAMES, () => computeTfPool2DInfo([n, c, h, w], [kH, kW], [strideH, strideW], padding));
  const { output, indices } = maxPoolKernel(info, permute4(input, TO_NCHW).data);
  const { outH, outW } = info;
  const plane = outH * outW;
  // The core's index is y·W + x inside one (b, c) plane; TF's walks NHWC memory.
  const flat = new Float64Array(indices.length);
  for (let b = 0; b < n; b++) {
    const batchItem = opts.includeBatchInIndex ? b : 0;
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * plane;
      for (let i = 0; i < plane; i++) flat[base + i] = tfArgmaxIndex(indices[base + i], ch, c, batchItem, h * w);
    }
  }
  const shape = [n, c, outH, outW];
  return {
    output: permute4({ shape, data: output }, TO_NHWC),
    argmax: permute4({ shape, data: flat }, TO_NHWC),
  };
}

/** TensorFlow semantics (NHWC), as `tf.nn`, with the layout converters the UI needs. */
export const tf = {
  conv2d,
  conv2dTranspose,
  maxPoolWithArgmax,
  toNCHW,
  toNHWC,
  conv2dFilterToWeight,
  weightToConv2dFilter,
  transposeFilterToWeight,
  weightToTransposeFilter,
} as const;
