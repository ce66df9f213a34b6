/**
 * The fast convolution kernels against a straightforward reference written here: random small
 * shapes (groups, dilation, strides 1–4, asymmetric pads, output padding, batch, bias, kernels
 * 1×1 to 5×5 incl. non-square), compared to 1e-12 relative. Each loop the kernels can take
 * (Winograd, tiled with shared loads, tiled, plain) is checked on shapes that reach it, the
 * Winograd paths also for exact integers, and the benchmark shapes are checked to take the
 * fastest one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2dKernel, conv2dPath, conv2dPlain } from '../../src/engine/kernels/conv2d';
import { convTranspose2dKernel, convTranspose2dPath, convTranspose2dPlain } from '../../src/engine/kernels/convTranspose2d';
import { ShapeError } from '../../src/engine/errors';
import {
  computeConv2DInfo,
  computeConvTranspose2DInfo,
  type Conv2DInfo,
  type ConvTranspose2DInfo,
  type Pads,
} from '../../src/engine/shape';

// ---------------------------------------------------------------------------------------------
// Reference: the definitions, one output cell at a time, with the size of each sum's terms so
// the comparison can be relative to it (a sum near zero still has a meaningful scale).
// ---------------------------------------------------------------------------------------------

interface Reference {
  value: Float64Array;
  scale: Float64Array;
}

/** out[n,co,oy,ox] = b[co] + Σ x[n, g·Cin/g + ci, oy·s − pTop + ky·d, ox·s − pLeft + kx·d] · w[co, ci, ky, kx]. */
function referenceConv(info: Conv2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Reference {
  const { batch: N, inChannels: C, inH: H, inW: W, outChannels: K, outH: OH, outW: OW, groups } = info;
  const cg = C / groups;
  const kg = K / groups;
  const value = new Float64Array(N * K * OH * OW);
  const scale = new Float64Array(value.length);
  let at = 0;
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < K; co++) {
      const g = Math.floor(co / kg);
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let sum = bias ? bias[co] : 0;
          let abs = Math.abs(sum);
          for (let ci = 0; ci < cg; ci++) {
            for (let ky = 0; ky < info.kH; ky++) {
              for (let kx = 0; kx < info.kW; kx++) {
                const iy = oy * info.strideH - info.pad.top + ky * info.dilationH;
                const ix = ox * info.strideW - info.pad.left + kx * info.dilationW;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                const term = x[((n * C + g * cg + ci) * H + iy) * W + ix] * w[((co * cg + ci) * info.kH + ky) * info.kW + kx];
                sum += term;
                abs += Math.abs(term);
              }
            }
          }
          value[at] = sum;
          scale[at++] = abs;
        }
      }
    }
  }
  return { value, scale };
}

/**
 * The transposed convolution gathered from its definition: output cell (oy, ox) sits at full
 * position (oy + pTop, ox + pLeft) and receives x[i]·w[k] for every i·s + k·d equal to it.
 */
function referenceConvTranspose(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array, bias?: Float64Array): Reference {
  const { batch: N, inChannels: C, inH: H, inW: W, outChannels: K, outH: OH, outW: OW, groups } = info;
  const cg = C / groups;
  const kg = K / groups;
  const value = new Float64Array(N * K * OH * OW);
  const scale = new Float64Array(value.length);
  let at = 0;
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < K; co++) {
      const g = Math.floor(co / kg);
      const cj = co - g * kg;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let sum = bias ? bias[co] : 0;
          let abs = Math.abs(sum);
          for (let ci = g * cg; ci < (g + 1) * cg; ci++) {
            for (let ky = 0; ky < info.kH; ky++) {
              const ty = oy + info.pad.top - ky * info.dilationH;
              if (ty < 0 || ty % info.strideH !== 0 || ty / info.strideH >= H) continue;
              const iy = ty / info.strideH;
              for (let kx = 0; kx < info.kW; kx++) {
                const tx = ox + info.pad.left - kx * info.dilationW;
                if (tx < 0 || tx % info.strideW !== 0 || tx / info.strideW >= W) continue;
                const ix = tx / info.strideW;
                const term = x[((n * C + ci) * H + iy) * W + ix] * w[((ci * kg + cj) * info.kH + ky) * info.kW + kx];
                sum += term;
                abs += Math.abs(term);
              }
            }
          }
          value[at] = sum;
          scale[at++] = abs;
        }
      }
    }
  }
  return { value, scale };
}

