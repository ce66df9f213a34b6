/**
 * The PyTorch scripts the code panel writes, run by real PyTorch (Debian's python3-torch,
 * 1.13): what they print must be the numbers the page shows. Run by `npm run test:oracle`,
 * which installs python3-torch when it is missing; CI runs it. Random pictures of every
 * operation, both semantics, channels and groups.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { torchCode } from '../../src/codegen/torch';
import { fromQuery, pictures, type Picture } from '../codegen/pictures';

/** Debian's interpreter: torch is installed for it, not for other pythons on PATH. */
const PYTHON = '/usr/bin/python3';

/** Runs every script in one interpreter (torch imports once) and returns what each left in `y`. */
function runAll(scripts: readonly string[]): number[][] {
  const driver = [
    'import json, sys, torch',
    'out = []',
    'for src in json.load(sys.stdin):',
    '    scope = {}',
    '    exec(src, scope)',
    '    out.append(scope["y"].flatten().tolist())',
    'sys.stdout.write("\\n" + json.dumps(out))',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', driver], { input: JSON.stringify(scripts), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) throw new Error(`PyTorch could not run the scripts (is python3-torch installed?): ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]') as number[][];
}

function expectSame(pics: readonly Picture[]): void {
  const printed = runAll(pics.map((p) => torchCode(p)));
  pics.forEach((pic, i) => {
    const want = Array.from(pic.numbers.output.data);
    expect(printed[i].length, `picture ${i}`).toBe(want.length);
    printed[i].forEach((v, j) => expect(Math.abs(v - want[j]), `picture ${i}, value ${j}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[j]))));
  });
}

describe('the PyTorch code panel, run by PyTorch, prints the page numbers', () => {
  it('worked examples: ConvTranspose2d on [[1,0],[2,1]] (PyTorch docs-style), TF 6×6 SAME stride 2, TF-padded max unpool', () => {
    expectSame([
      fromQuery('op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0'),
      fromQuery('op=conv&fw=tf&in=6&k=3&s=2&p=same'),
      fromQuery('op=unpool&fw=tf&in=5&k=2&s=2&p=same'),
    ]);
  }, 120_000);

  for (const op of ['conv', 'convT', 'unpool'] as const) {
    it(`${op}: 40 random pictures (channels, groups, strides, dilation, padding, both semantics)`, () => {
      expectSame(fc.sample(pictures(op), { numRuns: 40, seed: 20261122 }));
    }, 120_000);
  }
});
