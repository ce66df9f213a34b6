/** Every PyTorch fixture case through the public API (numbers read from ../shared/fixtures at run time). */
import { describe, expect, it } from 'vitest';
import {
  avgPool2d,
  conv2d,
  convTranspose2d,
  convTranspose2dDirect,
  convTranspose2dScatter,
  maxPool2d,
  maxUnpool2d,
  tensor,
  type Tensor,
} from '../../src/engine';
import { countByOp, firstMismatch, loadCases, loadMeta, type FixtureCase, type FixtureTensor } from '../fixtures';

const cases = loadCases('torch-cases.json');
const byOp = (op: string): FixtureCase[] => cases.filter((c) => c.op === op);

const t = (f: FixtureTensor): Tensor => tensor(f.shape, f.data);
const pair = (c: FixtureCase, key: string): [number, number] => {
  const v = c.params[key] as number[];
  return [v[0], v[1]];
};
const tol = (c: FixtureCase): number => (c.params.mode === 'int' ? 0 : 1e-9);
const bias = (c: FixtureCase): Tensor | undefined => (c.params.has_bias ? t(c.inputs.bias) : undefined);

function expectMatches(got: Tensor, want: FixtureTensor, tolerance: number): void {
  expect(got.shape).toEqual(want.shape);
  expect(firstMismatch(got.data, want.data, tolerance)).toBeNull();
}

const transposeOptions = (c: FixtureCase) => ({
  bias: bias(c),
  stride: pair(c, 'stride'),
  padding: pair(c, 'padding'),
  outputPadding: pair(c, 'output_padding'),
  dilation: pair(c, 'dilation'),
  groups: c.params.groups as number,
});

it('the fixture file holds the 300 cases its README describes, each id once, as many of each op as its own meta lists', () => {
  expect(cases.length).toBe(300);
  const ops = new Set(cases.map((c) => c.op));
  expect([...ops].sort()).toEqual(['avg_pool2d', 'conv2d', 'conv_transpose2d', 'max_pool2d', 'max_unpool2d']);
  const meta = loadMeta('torch-cases.json');
  expect(meta.count).toBe(cases.length);
  expect(countByOp(cases)).toEqual(meta.counts);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe('conv2d', () => {
  it.each(byOp('conv2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = conv2d(t(c.inputs.x), t(c.inputs.weight), {
      bias: bias(c),
      stride: pair(c, 'stride'),
      padding: pair(c, 'padding'),
      dilation: pair(c, 'dilation'),
      groups: c.params.groups as number,
    });
    expectMatches(out, c.expected.output, tol(c));
  });
});

describe('convTranspose2d', () => {
  it.each(byOp('conv_transpose2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = convTranspose2d(t(c.inputs.x), t(c.inputs.weight), transposeOptions(c));
    expectMatches(out, c.expected.output, tol(c));
  });
});

describe('convTranspose2dScatter (teaching form) matches the fixture', () => {
  it.each(byOp('conv_transpose2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { full, output } = convTranspose2dScatter(t(c.inputs.x), t(c.inputs.weight), transposeOptions(c));
    expectMatches(output, c.expected.output, tol(c));
    // The canvas (output padding included) is the output plus the rows/columns padding crops away.
    const [ph, pw] = pair(c, 'padding');
    const [, , outH, outW] = c.expected.output.shape;
    expect(full.shape.slice(2)).toEqual([outH + 2 * ph, outW + 2 * pw]);
  });
});

describe('convTranspose2dDirect (teaching form) matches the fixture', () => {
  it.each(byOp('conv_transpose2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { output, zeroInserted, flippedWeight } = convTranspose2dDirect(t(c.inputs.x), t(c.inputs.weight), transposeOptions(c));
    expectMatches(output, c.expected.output, tol(c));
    const [n, cin, h, w] = c.inputs.x.shape;
    const [sh, sw] = pair(c, 'stride');
    expect(zeroInserted.shape).toEqual([n, cin, (h - 1) * sh + 1, (w - 1) * sw + 1]);
    const [, outPerGroup, kH, kW] = c.inputs.weight.shape;
    const groups = c.params.groups as number;
    expect(flippedWeight.shape).toEqual([outPerGroup * groups, cin / groups, kH, kW]);
  });
});

describe('maxPool2d', () => {
  it.each(byOp('max_pool2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { output, indices } = maxPool2d(t(c.inputs.x), {
      kernelSize: pair(c, 'kernel'),
      stride: pair(c, 'stride'),
      padding: pair(c, 'padding'),
      dilation: pair(c, 'dilation'),
    });
    expectMatches(output, c.expected.output, tol(c));
    expectMatches(indices, c.expected.indices, 0);
  });
});

describe('maxUnpool2d', () => {
  it.each(byOp('max_unpool2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = maxUnpool2d(t(c.inputs.x), t(c.inputs.indices), {
      kernelSize: pair(c, 'kernel'),
      stride: pair(c, 'stride'),
      padding: pair(c, 'padding'),
      outputSize: pair(c, 'output_size'),
    });
    expectMatches(out, c.expected.output, tol(c));
  });
});

describe('avgPool2d', () => {
  it.each(byOp('avg_pool2d').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = avgPool2d(t(c.inputs.x), {
      kernelSize: pair(c, 'kernel'),
      stride: pair(c, 'stride'),
      padding: pair(c, 'padding'),
      countIncludePad: c.params.count_include_pad as boolean,
    });
    expectMatches(out, c.expected.output, tol(c));
  });
});