/**
 * First cell where `got` differs from the reference at all, or null: for integer data, where every
 * sum is exact. Zero's sign is not compared: a bias of −0 (a rounded small negative) plus no terms
 * is −0 one way and 0 the other, and both frameworks print it as 0.
 */
function inexact(got: Float64Array, ref: Reference): string | null {
  if (got.length !== ref.value.length) return `length ${got.length} ≠ ${ref.value.length}`;
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== ref.value[i]) return `cell ${i}: got ${got[i]}, want ${ref.value[i]}`;
  }
  return null;
}

/**
 * First cell where `got` differs from the reference by more than 1e-12 of the largest scale
 * of the output, or null: Winograd's rounding follows the size of a whole tile's terms, so a
 * cell's own scale does not bound it (a cell whose exact value is 0 can come out as 1e-16).
 */
function mismatchTiles(got: Float64Array, ref: Reference): string | null {
  const largest = ref.scale.reduce((a, b) => Math.max(a, b), 0);
  return mismatch(got, { value: ref.value, scale: ref.scale.map(() => largest) });
}

/** First cell where `got` differs from the reference by more than 1e-12 of its scale, or null. */
function mismatch(got: Float64Array, ref: Reference): string | null {
  if (got.length !== ref.value.length) return `length ${got.length} ≠ ${ref.value.length}`;
  for (let i = 0; i < got.length; i++) {
    if (!(Math.abs(got[i] - ref.value[i]) <= 1e-12 * Math.max(ref.scale[i], Number.MIN_VALUE))) {
      return `cell ${i}: got ${got[i]}, want ${ref.value[i]}`;
    }
  }
  return null;
}

/** Deterministic values in [−1, 1) from a seed (fast-check picks the seed, so failures replay). */
function values(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** Deterministic integers in [−1000, 1000] from a seed. */
function integers(length: number, seed: number): Float64Array {
  return values(length, seed).map((v) => Math.round(v * 1000));
}

// ---------------------------------------------------------------------------------------------
// Random problems
// ---------------------------------------------------------------------------------------------

interface Axis {
  k: number;
  s: number;
  d: number;
  before: number;
  after: number;
}

const axisArb = (stride: fc.Arbitrary<number>, dilation: fc.Arbitrary<number>) =>
  fc.record({
    k: fc.integer({ min: 1, max: 5 }),
    s: stride,
    d: dilation,
    before: fc.integer({ min: 0, max: 4 }),
    after: fc.integer({ min: 0, max: 4 }),
  });

interface Problem {
  batch: number;
  groups: number;
  inPerGroup: number;
  outPerGroup: number;
  h: Axis;
  w: Axis;
  /** Convolution: input cells beyond the least that fits the kernel; transposed: input size − 1. */
  extraH: number;
  extraW: number;
  /** Transposed only: output padding, reduced modulo max(s, d) to a legal value. */
  opH: number;
  opW: number;
  bias: boolean;
  seed: number;
}

const problemArb = (
  width: fc.Arbitrary<Axis>,
  height: fc.Arbitrary<Axis> = axisArb(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })),
  channels = fc.integer({ min: 1, max: 3 }),
) =>
  fc.record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: channels,
    outPerGroup: channels,
    h: height,
    w: width,
    extraH: fc.integer({ min: 0, max: 9 }),
    extraW: fc.integer({ min: 0, max: 13 }),
    opH: fc.nat(3),
    opW: fc.nat(3),
    bias: fc.boolean(),
    seed: fc.integer(),
  });

const anyWidth = axisArb(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }));
const pads = (p: Problem): Pads => ({ top: p.h.before, bottom: p.h.after, left: p.w.before, right: p.w.after });

function convInfo(p: Problem): Conv2DInfo {
  const fits = (a: Axis, extra: number) => Math.max(1, a.d * (a.k - 1) + 1 - a.before - a.after) + extra;
  const inChannels = p.groups * p.inPerGroup;
  return computeConv2DInfo(
    [p.batch, inChannels, fits(p.h, p.extraH), fits(p.w, p.extraW)],
    [p.groups * p.outPerGroup, p.inPerGroup, p.h.k, p.w.k],
    { stride: [p.h.s, p.w.s], dilation: [p.h.d, p.w.d], pad: pads(p), groups: p.groups },
  );
}

