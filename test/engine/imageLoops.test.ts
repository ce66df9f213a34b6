/**
 * Image mode's one-plane loops (src/engine/imageLoops.ts) against the engine's general ops
 * (conv2d, convTranspose2d on [1, 1, H, W]) on random small pictures and kernels, compared to
 * 1e-12 of the sum of the terms' sizes; the byte and range helpers against direct loops; and a
 * job written into spare buffers full of old bytes (bufferPool) against the same job in new ones;
 * the buffers a result hands back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d, conv2dInfo, convTranspose2d, convTranspose2dInfo, imageJob, resultBuffers, tensor, type ImageJobResult, type ImageJobSpec,
} from '../../src/engine';
import { giveBuffers, spareByteCount, takeFloat64 } from '../../src/engine/bufferPool';
import { convPlane, fillRgba, transposedPlane, transposedPlaneFits, valueRange } from '../../src/engine/imageLoops';

/** Values 0–255 as pictures hold them, sometimes with fractions (a previous result's values). */
const pixel = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.double({ min: -300, max: 300, noNaN: true }));
const weight = fc.double({ min: -4, max: 4, noNaN: true });

function closeTo(got: Float64Array, want: Float64Array, scale: number): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (Math.abs(got[i] - want[i]) > 1e-12 * scale) expect([i, got[i]]).toEqual([i, want[i]]);
  }
}

const scaleOf = (x: readonly number[], w: readonly number[]) => Math.max(1, x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) * w.reduce((s, v) => s + Math.abs(v), 0));

describe('the one-plane convolution', () => {
  it('equals conv2d on [1, 1, H, W] for any kernel size, stride, padding and dilation, written at an offset of the output', () => {
    const setting = fc.record({
      h: fc.integer({ min: 1, max: 12 }), w: fc.integer({ min: 1, max: 12 }),
      kh: fc.integer({ min: 1, max: 5 }), kw: fc.integer({ min: 1, max: 5 }),
      sh: fc.integer({ min: 1, max: 3 }), sw: fc.integer({ min: 1, max: 3 }),
      ph: fc.integer({ min: 0, max: 3 }), pw: fc.integer({ min: 0, max: 3 }),
      dh: fc.integer({ min: 1, max: 2 }), dw: fc.integer({ min: 1, max: 2 }),
      seed: fc.integer(),
    }).filter((s) => s.h + 2 * s.ph >= s.dh * (s.kh - 1) + 1 && s.w + 2 * s.pw >= s.dw * (s.kw - 1) + 1);
    fc.assert(
      fc.property(setting, fc.array(pixel, { minLength: 144, maxLength: 144 }), fc.array(weight, { minLength: 25, maxLength: 25 }), (s, pixels, weights) => {
        const x = tensor([1, 1, s.h, s.w], pixels.slice(0, s.h * s.w));
        const k = tensor([1, 1, s.kh, s.kw], weights.slice(0, s.kh * s.kw));
        const opts = { stride: [s.sh, s.sw] as [number, number], padding: [s.ph, s.pw] as [number, number], dilation: [s.dh, s.dw] as [number, number] };
        const want = conv2d(x, k, opts).data;
        // The plane sits after another one in the input, and is written after 5 cells of the output.
        const input = new Float64Array(s.h * s.w + 7);
        input.set(x.data, 7);
        const out = new Float64Array(want.length + 5).fill(NaN);
        convPlane(conv2dInfo(x, k, opts), input, 7, k.data, out, 5);
        closeTo(out.subarray(5), want, scaleOf(pixels, weights));
      }),
      { numRuns: 300 },
    );
  });

  it('3×3 at stride 1 (the named kernels’ path) equals conv2d with and without padding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 2 }), fc.array(pixel, { minLength: 100, maxLength: 100 }), fc.array(weight, { minLength: 9, maxLength: 9 }), (h, w, p, pixels, weights) => {
        fc.pre(h + 2 * p >= 3 && w + 2 * p >= 3);
        const x = tensor([1, 1, h, w], pixels.slice(0, h * w));
        const k = tensor([1, 1, 3, 3], weights);
        const want = conv2d(x, k, { padding: p }).data;
        const out = new Float64Array(want.length);
        convPlane(conv2dInfo(x, k, { padding: p }), x.data, 0, k.data, out, 0);
        closeTo(out, want, scaleOf(pixels, weights));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the one-plane stride-2 transposed convolution', () => {
  it('equals convTranspose2d on [1, 1, H, W] for kernels up to 4×4, any padding and output padding', () => {
    const setting = fc.record({
      h: fc.integer({ min: 1, max: 10 }), w: fc.integer({ min: 1, max: 10 }),
      kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
      ph: fc.integer({ min: 0, max: 3 }), pw: fc.integer({ min: 0, max: 3 }),
      ah: fc.integer({ min: 0, max: 1 }), aw: fc.integer({ min: 0, max: 1 }),
    }).filter((s) => (s.h - 1) * 2 - 2 * s.ph + s.kh + s.ah >= 1 && (s.w - 1) * 2 - 2 * s.pw + s.kw + s.aw >= 1);
    fc.assert(
      fc.property(setting, fc.array(pixel, { minLength: 100, maxLength: 100 }), fc.array(weight, { minLength: 16, maxLength: 16 }), (s, pixels, weights) => {
        const x = tensor([1, 1, s.h, s.w], pixels.slice(0, s.h * s.w));
        const k = tensor([1, 1, s.kh, s.kw], weights.slice(0, s.kh * s.kw));
        const opts = { stride: 2, padding: [s.ph, s.pw] as [number, number], outputPadding: [s.ah, s.aw] as [number, number] };
        const info = convTranspose2dInfo(x, k, opts);
        expect(transposedPlaneFits(info)).toBe(true);
        const want = convTranspose2d(x, k, opts).data;
        const input = new Float64Array(s.h * s.w + 3);
        input.set(x.data, 3);
        const out = new Float64Array(want.length + 2).fill(NaN);
        transposedPlane(info, input, 3, k.data, out, 2);
        closeTo(out.subarray(2), want, scaleOf(pixels, weights));
      }),
      { numRuns: 400 },
    );
  });

  it('takes only stride 2, dilation 1 and kernels up to 4 (others stay with the engine’s kernel)', () => {
    const x = tensor([1, 1, 4, 4]);
    expect(transposedPlaneFits(convTranspose2dInfo(x, tensor([1, 1, 5, 5]), { stride: 2 }))).toBe(false);
    expect(transposedPlaneFits(convTranspose2dInfo(x, tensor([1, 1, 3, 3]), { stride: 3 }))).toBe(false);
    expect(transposedPlaneFits(convTranspose2dInfo(x, tensor([1, 1, 3, 3]), { stride: 2, dilation: 2 }))).toBe(false);
  });
});

describe('bytes and range', () => {
  it('RGBA bytes: each value plus the offset rounded half up and clipped, alpha 255, colour or grey; the range is the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 3), fc.constantFrom(0, 128), fc.array(pixel, { minLength: 108, maxLength: 108 }), (w, h, channels, offset, pixels) => {
        const n = w * h;
        const values = Float64Array.from(pixels.slice(0, channels * n));
        const rgba = new Uint8ClampedArray(4 * n).fill(7);
        fillRgba(values, channels, w, h, offset, rgba);
        for (let i = 0; i < n; i++) {
          const byte = (c: number) => Math.max(0, Math.min(255, Math.floor(values[(channels === 3 ? c : 0) * n + i] + offset + 0.5)));
          expect(Array.from(rgba.subarray(4 * i, 4 * i + 4))).toEqual([byte(0), byte(1), byte(2), 255]);
        }
        expect(valueRange(values, w)).toEqual({ min: Math.min(...values), max: Math.max(...values) });
      }),
      { numRuns: 200 },
    );
  });
});

