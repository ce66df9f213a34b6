/**
 * Shape arithmetic: every output-size formula, its inverse, and the validation of every
 * operation's parameters. Validation lives here and only here; kernels trust the records
 * these functions return.
 */
import { ShapeError } from './errors';
import { MAX_WORK, numel, type Pair } from './tensor';

/** Padding per side, in cells. */
export interface Pads {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** TensorFlow's padding schemes. */
export type TfPadding = 'SAME' | 'VALID';

const AXES = ['height', 'width'] as const;
/** The largest stride, dilation, padding or kernel side the engine accepts. */
export const MAX_PARAM = 1024;

// ---------------------------------------------------------------------------------------------
// Parameter checks
// ---------------------------------------------------------------------------------------------

/** A whole number in [min, max], or a ShapeError naming `param`. */
export function checkInt(value: unknown, param: string, min: number, max = MAX_PARAM, axis?: string): number {
  const where = axis ? `${param} (${axis})` : param;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ShapeError('not-finite', param, `${where} must be a number; got ${String(value)}.`, {
      got: String(value),
      ...(axis ? { axis } : {}),
    });
  }
  if (!Number.isInteger(value)) {
    throw new ShapeError('not-integer', param, `${where} must be a whole number; got ${value}. Try ${Math.round(value)}.`, {
      got: value,
      suggest: Math.round(value),
      ...(axis ? { axis } : {}),
    });
  }
  if (value < min || value > max) {
    throw new ShapeError(
      'out-of-range',
      param,
      `${where} must be between ${min} and ${max}; got ${value}.`,
      { got: value, min, max, ...(axis ? { axis } : {}) },
    );
  }
  return value;
}

/** A Pair as [height, width], each a whole number in [min, max]. */
export function checkPair(value: Pair | undefined, param: string, fallback: number, min: number, max = MAX_PARAM): [number, number] {
  const v = value ?? fallback;
  if (typeof v === 'number') {
    const n = checkInt(v, param, min, max);
    return [n, n];
  }
  if (!Array.isArray(v) || v.length !== 2) {
    throw new ShapeError('rank', param, `${param} must be one number or a pair [height, width].`, {});
  }
  return [checkInt(v[0], param, min, max, AXES[0]), checkInt(v[1], param, min, max, AXES[1])];
}

function checkWork(work: number): void {
  if (work > MAX_WORK) {
    throw new ShapeError(
      'too-large',
      'x',
      `This would take ${work.toExponential(1)} multiply-adds; the limit is ${MAX_WORK.toExponential(0)}. Use smaller sizes or fewer channels.`,
      { limit: 'work', got: work, max: MAX_WORK },
    );
  }
}

const fmtHW = (h: number, w: number): string => `${h}×${w}`;
const orList = (xs: readonly number[]): string =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;

// ---------------------------------------------------------------------------------------------
// Size formulas (one axis) and their inverses
// ---------------------------------------------------------------------------------------------

/** Dilated kernel extent: d(k − 1) + 1. */
export function effectiveKernel(k: number, d = 1): number {
  return d * (k - 1) + 1;
}

/** Convolution output size ⌊(i + padTotal − d(k−1) − 1)/s⌋ + 1 (may be ≤ 0: check before use). */
export function convOutSize(i: number, k: number, s: number, padTotal: number, d = 1): number {
  return Math.floor((i + padTotal - effectiveKernel(k, d)) / s) + 1;
}

/**
 * Transposed-convolution output size (i − 1)s − padTotal + d(k − 1) + a + 1: the scatter's
 * extent, cropped by the padding and extended by the output padding `a`. With no padding and
 * no `a` it is the uncropped scatter; with PyTorch's k, s, p it is also unpooling's default size.
 */
export function convTransposeOutSize(i: number, k: number, s: number, padTotal: number, d = 1, a = 0): number {
  return (i - 1) * s - padTotal + effectiveKernel(k, d) + a;
}

/** Size of an axis of i cells with s − 1 zeros inserted between neighbours: i + (i − 1)(s − 1). */
export function zeroInsertedSize(i: number, s: number): number {
  return i + (i - 1) * (s - 1);
}

