/**
 * Step plan of a transposed convolution as its equivalent direct convolution, in the three steps
 * the tutorials teach: (1) insert s − 1 zeros between input cells; (2) the transposed kernel:
 * flip it 180°, k′ = k, s′ = 1, padding p′ = d(k − 1) − p per side (k − p − 1 when d = 1), plus
 * the output padding on the bottom/right; (3) slide it over the padded map with stride 1.
 *
 * The stages carry their rule and numbers, not one entry per input cell: `zeroInsertPosition`
 * and `directGridCell` answer for any cell in O(1), so a grid draws itself with a
 * (row, col) → style function and the plan stays O(1) however large the input.
 */
import type { ConvTranspose2DInfo } from '../shape';
import {
  checkPlane,
  checkStepIndex,
  groupChannels,
  type ConvTransposeDirectPlan,
  type ConvTransposeDirectStep,
  type DirectCell,
  type DirectTerm,
  type KernelStage,
  type PadSide,
  type PlaneChoice,
  type SweepStep,
  type ZeroInsertStage,
} from './plan';

/** Steps before the sweep: zero-insert, the transposed kernel. */
export const DIRECT_STAGES = 2;

/**
 * The direct-form plan of transposed convolution `info` on output plane (n, channel) (both
 * default to 0). O(Cin/g) to build; holds no per-cell data.
 */
export function convTransposeDirectPlan(info: ConvTranspose2DInfo, choice: PlaneChoice = {}): ConvTransposeDirectPlan {
  const { n, channel } = checkPlane(choice, info.batch, info.outChannels, 'output channel');
  const group = Math.floor(channel / info.outPerGroup);
  return {
    kind: 'convTransposeDirect',
    info,
    n,
    outChannel: channel,
    group,
    inputChannels: groupChannels(group, info.inPerGroup),
  };
}

/** Number of steps: the two stages, then one per output cell (2 + outH·outW). */
export function convTransposeDirectStepCount(plan: ConvTransposeDirectPlan): number {
  return DIRECT_STAGES + plan.info.outH * plan.info.outW;
}

/**
 * Step i: 0 zero-insert, 1 the transposed kernel (O(1), O(kH·kW)), then output cell
 * i − 2 (row-major) with its Cin/g·kH·kW terms. Throws a ShapeError for an i outside
 * [0, stepCount). Allocates the step.
 */
export function convTransposeDirectStep(plan: ConvTransposeDirectPlan, i: number): ConvTransposeDirectStep {
  checkStepIndex(i, convTransposeDirectStepCount(plan));
  if (i === 0) return zeroInsertStage(plan);
  if (i === 1) return kernelStage(plan);
  return sweepStep(plan, i);
}

function zeroInsertStage(plan: ConvTransposeDirectPlan): ZeroInsertStage {
  const { inH, inW, strideH, strideW, direct } = plan.info;
  return {
    kind: 'zero-insert', index: 0, inH, inW, strideH, strideW,
    zerosBetweenH: strideH - 1, zerosBetweenW: strideW - 1, zeroH: direct.zeroH, zeroW: direct.zeroW,
  };
}

function kernelStage(plan: ConvTransposeDirectPlan): KernelStage {
  const { kH, kW, dilationH, dilationW, pad, outputPaddingH, outputPaddingW, direct } = plan.info;
  const side = (value: number, dilation: number, kernel: number, padding: number, outputPadding: number): PadSide => ({
    value, dilation, kernel, padding, outputPadding,
  });
  const cells: { ky: number; kx: number; fy: number; fx: number }[] = [];
  for (let ky = 0; ky < kH; ky++) for (let kx = 0; kx < kW; kx++) cells.push({ ky, kx, fy: kH - 1 - ky, fx: kW - 1 - kx });
  return {
    kind: 'kernel',
    index: 1,
    kH,
    kW,
    cells,
    top: side(direct.pad.top, dilationH, kH, pad.top, 0),
    bottom: side(direct.pad.bottom, dilationH, kH, pad.bottom, outputPaddingH),
    left: side(direct.pad.left, dilationW, kW, pad.left, 0),
    right: side(direct.pad.right, dilationW, kW, pad.right, outputPaddingW),
    zeroH: direct.zeroH,
    zeroW: direct.zeroW,
    paddedH: direct.paddedH,
    paddedW: direct.paddedW,
  };
}

function sweepStep(plan: ConvTransposeDirectPlan, i: number): SweepStep {
  const { info, n, outChannel } = plan;
  const { inH, inW, kH, kW, dilationH, dilationW, inChannels, inPerGroup, outPerGroup, outChannels, outH, outW } = info;
  const j = i - DIRECT_STAGES;
  const oy = Math.floor(j / outW);
  const ox = j % outW;
  const cj = outChannel - plan.group * outPerGroup;
  const terms: DirectTerm[] = [];
  for (let c = 0; c < inPerGroup; c++) {
    const inputChannel = plan.inputChannels[c];
    const xBase = (n * inChannels + inputChannel) * inH * inW;
    const wBase = (inputChannel * outPerGroup + cj) * kH * kW;
    for (let fy = 0; fy < kH; fy++) {
      const gy = oy + fy * dilationH;
      for (let fx = 0; fx < kW; fx++) {
        const gx = ox + fx * dilationW;
        const cell = directGridCell(plan, gy, gx);
        const ky = kH - 1 - fy;
        const kx = kW - 1 - fx;
        // Listed field by field: spreading `cell` here made each term ~50× slower in V8.
        terms.push({
          source: cell.source, zy: cell.zy, zx: cell.zx, iy: cell.iy, ix: cell.ix, inputChannel, gy, gx,
          xIndex: cell.source === 'input' ? xBase + cell.iy * inW + cell.ix : -1,
          fy, fx, ky, kx, wIndex: wBase + ky * kW + kx,
        });
      }
    }
  }
  const outIndex = ((n * outChannels + outChannel) * outH + oy) * outW + ox;
  return { kind: 'sweep', index: i, target: { oy, ox, outIndex }, terms };
}

/** Where input cell (iy, ix) lands in the zero-inserted grid: (iy·sH, ix·sW). O(1). */
export function zeroInsertPosition(plan: ConvTransposeDirectPlan, iy: number, ix: number): { zy: number; zx: number } {
  return { zy: iy * plan.info.strideH, zx: ix * plan.info.strideW };
}

/**
 * What sits at cell (gy, gx) of the padded zero-inserted grid (`paddedH × paddedW`): a real
 * input cell with its original (iy, ix), an inserted zero, or padding. O(1), allocates one record.
 */
export function directGridCell(plan: ConvTransposeDirectPlan, gy: number, gx: number): DirectCell {
  const { strideH, strideW, direct } = plan.info;
  const zy = gy - direct.pad.top;
  const zx = gx - direct.pad.left;
  if (zy < 0 || zy >= direct.zeroH || zx < 0 || zx >= direct.zeroW) return { source: 'padding', zy, zx, iy: -1, ix: -1 };
  if (zy % strideH !== 0 || zx % strideW !== 0) return { source: 'zero', zy, zx, iy: -1, ix: -1 };
  return { source: 'input', zy, zx, iy: zy / strideH, ix: zx / strideW };
}
