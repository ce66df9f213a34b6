/**
 * The scatter canvas as it stands after a number of stamps, so the transposed convolution's
 * scatter view shows the partial sums without computing any. Apart from evaluate.ts because
 * it needs the scatter's trace code, which only the transposed views load.
 */
import type { ConvTransposeScatterPlan } from './trace/plan';
import { convTransposeScatterStep, convTransposeScatterStepCount } from './trace/convTransposeScatter';

/**
 * The uncropped scatter canvas canvasH × canvasW (output padding included) of the
 * plan's plane after stamps 0 … `upTo` (inclusive; −1 for none). O(upTo · window). Allocates the canvas.
 */
export function scatterCanvasAfter(plan: ConvTransposeScatterPlan, upTo: number, x: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  const { info } = plan;
  const { canvasH, canvasW } = info;
  const canvas = new Float64Array(canvasH * canvasW);
  const last = Math.min(upTo, convTransposeScatterStepCount(plan) - 1);
  for (let i = 0; i <= last; i++) {
    for (const term of convTransposeScatterStep(plan, i).terms) canvas[term.fullY * canvasW + term.fullX] += x[term.xIndex] * w[term.wIndex];
  }
  return canvas;
}
