/**
 * Shape tables for the size formulas of src/engine/shape.ts. Each row's expected size is checked
 * twice: against the formula, and against a brute-force count written here (sliding a window
 * cell by cell, or searching every size), so a wrong table row and a wrong formula both fail.
 */
import { describe, expect, it } from 'vitest';
import {
  computeConvTranspose2DInfo,
  convInputSizes,
  convOutSize,
  convTranspose2d,
  convTranspose2dDirect,
  convTransposeOutSize,
  directAxis,
  directPadding,
  outputPaddingChoices,
  symmetricPads,
  tensor,
  tfLegalTransposeSizes,
  tfOutSize,
  tfSamePads,
  unpoolSizes,
  zeroInsertedSize,
} from '../../src/engine';

// ----- brute-force references -------------------------------------------------------------------

/** Number of window positions, stepping by s, whose dilated extent fits in i + padTotal cells. */
function slideCount(i: number, k: number, s: number, padTotal: number, d = 1): number {
  const extent = d * (k - 1) + 1;
  let n = 0;
  for (let start = 0; start + extent <= i + padTotal; start += s) n++;
  return n;
}

/** Every size in 1..limit that `f` maps to `target`. */
function preimage(target: number, f: (size: number) => number, limit = 600): number[] {
  const out: number[] = [];
  for (let size = 1; size <= limit; size++) if (f(size) === target) out.push(size);
  return out;
}

/** TF SAME: windows start at every s-th cell of the input. VALID: they must fit inside it. */
function tfSlideCount(i: number, k: number, s: number, padding: 'SAME' | 'VALID', d = 1): number {
  if (padding === 'VALID') return slideCount(i, k, s, 0, d);
  let n = 0;
  for (let start = 0; start < i; start += s) n++;
  return n;
}

/** The transposed size: the smallest input a conv maps to i, plus the output padding. */
function transposeBySearch(i: number, k: number, s: number, padTotal: number, d: number, a: number): number {
  return preimage(i, (o) => slideCount(o, k, s, padTotal, d))[0] + a;
}

// ----- tables -----------------------------------------------------------------------------------

describe('convOutSize', () => {
  const rows = [
    { i: 5, k: 3, s: 1, p: 0, d: 1, o: 3 },
    { i: 5, k: 3, s: 2, p: 1, d: 1, o: 3 },
    { i: 5, k: 3, s: 1, p: 1, d: 1, o: 5 },
    { i: 5, k: 3, s: 1, p: 2, d: 1, o: 7 },
    { i: 5, k: 4, s: 1, p: 2, d: 1, o: 6 },
    { i: 6, k: 3, s: 2, p: 1, d: 1, o: 3 },
    { i: 7, k: 3, s: 2, p: 0, d: 1, o: 3 },
    { i: 7, k: 3, s: 1, p: 0, d: 2, o: 3 },
    { i: 32, k: 5, s: 1, p: 0, d: 1, o: 28 },
    { i: 224, k: 7, s: 2, p: 3, d: 1, o: 112 },
    { i: 227, k: 11, s: 4, p: 0, d: 1, o: 55 },
    { i: 3, k: 1, s: 5, p: 0, d: 1, o: 1 },
  ];
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} p=${r.p}${r.d > 1 ? ` d=${r.d}` : ''} → ${r.o}x${r.o}`, r] as const))(
    '%s',
    (_name, { i, k, s, p, d, o }) => {
      expect(convOutSize(i, k, s, 2 * p, d)).toBe(o);
      expect(slideCount(i, k, s, 2 * p, d)).toBe(o);
    },
  );
});

describe('convTransposeOutSize', () => {
  const rows = [
    { i: 2, k: 3, s: 1, p: 0, d: 1, a: 0, o: 4 },
    { i: 2, k: 3, s: 2, p: 0, d: 1, a: 0, o: 5 },
    { i: 3, k: 3, s: 2, p: 1, d: 1, a: 0, o: 5 },
    { i: 3, k: 3, s: 2, p: 1, d: 1, a: 1, o: 6 },
    { i: 7, k: 5, s: 2, p: 2, d: 1, a: 1, o: 14 },
    { i: 64, k: 4, s: 2, p: 1, d: 1, a: 0, o: 128 },
    { i: 3, k: 3, s: 1, p: 0, d: 2, a: 0, o: 7 },
    { i: 4, k: 3, s: 2, p: 3, d: 1, a: 0, o: 3 },
  ];
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} p=${r.p}${r.d > 1 ? ` d=${r.d}` : ''}${r.a ? ` a=${r.a}` : ''} → ${r.o}x${r.o}`, r] as const))(
    '%s',
    (_name, { i, k, s, p, d, a, o }) => {
      expect(convTransposeOutSize(i, k, s, 2 * p, d, a)).toBe(o);
      expect(transposeBySearch(i, k, s, 2 * p, d, a)).toBe(o);
      // The public op agrees on the shape.
      const out = convTranspose2d(tensor([1, 1, i, i]), tensor([1, 1, k, k]), { stride: s, padding: p, dilation: d, outputPadding: a });
      expect(out.shape).toEqual([1, 1, o, o]);
    },
  );
});

