/**
 * Shared by the code generator tests: pictures (a query as the page holds it, its validated
 * record, values and the engine's numbers), random valid pictures, and python3's parser.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { computeExplore, explore, fillValues, isShapeError, type Explored, type ExploreNumbers } from '../../src/engine';
import { specOf } from '../../src/store';
import { DEFAULTS, inputLength, parseQuery, weightLength, type Params } from '../../src/store/urlParams';

export interface Picture {
  readonly explored: Explored;
  readonly x: number[];
  readonly w: number[];
  readonly numbers: ExploreNumbers;
}

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

/** Random pictures of `op` (any semantics, channels, groups, padding, output size), valid ones only. */
export const pictures = (op: Params['op']) =>
  fc
    .record({
      fw: fc.constantFrom<Params['fw']>('torch', 'tf'),
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
      pool: fc.constantFrom<Params['pool']>('max', 'avg'),
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
