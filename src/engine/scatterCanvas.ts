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
  const last = Math.min(upTo, convTransposeScatterStepCount(plan) - 1);
  // Stepping forward continues from the last canvas of this plan and these numbers (a copy:
  // the one handed out stays as it was): the same additions in the same order, so the same sums.
  const before = lastCanvas.get(plan);
  const resume = before && before.x === x && before.w === w && before.upTo <= last ? before : null;
  const canvas = resume ? resume.canvas.slice() : new Float64Array(canvasH * canvasW);
  for (let i = resume ? resume.upTo + 1 : 0; i <= last; i++) {
    for (const term of convTransposeScatterStep(plan, i).terms) canvas[term.fullY * canvasW + term.fullX] += x[term.xIndex] * w[term.wIndex];
  }
  lastCanvas.set(plan, { x, w, upTo: last, canvas });
  return canvas;
}

/** Each plan's last canvas, and the step and numbers it is for. */
const lastCanvas = new WeakMap<ConvTransposeScatterPlan, { x: ArrayLike<number>; w: ArrayLike<number>; upTo: number; canvas: Float64Array }>();
