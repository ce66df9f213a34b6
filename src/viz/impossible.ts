/**
 * The pictures of an impossible choice, as plain records the component draws (no arithmetic in
 * the component): for an output_shape TensorFlow refuses, the requested size convolved forward
 * next to the value's size, the sizes that would work (one click each) and TensorFlow's own two
 * messages for it; for a kernel larger than the padded input, the padded input with the kernel
 * overhanging it. Every number comes from the engine's refusal (`details`) or from the engine's
 * own formulas on the current setting.
 */
import { effectiveKernel, tfPads, torchSamePads, type ExploreSpec, type HW } from '../engine';
import type { ShapeErrorLike } from '../i18n/shapeErrors';

const pairOf = (v: unknown): HW => (Array.isArray(v) && v.length === 2 ? [Number(v[0]), Number(v[1])] : [0, 0]);
const listOf = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

export interface OutputShapePicture {
  /** The output_shape asked for (H, W). */
  readonly requested: HW;
  /** What a forward convolution of the requested size gives. */
  readonly forward: HW;
  /** The value's own size: what the forward convolution would have to give. */
  readonly value: HW;
  readonly kernel: HW;
  readonly stride: HW;
  readonly dilation: HW;
  readonly padding: 'SAME' | 'VALID';
  /** Whether each axis matches (forward = value). */
  readonly matches: readonly [boolean, boolean];
  /** Every legal output_shape (H, W): one click each. */
  readonly legal: readonly HW[];
  /** The largest side drawn, for the common scale of the boxes. */
  readonly largest: number;
  /**
   * TensorFlow's own two messages for it, as TensorFlow prints them (facts, like the code panel's
   * code: the same in both languages): graph mode compares the NHWC shapes; the kernel that runs
   * reports the first axis that differs.
   */
  readonly tf: { readonly shapes: string; readonly backprop: string };
}

/** The picture of a refused output_shape (`channels`: the value's channels, for TensorFlow's NHWC shapes), or null for another refusal. */
export function outputShapePicture(e: ShapeErrorLike, channels: number): OutputShapePicture | null {
  if (e.code !== 'output-shape') return null;
  const d = e.details;
  const requested = pairOf(d.requested);
  const forward = pairOf(d.forward);
  const value = pairOf(d.actual);
  const legalH = listOf(d.legalH);
  const legalW = listOf(d.legalW);
  const matches: [boolean, boolean] = [forward[0] === value[0], forward[1] === value[1]];
  const axis = matches[0] ? 1 : 0;
  return {
    requested, forward, value,
    kernel: pairOf(d.kernel), stride: pairOf(d.stride), dilation: d.dilation === undefined ? [1, 1] : pairOf(d.dilation),
    padding: d.padding === 'VALID' ? 'VALID' : 'SAME',
    matches,
    legal: legalH.flatMap((h) => legalW.map((w): HW => [h, w])),
    largest: Math.max(...requested, ...forward, ...value, 1),
    tf: {
      shapes: `ValueError: Shapes (1, ${forward[0]}, ${forward[1]}, ${channels}) and (1, ${value[0]}, ${value[1]}, ${channels}) are not compatible`,
      backprop: `InvalidArgumentError: Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: actual = ${value[axis]}, computed = ${forward[axis]}`,
    },
  };
}

/** One axis of the overhang picture: the input, its padding before and after, the padded size, the (dilated) kernel's extent. */
export interface OverhangAxis {
  readonly input: number;
  readonly before: number;
  readonly after: number;
  readonly padded: number;
  readonly kernel: number;
  /** Cells the picture spans: the padded input or the kernel, whichever is longer. */
  readonly span: number;
  readonly fits: boolean;
  /** Cells the kernel reaches past the padded input (0 when it fits). */
  readonly over: number;
}

export interface OverhangPicture {
  readonly h: OverhangAxis;
  readonly w: OverhangAxis;
}

/** What a cell of the overhang picture shows: input, padding or nothing, and whether the kernel covers it. */
export interface OverhangCell {
  readonly kind: 'input' | 'pad' | 'none';
  readonly kernel: boolean;
}

/** The padding per side of the current setting, per axis (the engine's rules: numbers, SAME, VALID). */
function padsOf(spec: ExploreSpec): { h: [number, number]; w: [number, number] } {
  const [ih, iw] = spec.input;
  const [kh, kw] = spec.kernel;
  const [dh, dw] = spec.dilation;
  if (spec.padding === 'VALID') return { h: [0, 0], w: [0, 0] };
  if (spec.padding === 'SAME') {
    const p = spec.fw === 'tf' ? tfPads(ih, iw, kh, kw, spec.stride[0], spec.stride[1], 'SAME', dh, dw) : torchSamePads(kh, kw, dh, dw);
    return { h: [p.top, p.bottom], w: [p.left, p.right] };
  }
  const [ph, pw] = spec.padding;
  return { h: [ph, ph], w: [pw, pw] };
}

/** The overhang picture of the current setting when the engine refused its kernel (or window) as too large, else null. */
export function overhangPicture(e: ShapeErrorLike, spec: ExploreSpec): OverhangPicture | null {
  if (e.code !== 'kernel-too-large') return null;
  const pads = padsOf(spec);
  const pooling = spec.op === 'unpool';
  const axis = (i: 0 | 1): OverhangAxis => {
    const [before, after] = i === 0 ? pads.h : pads.w;
    const input = spec.input[i];
    const padded = input + before + after;
    const kernel = effectiveKernel(spec.kernel[i], pooling ? 1 : spec.dilation[i]);
    return { input, before, after, padded, kernel, span: Math.max(padded, kernel), fits: kernel <= padded, over: Math.max(0, kernel - padded) };
  };
  return { h: axis(0), w: axis(1) };
}

/** Cell (r, c) of the overhang picture; the kernel sits at the top-left corner of the padded input. */
export function overhangCell(p: OverhangPicture, r: number, c: number): OverhangCell {
  const inPadded = r < p.h.padded && c < p.w.padded;
  const inInput = r >= p.h.before && r < p.h.before + p.h.input && c >= p.w.before && c < p.w.before + p.w.input;
  return { kind: !inPadded ? 'none' : inInput ? 'input' : 'pad', kernel: r < p.h.kernel && c < p.w.kernel };
}