describe('convInputSizes: every input size a convolution maps to the same output', () => {
  const rows = [
    { o: 3, k: 3, s: 2, p: 1, d: 1, sizes: [5, 6] },
    { o: 3, k: 3, s: 1, p: 0, d: 1, sizes: [5] },
    { o: 2, k: 3, s: 3, p: 0, d: 1, sizes: [6, 7, 8] },
    { o: 1, k: 3, s: 2, p: 0, d: 1, sizes: [3, 4] },
    { o: 1, k: 3, s: 2, p: 1, d: 1, sizes: [1, 2] },
    { o: 3, k: 3, s: 2, p: 0, d: 2, sizes: [9, 10] },
    { o: 1, k: 1, s: 3, p: 2, d: 1, sizes: [] },
  ];
  it.each(rows.map((r) => [`in=${r.sizes.join(' or ') || 'none'} k=${r.k} s=${r.s} p=${r.p}${r.d > 1 ? ` d=${r.d}` : ''} → ${r.o}`, r] as const))(
    '%s',
    (_name, { o, k, s, p, d, sizes }) => {
      expect(convInputSizes(o, k, s, 2 * p, d)).toEqual(sizes);
      expect(preimage(o, (i) => slideCount(i, k, s, 2 * p, d))).toEqual(sizes);
    },
  );
});

describe('tfOutSize', () => {
  const rows = [
    { i: 5, k: 3, s: 2, padding: 'SAME', o: 3 },
    { i: 5, k: 3, s: 2, padding: 'VALID', o: 2 },
    { i: 6, k: 3, s: 2, padding: 'SAME', o: 3 },
    { i: 6, k: 3, s: 2, padding: 'VALID', o: 2 },
    { i: 97, k: 3, s: 4, padding: 'SAME', o: 25 },
    { i: 97, k: 3, s: 4, padding: 'VALID', o: 24 },
    { i: 10, k: 3, s: 2, padding: 'SAME', o: 5 },
    { i: 28, k: 5, s: 2, padding: 'SAME', o: 14 },
    { i: 4, k: 4, s: 1, padding: 'VALID', o: 1 },
  ] as const;
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} ${r.padding} → ${r.o}x${r.o}`, r] as const))('%s', (_name, { i, k, s, padding, o }) => {
    expect(tfOutSize(i, k, s, padding)).toBe(o);
    expect(tfSlideCount(i, k, s, padding)).toBe(o);
  });
});

describe('tfSamePads: the odd extra row/column goes to the bottom/right', () => {
  const rows = [
    { i: 5, k: 3, s: 2, d: 1, before: 1, after: 1 },
    { i: 6, k: 3, s: 2, d: 1, before: 0, after: 1 },
    { i: 97, k: 3, s: 4, d: 1, before: 1, after: 1 },
    { i: 4, k: 4, s: 1, d: 1, before: 1, after: 2 },
    { i: 28, k: 5, s: 2, d: 1, before: 1, after: 2 },
    { i: 8, k: 1, s: 2, d: 1, before: 0, after: 0 },
    { i: 5, k: 3, s: 1, d: 2, before: 2, after: 2 },
  ];
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s}${r.d > 1 ? ` d=${r.d}` : ''} SAME → pad ${r.before} before, ${r.after} after`, r] as const))(
    '%s',
    (_name, { i, k, s, d, before, after }) => {
      expect(tfSamePads(i, k, s, d)).toEqual({ before, after, total: before + after });
      // The least total padding that gives ⌈i/s⌉ windows, found by trying 0, 1, 2, …
      let total = 0;
      while (slideCount(i, k, s, total, d) < Math.ceil(i / s)) total++;
      expect(before + after).toBe(total);
      expect(after - before).toBe(total % 2);
    },
  );
});

