/**
 * The worked examples as presets (issue 4): every fixed id is there, parses cleanly, and its
 * numbers, computed by the engine from the preset's own query, are the numbers its source
 * states. Expected numbers come from the issue's table (worked examples named in the titles),
 * from the TensorFlow fixtures' `seed-` cases (read at run time), or from plain loops here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeExplore, explore, isShapeError, type Explored, type ExploreNumbers, type Tensor } from '../../src/engine';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { loadQuery, selectValues, specOf, useStore } from '../../src/store';
import { enPresets } from '../../src/i18n/en-presets';
import { TUTORIAL_TITLES } from '../../src/i18n/tutorialTitles';
import { PRESET_QUERIES, PRESETS, presetById, REFUSED_PRESETS } from '../../src/store/presets';
import { parseQuery, writeQuery, type Params } from '../../src/store/urlParams';
import { loadCases, type FixtureCase, type FixtureTensor } from '../fixtures';

const TF = 'TensorFlow tutorials on tf.nn.conv2d_transpose';
const GUIDE = 'Dumoulin & Visin, A guide to convolution arithmetic (2016)';
const TORCH_DOCS = 'PyTorch nn.MaxUnpool2d docs example';
const DCGAN = 'TensorFlow DCGAN tutorial';

/** The ids issue 4's table fixes. */
const ISSUE_IDS = [
  'tf-ones-5x5', 'tf-ones-6x6', 'tf-3x3-to-6x6', 'tf-impossible-10x10', 'tf-4x4-valid', 'tf-4x4-same', 'tf-97-stride4',
  'tf-argmax-unpool', 'torch-convT-2x2', 'torch-maxunpool-4x4', 'formula-s1-p0-k3', 'formula-s2-p0-k3', 'formula-s2-p1-k3',
  'dcgan-generator',
];

/**
 * The guide's relationships (issue 4) → the preset showing each, with the guide's own sizes:
 * input, kernel, stride, padding, dilation → output (per axis; the guide's figures are square).
 */
const GUIDE_SIZES: readonly { id: string; what: string; i: number; k: number; s: number; p: number; d: number; o: number; op: 'conv' | 'convT' | 'unpool' }[] = [
  { id: 'guide-no-padding-unit-strides', what: 'no padding, unit strides', i: 4, k: 3, s: 1, p: 0, d: 1, o: 2, op: 'conv' },
  { id: 'guide-arbitrary-padding', what: 'arbitrary padding', i: 5, k: 4, s: 1, p: 2, d: 1, o: 6, op: 'conv' },
  { id: 'guide-half-padding', what: 'half (same) padding', i: 5, k: 3, s: 1, p: 1, d: 1, o: 5, op: 'conv' },
  { id: 'guide-full-padding', what: 'full padding', i: 5, k: 3, s: 1, p: 2, d: 1, o: 7, op: 'conv' },
  { id: 'guide-no-padding-strided', what: 'no padding, strided', i: 5, k: 3, s: 2, p: 0, d: 1, o: 2, op: 'conv' },
  { id: 'guide-padding-strided', what: 'padding, strided', i: 5, k: 3, s: 2, p: 1, d: 1, o: 3, op: 'conv' },
  // The odd case's point is the transpose: 3×3 back to 6×6 needs output padding 1.
  { id: 'guide-padding-strided-odd', what: 'odd, needing output padding (transposed)', i: 3, k: 3, s: 2, p: 1, d: 1, o: 6, op: 'convT' },
  { id: 'guide-pooling', what: 'pooling', i: 5, k: 3, s: 1, p: 0, d: 1, o: 3, op: 'unpool' },
  { id: 'guide-dilated', what: 'dilated', i: 7, k: 3, s: 1, p: 0, d: 2, o: 3, op: 'conv' },
];

const GUIDE_NUMERIC = ['guide-numeric-stride1', 'guide-numeric-stride2-pad1'];

interface Opened {
  readonly params: Params;
  readonly explored: Explored;
  readonly numbers: ExploreNumbers;
  readonly x: readonly number[];
  readonly w: readonly number[];
}

/** Opens a preset the way the app does (loadQuery, the store's values) and asks the engine for its numbers. */
function open(id: string): Opened {
  loadQuery(`?preset=${id}`);
  const s = useStore.getState();
  const { x, w } = selectValues(s);
  const spec = specOf(s.params);
  return { params: s.params, explored: explore(spec), numbers: computeExplore(spec, x, w), x, w };
}

