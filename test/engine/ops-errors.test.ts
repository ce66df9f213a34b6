/**
 * Every refusal the engine issue lists, through the public ops: a ShapeError with the right code
 * and param, and a message that says what would work. Nothing here allocates an oversized tensor.
 */
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  avgUnpool2d,
  conv2d,
  convTranspose2d,
  convTranspose2dDirectFromInfo,
  convTranspose2dInfo,
  convTranspose2dScatter,
  convTranspose2dScatterFromInfo,
  flipKernel,
  maxPool2d,
  maxUnpool2d,
  padOrCrop,
  ShapeError,
  tensor,
  zeroInsert,
  type Conv2dPadding,
  type ShapeErrorCode,
  type Tensor,
} from '../../src/engine';

/** The ShapeError `run` throws; fails the test if it throws anything else or nothing. */
function refusal(run: () => unknown): ShapeError {
  try {
    run();
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error('expected a ShapeError, but the call succeeded');
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const x4 = (n: number, c: number, h: number, w: number): Tensor => tensor([n, c, h, w], range(n * c * h * w).map((i) => (i % 7) - 3));
const x = x4(1, 2, 5, 5);
const w3 = x4(4, 2, 3, 3);
const wT = x4(2, 3, 3, 3);

interface Refusal {
  name: string;
  run: () => unknown;
  code: ShapeErrorCode;
  param: string;
  /** A fragment of the sentence that tells the learner what would work. */
  says: RegExp;
}

const refusals: Refusal[] = [
  // Bad shapes
  { name: 'conv2d: x of rank 3', run: () => conv2d(tensor([2, 5, 5]), w3), code: 'rank', param: 'x', says: /4 dimensions/ },
  { name: 'conv2d: data shorter than the shape', run: () => conv2d({ shape: [1, 2, 5, 5], data: new Float64Array(49) }, w3), code: 'data-length', param: 'x', says: /needs 50 values/ },
  { name: 'conv2d: weight with the wrong input channels', run: () => conv2d(x, x4(4, 3, 3, 3)), code: 'channels', param: 'weight', says: /needs 2/ },
  { name: 'conv2d: bias of the wrong length', run: () => conv2d(x, w3, { bias: tensor([3]) }), code: 'bias', param: 'bias', says: /shape \[4\]/ },
  { name: 'conv2d: bias of rank 2', run: () => conv2d(x, w3, { bias: tensor([4, 1]) }), code: 'rank', param: 'bias', says: /1 dimensions/ },
  { name: 'convTranspose2d: weight whose first dimension is not Cin', run: () => convTranspose2d(x, x4(3, 3, 3, 3)), code: 'channels', param: 'weight', says: /must equal x's 2 channels/ },
  { name: 'maxPool2d: x of rank 2', run: () => maxPool2d(tensor([5, 5]), { kernelSize: 2 }), code: 'rank', param: 'x', says: /4 dimensions/ },
  // Stride and dilation below 1
  { name: 'conv2d: stride 0', run: () => conv2d(x, w3, { stride: 0 }), code: 'out-of-range', param: 'stride', says: /between 1 and/ },
  { name: 'conv2d: dilation 0 (width)', run: () => conv2d(x, w3, { dilation: [1, 0] }), code: 'out-of-range', param: 'dilation', says: /between 1 and/ },
  { name: 'convTranspose2d: stride -1', run: () => convTranspose2d(x, wT, { stride: -1 }), code: 'out-of-range', param: 'stride', says: /between 1 and/ },
  { name: 'maxPool2d: stride 0', run: () => maxPool2d(x, { kernelSize: 2, stride: 0 }), code: 'out-of-range', param: 'stride', says: /between 1 and/ },
  { name: 'maxPool2d: dilation 0', run: () => maxPool2d(x, { kernelSize: 2, dilation: 0 }), code: 'out-of-range', param: 'dilation', says: /between 1 and/ },
  { name: 'maxUnpool2d: kernel size 0', run: () => maxUnpool2d(x, tensor(x.shape), { kernelSize: 0 }), code: 'out-of-range', param: 'kernelSize', says: /between 1 and/ },
  // Non-integers
  { name: 'conv2d: stride 1.5', run: () => conv2d(x, w3, { stride: 1.5 }), code: 'not-integer', param: 'stride', says: /whole number.*Try 2/ },
  { name: 'conv2d: padding 0.5', run: () => conv2d(x, w3, { padding: [0.5, 0] }), code: 'not-integer', param: 'padding', says: /whole number/ },
  { name: 'conv2d: groups 1.5', run: () => conv2d(x, w3, { groups: 1.5 }), code: 'not-integer', param: 'groups', says: /whole number/ },
  { name: 'convTranspose2d: output padding 0.5', run: () => convTranspose2d(x, wT, { stride: 2, outputPadding: 0.5 }), code: 'not-integer', param: 'outputPadding', says: /whole number/ },
  { name: 'avgPool2d: kernel size 2.5', run: () => avgPool2d(x, { kernelSize: 2.5 }), code: 'not-integer', param: 'kernelSize', says: /whole number/ },
  { name: 'maxUnpool2d: outputSize 4.5', run: () => maxUnpool2d(x, tensor(x.shape), { kernelSize: 2, outputSize: [10, 10.5] }), code: 'not-integer', param: 'outputSize', says: /whole number/ },
  // NaN and infinities, in parameters and in data
  { name: 'conv2d: stride NaN', run: () => conv2d(x, w3, { stride: NaN }), code: 'not-finite', param: 'stride', says: /must be a number/ },
  { name: 'convTranspose2d: padding Infinity', run: () => convTranspose2d(x, wT, { padding: Infinity }), code: 'not-finite', param: 'padding', says: /must be a number/ },
  { name: 'maxPool2d: kernel size NaN', run: () => maxPool2d(x, { kernelSize: NaN }), code: 'not-finite', param: 'kernelSize', says: /must be a number/ },
  { name: 'conv2d: NaN in x', run: () => conv2d({ shape: [1, 1, 2, 2], data: Float64Array.of(1, NaN, 0, 0) }, x4(1, 1, 1, 1)), code: 'not-finite', param: 'x', says: /finite number/ },
  { name: 'convTranspose2d: Infinity in the weight', run: () => convTranspose2d(x, { shape: [2, 1, 1, 1], data: Float64Array.of(1, Infinity) }), code: 'not-finite', param: 'weight', says: /finite number/ },
  { name: 'conv2d: NaN in the bias', run: () => conv2d(x, w3, { bias: { shape: [4], data: Float64Array.of(0, 0, NaN, 0) } }), code: 'not-finite', param: 'bias', says: /finite number/ },
  { name: 'avgPool2d: NaN in x', run: () => avgPool2d({ shape: [1, 1, 2, 2], data: Float64Array.of(NaN, 0, 0, 0) }, { kernelSize: 2 }), code: 'not-finite', param: 'x', says: /finite number/ },
  { name: 'tensor(): NaN in the data', run: () => tensor([1, 1, 1, 2], [0, NaN]), code: 'not-finite', param: 'data', says: /finite number/ },
  // Negative padding
  { name: 'conv2d: padding -1', run: () => conv2d(x, w3, { padding: -1 }), code: 'out-of-range', param: 'padding', says: /between 0 and/ },
  { name: 'convTranspose2d: padding -1', run: () => convTranspose2d(x, wT, { padding: [0, -1] }), code: 'out-of-range', param: 'padding', says: /between 0 and/ },
  { name: 'maxPool2d: padding -1', run: () => maxPool2d(x, { kernelSize: 3, padding: -1 }), code: 'out-of-range', param: 'padding', says: /between 0 and/ },
  { name: 'avgUnpool2d: padding -1', run: () => avgUnpool2d(x, { kernelSize: 3, padding: -1 }), code: 'out-of-range', param: 'padding', says: /between 0 and/ },
  // Kernel larger than the padded input
  { name: 'conv2d: 7×7 kernel on a 5×5 input (2 cells short: 1 more padding per side)', run: () => conv2d(x, x4(1, 2, 7, 7)), code: 'kernel-too-large', param: 'weight', says: /at most 5.*pad 1 more on each side/ },
  { name: 'conv2d: 3×3 kernel with dilation 3 on a 5×5 input', run: () => conv2d(x, w3, { dilation: 3 }), code: 'kernel-too-large', param: 'weight', says: /dilation 3.*at most 5/ },
  { name: 'maxPool2d: 6×6 window on a 5×5 input', run: () => maxPool2d(x, { kernelSize: 6 }), code: 'kernel-too-large', param: 'kernelSize', says: /at most 5/ },
  { name: 'convTranspose2d: padding that crops everything', run: () => convTranspose2d(x4(1, 2, 1, 1), x4(2, 1, 3, 3), { padding: 2 }), code: 'empty-output', param: 'padding', says: /at most 1 per side/ },
  // Groups
  { name: 'conv2d: 2 channels in 3 groups', run: () => conv2d(x, x4(3, 1, 3, 3), { groups: 3 }), code: 'groups', param: 'groups', says: /divisible by groups/ },
  { name: 'conv2d: 3 output channels in 2 groups', run: () => conv2d(x, x4(3, 1, 3, 3), { groups: 2 }), code: 'groups', param: 'groups', says: /divisible by groups/ },
  { name: 'convTranspose2d: 2 channels in 4 groups', run: () => convTranspose2d(x, x4(2, 1, 3, 3), { groups: 4 }), code: 'groups', param: 'groups', says: /divisible by groups/ },
  // Output padding
  { name: 'convTranspose2d: outputPadding 2 with stride 2', run: () => convTranspose2d(x, wT, { stride: 2, outputPadding: 2 }), code: 'output-padding', param: 'outputPadding', says: /from 0 to 1/ },
  { name: 'convTranspose2d: outputPadding 1 with stride 1, dilation 1', run: () => convTranspose2d(x, wT, { outputPadding: [0, 1] }), code: 'output-padding', param: 'outputPadding', says: /from 0 to 0/ },
  // Pool padding over half the kernel
  { name: 'maxPool2d: padding 2 with a 3×3 window', run: () => maxPool2d(x, { kernelSize: 3, padding: 2 }), code: 'pool-padding', param: 'padding', says: /at most 1/ },
  { name: 'avgPool2d: padding 2 with a 2×4 window (height)', run: () => avgPool2d(x, { kernelSize: [2, 4], padding: [2, 2] }), code: 'pool-padding', param: 'padding', says: /at most 1/ },
  // 'same'
  { name: "conv2d: padding 'same' with stride 2", run: () => conv2d(x, w3, { padding: 'same', stride: 2 }), code: 'same-stride', param: 'padding', says: /Use stride 1/ },
  { name: "conv2d: padding 'same' with stride [1, 3]", run: () => conv2d(x, w3, { padding: 'same', stride: [1, 3] }), code: 'same-stride', param: 'padding', says: /Use stride 1/ },
  { name: 'conv2d: an unknown padding name', run: () => conv2d(x, w3, { padding: ['full'][0] as Conv2dPadding }), code: 'out-of-range', param: 'padding', says: /'same' or 'valid'/ },
  // Unpooling
  { name: 'maxUnpool2d: indices of another shape', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 3]), { kernelSize: 2 }), code: 'indices', param: 'indices', says: /same shape as x/ },
  { name: 'maxUnpool2d: indices of rank 3', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 2, 2]), { kernelSize: 2 }), code: 'indices', param: 'indices', says: /same shape as x/ },
  { name: 'maxUnpool2d: index 16 in a 4×4 plane', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 2], [0, 3, 16, 15]), { kernelSize: 2 }), code: 'indices', param: 'indices', says: /0 to 15/ },
  { name: 'maxUnpool2d: a negative index', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 2], [0, -1, 8, 15]), { kernelSize: 2 }), code: 'indices', param: 'indices', says: /0 to 15/ },
  { name: 'maxUnpool2d: index 2.5', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 2], [0, 2.5, 8, 15]), { kernelSize: 2 }), code: 'indices', param: 'indices', says: /not a whole number/ },
  { name: 'maxUnpool2d: NaN in the indices', run: () => maxUnpool2d(x4(1, 1, 2, 2), { shape: [1, 1, 2, 2], data: Float64Array.of(0, NaN, 8, 15) }, { kernelSize: 2 }), code: 'not-finite', param: 'indices', says: /finite number/ },
  { name: 'maxUnpool2d: outputSize 7×7 from 2×2 with k=2 s=2', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 2]), { kernelSize: 2, outputSize: [7, 7] }), code: 'output-size', param: 'outputSize', says: /3, 4 or 5/ },
  { name: 'avgUnpool2d: outputSize 2×4 from 2×2 with k=2 s=2', run: () => avgUnpool2d(x4(1, 1, 2, 2), { kernelSize: 2, outputSize: [2, 4] }), code: 'output-size', param: 'outputSize', says: /3, 4 or 5/ },
  // Too large to hold (shape checks only: the data arrays stay tiny)
  { name: 'conv2d: x of 2001×2000 (over 4 million numbers)', run: () => conv2d({ shape: [1, 1, 2001, 2000], data: new Float64Array(1) }, w3), code: 'too-large', param: 'x', says: /limit is 4,000,000.*smaller/ },
  { name: 'maxPool2d: x of 5×1000×1000', run: () => maxPool2d({ shape: [1, 5, 1000, 1000], data: new Float64Array(1) }, { kernelSize: 2 }), code: 'too-large', param: 'x', says: /limit is 4,000,000/ },
  { name: 'convTranspose2d: a 3×3 input at stride 1000 would give 2001×2001', run: () => convTranspose2d(x4(1, 1, 3, 3), x4(1, 1, 1, 1), { stride: 1000 }), code: 'too-large', param: 'output', says: /limit is 4,000,000/ },
  { name: 'maxUnpool2d: outputSize 2001×2001 (legal, but over 4 million numbers)', run: () => maxUnpool2d(x4(1, 1, 2, 2), tensor([1, 1, 2, 2]), { kernelSize: 1000, stride: 1000, outputSize: [2001, 2001] }), code: 'too-large', param: 'output', says: /limit is 4,000,000/ },
  // Teaching helpers
  { name: 'zeroInsert: stride 0', run: () => zeroInsert(x, 0, 1), code: 'out-of-range', param: 'stride', says: /between 1 and/ },
  { name: 'padOrCrop: cropping a 5×5 plane to nothing', run: () => padOrCrop(x, { top: -3, bottom: -2, left: 0, right: 0 }), code: 'empty-output', param: 'pads', says: /crop less/ },
  { name: 'padOrCrop: a fractional pad', run: () => padOrCrop(x, { top: 0.5, bottom: 0, left: 0, right: 0 }), code: 'not-integer', param: 'pads', says: /whole number/ },
  { name: 'flipKernel: a weight of rank 2', run: () => flipKernel(tensor([3, 3])), code: 'rank', param: 'weight', says: /4 dimensions/ },
  { name: 'convTranspose2dScatter: a 1×1 output whose uncropped canvas is 2049×2049', run: () => convTranspose2dScatter(x4(1, 1, 2, 2), x4(1, 1, 2, 2), { stride: 1024, dilation: 1024, padding: 1024 }), code: 'too-large', param: 'padding', says: /limit is 4,000,000/ },
  {
    name: 'convTranspose2dScatterFromInfo: x not the tensor the record was made for',
    run: () => convTranspose2dScatterFromInfo(convTranspose2dInfo(x, wT), x4(1, 2, 4, 4), wT),
    code: 'data-length',
    param: 'x',
    says: /set up for \[1, 2, 5, 5\]/,
  },
  {
    name: 'convTranspose2dDirectFromInfo: weight not the one the record was made for',
    run: () => convTranspose2dDirectFromInfo(convTranspose2dInfo(x, wT), x, x4(2, 3, 2, 2)),
    code: 'data-length',
    param: 'weight',
    says: /set up for \[2, 3, 3, 3\]/,
  },
];

