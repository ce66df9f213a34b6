/**
 * The explorer's engine entry (src/engine/explore.ts). The transposed convolution's three
 * computations (fast kernel, scatter canvas, direct form) are checked against each other and
 * against a scatter loop written here from the definition out[i·s + k·d − padBefore] += x[i]·w[k];
 * the per-axis facts the formula panel shows are checked against brute-force searches written
 * here with the frameworks' own size rules (PyTorch ⌊(i + 2p − d(k−1) − 1)/s⌋ + 1, TensorFlow
 * SAME ⌈i/s⌉ and VALID ⌈(i − d(k−1))/s⌉), never with the engine's helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExplore, explore, isShapeError, ShapeError, type ExploreSpec, type TfPadding } from '../../src/engine';
import { infoOf } from '../explored';

type HW = readonly [number, number];

// ---------------------------------------------------------------------------------------------
// Independent arithmetic, one axis at a time
// ---------------------------------------------------------------------------------------------

const eff = (k: number, d: number) => d * (k - 1) + 1;

/** PyTorch conv output size, or 0 when the kernel does not fit. */
function torchConvOut(i: number, k: number, s: number, padTotal: number, d: number): number {
  if (i + padTotal < eff(k, d)) return 0;
  return Math.floor((i + padTotal - eff(k, d)) / s) + 1;
}

/** TensorFlow conv output size, or 0 when VALID and the kernel does not fit. */
function tfConvOut(i: number, k: number, s: number, padding: TfPadding, d: number): number {
  if (padding === 'SAME') return Math.ceil(i / s);
  return i < eff(k, d) ? 0 : Math.ceil((i - eff(k, d) + 1) / s);
}

/** TensorFlow SAME padding of an axis of size i: total max((⌈i/s⌉−1)s + d(k−1)+1 − i, 0), odd extra after. */
function tfSame(i: number, k: number, s: number, d: number): { before: number; after: number } {
  const total = Math.max((Math.ceil(i / s) - 1) * s + eff(k, d) - i, 0);
  return { before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
}

const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, j) => lo + j);

/**
 * Transposed convolution from its definition, one image, one channel: each input cell stamps
 * the kernel at (iy·s − padTop, ix·s − padLeft), cells outside [0, out) dropped.
 */
function refConvT(
  x: readonly number[], w: readonly number[], i: HW, k: HW, s: HW, d: HW, before: HW, out: HW,
): number[] {
  const res = Array.from({ length: out[0] * out[1] }, () => 0);
  for (let iy = 0; iy < i[0]; iy++)
    for (let ix = 0; ix < i[1]; ix++)
      for (let ky = 0; ky < k[0]; ky++)
        for (let kx = 0; kx < k[1]; kx++) {
          const oy = iy * s[0] + ky * d[0] - before[0];
          const ox = ix * s[1] + kx * d[1] - before[1];
          if (oy >= 0 && oy < out[0] && ox >= 0 && ox < out[1]) res[oy * out[1] + ox] += x[iy * i[1] + ix] * w[ky * k[1] + kx];
        }
  return res;
}

/** Small integers so every sum is exact in float64 (equality, not tolerance). */
const valuesArb = (n: number) => fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n });

// ---------------------------------------------------------------------------------------------
// Spec generators
// ---------------------------------------------------------------------------------------------

interface TorchAxis { i: number; k: number; s: number; d: number; p: number; a: number }
const torchAxisArb: fc.Arbitrary<TorchAxis> = fc
  .record({ i: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }) })
  .chain((ax) =>
    fc.record({
      i: fc.constant(ax.i), k: fc.constant(ax.k), s: fc.constant(ax.s), d: fc.constant(ax.d),
      p: fc.integer({ min: 0, max: 3 }),
      a: fc.integer({ min: 0, max: Math.max(ax.s, ax.d) - 1 }),
    }),
  )
  // The formula (i − 1)s − 2p + d(k−1) + a + 1 must leave at least one cell.
  .filter((ax) => torchConvTOut(ax) >= 1);