/** A tensor's plane c (of [1, C, H, W]) as rows. */
function plane(t: Tensor, c = 0): number[][] {
  const [, , h, w] = t.shape;
  return Array.from({ length: h }, (_, r) => Array.from(t.data.subarray(c * h * w + r * w, c * h * w + (r + 1) * w)));
}

/** NHWC [1, H, W, C] fixture data → NCHW planes, written here (not the engine's adapter). */
function nchwPlanes(t: FixtureTensor): number[][][] {
  const [, h, w, c] = t.shape;
  return Array.from({ length: c }, (_, ch) =>
    Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => t.data[(y * w + x) * c + ch])));
}

function planes(t: Tensor): number[][][] {
  return Array.from({ length: t.shape[1] }, (_, c) => plane(t, c));
}

const seeds = new Map<string, FixtureCase>(loadCases('tf-cases.json').map((c) => [c.id, c]));
function seed(id: string): FixtureCase {
  const c = seeds.get(id);
  if (!c) throw new Error(`fixture ${id} is missing from tf-cases.json`);
  return c;
}

function conv(n: ExploreNumbers) {
  if (n.op === 'unpool') throw new Error('expected a convolution');
  return n;
}
function convT(n: ExploreNumbers) {
  if (n.op !== 'convT') throw new Error('expected a transposed convolution');
  return n;
}
function pooling(n: ExploreNumbers) {
  if (n.op !== 'unpool') throw new Error('expected pooling');
  return n;
}

/** Plain transposed convolution of one plane (scatter, then crop `p`), written here. */
function scatterPlane(x: number[][], k: number[][], s: number, p: number, a = 0): number[][] {
  const kh = k.length;
  const full = (x.length - 1) * s + kh + a;
  const canvas = Array.from({ length: full }, () => Array.from({ length: full }, () => 0));
  x.forEach((row, i) => row.forEach((v, j) => k.forEach((krow, u) => krow.forEach((kv, q) => { canvas[i * s + u][j * s + q] += v * kv; }))));
  const o = full - 2 * p;
  return canvas.slice(p, p + o).map((row) => row.slice(p, p + o));
}

/** Plain max pooling of one plane (no padding), first maximum in row-major order wins. */
function maxPoolPlane(x: number[][], k: number, s: number): { value: number[][]; at: number[][] } {
  const o = Math.floor((x.length - k) / s) + 1;
  const value: number[][] = [];
  const at: number[][] = [];
  for (let r = 0; r < o; r++) {
    value.push([]);
    at.push([]);
    for (let c = 0; c < o; c++) {
      let best = -Infinity;
      let where = -1;
      for (let u = 0; u < k; u++) for (let q = 0; q < k; q++) {
        const v = x[r * s + u][c * s + q];
        if (v > best) { best = v; where = (r * s + u) * x.length + c * s + q; }
      }
      value[r].push(best);
      at[r].push(where);
    }
  }
  return { value, at };
}

const rows = (flat: readonly number[], w: number): number[][] =>
  Array.from({ length: flat.length / w }, (_, r) => flat.slice(r * w, (r + 1) * w));
const outer = (u: number[], v: number[]) => u.map((a) => v.map((b) => a * b));

describe('the preset table', () => {
  it('has every id of issue 4, each once', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ISSUE_IDS, ...GUIDE_SIZES.map((g) => g.id), ...GUIDE_NUMERIC]) expect(ids).toContain(id);
    expect(ids.filter((id) => id.startsWith('guide-')).sort()).toEqual([...GUIDE_SIZES.map((g) => g.id), ...GUIDE_NUMERIC].sort());
  });

  it.each(PRESETS.map((p) => [p.id]))('%s parses with no notices, names itself, and its link is just ?preset=id', (id) => {
    const { params, notices } = parseQuery(`preset=${id}`, PRESET_QUERIES);
    expect(notices).toEqual([]);
    expect(params.preset).toBe(id);
    expect(writeQuery(params, PRESET_QUERIES)).toBe(`preset=${id}`);
    // Its own query, read without the preset, is the same picture.
    expect({ ...parseQuery(PRESET_QUERIES[id]).params, preset: id }).toEqual(params);
  });

  it('every preset has a title and a source in the English catalogue', () => {
    const words: Readonly<Record<string, string>> = { ...en, ...enPresets };
    for (const p of PRESETS) {
      expect(words[p.title].length).toBeGreaterThan(10);
      expect(words[p.source].length).toBeGreaterThan(10);
    }
  });

  it('extra keys in the address override the preset (and keep its name until a number changes)', () => {
    const { params, notices } = parseQuery('preset=guide-half-padding&k=5', PRESET_QUERIES);
    expect(notices).toEqual([]);
    expect(params.k).toEqual([5, 5]);
    expect(params.in).toEqual([5, 5]);
  });

  it('the README lists every preset id in its "Worked examples" table', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Worked examples'));
    expect(section.startsWith('## Worked examples')).toBe(true);
    for (const p of PRESETS) expect(section).toContain(`| \`${p.id}\` |`);
  });

  it('presetById finds each preset and nothing else', () => {
    for (const p of PRESETS) expect(presetById(p.id)).toBe(p);
    expect(presetById('no-such-preset')).toBeNull();
    expect(presetById(null)).toBeNull();
  });
});

