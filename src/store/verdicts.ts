/**
 * The engine's verdicts on the picture on screen (engine/verdicts.ts), as selectors derived
 * once per picture: null before the first picture or for an operation the verdict is not about.
 */
import { adjointHolds, formsAgree, roundTripChanges } from '../engine';
import type { Picture } from './resultsSlice';
import type { State } from './index';

/** A selector of `verdict(picture)`, recomputed only when the picture changes (the same value comes back between). */
function pictureSelector<T>(verdict: (p: Picture) => T | null): (s: State) => T | null {
  let last: Picture | null = null;
  let value: T | null = null;
  return (s) => {
    if (s.picture !== last) {
      last = s.picture;
      value = s.picture ? verdict(s.picture) : null;
    }
    return value;
  };
}

/** Whether the transposed convolution's scatter and direct form agree (transposed convolutions only). */
export const selectFormsAgree = pictureSelector((p) => (p.numbers.op === 'convT' ? formsAgree(p.numbers) : null));

/** Whether ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ holds on the picture's numbers (convolutions). */
export const selectAdjointHolds = pictureSelector((p) => (p.numbers.op === 'unpool' ? null : adjointHolds(p.numbers.adjoint)));

/** The input cells (flat NCHW) the round trip changes (convolutions). */
export const selectRoundTripChanges = pictureSelector((p) => (p.numbers.op === 'unpool' ? null : roundTripChanges(p.x, p.numbers.roundTrip)));