/**
 * The padding p' = d(k − 1) − p that turns a transposed convolution into a stride-1 convolution
 * of the zero-inserted input with the flipped kernel (`p`: the transposed convolution's padding
 * on that side). Negative p' crops.
 */
export function directPadding(k: number, d: number, p: number): number {
  return effectiveKernel(k, d) - 1 - p;
}

/** Whether any side is padded. */
export function hasPadding(p: Pads): boolean {
  return p.top > 0 || p.bottom > 0 || p.left > 0 || p.right > 0;
}

/** The grid a window slides over: an inH × inW input with `pad` around it. */
export function paddedInputSize(info: { readonly inH: number; readonly inW: number; readonly pad: Pads }): { readonly rows: number; readonly cols: number } {
  return { rows: info.inH + info.pad.top + info.pad.bottom, cols: info.inW + info.pad.left + info.pad.right };
}

/**
 * Every input size ≥ 1 that a convolution maps to `o`: the s sizes
 * (o−1)s + d(k−1) + 1 − padTotal … + s − 1. This is why a transposed convolution needs
 * output_padding (PyTorch) or output_shape (TensorFlow): it must pick one of them.
 */
export function convInputSizes(o: number, k: number, s: number, padTotal: number, d = 1): number[] {
  const lo = convTransposeOutSize(o, k, s, padTotal, d);
  const out: number[] = [];
  for (let i = Math.max(1, lo); i <= lo + s - 1; i++) out.push(i);
  return out;
}

/** TensorFlow's output size: SAME → ⌈i/s⌉, VALID → ⌈(i − d(k−1))/s⌉. */
export function tfOutSize(i: number, k: number, s: number, padding: TfPadding, d = 1): number {
  return padding === 'SAME' ? Math.ceil(i / s) : Math.ceil((i - effectiveKernel(k, d) + 1) / s);
}

/**
 * TensorFlow SAME padding on one axis: total = max((⌈i/s⌉ − 1)s + d(k−1) + 1 − i, 0),
 * the odd extra goes after (bottom/right).
 */
export function tfSamePads(i: number, k: number, s: number, d = 1): { before: number; after: number; total: number } {
  // The padded size ⌈i/s⌉ windows need is the transposed size of ⌈i/s⌉ cells.
  const total = Math.max(convTransposeOutSize(Math.ceil(i / s), k, s, 0, d) - i, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, total };
}

/**
 * PyTorch's `'same'` padding on one axis: total d(k − 1), the smaller half before, the odd
 * extra after (bottom/right), so the output keeps the input's size at stride 1.
 */
export function torchSamePads(kH: number, kW: number, dilationH: number, dilationW: number): Pads {
  const totalH = dilationH * (kH - 1);
  const totalW = dilationW * (kW - 1);
  const top = Math.floor(totalH / 2);
  const left = Math.floor(totalW / 2);
  return { top, bottom: totalH - top, left, right: totalW - left };
}

/** Padding per side for one TF axis. */
export function tfPads1(i: number, k: number, s: number, padding: TfPadding, d = 1): { before: number; after: number } {
  return padding === 'SAME' ? tfSamePads(i, k, s, d) : { before: 0, after: 0 };
}

/**
 * Every output_shape size (one axis) that TensorFlow's conv2d_transpose accepts for a value
 * of size `v`: the sizes whose forward convolution gives `v`.
 */
export function tfLegalTransposeSizes(v: number, k: number, s: number, padding: TfPadding, d = 1): number[] {
  const lo = padding === 'SAME' ? (v - 1) * s + 1 : convTransposeOutSize(v, k, s, 0, d);
  const out: number[] = [];
  for (let h = Math.max(1, lo); h <= lo + s - 1; h++) if (tfOutSize(h, k, s, padding, d) === v) out.push(h);
  return out;
}

/**
 * PyTorch's output_padding choices for one axis of a transposed convolution: each legal
 * `a` (0 ≤ a < max(s, d)) with the output size it selects.
 */
