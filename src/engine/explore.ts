/**
 * The explorer's one question, asked of the engine: "this operation, these sizes, these
 * numbers, in this framework's terms". Resolves the framework's spelling (PyTorch padding and
 * output_padding, or TensorFlow SAME/VALID and output_shape) into the core's records, once,
 * for the shape panel (synchronously) and for the numbers (in the worker).
 * One image: x `[1, Cin, H, W]`; conv weight `[Cout, Cin/g, kH, kW]`, transposed weight
 * `[Cin, Cout/g, kH, kW]`; pooling has no weight and keeps the channels.
 */
import { ShapeError } from './errors';
import {
  computeConv2DInfo, computeConvTranspose2DInfo, computePool2DInfo, computeTfPool2DInfo, computeUnpool2DInfo, checkInt,
  convInputSizes, outputPaddingChoices, symmetricPads, tfLegalTransposeSizes, tfPads, tfTransposePads, unpoolSizes,
  type Conv2DInfo, type ConvTranspose2DInfo, type Pads, type Pool2DInfo, type TfPadding, type Unpool2DInfo,
} from './shape';
import type { HW } from './tensor';

export type Framework = 'torch' | 'tf';
export type ExploreOp = 'conv' | 'convT' | 'unpool';
/** Which pooling the unpooling undoes. */
export type PoolKind = 'max' | 'avg';
/** The largest channel count the explorer draws. */
export const MAX_CHANNELS = 4;
/** The side of the largest square grid the explorer draws. */
export const MAX_DRAWN_SIDE = 160;
/** The most cells of any grid the explorer draws (output, scatter canvas, padded grid): more freeze a page. */
export const MAX_DRAWN_CELLS = MAX_DRAWN_SIDE * MAX_DRAWN_SIDE;

/** Refuses a transposed convolution whose grids would be too large to draw, naming the sizes. */
function checkDrawable(info: ConvTranspose2DInfo): void {
  const canvas = [info.canvasH, info.canvasW];
  const padded = [info.direct.paddedH, info.direct.paddedW];
  const cells = Math.max(info.outH * info.outW, canvas[0] * canvas[1], padded[0] * padded[1]);
  if (cells > MAX_DRAWN_CELLS) {
    throw new ShapeError(
      'too-large',
      'input',
      `The output would be ${info.outH}×${info.outW}, its scatter canvas ${canvas[0]}×${canvas[1]} and its padded, zero-inserted grid ${padded[0]}×${padded[1]}: ` +
        `too large to draw cell by cell; the explorer draws grids of up to ${MAX_DRAWN_CELLS} cells (${MAX_DRAWN_SIDE}×${MAX_DRAWN_SIDE}). Use a smaller input, stride, kernel or dilation.`,
      {
        limit: 'cells', got: cells, max: MAX_DRAWN_CELLS, side: MAX_DRAWN_SIDE,
        output: [info.outH, info.outW], canvas, padded,
      },
    );
  }
}

/** What the learner picked. `padding` is numbers (PyTorch) or SAME/VALID (TensorFlow). */
export interface ExploreSpec {
  readonly op: ExploreOp;
  readonly fw: Framework;
  readonly input: HW;
  readonly kernel: HW;
  readonly stride: HW;
  readonly padding: HW | TfPadding;
  readonly dilation: HW;
  /** PyTorch output_padding (transposed conv only). */
  readonly outputPadding: HW;
  /** TensorFlow output_shape H×W (transposed conv), or the unpooled size; null picks the default. */
  readonly outputShape: HW | null;
  /** Channels and groups (conv and transposed conv); all 1 when omitted. Pooling uses `in` only. */
  readonly channels?: { readonly in: number; readonly out: number; readonly groups: number };
  /** The pooling that `unpool` undoes; max when omitted. */
  readonly pool?: PoolKind;
}

/** Per axis: the sizes that explain why output_padding / output_shape exist. */
export interface AxisFacts {
  /** Conv: every input size with the same output. ConvT: every output size the same input can reach. */
  readonly siblings: readonly number[];
  /** TF SAME/VALID pads of this axis (conv: of the input; convT: of output_shape). */
  readonly tfPad: { readonly before: number; readonly after: number } | null;
  /** TF convT: legal output_shape sizes; PyTorch convT: output_padding → size. */
  readonly legalOut: readonly number[];
  readonly outputPaddingChoices: readonly { readonly a: number; readonly size: number }[];
}

