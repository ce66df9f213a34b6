/**
 * Values for a step's terms, so the UI shows the arithmetic without doing any: the products
 * of an equation, and the scatter canvas as it stands after a number of stamps.
 */
import type { ConvTransposeScatterPlan } from './trace/plan';
import { convTransposeScatterStep, convTransposeScatterStepCount } from './trace/convTransposeScatter';

/** A term that multiplies x[xIndex] (0 for padding or inserted zeros: xIndex −1) by w[wIndex]. */
export interface TermRef {
  readonly xIndex: number;
  readonly wIndex: number;
}

/** One product of an equation, with the operands as shown (padding and zeros count as 0). */
export interface Product {
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/** The products of `terms` in order and their sum (what lands in the output cell, bias excluded). Allocates the list. */
export function evaluateTerms(terms: readonly TermRef[], x: ArrayLike<number>, w: ArrayLike<number>): { products: Product[]; sum: number } {
  let sum = 0;
  const products = terms.map((term) => {
    const xv = term.xIndex >= 0 ? x[term.xIndex] : 0;
    const wv = w[term.wIndex];
    const product = xv * wv;
    sum += product;
    return { x: xv, w: wv, product };
  });
  return { products, sum };
}

/**
 * The uncropped scatter canvas (fullH + outputPaddingH) × (fullW + outputPaddingW) of the
 * plan's plane after stamps 0 … `upTo` (inclusive; −1 for none). O(upTo · window). Allocates the canvas.
 */
export function scatterCanvasAfter(plan: ConvTransposeScatterPlan, upTo: number, x: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  const { info } = plan;
  const canvasW = info.fullW + info.outputPaddingW;
  const canvas = new Float64Array((info.fullH + info.outputPaddingH) * canvasW);
  const last = Math.min(upTo, convTransposeScatterStepCount(plan) - 1);
  for (let i = 0; i <= last; i++) {
    for (const term of convTransposeScatterStep(plan, i).terms) canvas[term.fullY * canvasW + term.fullX] += x[term.xIndex] * w[term.wIndex];
  }
  return canvas;
}