export function outputPaddingChoices(i: number, k: number, s: number, p: number, d = 1): { a: number; size: number }[] {
  const out: { a: number; size: number }[] = [];
  for (let a = 0; a < Math.max(s, d); a++) {
    const size = convTransposeOutSize(i, k, s, 2 * p, d, a);
    if (size >= 1) out.push({ a, size });
  }
  return out;
}

/** Unpooling's default size (i − 1)s − 2p + k, and the sizes PyTorch accepts (default ± (s − 1)). */
export function unpoolSizes(i: number, k: number, s: number, p: number): { default: number; legal: number[] } {
  const def = convTransposeOutSize(i, k, s, 2 * p);
  const legal: number[] = [];
  for (let o = Math.max(1, def - s + 1); o <= def + s - 1; o++) legal.push(o);
  return { default: def, legal };
}

// ---------------------------------------------------------------------------------------------
// Records: one per operation, validated once
// ---------------------------------------------------------------------------------------------

/** Everything a convolution kernel needs, in NCHW terms. */
export interface Conv2DInfo {
  readonly batch: number;
  readonly inChannels: number;
  readonly inH: number;
  readonly inW: number;
  readonly outChannels: number;
  readonly outH: number;
  readonly outW: number;
  readonly groups: number;
  /** Input channels per group (= weight dim 1). */
  readonly inPerGroup: number;
  /** Output channels per group. */
  readonly outPerGroup: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly effKH: number;
  readonly effKW: number;
  readonly pad: Pads;
}

/** A transposed convolution: the forward conv's record seen backwards, plus its direct equivalent. */
export interface ConvTranspose2DInfo extends Conv2DInfo {
  /** Extra rows/columns on the bottom/right (PyTorch output_padding). */
  readonly outputPaddingH: number;
  readonly outputPaddingW: number;
  /** Size of the uncropped scatter: (i − 1)s + d(k − 1) + 1. */
  readonly fullH: number;
  readonly fullW: number;
  /** The scatter's canvas: the uncropped scatter and the output padding's rows/columns (fullH + a). */
  readonly canvasH: number;
  readonly canvasW: number;
  /** The equivalent direct convolution: zero-inserted size, its padding p' per side, and the padded size. */
  readonly direct: {
    readonly zeroH: number;
    readonly zeroW: number;
    /** p' = d(k − 1) − p per side; bottom/right also get the output padding. Negative crops. */
    readonly pad: Pads;
    /** The zero-inserted input after p': what the stride-1 convolution slides over. */
    readonly paddedH: number;
    readonly paddedW: number;
  };
}

/** Options of the validated convolution (explicit pads; framework spellings are resolved before). */
export interface ConvParams {
  readonly stride: readonly [number, number];
  readonly pad: Pads;
  readonly dilation: readonly [number, number];
  readonly groups: number;
}

/** Options of the validated transposed convolution. */
export interface ConvTransposeParams extends ConvParams {
  readonly outputPadding: readonly [number, number];
}

function checkPads(pad: Pads, param: string, min: number): Pads {
  return {
    top: checkInt(pad.top, param, min, MAX_PARAM, 'top'),
    bottom: checkInt(pad.bottom, param, min, MAX_PARAM, 'bottom'),
    left: checkInt(pad.left, param, min, MAX_PARAM, 'left'),
    right: checkInt(pad.right, param, min, MAX_PARAM, 'right'),
  };
}

/** Symmetric padding as Pads. */
export function symmetricPads(ph: number, pw: number): Pads {
  return { top: ph, bottom: ph, left: pw, right: pw };
}

function checkGroups(cIn: number, cOut: number, groups: number): void {
  if (cIn % groups !== 0) {
    throw new ShapeError(
      'groups',
      'groups',
      `${cIn} input channels cannot be split into ${groups} groups: the channel count must be divisible by groups.`,
      { channels: cIn, groups, side: 'in' },
    );
  }
  if (cOut % groups !== 0) {
    throw new ShapeError(
      'groups',
      'groups',
      `${cOut} output channels cannot be split into ${groups} groups: the channel count must be divisible by groups.`,
      { channels: cOut, groups, side: 'out' },
    );
  }
}

