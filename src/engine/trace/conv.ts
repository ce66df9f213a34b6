/** Step plan of a convolution: each output cell with the input and kernel taps that feed it. */
import type { Conv2DInfo } from '../shape';
import { checkPlane, checkStepIndex, groupChannels, type ConvPlan, type ConvStep, type ConvTerm, type PlaneChoice } from './plan';

/**
 * The plan of convolution `info` on output plane (n, channel) (both default to 0).
 * O(Cin/g) to build; holds no per-cell data.
 */
export function convPlan(info: Conv2DInfo, choice: PlaneChoice = {}): ConvPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.outChannels, 'output channel');
  const group = Math.floor(channel / info.outPerGroup);
  return { kind: 'conv', info, n, outChannel: channel, group, inputChannels: groupChannels(group, info.inPerGroup) };
}

/** Number of steps: one per output cell, outH·outW. */
export function convStepCount(plan: ConvPlan): number {
  return plan.info.outH * plan.info.outW;
}

/**
 * Step i: output cell (⌊i / outW⌋, i mod outW) and its Cin/g·kH·kW terms (padding taps
 * included and flagged). Throws a ShapeError for an i outside [0, stepCount). Allocates the terms.
 */
export function convStep(plan: ConvPlan, i: number): ConvStep {
  const { info, n, outChannel } = plan;
  checkStepIndex(i, convStepCount(plan));
  const { inH, inW, kH, kW, strideH, strideW, dilationH, dilationW, pad, inChannels, inPerGroup, outChannels, outH, outW } = info;
  const oy = Math.floor(i / outW);
  const ox = i % outW;
  const top = oy * strideH - pad.top;
  const left = ox * strideW - pad.left;
  const terms: ConvTerm[] = [];
  for (let c = 0; c < inPerGroup; c++) {
    const inputChannel = plan.inputChannels[c];
    const xBase = (n * inChannels + inputChannel) * inH * inW;
    const wBase = (outChannel * inPerGroup + c) * kH * kW;
    for (let ky = 0; ky < kH; ky++) {
      const iy = top + ky * dilationH;
      for (let kx = 0; kx < kW; kx++) {
        const ix = left + kx * dilationW;
        const padding = iy < 0 || iy >= inH || ix < 0 || ix >= inW;
        terms.push({ inputChannel, iy, ix, padding, xIndex: padding ? -1 : xBase + iy * inW + ix, ky, kx, wIndex: wBase + ky * kW + kx });
      }
    }
  }
  const outIndex = ((n * outChannels + outChannel) * outH + oy) * outW + ox;
  return { kind: 'conv', index: i, target: { oy, ox, outIndex }, window: { top, left }, terms };
}

/** An output cell an input cell feeds, and the kernel cell that links them. */
export interface ConvFeed {
  readonly oy: number;
  readonly ox: number;
  readonly outIndex: number;
  readonly ky: number;
  readonly kx: number;
}

/**
 * Every output cell of the plan's plane that input cell (iy, ix) feeds (for hover linking),
 * with the kernel cell on it; row-major in (ky, kx). (iy, ix) may be a padding cell
 * (−padTop ≤ iy < inH + padBottom). At most kH·kW results; the same for every input channel
 * of the group. Allocates the list.
 */
export function convFeeds(plan: ConvPlan, iy: number, ix: number): ConvFeed[] {
  const { kH, kW, strideH, strideW, dilationH, dilationW, pad, outH, outW, outChannels } = plan.info;
  const out: ConvFeed[] = [];
  for (let ky = 0; ky < kH; ky++) {
    const oy = tapOrigin(iy + pad.top - ky * dilationH, strideH, outH);
    if (oy < 0) continue;
    for (let kx = 0; kx < kW; kx++) {
      const ox = tapOrigin(ix + pad.left - kx * dilationW, strideW, outW);
      if (ox < 0) continue;
      out.push({ oy, ox, outIndex: ((plan.n * outChannels + plan.outChannel) * outH + oy) * outW + ox, ky, kx });
    }
  }
  return out;
}

/** The output index o with o·s = v and 0 ≤ o < size, or −1. */
function tapOrigin(v: number, s: number, size: number): number {
  if (v < 0 || v % s !== 0) return -1;
  const o = v / s;
  return o < size ? o : -1;
}
