/**
 * The explorer's one question, asked of the engine: "this operation, these sizes, these
 * numbers, in this framework's terms". Resolves the framework's spelling (PyTorch padding and
 * output_padding, or TensorFlow SAME/VALID and output_shape) into the core's records, once,
 * for the shape panel (synchronously) and for the numbers (in the worker).
 * Single image, single channel: x `[1, 1, H, W]`, kernel `[1, 1, kH, kW]`.
 */
import { ShapeError } from './errors';
import {
  computeConv2DInfo, computeConvTranspose2DInfo, checkInt, convInputSizes,
  outputPaddingChoices, symmetricPads, tfLegalTransposeSizes, tfPads, tfTransposePads,
  type Conv2DInfo, type ConvTranspose2DInfo, type Pads, type TfPadding,
} from './shape';

export type Framework = 'torch' | 'tf';
export type ExploreOp = 'conv' | 'convT';
type HW = readonly [number, number];

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
  /** TensorFlow output_shape H×W (transposed conv only); null picks the default legal size. */
  readonly outputShape: HW | null;
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
  | { readonly op: 'convT'; readonly spec: ExploreSpec; readonly info: ConvTranspose2DInfo; readonly axes: readonly [AxisFacts, AxisFacts] };

/** The default TF output_shape of one axis: v·s for SAME (what generators use), the smallest legal for VALID. */
export function defaultTfOutputSize(v: number, k: number, s: number, padding: TfPadding, d: number): number {
  const legal = tfLegalTransposeSizes(v, k, s, padding, d);
  return padding === 'SAME' ? legal[legal.length - 1] : legal[0];
}

function tfPaddingOf(spec: ExploreSpec): TfPadding {
  if (typeof spec.padding === 'string') return spec.padding;
  throw new ShapeError('out-of-range', 'padding', "With TensorFlow semantics padding is 'SAME' or 'VALID'.", {});
}

function torchPads(spec: ExploreSpec): Pads {
  if (typeof spec.padding === 'string') {
    throw new ShapeError('out-of-range', 'padding', 'With PyTorch semantics padding is a number of cells per side.', {});
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
  const xShape = [1, 1, inH, inW];
  const wShape = [1, 1, kH, kW];
  const base = { stride: spec.stride, dilation: spec.dilation, groups: 1 };
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
    const axis = (v: number, k: number, s: number, d: number, o: number): AxisFacts => {
      const legal = tfLegalTransposeSizes(v, k, s, padding, d);
      const p = padding === 'SAME' ? tfPads(o, o, k, k, s, s, padding, d, d) : null;
      return { siblings: legal, tfPad: p ? { before: p.top, after: p.bottom } : { before: 0, after: 0 }, legalOut: legal, outputPaddingChoices: [] };
    };
    return { op: 'convT', spec, info, axes: [axis(inH, kH, sH, dH, outH), axis(inW, kW, sW, dW, outW)] };
  }
  const pad = torchPads(spec);
  const info = computeConvTranspose2DInfo(xShape, wShape, { ...base, pad, outputPadding: spec.outputPadding });
  const axis = (i: number, k: number, s: number, p: number, d: number): AxisFacts => {
    const choices = outputPaddingChoices(i, k, s, p, d);
    return { siblings: choices.map((c) => c.size), tfPad: null, legalOut: choices.map((c) => c.size), outputPaddingChoices: choices };
  };
  return { op: 'convT', spec, info, axes: [axis(inH, kH, sH, pad.top, dH), axis(inW, kW, sW, pad.left, dW)] };
}