describe('every refusal is a ShapeError with a code, the param at fault and a sentence that says what works', () => {
  it.each(refusals.map((r) => [r.name, r] as const))('%s', (_name, { run, code, param, says }) => {
    const e = refusal(run);
    expect(e.name).toBe('ShapeError');
    expect({ code: e.code, param: e.param }).toEqual({ code, param });
    expect(e.message).toMatch(says);
    expect(e.message).toMatch(/\.$/);
  });
});

describe('the limits hold before anything large is made', () => {
  it('the work limit refuses a convolution of 5.9e9 multiply-adds without running it', () => {
    const big = { shape: [1, 32, 256, 256], data: new Float64Array(32 * 256 * 256) };
    const e = refusal(() => conv2d(big, tensor([60, 32, 7, 7])));
    expect({ code: e.code, param: e.param }).toEqual({ code: 'too-large', param: 'x' });
    expect(e.message).toMatch(/smaller sizes or fewer channels/);
  });

  it('the op itself still computes the 1×1 output whose scatter canvas the teaching form refuses', () => {
    const out = convTranspose2d(x4(1, 1, 2, 2), x4(1, 1, 2, 2), { stride: 1024, dilation: 1024, padding: 1024 });
    expect(out.shape).toEqual([1, 1, 1, 1]);
  });

  it('refusals leave no partial result: the same call with valid options succeeds afterwards', () => {
    refusal(() => conv2d(x, w3, { stride: 0 }));
    const out = conv2d(x, w3, { stride: 1 });
    expect(out.shape).toEqual([1, 4, 3, 3]);
    expect(Array.from(out.data).every(Number.isFinite)).toBe(true);
  });
});
