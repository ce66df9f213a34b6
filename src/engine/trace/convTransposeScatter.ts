/** Step plan of a transposed convolution as a scatter: each input cell stamps the kernel onto the output. */
import type { ConvTranspose2DInfo } from '../shape';
import {
  checkPlane,
  checkStepIndex,
  groupChannels,
  type ConvTransposeScatterPlan,
  type ConvTransposeScatterStep,
  type PlaneChoice,
  type ScatterTerm,
} from './plan';

/**
 * The scatter plan of transposed convolution `info` on output plane (n, channel) (both default
 * to 0). O(Cin/g) to build; holds no per-cell data.
 */
export function convTransposeScatterPlan(info: ConvTranspose2DInfo, choice: PlaneChoice = {}): ConvTransposeScatterPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.outChannels, 'output channel');
  const group = Math.floor(channel / info.outPerGroup);
  return {
    kind: 'convTransposeScatter',
    info,
    n,
    outChannel: channel,
    group,
    inputChannels: groupChannels(group, info.inPerGroup),
  };
}

/** Number of steps: one per input position, inH·inW. */
export function convTransposeScatterStepCount(plan: ConvTransposeScatterPlan): number {
  return plan.info.inH * plan.info.inW;
}

/**
 * Step i: input position (⌊i / inW⌋, i mod inW) and the Cin/g·kH·kW canvas cells its stamps
 * cover, cropped ones flagged. Throws a ShapeError for an i outside [0, stepCount). Allocates the terms.
 */
export function convTransposeScatterStep(plan: ConvTransposeScatterPlan, i: number): ConvTransposeScatterStep {
  const { info, n, outChannel } = plan;
  checkStepIndex(i, convTransposeScatterStepCount(plan));
  const { inH, inW, kH, kW, strideH, strideW, dilationH, dilationW, pad, inChannels, inPerGroup, outPerGroup, outChannels, outH, outW } = info;
  const iy = Math.floor(i / inW);
  const ix = i % inW;
  const fullTop = iy * strideH;
  const fullLeft = ix * strideW;
  const cj = outChannel - plan.group * outPerGroup;
  const outBase = (n * outChannels + outChannel) * outH * outW;
  const terms: ScatterTerm[] = [];
  for (let c = 0; c < inPerGroup; c++) {
    const inputChannel = plan.inputChannels[c];
    const xIndex = ((n * inChannels + inputChannel) * inH + iy) * inW + ix;
    const wBase = (inputChannel * outPerGroup + cj) * kH * kW;
    for (let ky = 0; ky < kH; ky++) {
      const fullY = fullTop + ky * dilationH;
      const oy = fullY - pad.top;
      for (let kx = 0; kx < kW; kx++) {
        const fullX = fullLeft + kx * dilationW;
        const ox = fullX - pad.left;
        const cropped = oy < 0 || oy >= outH || ox < 0 || ox >= outW;
        terms.push({
          inputChannel, xIndex, ky, kx, wIndex: wBase + ky * kW + kx, fullY, fullX, oy, ox, cropped,
          outIndex: cropped ? -1 : outBase + oy * outW + ox,
        });
      }
    }
  }
  return { kind: 'convTransposeScatter', index: i, source: { iy, ix }, stamp: { fullTop, fullLeft }, terms };
}

/** An input cell whose stamp reaches an output cell, and the kernel cell that lands there. */
export interface ScatterSource {
  readonly iy: number;
  readonly ix: number;
  readonly ky: number;
  readonly kx: number;
}

/**
 * Every input position whose stamp lands on output cell (oy, ox) (for hover linking and the
 * checkerboard heat map: its length is the number of kernel taps landing there), row-major in
 * (ky, kx). The same for every input channel of the group. At most kH·kW results; allocates the list.
 */
export function scatterSources(plan: ConvTransposeScatterPlan, oy: number, ox: number): ScatterSource[] {
  const { inH, inW, kH, kW, strideH, strideW, dilationH, dilationW, pad } = plan.info;
  const out: ScatterSource[] = [];
  for (let ky = 0; ky < kH; ky++) {
    const vy = oy + pad.top - ky * dilationH;
    if (vy < 0 || vy % strideH !== 0 || vy / strideH >= inH) continue;
    for (let kx = 0; kx < kW; kx++) {
      const vx = ox + pad.left - kx * dilationW;
      if (vx < 0 || vx % strideW !== 0 || vx / strideW >= inW) continue;
      out.push({ iy: vy / strideH, ix: vx / strideW, ky, kx });
    }
  }
  return out;
}
