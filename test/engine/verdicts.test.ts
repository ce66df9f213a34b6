/**
 * The verdicts the page states about its own numbers (src/engine/verdicts.ts), with the one
 * tolerance: floating-point noise from another order of additions is the same number, a real
 * difference is not.
 */
import { describe, expect, it } from 'vitest';
import {
  adjointHolds, computeExplore, differingCells, formsAgree, roundTripChanges, SAME_NUMBER_TOLERANCE, sameNumber, sameTensor, type ExploreSpec,
} from '../../src/engine';

const spec: ExploreSpec = {
  op: 'convT', fw: 'torch', input: [3, 3], kernel: [3, 3], stride: [2, 2], padding: [1, 1],
  dilation: [1, 1], outputPadding: [1, 1], outputShape: null,
};

describe('sameNumber, differingCells, sameTensor', () => {
  it('0.1 + 0.2 is 0.3; 1 is not 1.001; the tolerance is relative to the larger number', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameNumber(1, 1.001)).toBe(false);
    expect(sameNumber(1e6, 1e6 * (1 + SAME_NUMBER_TOLERANCE / 2))).toBe(true);
    expect(sameNumber(1e6, 1e6 * (1 + 10 * SAME_NUMBER_TOLERANCE))).toBe(false);
    expect(sameNumber(Number.NaN, Number.NaN)).toBe(false);
  });

  it('differingCells lists the real differences only; sameTensor also compares shapes', () => {
    expect(differingCells([1, 2, 0.1 + 0.2, 4], [1, 5, 0.3, 3])).toEqual([1, 3]);
    const a = { shape: [1, 1, 2, 2], data: new Float64Array([1, 2, 3, 4]) };
    expect(sameTensor(a, { shape: [1, 1, 2, 2], data: new Float64Array([1, 2, 3, 4]) })).toBe(true);
    expect(sameTensor(a, { shape: [1, 1, 2, 2], data: new Float64Array([1, 2, 3, 5]) })).toBe(false);
    expect(sameTensor(a, { shape: [1, 1, 4, 1], data: new Float64Array([1, 2, 3, 4]) })).toBe(false);
  });
});

describe('the verdicts on an exploration (3×3, k=3, s=2, p=1, a=1 → 6×6)', () => {
  const x = Array.from({ length: 9 }, (_, i) => i - 4);
  const w = Array.from({ length: 9 }, (_, i) => (i % 3) - 1);
  const numbers = computeExplore(spec, x, w);
  if (numbers.op !== 'convT') throw new Error('expected a transposed convolution');

  it('the scatter and the direct form agree; a changed cell of the direct output is caught', () => {
    expect(formsAgree(numbers)).toBe(true);
    const broken = Float64Array.from(numbers.directOutput.data);
    broken[7] += 1;
    expect(formsAgree({ output: numbers.output, directOutput: { shape: numbers.directOutput.shape, data: broken } })).toBe(false);
  });

  it('the adjoint identity holds, and a wrong inner product is caught', () => {
    expect(adjointHolds(numbers.adjoint)).toBe(true);
    expect(adjointHolds({ ...numbers.adjoint, inputDotImage: numbers.adjoint.inputDotImage + 1 })).toBe(false);
  });

  it('the round trip: the cells whose value came back different, none when they all come back', () => {
    const changes = roundTripChanges(x, numbers.roundTrip);
    expect(changes).toEqual(x.flatMap((v, i) => (numbers.roundTrip.data[i] === v ? [] : [i])));
    expect(roundTripChanges(numbers.roundTrip.data, numbers.roundTrip)).toEqual([]);
  });
});
