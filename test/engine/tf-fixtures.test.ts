/**
 * Every case of ../shared/fixtures/tf-cases.json (TensorFlow.js 4.22, cross-checked in float64),
 * read at test time: int cases exactly, float cases to 1e-5·max(1, |expected|), argmax exactly.
 */
import { describe, expect, it } from 'vitest';
import { ShapeError, tensor, tf, tfLegalTransposeSizes, type Tensor, type TfPadding } from '../../src/engine';
import { countByOp, firstMismatch, loadCases, loadMeta, type FixtureCase, type FixtureTensor } from '../fixtures';

const cases = loadCases('tf-cases.json');

const toTensor = (t: FixtureTensor): Tensor => tensor(t.shape, t.data);
const pair = (v: unknown): [number, number] => v as [number, number];
const tolOf = (c: FixtureCase): number => (c.params.mode === 'int' ? 0 : 1e-5);

function expectClose(got: Tensor, want: FixtureTensor, tol: number): void {
  expect(got.shape).toEqual(want.shape);
  expect(firstMismatch(got.data, want.data, tol)).toBeNull();
}

/** Every whole number from lo to hi: the fixture lists each axis's legal sizes as [lo, hi]. */
function range([lo, hi]: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

function transposeArgs(c: FixtureCase) {
  const value = toTensor(c.inputs.value);
  const filter = toTensor(c.inputs.filter);
  const outputShape = c.params.output_shape as number[];
  const strides = pair(c.params.strides);
  const padding = c.params.padding as TfPadding;
  return { value, filter, outputShape, strides, padding };
}

/** The legal output sizes per axis, from shape.ts, for a transposed case. */
function legalSizes(c: FixtureCase): [number[], number[]] {
  const [, h, w] = c.inputs.value.shape;
  const [kh, kw] = c.inputs.filter.shape;
  const [sh, sw] = pair(c.params.strides);
  const padding = c.params.padding as TfPadding;
  return [tfLegalTransposeSizes(h, kh, sh, padding), tfLegalTransposeSizes(w, kw, sw, padding)];
}

describe('tf-cases.json', () => {
  it('holds cases of every TensorFlow op', () => {
    const ops = new Set(cases.map((c) => c.op));
    expect([...ops].sort()).toEqual(['tf_conv2d', 'tf_conv2d_transpose', 'tf_conv2d_transpose_invalid', 'tf_max_pool_with_argmax']);
  });

  it('holds the 163 cases its README describes, each id once, as many of each op as its own meta lists', () => {
    const meta = loadMeta('tf-cases.json');
    expect(cases).toHaveLength(163);
    expect(meta.total).toBe(cases.length);
    expect(countByOp(cases)).toEqual(meta.counts);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(c.id, () => {
      switch (c.op) {
        case 'tf_conv2d': {
          const got = tf.conv2d(toTensor(c.inputs.input), toTensor(c.inputs.filter), {
            strides: pair(c.params.strides),
            padding: c.params.padding as TfPadding,
            dilations: pair(c.params.dilations),
          });
          expectClose(got, c.expected.output, tolOf(c));
          break;
        }
        case 'tf_conv2d_transpose': {
          const a = transposeArgs(c);
          const [legalH, legalW] = legalSizes(c);
          const [fixH, fixW] = c.params.legal_output_hw as number[][];
          expect(legalH).toEqual(range(fixH));
          expect(legalW).toEqual(range(fixW));
          const got = tf.conv2dTranspose(a.value, a.filter, a.outputShape, { strides: a.strides, padding: a.padding });
          expectClose(got, c.expected.output, tolOf(c));
          break;
        }
        case 'tf_conv2d_transpose_invalid': {
          const a = transposeArgs(c);
          const [computed, actual] = [c.expected.computed ?? [], c.expected.actual ?? []];
          expect(computed).toHaveLength(2);
          expect(actual).toHaveLength(2);
          let thrown: unknown;
          try {
            tf.conv2dTranspose(a.value, a.filter, a.outputShape, { strides: a.strides, padding: a.padding });
          } catch (e) {
            thrown = e;
          }
          expect(thrown).toBeInstanceOf(ShapeError);
          const err = thrown as ShapeError;
          expect(err.code).toBe('output-shape');
          expect(err.param).toBe('outputShape');
          expect(err.message).toContain(`${computed[0]}×${computed[1]}`);
          expect(err.message).toContain(`${actual[0]}×${actual[1]}`);
          expect(err.details.computed).toEqual(computed);
          expect(err.details.actual).toEqual(actual);
          const [legalH, legalW] = legalSizes(c);
          const [fixH, fixW] = c.params.legal_output_hw as number[][];
          expect(err.details.legalH).toEqual(range(fixH));
          expect(err.details.legalW).toEqual(range(fixW));
          expect([legalH, legalW]).toEqual([range(fixH), range(fixW)]);
          break;
        }
        case 'tf_max_pool_with_argmax': {
          const got = tf.maxPoolWithArgmax(toTensor(c.inputs.input), {
            ksize: pair(c.params.ksize),
            strides: pair(c.params.strides),
            padding: c.params.padding as TfPadding,
            includeBatchInIndex: c.params.include_batch_in_index === true,
          });
          expectClose(got.output, c.expected.output, tolOf(c));
          expectClose(got.argmax, c.expected.argmax, 0);
          break;
        }
        default:
          throw new Error(`unknown op ${c.op} in ${c.id}`);
      }
    });
  }
});
