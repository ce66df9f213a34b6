/**
 * The pooling view's pure look and value functions. Expected positions and numbers come from
 * loops written here from the definitions (max pooling keeps the first largest value of each
 * window, row-major; average unpooling gives each cell the mean of the pooled values whose
 * windows cover it), never from the engine under test.
 */
import { describe, expect, it } from 'vitest';
import {
  avgPoolPlan, avgUnpoolPlan, computeExplore, explore, maxPoolPlan, maxUnpoolPlan, paddedInputSize,
  type ExploreSpec,
} from '../../src/engine';
import type { LookFn } from '../../src/viz/looks';
import {
  averageTerms, avgCoverage, phaseAt, phaseStarts, poolInputValue, poolStep, survival,
  unpoolLooks, unpoolOutputValue, unpoolProgress, unpoolStep, unpoolWindowSpan, windowValues,
  type ChannelPlans,
} from '../../src/viz/unpoolLooks';

const base: ExploreSpec = {
  op: 'unpool', fw: 'torch', input: [4, 4], kernel: [2, 2], stride: [2, 2], padding: [0, 0],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null, channels: { in: 1, out: 1, groups: 1 }, pool: 'max',
};

/** The explored record, the engine's numbers and channel 0's plans, made the way the store makes them. */
function setup(spec: Partial<ExploreSpec>, x: readonly number[]) {
  const full = { ...base, ...spec };
  const e = explore(full);
  if (e.op !== 'unpool') throw new Error('expected pooling');
  const numbers = computeExplore(full, x, []);
  if (numbers.op !== 'unpool') throw new Error('expected pooling numbers');
  const plans: ChannelPlans = full.pool === 'avg'
    ? { pool: avgPoolPlan(e.pool, { countIncludePad: full.fw === 'torch' }), unpool: avgUnpoolPlan(e.unpool) }
    : { pool: maxPoolPlan(e.pool, numbers.indices.data), unpool: maxUnpoolPlan(e.unpool, numbers.indices.data) };
  return { e, numbers, plans };
}

const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Every (r, c) whose look has `mark`, as "r,c", sorted. */
function marked(look: LookFn, rows: number, cols: number, mark: string): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (look(r, c).mark === mark) out.push(`${r},${c}`);
  return out.sort();
}

/** Max pooling of one H×W plane with k, s, p, written from the definition: the value and the first (row-major) position of each window's largest real cell. */
function refMaxPool(x: readonly number[], H: number, W: number, k: number, s: number, p: number) {
  const o = (n: number) => Math.floor((n + 2 * p - k) / s) + 1;
  const oh = o(H);
  const ow = o(W);
  const out: { v: number; y: number; x: number }[] = [];
  for (let r = 0; r < oh; r++)
    for (let c = 0; c < ow; c++) {
      let best: { v: number; y: number; x: number } | null = null;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) {
          const y = r * s - p + a;
          const xx = c * s - p + b;
          if (y < 0 || y >= H || xx < 0 || xx >= W) continue;
          if (!best || x[y * W + xx] > best.v) best = { v: x[y * W + xx], y, x: xx };
        }
      if (!best) throw new Error('a window with no real cell');
      out.push(best);
    }
  return { oh, ow, out };
}

/** How many windows (top-left i·s − p, k wide) of n pooled positions cover position o: counted one by one. */
function covers(o: number, n: number, k: number, s: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (o >= i * s - p && o < i * s - p + k) count++;
  return count;
}

describe('phaseAt', () => {
  it('splits one animation at poolSteps; the last step is the comparison', () => {
    const seen = Array.from({ length: 8 }, (_, i) => phaseAt(i, 4, 8));
    expect(seen.map((p) => p.phase)).toEqual(['pool', 'pool', 'pool', 'pool', 'unpool', 'unpool', 'unpool', 'compare']);
    expect(seen.map((p) => p.poolIndex)).toEqual([0, 1, 2, 3, 3, 3, 3, 3]);
    expect(seen.map((p) => p.unpoolIndex)).toEqual([-1, -1, -1, -1, 0, 1, 2, 3]);
    expect(phaseAt(99, 4, 8).phase).toBe('compare');
    expect(phaseAt(-3, 4, 8)).toEqual({ phase: 'pool', poolIndex: 0, unpoolIndex: -1 });
    expect(phaseStarts(4, 8)).toEqual({ pool: 0, unpool: 4, compare: 7 });
  });
});

