/**
 * The overlap map under one picture of image mode's ×2 comparison (k = 3 or 4, on a small input).
 * Loaded on demand with the overlap maps' code (the panel's OverlapMap and the transposed
 * convolution's plan), only when the comparison is chosen.
 */
import { useMemo } from 'react';
import { upsamplingPlan } from '../../store/imageOverlap';
import { OverlapMap } from '../CheckerboardView';

/** The side of the small input the overlap maps are drawn for. */
const OVERLAP_SIDE = 5;

/** The overlap map of the ×2 transposed convolution with a k×k kernel; `name` is its grid's accessible name (image mode's words). */
export function ImageOverlap({ k, name }: { readonly k: 3 | 4; readonly name: string }) {
  const plan = useMemo(() => upsamplingPlan(k, OVERLAP_SIDE), [k]);
  return <OverlapMap plan={plan} name={name} brief />;
}
