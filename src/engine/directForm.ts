/**
 * The arithmetic of a transposed convolution written as the tutorials' three steps (zero
 * insertion, the flipped kernel with p′, a stride-1 convolution). Apart from shape.ts because
 * only the direct view uses it: the first page does without.
 */
import { convOutSize, directPadding, effectiveKernel, zeroInsertedSize, type ConvTranspose2DInfo } from './shape';

/**
 * One axis of a transposed convolution as the tutorials' three steps, with every number their
 * formulas use: (1) the zero-inserted size H′ = H + (H − 1)(s − 1); (2) the transposed kernel's
 * padding p′ = d(k − 1) − p per side (k − p − 1 when d = 1; the output padding `a` goes after),
 * its extent k′ = d(k − 1) + 1 and s′ = 1; (3) the stride-1 convolution's size
 * (H′ + p′before + p′after − k′)/1 + 1, which is the transposed convolution's output.
 */
export interface DirectAxis {
  readonly i: number;
  readonly s: number;
  readonly k: number;
  readonly d: number;
  /** The transposed convolution's own padding before / after (PyTorch: p on both sides). */
  readonly p: readonly [number, number];
  readonly a: number;
  readonly zero: number;
  /** p′ before / after (after includes `a`). */
  readonly pPrime: readonly [number, number];
  readonly kPrime: number;
  readonly padded: number;
  readonly out: number;
  /** The tutorials' simpler formulas hold as written: d = 1, a = 0, the same padding on both sides. */
  readonly simple: boolean;
}

export function directAxis(info: ConvTranspose2DInfo, axis: 0 | 1): DirectAxis {
  const h = axis === 0;
  const i = h ? info.inH : info.inW;
  const s = h ? info.strideH : info.strideW;
  const k = h ? info.kH : info.kW;
  const d = h ? info.dilationH : info.dilationW;
  const p: [number, number] = h ? [info.pad.top, info.pad.bottom] : [info.pad.left, info.pad.right];
  const a = h ? info.outputPaddingH : info.outputPaddingW;
  const zero = zeroInsertedSize(i, s);
  const pPrime: [number, number] = [directPadding(k, d, p[0]), directPadding(k, d, p[1]) + a];
  const padded = zero + pPrime[0] + pPrime[1];
  return {
    i, s, k, d, p, a, zero, pPrime, kPrime: effectiveKernel(k, d), padded,
    out: convOutSize(zero, k, 1, pPrime[0] + pPrime[1], d),
    simple: d === 1 && a === 0 && p[0] === p[1],
  };
}