describe('pooled input with its padding', () => {
  it('in=4 k=3 s=2 p=1: a 6×6 grid; max pooling leaves the ring blank, PyTorch average reads it as 0', () => {
    const { e } = setup({ kernel: [3, 3], padding: [1, 1] }, seq(16));
    expect(paddedInputSize(e.pool)).toEqual({ rows: 6, cols: 6 });
    const blank = poolInputValue(e.pool, seq(16), 0, null);
    const zero = poolInputValue(e.pool, seq(16), 0, 0);
    expect(blank(0, 0)).toBeNull();
    expect(zero(5, 3)).toBe(0);
    expect(blank(1, 1)).toBe(1);
    expect(blank(4, 4)).toBe(16);
  });

  it('reads the requested channel of a [1, C, H, W] input', () => {
    const x = seq(32);
    const { e } = setup({ channels: { in: 2, out: 2, groups: 1 } }, x);
    expect(poolInputValue(e.pool, x, 1, null)(0, 0)).toBe(17);
  });
});

describe('unpoolLooks, max pooling', () => {
  const x = [3, 9, 1, 4, 7, 2, 8, 8, 0, 5, 6, 1, 2, 6, 3, 7];
  const ref = refMaxPool(x, 4, 4, 2, 2, 0);

  it('while pooling: the window, the winner active, earlier switches marked, later pooled cells empty', () => {
    const { plans } = setup({}, x);
    for (let i = 0; i < 4; i++) {
      const looks = unpoolLooks(plans, phaseAt(i, 4, 8), null, null);
      const top = Math.floor(i / 2) * 2;
      const left = (i % 2) * 2;
      const win = [`${top},${left}`, `${top},${left + 1}`, `${top + 1},${left}`, `${top + 1},${left + 1}`];
      const best = `${ref.out[i].y},${ref.out[i].x}`;
      expect(marked(looks.input, 4, 4, 'active')).toEqual([best]);
      expect(marked(looks.input, 4, 4, 'window')).toEqual(win.filter((c) => c !== best).sort());
      expect(marked(looks.input, 4, 4, 'switch')).toEqual(ref.out.slice(0, i).map((o) => `${o.y},${o.x}`).sort());
      expect(marked(looks.pooled, 2, 2, 'active')).toEqual([`${Math.floor(i / 2)},${i % 2}`]);
      const empty = [0, 1, 2, 3].filter((j) => looks.pooled(Math.floor(j / 2), j % 2).tone === 'empty');
      expect(empty).toEqual([0, 1, 2, 3].filter((j) => j > i));
      expect(looks.output(0, 0).tone).toBe('empty');
    }
  });

  it('while unpooling: the value, its switch and its destination active; untouched output cells are zero-toned', () => {
    const { plans, numbers } = setup({}, x);
    const at = phaseAt(4 + 1, 4, 8);
    const progress = unpoolProgress(plans.unpool, at.unpoolIndex);
    const looks = unpoolLooks(plans, at, progress, null);
    expect(marked(looks.pooled, 2, 2, 'active')).toEqual(['0,1']);
    expect(marked(looks.switches, 2, 2, 'active')).toEqual(['0,1']);
    expect(marked(looks.output, 4, 4, 'active')).toEqual([`${ref.out[1].y},${ref.out[1].x}`]);
    const value = unpoolOutputValue(plans.unpool, numbers.output.data, progress);
    const written = new Set([0, 1].map((j) => ref.out[j].y * 4 + ref.out[j].x));
    for (let cell = 0; cell < 16; cell++) {
      const [r, c] = [Math.floor(cell / 4), cell % 4];
      expect(value(r, c)).toBe(written.has(cell) ? x[cell] : 0);
      expect(looks.output(r, c).tone).toBe(written.has(cell) ? 'value' : 'zero');
    }
  });

  it('at the comparison: kept cells linked on both grids, lost ones struck on the input', () => {
    const { plans, numbers } = setup({}, x);
    const s = survival(x, numbers.output.data, 0, { inH: 4, inW: 4, outH: 4, outW: 4 });
    const maxima = new Set(ref.out.map((o) => o.y * 4 + o.x));
    const zeros = x.filter((v, i) => v === 0 && !maxima.has(i)).length;
    expect(s.kept).toBe(ref.out.filter((o) => o.v !== 0).length);
    expect(s.zero).toBe(zeros);
    expect(s.lost).toBe(16 - maxima.size - zeros);
    expect(s.changed).toBe(0);
    const at = phaseAt(7, 4, 8);
    const looks = unpoolLooks(plans, at, unpoolProgress(plans.unpool, at.unpoolIndex), s.fates);
    expect(marked(looks.input, 4, 4, 'linked')).toEqual(ref.out.map((o) => `${o.y},${o.x}`).sort());
    expect(marked(looks.output, 4, 4, 'linked')).toEqual(ref.out.map((o) => `${o.y},${o.x}`).sort());
    const struck = [];
    for (let cell = 0; cell < 16; cell++) if (looks.input(Math.floor(cell / 4), cell % 4).tone === 'cropped') struck.push(cell);
    expect(struck).toEqual(x.flatMap((v, i) => (!maxima.has(i) && v !== 0 ? [i] : [])));
  });

  it('with padding, the window covers ring cells and the winner is never one of them', () => {
    const { plans, e } = setup({ kernel: [3, 3], padding: [1, 1] }, x);
    const ref3 = refMaxPool(x, 4, 4, 3, 2, 1);
    const { rows, cols } = paddedInputSize(e.pool);
    for (let i = 0; i < ref3.out.length; i++) {
      const looks = unpoolLooks(plans, phaseAt(i, ref3.out.length, 2 * ref3.out.length), null, null);
      expect(marked(looks.input, rows, cols, 'active')).toEqual([`${ref3.out[i].y + 1},${ref3.out[i].x + 1}`]);
      expect(marked(looks.input, rows, cols, 'window').length + 1).toBe(9);
    }
  });

  it('windowValues lists the real cells of the window', () => {
    const { plans } = setup({}, x);
    expect(windowValues(poolStep(plans.pool, 1), x)).toBe([x[2], x[3], x[6], x[7]].join(', '));
  });
});

