import { ShapeError } from '../errors';
import { conv2dKernel } from '../kernels/conv2d';
import { convTranspose2dKernel } from '../kernels/convTranspose2d';
import { checkPair, computeConv2DInfo, computeConvTranspose2DInfo, symmetricPads, type ConvTranspose2DInfo } from '../shape';
import { checkTensor, MAX_ELEMENTS, type Pair, type Tensor } from '../tensor';
import { flipKernel, padOrCrop, swapKernelInOut, zeroInsert } from './teaching';

/** Options of `convTranspose2d`, spelled as `torch.nn.functional.conv_transpose2d` (camelCase). */
export interface ConvTranspose2dOptions {
  /** `[Cout]`, added to every output cell of its channel. */
  readonly bias?: Tensor;
  /** Default 1. */
  readonly stride?: Pair;
  /** Default 0: rows/columns cropped from each side of the full scatter. */
  readonly padding?: Pair;
  /** Default 0: extra rows/columns at the bottom/right; smaller than the stride or the dilation. */
  readonly outputPadding?: Pair;
  /** Default 1. */
  readonly dilation?: Pair;
  /** Default 1. */
  readonly groups?: number;
}

/**
 * Validates a PyTorch conv_transpose2d call and returns its record (no arithmetic on the data).
 * x `[N, Cin, H, W]`, weight `[Cin, Cout/groups, kH, kW]`, bias `[Cout]`. Allocates nothing big.
 */
export function convTranspose2dInfo(x: Tensor, weight: Tensor, opts: ConvTranspose2dOptions = {}): ConvTranspose2DInfo {
  const xShape = checkTensor(x, 4, 'x', '[N, C, H, W]');
  const wShape = checkTensor(weight, 4, 'weight', '[Cin, Cout/groups, kH, kW]');
  const biasShape = opts.bias === undefined ? undefined : checkTensor(opts.bias, 1, 'bias', '[Cout]');
  const stride = checkPair(opts.stride, 'stride', 1, 1);
  const [ph, pw] = checkPair(opts.padding, 'padding', 0, 0);
  const outputPadding = checkPair(opts.outputPadding, 'outputPadding', 0, 0);
  const dilation = checkPair(opts.dilation, 'dilation', 1, 1);
  return computeConvTranspose2DInfo(
    xShape,
    wShape,
    { stride, pad: symmetricPads(ph, pw), outputPadding, dilation, groups: opts.groups ?? 1 },
    biasShape,
  );
}

/**
 * `torch.nn.functional.conv_transpose2d`. x `[N, Cin, H, W]`, weight `[Cin, Cout/groups, kH, kW]`
 * → `[N, Cout, (H−1)s − 2p + d(k−1) + outputPadding + 1, …]`. Allocates the output only.
 */
export function convTranspose2d(x: Tensor, weight: Tensor, opts: ConvTranspose2dOptions = {}): Tensor {
  const info = convTranspose2dInfo(x, weight, opts);
  const data = convTranspose2dKernel(info, x.data, weight.data, opts.bias?.data);
  return { shape: [info.batch, info.outChannels, info.outH, info.outW], data };
}

// ---------------------------------------------------------------------------------------------
// Teaching forms: the same numbers computed the two ways tutorials draw them
// ---------------------------------------------------------------------------------------------

/** The scatter form: the uncropped canvas and the output cropped from it. */
export interface ScatterResult {
  /** `[N, Cout, canvasH, canvasW]` (fullH + outputPaddingH …): every stamp, nothing cropped. */
  readonly full: Tensor;
  /** `[N, Cout, outH, outW]`: `full` without pad.top/bottom rows and pad.left/right columns. */
  readonly output: Tensor;
}

/** The direct form's stages. */
export interface DirectResult {
  /** `[N, Cin, (H−1)s + 1, (W−1)s + 1]`: s − 1 zeros between input cells. */
  readonly zeroInserted: Tensor;
  /** `zeroInserted` padded by p' = d(k−1) − p per side (+ output padding bottom/right); negative crops. */
  readonly padded: Tensor;
  /** `[Cout, Cin/groups, kH, kW]`: the weight with in/out swapped and each plane turned 180°. */
  readonly flippedWeight: Tensor;
  /** `[N, Cout, outH, outW]`: stride-1 convolution of `padded` with `flippedWeight`. */
  readonly output: Tensor;
}

/**
 * Scatter form of `convTranspose2d`: each input cell times the whole kernel, stamped at
 * (iy·s, ix·s) on the full canvas, then the padding cropped away. Same options and result.
 * Allocates the canvas and the output.
 */
export function convTranspose2dScatter(x: Tensor, weight: Tensor, opts: ConvTranspose2dOptions = {}): ScatterResult {
  return convTranspose2dScatterFromInfo(convTranspose2dInfo(x, weight, opts), x, weight, opts.bias);
}

/**
 * Direct form of `convTranspose2d`: zero-insert → pad p' → flip and swap the kernel →
 * stride-1 convolution with the same dilation. Same options and output. Allocates each stage.
 */
export function convTranspose2dDirect(x: Tensor, weight: Tensor, opts: ConvTranspose2dOptions = {}): DirectResult {
  return convTranspose2dDirectFromInfo(convTranspose2dInfo(x, weight, opts), x, weight, opts.bias);
}

/**
 * Scatter form for an already validated record (e.g. TensorFlow's asymmetric pads).
 * x and w must have the shapes `info` was computed for.
 */