function torchConvTOut(ax: TorchAxis): number {
  return (ax.i - 1) * ax.s - 2 * ax.p + ax.d * (ax.k - 1) + ax.a + 1;
}

interface TfAxis { v: number; k: number; s: number; d: number }
const tfAxisArb: fc.Arbitrary<TfAxis> = fc.record({
  v: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
});

/** Output sizes h whose forward TF convolution gives v (searched, not derived). */
function tfLegal(ax: TfAxis, padding: TfPadding): number[] {
  return range(1, (ax.v + 2) * ax.s + eff(ax.k, ax.d)).filter((h) => tfConvOut(h, ax.k, ax.s, padding, ax.d) === ax.v);
}

const pair = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, arb);

function torchSpec(op: 'conv' | 'convT', h: TorchAxis, w: TorchAxis): ExploreSpec {
  return {
    op, fw: 'torch', input: [h.i, w.i], kernel: [h.k, w.k], stride: [h.s, w.s], padding: [h.p, w.p],
    dilation: [h.d, w.d], outputPadding: [h.a, w.a], outputShape: null,
  };
}

function tfSpec(op: 'conv' | 'convT', h: TfAxis, w: TfAxis, padding: TfPadding, out: HW | null): ExploreSpec {
  return {
    op, fw: 'tf', input: [h.v, w.v], kernel: [h.k, w.k], stride: [h.s, w.s], padding,
    dilation: [h.d, w.d], outputPadding: [0, 0], outputShape: out,
  };
}

// ---------------------------------------------------------------------------------------------
// Transposed convolution: kernel = scatter = direct = the definition
// ---------------------------------------------------------------------------------------------

/** Checks every convT product of computeExplore against the reference for pads `before` and size `out`. */
function checkConvT(spec: ExploreSpec, x: number[], w: number[], before: HW, out: HW, a: HW): void {
  const n = computeExplore(spec, x, w);
  if (n.op !== 'convT') throw new Error('expected a transposed convolution');
  const { input: i, kernel: k, stride: s, dilation: d } = spec;
  const want = refConvT(x, w, i, k, s, d, before, out);
  expect(n.output.shape).toEqual([1, 1, out[0], out[1]]);
  expect(Array.from(n.output.data)).toEqual(want);
  expect(Array.from(n.directOutput.data)).toEqual(want);
  expect(n.directOutput.shape).toEqual(n.output.shape);

  // The scatter canvas: nothing cropped, output padding added bottom/right.
  const full: HW = [(i[0] - 1) * s[0] + eff(k[0], d[0]) + a[0], (i[1] - 1) * s[1] + eff(k[1], d[1]) + a[1]];
  expect(n.full.shape).toEqual([1, 1, full[0], full[1]]);
  expect(Array.from(n.full.data)).toEqual(refConvT(x, w, i, k, s, d, [0, 0], full));
  // Cropping `before` rows/columns off the canvas is the output (the scatter view's last frame).
  const cropped: number[] = [];
  for (let r = 0; r < out[0]; r++) for (let c = 0; c < out[1]; c++) cropped.push(n.full.data[(r + before[0]) * full[1] + c + before[1]]);
  expect(cropped).toEqual(want);

  // The direct form's stages, built here from their definitions.
  const zero: HW = [(i[0] - 1) * s[0] + 1, (i[1] - 1) * s[1] + 1];
  const zi = Array.from({ length: zero[0] * zero[1] }, () => 0);
  for (let r = 0; r < i[0]; r++) for (let c = 0; c < i[1]; c++) zi[r * s[0] * zero[1] + c * s[1]] = x[r * i[1] + c];
  expect(n.zeroInserted.shape).toEqual([1, 1, zero[0], zero[1]]);
  expect(Array.from(n.zeroInserted.data)).toEqual(zi);
  expect(n.flippedWeight.shape).toEqual([1, 1, k[0], k[1]]);
  expect(Array.from(n.flippedWeight.data)).toEqual([...w].reverse()); // 180° turn of a row-major grid = reversed order
  // A stride-1 convolution of the padded grid with the (dilated) kernel gives the output, so padded = out + d(k−1).
  const padded: HW = [out[0] + eff(k[0], d[0]) - 1, out[1] + eff(k[1], d[1]) - 1];
  expect(n.padded.shape).toEqual([1, 1, padded[0], padded[1]]);
}

