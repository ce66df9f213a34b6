/**
 * The indices pooling records and unpooling reads: TensorFlow's argmax position and the check
 * that every switch names a cell. Apart from shape.ts because only the pooling traces and ops
 * use them: the first page does without.
 */
import { ShapeError } from './errors';
import type { Unpool2DInfo } from './shape';

/**
 * TensorFlow's max_pool_with_argmax index of the maximum at `planeIndex` (y·W + x) of channel
 * `channel` of `channels`: (y·W + x)·C + c, the position in NHWC memory. With
 * include_batch_in_index, batch item `n` of planes of `planeSize` cells adds n·H·W·C:
 * ((n·H + y)·W + x)·C + c.
 */
export function tfArgmaxIndex(planeIndex: number, channel: number, channels: number, n = 0, planeSize = 0): number {
  return (n * planeSize + planeIndex) * channels + channel;
}

/**
 * Every switch must be a whole number naming a cell of the unpooled plane (y·W + x), as
 * maxUnpool2d requires. `offset` is where `data` starts in the whole indices tensor (messages
 * name positions in it).
 */
export function checkUnpoolIndices(data: ArrayLike<number>, info: Unpool2DInfo, offset = 0): void {
  const cells = info.outH * info.outW;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (Number.isInteger(v) && v >= 0 && v < cells) continue;
    const what = Number.isInteger(v) ? 'outside' : 'not a whole number in';
    throw new ShapeError(
      'indices',
      'indices',
      `indices holds ${v} at position ${offset + i}, which is ${what} the range 0 to ${cells - 1} of a ${info.outH}×${info.outW} unpooled plane ` +
        `(each index is y·W + x). Use the indices maxPool2d returned for an input of this size, or pick a matching outputSize.`,
      { index: offset + i, got: v, max: cells - 1, outputSize: [info.outH, info.outW] },
    );
  }
}