export function convTranspose2dScatterFromInfo(info: ConvTranspose2DInfo, x: Tensor, w: Tensor, bias?: Tensor): ScatterResult {
  checkMatchesInfo(info, x, w, bias);
  const { batch, inChannels, inH, inW, outChannels, inPerGroup, outPerGroup, kH, kW } = info;
  const { strideH, strideW, dilationH, dilationW, pad } = info;
  const { canvasH, canvasW } = info;
  checkCanvas([batch, outChannels, canvasH, canvasW], 'padding', 'uncropped scatter canvas');
  const full = new Float64Array(batch * outChannels * canvasH * canvasW);
  for (let n = 0; n < batch; n++) {
    for (let ci = 0; ci < inChannels; ci++) {
      const group = Math.floor(ci / inPerGroup);
      for (let iy = 0; iy < inH; iy++) {
        for (let ix = 0; ix < inW; ix++) {
          const v = x.data[((n * inChannels + ci) * inH + iy) * inW + ix];
          for (let cj = 0; cj < outPerGroup; cj++) {
            stamp(full, ((n * outChannels + group * outPerGroup + cj) * canvasH + iy * strideH) * canvasW + ix * strideW, canvasW,
              v, w.data, (ci * outPerGroup + cj) * kH * kW, kH, kW, dilationH, dilationW);
          }
        }
      }
    }
  }
  if (bias) addBias(full, bias.data, batch, outChannels, canvasH * canvasW);
  const fullTensor: Tensor = { shape: [batch, outChannels, canvasH, canvasW], data: full };
  const output = padOrCrop(fullTensor, { top: -pad.top, bottom: -pad.bottom, left: -pad.left, right: -pad.right });
  return { full: fullTensor, output };
}

/**
 * Direct form for an already validated record (e.g. TensorFlow's asymmetric pads).
 * x and w must have the shapes `info` was computed for.
 */
export function convTranspose2dDirectFromInfo(info: ConvTranspose2DInfo, x: Tensor, w: Tensor, bias?: Tensor): DirectResult {
  checkMatchesInfo(info, x, w, bias);
  const { direct } = info;
  checkCanvas([info.batch, info.inChannels, direct.zeroH, direct.zeroW], 'stride', 'zero-inserted input');
  checkCanvas([info.batch, info.inChannels, direct.paddedH, direct.paddedW], 'weight', 'padded, zero-inserted input');
  const zeroInserted = zeroInsert(x, info.strideH, info.strideW);
  const padded = padOrCrop(zeroInserted, direct.pad);
  const flippedWeight = flipKernel(swapKernelInOut(w, info.groups));
  const convInfo = computeConv2DInfo(
    padded.shape,
    flippedWeight.shape,
    { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [info.dilationH, info.dilationW], groups: info.groups },
    bias?.shape,
  );
  const data = conv2dKernel(convInfo, padded.data, flippedWeight.data, bias?.data);
  return { zeroInserted, padded, flippedWeight, output: { shape: [convInfo.batch, convInfo.outChannels, convInfo.outH, convInfo.outW], data } };
}

/** Adds v·kernel plane onto `canvas` with its top-left tap at `at`, taps `dilation` apart. */
function stamp(canvas: Float64Array, at: number, canvasW: number, v: number, w: Float64Array, wAt: number, kH: number, kW: number, dH: number, dW: number): void {
  for (let ky = 0; ky < kH; ky++) {
    for (let kx = 0; kx < kW; kx++) canvas[at + ky * dH * canvasW + kx * dW] += v * w[wAt + ky * kW + kx];
  }
}

function addBias(data: Float64Array, bias: Float64Array, batch: number, channels: number, plane: number): void {
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      const start = (n * channels + c) * plane;
      for (let i = start; i < start + plane; i++) data[i] += bias[c];
    }
  }
}

/** The teaching canvases are larger than the output; refuse before allocating one beyond the limit. */
function checkCanvas(shape: readonly number[], param: string, what: string): void {
  const n = shape.reduce((a, b) => a * b, 1);
  if (n > MAX_ELEMENTS) {
    throw new ShapeError(
      'too-large',
      param,
      `The ${what} would hold ${n.toLocaleString('en')} numbers; the limit is ${MAX_ELEMENTS.toLocaleString('en')}. ` +
        `Use a smaller input, kernel, stride or padding to see this form.`,
      { got: n, max: MAX_ELEMENTS },
    );
  }
}

/** The FromInfo variants trust `info`, so the tensors must be the ones it was computed for. */
function checkMatchesInfo(info: ConvTranspose2DInfo, x: Tensor, w: Tensor, bias: Tensor | undefined): void {
  sameShape(checkTensor(x, 4, 'x', '[N, C, H, W]'), [info.batch, info.inChannels, info.inH, info.inW], 'x');
  sameShape(checkTensor(w, 4, 'weight', '[Cin, Cout/groups, kH, kW]'), [info.inChannels, info.outPerGroup, info.kH, info.kW], 'weight');
  if (bias) sameShape(checkTensor(bias, 1, 'bias', '[Cout]'), [info.outChannels], 'bias');
}

function sameShape(got: readonly number[], want: readonly number[], param: string): void {
  if (got.length !== want.length || got.some((d, i) => d !== want[i])) {
    throw new ShapeError(
      'data-length',
      param,
      `${param} has shape [${got.join(', ')}], but this transposed convolution was set up for [${want.join(', ')}]. Pass the tensor the record was computed for.`,
      { expected: want, got },
    );
  }
}
