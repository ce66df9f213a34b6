/** Step plans of pooling: each pooled cell with its window (max: and the switch that won). */
import { ShapeError } from '../errors';
import { tfArgmaxIndex } from '../poolIndices';
import type { Pool2DInfo } from '../shape';
import {
  checkPlane,
  checkStepIndex,
  switchesOfPlane,
  type AvgPoolPlan,
  type AvgPoolStep,
  type MaxPoolPlan,
  type MaxPoolStep,
  type PlaneChoice,
  type PoolWindowCell,
} from './plan';

/**
 * The max-pooling plan of `info` on plane (n, channel) (both default to 0). `indices` are the
 * switches maxPool2d returned for the whole output `[N, C, outH, outW]` (flat y·W + x per
 * plane); the plan copies this plane's outH·outW of them. Refuses indices of the wrong length.
 */
export function maxPoolPlan(info: Pool2DInfo, indices: ArrayLike<number>, choice: PlaneChoice = {}): MaxPoolPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.channels, 'channel');
  const own = switchesOfPlane(indices, info.batch, info.channels, info.outH, info.outW, n, channel, 'output');
  return { kind: 'maxPool', info, n, channel, indices: own };
}

/** Number of steps of a pooling plan: one per pooled cell, outH·outW. */
export function poolStepCount(plan: MaxPoolPlan | AvgPoolPlan): number {
  return plan.info.outH * plan.info.outW;
}

/** The kH·kW cells (dilated) of pooled cell (oy, ox)'s window, row-major, padding flagged. */
function windowCells(info: Pool2DInfo, planeBase: number, oy: number, ox: number, dilationH: number, dilationW: number): PoolWindowCell[] {
  const { inH, inW, kH, kW, strideH, strideW, pad } = info;
  const cells: PoolWindowCell[] = [];
  for (let ky = 0; ky < kH; ky++) {
    const iy = oy * strideH - pad.top + ky * dilationH;
    for (let kx = 0; kx < kW; kx++) {
      const ix = ox * strideW - pad.left + kx * dilationW;
      const padding = iy < 0 || iy >= inH || ix < 0 || ix >= inW;
      const planeIndex = padding ? -1 : iy * inW + ix;
      cells.push({ ky, kx, iy, ix, padding, planeIndex, xIndex: padding ? -1 : planeBase + planeIndex });
    }
  }
  return cells;
}

/**
 * Step i: pooled cell (⌊i / outW⌋, i mod outW), its kH·kW window and the switch (PyTorch's
 * y·W + x and TensorFlow's flattened index). Refuses a switch that is not a real cell of the
 * window (indices from another input), and an i outside [0, stepCount). Allocates the window.
 */
export function maxPoolStep(plan: MaxPoolPlan, i: number): MaxPoolStep {
  checkStepIndex(i, poolStepCount(plan));
  const { info, n, channel } = plan;
  const { inH, inW, outH, outW, channels } = info;
  const oy = Math.floor(i / outW);
  const ox = i % outW;
  const planeBase = (n * channels + channel) * inH * inW;
  const window = windowCells(info, planeBase, oy, ox, info.dilationH, info.dilationW);
  const planeIndex = plan.indices[i];
  const windowIndex = window.findIndex((c) => !c.padding && c.planeIndex === planeIndex);
  if (windowIndex < 0) {
    throw new ShapeError(
      'indices',
      'indices',
      `The switch of pooled cell (${oy}, ${ox}) is ${planeIndex}, which is not a cell of its window. ` +
        `Pass the indices maxPool2d returned for this input and these pooling options.`,
      { got: planeIndex, oy, ox },
    );
  }
  const iy = Math.floor(planeIndex / inW);
  const ix = planeIndex % inW;
  return {
    kind: 'maxPool',
    index: i,
    target: { oy, ox, outIndex: ((n * channels + channel) * outH + oy) * outW + ox },
    window,
    switch: {
      iy,
      ix,
      planeIndex,
      tfIndex: tfArgmaxIndex(planeIndex, channel, channels),
      tfIndexWithBatch: tfArgmaxIndex(planeIndex, channel, channels, n, inH * inW),
      xIndex: planeBase + planeIndex,
      windowIndex,
    },
  };
}

/**
 * The average-pooling plan of `info` on plane (n, channel) (both default to 0).
 * `countIncludePad` as PyTorch (default true). Windows are kH×kW contiguous cells, as
 * avgPoolKernel computes them (average pooling has no dilation). Holds no per-cell data.
 */
export function avgPoolPlan(info: Pool2DInfo, opts: PlaneChoice & { readonly countIncludePad?: boolean } = {}): AvgPoolPlan {
  const { n, channel } = checkPlane(opts, info.batch, info.channels, 'channel');
  return { kind: 'avgPool', info, n, channel, countIncludePad: opts.countIncludePad ?? true };
}

/**
 * Step i: pooled cell (⌊i / outW⌋, i mod outW) and its kH·kW window, each real cell weighing
 * 1/divisor (padding 0). Throws a ShapeError for an i outside [0, stepCount). Allocates the window.
 */
export function avgPoolStep(plan: AvgPoolPlan, i: number): AvgPoolStep {
  checkStepIndex(i, poolStepCount(plan));
  const { info, n, channel } = plan;
  const { inH, inW, outH, outW, kH, kW, strideH, strideW, pad, channels } = info;
  const oy = Math.floor(i / outW);
  const ox = i % outW;
  const cells = windowCells(info, (n * channels + channel) * inH * inW, oy, ox, 1, 1);
  let divisor: number;
  if (plan.countIncludePad) {
    // PyTorch divides by the window clipped to the padded input, not by kH·kW.
    const y0 = oy * strideH - pad.top;
    const x0 = ox * strideW - pad.left;
    divisor = (Math.min(y0 + kH, inH + pad.bottom) - y0) * (Math.min(x0 + kW, inW + pad.right) - x0);
  } else {
    divisor = cells.reduce((count, c) => count + (c.padding ? 0 : 1), 0);
  }
  return {
    kind: 'avgPool',
    index: i,
    target: { oy, ox, outIndex: ((n * channels + channel) * outH + oy) * outW + ox },
    divisor,
    // Field by field: an object spread here is many times slower in V8.
    window: cells.map((c) => ({
      ky: c.ky, kx: c.kx, iy: c.iy, ix: c.ix, padding: c.padding, planeIndex: c.planeIndex, xIndex: c.xIndex,
      weight: c.padding ? 0 : 1 / divisor,
    })),
  };
}
