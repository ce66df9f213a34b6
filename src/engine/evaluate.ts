/**
 * Values for a step's terms, so the UI shows the arithmetic without doing any: the products
 * of an equation. (The scatter canvas after a number of stamps is in scatterCanvas.ts, so the
 * convolution view, which needs only this, does not bring the scatter's trace code with it.)
 */

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
