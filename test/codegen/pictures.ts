/**
 * Shared by the code generator tests: pictures (a query as the page holds it, its validated
 * record, values and the engine's numbers), random valid pictures, and python3's parser.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import {
  avgPool2d, computeExplore, explore, fillValues, isShapeError, tensor, type Pads, type Tensor,
} from '../../src/engine';
import { specOf } from '../../src/store';
import type { Picture } from '../../src/store/resultsSlice';
import { DEFAULTS, inputLength, parseQuery, weightLength, type Params } from '../../src/store/urlParams';

export type { Picture };

/** The picture of `params`, or null when the engine refuses them. */
export function pictureOf(params: Params): Picture | null {
  try {
    const explored = explore(specOf(params));
    const x = params.x ? [...params.x] : Array.from(fillValues(params.vals, inputLength(params), params.seed, 'input'));
    const w = params.w ? [...params.w] : Array.from(fillValues(params.vals, weightLength(params), params.seed, 'kernel'));
    return { explored, x, w, numbers: computeExplore(specOf(params), x, w) };
  } catch (e) {
    if (isShapeError(e)) return null;
    throw e;
  }
}

/** The picture of a query string; throws when it is not a valid one. */
export const fromQuery = (q: string): Picture => {
  const pic = pictureOf(parseQuery(q).params);
  if (!pic) throw new Error(`not a valid picture: ${q}`);
  return pic;
};

const pair = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }));

/** Random pictures of `op` (any semantics, channels, groups, padding, output size, unless `only` fixes some), valid ones only. */
export const pictures = (op: Params['op'], only: { readonly fw?: Params['fw']; readonly pool?: Params['pool'] } = {}) =>
  fc
    .record({
      fw: only.fw ? fc.constant(only.fw) : fc.constantFrom<Params['fw']>('torch', 'tf'),
      inH: fc.integer({ min: 1, max: 7 }),
      inW: fc.integer({ min: 1, max: 7 }),
      k: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      s: pair,
      p: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      tfPad: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
      d: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
      a: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      outPick: fc.tuple(fc.nat(3), fc.nat(3)),
      cin: fc.integer({ min: 1, max: 3 }),
      cout: fc.integer({ min: 1, max: 3 }),
      g: fc.integer({ min: 1, max: 3 }),
      pool: only.pool ? fc.constant(only.pool) : fc.constantFrom<Params['pool']>('max', 'avg'),
      vals: fc.constantFrom<Params['vals']>('int', 'rand', 'ones'),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r): Picture | null => {
      const base: Params = {
        ...DEFAULTS, op, fw: r.fw, in: [r.inH, r.inW], k: r.k, s: r.s, p: r.fw === 'tf' ? r.tfPad : r.p,
        d: op === 'unpool' ? [1, 1] : r.d, a: r.fw === 'torch' && op === 'convT' ? r.a : [0, 0],
        cin: r.cin, cout: r.cout, g: r.g, pool: r.pool, vals: r.vals, seed: r.seed,
      };
      const first = pictureOf(base);
      // Some legal output size other than the default: TF's output_shape, PyTorch's unpool size.
      if (!first || !((op === 'convT' && r.fw === 'tf') || (op === 'unpool' && r.fw === 'torch'))) return first;
      const [lh, lw] = first.explored.axes.map((ax) => ax.legalOut);
      if (lh.length === 0 || lw.length === 0) return first;
      return pictureOf({ ...base, out: [lh[r.outPick[0] % lh.length], lw[r.outPick[1] % lw.length]] }) ?? first;
    })
    .filter((p): p is Picture => p !== null);

const PARSE = [
  'import ast, json, sys',
  'out = []',
  'for src in json.load(sys.stdin):',
  '    try:',
  '        ast.parse(src)',
  '        out.append(None)',
  '    except SyntaxError as e:',
  "        out.append(f'{e.msg} at line {e.lineno}: {e.text}')",
  'print(json.dumps(out))',
].join('\n');