function checkBias(bias: readonly number[] | undefined, channels: number): void {
  if (bias && (bias.length !== 1 || bias[0] !== channels)) {
    throw new ShapeError('bias', 'bias', `bias must have shape [${channels}] (one value per output channel); got [${bias.join(', ')}].`, {
      expected: channels,
    });
  }
}

/**
 * Validates a convolution: x `[N, Cin, H, W]`, weight `[Cout, Cin/groups, kH, kW]`.
 * Refuses a kernel larger than the padded input, naming the axis and what would fit.
 */
export function computeConv2DInfo(
  xShape: readonly number[],
  wShape: readonly number[],
  params: ConvParams,
  biasShape?: readonly number[],
): Conv2DInfo {
  const [strideH, strideW] = [checkInt(params.stride[0], 'stride', 1, MAX_PARAM, 'height'), checkInt(params.stride[1], 'stride', 1, MAX_PARAM, 'width')];
  const [dilationH, dilationW] = [
    checkInt(params.dilation[0], 'dilation', 1, MAX_PARAM, 'height'),
    checkInt(params.dilation[1], 'dilation', 1, MAX_PARAM, 'width'),
  ];
  const pad = checkPads(params.pad, 'padding', 0);
  const groups = checkInt(params.groups, 'groups', 1);
  numel(xShape, 'x');
  numel(wShape, 'weight');
  const [batch, inChannels, inH, inW] = xShape;
  const [outChannels, inPerGroup, kH, kW] = wShape;
  checkGroups(inChannels, outChannels, groups);
  if (inPerGroup !== inChannels / groups) {
    throw new ShapeError(
      'channels',
      'weight',
      `weight has ${inPerGroup} input channels per group, but x has ${inChannels} channels in ${groups} group(s), so it needs ${inChannels / groups}.`,
      { expected: inChannels / groups, got: inPerGroup },
    );
  }
  checkBias(biasShape, outChannels);
  const effKH = effectiveKernel(kH, dilationH);
  const effKW = effectiveKernel(kW, dilationW);
  checkKernelFits(inH, pad.top + pad.bottom, kH, dilationH, 'height');
  checkKernelFits(inW, pad.left + pad.right, kW, dilationW, 'width');
  const outH = convOutSize(inH, kH, strideH, pad.top + pad.bottom, dilationH);
  const outW = convOutSize(inW, kW, strideW, pad.left + pad.right, dilationW);
  numel([batch, outChannels, outH, outW], 'output');
  checkWork(batch * outChannels * outH * outW * inPerGroup * kH * kW);
  return {
    batch, inChannels, inH, inW, outChannels, outH, outW, groups, inPerGroup,
    outPerGroup: outChannels / groups, kH, kW, strideH, strideW, dilationH, dilationW, effKH, effKW, pad,
  };
}

function checkKernelFits(i: number, padTotal: number, k: number, d: number, axis: string): void {
  const eff = effectiveKernel(k, d);
  if (eff > i + padTotal) {
    const spread = d > 1 ? ` (kernel ${k} spread by dilation ${d})` : '';
    throw new ShapeError(
      'kernel-too-large',
      'weight',
      `The kernel's ${axis} ${eff}${spread} is larger than the padded input's ${axis} ${i + padTotal} (${i} + padding ${padTotal}). ` +
        `Use a kernel of at most ${i + padTotal}${d > 1 ? ' (after dilation)' : ''}, or pad ${Math.ceil((eff - i - padTotal) / 2)} more on each side.`,
      // The padding field counts cells per side: `perSide` more on each side makes room.
      { axis, kernel: eff, padded: i + padTotal, input: i, padding: padTotal, size: k, dilation: d, more: eff - i - padTotal, perSide: Math.ceil((eff - i - padTotal) / 2) },
    );
  }
}