describe('tfLegalTransposeSizes: every output_shape whose forward conv gives the value size', () => {
  const rows = [
    { v: 3, k: 3, s: 2, padding: 'SAME', sizes: [5, 6] },
    { v: 3, k: 3, s: 2, padding: 'VALID', sizes: [7, 8] },
    { v: 25, k: 3, s: 4, padding: 'SAME', sizes: [97, 98, 99, 100] },
    { v: 24, k: 3, s: 4, padding: 'VALID', sizes: [95, 96, 97, 98] },
    { v: 14, k: 5, s: 2, padding: 'SAME', sizes: [27, 28] },
    { v: 1, k: 4, s: 1, padding: 'VALID', sizes: [4] },
  ] as const;
  it.each(rows.map((r) => [`k=${r.k} s=${r.s} ${r.padding}: ${r.sizes.join(', ')} → ${r.v}`, r] as const))('%s', (_name, { v, k, s, padding, sizes }) => {
    expect(tfLegalTransposeSizes(v, k, s, padding)).toEqual(sizes);
    expect(preimage(v, (h) => tfSlideCount(h, k, s, padding))).toEqual(sizes);
  });

  it('97×97 with k=3, s=4: 25 after SAME, 24 after VALID; 97 is a legal output_shape for both, 100 only for SAME, 95 only for VALID', () => {
    const same = tfOutSize(97, 3, 4, 'SAME');
    const valid = tfOutSize(97, 3, 4, 'VALID');
    expect([same, valid]).toEqual([25, 24]);
    const sameLegal = tfLegalTransposeSizes(same, 3, 4, 'SAME');
    const validLegal = tfLegalTransposeSizes(valid, 3, 4, 'VALID');
    expect(sameLegal.includes(97) && validLegal.includes(97)).toBe(true);
    expect(sameLegal.includes(100) && !validLegal.includes(100)).toBe(true);
    expect(!sameLegal.includes(95) && validLegal.includes(95)).toBe(true);
  });
});

describe('outputPaddingChoices: each legal output padding and the size it selects', () => {
  const rows = [
    { i: 3, k: 3, s: 2, p: 1, d: 1, sizes: [5, 6] },
    { i: 7, k: 5, s: 2, p: 2, d: 1, sizes: [13, 14] },
    { i: 2, k: 3, s: 1, p: 0, d: 1, sizes: [4] },
    { i: 2, k: 3, s: 1, p: 0, d: 2, sizes: [6, 7] },
    { i: 5, k: 3, s: 3, p: 1, d: 1, sizes: [13, 14, 15] },
  ];
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} p=${r.p}${r.d > 1 ? ` d=${r.d}` : ''} → ${r.sizes.map((o) => `${o}x${o}`).join(' / ')}`, r] as const))(
    '%s',
    (_name, { i, k, s, p, d, sizes }) => {
      const choices = outputPaddingChoices(i, k, s, p, d);
      expect(choices).toEqual(sizes.map((size, a) => ({ a, size })));
      for (const { a, size } of choices) expect(transposeBySearch(i, k, s, 2 * p, d, a)).toBe(size);
    },
  );
});

describe('unpoolSizes: the default and every size PyTorch accepts (default − s < size < default + s)', () => {
  const rows = [
    { i: 2, k: 2, s: 2, p: 0, def: 4, legal: [3, 4, 5] },
    { i: 3, k: 3, s: 2, p: 1, def: 5, legal: [4, 5, 6] },
    { i: 2, k: 1, s: 1, p: 0, def: 2, legal: [2] },
    { i: 1, k: 2, s: 3, p: 1, def: 0, legal: [1, 2] },
    { i: 4, k: 3, s: 3, p: 0, def: 12, legal: [10, 11, 12, 13, 14] },
  ];
  it.each(rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} p=${r.p} → default ${r.def}x${r.def}, legal ${r.legal.join(', ')}`, r] as const))(
    '%s',
    (_name, { i, k, s, p, def, legal }) => {
      expect(unpoolSizes(i, k, s, p)).toEqual({ default: def, legal });
      // PyTorch's rule (torch.nn.functional._unpool_output_size), sizes of at least 1.
      const byRule = preimage(1, (o) => (o > def - s && o < def + s ? 1 : 0));
      expect(byRule).toEqual(legal);
      // The default is the smallest size that pools back to i.
      if (def >= 1) expect(preimage(i, (o) => slideCount(o, k, s, 2 * p))[0]).toBe(def);
    },
  );
});

