/**
 * The laws of convolution arithmetic, checked on random cases (fast-check):
 * transposed convolution is the adjoint of convolution, its two teaching forms agree with it,
 * size formulas agree with their inverses, unpooling puts every maximum back, and invalid
 * requests always end in a ShapeError.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ShapeError, conv2d, convInputSizes, convOutSize, convTranspose2d, convTranspose2dDirect, convTranspose2dScatter,
  convTransposeOutSize, maxPool2d, maxUnpool2d, avgPool2d, avgUnpool2d, outputPaddingChoices, tf, tfLegalTransposeSizes, tfOutSize, tensor, unpoolSizes,
  type Tensor,
} from '../../src/engine';

const ints = (n: number, seed: number): number[] => {
  // Small integers from a linear congruential stream: exact sums, independent of the engine.
  let a = seed >>> 0;
  return Array.from({ length: n }, () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return (a % 7) - 3;
  });
};
const randTensor = (shape: number[], seed: number): Tensor => tensor(shape, ints(shape.reduce((p, d) => p * d, 1), seed));
const dot = (a: Tensor, b: Tensor) => a.data.reduce((acc, v, i) => acc + v * b.data[i], 0);

/** A random convolution whose transposed convolution maps back onto the input's size. */
const convCase = fc
  .record({
    n: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 2 }),
    cinPer: fc.integer({ min: 1, max: 2 }),
    coutPer: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 9 }),
    w: fc.integer({ min: 1, max: 9 }),
    kH: fc.integer({ min: 1, max: 4 }),
    kW: fc.integer({ min: 1, max: 4 }),
    sH: fc.integer({ min: 1, max: 3 }),
    sW: fc.integer({ min: 1, max: 3 }),
    dH: fc.integer({ min: 1, max: 2 }),
    dW: fc.integer({ min: 1, max: 2 }),
    pH: fc.integer({ min: 0, max: 2 }),
    pW: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .filter((c) => c.dH * (c.kH - 1) + 1 <= c.h + 2 * c.pH && c.dW * (c.kW - 1) + 1 <= c.w + 2 * c.pW);

describe('transposed convolution is the adjoint of convolution', () => {
  it('⟨conv(x), y⟩ = ⟨x, convT(y)⟩ for the same weight, stride, padding, dilation and groups', () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const cin = c.cinPer * c.groups;
        const cout = c.coutPer * c.groups;
        const x = randTensor([c.n, cin, c.h, c.w], c.seed);
        const weight = randTensor([cout, c.cinPer, c.kH, c.kW], c.seed + 1);
        const opts = { stride: [c.sH, c.sW] as const, padding: [c.pH, c.pW] as const, dilation: [c.dH, c.dW] as const, groups: c.groups };
        const y0 = conv2d(x, weight, opts);
        const y = randTensor([...y0.shape], c.seed + 2);
        // The output padding that brings the transposed convolution back to h×w.
        const aH = c.h - convTransposeOutSize(y0.shape[2], c.kH, c.sH, 2 * c.pH, c.dH, 0);
        const aW = c.w - convTransposeOutSize(y0.shape[3], c.kW, c.sW, 2 * c.pW, c.dW, 0);
        const back = convTranspose2d(y, weight, { ...opts, outputPadding: [aH, aW] });
        expect(back.shape).toEqual(x.shape);
        expect(dot(y0, y)).toBe(dot(x, back));
      }),
      { numRuns: 200 },
    );
  });

  it('scatter = direct (zero-insert → pad → flip → stride-1 conv) = convTranspose2d, output padding included', () => {
    fc.assert(
      fc.property(convCase, fc.integer({ min: 0, max: 2 }), (c, extra) => {
        const cin = c.cinPer * c.groups;
        const x = randTensor([c.n, cin, c.h, c.w], c.seed);
        const weight = randTensor([cin, c.coutPer, c.kH, c.kW], c.seed + 3);
        const a = Math.min(extra, Math.max(c.sH, c.dH) - 1);
        const b = Math.min(extra, Math.max(c.sW, c.dW) - 1);
        const opts = { stride: [c.sH, c.sW] as const, padding: [c.pH, c.pW] as const, dilation: [c.dH, c.dW] as const, groups: c.groups, outputPadding: [a, b] as const };
        let fast: Tensor;
        try {
          fast = convTranspose2d(x, weight, opts);
        } catch (e) {
          // Padding may crop everything away: then every form must refuse the same way.
          expect(e).toBeInstanceOf(ShapeError);
          expect(() => convTranspose2dScatter(x, weight, opts)).toThrow(ShapeError);
          return;
        }
        const scatter = convTranspose2dScatter(x, weight, opts).output;
        const direct = convTranspose2dDirect(x, weight, opts).output;
        expect(scatter.shape).toEqual(fast.shape);
        expect(direct.shape).toEqual(fast.shape);
        expect(Array.from(scatter.data)).toEqual(Array.from(fast.data));
        expect(Array.from(direct.data)).toEqual(Array.from(fast.data));
      }),
      { numRuns: 200 },
    );
  });
});

