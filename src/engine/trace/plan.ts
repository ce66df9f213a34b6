/**
 * Step plans for animation: the shared types and checks.
 *
 * A plan is plain data (serialisable, structured-clone safe): the validated info record of
 * one operation plus the (n, c) plane it animates. It holds index relations only — which
 * input, kernel and output cells meet — never values and never a list of frames. Every step
 * is computed on demand by `step(plan, i)` in O(window) time and memory, so scrubbing a 64×64
 * animation back and forth costs no more than stepping a 4×4 one.
 *
 * Conventions shared by every step:
 * - Coordinates are zero-based (row, column) = (y, x) inside one plane.
 * - `xIndex`, `wIndex`, `outIndex` are flat offsets into the operation's NCHW tensors (the same
 *   `data` arrays the kernels read and write), or −1 where the cell does not exist (padding,
 *   cropped). A UI reads values with them and does no index arithmetic of its own.
 * - Terms list input channels in ascending order, then kernel rows, then kernel columns, the
 *   order of the equation a learner reads (`1·0 + 2·1 + …`).
 * - Bias is never a term: add the output channel's bias once per output cell.
 */
import { ShapeError } from '../errors';
import type { Conv2DInfo, ConvTranspose2DInfo, Pool2DInfo, Unpool2DInfo } from '../shape';

// ---------------------------------------------------------------------------------------------
// Choosing a plane, checking a step index
// ---------------------------------------------------------------------------------------------

/** Which (n, c) plane a plan animates; both default to 0. `channel` is the output channel for convolutions. */
export interface PlaneChoice {
  readonly n?: number;
  readonly channel?: number;
}

/**
 * Validates a plane choice against a tensor of `batch` items and `channels` channels.
 * `channelWord` names the channel in the message ("output channel", "channel").
 */
export function checkPlane(choice: PlaneChoice, batch: number, channels: number, channelWord: string): { n: number; channel: number } {
  return {
    n: checkIndex(choice.n ?? 0, batch, 'n', 'Batch item', 'the batch holds items'),
    channel: checkIndex(choice.channel ?? 0, channels, 'channel', capitalise(channelWord), `there are ${channelWord}s`),
  };
}

/** Throws unless `i` is a whole number in [0, count); the message names the legal range. */
export function checkStepIndex(i: number, count: number): void {
  checkIndex(i, count, 'step', 'Step', 'this animation has steps');
}

/**
 * Plane (n, channel) of the switches of a `[batch, channels, h, w]` tensor, copied (h·w values).
 * Refuses a wrong length; `role` says whether that tensor is the pool's output or the unpool's input.
 */
export function switchesOfPlane(
  indices: ArrayLike<number>, batch: number, channels: number, h: number, w: number, n: number, channel: number, role: 'output' | 'input',
): Float64Array {
  const plane = h * w;
  const expected = batch * channels * plane;
  if (indices.length !== expected) {
    throw new ShapeError(
      'indices',
      'indices',
      `indices must hold one switch per pooled value, ${expected} for a [${batch}, ${channels}, ${h}, ${w}] ${role}; ` +
        `got ${indices.length}. Pass the indices maxPool2d returned for this input.`,
      { expected, got: indices.length },
    );
  }
  const start = (n * channels + channel) * plane;
  return Float64Array.from({ length: plane }, (_, k) => indices[start + k]);
}

