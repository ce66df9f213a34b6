/**
 * What each cell of the explorer's grids holds and how it looks, as pure functions of a plan,
 * the current step and the hover state. The components only wire these to `Grid`, so every
 * drawing decision (which cells form the window, which are padding, which are linked by
 * hover) is testable without a DOM. Positions come from the engine's plans and steps; values
 * come from the engine's tensors. Nothing here computes a number a learner reads, except the
 * equation's formatting.
 *
 * This module has what the convolution view (on the first page) needs and what all views share;
 * the transposed views' looks are in transposeLooks.ts, which loads with those views.
 */
import {
  convFeeds, convStep, paddedInputSize,
  type ConvPlan, type ConvStep, type ConvTransposeDirectPlan, type ConvTransposeScatterPlan, type Product,
} from '../engine';
import { formatOperand, formatValue } from './format';

// The look vocabulary components/Grid.tsx draws (components import it from here).
/** What a cell is: a real value, a padding cell, an inserted zero, a cell cropped away, or nothing. */
export type Tone = 'value' | 'padding' | 'zero' | 'cropped' | 'empty';
/** Highlights, from strongest: the cell being computed, the window it reads, cells linked by hover, cells already done, a recorded switch. */
export type Mark = 'active' | 'window' | 'linked' | 'done' | 'switch' | null;
/** How one cell looks. */
export interface Look {
  readonly tone?: Tone;
  readonly mark?: Mark;
  /** A small label in the corner (the kernel tap or the multiplier). */
  readonly note?: string;
}
/** Grids of more cells than this (24 × 24) are drawn on a canvas, not a cell per element (components/CanvasGrid.tsx). */
export const CANVAS_FROM_CELLS = 24 * 24;

/** Whether a rows × cols grid is drawn on a canvas. */
export function drawsOnCanvas(rows: number, cols: number): boolean {
  return rows * cols > CANVAS_FROM_CELLS;
}

/** A cell of a grid. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
}
/** (row, col) → look. */
export type LookFn = (r: number, c: number) => Look;
/** (row, col) → value, or null for a blank cell. */
export type ValueFn = (r: number, c: number) => number | null;

/**
 * The hovered (or pinned) cell: input coordinates are those of the unpadded input (padding is
 * negative or ≥ size). `channel` is the grid's channel (input channel for 'input', output
 * channel for 'output') when a view draws one grid per channel; absent, it matches every channel.
 */
export interface HoverCell extends GridCell {
  readonly grid: 'input' | 'output';
  readonly channel?: number;
}

/** Whether a hover on `grid` concerns the grids of `channel` (a hover without a channel concerns all). */
export function hoverOn(hover: HoverCell | null, grid: 'input' | 'output', channel: number): hover is HoverCell {
  return !!hover && hover.grid === grid && (hover.channel === undefined || hover.channel === channel);
}

/** The terms of one input channel (terms list channels in ascending order). */
export function ofChannel<T extends { readonly inputChannel: number }>(terms: readonly T[], inputChannel: number): T[] {
  return terms.filter((term) => term.inputChannel === inputChannel);
}

/** A set of cells of a grid with `cols` columns, each with an optional note. */
export class CellSet {
  private readonly notes = new Map<number, string | undefined>();
  constructor(private readonly cols: number) {}
  add(r: number, c: number, note?: string): void {
    this.notes.set(r * this.cols + c, note);
  }
  has(r: number, c: number): boolean {
    return c >= 0 && c < this.cols && this.notes.has(r * this.cols + c);
  }
  note(r: number, c: number): string | undefined {
    return this.has(r, c) ? this.notes.get(r * this.cols + c) : undefined;
  }
}

/** A cell note for the value a tap multiplies by: `×2`. */
export const times = (v: number): string => `×${formatValue(v)}`;
/** A cell note naming another cell: `1,2`. */
export const coords = (r: number, c: number): string => `${r},${c}`;

/** Offset of plane (n, c) of an NCHW tensor of `channels` planes of h×w cells: every view's plane offsets come from here. */
export function planeOffset(n: number, c: number, channels: number, h: number, w: number): number {
  return (n * channels + c) * h * w;
}

/**
 * Row-major cells up to `upTo` (inclusive, −1 for none) show `data` at the plan's output
 * plane; later cells are blank. For the output grids that fill up as steps complete.
 */
export function progressiveValue(
  plan: ConvPlan | ConvTransposeScatterPlan | ConvTransposeDirectPlan,
  data: ArrayLike<number>,
  upTo: number,
): ValueFn {
  const { outChannels, outH, outW } = plan.info;
  const base = planeOffset(plan.n, plan.outChannel, outChannels, outH, outW);
  return (r, c) => (r * outW + c <= upTo ? data[base + r * outW + c] : null);
}

/** The value of a plain H×W grid (row-major `data`, starting at `base`: the plane's offset in an NCHW tensor). */
export function plainValue(data: ArrayLike<number>, cols: number, base = 0): ValueFn {
  return (r, c) => data[base + r * cols + c];
}