describe('computeExplore convT: kernel output = scatter output = direct output = the definition', () => {
  it('PyTorch: random sizes, strides, dilations, paddings and output paddings', () => {
    fc.assert(
      fc.property(
        pair(torchAxisArb).chain(([h, w]) => fc.tuple(fc.constant(h), fc.constant(w), valuesArb(h.i * w.i), valuesArb(h.k * w.k))),
        ([h, w, x, kv]) => {
          const out: HW = [torchConvTOut(h), torchConvTOut(w)];
          checkConvT(torchSpec('convT', h, w), x, kv, [h.p, w.p], out, [h.a, w.a]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('TensorFlow: random sizes, SAME and VALID, every legal output_shape and the default', () => {
    fc.assert(
      fc.property(
        pair(tfAxisArb)
          .chain(([h, w]) =>
            fc.tuple(fc.constant(h), fc.constant(w), fc.constantFrom<TfPadding>('SAME', 'VALID'), fc.boolean(), valuesArb(h.v * w.v), valuesArb(h.k * w.k)),
          )
          .chain(([h, w, padding, explicit, x, kv]) =>
            fc.tuple(
              fc.constant({ h, w, padding, x, kv }),
              explicit ? fc.tuple(fc.constantFrom(...tfLegal(h, padding)), fc.constantFrom(...tfLegal(w, padding))) : fc.constant(null),
            ),
          ),
        ([{ h, w, padding, x, kv }, out]) => {
          // Default output_shape: v·s for SAME, the smallest legal size (v−1)s + d(k−1) + 1 for VALID.
          const dflt = (ax: TfAxis) => (padding === 'SAME' ? ax.v * ax.s : (ax.v - 1) * ax.s + eff(ax.k, ax.d));
          const o: HW = out ?? [dflt(h), dflt(w)];
          const before: HW = padding === 'SAME' ? [tfSame(o[0], h.k, h.s, h.d).before, tfSame(o[1], w.k, w.s, w.d).before] : [0, 0];
          // TF's output padding: the rows output_shape adds below the full scatter (v−1)s + d(k−1) + 1, if any.
          const extra = (ax: TfAxis, oAx: number) => Math.max(0, oAx - ((ax.v - 1) * ax.s + eff(ax.k, ax.d)));
          checkConvT(tfSpec('convT', h, w, padding, out), x, kv, before, o, [extra(h, o[0]), extra(w, o[1])]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('TensorFlow convT default output_shape', () => {
  it('is v·s for SAME and the smallest legal size for VALID, per axis', () => {
    fc.assert(
      fc.property(pair(tfAxisArb), fc.constantFrom<TfPadding>('SAME', 'VALID'), ([h, w], padding) => {
        const e = explore(tfSpec('convT', h, w, padding, null));
        if (e.op !== 'convT') throw new Error('expected a transposed convolution');
        const want = (ax: TfAxis) => (padding === 'SAME' ? ax.v * ax.s : Math.min(...tfLegal(ax, padding)));
        expect([infoOf(e).outH, infoOf(e).outW]).toEqual([want(h), want(w)]);
        // and that size is one TF accepts
        expect(tfLegal(h, padding)).toContain(infoOf(e).outH);
        expect(tfLegal(w, padding)).toContain(infoOf(e).outW);
      }),
    );
  });

  it("issue 3's example: in=3, k=3, s=2, SAME gives 6 by default; out=5 and out=6 are legal, out=10 is refused as outputShape", () => {
    const h: TfAxis = { v: 3, k: 3, s: 2, d: 1 };
    expect(infoOf(explore(tfSpec('convT', h, h, 'SAME', null))).outH).toBe(3 * 2);
    expect(infoOf(explore(tfSpec('convT', h, h, 'SAME', [5, 5]))).outH).toBe(5);
    expect(infoOf(explore(tfSpec('convT', h, h, 'SAME', [6, 6]))).outW).toBe(6);
    let caught: unknown = null;
    try {
      explore(tfSpec('convT', h, h, 'SAME', [10, 10]));
    } catch (e) {
      caught = e;
    }
    expect(isShapeError(caught)).toBe(true);
    if (isShapeError(caught)) expect([caught.code, caught.param]).toEqual(['output-shape', 'outputShape']);
  });
});

// ---------------------------------------------------------------------------------------------
// Axis facts
// ---------------------------------------------------------------------------------------------

describe('explore axis facts', () => {
  it('PyTorch conv: siblings are every input size with the same output; no TF pads, no output choices', () => {
    fc.assert(
      fc.property(pair(torchAxisArb), ([h, w]) => {
        fc.pre(torchConvOut(h.i, h.k, h.s, 2 * h.p, h.d) >= 1 && torchConvOut(w.i, w.k, w.s, 2 * w.p, w.d) >= 1);
        const e = explore(torchSpec('conv', h, w));
        [h, w].forEach((ax, j) => {
          const o = torchConvOut(ax.i, ax.k, ax.s, 2 * ax.p, ax.d);
          expect(j === 0 ? infoOf(e).outH : infoOf(e).outW).toBe(o);
          const siblings = range(1, (o + 2) * ax.s + eff(ax.k, ax.d)).filter((i) => torchConvOut(i, ax.k, ax.s, 2 * ax.p, ax.d) === o);
          expect(e.axes[j].siblings).toEqual(siblings);
          expect(e.axes[j].siblings).toContain(ax.i);
          expect(e.axes[j].tfPad).toBeNull();
          expect(e.axes[j].legalOut).toEqual([]);
          expect(e.axes[j].outputPaddingChoices).toEqual([]);
        });
      }),
    );
  });

  it('TensorFlow conv: siblings by the TF size rule, tfPad the SAME split (odd extra after) or 0/0 for VALID', () => {
    fc.assert(
      fc.property(pair(tfAxisArb), fc.constantFrom<TfPadding>('SAME', 'VALID'), ([h, w], padding) => {
        fc.pre(tfConvOut(h.v, h.k, h.s, padding, h.d) >= 1 && tfConvOut(w.v, w.k, w.s, padding, w.d) >= 1);
        const e = explore(tfSpec('conv', h, w, padding, null));
        [h, w].forEach((ax, j) => {
          const o = tfConvOut(ax.v, ax.k, ax.s, padding, ax.d);
          expect(j === 0 ? infoOf(e).outH : infoOf(e).outW).toBe(o);
          const siblings = range(1, (o + 2) * ax.s + eff(ax.k, ax.d)).filter((i) => tfConvOut(i, ax.k, ax.s, padding, ax.d) === o);
          expect(e.axes[j].siblings).toEqual(siblings);
          expect(e.axes[j].tfPad).toEqual(padding === 'SAME' ? tfSame(ax.v, ax.k, ax.s, ax.d) : { before: 0, after: 0 });
          expect(e.axes[j].legalOut).toEqual([]);
        });
      }),
    );
  });

  it('TensorFlow convT: legalOut = siblings = every output_shape whose forward conv gives the input; tfPad of output_shape', () => {
    fc.assert(
      fc.property(
        pair(tfAxisArb).chain(([h, w]) =>
          fc.constantFrom<TfPadding>('SAME', 'VALID').chain((padding) =>
            fc.tuple(fc.constant(h), fc.constant(w), fc.constant(padding), fc.constantFrom(...tfLegal(h, padding)), fc.constantFrom(...tfLegal(w, padding))),
          ),
        ),
        ([h, w, padding, oh, ow]) => {
          const e = explore(tfSpec('convT', h, w, padding, [oh, ow]));
          expect([infoOf(e).outH, infoOf(e).outW]).toEqual([oh, ow]);
          [h, w].forEach((ax, j) => {
            const o = j === 0 ? oh : ow;
            expect(e.axes[j].legalOut).toEqual(tfLegal(ax, padding));
            expect(e.axes[j].siblings).toEqual(tfLegal(ax, padding));
            expect(e.axes[j].tfPad).toEqual(padding === 'SAME' ? tfSame(o, ax.k, ax.s, ax.d) : { before: 0, after: 0 });
            expect(e.axes[j].outputPaddingChoices).toEqual([]);
          });
        },
      ),
    );
  });

  it('PyTorch convT: outputPaddingChoices are a = 0 … max(s, d) − 1 with the size each gives (≥ 1); legalOut lists those sizes', () => {
    fc.assert(
      fc.property(pair(torchAxisArb), ([h, w]) => {
        const e = explore(torchSpec('convT', h, w));
        expect([infoOf(e).outH, infoOf(e).outW]).toEqual([torchConvTOut(h), torchConvTOut(w)]);
        [h, w].forEach((ax, j) => {
          // PyTorch accepts output_padding smaller than the stride or the dilation.
          const choices = range(0, Math.max(ax.s, ax.d) - 1)
            .map((a) => ({ a, size: torchConvTOut({ ...ax, a }) }))
            .filter((c) => c.size >= 1);
          expect(e.axes[j].outputPaddingChoices).toEqual(choices);
          expect(e.axes[j].legalOut).toEqual(choices.map((c) => c.size));
          expect(e.axes[j].siblings).toEqual(choices.map((c) => c.size));
          expect(e.axes[j].legalOut).toContain(j === 0 ? infoOf(e).outH : infoOf(e).outW);
          expect(e.axes[j].tfPad).toBeNull();
        });
      }),
    );
  });

  it('a padding spelled for the other framework is refused as padding', () => {
    const ax: TorchAxis = { i: 5, k: 3, s: 1, d: 1, p: 0, a: 0 };
    for (const op of ['conv', 'convT'] as const) {
      for (const spec of [{ ...torchSpec(op, ax, ax), padding: 'SAME' as const }, { ...tfSpec(op, { v: 5, k: 3, s: 1, d: 1 }, { v: 5, k: 3, s: 1, d: 1 }, 'SAME', null), padding: [1, 1] as const }]) {
        let caught: unknown = null;
        try {
          explore(spec);
        } catch (e) {
          caught = e;
        }
        expect(isShapeError(caught) && caught.param).toBe('padding');
      }
    }
  });
});

describe('the explorer refuses grids too large to draw', () => {
  it('in=32, k=7, s=8 transposed gives a 255×255 output: refused with the sizes and what would work', () => {
    let caught: unknown = null;
    try {
      explore({ ...torchSpec('convT', { i: 32, k: 7, s: 8, p: 0, d: 1, a: 0 }, { i: 32, k: 7, s: 8, p: 0, d: 1, a: 0 }) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ShapeError);
    expect((caught as ShapeError).code).toBe('too-large');
    expect((caught as ShapeError).param).toBe('input');
    expect((caught as ShapeError).message).toMatch(/255×255.*up to 25600 cells \(160×160\).*smaller input, stride/);
  });

  it('the whole 97×97 case is drawn (tf-97-stride4: 24×24 → 97×97), and so is a 64×64 scatter with k = 5, s = 2 (canvas (64 − 1)·2 + 5 = 131)', () => {
    const whole = explore({ op: 'convT', fw: 'tf', input: [24, 24], kernel: [3, 3], stride: [4, 4], padding: 'VALID', dilation: [1, 1], outputPadding: [0, 0], outputShape: [97, 97] });
    expect([infoOf(whole).outH, infoOf(whole).outW]).toEqual([97, 97]);
    const e = explore({ ...torchSpec('convT', { i: 64, k: 5, s: 2, p: 0, d: 1, a: 0 }, { i: 64, k: 5, s: 2, p: 0, d: 1, a: 0 }) });
    expect(infoOf(e).outH).toBe(131);
  });

  it('a 64×64 input with k = 11 and s = 8 would scatter to (64 − 1)·8 + 11 = 515 per side: refused, since a grid that large would freeze the page', () => {
    expect(() => explore({ ...torchSpec('convT', { i: 64, k: 11, s: 8, p: 0, d: 1, a: 0 }, { i: 64, k: 11, s: 8, p: 0, d: 1, a: 0 }) }))
      .toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