/** A validated exploration: the core record and the facts the formula panel shows. */
export type Explored =
  | { readonly op: 'conv'; readonly spec: ExploreSpec; readonly info: Conv2DInfo; readonly axes: readonly [AxisFacts, AxisFacts] }
  | { readonly op: 'convT'; readonly spec: ExploreSpec; readonly info: ConvTranspose2DInfo; readonly axes: readonly [AxisFacts, AxisFacts] }
  | {
      readonly op: 'unpool';
      readonly spec: ExploreSpec;
      readonly pool: Pool2DInfo;
      readonly unpool: Unpool2DInfo;
      readonly axes: readonly [AxisFacts, AxisFacts];
    };

/** The default TF output_shape of one axis: v·s for SAME (what generators use), the smallest legal for VALID. */
export function defaultTfOutputSize(v: number, k: number, s: number, padding: TfPadding, d: number): number {
  const legal = tfLegalTransposeSizes(v, k, s, padding, d);
  return padding === 'SAME' ? legal[legal.length - 1] : legal[0];
}

function tfPaddingOf(spec: ExploreSpec): TfPadding {
  if (typeof spec.padding === 'string') return spec.padding;
  throw new ShapeError('out-of-range', 'padding', "With TensorFlow semantics padding is 'SAME' or 'VALID'.", { framework: 'tf' });
}

function torchPads(spec: ExploreSpec): Pads {
  if (typeof spec.padding === 'string') {
    throw new ShapeError('out-of-range', 'padding', 'With PyTorch semantics padding is a number of cells per side.', { framework: 'torch' });
  }
  return symmetricPads(spec.padding[0], spec.padding[1]);
}

/**
 * Validates `spec` and returns the core record plus the per-axis facts. Throws ShapeError
 * naming the parameter at fault (`input`, `kernel`, `stride`, `padding`, `dilation`,
 * `outputPadding`, `outputShape`, or `weight` when the kernel does not fit).
 */
export function explore(spec: ExploreSpec): Explored {
  const [inH, inW] = [checkInt(spec.input[0], 'input', 1, 1024, 'height'), checkInt(spec.input[1], 'input', 1, 1024, 'width')];
  const [kH, kW] = [checkInt(spec.kernel[0], 'kernel', 1, 64, 'height'), checkInt(spec.kernel[1], 'kernel', 1, 64, 'width')];
  const ch = spec.channels ?? { in: 1, out: 1, groups: 1 };
  const cin = checkInt(ch.in, 'inChannels', 1, MAX_CHANNELS);
  const cout = checkInt(ch.out, 'outChannels', 1, MAX_CHANNELS);
  const groups = checkInt(ch.groups, 'groups', 1, MAX_CHANNELS);
  if (spec.op === 'unpool') return explorePooling(spec, [1, cin, inH, inW], kH, kW);
  const xShape = [1, cin, inH, inW];
  const wShape = spec.op === 'conv' ? [cout, cin / groups, kH, kW] : [cin, cout / groups, kH, kW];
  if (!Number.isInteger(cin / groups) || !Number.isInteger(cout / groups)) {
    // The core says the same; checked here first so the weight's shape is never fractional.
    computeConv2DInfo([1, cin, inH, inW], [cout, 1, kH, kW], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups });
  }
  const base = { stride: spec.stride, dilation: spec.dilation, groups };
  const [sH, sW] = spec.stride;
  const [dH, dW] = spec.dilation;
  if (spec.op === 'conv') {
    const pad = spec.fw === 'tf' ? tfPads(inH, inW, kH, kW, sH, sW, tfPaddingOf(spec), dH, dW) : torchPads(spec);
    const info = computeConv2DInfo(xShape, wShape, { ...base, pad });
    const axis = (k: number, s: number, d: number, pt: number, before: number, after: number, o: number): AxisFacts => ({
      siblings: spec.fw === 'tf' ? tfLegalTransposeSizes(o, k, s, tfPaddingOf(spec), d) : convInputSizes(o, k, s, pt, d),
      tfPad: spec.fw === 'tf' ? { before, after } : null,
      legalOut: [],
      outputPaddingChoices: [],
    });
    return {
      op: 'conv', spec, info,
      axes: [
        axis(kH, sH, dH, pad.top + pad.bottom, pad.top, pad.bottom, info.outH),
        axis(kW, sW, dW, pad.left + pad.right, pad.left, pad.right, info.outW),
      ],
    };
  }
  if (spec.fw === 'tf') {
    const padding = tfPaddingOf(spec);
    const outH = spec.outputShape?.[0] ?? defaultTfOutputSize(inH, kH, sH, padding, dH);
    const outW = spec.outputShape?.[1] ?? defaultTfOutputSize(inW, kW, sW, padding, dW);
    const { pad, outputPadding } = tfTransposePads(inH, inW, outH, outW, kH, kW, sH, sW, padding, dH, dW);
    const info = computeConvTranspose2DInfo(xShape, wShape, { ...base, pad, outputPadding });
    checkDrawable(info);
    const axis = (v: number, k: number, s: number, d: number, o: number): AxisFacts => {
      const legal = tfLegalTransposeSizes(v, k, s, padding, d);
      const p = padding === 'SAME' ? tfPads(o, o, k, k, s, s, padding, d, d) : null;
      return { siblings: legal, tfPad: p ? { before: p.top, after: p.bottom } : { before: 0, after: 0 }, legalOut: legal, outputPaddingChoices: [] };
    };
    return { op: 'convT', spec, info, axes: [axis(inH, kH, sH, dH, outH), axis(inW, kW, sW, dW, outW)] };
  }
  const pad = torchPads(spec);
  const info = computeConvTranspose2DInfo(xShape, wShape, { ...base, pad, outputPadding: spec.outputPadding });
  checkDrawable(info);
  const axis = (i: number, k: number, s: number, p: number, d: number): AxisFacts => {
    const choices = outputPaddingChoices(i, k, s, p, d);
    return { siblings: choices.map((c) => c.size), tfPad: null, legalOut: choices.map((c) => c.size), outputPaddingChoices: choices };
  };
  return { op: 'convT', spec, info, axes: [axis(inH, kH, sH, pad.top, dH), axis(inW, kW, sW, pad.left, dW)] };
}

