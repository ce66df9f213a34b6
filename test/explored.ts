/** Test helper: the core record of a convolution or transposed-convolution exploration. */
import type { Conv2DInfo, ConvTranspose2DInfo, Explored } from '../src/engine';

export function infoOf(e: Explored): Conv2DInfo | ConvTranspose2DInfo {
  if (e.op === 'unpool') throw new Error('expected a convolution, got pooling');
  return e.info;
}
