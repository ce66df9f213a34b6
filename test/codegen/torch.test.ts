/**
 * The PyTorch script generator: exact lines for the worked examples, valid Python for random
 * pictures (python3's own parser), and the recipes the script follows (F.pad first, crop of the
 * full scatter, pooling in the padded plane) replayed with the engine's PyTorch-semantics ops,
 * which the fixtures tie to PyTorch. When python3 can import torch, the scripts also run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { avgPool2d, conv2d, convTranspose2d, maxPool2d, maxUnpool2d, padOrCrop, tensor, type Tensor } from '../../src/engine';
import { pyNested, pyNumber } from '../../src/codegen/format';
import { torchCode, torchConvPadding, torchPoolRecipe, torchTransposeRecipe } from '../../src/codegen/torch';
import { fromQuery, linesOf, meanOfRealCells, padWith, parsePython, pictures, runAvgLoop, statements, type Picture } from './pictures';



// ---------------------------------------------------------------------------------------------
// NCHW helpers for replaying the recipes (independent of the generator)
// ---------------------------------------------------------------------------------------------

const xTensor = (p: Picture): Tensor => {
  const e = p.explored;
  return e.op === 'unpool' ? tensor([1, e.pool.channels, e.pool.inH, e.pool.inW], p.x) : tensor([1, e.info.inChannels, e.info.inH, e.info.inW], p.x);
};

/** t[:, :, r0:r1, c0:c1] */
function sliceHW(t: Tensor, [r0, r1]: readonly [number, number], [c0, c1]: readonly [number, number]): Tensor {
  const [n, c, h, w] = t.shape;
  expect(r1).toBeLessThanOrEqual(h);
  expect(c1).toBeLessThanOrEqual(w);
  const out: number[] = [];
  for (let pl = 0; pl < n * c; pl++) for (let y = r0; y < r1; y++) for (let x = c0; x < c1; x++) out.push(t.data[(pl * h + y) * w + x]);
  return tensor([n, c, r1 - r0, c1 - c0], out);
}

const plain = (t: Tensor) => ({ shape: [...t.shape], data: Array.from(t.data) });

/** Replays the script's recipe with the engine's PyTorch ops; returns what `print(y)` shows. */
function replay(p: Picture): { y: Tensor | null; pooled?: Tensor } {
  const e = p.explored;
  const x = xTensor(p);
  if (e.op === 'conv') {
    const { info } = e;
    const w = tensor([info.outChannels, info.inPerGroup, info.kH, info.kW], p.w);
    const r = torchConvPadding(info.pad);
    const opts = { stride: [info.strideH, info.strideW] as const, dilation: [info.dilationH, info.dilationW] as const, groups: info.groups };
    if (r.kind === 'symmetric') return { y: conv2d(x, w, { ...opts, padding: r.padding }) };
    return { y: conv2d(padOrCrop(x, r.pads), w, { ...opts, padding: 0 }) };
  }
  if (e.op === 'convT') {
    const { info } = e;
    const w = tensor([info.inChannels, info.outPerGroup, info.kH, info.kW], p.w);
    const r = torchTransposeRecipe(info);
    const opts = { stride: [info.strideH, info.strideW] as const, dilation: [info.dilationH, info.dilationW] as const, groups: info.groups };
    if (r.kind === 'symmetric') return { y: convTranspose2d(x, w, { ...opts, padding: r.padding, outputPadding: r.outputPadding }) };
    const full = convTranspose2d(x, w, opts);
    return { y: sliceHW(padOrCrop(full, { top: 0, left: 0, bottom: r.extend[0], right: r.extend[1] }), r.rows, r.cols) };
  }
  const { pool, unpool } = e;
  const r = torchPoolRecipe(pool, unpool, e.spec.fw);
  const kernelSize = [pool.kH, pool.kW] as const;
  const stride = [pool.strideH, pool.strideW] as const;
  if (e.spec.pool === 'avg') {
    if (r.kind === 'direct') return { y: null, pooled: avgPool2d(x, { kernelSize, stride, padding: r.padding }) };
    // divisor_override=1 sums each window of the zero-padded input; the same over ones counts the real cells.
    return { y: null, pooled: meanOfRealCells(x, r.pads, kernelSize, stride) };
  }
  if (r.kind === 'direct') {
    const { output, indices } = maxPool2d(x, { kernelSize, stride, padding: r.padding });
    return { pooled: output, y: maxUnpool2d(output, indices, { kernelSize, stride, padding: r.padding, outputSize: r.outputSize }) };
  }
  // −inf padding; the engine refuses non-finite values, and −1e300 never wins against the page's numbers either.
  const xp = padWith(x, r.pads.top, r.pads.bottom, r.pads.left, r.pads.right, -1e300);
  expect([xp.shape[2], xp.shape[3]]).toEqual(r.paddedSize);
  const { output, indices } = maxPool2d(xp, { kernelSize, stride });
  return { pooled: output, y: sliceHW(maxUnpool2d(output, indices, { kernelSize, stride, outputSize: r.paddedSize }), r.rows, r.cols) };
}