describe('spare buffers', () => {
  const W = 9;
  const H = 7;
  const rgba = Uint8ClampedArray.from({ length: W * H * 4 }, (_, i) => (i * 97 + 13) % 256);
  const run = (spec: ImageJobSpec): ImageJobResult => {
    const gen = imageJob(spec, rgba, W, H);
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
    }
  };
  const buffersOf = (r: ImageJobResult) => [r.input, ...r.outputs.map((o) => o.image)].flatMap((p) => [p.values.buffer, p.rgba.buffer]) as ArrayBuffer[];
  const flat = (r: ImageJobResult) => [r.input, ...r.outputs.map((o) => o.image)].map((p) => [Array.from(p.values), Array.from(p.rgba), p.min, p.max]);

  it('a job written into given-back buffers full of old bytes equals the same job in new ones (conv, ×2 transposed, grey and colour)', () => {
    const specs: ImageJobSpec[] = [
      { task: 'conv', color: 'rgb', kernel: [1, -2, 0.5, 3, 0, -1, 2, 1, -0.25], k: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1] },
      { task: 'convT', color: 'grey' },
      { task: 'convT', color: 'rgb' },
    ];
    for (const spec of specs) {
      const fresh = flat(run(spec));
      // The same job's buffers, scribbled over, then given back: the next job takes them.
      const old = run(spec);
      const olds = buffersOf(old);
      for (const b of olds) new Uint8Array(b).fill(0xa5);
      giveBuffers(olds);
      expect(spareByteCount()).toBeGreaterThan(0);
      const again = run(spec);
      expect(buffersOf(again).filter((b) => olds.includes(b)).length).toBeGreaterThan(0);
      expect(flat(again)).toEqual(fresh);
    }
  });

  it('hands out a buffer once, skips detached ones and takes new memory when none fits', () => {
    const a = takeFloat64(10);
    giveBuffers([a.buffer as ArrayBuffer, a.buffer as ArrayBuffer, new ArrayBuffer(0)]);
    const b = takeFloat64(10);
    expect(b.buffer).toBe(a.buffer);
    expect(takeFloat64(10).buffer).not.toBe(a.buffer);
    expect(takeFloat64(11).length).toBe(11);
  });
});

describe('a result’s buffers', () => {
  it('lists every picture’s values and bytes once, leaving out detached ones', () => {
    const rgba = Uint8ClampedArray.from({ length: 4 * 4 * 4 }, (_, i) => i);
    const gen = imageJob({ task: 'convT', color: 'grey' }, rgba, 4, 4);
    let r = gen.next();
    while (!r.done) r = gen.next();
    const result = r.value;
    const pictures = [result.input, ...result.outputs.map((o) => o.image)];
    const all = resultBuffers(result);
    expect(all).toHaveLength(2 * pictures.length);
    for (const p of pictures) expect(all).toEqual(expect.arrayContaining([p.values.buffer, p.rgba.buffer]));
    structuredClone(result.input.rgba.buffer, { transfer: [result.input.rgba.buffer as ArrayBuffer] });
    expect(resultBuffers(result)).toHaveLength(2 * pictures.length - 1);
  });
});