/** The record, or null when the pads crop everything (the generator does not avoid that). */
function transposeInfo(p: Problem): ConvTranspose2DInfo | null {
  try {
    return computeConvTranspose2DInfo(
      [p.batch, p.groups * p.inPerGroup, 1 + Math.min(p.extraH, 7), 1 + Math.min(p.extraW, 9)],
      [p.groups * p.inPerGroup, p.outPerGroup, p.h.k, p.w.k],
      {
        stride: [p.h.s, p.w.s], dilation: [p.h.d, p.w.d], pad: pads(p), groups: p.groups,
        outputPadding: [p.opH % Math.max(p.h.s, p.h.d), p.opW % Math.max(p.w.s, p.w.d)],
      },
    );
  } catch (e) {
    if (e instanceof ShapeError && e.code === 'empty-output') return null;
    throw e;
  }
}

interface Data {
  x: Float64Array;
  w: Float64Array;
  b: Float64Array | undefined;
}

function data(info: Conv2DInfo, weightLength: number, p: Problem, make = values): Data {
  return {
    x: make(info.batch * info.inChannels * info.inH * info.inW, p.seed),
    w: make(weightLength, p.seed + 1),
    b: p.bias ? make(info.outChannels, p.seed + 2) : undefined,
  };
}

/**
 * Random values compared to 1e-12 of each sum's scale ('close') or of the largest one
 * ('tiles', for the Winograd paths), or integers compared exactly ('exact').
 */
type Check = 'close' | 'tiles' | 'exact';
const compare = { close: mismatch, tiles: mismatchTiles, exact: inexact };
const make = { close: values, tiles: values, exact: integers };

function checkConv(p: Problem, kernel: typeof conv2dKernel = conv2dKernel, check: Check = 'close'): string | null {
  const info = convInfo(p);
  const { x, w, b } = data(info, info.outChannels * info.inPerGroup * info.kH * info.kW, p, make[check]);
  return compare[check](kernel(info, x, w, b), referenceConv(info, x, w, b));
}

function checkTranspose(
  info: ConvTranspose2DInfo, p: Problem, kernel: typeof convTranspose2dKernel = convTranspose2dKernel, check: Check = 'close',
): string | null {
  const { x, w, b } = data(info, info.inChannels * info.outPerGroup * info.kH * info.kW, p, make[check]);
  return compare[check](kernel(info, x, w, b), referenceConvTranspose(info, x, w, b));
}

const RUNS = { numRuns: 300 };

