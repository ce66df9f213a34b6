/**
 * The explorer's numbers (the worker's side of explore.ts): kept in their own module so the
 * page's first load, which only validates shapes, does not carry the numeric kernels.
 */
import { explore, type ExploreSpec } from './explore';
import { conv2dKernel } from './kernels/conv2d';
import { convTranspose2dKernel } from './kernels/convTranspose2d';
import { convTranspose2dDirectFromInfo, convTranspose2dScatterFromInfo } from './ops/convTranspose2d';
import { tensor, type Tensor } from './tensor';

/** The numbers of an exploration. Conv: output. ConvT: output, the scatter canvas and the direct form's stages. */
export type ExploreNumbers =
  | { readonly op: 'conv'; readonly output: Tensor }
  | {
      readonly op: 'convT';
      readonly output: Tensor;
      /** The uncropped scatter canvas (output padding included). */
      readonly full: Tensor;
      readonly zeroInserted: Tensor;
      readonly padded: Tensor;
      readonly flippedWeight: Tensor;
      /** The direct form's own output: equal to `output` (the page says so, the tests prove it). */
      readonly directOutput: Tensor;
    };

/**
 * Computes an exploration: x holds inH·inW values, w holds kH·kW (row-major).
 * Validates everything first (throws ShapeError). Allocates the result tensors.
 */
export function computeExplore(spec: ExploreSpec, x: ArrayLike<number>, w: ArrayLike<number>): ExploreNumbers {
  const e = explore(spec);
  const xt = tensor([1, 1, e.info.inH, e.info.inW], x);
  const wt = tensor([1, 1, e.info.kH, e.info.kW], w);
  if (e.op === 'conv') {
    const data = conv2dKernel(e.info, xt.data, wt.data);
    return { op: 'conv', output: { shape: [1, 1, e.info.outH, e.info.outW], data } };
  }
  const data = convTranspose2dKernel(e.info, xt.data, wt.data);
  const scatter = convTranspose2dScatterFromInfo(e.info, xt, wt);
  const direct = convTranspose2dDirectFromInfo(e.info, xt, wt);
  return {
    op: 'convT',
    output: { shape: [1, 1, e.info.outH, e.info.outW], data },
    full: scatter.full,
    zeroInserted: direct.zeroInserted,
    padded: direct.padded,
    flippedWeight: direct.flippedWeight,
    directOutput: direct.output,
  };
}
