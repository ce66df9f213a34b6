import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../src/engine/errors';
import { conv2dKernel } from '../../src/engine/kernels/conv2d';
import { convTranspose2dKernel } from '../../src/engine/kernels/convTranspose2d';
import { avgPoolKernel, maxPoolKernel } from '../../src/engine/kernels/pool';
import {
  computeConv2DInfo,
  computeConvTranspose2DInfo,
  computePool2DInfo,
  computeUnpool2DInfo,
  convOutSize,
  convTransposeOutSize,
  symmetricPads,
  tfPads,
  tfTransposePads,
  unpoolSizes,
  type Conv2DInfo,
  type ConvTranspose2DInfo,
  type Pool2DInfo,
  type Unpool2DInfo,
} from '../../src/engine/shape';
import {
  avgPoolPlan,
  avgUnpoolPlan,
  convFeeds,
  convPlan,
  convTransposeDirectPlan,
  convTransposeScatterPlan,
  DIRECT_STAGES,
  directGridCell,
  maxPoolPlan,
  maxUnpoolPlan,
  scatterSources,
  step,
  stepCount,
  zeroInsertPosition,
  type Plan,
} from '../../src/engine/trace/index';
import { firstMismatch, loadCases, type FixtureCase } from '../fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers: data, and the sums a plan's terms describe (written here, independent of the kernels)
// ---------------------------------------------------------------------------------------------

/** Deterministic integers in −3..3 (an LCG, so a fast-check seed reproduces a case). */
function ints(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 16) % 7 - 3;
  }
  return out;
}

/** Σ over every output plane and step of the conv terms: x[xIndex]·w[wIndex], padding as 0. */
function sumConvPlans(info: Conv2DInfo, x: Float64Array, w: Float64Array): Float64Array {
  const out = new Float64Array(info.batch * info.outChannels * info.outH * info.outW).fill(NaN);
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.outChannels; c++) {
      const plan = convPlan(info, { n, channel: c });
      for (let i = 0; i < stepCount(plan); i++) {
        const s = step(plan, i);
        let acc = 0;
        for (const t of s.terms) acc += t.padding ? 0 : x[t.xIndex] * w[t.wIndex];
        out[s.target.outIndex] = acc;
      }
    }
  }
  return out;
}

/** Σ of the scatter's stamps that survive the crop. */
function sumScatterPlans(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array): Float64Array {
  const out = new Float64Array(info.batch * info.outChannels * info.outH * info.outW);
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.outChannels; c++) {
      const plan = convTransposeScatterPlan(info, { n, channel: c });
      for (let i = 0; i < stepCount(plan); i++) {
        for (const t of step(plan, i).terms) if (!t.cropped) out[t.outIndex] += x[t.xIndex] * w[t.wIndex];
      }
    }
  }
  return out;
}

/** Σ of the direct form's sweep terms (inserted zeros and padding count as 0). */
function sumDirectPlans(info: ConvTranspose2DInfo, x: Float64Array, w: Float64Array): Float64Array {
  const out = new Float64Array(info.batch * info.outChannels * info.outH * info.outW).fill(NaN);
  for (let n = 0; n < info.batch; n++) {
    for (let c = 0; c < info.outChannels; c++) {
      const plan = convTransposeDirectPlan(info, { n, channel: c });
      for (let i = DIRECT_STAGES; i < stepCount(plan); i++) {
        const s = step(plan, i);
        if (s.kind !== 'sweep') throw new Error(`step ${i} is ${s.kind}, not a sweep`);
        let acc = 0;
        for (const t of s.terms) acc += t.source === 'input' ? x[t.xIndex] * w[t.wIndex] : 0;
        out[s.target.outIndex] = acc;
      }
    }
  }
  return out;
}

const expectSame = (got: ArrayLike<number>, want: ArrayLike<number>, tol = 0): void => {
  expect(firstMismatch(got, Array.from(want), tol)).toBeNull();
};

// ---------------------------------------------------------------------------------------------
// Random configurations (groups, channels, stride, dilation, asymmetric pads, output padding)
// ---------------------------------------------------------------------------------------------

const small = (max: number, min = 0) => fc.integer({ min, max });

const convCase = fc
  .record({
    batch: small(2, 1), groups: small(3, 1), inPer: small(2, 1), outPer: small(2, 1),
    kH: small(4, 1), kW: small(4, 1), sH: small(3, 1), sW: small(3, 1), dH: small(3, 1), dW: small(3, 1),
    top: small(3), bottom: small(3), left: small(3), right: small(3), extraH: small(5), extraW: small(5),
    seed: fc.integer(),
  })
  .map((r) => {
    const inH = Math.max(1, r.dH * (r.kH - 1) + 1 - r.top - r.bottom) + r.extraH;
    const inW = Math.max(1, r.dW * (r.kW - 1) + 1 - r.left - r.right) + r.extraW;
    const xShape = [r.batch, r.groups * r.inPer, inH, inW];
    const wShape = [r.groups * r.outPer, r.inPer, r.kH, r.kW];
    const info = computeConv2DInfo(xShape, wShape, {
      stride: [r.sH, r.sW], dilation: [r.dH, r.dW], groups: r.groups,
      pad: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
    });
    const x = ints(xShape.reduce((a, b) => a * b), r.seed);
    const w = ints(wShape.reduce((a, b) => a * b), r.seed ^ 0x5bd1e995);
    return { info, x, w };
  });

