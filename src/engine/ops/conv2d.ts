import { ShapeError } from '../errors';
import { conv2dKernel } from '../kernels/conv2d';
import { checkPair, computeConv2DInfo, symmetricPads, torchSamePads, type Conv2DInfo, type Pads } from '../shape';
import { checkTensor, type Pair, type Tensor } from '../tensor';

/** PyTorch's padding for conv2d: cells per side, or one of its two names. */
export type Conv2dPadding = Pair | 'same' | 'valid';

/** Options of `conv2d`, spelled as `torch.nn.functional.conv2d` (camelCase). */
export interface Conv2dOptions {
  /** `[Cout]`, added to every output cell of its channel. */
  readonly bias?: Tensor;
  /** Default 1. */
  readonly stride?: Pair;
  /** Default 0. `'same'` keeps the input size (stride 1 only); `'valid'` means 0. */
  readonly padding?: Conv2dPadding;
  /** Default 1. */
  readonly dilation?: Pair;
  /** Default 1. */
  readonly groups?: number;
}

function resolvePadding(padding: Conv2dPadding | undefined, wShape: readonly number[], stride: readonly [number, number], dilation: readonly [number, number]): Pads {
  if (padding === 'valid') return symmetricPads(0, 0);
  if (padding === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      // PyTorch refuses too: with a stride the output cannot keep the input's size.
      throw new ShapeError(
        'same-stride',
        'padding',
        `padding 'same' works only with stride 1 (as in PyTorch); the stride is ${stride[0]}×${stride[1]}. ` +
          `Use stride 1, or give the padding as a number of cells.`,
        { stride: [stride[0], stride[1]] },
      );
    }
    return torchSamePads(wShape[2], wShape[3], dilation[0], dilation[1]);
  }
  if (typeof padding === 'string') {
    throw new ShapeError('out-of-range', 'padding', `padding must be a number of cells, a pair, 'same' or 'valid'; got '${String(padding)}'.`, {
      got: String(padding),
    });
  }
  const [ph, pw] = checkPair(padding, 'padding', 0, 0);
  return symmetricPads(ph, pw);
}

/**
 * Validates a PyTorch conv2d call and returns its record (no arithmetic on the data).
 * x `[N, Cin, H, W]`, weight `[Cout, Cin/groups, kH, kW]`, bias `[Cout]`. Allocates nothing big.
 */
export function conv2dInfo(x: Tensor, weight: Tensor, opts: Conv2dOptions = {}): Conv2DInfo {
  const xShape = checkTensor(x, 4, 'x', '[N, C, H, W]');
  const wShape = checkTensor(weight, 4, 'weight', '[Cout, Cin/groups, kH, kW]');
  const biasShape = opts.bias === undefined ? undefined : checkTensor(opts.bias, 1, 'bias', '[Cout]');
  const stride = checkPair(opts.stride, 'stride', 1, 1);
  const dilation = checkPair(opts.dilation, 'dilation', 1, 1);
  const pad = resolvePadding(opts.padding, wShape, stride, dilation);
  return computeConv2DInfo(xShape, wShape, { stride, pad, dilation, groups: opts.groups ?? 1 }, biasShape);
}

/**
 * `torch.nn.functional.conv2d` (cross-correlation). x `[N, Cin, H, W]`, weight
 * `[Cout, Cin/groups, kH, kW]` → `[N, Cout, outH, outW]`. Allocates the output only.
 */
export function conv2d(x: Tensor, weight: Tensor, opts: Conv2dOptions = {}): Tensor {
  const info = conv2dInfo(x, weight, opts);
  const data = conv2dKernel(info, x.data, weight.data, opts.bias?.data);
  return { shape: [info.batch, info.outChannels, info.outH, info.outW], data };
}