/** A property of the transposed problems whose pads leave an output (the generator does not avoid the others). */
const transposeProperty = (arb: fc.Arbitrary<Problem>, holds: (info: ConvTranspose2DInfo, p: Problem) => boolean) =>
  fc.property(arb, (p) => {
    const info = transposeInfo(p);
    fc.pre(info !== null);
    return holds(info, p);
  });

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('conv2dKernel', () => {
  it('equals the six-loop reference on random shapes (groups, dilation, strides 1–4, asymmetric pads, bias)', () => {
    fc.assert(fc.property(problemArb(anyWidth), (p) => checkConv(p) === null), RUNS);
  });

  it('takes the shared-load tile at width stride 1, dilation 1, and still equals the reference', () => {
    const width = axisArb(fc.constant(1), fc.constant(1));
    fc.assert(
      fc.property(problemArb(width), (p) => conv2dPath(convInfo(p)) === 'tiled-shared' && checkConv(p) === null),
      RUNS,
    );
  });

  it('takes the four-load tile at width stride 2–4, and still equals the reference', () => {
    const width = axisArb(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }));
    fc.assert(fc.property(problemArb(width), (p) => conv2dPath(convInfo(p)) === 'tiled' && checkConv(p) === null), RUNS);
  });

  it('its plain loop equals the reference too', () => {
    fc.assert(fc.property(problemArb(anyWidth), (p) => checkConv(p, conv2dPlain) === null), { numRuns: 100 });
  });

  it('falls back to the plain loop when the padded copy would be huge, with the same numbers', () => {
    // 1000×1000 padded by 1024 on every side is 3048² cells: over the buffer limit.
    const pad = { top: 1024, bottom: 1024, left: 1024, right: 1024 };
    const info = computeConv2DInfo([1, 1, 1000, 1000], [2, 1, 1, 1], { stride: [1024, 1024], dilation: [1, 1], pad, groups: 1 });
    expect(conv2dPath(info)).toBe('plain');
    const x = values(1000 * 1000, 7);
    const w = values(2, 8);
    const b = values(2, 9);
    expect(mismatch(conv2dKernel(info, x, w, b), referenceConv(info, x, w, b))).toBeNull();
  });

  // Winograd: 3×3 at stride 1, dilation 1, at least 8 channels per group on each side.
  const winograd3x3 = axisArb(fc.constant(1), fc.constant(1)).map((a) => ({ ...a, k: 3 }));
  const winogradProblem = problemArb(winograd3x3, winograd3x3, fc.integer({ min: 8, max: 9 }));

  it('takes the Winograd path at 3×3, stride 1, ≥ 8 channels per group (odd sizes, groups, pads, batch, bias), and equals the reference', () => {
    fc.assert(fc.property(winogradProblem, (p) => conv2dPath(convInfo(p)) === 'winograd' && checkConv(p, conv2dKernel, 'tiles') === null), {
      numRuns: 100,
    });
  });

  it('gives exactly the integers of the six-loop reference on integer data on the Winograd path', () => {
    fc.assert(fc.property(winogradProblem, (p) => conv2dPath(convInfo(p)) === 'winograd' && checkConv(p, conv2dKernel, 'exact') === null), {
      numRuns: 100,
    });
  });

  it('keeps the direct tile for 3×3 at stride 1 with fewer than 8 channels per group on either side', () => {
    const channels = fc.integer({ min: 1, max: 12 });
    const fewOnOneSide = fc.tuple(channels, channels).filter(([i, o]) => Math.min(i, o) < 8);
    const problems = fc.tuple(problemArb(winograd3x3, winograd3x3), fewOnOneSide).map(([p, [i, o]]) => ({ ...p, inPerGroup: i, outPerGroup: o }));
    fc.assert(fc.property(problems, (p) => conv2dPath(convInfo(p)) === 'tiled-shared'), { numRuns: 100 });
  });

  it('equals the reference on the Winograd path over several bands of tiles, the last one partial (8×9×41×57, 3×3, pads 2/0, 1/3)', () => {
    const info = computeConv2DInfo([1, 8, 41, 57], [9, 8, 3, 3], {
      stride: [1, 1], dilation: [1, 1], pad: { top: 2, bottom: 0, left: 1, right: 3 }, groups: 1,
    });
    expect(conv2dPath(info)).toBe('winograd');
    const x = values(8 * 41 * 57, 11);
    const w = values(9 * 8 * 9, 12);
    const b = values(9, 13);
    expect(mismatchTiles(conv2dKernel(info, x, w, b), referenceConv(info, x, w, b))).toBeNull();
  });

  it('takes the Winograd path on the benchmark shape (1×16×128×128, 3×3, 16→16, stride 1, padding 1)', () => {
    const info = computeConv2DInfo([1, 16, 128, 128], [16, 16, 3, 3], {
      stride: [1, 1], dilation: [1, 1], pad: { top: 1, bottom: 1, left: 1, right: 1 }, groups: 1,
    });
    expect(conv2dPath(info)).toBe('winograd');
  });
});