function checkIndex(i: number, count: number, param: string, noun: string, range: string): number {
  if (typeof i !== 'number' || !Number.isInteger(i)) {
    throw new ShapeError('not-integer', param, `${noun} must be a whole number; got ${String(i)}.`, { got: String(i) });
  }
  if (i < 0 || i >= count) {
    throw new ShapeError('out-of-range', param, `${noun} ${i} does not exist: ${range} 0 to ${count - 1}.`, {
      got: i,
      min: 0,
      max: count - 1,
    });
  }
  return i;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Convolution
// ---------------------------------------------------------------------------------------------

/**
 * Convolution of x `[N, Cin, H, W]` with weight `[Cout, Cin/g, kH, kW]`, animated on output
 * plane (n, outChannel). Step i is output cell (oy, ox) = (⌊i / outW⌋, i mod outW).
 */
export interface ConvPlan {
  readonly kind: 'conv';
  readonly info: Conv2DInfo;
  readonly n: number;
  readonly outChannel: number;
  /** The group of `outChannel`; its input channels are `inputChannels`. */
  readonly group: number;
  /** The input channels this output channel sums over, ascending (g·Cin/g … (g+1)·Cin/g − 1). */
  readonly inputChannels: readonly number[];
}

/** One product of a convolution step: input tap × kernel tap. */
export interface ConvTerm {
  /** Channel of x (absolute, not within the group). */
  readonly inputChannel: number;
  /** Input row/column; outside [0, inH) × [0, inW) when the tap falls in the padding. */
  readonly iy: number;
  readonly ix: number;
  /** True when (iy, ix) is a padding cell: its value counts as 0. */
  readonly padding: boolean;
  /** Flat index into x, −1 for padding. */
  readonly xIndex: number;
  readonly ky: number;
  readonly kx: number;
  /** Flat index into the weight `[Cout, Cin/g, kH, kW]`. */
  readonly wIndex: number;
}

/** Step of a convolution: one output cell and the inPerGroup·kH·kW products that sum into it. */
export interface ConvStep {
  readonly kind: 'conv';
  readonly index: number;
  readonly target: { readonly oy: number; readonly ox: number; readonly outIndex: number };
  /** Top-left of the (dilated) window in input coordinates (oy·s − padTop, ox·s − padLeft); may be negative. */
  readonly window: { readonly top: number; readonly left: number };
  readonly terms: readonly ConvTerm[];
}

// ---------------------------------------------------------------------------------------------
// Transposed convolution, scatter form
// ---------------------------------------------------------------------------------------------

/**
 * Transposed convolution of x `[N, Cin, h, w]` with weight `[Cin, Cout/g, kH, kW]` as a scatter,
 * animated on output plane (n, outChannel). Step i is input position (iy, ix) = (⌊i / inW⌋,
 * i mod inW): every input channel of the group stamps kernel × value onto the uncropped
 * canvas `fullH × fullW`; the output is the canvas without `pad.top`/`pad.left` rows/columns
 * at the start and `pad.bottom`/`pad.right` at the end, plus `outputPadding` zero rows/columns
 * at the bottom/right (output (oy, ox) = canvas (oy + pad.top, ox + pad.left)).
 */
export interface ConvTransposeScatterPlan {
  readonly kind: 'convTransposeScatter';
  readonly info: ConvTranspose2DInfo;
  readonly n: number;
  readonly outChannel: number;
  readonly group: number;
  readonly inputChannels: readonly number[];
}

/** One stamped product: x[inputChannel, iy, ix] × w[inputChannel, ·, ky, kx] lands on canvas (fullY, fullX). */
export interface ScatterTerm {
  readonly inputChannel: number;
  readonly xIndex: number;
  readonly ky: number;
  readonly kx: number;
  /** Flat index into the weight `[Cin, Cout/g, kH, kW]`. */
  readonly wIndex: number;
  /** Position on the uncropped canvas: (iy·s + ky·d, ix·s + kx·d). */
  readonly fullY: number;
  readonly fullX: number;
  /** Position in the output (fullY − pad.top, fullX − pad.left); outside the output when cropped. */
  readonly oy: number;
  readonly ox: number;
  /** True when the padding crop cuts this cell away: drawn on the canvas, then cut. */
  readonly cropped: boolean;
  /** Flat index into the output, −1 when cropped. */
  readonly outIndex: number;
}

/** Step of the scatter: one input position and the inPerGroup·kH·kW cells its stamps cover. */
export interface ConvTransposeScatterStep {
  readonly kind: 'convTransposeScatter';
  readonly index: number;
  readonly source: { readonly iy: number; readonly ix: number };
  /** Top-left of the stamp on the canvas (iy·s, ix·s). */
  readonly stamp: { readonly fullTop: number; readonly fullLeft: number };
  readonly terms: readonly ScatterTerm[];
}

// ---------------------------------------------------------------------------------------------
// Transposed convolution, direct form (insert zeros → the transposed kernel: flip, p′ → stride-1 convolution)
// ---------------------------------------------------------------------------------------------

/**
 * The same transposed convolution as an ordinary convolution, animated on output plane
 * (n, outChannel). Steps 0 and 1 are the tutorials' first two steps (zero-insert; the transposed
 * kernel: flip and p′); step 2 + j is output
 * cell j (row-major) of the stride-1 sweep, over the zero-inserted grid after padding p' per
 * side (`info.direct`: its pad, and its size paddedH × paddedW; a negative p' crops instead of padding).
 */
export interface ConvTransposeDirectPlan {
  readonly kind: 'convTransposeDirect';
  readonly info: ConvTranspose2DInfo;
  readonly n: number;
  readonly outChannel: number;
  readonly group: number;
  readonly inputChannels: readonly number[];
}

/** Stage 1: s − 1 zeros go between neighbouring input cells; input (iy, ix) moves to (iy·sH, ix·sW). */
export interface ZeroInsertStage {
  readonly kind: 'zero-insert';
  readonly index: 0;
  readonly inH: number;
  readonly inW: number;
  readonly strideH: number;
  readonly strideW: number;
  /** Zeros inserted between two neighbouring cells: s − 1 per axis. */
  readonly zerosBetweenH: number;
  readonly zerosBetweenW: number;
  /** Size of the zero-inserted grid: (i − 1)s + 1. */
  readonly zeroH: number;
  readonly zeroW: number;
}

/** One side of p' with the numbers of its formula: value = dilation·(kernel − 1) − padding + outputPadding. */
export interface PadSide {
  readonly value: number;
  readonly dilation: number;
  readonly kernel: number;
  /** The transposed convolution's own padding on this side. */
  readonly padding: number;
  /** Output padding: non-zero only on the bottom and right. */
  readonly outputPadding: number;
}

/**
 * Stage 2, the transposed kernel: rotate the kernel 180° (cell (ky, kx) moves to
 * (kH − 1 − ky, kW − 1 − kx) = (fy, fx)); it slides with k′ = k, s′ = 1 over the zero-inserted
 * grid padded by p′ per side (a negative p′ crops that many rows/columns), the output padding
 * added at the bottom and right.
 */
export interface KernelStage {
  readonly kind: 'kernel';
  readonly index: 1;
  readonly kH: number;
  readonly kW: number;
  /** kH·kW moves, row-major in the original kernel. */
  readonly cells: readonly { readonly ky: number; readonly kx: number; readonly fy: number; readonly fx: number }[];
  readonly top: PadSide;
  readonly bottom: PadSide;
  readonly left: PadSide;
  readonly right: PadSide;
  readonly zeroH: number;
  readonly zeroW: number;
  readonly paddedH: number;
  readonly paddedW: number;
}

/** What sits at a cell of the padded zero-inserted grid. */
export type DirectSource = 'input' | 'zero' | 'padding';

/** A cell of the padded grid, classified. `iy`, `ix`, `xIndex` are −1 unless the source is 'input'. */
export interface DirectCell {
  readonly source: DirectSource;
  /** Coordinates in the zero-inserted grid (gy − p'top, gx − p'left); outside it for padding. */
  readonly zy: number;
  readonly zx: number;
  readonly iy: number;
  readonly ix: number;
}

/** One product of the sweep: padded-grid cell × flipped-kernel cell. */
export interface DirectTerm extends DirectCell {
  readonly inputChannel: number;
  /** Position in the padded grid: (oy + fy·dH, ox + fx·dW). */
  readonly gy: number;
  readonly gx: number;
  /** Flat index into x for an input cell, −1 for an inserted zero or padding. */
  readonly xIndex: number;
  /** Cell of the flipped kernel, and the original kernel cell it came from. */
  readonly fy: number;
  readonly fx: number;
  readonly ky: number;
  readonly kx: number;
  /** Flat index into the (unflipped) weight `[Cin, Cout/g, kH, kW]`. */
  readonly wIndex: number;
}

/** Stage 4, one step per output cell: the stride-1 convolution of the padded grid with the flipped kernel. */
export interface SweepStep {
  readonly kind: 'sweep';
  readonly index: number;
  readonly target: { readonly oy: number; readonly ox: number; readonly outIndex: number };
  readonly terms: readonly DirectTerm[];
}

/** A step of the direct form: a stage or a sweep cell. */
export type ConvTransposeDirectStep = ZeroInsertStage | KernelStage | SweepStep;

// ---------------------------------------------------------------------------------------------
// Pooling
// ---------------------------------------------------------------------------------------------

/** A cell of a pooling window. */
export interface PoolWindowCell {
  readonly ky: number;
  readonly kx: number;
  /** Input row/column; outside the input when the cell is padding. */
  readonly iy: number;
  readonly ix: number;
  readonly padding: boolean;
  /** PyTorch's index inside the plane, y·W + x; −1 for padding. */
  readonly planeIndex: number;
  /** Flat index into x, −1 for padding. */
  readonly xIndex: number;
}

/**
 * Max pooling of x `[N, C, H, W]` on plane (n, channel). Step i is pooled cell
 * (⌊i / outW⌋, i mod outW). The switches come from the kernel's indices (the plan keeps one
 * plane of them: index relations, not values).
 */
export interface MaxPoolPlan {
  readonly kind: 'maxPool';
  readonly info: Pool2DInfo;
  readonly n: number;
  readonly channel: number;
  /** This plane's indices, `outH·outW`, each y·W + x (as maxPool2d returns them). */
  readonly indices: Float64Array;
}

/** Where a window's maximum came from, in both frameworks' spellings. */
export interface PoolSwitch {
  readonly iy: number;
  readonly ix: number;
  /** PyTorch: y·W + x inside the (n, c) plane. */
  readonly planeIndex: number;
  /** TensorFlow's max_pool_with_argmax: (y·W + x)·C + c, and ((n·H + y)·W + x)·C + c with include_batch_in_index. */
  readonly tfIndex: number;
  readonly tfIndexWithBatch: number;
  readonly xIndex: number;
  /** Position of the switch in `window`. */
  readonly windowIndex: number;
}

/** Step of max pooling: the window, and the cell whose value wins. */
export interface MaxPoolStep {
  readonly kind: 'maxPool';
  readonly index: number;
  readonly target: { readonly oy: number; readonly ox: number; readonly outIndex: number };
  /** kH·kW cells, row-major, padding included (padding never wins). */
  readonly window: readonly PoolWindowCell[];
  readonly switch: PoolSwitch;
}

/** Average pooling of x `[N, C, H, W]` on plane (n, channel); step i is pooled cell (⌊i / outW⌋, i mod outW). */
export interface AvgPoolPlan {
  readonly kind: 'avgPool';
  readonly info: Pool2DInfo;
  readonly n: number;
  readonly channel: number;
  readonly countIncludePad: boolean;
}

/** Step of average pooling: the window's real cells each weigh 1/divisor; padding cells weigh 0. */
export interface AvgPoolStep {
  readonly kind: 'avgPool';
  readonly index: number;
  readonly target: { readonly oy: number; readonly ox: number; readonly outIndex: number };
  /** Cells the output divides by: the window (clipped to the padded input) or only its real cells. */
  readonly divisor: number;
  readonly window: readonly (PoolWindowCell & { readonly weight: number })[];
}

// ---------------------------------------------------------------------------------------------
// Unpooling
// ---------------------------------------------------------------------------------------------

/**
 * Max unpooling of pooled x `[N, C, h, w]` on plane (n, channel). Step i is pooled cell
 * (iy, ix) = (⌊i / inW⌋, i mod inW); its value is written (not added) to its destination.
 */
export interface MaxUnpoolPlan {
  readonly kind: 'maxUnpool';
  readonly info: Unpool2DInfo;
  readonly n: number;
  readonly channel: number;
  /** This plane's indices, `inH·inW`, each y·W + x in the unpooled plane (checked on creation). */
  readonly indices: Float64Array;
}

/** Step of max unpooling: one pooled value travels back to its switch. */
export interface MaxUnpoolStep {
  readonly kind: 'maxUnpool';
  readonly index: number;
  readonly source: { readonly iy: number; readonly ix: number; readonly xIndex: number };
  readonly destination: { readonly oy: number; readonly ox: number; readonly planeIndex: number; readonly outIndex: number };
}

/** Average unpooling of pooled x `[N, C, h, w]` on plane (n, channel); step i is pooled cell (⌊i / inW⌋, i mod inW). */
export interface AvgUnpoolPlan {
  readonly kind: 'avgUnpool';
  readonly info: Unpool2DInfo;
  readonly n: number;
  readonly channel: number;
}

/** A cell of a pooled value's window in the unpooled plane. */
export interface UnpoolDestination {
  readonly ky: number;
  readonly kx: number;
  readonly oy: number;
  readonly ox: number;
  /** True when the window cell lies outside the output (in the pooling padding): drawn, gets nothing. */
  readonly outside: boolean;
  /** Flat index into the output, −1 when outside. */
  readonly outIndex: number;
  /** How many windows cover this cell (0 when outside). */
  readonly covering: number;
  /** The share of the value this cell receives: 1/covering (0 when outside). */
  readonly weight: number;
}

/** Step of average unpooling: one pooled value spread over its kH·kW window. */
export interface AvgUnpoolStep {
  readonly kind: 'avgUnpool';
  readonly index: number;
  readonly source: { readonly iy: number; readonly ix: number; readonly xIndex: number };
  readonly destinations: readonly UnpoolDestination[];
}

// ---------------------------------------------------------------------------------------------
// The unions
// ---------------------------------------------------------------------------------------------

/** Every plan; `kind` tells which. */
export type Plan =
  | ConvPlan
  | ConvTransposeScatterPlan
  | ConvTransposeDirectPlan
  | MaxPoolPlan
  | AvgPoolPlan
  | MaxUnpoolPlan
  | AvgUnpoolPlan;

/** Every step; `kind` tells which ('zero-insert', 'kernel', 'sweep' belong to the direct form). */
export type Step =
  | ConvStep
  | ConvTransposeScatterStep
  | ConvTransposeDirectStep
  | MaxPoolStep
  | AvgPoolStep
  | MaxUnpoolStep
  | AvgUnpoolStep;

/** The ascending input channels of `group` when each group has `perGroup` of them. Allocates perGroup numbers. */
export function groupChannels(group: number, perGroup: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < perGroup; c++) out.push(group * perGroup + c);
  return out;
}