describe('average pooling and unpooling', () => {
  it('in=5 k=3 s=2: cells covered by several windows show their mean only once every window has arrived', () => {
    const x = [4, -2, 7, 1, 0, 3, 3, 5, 9, 2, 8, 1, 6, 0, 4, 2, 7, 3, 1, 5, 6, 0, 2, 8, 1];
    const { plans, numbers } = setup({ input: [5, 5], kernel: [3, 3], pool: 'avg' }, x);
    const n = 2;
    const steps = n * n;
    for (let i = 0; i < steps; i++) {
      const progress = unpoolProgress(plans.unpool, i);
      const value = unpoolOutputValue(plans.unpool, numbers.output.data, progress);
      const looks = unpoolLooks(plans, phaseAt(steps + i, steps, 2 * steps), progress, null);
      for (let r = 0; r < 5; r++)
        for (let c = 0; c < 5; c++) {
          // Windows (iy, ix) ≤ i in row-major order that cover (r, c), counted here.
          let arrived = 0;
          for (let j = 0; j <= i; j++) {
            const iy = Math.floor(j / n);
            const ix = j % n;
            if (r >= iy * 2 && r < iy * 2 + 3 && c >= ix * 2 && c < ix * 2 + 3) arrived++;
          }
          const all = covers(r, n, 3, 2, 0) * covers(c, n, 3, 2, 0);
          if (arrived === 0) expect(value(r, c)).toBe(0);
          else if (arrived < all) {
            expect(value(r, c)).toBeNull();
            expect(looks.output(r, c).note).toBe(`${arrived}/${all}`);
          } else expect(value(r, c)).toBe(numbers.output.data[r * 5 + c]);
        }
    }
    if (plans.unpool.kind !== 'avgUnpool') throw new Error('expected average unpooling');
    // Windows 0–2 and 2–4 per axis: row/column 2 is covered twice, nothing is left out.
    const counts = [0, 1, 2, 3, 4].map((o) => covers(o, n, 3, 2, 0));
    expect(avgCoverage(plans.unpool)).toEqual({ overlap: counts.some((k) => k > 1), gaps: counts.some((k) => k === 0) });
  });

  it('in=5 k=2 s=2: no overlap, and the last row and column no window covers stay 0', () => {
    const x = seq(25);
    const { plans, numbers } = setup({ input: [5, 5], kernel: [2, 2], pool: 'avg' }, x);
    if (plans.unpool.kind !== 'avgUnpool') throw new Error('expected average unpooling');
    const counts = [0, 1, 2, 3, 4].map((o) => covers(o, 2, 2, 2, 0));
    expect(avgCoverage(plans.unpool)).toEqual({ overlap: counts.some((k) => k > 1), gaps: counts.some((k) => k === 0) });
    const value = unpoolOutputValue(plans.unpool, numbers.output.data, unpoolProgress(plans.unpool, 3));
    // Each covered cell holds its window's mean, averaged here from x.
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        if (r === 4 || c === 4) {
          expect(value(r, c)).toBe(0);
          continue;
        }
        const top = r - (r % 2);
        const left = c - (c % 2);
        const mean = (x[top * 5 + left] + x[top * 5 + left + 1] + x[(top + 1) * 5 + left] + x[(top + 1) * 5 + left + 1]) / 4;
        expect(value(r, c)).toBeCloseTo(mean, 12);
      }
  });

  it('averageTerms writes the sum the divisor divides; PyTorch counts padding as 0 terms', () => {
    const x = seq(16);
    const { plans } = setup({ kernel: [3, 3], padding: [1, 1], pool: 'avg' }, x);
    const first = poolStep(plans.pool, 0);
    if (first.kind !== 'avgPool') throw new Error('expected average pooling');
    // Window (−1…1)²: real cells (0,0), (0,1), (1,0), (1,1); PyTorch divides by all 9.
    expect(averageTerms(first, x, true)).toBe(['1', '2', '5', '6', '0', '0', '0', '0', '0'].join(' + '));
    expect(averageTerms(first, x, false)).toBe('1 + 2 + 5 + 6');
    expect(first.divisor).toBe(9);
  });

  it('unpoolWindowSpan gives the window inside the output', () => {
    const { plans } = setup({ input: [5, 5], kernel: [3, 3], pool: 'avg' }, seq(25));
    const s = unpoolStep(plans.unpool, 3);
    if (s.kind !== 'avgUnpool') throw new Error('expected average unpooling');
    expect(unpoolWindowSpan(s)).toEqual({ r0: 2, r1: 4, c0: 2, c1: 4 });
  });
});

describe('survival', () => {
  it('counts kept, lost, changed and zero cells, and treats cells outside a smaller output as lost', () => {
    const x = [5, 0, 2, 0];
    const out = [5, 0, 3];
    // Output 1×3 against a 2×2 input: (0,0) kept, (0,1) zero, (1,0) lost (no such output cell), (1,1) zero.
    const s = survival(x, out, 0, { inH: 2, inW: 2, outH: 1, outW: 3 });
    expect(s.fates).toEqual(['kept', 'zero', 'lost', 'zero']);
    expect([s.kept, s.lost, s.changed, s.zero, s.total]).toEqual([1, 1, 0, 2, 4]);
    const t = survival([1, 2], [1, 7], 0, { inH: 1, inW: 2, outH: 1, outW: 2 });
    expect(t.changed).toBe(1);
  });
});