// ---------------------------------------------------------------------------------------------

describe('format: exact literals', () => {
  it('integers stay integers, other numbers keep every digit JavaScript holds', () => {
    expect(pyNumber(3)).toBe('3');
    expect(pyNumber(-0)).toBe('0');
    expect(pyNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(pyNumber(1 / 3))).toBe(1 / 3);
    expect(pyNumber(1e-7)).toBe('1e-7');
  });

  it('one row per line, aligned under the innermost bracket, a blank line between planes', () => {
    expect(pyNested([1, -2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 4).split('\n')).toEqual([
      '[[[ 1, -2],',
      '      [ 3,  4]],',
      '',
      '     [[ 5,  6],',
      '      [ 7,  8]]]',
    ]);
  });
});

describe('PyTorch code: exact calls for the worked examples', () => {
  it('torch-convT-2x2 (PyTorch ConvTranspose2d docs example from issue 4): literals, the call and the layer', () => {
    const pic = fromQuery('op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0');
    const raw = linesOf(torchCode(pic));
    const lines = statements(torchCode(pic));
    expect(lines.slice(0, 3)).toEqual(['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F']);
    expect(raw).toContain('    [[[[1, 0],');
    expect(raw).toContain('       [2, 1]]]],');
    expect(raw).toContain('    [[[[1, 0, 1],');
    expect(raw).toContain('       [0, 1, 1],');
    expect(raw).toContain('       [1, 0, 0]]]],');
    expect(raw.filter((l) => l === '    dtype=torch.float64,')).toHaveLength(2);
    expect(lines).toContain('y = F.conv_transpose2d(x, w, stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1, dilation=(1, 1))');
    expect(lines).toContain(
      'convT = nn.ConvTranspose2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1, dilation=(1, 1), bias=False, dtype=torch.float64)',
    );
    expect(lines).toContain('    convT.weight.copy_(w)');
    expect(lines).toContain('print(y)');
  });

  it('conv in=5 k=3 s=2 p=1, 2→4 channels in 2 groups: F.conv2d and nn.Conv2d with every argument', () => {
    const lines = statements(torchCode(fromQuery('op=conv&in=5&k=3&s=2&p=1&cin=2&cout=4&g=2')));
    expect(lines).toContain('y = F.conv2d(x, w, stride=(2, 2), padding=(1, 1), dilation=(1, 1), groups=2)');
    expect(lines).toContain('conv = nn.Conv2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(1, 1), groups=2, bias=False, dtype=torch.float64)');
    expect(lines).toContain('print(torch.equal(conv(x), y))  # True: the same numbers');
  });

  it('TF conv 6×6, k=3, s=2, SAME (TF tutorial): the uneven pads go to F.pad, then padding=0', () => {
    // Independent: TF SAME total = (⌈6/2⌉ − 1)·2 + 3 − 6 = 1 → 0 before, 1 after.
    const total = (Math.ceil(6 / 2) - 1) * 2 + 3 - 6;
    const [before, after] = [Math.floor(total / 2), total - Math.floor(total / 2)];
    const lines = statements(torchCode(fromQuery('op=conv&fw=tf&in=6&k=3&s=2&p=same&vals=ones')));
    expect(lines).toContain(`xp = F.pad(x, (${before}, ${after}, ${before}, ${after}))`);
    expect(lines).toContain('y = F.conv2d(xp, w, stride=(2, 2), padding=0, dilation=(1, 1), groups=1)');
    expect(lines).toContain('print(torch.equal(conv(xp), y))  # True: the same numbers');
  });

  it('TF conv 5×5, k=3, s=2, SAME (TF tutorial): even pads are PyTorch padding=(1, 1)', () => {
    const lines = statements(torchCode(fromQuery('op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones')));
    expect(lines).toContain('y = F.conv2d(x, w, stride=(2, 2), padding=(1, 1), dilation=(1, 1), groups=1)');
    expect(lines.some((l) => l.startsWith('xp = '))).toBe(false);
  });

  it('TF conv2d_transpose 3×3 → output_shape 5×5 and 6×6, k=3, s=2, SAME (TF tutorial)', () => {
    const five = statements(torchCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones')));
    expect(five).toContain('y = F.conv_transpose2d(x, w, stride=(2, 2), padding=(1, 1), output_padding=(0, 0), groups=1, dilation=(1, 1))');
    // 6×6: SAME pads of 6 are 0 and 1 (uneven); the full scatter is (3 − 1)·2 + 3 = 7, cut to rows/cols 0…5.
    const six = statements(torchCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6&vals=ones')));
    expect(six).toContain('full = F.conv_transpose2d(x, w, stride=(2, 2), groups=1, dilation=(1, 1))');
    expect(six).toContain('y = full[:, :, 0:6, 0:6]');
    expect(six).toContain('print(torch.equal(convT(x)[:, :, 0:6, 0:6], y))  # True: the same numbers');
  });

  it('torch-maxunpool-4x4 (PyTorch MaxUnpool2d docs): max_pool2d with indices, max_unpool2d, and the layers', () => {
    const lines = statements(torchCode(fromQuery('op=unpool&in=4&k=2&s=2&x=' + Array.from({ length: 16 }, (_, i) => i + 1).join(','))));
    expect(lines).toContain('pooled, indices = F.max_pool2d(x, kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), return_indices=True)');
    expect(lines).toContain('y = F.max_unpool2d(pooled, indices, kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), output_size=(4, 4))');
    expect(lines).toContain('unpool = nn.MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))');
    expect(linesOf(torchCode(fromQuery('op=unpool&in=4&k=2&s=2&x=' + Array.from({ length: 16 }, (_, i) => i + 1).join(','))))).toContain('    [[[[ 1,  2,  3,  4],');
  });

  it('TF max pooling 5×5, k=2, s=2, SAME: −inf padding, unpool in the padded 6×6 plane, cut back to 5×5', () => {
    const lines = statements(torchCode(fromQuery('op=unpool&fw=tf&in=5&k=2&s=2&p=same')));
    expect(lines).toContain("xp = F.pad(x, (0, 1, 0, 1), value=float('-inf'))");
    expect(lines).toContain('pooled, indices = F.max_pool2d(xp, kernel_size=(2, 2), stride=(2, 2), return_indices=True)');
    expect(lines).toContain('y = F.max_unpool2d(pooled, indices, kernel_size=(2, 2), stride=(2, 2), output_size=(6, 6))[:, :, 0:5, 0:5]');
  });

  it('average pooling: F.avg_pool2d (PyTorch) or window sums over real cells (TF SAME), then the unpooling loop', () => {
    const torchAvg = statements(torchCode(fromQuery('op=unpool&in=4&k=3&s=2&p=1&pool=avg')));
    expect(torchAvg).toContain('pooled = F.avg_pool2d(x, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))');
    expect(torchAvg).toContain('H, W = 4, 4');
    expect(torchAvg).toContain('y = torch.where(count > 0, y / count.clamp(min=1), y)');
    const tfAvg = statements(torchCode(fromQuery('op=unpool&fw=tf&in=5&k=2&s=2&p=same&pool=avg')));
    expect(tfAvg).toContain('sums = F.avg_pool2d(F.pad(x, (0, 1, 0, 1)), kernel_size=(2, 2), stride=(2, 2), divisor_override=1)');
    expect(tfAvg).toContain('cells = F.avg_pool2d(F.pad(torch.ones_like(x), (0, 1, 0, 1)), kernel_size=(2, 2), stride=(2, 2), divisor_override=1)');
    expect(tfAvg).toContain('pooled = sums / cells');
  });

  it('comments stay comments: wrapped under 97 columns, never a bare line of prose', () => {
    const text = torchCode(fromQuery('op=convT&fw=tf&in=3&k=3&s=2&p=same&out=6'));
    for (const line of linesOf(text)) if (line.trimStart().startsWith('#')) expect(line.length).toBeLessThanOrEqual(96);
  });
});

describe('PyTorch code is valid Python (python3 ast.parse)', () => {
  it('the parser can say no (a broken script is reported)', () => {
    const [ok, broken] = parsePython(['y = 1\n', 'y = F.conv2d(x, w\n']);
    expect(ok).toBeNull();
    expect(broken).toMatch(/line/);
  });

  it('a dozen random pictures of each operation, both semantics, parse', () => {
    const sources: string[] = [];
    for (const op of ['conv', 'convT', 'unpool'] as const) {
      fc.assert(
        fc.property(pictures(op), (pic) => {
          sources.push(torchCode(pic));
        }),
        { numRuns: 12, seed: 4 + op.length },
      );
    }
    expect(sources).toHaveLength(36);
    const verdicts = parsePython(sources);
    verdicts.forEach((v, i) => expect(v, sources[i]).toBeNull());
  }, 30_000);
});

describe('the scripts follow recipes that reproduce the page (replayed with the engine)', () => {
  for (const op of ['conv', 'convT', 'unpool'] as const) {
    it(`${op}: the recipe's output equals the page's numbers`, () => {
      fc.assert(
        fc.property(pictures(op), (pic) => {
          const n = pic.numbers;
          const got = replay(pic);
          if (n.op === 'unpool') {
            expect(got.pooled && plain(got.pooled).shape).toEqual(n.pooled.shape);
            Array.from(got.pooled?.data ?? []).forEach((v, i) => expect(v).toBeCloseTo(n.pooled.data[i], 12));
            if (pic.explored.spec.pool === 'avg') {
              expect(plain(runAvgLoop(torchCode(pic), n.pooled))).toEqual(plain(n.output));
            } else {
              expect(got.y && plain(got.y)).toEqual(plain(n.output));
            }
          } else {
            // Exact for integers; random values may differ in the last bit where another kernel sums in another order.
            expect(got.y?.shape).toEqual(n.output.shape);
            got.y?.data.forEach((v, i) => expect(Math.abs(v - n.output.data[i])).toBeLessThanOrEqual(1e-12));
          }
        }),
        { numRuns: 100 },
      );
    }, 30_000);
  }
});