/** Pooling then unpooling: the pool's record and the unpool's (its output size from outputShape). */
function explorePooling(spec: ExploreSpec, xShape: readonly number[], kH: number, kW: number): Explored {
  const [inH, inW] = [xShape[2], xShape[3]];
  const [sH, sW] = spec.stride;
  if (spec.fw === 'tf') {
    const padding = tfPaddingOf(spec);
    const pool = computeTfPool2DInfo(xShape, [kH, kW], [sH, sW], padding);
    // TensorFlow has no unpool op; tutorials scatter by the argmax back into the input's shape.
    const outH = spec.outputShape?.[0] ?? inH;
    const outW = spec.outputShape?.[1] ?? inW;
    if (outH !== inH || outW !== inW) {
      throw new ShapeError(
        'output-size',
        'outputShape',
        `With TensorFlow the unpooled size is the input's size, ${inH}×${inW} (the argmax indices point into it); got ${outH}×${outW}.`,
        { legal: [inH], got: [outH, outW], expected: [inH, inW] },
      );
    }
    const { batch, channels, strideH, strideW, pad } = pool;
    const unpool: Unpool2DInfo = { batch, channels, inH: pool.outH, inW: pool.outW, outH: inH, outW: inW, kH, kW, strideH, strideW, pad };
    const axis = (i: number, o: number, k: number, s: number, before: number, after: number): AxisFacts => ({
      siblings: tfLegalTransposeSizes(o, k, s, padding, 1),
      tfPad: { before, after },
      legalOut: [i],
      outputPaddingChoices: [],
    });
    return { op: 'unpool', spec, pool, unpool, axes: [axis(inH, pool.outH, kH, sH, pad.top, pad.bottom), axis(inW, pool.outW, kW, sW, pad.left, pad.right)] };
  }
  const padding = torchPads(spec);
  const opts = { kernelSize: [kH, kW] as const, stride: [sH, sW] as const, padding: [padding.top, padding.left] as const };
  const pool = computePool2DInfo(xShape, opts);
  const unpool = computeUnpool2DInfo([xShape[0], xShape[1], pool.outH, pool.outW], {
    ...opts,
    outputSize: spec.outputShape ? [spec.outputShape[0], spec.outputShape[1]] : [inH, inW],
  });
  const axis = (o: number, k: number, s: number, p: number): AxisFacts => {
    const legal = unpoolSizes(o, k, s, p).legal;
    return { siblings: convInputSizes(o, k, s, 2 * p, 1), tfPad: null, legalOut: legal, outputPaddingChoices: [] };
  };
  return { op: 'unpool', spec, pool, unpool, axes: [axis(pool.outH, kH, sH, padding.top), axis(pool.outW, kW, sW, padding.left)] };
}