/**
 * Validates a transposed convolution: x `[N, Cin, H, W]`, weight `[Cin, Cout/groups, kH, kW]`.
 * `pad` crops the full scatter on each side (PyTorch: p on every side; TF: the forward conv's
 * pads); output padding adds rows/columns at the bottom/right.
 */
export function computeConvTranspose2DInfo(
  xShape: readonly number[],
  wShape: readonly number[],
  params: ConvTransposeParams,
  biasShape?: readonly number[],
): ConvTranspose2DInfo {
  const strideH = checkInt(params.stride[0], 'stride', 1, MAX_PARAM, 'height');
  const strideW = checkInt(params.stride[1], 'stride', 1, MAX_PARAM, 'width');
  const dilationH = checkInt(params.dilation[0], 'dilation', 1, MAX_PARAM, 'height');
  const dilationW = checkInt(params.dilation[1], 'dilation', 1, MAX_PARAM, 'width');
  const pad = checkPads(params.pad, 'padding', 0);
  const outputPaddingH = checkInt(params.outputPadding[0], 'outputPadding', 0, MAX_PARAM, 'height');
  const outputPaddingW = checkInt(params.outputPadding[1], 'outputPadding', 0, MAX_PARAM, 'width');
  checkOutputPadding(outputPaddingH, strideH, dilationH, 'height');
  checkOutputPadding(outputPaddingW, strideW, dilationW, 'width');
  const groups = checkInt(params.groups, 'groups', 1);
  numel(xShape, 'x');
  numel(wShape, 'weight');
  const [batch, inChannels, inH, inW] = xShape;
  const [wIn, outPerGroup, kH, kW] = wShape;
  if (wIn !== inChannels) {
    throw new ShapeError(
      'channels',
      'weight',
      `A transposed convolution's weight is [in, out/groups, kH, kW]: its first dimension must equal x's ${inChannels} channels; it is ${wIn}.`,
      { expected: inChannels, got: wIn },
    );
  }
  const outChannels = outPerGroup * groups;
  checkGroups(inChannels, outChannels, groups);
  checkBias(biasShape, outChannels);
  const effKH = effectiveKernel(kH, dilationH);
  const effKW = effectiveKernel(kW, dilationW);
  const fullH = convTransposeOutSize(inH, kH, strideH, 0, dilationH);
  const fullW = convTransposeOutSize(inW, kW, strideW, 0, dilationW);
  const outH = convTransposeOutSize(inH, kH, strideH, pad.top + pad.bottom, dilationH, outputPaddingH);
  const outW = convTransposeOutSize(inW, kW, strideW, pad.left + pad.right, dilationW, outputPaddingW);
  checkTransposeOutput(outH, fullH, pad.top + pad.bottom, 'height');
  checkTransposeOutput(outW, fullW, pad.left + pad.right, 'width');
  numel([batch, outChannels, outH, outW], 'output');
  checkWork(batch * inChannels * inH * inW * outPerGroup * kH * kW);
  const zeroH = zeroInsertedSize(inH, strideH);
  const zeroW = zeroInsertedSize(inW, strideW);
  const directPad: Pads = {
    top: directPadding(kH, dilationH, pad.top),
    bottom: directPadding(kH, dilationH, pad.bottom) + outputPaddingH,
    left: directPadding(kW, dilationW, pad.left),
    right: directPadding(kW, dilationW, pad.right) + outputPaddingW,
  };
  return {
    batch, inChannels, inH, inW, outChannels, outH, outW, groups,
    inPerGroup: inChannels / groups, outPerGroup, kH, kW, strideH, strideW, dilationH, dilationW, effKH, effKW, pad,
    outputPaddingH, outputPaddingW, fullH, fullW, canvasH: fullH + outputPaddingH, canvasW: fullW + outputPaddingW,
    direct: {
      zeroH, zeroW, pad: directPad,
      paddedH: zeroH + directPad.top + directPad.bottom,
      paddedW: zeroW + directPad.left + directPad.right,
    },
  };
}