describe('ConvTranspose2DInfo.direct: zero insertion and p′ = d(k − 1) − p (+ output padding bottom/right)', () => {
  const rows = [
    { i: 2, k: 3, s: 1, p: 0, d: 1, a: 0, zero: 2, before: 2, after: 2, o: 4 },
    { i: 2, k: 3, s: 2, p: 0, d: 1, a: 0, zero: 3, before: 2, after: 2, o: 5 },
    { i: 3, k: 3, s: 2, p: 1, d: 1, a: 1, zero: 5, before: 1, after: 2, o: 6 },
    { i: 7, k: 5, s: 2, p: 2, d: 1, a: 1, zero: 13, before: 2, after: 3, o: 14 },
    { i: 4, k: 3, s: 2, p: 3, d: 1, a: 0, zero: 7, before: -1, after: -1, o: 3 },
    { i: 3, k: 3, s: 1, p: 1, d: 2, a: 1, zero: 3, before: 3, after: 4, o: 6 },
    { i: 4, k: 4, s: 2, p: 1, d: 1, a: 0, zero: 7, before: 2, after: 2, o: 8 },
  ];
  it.each(
    rows.map((r) => [`in=${r.i}x${r.i} k=${r.k} s=${r.s} p=${r.p}${r.d > 1 ? ` d=${r.d}` : ''}${r.a ? ` a=${r.a}` : ''} → zero-inserted ${r.zero}, p′ ${r.before}/${r.after} → ${r.o}x${r.o}`, r] as const),
  )('%s', (_name, { i, k, s, p, d, a, zero, before, after, o }) => {
    const info = computeConvTranspose2DInfo([1, 1, i, i], [1, 1, k, k], {
      stride: [s, s], pad: symmetricPads(p, p), dilation: [d, d], groups: 1, outputPadding: [a, a],
    });
    expect([info.direct.zeroH, info.direct.zeroW]).toEqual([zero, zero]);
    expect(zeroInsertedSize(i, s)).toBe(zero);
    expect(info.direct.pad).toEqual({ top: before, bottom: after, left: before, right: after });
    expect(directPadding(k, d, p)).toBe(before);
    expect([info.direct.paddedH, info.direct.paddedW]).toEqual([zero + before + after, zero + before + after]);
    // The scatter's canvas: every stamp (the output plus what the padding crops) and the output padding.
    expect([info.canvasH, info.canvasW]).toEqual([o + 2 * p, o + 2 * p]);
    expect([info.outH, info.outW]).toEqual([o, o]);
    // A stride-1 conv over the padded, zero-inserted input gives o cells, and the same numbers as the op.
    expect(slideCount(zero + before + after, k, 1, 0, d)).toBe(o);
    const x = tensor([1, 1, i, i], Array.from({ length: i * i }, (_, j) => ((j * 7) % 5) - 2));
    const w = tensor([1, 1, k, k], Array.from({ length: k * k }, (_, j) => ((j * 3) % 4) - 1));
    const opts = { stride: s, padding: p, dilation: d, outputPadding: a };
    const direct = convTranspose2dDirect(x, w, opts);
    expect(direct.padded.shape).toEqual([1, 1, zero + before + after, zero + before + after]);
    expect(Array.from(direct.output.data)).toEqual(Array.from(convTranspose2d(x, w, opts).data));
  });
});

describe('directAxis: one axis of a transposed convolution in the tutorials’ three steps', () => {
  it('“深入浅出理解转置卷积Conv2DTranspose” 5.4/7.3: H = 3, k = 3, s = 2, p = 1 → H′ = 5, p′ = 1, padded 7, Hout = 5; its simple formulas hold', () => {
    const info = computeConvTranspose2DInfo([1, 1, 3, 3], [1, 1, 3, 3], { stride: [2, 2], pad: symmetricPads(1, 1), dilation: [1, 1], groups: 1, outputPadding: [0, 0] });
    expect(directAxis(info, 0)).toEqual({ i: 3, s: 2, k: 3, d: 1, p: [1, 1], a: 0, zero: 5, pPrime: [1, 1], kPrime: 3, padded: 7, out: 5, simple: true });
  });

  it('agrees with the record on every axis, and with the formulas written out here, for sizes, strides, pads, dilations and output padding', () => {
    for (const [i, k, s, p, d, a] of [[3, 3, 2, 1, 1, 1], [2, 3, 1, 0, 2, 0], [4, 2, 3, 0, 1, 2], [5, 5, 2, 2, 1, 0], [2, 3, 2, 1, 3, 2]]) {
      const info = computeConvTranspose2DInfo([1, 1, i, i + 1], [1, 1, k, k], { stride: [s, s], pad: symmetricPads(p, p), dilation: [d, d], groups: 1, outputPadding: [a, a] });
      for (const axis of [0, 1] as const) {
        const ax = directAxis(info, axis);
        const size = axis === 0 ? i : i + 1;
        expect(ax.zero).toBe(size + (size - 1) * (s - 1));
        expect(ax.pPrime).toEqual([d * (k - 1) - p, d * (k - 1) - p + a]);
        expect(ax.kPrime).toBe(d * (k - 1) + 1);
        expect(ax.out).toBe(axis === 0 ? info.outH : info.outW);
        expect(ax.out).toBe(ax.zero + ax.pPrime[0] + ax.pPrime[1] - ax.kPrime + 1);
        expect(ax.padded).toBe(axis === 0 ? info.direct.paddedH : info.direct.paddedW);
        expect(ax.simple).toBe(d === 1 && a === 0);
        if (ax.simple) expect(ax.out).toBe((size - 1) * s - 2 * p + k);
      }
    }
  });
});