describe('size formulas and their inverses agree', () => {
  const axis = fc.record({
    k: fc.integer({ min: 1, max: 7 }),
    s: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 1, max: 3 }),
    p: fc.integer({ min: 0, max: 3 }),
    o: fc.integer({ min: 1, max: 20 }),
  });

  it('every input size convInputSizes lists convolves to o, and no other size does', () => {
    fc.assert(
      fc.property(axis, ({ k, s, d, p, o }) => {
        const listed = convInputSizes(o, k, s, 2 * p, d);
        for (let i = 1; i <= (o + 2) * s + d * k + 2 * p; i++) {
          const fits = d * (k - 1) + 1 <= i + 2 * p;
          expect(listed.includes(i)).toBe(fits && convOutSize(i, k, s, 2 * p, d) === o);
        }
      }),
    );
  });

  it('each legal output padding gives one of those input sizes back', () => {
    fc.assert(
      fc.property(axis, ({ k, s, d, p, o }) => {
        const sizes = convInputSizes(o, k, s, 2 * p, d);
        for (const i of sizes) {
          const a = i - convTransposeOutSize(o, k, s, 2 * p, d, 0);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThan(Math.max(s, d));
        }
      }),
    );
  });

  it('outputPaddingChoices: each a < max(s, d) with the size its scatter, cropped by p per side and extended by a, covers', () => {
    fc.assert(
      fc.property(axis, fc.integer({ min: 1, max: 12 }), ({ k, s, d, p }, i) => {
        // Independent: the scatter's last cell is the largest input cell·s + tap·d.
        let last = 0;
        for (let cell = 0; cell < i; cell++) for (let tap = 0; tap < k; tap++) last = Math.max(last, cell * s + tap * d);
        const want = Array.from({ length: Math.max(s, d) }, (_, a) => ({ a, size: last + 1 - 2 * p + a })).filter((c) => c.size >= 1);
        const got = outputPaddingChoices(i, k, s, p, d);
        expect(got).toEqual(want);
        // An output padding below the stride picks one of the sizes the forward convolution maps back to i.
        for (const c of got.filter((ch) => ch.a < s)) {
          let windows = 0;
          for (let start = -p; start + d * (k - 1) <= c.size - 1 + p; start += s) windows++;
          expect(windows).toBe(i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unpoolSizes: the default is the smallest size that pools back to i; legal is PyTorch’s default − s < o < default + s', () => {
    const pooling = fc.record({ k: fc.integer({ min: 1, max: 7 }), s: fc.integer({ min: 1, max: 5 }), i: fc.integer({ min: 1, max: 12 }) })
      .chain((r) => fc.record({ k: fc.constant(r.k), s: fc.constant(r.s), i: fc.constant(r.i), p: fc.integer({ min: 0, max: Math.floor(r.k / 2) }) }));
    fc.assert(
      fc.property(pooling, ({ k, s, p, i }) => {
        const { default: def, legal } = unpoolSizes(i, k, s, p);
        // Independent: count the windows of a pooling over o cells by sliding one (forward, PyTorch's floor rule).
        const pooledSize = (o: number) => {
          let n = 0;
          for (let start = -p; start + k <= o + p; start += s) n++;
          return n;
        };
        // From 0 cells: padding alone may make windows, and then the default is no real size (nothing is legal).
        const sizes = Array.from({ length: (i + 2) * s + k }, (_, n) => n);
        const back = sizes.filter((o) => pooledSize(o) === i);
        expect(def).toBe(back[0]);
        // max_unpool2d's check (torch.nn.functional._unpool_output_size): default − stride < size < default + stride.
        expect(legal).toEqual(sizes.filter((o) => o >= 1 && o > def - s && o < def + s));
        for (const o of legal.filter((size) => size >= def)) expect(back).toContain(o);
      }),
      { numRuns: 300 },
    );
  });

  it("TensorFlow's legal output_shape sizes are exactly the sizes whose forward conv gives the value's size", () => {
    fc.assert(
      fc.property(axis, fc.constantFrom('SAME' as const, 'VALID' as const), ({ k, s, d, o }, padding) => {
        const legal = tfLegalTransposeSizes(o, k, s, padding, d);
        for (let h = 1; h <= (o + 2) * s + d * k; h++) {
          const valid = padding === 'SAME' || h >= d * (k - 1) + 1;
          expect(legal.includes(h)).toBe(valid && tfOutSize(h, k, s, padding, d) === o);
        }
      }),
    );
  });
});

describe('unpooling', () => {
  const poolCase = fc.record({
    h: fc.integer({ min: 1, max: 8 }),
    w: fc.integer({ min: 1, max: 8 }),
    k: fc.integer({ min: 1, max: 3 }),
    s: fc.integer({ min: 1, max: 3 }),
    p: fc.integer({ min: 0, max: 1 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  }).filter((c) => c.p <= Math.floor(c.k / 2) && c.k <= c.h + 2 * c.p && c.k <= c.w + 2 * c.p);

  it('maxUnpool2d(maxPool2d(x)) keeps exactly the maxima in place and zeros elsewhere', () => {
    fc.assert(
      fc.property(poolCase, (c) => {
        // Distinct values (a shuffled ramp) so every maximum is unambiguous.
        const n = c.h * c.w;
        const order = ints(n, c.seed).map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i).map((e) => e.i);
        const x = tensor([1, 1, c.h, c.w], order.map((i) => i + 1));
        const { output, indices } = maxPool2d(x, { kernelSize: c.k, stride: c.s, padding: c.p });
        const back = maxUnpool2d(output, indices, { kernelSize: c.k, stride: c.s, padding: c.p, outputSize: [c.h, c.w] });
        const kept = new Set(Array.from(indices.data));
        back.data.forEach((v, i) => expect(v).toBe(kept.has(i) ? x.data[i] : 0));
        for (const i of kept) expect(Array.from(output.data)).toContain(x.data[i]);
      }),
      { numRuns: 150 },
    );
  });

  it('avgUnpool2d of a constant map v ≠ 0 is v exactly where some window reaches and 0 elsewhere', () => {
    fc.assert(
      fc.property(poolCase, fc.constantFrom(-3, -2, -1, 1, 2, 3), (c, v) => {
        const x = tensor([1, 1, c.h, c.w], Array.from({ length: c.h * c.w }, () => v));
        const pooled = avgPool2d(x, { kernelSize: c.k, stride: c.s, padding: c.p, countIncludePad: false });
        for (const value of pooled.data) expect(value).toBe(v);
        const back = avgUnpool2d(pooled, { kernelSize: c.k, stride: c.s, padding: c.p, outputSize: [c.h, c.w] });
        // Independent: a row (column) is reached when a window o·s − p … o·s − p + k − 1 of the pooled size covers it.
        const reached = (cell: number, windows: number) => Array.from({ length: windows }, (_, o) => o * c.s - c.p).some((start) => start <= cell && cell < start + c.k);
        const [, , outH, outW] = pooled.shape;
        back.data.forEach((value, i) => expect(value).toBe(reached(Math.floor(i / c.w), outH) && reached(i % c.w, outW) ? v : 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('invalid requests always end in a ShapeError', () => {
  // A pool of values that are valid somewhere and invalid elsewhere.
  const num = fc.oneof(
    fc.integer({ min: -2, max: 6 }),
    fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 2.5, 1e9, -1e9, 4096),
  );
  const pair = fc.oneof(num, fc.tuple(num, num));
  const dims = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 1.5, NaN, 3000)), { minLength: 3, maxLength: 5 });

  const tensorOf = (shape: number[], fill: number): Tensor => {
    const n = shape.every((d) => Number.isInteger(d) && d > 0) ? shape.reduce((p, d) => p * d, 1) : 0;
    return { shape, data: new Float64Array(Math.min(Math.max(n, 0), 5000)).fill(fill) };
  };

  const calls: Record<string, (a: Tensor, b: Tensor, p: { s: unknown; p: unknown; d: unknown; g: unknown; a: unknown; k: unknown }) => unknown> = {
    conv2d: (a, b, o) => conv2d(a, b, { stride: o.s as number, padding: o.p as number, dilation: o.d as number, groups: o.g as number }),
    convTranspose2d: (a, b, o) =>
      convTranspose2d(a, b, { stride: o.s as number, padding: o.p as number, dilation: o.d as number, groups: o.g as number, outputPadding: o.a as number }),
    convTranspose2dDirect: (a, b, o) => convTranspose2dDirect(a, b, { stride: o.s as number, padding: o.p as number, dilation: o.d as number }),
    maxPool2d: (a, _b, o) => maxPool2d(a, { kernelSize: o.k as number, stride: o.s as number, padding: o.p as number, dilation: o.d as number }),
    avgPool2d: (a, _b, o) => avgPool2d(a, { kernelSize: o.k as number, stride: o.s as number, padding: o.p as number }),
    maxUnpool2d: (a, b, o) => maxUnpool2d(a, b, { kernelSize: o.k as number, stride: o.s as number, padding: o.p as number }),
    avgUnpool2d: (a, _b, o) => avgUnpool2d(a, { kernelSize: o.k as number, stride: o.s as number, padding: o.p as number }),
    tfConv2d: (a, b, o) => tf.conv2d(a, b, { strides: o.s as number, padding: 'SAME', dilations: o.d as number }),
    tfConv2dTranspose: (a, b, o) => tf.conv2dTranspose(a, b, [1, o.k as number, o.k as number, 1], { strides: o.s as number, padding: 'VALID' }),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: random parameters give a finite result or a ShapeError, nothing else`, () => {
      fc.assert(
        fc.property(dims, dims, pair, pair, pair, num, pair, pair, fc.constantFrom(0, 1, NaN), (xs, ws, s, p, d, g, a, k, fill) => {
          let out: unknown;
          try {
            out = call(tensorOf(xs, fill), tensorOf(ws, 1), { s, p, d, g, a, k });
          } catch (e) {
            expect(e).toBeInstanceOf(ShapeError);
            expect((e as ShapeError).param).not.toBe('');
            expect((e as ShapeError).message.length).toBeGreaterThan(20);
            return;
          }
          const tensors = (out as { data?: Float64Array; output?: Tensor; indices?: Tensor; argmax?: Tensor });
          for (const t of [tensors as Tensor, tensors.output, tensors.indices, tensors.argmax]) {
            if (t && t.data instanceof Float64Array) for (const v of t.data) expect(Number.isFinite(v)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