function checkOutputPadding(a: number, s: number, d: number, axis: string): void {
  if (a >= Math.max(s, d)) {
    const limit = Math.max(s, d);
    throw new ShapeError(
      'output-padding',
      'outputPadding',
      `output_padding (${axis}) ${a} must be smaller than the stride (${s}) or the dilation (${d}): use a value from 0 to ${limit - 1}.`,
      { axis, got: a, stride: s, dilation: d, max: limit - 1 },
    );
  }
}

function checkTransposeOutput(out: number, full: number, padTotal: number, axis: string): void {
  if (out < 1) {
    throw new ShapeError(
      'empty-output',
      'padding',
      `Padding crops ${padTotal} from the ${axis} of a ${full}-cell result, leaving ${out}. Use padding of at most ${Math.floor((full - 1) / 2)} per side.`,
      { axis, full, padding: padTotal, got: out, maxPad: Math.floor((full - 1) / 2) },
    );
  }
}

/** Everything a pooling kernel needs (NCHW, one plane at a time). */
export interface Pool2DInfo {
  readonly batch: number;
  readonly channels: number;
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly effKH: number;
  readonly effKW: number;
  readonly pad: Pads;
}

/** Pooling options as PyTorch spells them; stride defaults to the kernel size. */
export interface PoolOptions {
  readonly kernelSize: Pair;
  readonly stride?: Pair;
  readonly padding?: Pair;
  readonly dilation?: Pair;
}

/** Validates pooling on x `[N, C, H, W]` with PyTorch's rules (padding at most half the kernel). */
export function computePool2DInfo(xShape: readonly number[], opts: PoolOptions): Pool2DInfo {
  const [kH, kW] = checkPair(opts.kernelSize, 'kernelSize', 1, 1);
  const [strideH, strideW] = checkPair(opts.stride ?? opts.kernelSize, 'stride', 1, 1);
  const [padH, padW] = checkPair(opts.padding, 'padding', 0, 0);
  const [dilationH, dilationW] = checkPair(opts.dilation, 'dilation', 1, 1);
  checkPoolPadding(padH, kH, 'height');
  checkPoolPadding(padW, kW, 'width');
  numel(xShape, 'x');
  const [batch, channels, inH, inW] = xShape;
  const pad = symmetricPads(padH, padW);
  checkPoolFits(inH, 2 * padH, kH, dilationH, 'height');
  checkPoolFits(inW, 2 * padW, kW, dilationW, 'width');
  const outH = convOutSize(inH, kH, strideH, 2 * padH, dilationH);
  const outW = convOutSize(inW, kW, strideW, 2 * padW, dilationW);
  checkWindowsSeeInput(inH, outH, kH, strideH, padH, dilationH, 'height');
  checkWindowsSeeInput(inW, outW, kW, strideW, padW, dilationW, 'width');
  return {
    batch, channels, inH, inW, outH, outW, kH, kW, strideH, strideW, dilationH, dilationW,
    effKH: effectiveKernel(kH, dilationH), effKW: effectiveKernel(kW, dilationW), pad,
  };
}

/**
 * TensorFlow pooling on x `[N, C, H, W]` (the core's layout): SAME or VALID pads, the odd
 * extra bottom/right. A TF pool is an unpadded pool over the explicitly padded input, so the
 * window is checked against the padded size; SAME's padding (at most k − 1 in all) always
 * leaves a real cell in every window.
 */
export function computeTfPool2DInfo(xShape: readonly number[], kernel: readonly [number, number], stride: readonly [number, number], padding: TfPadding): Pool2DInfo {
  numel(xShape, 'x');
  const [n, c, h, w] = xShape;
  const pad = tfPads(h, w, kernel[0], kernel[1], stride[0], stride[1], padding);
  const { rows, cols } = paddedInputSize({ inH: h, inW: w, pad });
  const padded = computePool2DInfo([n, c, rows, cols], { kernelSize: kernel, stride });
  return { ...padded, inH: h, inW: w, pad };
}

function checkPoolPadding(p: number, k: number, axis: string): void {
  if (p > Math.floor(k / 2)) {
    throw new ShapeError(
      'pool-padding',
      'padding',
      `Pooling padding (${axis}) ${p} is more than half the kernel size ${k}; a window would see only padding. Use at most ${Math.floor(k / 2)}.`,
      { axis, got: p, kernel: k, max: Math.floor(k / 2) },
    );
  }
}