/** python3's verdict on each source: null when it parses, else the SyntaxError. */
export function parsePython(sources: readonly string[]): (string | null)[] {
  const r = spawnSync('python3', ['-c', PARSE], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`These tests need python3 on PATH to parse the generated code (python3 -c 'import ast'): ${r.error?.message ?? r.stderr}`);
  }
  return JSON.parse(r.stdout) as (string | null)[];
}

/** The lines of a generated script. */
export const linesOf = (text: string): string[] => text.split('\n');

/**
 * The script's statements: a call the generator broke over several lines (a line ending in "("
 * up to the ")" at the same indentation) joined back into one line, so tests can assert whole calls.
 */
export function statements(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*).*\($/.exec(lines[i]);
    if (!open) {
      out.push(lines[i]);
      continue;
    }
    const close = lines.findIndex((l, j) => j > i && l.startsWith(`${open[1]})`));
    const args = lines.slice(i + 1, close).map((l) => l.trim()).join(' ').replace(/,$/, '');
    out.push(`${lines[i]}${args}${lines[close].slice(open[1].length)}`);
    i = close;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// NCHW helpers for replaying the scripts' recipes (independent of the generators)
// ---------------------------------------------------------------------------------------------

/** Pads every plane with `value` (F.pad's constant mode). */
export function padWith(t: Tensor, top: number, bottom: number, left: number, right: number, value: number): Tensor {
  const [n, c, h, w] = t.shape;
  const H = h + top + bottom;
  const W = w + left + right;
  const out = new Float64Array(n * c * H * W).fill(value);
  for (let pl = 0; pl < n * c; pl++) {
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[(pl * H + y + top) * W + x + left] = t.data[(pl * h + y) * w + x];
  }
  return { shape: [n, c, H, W], data: out };
}

/**
 * Each window's mean over the input's real cells after zero padding by `pads` (TensorFlow's SAME
 * average, PyTorch's `divisor_override=1` sums over the count of real cells): the ratio of two
 * engine averages, of x and of ones, over the same zero-padded planes.
 */
export function meanOfRealCells(x: Tensor, pads: Pads, kernelSize: readonly [number, number], stride: readonly [number, number]): Tensor {
  const padded = (t: Tensor) => padWith(t, pads.top, pads.bottom, pads.left, pads.right, 0);
  const sums = avgPool2d(padded(x), { kernelSize, stride });
  const cells = avgPool2d(padded(tensor(x.shape, new Float64Array(x.data.length).fill(1))), { kernelSize, stride });
  // avg = sum / (kH·kW) on both, so the ratio is sum / cells (compared with a tolerance).
  return tensor(sums.shape, Array.from(sums.data, (v, i) => v / cells.data[i]));
}

/** The avg-unpool loop exactly as the script writes it, with the numbers read from the script's text. */
export function runAvgLoop(script: string, pooled: Tensor): Tensor {
  const grab = (re: RegExp): number[] => {
    const m = re.exec(script);
    if (!m) throw new Error(`missing ${re}`);
    return m.slice(1).map(Number);
  };
  const [H, W] = grab(/^H, W = (\d+), (\d+)$/m);
  const [kH, kW, sH, sW] = grab(/^kH, kW, sH, sW = (\d+), (\d+), (\d+), (\d+)$/m);
  const [padTop, padLeft] = grab(/^pad_top, pad_left = (\d+), (\d+)$/m);
  const [, C, h, w] = pooled.shape;
  const y = new Float64Array(C * H * W);
  const count = new Float64Array(C * H * W);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const top = i * sH - padTop;
      const left = j * sW - padLeft;
      for (let c = 0; c < C; c++) {
        for (let r = Math.max(top, 0); r < Math.min(top + kH, H); r++) {
          for (let q = Math.max(left, 0); q < Math.min(left + kW, W); q++) {
            y[(c * H + r) * W + q] += pooled.data[(c * h + i) * w + j];
            count[(c * H + r) * W + q] += 1;
          }
        }
      }
    }
  }
  return tensor([1, C, H, W], Array.from(y, (v, i) => (count[i] > 0 ? v / count[i] : v)));
}