describe('convTranspose2dKernel', () => {
  it('equals the gathered reference on random shapes (groups, dilation, strides 1–4, pads, output padding, bias)', () => {
    fc.assert(
      transposeProperty(problemArb(anyWidth), (info, p) => checkTranspose(info, p) === null),
      RUNS,
    );
  });

  it('takes the shared-load tile when the width dilation divides its stride, and equals the reference', () => {
    const width = fc.integer({ min: 1, max: 4 }).chain((s) =>
      axisArb(fc.constant(s), fc.constantFrom(...[1, 2, 4].filter((d) => s % d === 0))),
    );
    fc.assert(
      transposeProperty(problemArb(width), (info, p) => convTranspose2dPath(info) === 'tiled-shared' && checkTranspose(info, p) === null),
      RUNS,
    );
  });

  it('takes the four-load tile when a phase has taps that are not neighbours (s = 2, d = 3, k ≥ 3)', () => {
    const width = fc.record({
      k: fc.integer({ min: 3, max: 5 }),
      s: fc.constant(2),
      d: fc.constant(3),
      before: fc.integer({ min: 0, max: 4 }),
      after: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      transposeProperty(problemArb(width), (info, p) => convTranspose2dPath(info) === 'tiled' && checkTranspose(info, p) === null),
      RUNS,
    );
  });

  it('its plain scatter equals the reference too', () => {
    fc.assert(
      transposeProperty(problemArb(anyWidth), (info, p) => checkTranspose(info, p, convTranspose2dPlain) === null),
      { numRuns: 100 },
    );
  });

  it('falls back to the plain scatter when the padded copy would be huge, with the same numbers', () => {
    // Dilation 1024 spreads the two taps so far that the padded input would be about 2050² cells.
    const info = computeConvTranspose2DInfo([1, 1, 2, 2], [1, 1, 2, 2], {
      stride: [1, 1], dilation: [1024, 1024], pad: { top: 0, bottom: 0, left: 0, right: 0 }, groups: 1, outputPadding: [0, 0],
    });
    expect(convTranspose2dPath(info)).toBe('plain');
    const x = values(4, 3);
    const w = values(4, 4);
    const b = values(1, 5);
    expect(mismatch(convTranspose2dKernel(info, x, w, b), referenceConvTranspose(info, x, w, b))).toBeNull();
  });

  // Winograd: kernels twice the stride at dilation 1 (every stride phase 2 taps), ≥ 8 input
  // channels per group and ≥ 8 rows of the product (stride phases × output channels).
  const twiceStride = fc.integer({ min: 1, max: 3 }).chain((s) =>
    fc.record({ k: fc.constant(2 * s), s: fc.constant(s), d: fc.constant(1), before: fc.integer({ min: 0, max: 4 }), after: fc.integer({ min: 0, max: 4 }) }),
  );
  const transposeWinograd = problemArb(twiceStride, twiceStride, fc.integer({ min: 8, max: 9 }));

  it('takes the Winograd path at k = 2s, dilation 1, ≥ 8 channels per group (strides 1–3 per axis, pads, output padding, groups, bias), and equals the reference', () => {
    fc.assert(
      transposeProperty(transposeWinograd, (info, p) => convTranspose2dPath(info) === 'winograd' && checkTranspose(info, p, convTranspose2dKernel, 'tiles') === null),
      { numRuns: 100 },
    );
  });

  it('gives exactly the integers of the gathered reference on integer data on the Winograd path', () => {
    fc.assert(
      transposeProperty(transposeWinograd, (info, p) => convTranspose2dPath(info) === 'winograd' && checkTranspose(info, p, convTranspose2dKernel, 'exact') === null),
      { numRuns: 100 },
    );
  });

  it('counts the product\'s rows, not the output channels: 8 → 2 channels at stride 2 takes the Winograd path (4 phases × 2)', () => {
    // Inputs of at least 2 cells and pads of at most 1 leave both phases of each axis cells.
    const stride2 = fc.record({ k: fc.constant(4), s: fc.constant(2), d: fc.constant(1), before: fc.nat(1), after: fc.nat(1) });
    const problems = problemArb(stride2, stride2, fc.constant(8)).map((p) => ({ ...p, outPerGroup: 2, extraH: p.extraH + 1, extraW: p.extraW + 1 }));
    fc.assert(
      transposeProperty(problems, (info, p) => convTranspose2dPath(info) === 'winograd' && checkTranspose(info, p, convTranspose2dKernel, 'tiles') === null),
      { numRuns: 50 },
    );
  });

  it('equals the reference on the Winograd path over several bands of tiles, the last one partial (8×29×37 → 9 channels, 4×4, stride 2, pads 1/2, output padding 1)', () => {
    const info = computeConvTranspose2DInfo([1, 8, 29, 37], [8, 9, 4, 4], {
      stride: [2, 2], dilation: [1, 1], pad: { top: 1, bottom: 2, left: 2, right: 1 }, groups: 1, outputPadding: [1, 1],
    });
    expect(convTranspose2dPath(info)).toBe('winograd');
    const x = values(8 * 29 * 37, 21);
    const w = values(8 * 9 * 16, 22);
    const b = values(9, 23);
    expect(mismatchTiles(convTranspose2dKernel(info, x, w, b), referenceConvTranspose(info, x, w, b))).toBeNull();
  });

  it('takes the Winograd path on the benchmark shape (1×16×64×64 → 128×128, 4×4, stride 2, padding 1)', () => {
    const info = computeConvTranspose2DInfo([1, 16, 64, 64], [16, 16, 4, 4], {
      stride: [2, 2], dilation: [1, 1], pad: { top: 1, bottom: 1, left: 1, right: 1 }, groups: 1, outputPadding: [0, 0],
    });
    expect([info.outH, info.outW]).toEqual([128, 128]);
    expect(convTranspose2dPath(info)).toBe('winograd');
  });
});
