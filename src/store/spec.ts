/** The engine's question for the learner's params (their URL spelling turned into the engine's). */
import type { ExploreSpec } from '../engine';
import { DEFAULTS, type Params } from './urlParams';

/**
 * The engine's question for these params. Image mode asks its own questions (src/image/), so
 * its numeric picture is the default convolution's: always valid, never computed while it shows.
 */
export function specOf(p: Params): ExploreSpec {
  if (p.op === 'image') return specOf(DEFAULTS);
  return {
    op: p.op,
    fw: p.fw,
    input: p.in,
    kernel: p.k,
    stride: p.s,
    padding: typeof p.p === 'string' ? (p.p === 'same' ? 'SAME' : 'VALID') : p.p,
    dilation: p.d,
    outputPadding: p.a,
    outputShape: p.out,
    channels: { in: p.cin, out: p.op === 'unpool' ? p.cin : p.cout, groups: p.op === 'unpool' ? 1 : p.g },
    pool: p.pool,
  };
}