// ---------------------------------------------------------------------------------------------
// Channels: where one plane of a tensor starts
// ---------------------------------------------------------------------------------------------

/** Any of the convolutions' plans (they share the plane bookkeeping). */
export type AnyConvPlan = ConvPlan | ConvTransposeScatterPlan | ConvTransposeDirectPlan;

/** Offset of input channel `inputChannel`'s plane in x `[N, Cin, H, W]` (the plan's batch item). */
export function inputPlaneBase(plan: AnyConvPlan, inputChannel: number): number {
  const { inChannels, inH, inW } = plan.info;
  return planeOffset(plan.n, inputChannel, inChannels, inH, inW);
}

/**
 * Offset of the kH×kW kernel that links input channel `inputChannel` to the plan's output
 * channel: in the convolution's weight `[Cout, Cin/g, kH, kW]` at [outChannel, inputChannel − g·Cin/g],
 * in the transposed convolution's `[Cin, Cout/g, kH, kW]` at [inputChannel, outChannel − g·Cout/g].
 */
export function weightPlaneBase(plan: AnyConvPlan, inputChannel: number): number {
  const { inPerGroup, outPerGroup, kH, kW } = plan.info;
  const inGroup = inputChannel - plan.group * inPerGroup;
  if (plan.kind === 'conv') return (plan.outChannel * inPerGroup + inGroup) * kH * kW;
  return (inputChannel * outPerGroup + plan.outChannel - plan.group * outPerGroup) * kH * kW;
}

/** Flat index in x `[N, Cin, H, W]` of cell (row, col) of input channel `inputChannel` (the plan's batch item). */
export function inputCellIndex(plan: AnyConvPlan, inputChannel: number, row: number, col: number): number {
  return inputPlaneBase(plan, inputChannel) + row * plan.info.inW + col;
}

/** Flat index in the weight of kernel cell (ky, kx) of the kernel linking `inputChannel` to the plan's output channel. */
export function weightCellIndex(plan: AnyConvPlan, inputChannel: number, ky: number, kx: number): number {
  return weightPlaneBase(plan, inputChannel) + ky * plan.info.kW + kx;
}

/** A step's terms split by input channel, in the engine's order: the per-channel sums of an equation. */
export function termsByChannel<T extends { readonly inputChannel: number }>(terms: readonly T[]): { channel: number; terms: T[] }[] {
  const groups: { channel: number; terms: T[] }[] = [];
  for (const term of terms) {
    const last = groups[groups.length - 1];
    if (last && last.channel === term.inputChannel) last.terms.push(term);
    else groups.push({ channel: term.inputChannel, terms: [term] });
  }
  return groups;
}

/** The same look without its marks: for the output channels the animation is not following. */
export function quietLook(look: LookFn): LookFn {
  return (r, c) => ({ tone: look(r, c).tone });
}

// ---------------------------------------------------------------------------------------------
// Convolution
// ---------------------------------------------------------------------------------------------

/** Input value on the padded grid: the input inside, 0 on the padding ring. `x` is the whole input `[N, Cin, H, W]`; `inputChannel` picks the plane. */
export function paddedInputValue(plan: ConvPlan, x: ArrayLike<number>, inputChannel = 0): ValueFn {
  const { inH, inW, pad } = plan.info;
  const base = inputPlaneBase(plan, inputChannel);
  return (r, c) => {
    const iy = r - pad.top;
    const ix = c - pad.left;
    return iy < 0 || iy >= inH || ix < 0 || ix >= inW ? 0 : x[base + iy * inW + ix];
  };
}

/** Padded-grid cell (r, c) → unpadded input coordinates (negative or ≥ size on the ring). */
export function paddedToInput(plan: ConvPlan, r: number, c: number): GridCell {
  return { row: r - plan.info.pad.top, col: c - plan.info.pad.left };
}

/** Flat index in x of padded-grid cell (r, c) of input channel `inputChannel`, or null on the padding ring. */
export function paddedCellIndex(plan: ConvPlan, inputChannel: number, r: number, c: number): number | null {
  const { row, col } = paddedToInput(plan, r, c);
  const { inH, inW } = plan.info;
  return row < 0 || row >= inH || col < 0 || col >= inW ? null : inputCellIndex(plan, inputChannel, row, col);
}

/** Size of the dilated kernel, d(k − 1) + 1 per axis. */
export function dilatedSize(plan: ConvPlan | ConvTransposeScatterPlan | ConvTransposeDirectPlan): { rows: number; cols: number } {
  return { rows: plan.info.effKH, cols: plan.info.effKW };
}

/** The kernel spread by the dilation: taps where row and column are multiples of d, zeros between. `base`: the kernel plane's offset in w. */
export function dilatedValue(plan: ConvPlan, w: ArrayLike<number>, base = 0): ValueFn {
  const { kW, dilationH, dilationW } = plan.info;
  return (r, c) => (r % dilationH === 0 && c % dilationW === 0 ? w[base + (r / dilationH) * kW + c / dilationW] : 0);
}

