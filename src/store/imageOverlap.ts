/**
 * The overlap plans of image mode's ×2 comparison (pure, unit-tested). Apart from imageParams.ts
 * because a plan needs the transposed convolution's trace code: it loads with the overlap maps,
 * only when the comparison is on screen, not with image mode's first load.
 */
import { computeConvTranspose2DInfo, convTransposeScatterPlan, doublingPads, symmetricPads, type ConvTransposeScatterPlan } from '../engine';

/** The stride-2 transposed convolution that doubles a side with a k×k kernel, on a side×side input (its plan draws the overlap map). */
export function upsamplingPlan(k: number, side: number): ConvTransposeScatterPlan {
  const { padding, outputPadding } = doublingPads(k);
  const info = computeConvTranspose2DInfo([1, 1, side, side], [1, 1, k, k], {
    stride: [2, 2], pad: symmetricPads(padding, padding), outputPadding: [outputPadding, outputPadding], dilation: [1, 1], groups: 1,
  });
  return convTransposeScatterPlan(info, { channel: 0 });
}