const transposeCase = fc
  .record({
    batch: small(2, 1), groups: small(3, 1), inPer: small(2, 1), outPer: small(2, 1),
    kH: small(4, 1), kW: small(4, 1), sH: small(3, 1), sW: small(3, 1), dH: small(3, 1), dW: small(3, 1),
    top: small(3), bottom: small(3), left: small(3), right: small(3), aH: small(5), aW: small(5),
    inH: small(4, 1), inW: small(4, 1), seed: fc.integer(),
  })
  .map((r) => {
    const aH = r.aH % Math.max(r.sH, r.dH);
    const aW = r.aW % Math.max(r.sW, r.dW);
    const fullH = convTransposeOutSize(r.inH, r.kH, r.sH, 0, r.dH);
    const fullW = convTransposeOutSize(r.inW, r.kW, r.sW, 0, r.dW);
    // Keep at least one output cell: drop the crop on an axis that would vanish.
    const [top, bottom] = fullH - r.top - r.bottom + aH >= 1 ? [r.top, r.bottom] : [0, 0];
    const [left, right] = fullW - r.left - r.right + aW >= 1 ? [r.left, r.right] : [0, 0];
    const xShape = [r.batch, r.groups * r.inPer, r.inH, r.inW];
    const wShape = [r.groups * r.inPer, r.outPer, r.kH, r.kW];
    const info = computeConvTranspose2DInfo(xShape, wShape, {
      stride: [r.sH, r.sW], dilation: [r.dH, r.dW], groups: r.groups, outputPadding: [aH, aW],
      pad: { top, bottom, left, right },
    });
    const x = ints(xShape.reduce((a, b) => a * b), r.seed);
    const w = ints(wShape.reduce((a, b) => a * b), r.seed ^ 0x27d4eb2f);
    return { info, x, w };
  });

const poolCase = fc
  .record({
    batch: small(2, 1), channels: small(3, 1), kH: small(4, 1), kW: small(4, 1), sH: small(3, 1), sW: small(3, 1),
    dH: small(2, 1), dW: small(2, 1), pH: small(2), pW: small(2), extraH: small(5), extraW: small(5), seed: fc.integer(),
  })
  .map((r) => {
    const padH = Math.min(r.pH, Math.floor(r.kH / 2));
    const padW = Math.min(r.pW, Math.floor(r.kW / 2));
    const inH = Math.max(1, r.dH * (r.kH - 1) + 1 - 2 * padH) + r.extraH;
    const inW = Math.max(1, r.dW * (r.kW - 1) + 1 - 2 * padW) + r.extraW;
    const xShape = [r.batch, r.channels, inH, inW];
    const opts = { kernelSize: [r.kH, r.kW] as const, stride: [r.sH, r.sW] as const, padding: [padH, padW] as const };
    return { xShape, opts, dilation: [r.dH, r.dW] as const, x: ints(xShape.reduce((a, b) => a * b), r.seed) };
  });

// ---------------------------------------------------------------------------------------------
// Convolution
// ---------------------------------------------------------------------------------------------