/** The looks of the convolution view's grids. */
export interface ConvLooks {
  /** On the padded input grid. */
  readonly input: LookFn;
  readonly kernel: LookFn;
  readonly dilated: LookFn;
  readonly output: LookFn;
}

/**
 * Looks for convolution step `current`: the window's taps on the input (each noted with the
 * kernel value it meets), every kernel cell, the active output cell; cells after the current
 * one are empty. Hover: an output cell links its receptive field; an input cell links every
 * output cell it feeds (noted with the kernel value) and the kernel cells doing it (noted with
 * the output cell). A hover link outranks the window, the active cell outranks both.
 * `w` is the whole weight the plan's terms index; the looks are those of input channel
 * `inputChannel`'s grids (default: the group's first), whose kernel is the one linking it to
 * the plan's output channel. O(kH·kW) to build.
 */
export function convLooks(plan: ConvPlan, current: ConvStep, hover: HoverCell | null, w: ArrayLike<number>, inputChannel = plan.inputChannels[0]): ConvLooks {
  const { inH, inW, pad, outW, dilationH, dilationW } = plan.info;
  const { rows, cols } = paddedInputSize(plan.info);
  const toPadded = (iy: number, ix: number): [number, number] => [iy + pad.top, ix + pad.left];
  const own = ofChannel(current.terms, inputChannel);

  const window = new CellSet(cols);
  for (const term of own) window.add(...toPadded(term.iy, term.ix), times(w[term.wIndex]));

  const linkedIn = new CellSet(cols);
  const linkedOut = new CellSet(outW);
  const linkedK = new CellSet(plan.info.kW);
  if (hoverOn(hover, 'output', plan.outChannel) && hover.row >= 0 && hover.row < plan.info.outH && hover.col >= 0 && hover.col < outW) {
    linkedOut.add(hover.row, hover.col);
    for (const term of ofChannel(convStep(plan, hover.row * outW + hover.col).terms, inputChannel)) linkedIn.add(...toPadded(term.iy, term.ix));
  } else if (hoverOn(hover, 'input', inputChannel)) {
    const [pr, pc] = toPadded(hover.row, hover.col);
    if (pr >= 0 && pr < rows && pc >= 0 && pc < cols) {
      linkedIn.add(pr, pc);
      for (const feed of convFeeds(plan, hover.row, hover.col)) {
        linkedOut.add(feed.oy, feed.ox, times(w[weightIndex(own, feed.ky, feed.kx)]));
        linkedK.add(feed.ky, feed.kx, `→${coords(feed.oy, feed.ox)}`);
      }
    }
  }

  const isPadding = (r: number, c: number) => r < pad.top || r >= pad.top + inH || c < pad.left || c >= pad.left + inW;
  return {
    input: (r, c) => ({
      tone: isPadding(r, c) ? 'padding' : 'value',
      mark: linkedIn.has(r, c) ? 'linked' : window.has(r, c) ? 'window' : null,
      note: window.note(r, c),
    }),
    kernel: (r, c) => ({ mark: linkedK.has(r, c) ? 'linked' : 'window', note: linkedK.note(r, c) }),
    dilated: (r, c) => {
      const tap = r % dilationH === 0 && c % dilationW === 0;
      if (!tap) return { tone: 'zero' };
      return { mark: linkedK.has(r / dilationH, c / dilationW) ? 'linked' : 'window' };
    },
    output: (r, c) => {
      const j = r * outW + c;
      const mark: Mark = j === current.index ? 'active' : linkedOut.has(r, c) ? 'linked' : null;
      return { tone: j > current.index ? 'empty' : 'value', mark, note: linkedOut.note(r, c) };
    },
  };
}

/** The flat weight index of kernel cell (ky, kx) among one channel's terms. */
export function weightIndex(terms: readonly { readonly ky: number; readonly kx: number; readonly wIndex: number }[], ky: number, kx: number): number {
  const t = terms.find((term) => term.ky === ky && term.kx === kx);
  return t ? t.wIndex : -1;
}

// ---------------------------------------------------------------------------------------------
// Equations
// ---------------------------------------------------------------------------------------------

/** One product as a learner reads it: `2·(−1)`; `muted` for a padding tap or an inserted zero. */
export interface EquationTerm {
  readonly text: string;
  readonly muted: boolean;
}

/**
 * The products of an equation as text, in the engine's order. `muted[i]` marks a term whose
 * input is padding or an inserted zero (it reads 0).
 */
export function equationTerms(products: readonly Product[], muted: readonly boolean[]): EquationTerm[] {
  return products.map((p, i) => ({ text: `${formatOperand(p.x)}·${formatOperand(p.w)}`, muted: muted[i] ?? false }));
}
