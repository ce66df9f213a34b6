/** Step plans of unpooling: each pooled value and the cells it travels to. */
import { checkUnpoolIndices } from '../poolIndices';
import type { Unpool2DInfo } from '../shape';
import {
  checkPlane,
  checkStepIndex,
  switchesOfPlane,
  type AvgUnpoolPlan,
  type AvgUnpoolStep,
  type MaxUnpoolPlan,
  type MaxUnpoolStep,
  type PlaneChoice,
  type UnpoolDestination,
} from './plan';

/**
 * The max-unpooling plan of `info` on plane (n, channel) (both default to 0). `indices` are the
 * switches of the whole pooled tensor `[N, C, inH, inW]` (flat y·W + x of the unpooled plane,
 * as maxPool2d returns them); the plan copies and checks this plane's inH·inW of them, and
 * refuses a wrong length or an index outside the unpooled plane, as maxUnpool2d does.
 */
export function maxUnpoolPlan(info: Unpool2DInfo, indices: ArrayLike<number>, choice: PlaneChoice = {}): MaxUnpoolPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.channels, 'channel');
  const own = switchesOfPlane(indices, info.batch, info.channels, info.inH, info.inW, n, channel, 'input');
  checkUnpoolIndices(own, info, (n * info.channels + channel) * info.inH * info.inW);
  return { kind: 'maxUnpool', info, n, channel, indices: own };
}

/** Number of steps of an unpooling plan: one per pooled value, inH·inW. */
export function unpoolStepCount(plan: MaxUnpoolPlan | AvgUnpoolPlan): number {
  return plan.info.inH * plan.info.inW;
}

/**
 * Step i: pooled cell (⌊i / inW⌋, i mod inW) and the cell its value is written to (later
 * steps overwrite earlier ones at the same cell, as PyTorch does; switches from max pooling
 * only repeat for the same input value). Throws a ShapeError for an i outside [0, stepCount).
 */
export function maxUnpoolStep(plan: MaxUnpoolPlan, i: number): MaxUnpoolStep {
  checkStepIndex(i, unpoolStepCount(plan));
  const { info, n, channel } = plan;
  const { inH, inW, outH, outW, channels } = info;
  const iy = Math.floor(i / inW);
  const ix = i % inW;
  const planeIndex = plan.indices[i];
  const plane = n * channels + channel;
  return {
    kind: 'maxUnpool',
    index: i,
    source: { iy, ix, xIndex: (plane * inH + iy) * inW + ix },
    destination: { oy: Math.floor(planeIndex / outW), ox: planeIndex % outW, planeIndex, outIndex: plane * outH * outW + planeIndex },
  };
}

/** The average-unpooling plan of `info` on plane (n, channel) (both default to 0). Holds no per-cell data. */
export function avgUnpoolPlan(info: Unpool2DInfo, choice: PlaneChoice = {}): AvgUnpoolPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.channels, 'channel');
  return { kind: 'avgUnpool', info, n, channel };
}

/**
 * How many pooled cells' windows (along one axis) cover unpooled position o:
 * #{i ∈ [0, inSize) : 0 ≤ o + p − i·s < k}, in O(1).
 */
export function coveringWindows(o: number, inSize: number, k: number, s: number, p: number): number {
  const lo = Math.max(0, Math.ceil((o + p - k + 1) / s));
  const hi = Math.min(inSize - 1, Math.floor((o + p) / s));
  return Math.max(0, hi - lo + 1);
}

/**
 * Step i: pooled cell (⌊i / inW⌋, i mod inW) and its kH·kW window in the unpooled plane, row-major;
 * each cell inside the output receives value × 1/(windows covering it), so overlapping windows
 * average. Throws a ShapeError for an i outside [0, stepCount). Allocates the destinations.
 */
export function avgUnpoolStep(plan: AvgUnpoolPlan, i: number): AvgUnpoolStep {
  checkStepIndex(i, unpoolStepCount(plan));
  const { info, n, channel } = plan;
  const { inH, inW, outH, outW, kH, kW, strideH, strideW, pad, channels } = info;
  const iy = Math.floor(i / inW);
  const ix = i % inW;
  const plane = n * channels + channel;
  const destinations: UnpoolDestination[] = [];
  for (let ky = 0; ky < kH; ky++) {
    const oy = iy * strideH - pad.top + ky;
    const coverY = oy >= 0 && oy < outH ? coveringWindows(oy, inH, kH, strideH, pad.top) : 0;
    for (let kx = 0; kx < kW; kx++) {
      const ox = ix * strideW - pad.left + kx;
      const coverX = ox >= 0 && ox < outW ? coveringWindows(ox, inW, kW, strideW, pad.left) : 0;
      const covering = coverY * coverX;
      const outside = covering === 0;
      destinations.push({
        ky, kx, oy, ox, outside,
        outIndex: outside ? -1 : (plane * outH + oy) * outW + ox,
        covering,
        weight: outside ? 0 : 1 / covering,
      });
    }
  }
  return { kind: 'avgUnpool', index: i, source: { iy, ix, xIndex: (plane * inH + iy) * inW + ix }, destinations };
}