/** With dilation a window's taps can all land in the padding; its maximum would be −∞. Refuse. */
function checkWindowsSeeInput(i: number, o: number, k: number, s: number, p: number, d: number, axis: string): void {
  for (let w = 0; w < o; w++) {
    let sees = false;
    for (let t = 0; t < k && !sees; t++) {
      const at = w * s - p + t * d;
      sees = at >= 0 && at < i;
    }
    if (!sees) {
      throw new ShapeError(
        'pool-padding',
        'padding',
        `Pooling window ${w} along the ${axis} sees only padding (kernel ${k}, dilation ${d}, padding ${p}): it would have no value. Use less padding or dilation.`,
        { axis, window: w, kernel: k, dilation: d, padding: p },
      );
    }
  }
}

function checkPoolFits(i: number, padTotal: number, k: number, d: number, axis: string): void {
  const eff = effectiveKernel(k, d);
  if (eff > i + padTotal) {
    throw new ShapeError(
      'kernel-too-large',
      'kernelSize',
      `The pooling window's ${axis} ${eff} is larger than the padded input's ${axis} ${i + padTotal}. Use a window of at most ${i + padTotal}.`,
      { axis, kernel: eff, padded: i + padTotal, input: i, padding: padTotal, size: k, dilation: d, more: eff - i - padTotal },
    );
  }
}

/** Unpooling options: the pooling's own, plus the output size to restore. */
export interface UnpoolOptions {
  readonly kernelSize: Pair;
  readonly stride?: Pair;
  readonly padding?: Pair;
  /** [H, W]; defaults to (i − 1)s − 2p + k per axis. */
  readonly outputSize?: readonly [number, number];
}

/** Everything an unpooling kernel needs. */
export interface Unpool2DInfo {
  readonly batch: number;
  readonly channels: number;
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly pad: Pads;
}

/** Validates unpooling of x `[N, C, h, w]`; `outputSize` must be one PyTorch accepts. */
export function computeUnpool2DInfo(xShape: readonly number[], opts: UnpoolOptions): Unpool2DInfo {
  const [kH, kW] = checkPair(opts.kernelSize, 'kernelSize', 1, 1);
  const [strideH, strideW] = checkPair(opts.stride ?? opts.kernelSize, 'stride', 1, 1);
  const [padH, padW] = checkPair(opts.padding, 'padding', 0, 0);
  numel(xShape, 'x');
  const [batch, channels, inH, inW] = xShape;
  const h = unpoolSizes(inH, kH, strideH, padH);
  const w = unpoolSizes(inW, kW, strideW, padW);
  let outH = h.default;
  let outW = w.default;
  if (opts.outputSize !== undefined) {
    if (!Array.isArray(opts.outputSize) || opts.outputSize.length !== 2) {
      throw new ShapeError('rank', 'outputSize', 'outputSize must be [height, width].', {});
    }
    outH = checkInt(opts.outputSize[0], 'outputSize', 1, MAX_PARAM * 4, 'height');
    outW = checkInt(opts.outputSize[1], 'outputSize', 1, MAX_PARAM * 4, 'width');
    checkUnpoolSize(outH, h, 'height');
    checkUnpoolSize(outW, w, 'width');
  } else {
    checkUnpoolSize(outH, h, 'height');
    checkUnpoolSize(outW, w, 'width');
  }
  numel([batch, channels, outH, outW], 'output');
  return { batch, channels, inH, inW, outH, outW, kH, kW, strideH, strideW, pad: symmetricPads(padH, padW) };
}

function checkUnpoolSize(o: number, sizes: { default: number; legal: number[] }, axis: string): void {
  if (!sizes.legal.includes(o)) {
    const msg =
      sizes.legal.length === 0
        ? `Unpooling gives no cells along the ${axis}: padding is too large for this kernel and stride.`
        : `An unpooled ${axis} of ${o} is not possible here: the default is ${sizes.default}, and the sizes that work are ${orList(sizes.legal)}.`;
    throw new ShapeError('output-size', 'outputSize', msg, { axis, got: o, legal: sizes.legal, default: sizes.default });
  }
}