describe(`TensorFlow presets (${TF})`, () => {
  it(`tf-ones-5x5: ones [1,5,5,3] ⊛ ones [3,3,3,1], s=2 SAME → [[12,18,12],[18,27,18],[12,18,12]] (${TF})`, () => {
    const n = conv(open('tf-ones-5x5').numbers);
    expect(planes(n.output)).toEqual([[[12, 18, 12], [18, 27, 18], [12, 18, 12]]]);
  });

  it(`tf-ones-5x5: transposed back to output_shape [1,5,5,3] gives the fixture seed-b (${TF})`, () => {
    const o = open('tf-ones-5x5');
    expect(o.params.panel).toBe('code');
    expect(planes(conv(o.numbers).roundTrip)).toEqual(nchwPlanes(seed('seed-b-conv2d-transpose-y2-to-1x5x5x3-s2-same').expected.output));
  });

  it(`tf-ones-6x6: ones [1,6,6,3] → [[27,27,18],[27,27,18],[18,18,12]], back to [1,6,6,3] as the fixture seed-c (${TF})`, () => {
    const n = conv(open('tf-ones-6x6').numbers);
    expect(planes(n.output)).toEqual([[[27, 27, 18], [27, 27, 18], [18, 18, 12]]]);
    expect(planes(n.roundTrip)).toEqual(nchwPlanes(seed('seed-c-conv2d-transpose-y4-to-1x6x6x3-s2-same').expected.output));
  });

  it(`tf-3x3-to-6x6: conv2d_transpose of ones [1,3,3,1] to [1,6,6,3], s=2 SAME: three planes, the outer product of [1,1,2,1,2,1] (${TF}; fixture seed-d)`, () => {
    const n = convT(open('tf-3x3-to-6x6').numbers);
    const want = outer([1, 1, 2, 1, 2, 1], [1, 1, 2, 1, 2, 1]);
    expect(planes(n.output)).toEqual([want, want, want]);
    expect(planes(n.output)).toEqual(nchwPlanes(seed('seed-d-conv2d-transpose-ones3x3-to-1x6x6x3-s2-same').expected.output));
  });

  it(`tf-impossible-10x10: output_shape [1,10,10,3] is refused, saying 10 convolves to 5, not 3, and that 5 or 6 work (${TF}; fixture seed-e)`, () => {
    const fixture = seed('seed-e-invalid-ones3x3-to-1x10x10x3-s2-same');
    loadQuery('?preset=tf-impossible-10x10');
    const { params } = useStore.getState();
    expect(params.out).toEqual([10, 10]);
    let caught: unknown = null;
    try {
      explore(specOf(params));
    } catch (e) {
      caught = e;
    }
    expect(isShapeError(caught)).toBe(true);
    if (!isShapeError(caught)) return;
    expect(caught.param).toBe('outputShape');
    // [smallest, largest] legal size per axis (here 5 and 6).
    const legal = fixture.params.legal_output_hw as number[][];
    expect(caught.message).toContain('10');
    expect(caught.message).toContain(String(fixture.expected.computed?.[0]));
    expect(caught.message).toContain(String(fixture.expected.actual?.[0]));
    for (const size of legal[0]) expect(caught.message).toContain(String(size));
    // One step back to a legal size and the same example draws.
    expect(() => explore(specOf({ ...params, out: [legal[0][1], legal[1][1]] }))).not.toThrow();
  });

  for (const pad of ['valid', 'same'] as const) {
    it(`tf-4x4-${pad}: ones [1,4,4,1], kernel [1,0,−1,−2], s=2 ${pad.toUpperCase()} → all −2, and back to 4×4 as the fixture seed-f (${TF})`, () => {
      const o = open(`tf-4x4-${pad}`);
      expect(o.params.p).toBe(pad);
      expect(rows([...o.w], 2)).toEqual([[1, 0], [-1, -2]]);
      const n = conv(o.numbers);
      expect(planes(n.output)).toEqual(nchwPlanes(seed(`seed-f-conv2d-ones4x4-k2-s2-${pad}`).expected.output));
      expect(plane(n.output)).toEqual([[-2, -2], [-2, -2]]);
      expect(planes(n.roundTrip)).toEqual(nchwPlanes(seed(`seed-f-conv2d-transpose-to-1x4x4x1-s2-${pad}`).expected.output));
    });
  }

  it(`tf-97-stride4: 97×97, k=3, s=4 gives 25 after SAME and 24 after VALID (${TF})`, () => {
    const at97 = (padding: 'SAME' | 'VALID') => {
      const e = explore({ op: 'conv', fw: 'tf', input: [97, 97], kernel: [3, 3], stride: [4, 4], padding, dilation: [1, 1], outputPadding: [0, 0], outputShape: null });
      return e.op === 'conv' ? [e.info.outH, e.info.outW] : [];
    };
    expect(at97('SAME')).toEqual([25, 25]);
    expect(at97('VALID')).toEqual([24, 24]);
  });

  it(`tf-97-stride4: the preset takes 24 back to 97 with VALID, whose legal output_shapes the fixture seed-h lists; under SAME 24 cannot reach 97 (${TF})`, () => {
    // The fixture gives each axis's legal output_shape sizes as [smallest, largest].
    const range = ([lo, hi]: number[]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    const valid = (seed('seed-h-conv2d-transpose-24x24-to-1x97x97x1-k3-s4-valid').params.legal_output_hw as number[][]).map(range);
    const same = (seed('seed-h-invalid-24x24-to-1x97x97x1-k3-s4-same').params.legal_output_hw as number[][]).map(range);
    const o = open('tf-97-stride4');
    if (o.explored.op !== 'convT') throw new Error('expected convT');
    // The preset draws the whole case: 24×24 → 97×97 (large grids are drawn on a canvas).
    expect([o.explored.info.inH, o.explored.info.inW, o.explored.info.outH, o.explored.info.outW]).toEqual([24, 24, 97, 97]);
    expect(o.explored.axes[0].legalOut).toEqual(valid[0]);
    expect(o.explored.axes[1].legalOut).toEqual(valid[1]);
    expect(valid[0]).toContain(97);
    const sameParams: Params = { ...o.params, p: 'same', out: null };
    const e = explore(specOf(sameParams));
    expect(e.axes[0].legalOut).toEqual(same[0]);
    expect(same[0]).not.toContain(97);
    // 25 (SAME's size of 97) does reach 97.
    expect(explore(specOf({ ...sameParams, in: [25, 25] })).axes[0].legalOut).toContain(97);
    // Stride 4 > kernel 3: the stamps of ones never overlap, so every value is 0 or 1.
    expect(new Set(convT(o.numbers).output.data)).toEqual(new Set([0, 1]));
  });

  it('tf-argmax-unpool: the image, pooled values and argmax are the fixture seed-g (tf.nn.max_pool_with_argmax example), the unpool scatters them back', () => {
    const fixture = seed('seed-g-max-pool-with-argmax-rows-2x2-s2-same');
    const o = open('tf-argmax-unpool');
    const image = nchwPlanes(fixture.inputs.input);
    expect(rows([...o.x], 4)).toEqual(image.flat());
    const n = pooling(o.numbers);
    expect(planes(n.pooled)).toEqual(nchwPlanes(fixture.expected.output));
    expect(planes(n.tfArgmax)).toEqual(nchwPlanes(fixture.expected.argmax));
    // Unpooling: each pooled value goes to its argmax ((y·W + x)·C + c), zeros elsewhere.
    const [, h, w, c] = fixture.inputs.input.shape;
    const back = Array.from({ length: c }, () => Array.from({ length: h }, () => Array.from({ length: w }, () => 0)));
    fixture.expected.argmax.data.forEach((idx, i) => {
      const ch = idx % c;
      const pos = (idx - ch) / c;
      back[ch][Math.floor(pos / w)][pos % w] = fixture.expected.output.data[i];
    });
    expect(planes(n.output)).toEqual(back);
  });
});

describe('PyTorch presets', () => {
  it('torch-convT-2x2: ConvTranspose2d of [[1,0],[2,1]] with [[1,0,1],[0,1,1],[1,0,0]] → [[1,0,1,0],[2,2,3,1],[1,2,3,1],[2,1,0,0]] (PyTorch ConvTranspose2d worked example)', () => {
    const n = convT(open('torch-convT-2x2').numbers);
    const want = [[1, 0, 1, 0], [2, 2, 3, 1], [1, 2, 3, 1], [2, 1, 0, 0]];
    expect(plane(n.output)).toEqual(want);
    expect(plane(n.output)).toEqual(scatterPlane([[1, 0], [2, 1]], [[1, 0, 1], [0, 1, 1], [1, 0, 0]], 1, 0));
    // The same as zero-padding by 2 and sliding the flipped kernel.
    expect(plane(n.padded)).toEqual([
      [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 2, 1, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
    ]);
    expect(plane(n.flippedWeight)).toEqual([[0, 0, 1], [1, 1, 0], [1, 0, 1]]);
    expect(plane(n.directOutput)).toEqual(want);
  });

  it(`torch-maxunpool-4x4: MaxPool2d(2, 2) on 1…16 → [[6,8],[14,16]], indices [[5,7],[13,15]], MaxUnpool2d back (${TORCH_DOCS})`, () => {
    const n = pooling(open('torch-maxunpool-4x4').numbers);
    expect(plane(n.pooled)).toEqual([[6, 8], [14, 16]]);
    expect(plane(n.indices)).toEqual([[5, 7], [13, 15]]);
    expect(plane(n.output)).toEqual([[0, 0, 0, 0], [0, 6, 0, 8], [0, 0, 0, 0], [0, 14, 0, 16]]);
  });
});

describe('transposed convolution in three steps (o = (i − 1)s − 2p + k)', () => {
  const cases = [
    { id: 'formula-s1-p0-k3', i: 2, s: 1, p: 0, o: 4 },
    { id: 'formula-s2-p0-k3', i: 2, s: 2, p: 0, o: 5 },
    { id: 'formula-s2-p1-k3', i: 3, s: 2, p: 1, o: 5 },
  ];
  for (const { id, i, s, p, o } of cases) it(`${id}: ${i}×${i} → ${o}×${o} (issue 4); zeros inserted, padded by k − 1 − p, the direct form equals the scatter`, () => {
    const opened = open(id);
    expect(opened.params.view).toBe('direct');
    const n = convT(opened.numbers);
    const k = 3;
    const zi = (i - 1) * s + 1;
    expect(n.output.shape).toEqual([1, 1, o, o]);
    expect(n.zeroInserted.shape.slice(2)).toEqual([zi, zi]);
    expect(n.padded.shape.slice(2)).toEqual([zi + 2 * (k - 1 - p), zi + 2 * (k - 1 - p)]);
    expect(plane(n.output)).toEqual(scatterPlane(rows([...opened.x], i), rows([...opened.w], k), s, p));
    expect(plane(n.directOutput)).toEqual(plane(n.output));
  });
});

describe(`DCGAN generator (${DCGAN})`, () => {
  it(`the chain 7×7 → 7×7 → 14×14 → 28×28 with k=5, SAME; the preset shows 7 → 14 (${DCGAN})`, () => {
    const o = open('dcgan-generator');
    const sizeAfter = (inSize: number, s: number) => {
      const e = explore(specOf({ ...o.params, in: [inSize, inSize], s: [s, s], out: null }));
      return e.op === 'convT' ? e.info.outH : -1;
    };
    expect([7, sizeAfter(7, 1), sizeAfter(sizeAfter(7, 1), 2), sizeAfter(sizeAfter(sizeAfter(7, 1), 2), 2)]).toEqual([7, 7, 14, 28]);
    expect(o.params.k).toEqual([5, 5]);
    const n = convT(o.numbers);
    expect(n.output.shape).toEqual([1, 1, 14, 14]);
    // SAME: the forward conv of 14 pads (⌈14/2⌉ − 1)·2 + 5 − 14 = 3, 1 before and 2 after (the odd
    // one bottom/right), so the transpose crops 1 row/column before and 2 after the 17-wide scatter.
    const full = scatterPlane(rows([...o.x], 7), rows([...o.w], 5), 2, 0, 0);
    expect(full.length).toBe(17);
    expect(plane(n.output)).toEqual(full.slice(1, 15).map((r) => r.slice(1, 15)));
  });
});

describe(`the guide's relationships at the guide's sizes (${GUIDE})`, () => {
  for (const { id, what, i, k, s, p, d, o, op } of GUIDE_SIZES) it(`${id} (${what}): i=${i}, k=${k}, s=${s}, p=${p}, d=${d} → ${o} (${GUIDE})`, () => {
    const opened = open(id);
    expect(opened.params.op).toBe(op);
    expect([opened.params.in, opened.params.k, opened.params.s, opened.params.p, opened.params.d]).toEqual([[i, i], [k, k], [s, s], [p, p], [d, d]]);
    const e = opened.explored;
    const out = e.op === 'unpool' ? [e.pool.outH, e.pool.outW] : [e.info.outH, e.info.outW];
    expect(out).toEqual([o, o]);
    // The guide's formulas, written here: conv o = ⌊(i + 2p − d(k − 1) − 1)/s⌋ + 1, transposed o = (i − 1)s − 2p + d(k − 1) + a + 1.
    const a = opened.params.a[0];
    const formula = op === 'convT' ? (i - 1) * s - 2 * p + d * (k - 1) + a + 1 : Math.floor((i + 2 * p - d * (k - 1) - 1) / s) + 1;
    expect(formula).toBe(o);
  });

  it(`guide-no-padding-unit-strides: the 4×4 input and 3×3 kernel give the 4×16 matrix (${GUIDE})`, () => {
    const o = open('guide-no-padding-unit-strides');
    expect(o.params.panel).toBe('matrix');
    const m = conv(o.numbers).matrix;
    expect([m?.rows, m?.cols]).toEqual([4, 16]);
  });

  it(`guide-padding-strided-odd: 6×6 and 5×5 both convolve to 3×3, so the transpose needs output padding 1 for 6×6 (${GUIDE})`, () => {
    const o = open('guide-padding-strided-odd');
    if (o.explored.op !== 'convT') throw new Error('expected convT');
    expect(o.params.a).toEqual([1, 1]);
    expect(o.explored.axes[0].outputPaddingChoices).toEqual([{ a: 0, size: 5 }, { a: 1, size: 6 }]);
    for (const i of [5, 6]) {
      const e = explore(specOf({ ...o.params, op: 'conv', in: [i, i], a: [0, 0] }));
      expect(e.op === 'conv' ? e.info.outH : -1).toBe(3);
    }
  });

  it(`guide-pooling: max pooling of the guide's 5×5 numbers with a 3×3 window, stride 1 (${GUIDE})`, () => {
    const o = open('guide-pooling');
    const x = rows([...o.x], 5);
    expect(x).toEqual([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]);
    const n = pooling(o.numbers);
    const want = maxPoolPlane(x, 3, 1);
    expect(plane(n.pooled)).toEqual(want.value);
    expect(plane(n.indices)).toEqual(want.at);
  });

  it(`guide-numeric-stride1: [[3,3,2,1,0],…] ⊛ [[0,1,2],[2,2,0],[0,1,2]] → [[12,12,17],[10,17,19],[9,6,14]] (${GUIDE}, issue 4)`, () => {
    const o = open('guide-numeric-stride1');
    expect(rows([...o.w], 3)).toEqual([[0, 1, 2], [2, 2, 0], [0, 1, 2]]);
    expect(plane(conv(o.numbers).output)).toEqual([[12, 12, 17], [10, 17, 19], [9, 6, 14]]);
  });

  it(`guide-numeric-stride2-pad1: stride 2, padding 1 → [[6,17,3],[8,17,13],[6,4,4]] (${GUIDE}, issue 4)`, () => {
    const o = open('guide-numeric-stride2-pad1');
    expect(rows([...o.x], 5)).toEqual(rows([...open('guide-numeric-stride1').x], 5));
    expect(plane(conv(open('guide-numeric-stride2-pad1').numbers).output)).toEqual([[6, 17, 3], [8, 17, 13], [6, 4, 4]]);
  });
});

describe('every preset that draws is computed without a refusal', () => {
  beforeAll(() => loadQuery(''));
  it.each(PRESETS.filter((p) => !REFUSED_PRESETS.includes(p.id)).map((p) => [p.id]))('%s', (id) => {
    const o = open(id);
    const out = o.numbers.output;
    expect(out.data.length).toBeGreaterThan(0);
    expect(out.data.every(Number.isFinite)).toBe(true);
  });
});

/** The tutorial a preset's source credits, by its title (../shared/seeds/README.md). */
const T0 = TUTORIAL_TITLES[0];
const T1 = TUTORIAL_TITLES[1];
const T2 = TUTORIAL_TITLES[2];
const T3 = TUTORIAL_TITLES[3];

describe('issue 7: every worked example of the four tutorials, credited by the tutorial’s title', () => {
  const credited: Readonly<Record<string, string>> = {
    'tf-ones-5x5': T0, 'tf-5x5-back': T0, 'tf-ones-6x6': T0, 'tf-6x6-back': T0, 'tf-3x3-to-6x6': T0, 'tf-impossible-10x10': T0,
    'tf-4x4-valid': T1, 'tf-4x4-valid-back': T1, 'tf-4x4-same': T1, 'tf-4x4-same-back': T1, 'tf-argmax-unpool': T1, 'tf-avg-unpool': T1,
    'formula-s1-p0-k3': T2, 'formula-s2-p0-k3': T2, 'formula-s2-p1-k3': T2, 'torch-convT-2x2': T2, 'torch-output-padding': T2,
    'torch-dilation': T2, 'torch-groups': T2, 'torch-checkerboard': T2, 'dcgan-layer1': T2, 'dcgan-generator': T2, 'dcgan-layer3': T2,
    'tf-2x2-to-5x5': T3, 'tf-2x2-to-6x6': T3, 'tf-97-stride4': T3, 'tf-97-stride3-refused': T3,
  };
  it.each(Object.entries(credited))('%s names its tutorial by its title in both languages', (id, title) => {
    const p = presetById(id);
    if (!p) throw new Error(`${id} missing`);
    expect(enPresets[p.source as keyof typeof enPresets]).toContain(`“${title}”`);
    expect(zh[p.source]).toContain(`《${title}》`);
  });

  it(`tf-5x5-back: y3 = conv2d_transpose(y2, …, [1,5,5,3]) animated, the tutorial's printed rows 12 30 18 30 12 / 30 75 45 75 30 / 18 45 27 45 18 (${T0}; fixture seed-b)`, () => {
    const o = open('tf-5x5-back');
    expect(rows([...o.x], 3)).toEqual([[12, 18, 12], [18, 27, 18], [12, 18, 12]]);
    const out = planes(convT(o.numbers).output);
    expect(out).toEqual(nchwPlanes(seed('seed-b-conv2d-transpose-y2-to-1x5x5x3-s2-same').expected.output));
    for (const p of out) expect(p.slice(0, 3)).toEqual([[12, 30, 18, 30, 12], [30, 75, 45, 75, 30], [18, 45, 27, 45, 18]]);
  });

  it(`tf-6x6-back: y4 back to [1,6,6,3] is the fixture seed-c (${T0})`, () => {
    const o = open('tf-6x6-back');
    expect(rows([...o.x], 3)).toEqual([[27, 27, 18], [27, 27, 18], [18, 18, 12]]);
    expect(planes(convT(o.numbers).output)).toEqual(nchwPlanes(seed('seed-c-conv2d-transpose-y4-to-1x6x6x3-s2-same').expected.output));
  });

  for (const pad of ['valid', 'same'] as const) {
    it(`tf-4x4-${pad}-back: conv2d_transpose of [[−2,−2],[−2,−2]] with [1,0,−1,−2] back to [1,4,4,1] is the fixture seed-f (${T1})`, () => {
      const o = open(`tf-4x4-${pad}-back`);
      expect(o.params.p).toBe(pad);
      expect(planes(convT(o.numbers).output)).toEqual(nchwPlanes(seed(`seed-f-conv2d-transpose-to-1x4x4x1-s2-${pad}`).expected.output));
    });
  }

  it(`tf-avg-unpool: each 2×2 window's mean fills the window (${T1}, average unpooling)`, () => {
    const o = open('tf-avg-unpool');
    const n = pooling(o.numbers);
    const image = planes({ shape: [1, 2, 4, 4], data: Float64Array.from(o.x) } as Tensor);
    const want = image.map((p) => p.map((row, r) => row.map((_, c) => {
      const r0 = r - (r % 2);
      const c0 = c - (c % 2);
      return (p[r0][c0] + p[r0][c0 + 1] + p[r0 + 1][c0] + p[r0 + 1][c0 + 1]) / 4;
    })));
    expect(planes(n.output)).toEqual(want);
  });

  it(`torch-convT-2x2 opens on the direct view: the 6×6 zero-padded map and the flipped kernel [[0,0,1],[1,1,0],[1,0,1]] of transposed_conv_self (${T2})`, () => {
    const o = open('torch-convT-2x2');
    expect(o.params.view).toBe('direct');
    const n = convT(o.numbers);
    expect(plane(n.padded)).toEqual([
      [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 2, 1, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
    ]);
    expect(plane(n.flippedWeight)).toEqual([[0, 0, 1], [1, 1, 0], [1, 0, 1]]);
    expect(plane(n.directOutput)).toEqual([[1, 0, 1, 0], [2, 2, 3, 1], [1, 2, 3, 1], [2, 1, 0, 0]]);
  });

  it(`torch-output-padding: 3 → 6 with k=3, s=2, p=1, a=1; the added row and column are the scatter's real sums, not zeros (${T2})`, () => {
    const o = open('torch-output-padding');
    const n = convT(o.numbers);
    const want = scatterPlane(rows([...o.x], 3), rows([...o.w], 3), 2, 0).slice(1, 7).map((r) => r.slice(1, 7));
    expect(plane(n.output)).toEqual(want);
    expect(plane(n.output)[5].some((v) => v !== 0)).toBe(true);
  });

  it(`torch-dilation: 2×2, k=3, d=2 → 6×6, p′ = d(k − 1) − p = 4 (${T2})`, () => {
    const n = convT(open('torch-dilation').numbers);
    expect(n.output.shape.slice(2)).toEqual([6, 6]);
    // zero-inserted 2 (stride 1), p′ = 4 per side: 10 cells
    expect(n.padded.shape.slice(2)).toEqual([10, 10]);
  });

  it(`torch-groups: 2 channels in 2 groups: each output channel is its own input channel's transposed convolution (${T2})`, () => {
    const o = open('torch-groups');
    const n = convT(o.numbers);
    const x = planes({ shape: [1, 2, 3, 3], data: Float64Array.from(o.x) } as Tensor);
    const w = planes({ shape: [1, 2, 3, 3], data: Float64Array.from(o.w) } as Tensor);
    expect(planes(n.output)).toEqual([scatterPlane(x[0], w[0], 1, 0), scatterPlane(x[1], w[1], 1, 0)]);
  });

  it(`torch-checkerboard: ones 3×3, k=3, s=2 → the uneven overlap 1, 2, 4 (${T2}, checkerboard artifacts)`, () => {
    const n = convT(open('torch-checkerboard').numbers);
    const u = [1, 1, 2, 1, 2, 1, 1];
    expect(plane(n.output)).toEqual(outer(u, u));
  });

  it(`the DCGAN generator's three layers 7 → 7 → 14 → 28 (k=5, SAME), each linking to the next (${T2}, make_generator_model)`, () => {
    const chain = ['dcgan-layer1', 'dcgan-generator', 'dcgan-layer3'];
    const sizes = chain.map((id) => {
      const n = convT(open(id).numbers);
      return [n.output.shape[2], n.output.shape[3]];
    });
    expect(sizes).toEqual([[7, 7], [14, 14], [28, 28]]);
    expect(chain.map((id) => presetById(id)?.next ?? null)).toEqual(['dcgan-generator', 'dcgan-layer3', null]);
    for (const id of chain) expect(open(id).params.k).toEqual([5, 5]);
  });

  it(`tf-2x2-to-5x5 and tf-2x2-to-6x6: a [1,3,3,1] value and a 2×2 kernel reach both [1,5,5,3] and [1,6,6,3] (${T3})`, () => {
    for (const [id, size] of [['tf-2x2-to-5x5', 5], ['tf-2x2-to-6x6', 6]] as const) {
      const n = convT(open(id).numbers);
      expect(n.output.shape).toEqual([1, 3, size, size]);
    }
  });

  it(`tf-97-stride3-refused: 97 with stride 3 gives 33, not the 25 conv1 has, as TensorFlow says (actual = 25, computed = 33) (${T3})`, () => {
    loadQuery('?preset=tf-97-stride3-refused');
    let caught: unknown = null;
    try {
      explore(specOf(useStore.getState().params));
    } catch (e) {
      caught = e;
    }
    if (!isShapeError(caught)) throw new Error('expected a refusal');
    expect(caught.code).toBe('output-shape');
    expect(caught.details.actual).toEqual([25, 25]);
    expect(caught.details.computed).toEqual([33, 33]);
    expect(caught.details.requested).toEqual([97, 97]);
  });
});
