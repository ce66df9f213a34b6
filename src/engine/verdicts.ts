/**
 * The page's verdicts on its own numbers: do the transposed convolution's two forms agree, does
 * the adjoint identity hold, which cells does the round trip change. Decided here, with one
 * tolerance, so no view judges numbers by its own rule.
 */
import type { AdjointCheck } from './exploreNumbers';
import type { Tensor } from './tensor';

/**
 * Two engine numbers that add the same products in different orders may differ in their last
 * bits: they count as the same within this relative tolerance (exact for integers).
 */
export const SAME_NUMBER_TOLERANCE = 1e-9;

/** Whether two engine numbers are the same up to SAME_NUMBER_TOLERANCE (relative, at least absolute). */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= SAME_NUMBER_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Flat indices where `a` and `b` hold different numbers (sameNumber), over their common length. Allocates the list. */
export function differingCells(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (!sameNumber(a[i], b[i])) out.push(i);
  return out;
}

/** Whether two tensors have the same shape and the same number in every cell. */
export function sameTensor(a: Pick<Tensor, 'shape' | 'data'>, b: Pick<Tensor, 'shape' | 'data'>): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
  return a.data.length === b.data.length && differingCells(a.data, b.data).length === 0;
}

/** The transposed convolution's scatter and its direct form (zero insertion, p', flip, stride 1) give the same output. */
export function formsAgree(numbers: { readonly output: Tensor; readonly directOutput: Tensor }): boolean {
  return sameTensor(numbers.output, numbers.directOutput);
}

/** ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ holds on the check's numbers (the two inner products are the same number). */
export function adjointHolds(check: Pick<AdjointCheck, 'outputDotProbe' | 'inputDotImage'>): boolean {
  return sameNumber(check.outputDotProbe, check.inputDotImage);
}

/** The cells (flat NCHW) where the round trip back to the input's shape differs from the input `x`. Allocates the list. */
export function roundTripChanges(x: ArrayLike<number>, roundTrip: Tensor): number[] {
  return differingCells(x, roundTrip.data);
}