// ---------------------------------------------------------------------------------------------
// TensorFlow: padding schemes and output_shape
// ---------------------------------------------------------------------------------------------

/** TF SAME/VALID as explicit pads for an input of inH×inW. */
export function tfPads(inH: number, inW: number, kH: number, kW: number, strideH: number, strideW: number, padding: TfPadding, dilationH = 1, dilationW = 1): Pads {
  const h = tfPads1(inH, kH, strideH, padding, dilationH);
  const w = tfPads1(inW, kW, strideW, padding, dilationW);
  return { top: h.before, bottom: h.after, left: w.before, right: w.after };
}

/** Validates a TF padding name. */
export function checkTfPadding(padding: unknown): TfPadding {
  if (padding !== 'SAME' && padding !== 'VALID') {
    throw new ShapeError('out-of-range', 'padding', `padding must be 'SAME' or 'VALID'; got ${String(padding)}.`, {
      got: String(padding),
    });
  }
  return padding;
}

/**
 * The transposed convolution TF's conv2d_transpose runs for `outputShape` H×W: the forward
 * conv's pads and the output padding that reaches H×W. Refuses an output_shape whose forward
 * convolution does not give the value's size, naming both sizes and the legal ones.
 */
export function tfTransposePads(
  valueH: number, valueW: number, outH: number, outW: number,
  kH: number, kW: number, strideH: number, strideW: number, padding: TfPadding, dilationH = 1, dilationW = 1,
): { pad: Pads; outputPadding: [number, number] } {
  const legalH = tfLegalTransposeSizes(valueH, kH, strideH, padding, dilationH);
  const legalW = tfLegalTransposeSizes(valueW, kW, strideW, padding, dilationW);
  if (!legalH.includes(outH) || !legalW.includes(outW)) {
    const gotH = tfOutSize(outH, kH, strideH, padding, dilationH);
    const gotW = tfOutSize(outW, kW, strideW, padding, dilationW);
    const k = kH === kW ? `${kH}` : `${kH}×${kW}`;
    const s = strideH === strideW ? `${strideH}` : `${strideH}×${strideW}`;
    const legal =
      legalH.length && legalW.length
        ? `Sizes that give ${fmtHW(valueH, valueW)}: ${describeLegal(legalH, legalW)}.`
        : `No size gives ${fmtHW(valueH, valueW)} with this kernel and stride.`;
    throw new ShapeError(
      'output-shape',
      'outputShape',
      `output_shape ${fmtHW(outH, outW)} is impossible: a ${fmtHW(outH, outW)} input convolved with k=${k}, s=${s}, ${padding} gives ` +
        `${fmtHW(Math.max(gotH, 0), Math.max(gotW, 0))}, not ${fmtHW(valueH, valueW)}. ${legal}`,
      {
        actual: [valueH, valueW], computed: [gotH, gotW], forward: [Math.max(gotH, 0), Math.max(gotW, 0)], requested: [outH, outW],
        legalH, legalW, padding, kernel: [kH, kW], stride: [strideH, strideW], dilation: [dilationH, dilationW],
      },
    );
  }
  const ph = tfPads1(outH, kH, strideH, padding, dilationH);
  const pw = tfPads1(outW, kW, strideW, padding, dilationW);
  return {
    pad: { top: ph.before, bottom: ph.after, left: pw.before, right: pw.after },
    outputPadding: [
      outH - convTransposeOutSize(valueH, kH, strideH, ph.before + ph.after, dilationH),
      outW - convTransposeOutSize(valueW, kW, strideW, pw.before + pw.after, dilationW),
    ],
  };
}

function describeLegal(hs: readonly number[], ws: readonly number[]): string {
  if (hs.length === ws.length && hs.every((h, i) => h === ws[i])) return orList(hs);
  return `height ${orList(hs)}; width ${orList(ws)}`;
}