describe('convolution plan', () => {
  it('summing every step’s terms reproduces conv2dKernel exactly (random shapes, groups, asymmetric pads)', () => {
    fc.assert(
      fc.property(convCase, ({ info, x, w }) => {
        expectSame(sumConvPlans(info, x, w), conv2dKernel(info, x, w));
      }),
      { numRuns: 150 },
    );
  });

  it('each step has exactly Cin/g·kH·kW terms, over the group’s channels, padding flagged where the tap leaves the input', () => {
    fc.assert(
      fc.property(convCase, ({ info }) => {
        const plan = convPlan(info, { n: info.batch - 1, channel: info.outChannels - 1 });
        expect(plan.inputChannels).toHaveLength(info.inPerGroup);
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          expect(s.terms).toHaveLength(info.inPerGroup * info.kH * info.kW);
          for (const t of s.terms) {
            expect(plan.inputChannels).toContain(t.inputChannel);
            expect(t.padding).toBe(t.iy < 0 || t.iy >= info.inH || t.ix < 0 || t.ix >= info.inW);
            expect(t.iy).toBe(s.target.oy * info.strideH - info.pad.top + t.ky * info.dilationH);
            expect(t.ix).toBe(s.target.ox * info.strideW - info.pad.left + t.kx * info.dilationW);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('convFeeds is the inverse of the steps: an input (or padding) cell feeds exactly the outputs whose windows hold it', () => {
    fc.assert(
      fc.property(convCase, ({ info }) => {
        const plan = convPlan(info);
        const fromSteps = new Map<string, string[]>();
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          for (const t of s.terms) {
            if (t.inputChannel !== plan.inputChannels[0]) continue;
            const key = `${t.iy},${t.ix}`;
            fromSteps.set(key, [...(fromSteps.get(key) ?? []), `${s.target.oy},${s.target.ox},${t.ky},${t.kx}`]);
          }
        }
        for (let iy = -info.pad.top; iy < info.inH + info.pad.bottom; iy++) {
          for (let ix = -info.pad.left; ix < info.inW + info.pad.right; ix++) {
            const feeds = convFeeds(plan, iy, ix).map((f) => `${f.oy},${f.ox},${f.ky},${f.kx}`);
            expect(feeds.sort()).toEqual((fromSteps.get(`${iy},${ix}`) ?? []).sort());
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('"A guide to convolution arithmetic for deep learning" (Dumoulin & Visin), figure 1.1 numbers: stride 1 → [[12,12,17],[10,17,19],[9,6,14]]', () => {
    const x = Float64Array.from([3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1]);
    const w = Float64Array.from([0, 1, 2, 2, 2, 0, 0, 1, 2]);
    const info = computeConv2DInfo([1, 1, 5, 5], [1, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
    expect(Array.from(sumConvPlans(info, x, w))).toEqual([12, 12, 17, 10, 17, 19, 9, 6, 14]);
    const first = step(convPlan(info), 0);
    expect(first.terms.map((t) => `${x[t.xIndex]}·${w[t.wIndex]}`).join(' + ')).toBe('3·0 + 3·1 + 2·2 + 0·2 + 0·2 + 1·0 + 3·0 + 1·1 + 2·2');
  });

  it('"A guide to convolution arithmetic for deep learning", figure 1.2 numbers: stride 2, padding 1 → [[6,17,3],[8,17,13],[6,4,4]], padding taps flagged', () => {
    const x = Float64Array.from([3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1]);
    const w = Float64Array.from([0, 1, 2, 2, 2, 0, 0, 1, 2]);
    const info = computeConv2DInfo([1, 1, 5, 5], [1, 1, 3, 3], { stride: [2, 2], pad: symmetricPads(1, 1), dilation: [1, 1], groups: 1 });
    expect(Array.from(sumConvPlans(info, x, w))).toEqual([6, 17, 3, 8, 17, 13, 6, 4, 4]);
    const corner = step(convPlan(info), 0);
    // The top-left window hangs over the padding by one row and one column: 5 of its 9 taps.
    expect(corner.terms.filter((t) => t.padding)).toHaveLength(5);
    expect(corner.window).toEqual({ top: -1, left: -1 });
  });
});

// ---------------------------------------------------------------------------------------------
// Transposed convolution: scatter and direct
// ---------------------------------------------------------------------------------------------

describe('transposed convolution plans', () => {
  it('scatter: summing the uncropped stamps reproduces convTranspose2dKernel exactly', () => {
    fc.assert(
      fc.property(transposeCase, ({ info, x, w }) => {
        expectSame(sumScatterPlans(info, x, w), convTranspose2dKernel(info, x, w));
      }),
      { numRuns: 150 },
    );
  });

  it('direct: summing the sweep’s terms reproduces convTranspose2dKernel exactly', () => {
    fc.assert(
      fc.property(transposeCase, ({ info, x, w }) => {
        expectSame(sumDirectPlans(info, x, w), convTranspose2dKernel(info, x, w));
      }),
      { numRuns: 150 },
    );
  });

  it('scatter: a stamp lands at (iy·s + ky·d, ix·s + kx·d) on the canvas, cropped exactly outside the output', () => {
    fc.assert(
      fc.property(transposeCase, ({ info }) => {
        const plan = convTransposeScatterPlan(info, { channel: info.outChannels - 1 });
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          expect(s.terms).toHaveLength(info.inPerGroup * info.kH * info.kW);
          for (const t of s.terms) {
            expect(t.fullY).toBe(s.source.iy * info.strideH + t.ky * info.dilationH);
            expect(t.fullX).toBe(s.source.ix * info.strideW + t.kx * info.dilationW);
            expect(t.fullY).toBeLessThan(info.fullH);
            expect(t.fullX).toBeLessThan(info.fullW);
            expect([t.oy, t.ox]).toEqual([t.fullY - info.pad.top, t.fullX - info.pad.left]);
            expect(t.cropped).toBe(t.oy < 0 || t.oy >= info.outH || t.ox < 0 || t.ox >= info.outW);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('scatterSources is the inverse of the scatter steps (the checkerboard counts)', () => {
    fc.assert(
      fc.property(transposeCase, ({ info }) => {
        const plan = convTransposeScatterPlan(info);
        const hits = new Map<string, string[]>();
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          for (const t of s.terms) {
            if (t.cropped || t.inputChannel !== plan.inputChannels[0]) continue;
            const key = `${t.oy},${t.ox}`;
            hits.set(key, [...(hits.get(key) ?? []), `${s.source.iy},${s.source.ix},${t.ky},${t.kx}`]);
          }
        }
        for (let oy = 0; oy < info.outH; oy++) {
          for (let ox = 0; ox < info.outW; ox++) {
            const got = scatterSources(plan, oy, ox).map((c) => `${c.iy},${c.ix},${c.ky},${c.kx}`);
            expect(got.sort()).toEqual((hits.get(`${oy},${ox}`) ?? []).sort());
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('direct: the tutorials’ three steps: zeros inserted, the transposed kernel (180° flip, p′ = d(k−1) − p + output padding), then the stride-1 sweep', () => {
    fc.assert(
      fc.property(transposeCase, ({ info }) => {
        const plan = convTransposeDirectPlan(info);
        expect(DIRECT_STAGES).toBe(2);
        expect(stepCount(plan)).toBe(2 + info.outH * info.outW);
        const zero = step(plan, 0);
        const pad = step(plan, 1);
        if (zero.kind !== 'zero-insert' || pad.kind !== 'kernel') throw new Error('steps out of order');
        const flip = pad;
        expect(step(plan, 2).kind).toBe('sweep');
        expect([zero.zeroH, zero.zeroW]).toEqual([(info.inH - 1) * info.strideH + 1, (info.inW - 1) * info.strideW + 1]);
        expect([zero.zerosBetweenH, zero.zerosBetweenW]).toEqual([info.strideH - 1, info.strideW - 1]);
        const formula = (side: { value: number; dilation: number; kernel: number; padding: number; outputPadding: number }) =>
          side.dilation * (side.kernel - 1) - side.padding + side.outputPadding;
        for (const side of [pad.top, pad.bottom, pad.left, pad.right]) expect(side.value).toBe(formula(side));
        expect([pad.top.padding, pad.bottom.padding, pad.left.padding, pad.right.padding]).toEqual([
          info.pad.top, info.pad.bottom, info.pad.left, info.pad.right,
        ]);
        expect([pad.top.outputPadding, pad.bottom.outputPadding, pad.left.outputPadding, pad.right.outputPadding]).toEqual([
          0, info.outputPaddingH, 0, info.outputPaddingW,
        ]);
        // The stride-1 "valid" convolution of the padded grid must give the output size.
        expect(pad.paddedH - (info.dilationH * (info.kH - 1) + 1) + 1).toBe(info.outH);
        expect(pad.paddedW - (info.dilationW * (info.kW - 1) + 1) + 1).toBe(info.outW);
        expect(flip.cells).toHaveLength(info.kH * info.kW);
        for (const c of flip.cells) expect([c.fy, c.fx]).toEqual([info.kH - 1 - c.ky, info.kW - 1 - c.kx]);
        // Every input cell sits where zeroInsertPosition says; every other cell is a zero or padding.
        let inputs = 0;
        for (let gy = 0; gy < plan.info.direct.paddedH; gy++) {
          for (let gx = 0; gx < plan.info.direct.paddedW; gx++) {
            const cell = directGridCell(plan, gy, gx);
            if (cell.source !== 'input') continue;
            inputs++;
            expect(zeroInsertPosition(plan, cell.iy, cell.ix)).toEqual({ zy: cell.zy, zx: cell.zx });
            expect([gy - info.direct.pad.top, gx - info.direct.pad.left]).toEqual([cell.zy, cell.zx]);
          }
        }
        if (Object.values(info.direct.pad).every((p) => p >= 0)) expect(inputs).toBe(info.inH * info.inW);
      }),
      { numRuns: 100 },
    );
  });

  it('direct: each sweep step reads the flipped kernel at (fy, fx) = (kH−1−ky, kW−1−kx) over padded cells (oy + fy·d, ox + fx·d)', () => {
    fc.assert(
      fc.property(transposeCase, ({ info }) => {
        const plan = convTransposeDirectPlan(info, { n: info.batch - 1 });
        for (let i = DIRECT_STAGES; i < stepCount(plan); i++) {
          const s = step(plan, i);
          if (s.kind !== 'sweep') throw new Error('expected a sweep step');
          expect(s.terms).toHaveLength(info.inPerGroup * info.kH * info.kW);
          for (const t of s.terms) {
            expect([t.gy, t.gx]).toEqual([s.target.oy + t.fy * info.dilationH, s.target.ox + t.fx * info.dilationW]);
            expect([t.ky, t.kx]).toEqual([info.kH - 1 - t.fy, info.kW - 1 - t.fx]);
            expect(t.xIndex >= 0).toBe(t.source === 'input');
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('issue 2’s worked example, PyTorch ConvTranspose2d: [[1,0],[2,1]] ⊛ᵀ [[1,0,1],[0,1,1],[1,0,0]] is zero-padding by 2 + the flipped kernel', () => {
    const x = Float64Array.from([1, 0, 2, 1]);
    const w = Float64Array.from([1, 0, 1, 0, 1, 1, 1, 0, 0]);
    const info = computeConvTranspose2DInfo([1, 1, 2, 2], [1, 1, 3, 3], {
      stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1, outputPadding: [0, 0],
    });
    const want = [1, 0, 1, 0, 2, 2, 3, 1, 1, 2, 3, 1, 2, 1, 0, 0];
    expect(Array.from(sumScatterPlans(info, x, w))).toEqual(want);
    expect(Array.from(sumDirectPlans(info, x, w))).toEqual(want);
    const pad = step(convTransposeDirectPlan(info), 1);
    if (pad.kind !== 'kernel') throw new Error('step 1 must be the transposed kernel');
    expect([pad.top.value, pad.bottom.value, pad.left.value, pad.right.value]).toEqual([2, 2, 2, 2]);
  });
});

// ---------------------------------------------------------------------------------------------
// Pooling and unpooling
// ---------------------------------------------------------------------------------------------

describe('pooling plans', () => {
  it('max pool: each window’s largest real cell is the kernel’s output, and the switch points at a cell holding it', () => {
    fc.assert(
      fc.property(poolCase, ({ xShape, opts, dilation, x }) => {
        // A dilated window can fall wholly in the padding: the engine refuses those (see the
        // refusal test below); such cases are not this law's business.
        let info: ReturnType<typeof computePool2DInfo>;
        try {
          info = computePool2DInfo(xShape, { ...opts, dilation });
        } catch (e) {
          fc.pre(!(e instanceof ShapeError && e.code === 'pool-padding'));
          throw e;
        }
        const { output, indices } = maxPoolKernel(info, x);
        expect(output.every((v) => Number.isFinite(v))).toBe(true);
        for (let n = 0; n < info.batch; n++) {
          for (let c = 0; c < info.channels; c++) {
            const plan = maxPoolPlan(info, indices, { n, channel: c });
            for (let i = 0; i < stepCount(plan); i++) {
              const s = step(plan, i);
              expect(s.window).toHaveLength(info.kH * info.kW);
              const real = s.window.filter((cell) => !cell.padding).map((cell) => x[cell.xIndex]);
              expect(Math.max(...real)).toBe(output[s.target.outIndex]);
              expect(x[s.switch.xIndex]).toBe(output[s.target.outIndex]);
              expect(s.window[s.switch.windowIndex].planeIndex).toBe(s.switch.planeIndex);
              // Ties: the switch is the first maximum in row-major window order.
              expect(s.window.findIndex((cell) => !cell.padding && x[cell.xIndex] === output[s.target.outIndex])).toBe(s.switch.windowIndex);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('avg pool: Σ value × weight over each window reproduces avgPoolKernel (both countIncludePad settings)', () => {
    fc.assert(
      fc.property(poolCase, fc.boolean(), ({ xShape, opts, x }, countIncludePad) => {
        const info = computePool2DInfo(xShape, opts);
        const want = avgPoolKernel(info, x, countIncludePad);
        const got = new Float64Array(want.length).fill(NaN);
        for (let n = 0; n < info.batch; n++) {
          for (let c = 0; c < info.channels; c++) {
            const plan = avgPoolPlan(info, { n, channel: c, countIncludePad });
            for (let i = 0; i < stepCount(plan); i++) {
              const s = step(plan, i);
              let acc = 0;
              for (const cell of s.window) acc += cell.padding ? 0 : x[cell.xIndex] * cell.weight;
              got[s.target.outIndex] = acc;
            }
          }
        }
        // 1/divisor is rounded, so a sum of shares differs from sum/divisor in the last bits.
        expectSame(got, want, 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('max unpool: writing each pooled value at its destination puts every maximum back and leaves the rest 0', () => {
    fc.assert(
      fc.property(poolCase, ({ xShape, opts, x }) => {
        const pInfo = computePool2DInfo(xShape, opts);
        const { output, indices } = maxPoolKernel(pInfo, x);
        const uInfo = computeUnpool2DInfo([pInfo.batch, pInfo.channels, pInfo.outH, pInfo.outW], { ...opts, outputSize: [pInfo.inH, pInfo.inW] });
        const got = new Float64Array(x.length);
        for (let n = 0; n < uInfo.batch; n++) {
          for (let c = 0; c < uInfo.channels; c++) {
            const plan = maxUnpoolPlan(uInfo, indices, { n, channel: c });
            for (let i = 0; i < stepCount(plan); i++) {
              const s = step(plan, i);
              got[s.destination.outIndex] = output[s.source.xIndex];
            }
          }
        }
        // Independent: the switches' cells keep x's value, every other cell is 0.
        const want = new Float64Array(x.length);
        const plane = pInfo.inH * pInfo.inW;
        for (let k = 0; k < indices.length; k++) {
          const p = Math.floor(k / (pInfo.outH * pInfo.outW));
          want[p * plane + indices[k]] = x[p * plane + indices[k]];
        }
        expectSame(got, want);
      }),
      { numRuns: 100 },
    );
  });

  it('avg unpool: Σ value × weight gives each cell the mean of the windows covering it (0 where none does)', () => {
    fc.assert(
      fc.property(poolCase, fc.integer({ min: 0, max: 2 }), ({ xShape, opts }, grow) => {
        const pInfo = computePool2DInfo(xShape, opts);
        const sizes: [number, number] = [
          Math.min(pInfo.inH + grow, Math.max(...unpoolSizes(pInfo.outH, pInfo.kH, pInfo.strideH, pInfo.pad.top).legal)),
          pInfo.inW,
        ];
        const info = computeUnpool2DInfo([pInfo.batch, pInfo.channels, pInfo.outH, pInfo.outW], { ...opts, outputSize: sizes });
        const y = ints(info.batch * info.channels * info.inH * info.inW, info.outH * 31 + info.outW);
        const got = new Float64Array(info.batch * info.channels * info.outH * info.outW);
        for (let n = 0; n < info.batch; n++) {
          for (let c = 0; c < info.channels; c++) {
            const plan = avgUnpoolPlan(info, { n, channel: c });
            for (let i = 0; i < stepCount(plan); i++) {
              const s = step(plan, i);
              expect(s.destinations).toHaveLength(info.kH * info.kW);
              for (const d of s.destinations) if (!d.outside) got[d.outIndex] += y[s.source.xIndex] * d.weight;
            }
          }
        }
        expectSame(got, bruteAvgUnpool(info, y), 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

/** Average unpooling by definition: for every output cell, the mean of the pooled values whose window covers it. */
function bruteAvgUnpool(info: Unpool2DInfo, y: Float64Array): Float64Array {
  const out = new Float64Array(info.batch * info.channels * info.outH * info.outW);
  for (let p = 0; p < info.batch * info.channels; p++) {
    for (let oy = 0; oy < info.outH; oy++) {
      for (let ox = 0; ox < info.outW; ox++) {
        const vals: number[] = [];
        for (let iy = 0; iy < info.inH; iy++) {
          for (let ix = 0; ix < info.inW; ix++) {
            const dy = oy - (iy * info.strideH - info.pad.top);
            const dx = ox - (ix * info.strideW - info.pad.left);
            if (dy >= 0 && dy < info.kH && dx >= 0 && dx < info.kW) vals.push(y[(p * info.inH + iy) * info.inW + ix]);
          }
        }
        out[(p * info.outH + oy) * info.outW + ox] = vals.length ? vals.reduce((a, b) => a + b) / vals.length : 0;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The frameworks' own numbers (fixtures)
// ---------------------------------------------------------------------------------------------

const torch = loadCases('torch-cases.json');
const tfCases = loadCases('tf-cases.json');
const tol = (c: FixtureCase): number => (c.params.mode === 'int' ? 0 : 1e-9);
const pair = (v: unknown): [number, number] => v as [number, number];
const f64 = (t: { data: number[] }): Float64Array => Float64Array.from(t.data);

function addBias(out: Float64Array, c: FixtureCase, channels: number): Float64Array {
  const bias = c.inputs.bias;
  if (!bias) return out;
  const plane = out.length / (c.inputs.x.shape[0] * channels);
  for (let k = 0; k < out.length; k++) out[k] += bias.data[Math.floor(k / plane) % channels];
  return out;
}

describe('plans reproduce the PyTorch fixtures', () => {
  it.each(torch.filter((c) => c.op === 'conv2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const [ph, pw] = pair(c.params.padding);
    const info = computeConv2DInfo(c.inputs.x.shape, c.inputs.weight.shape, {
      stride: pair(c.params.stride), dilation: pair(c.params.dilation), groups: c.params.groups as number, pad: symmetricPads(ph, pw),
    });
    const got = addBias(sumConvPlans(info, f64(c.inputs.x), f64(c.inputs.weight)), c, info.outChannels);
    expectSame(got, c.expected.output.data, tol(c));
  });

  it.each(torch.filter((c) => c.op === 'conv_transpose2d').map((c) => [c.id, c] as const))('%s (scatter and direct)', (_id, c) => {
    const [ph, pw] = pair(c.params.padding);
    const info = computeConvTranspose2DInfo(c.inputs.x.shape, c.inputs.weight.shape, {
      stride: pair(c.params.stride), dilation: pair(c.params.dilation), groups: c.params.groups as number,
      pad: symmetricPads(ph, pw), outputPadding: pair(c.params.output_padding),
    });
    const x = f64(c.inputs.x);
    const w = f64(c.inputs.weight);
    expectSame(addBias(sumScatterPlans(info, x, w), c, info.outChannels), c.expected.output.data, tol(c));
    expectSame(addBias(sumDirectPlans(info, x, w), c, info.outChannels), c.expected.output.data, tol(c));
  });

  it.each(torch.filter((c) => c.op === 'max_pool2d').map((c) => [c.id, c] as const))('%s (switches equal PyTorch’s indices)', (_id, c) => {
    const info = computePool2DInfo(c.inputs.x.shape, {
      kernelSize: pair(c.params.kernel), stride: pair(c.params.stride), padding: pair(c.params.padding), dilation: pair(c.params.dilation),
    });
    const x = f64(c.inputs.x);
    const { indices } = maxPoolKernel(info, x);
    const switches = new Float64Array(indices.length);
    const maxima = new Float64Array(indices.length);
    for (let n = 0; n < info.batch; n++) {
      for (let ch = 0; ch < info.channels; ch++) {
        const plan = maxPoolPlan(info, indices, { n, channel: ch });
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          switches[s.target.outIndex] = s.switch.planeIndex;
          maxima[s.target.outIndex] = Math.max(...s.window.filter((cell) => !cell.padding).map((cell) => x[cell.xIndex]));
        }
      }
    }
    expectSame(switches, c.expected.indices.data);
    expectSame(maxima, c.expected.output.data, tol(c));
  });

  it.each(torch.filter((c) => c.op === 'avg_pool2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const info = computePool2DInfo(c.inputs.x.shape, { kernelSize: pair(c.params.kernel), stride: pair(c.params.stride), padding: pair(c.params.padding) });
    const x = f64(c.inputs.x);
    const got = new Float64Array(info.batch * info.channels * info.outH * info.outW);
    for (let n = 0; n < info.batch; n++) {
      for (let ch = 0; ch < info.channels; ch++) {
        const plan = avgPoolPlan(info, { n, channel: ch, countIncludePad: c.params.count_include_pad as boolean });
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          for (const cell of s.window) if (!cell.padding) got[s.target.outIndex] += x[cell.xIndex] * cell.weight;
        }
      }
    }
    expectSame(got, c.expected.output.data, 1e-9);
  });

  it.each(torch.filter((c) => c.op === 'max_unpool2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const info = computeUnpool2DInfo(c.inputs.x.shape, {
      kernelSize: pair(c.params.kernel), stride: pair(c.params.stride), padding: pair(c.params.padding), outputSize: pair(c.params.output_size),
    });
    const x = f64(c.inputs.x);
    const got = new Float64Array(info.batch * info.channels * info.outH * info.outW);
    for (let n = 0; n < info.batch; n++) {
      for (let ch = 0; ch < info.channels; ch++) {
        const plan = maxUnpoolPlan(info, c.inputs.indices.data, { n, channel: ch });
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          got[s.destination.outIndex] = x[s.source.xIndex];
        }
      }
    }
    expectSame(got, c.expected.output.data, tol(c));
  });
});

/** NHWC (TF) ↔ NCHW (the engine), in the test only. */
function nhwcToNchw(t: { shape: number[]; data: number[] }): Float64Array {
  const [n, h, w, c] = t.shape;
  const out = new Float64Array(t.data.length);
  for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) {
    out[((b * c + ch) * h + y) * w + x] = t.data[((b * h + y) * w + x) * c + ch];
  }
  return out;
}

describe('plans reproduce the TensorFlow fixtures (asymmetric SAME pads, TF argmax)', () => {
  it.each(tfCases.filter((c) => c.op === 'tf_conv2d_transpose').map((c) => [c.id, c] as const))('%s (scatter and direct)', (_id, c) => {
    const [N, h, wd, cin] = c.inputs.value.shape;
    const [kh, kw, cout] = c.inputs.filter.shape;
    const outShape = c.params.output_shape as number[];
    const [sH, sW] = pair(c.params.strides);
    const padding = c.params.padding as 'SAME' | 'VALID';
    const { pad, outputPadding } = tfTransposePads(h, wd, outShape[1], outShape[2], kh, kw, sH, sW, padding);
    const info = computeConvTranspose2DInfo([N, cin, h, wd], [cin, cout, kh, kw], {
      stride: [sH, sW], pad, dilation: [1, 1], groups: 1, outputPadding,
    });
    // filter [kh, kw, out, in] → weight [in, out, kh, kw]
    const f = c.inputs.filter.data;
    const w = new Float64Array(f.length);
    for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) for (let co = 0; co < cout; co++) for (let ci = 0; ci < cin; ci++) {
      w[((ci * cout + co) * kh + ky) * kw + kx] = f[((ky * kw + kx) * cout + co) * cin + ci];
    }
    const x = nhwcToNchw(c.inputs.value);
    const want = nhwcToNchw(c.expected.output);
    const tfTol = c.params.mode === 'int' ? 0 : 1e-5;
    expectSame(sumScatterPlans(info, x, w), want, tfTol);
    expectSame(sumDirectPlans(info, x, w), want, tfTol);
  });

  it.each(tfCases.filter((c) => c.op === 'tf_max_pool_with_argmax').map((c) => [c.id, c] as const))('%s (tfIndex is TF’s argmax)', (_id, c) => {
    const [N, H, W, C] = c.inputs.input.shape;
    const [kH, kW] = pair(c.params.ksize);
    const [sH, sW] = pair(c.params.strides);
    const padding = c.params.padding as 'SAME' | 'VALID';
    const pad = tfPads(H, W, kH, kW, sH, sW, padding);
    // TF SAME may pad one more cell at the bottom/right than PyTorch allows, so the record is
    // written out here rather than validated by computePool2DInfo (which takes symmetric pads).
    const info: Pool2DInfo = {
      batch: N, channels: C, inH: H, inW: W, kH, kW, strideH: sH, strideW: sW, dilationH: 1, dilationW: 1, effKH: kH, effKW: kW, pad,
      outH: convOutSize(H, kH, sH, pad.top + pad.bottom), outW: convOutSize(W, kW, sW, pad.left + pad.right),
    };
    const { indices } = maxPoolKernel(info, nhwcToNchw(c.inputs.input));
    const withBatch = c.params.include_batch_in_index as boolean;
    const got = new Float64Array(N * info.outH * info.outW * C);
    for (let n = 0; n < N; n++) {
      for (let ch = 0; ch < C; ch++) {
        const plan = maxPoolPlan(info, indices, { n, channel: ch });
        for (let i = 0; i < stepCount(plan); i++) {
          const s = step(plan, i);
          got[((n * info.outH + s.target.oy) * info.outW + s.target.ox) * C + ch] = withBatch ? s.switch.tfIndexWithBatch : s.switch.tfIndex;
        }
      }
    }
    expectSame(got, c.expected.argmax.data);
  });
});

// ---------------------------------------------------------------------------------------------
// Random access, O(window), and refusals
// ---------------------------------------------------------------------------------------------

function plansFor(size: number, seed: number): Plan[] {
  const conv = computeConv2DInfo([1, 2, size, size], [4, 1, 3, 3], { stride: [1, 1], pad: symmetricPads(1, 1), dilation: [1, 1], groups: 2 });
  const convT = computeConvTranspose2DInfo([1, 2, size, size], [2, 2, 4, 4], {
    stride: [2, 2], pad: symmetricPads(1, 1), dilation: [1, 1], groups: 1, outputPadding: [1, 1],
  });
  const pool = computePool2DInfo([1, 1, size, size], { kernelSize: 2 });
  const { indices } = maxPoolKernel(pool, ints(size * size, seed));
  const unpool = computeUnpool2DInfo([1, 1, pool.outH, pool.outW], { kernelSize: 2 });
  return [
    convPlan(conv, { channel: 3 }),
    convTransposeScatterPlan(convT, { channel: 1 }),
    convTransposeDirectPlan(convT),
    maxPoolPlan(pool, indices),
    avgPoolPlan(pool),
    maxUnpoolPlan(unpool, indices),
    avgUnpoolPlan(unpool),
  ];
}

/** The largest list a step holds: what O(window) bounds. */
function stepSize(plan: Plan, i: number): number {
  const s = step(plan, i);
  switch (s.kind) {
    case 'conv':
    case 'convTransposeScatter':
    case 'sweep':
      return s.terms.length;
    case 'kernel':
      return s.cells.length;
    case 'maxPool':
    case 'avgPool':
      return s.window.length;
    case 'avgUnpool':
      return s.destinations.length;
    case 'zero-insert':
    case 'maxUnpool':
      return 1;
  }
}

describe('random access in O(window)', () => {
  it('a 64×64 plan is as small as an 8×8 one (no per-cell data) except for the switches max (un)pooling keep', () => {
    const smallPlans = plansFor(8, 1);
    const bigPlans = plansFor(64, 1);
    for (let k = 0; k < bigPlans.length; k++) {
      const big = bigPlans[k];
      const json = JSON.stringify(big);
      if (big.kind === 'maxPool' || big.kind === 'maxUnpool') {
        expect(big.indices.length).toBe(32 * 32);
      } else {
        expect(json.length).toBeLessThan(1500);
        expect(Math.abs(json.length - JSON.stringify(smallPlans[k]).length)).toBeLessThan(60);
      }
    }
  });

  it('every step, scrubbed in any order, is bounded by Cin/g·kH·kW (never by the grid), and equal on repeated access', () => {
    for (const plan of plansFor(64, 7)) {
      const count = stepCount(plan);
      const bound = plan.kind === 'conv' || plan.kind === 'convTransposeScatter' || plan.kind === 'convTransposeDirect'
        ? plan.info.inPerGroup * plan.info.kH * plan.info.kW
        : plan.info.kH * plan.info.kW;
      for (const i of [count - 1, 0, Math.floor(count / 2), 3, count - 2, 1]) {
        expect(stepSize(plan, i)).toBeLessThanOrEqual(bound);
        expect(step(plan, i)).toEqual(step(plan, i));
      }
    }
  });

  it('step(plan, i) outside [0, stepCount) throws a ShapeError that names the legal range', () => {
    for (const plan of plansFor(5, 3)) {
      const count = stepCount(plan);
      for (const bad of [-1, count, count + 10, 1.5, Number.NaN]) {
        let caught: unknown;
        try {
          step(plan, bad);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(ShapeError);
        const err = caught as ShapeError;
        expect(err.param).toBe('step');
        if (Number.isInteger(bad)) {
          expect(err.code).toBe('out-of-range');
          expect(err.message).toBe(`Step ${bad} does not exist: this animation has steps 0 to ${count - 1}.`);
        } else {
          expect(err.code).toBe('not-integer');
        }
      }
    }
  });

  it('refuses a plane that does not exist, indices of the wrong length, and switches outside their window or plane', () => {
    const conv = computeConv2DInfo([2, 2, 4, 4], [3, 2, 3, 3], { stride: [1, 1], pad: symmetricPads(0, 0), dilation: [1, 1], groups: 1 });
    expect(() => convPlan(conv, { channel: 3 })).toThrow(/Output channel 3 does not exist: there are output channels 0 to 2/);
    expect(() => convPlan(conv, { n: 2 })).toThrow(ShapeError);
    const pool = computePool2DInfo([1, 1, 4, 4], { kernelSize: 2 });
    const { indices } = maxPoolKernel(pool, ints(16, 5));
    expect(() => maxPoolPlan(pool, indices.subarray(1))).toThrow(expect.objectContaining({ code: 'indices', param: 'indices' }));
    const wrong = Float64Array.from(indices);
    wrong[3] = 0; // cell (0, 0) is not in the bottom-right window
    const plan = maxPoolPlan(pool, wrong);
    expect(() => step(plan, 3)).toThrow(expect.objectContaining({ code: 'indices' }));
    const unpool = computeUnpool2DInfo([1, 1, 2, 2], { kernelSize: 2 });
    expect(() => maxUnpoolPlan(unpool, [0, 1, 2, 16])).toThrow(expect.objectContaining({ code: 'indices', param: 'indices' }));
    expect(() => maxUnpoolPlan(unpool, [0, 1, 2])).toThrow(ShapeError);
    // A 1-wide input, window 2 wide spread by dilation 2, padding 1: its cells are columns −1 and 1.
    expect(() => computePool2DInfo([1, 1, 1, 1], { kernelSize: [1, 2], stride: 1, padding: [0, 1], dilation: [1, 2] })).toThrow(
      expect.objectContaining({ code: 'pool-padding', param: 'padding' }),
    );
  });
});
