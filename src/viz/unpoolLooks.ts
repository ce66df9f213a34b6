/**
 * What the pooling/unpooling view's grids hold and how they look, as pure functions of the
 * plans, the current step and the engine's numbers. The animation has two phases on one
 * scrubber: steps [0, poolSteps) pool window by window, the rest unpool value by value, and
 * the last step also compares the original with the unpooled result. Positions come from the
 * engine's plans and steps; values come from the engine's tensors. The only counting here is
 * display logic (how many cells survived, how many windows have arrived at a cell).
 */
import {
  paddedInputSize, step,
  type AvgPoolPlan, type AvgPoolStep, type AvgUnpoolPlan, type AvgUnpoolStep,
  type MaxPoolPlan, type MaxPoolStep, type MaxUnpoolPlan, type MaxUnpoolStep, type Pool2DInfo,
} from '../engine';
import { formatValue } from './format';
import { planeOffset, type GridCell, type LookFn, type Mark, type Tone, type ValueFn } from './looks';

/** Pooling, unpooling, and (at the last step) the comparison of the original with the result. */
export type UnpoolPhase = 'pool' | 'unpool' | 'compare';

/** Where step `at` of the two-phase animation stands. */
export interface PhaseAt {
  readonly phase: UnpoolPhase;
  /** The pooling step on screen: `at` while pooling, the last one after. */
  readonly poolIndex: number;
  /** The unpooling step on screen, −1 while pooling. */
  readonly unpoolIndex: number;
}

/**
 * Splits step `at` (clamped to [0, count)) of an animation with `poolSteps` pooling steps
 * and `count` steps in all. The last step is both the last unpooling step and the comparison.
 */
export function phaseAt(at: number, poolSteps: number, count: number): PhaseAt {
  const i = Math.max(0, Math.min(count - 1, at));
  if (i < poolSteps) return { phase: 'pool', poolIndex: i, unpoolIndex: -1 };
  return { phase: i === count - 1 ? 'compare' : 'unpool', poolIndex: poolSteps - 1, unpoolIndex: i - poolSteps };
}

/** The first step of each phase, for jumping to it. */
export function phaseStarts(poolSteps: number, count: number): Record<UnpoolPhase, number> {
  return { pool: 0, unpool: Math.min(poolSteps, count - 1), compare: count - 1 };
}

/** One channel's pooling and unpooling plans. */
export interface ChannelPlans {
  readonly pool: MaxPoolPlan | AvgPoolPlan;
  readonly unpool: MaxUnpoolPlan | AvgUnpoolPlan;
}

/** Step i of a pooling plan, max or average (the engine's `step` overloads take one kind at a time). */
export function poolStep(plan: MaxPoolPlan | AvgPoolPlan, i: number): MaxPoolStep | AvgPoolStep {
  return plan.kind === 'maxPool' ? step(plan, i) : step(plan, i);
}

/** Step i of an unpooling plan, max or average. */
export function unpoolStep(plan: MaxUnpoolPlan | AvgUnpoolPlan, i: number): MaxUnpoolStep | AvgUnpoolStep {
  return plan.kind === 'maxUnpool' ? step(plan, i) : step(plan, i);
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Whether padded-grid cell (r, c) lies on the padding ring. */
export function isPoolPadding(info: Pool2DInfo, r: number, c: number): boolean {
  const iy = r - info.pad.top;
  const ix = c - info.pad.left;
  return iy < 0 || iy >= info.inH || ix < 0 || ix >= info.inW;
}

/**
 * The input of `channel` on the padded grid (`x` is the whole [1, C, H, W] input, row-major).
 * Padding cells read `padding`: null (blank) where padding never takes part (max pooling; a
 * mean that leaves it out), 0 where PyTorch's average counts it as 0.
 */
export function poolInputValue(info: Pool2DInfo, x: ArrayLike<number>, channel: number, padding: number | null): ValueFn {
  return (r, c) => {
    const i = poolInputIndex(info, channel, r, c);
    return i === null ? padding : x[i];
  };
}

/** Input cell (iy, ix) on the padded grid. */
export function toPaddedCell(info: Pool2DInfo, iy: number, ix: number): GridCell {
  return { row: iy + info.pad.top, col: ix + info.pad.left };
}

/** Flat index in x `[1, C, H, W]` of padded-grid cell (r, c) of `channel`, or null on the padding ring. */
export function poolInputIndex(info: Pool2DInfo, channel: number, r: number, c: number): number | null {
  return isPoolPadding(info, r, c) ? null : planeOffset(0, channel, info.channels, info.inH, info.inW) + (r - info.pad.top) * info.inW + c - info.pad.left;
}

/** A rows × cols plane of `data` starting at `base`: cells up to `upTo` (row-major, inclusive) show their value, later ones are blank. */
export function planeValue(data: ArrayLike<number>, base: number, cols: number, upTo = Number.POSITIVE_INFINITY): ValueFn {
  return (r, c) => (r * cols + c <= upTo ? data[base + r * cols + c] : null);
}

/**
 * How far unpooling has got on one channel's output plane after steps 0 … `upTo` (−1: none):
 * per output cell, how many pooled values have arrived and, once one has, how many windows
 * cover it (max unpooling: 1). Positions only, from the plan's steps. O(upTo · window).
 */
export interface UnpoolProgress {
  readonly arrived: Uint16Array;
  readonly covering: Uint16Array;
}

/** See UnpoolProgress. Allocates two arrays of the output plane's size. */
export function unpoolProgress(plan: MaxUnpoolPlan | AvgUnpoolPlan, upTo: number): UnpoolProgress {
  const { outH, outW } = plan.info;
  const arrived = new Uint16Array(outH * outW);
  const covering = new Uint16Array(outH * outW);
  for (let i = 0; i <= upTo; i++) {
    if (plan.kind === 'maxUnpool') {
      const d = step(plan, i).destination.planeIndex;
      arrived[d] = 1;
      covering[d] = 1;
    } else {
      for (const d of step(plan, i).destinations) {
        if (d.outside) continue;
        const cell = d.oy * outW + d.ox;
        arrived[cell]++;
        covering[cell] = d.covering;
      }
    }
  }
  return { arrived, covering };
}

/**
 * The unpooled output of one channel (`output` is the engine's whole [1, C, outH, outW]
 * result): blank while pooling; then 0 where nothing has arrived (the output starts as
 * zeros), the engine's value where every window covering the cell has arrived, and blank
 * where only some have (average unpooling: its mean is not known yet).
 */
export function unpoolOutputValue(plan: MaxUnpoolPlan | AvgUnpoolPlan, output: ArrayLike<number>, progress: UnpoolProgress | null): ValueFn {
  const { outH, outW } = plan.info;
  const base = planeOffset(0, plan.channel, plan.info.channels, outH, outW);
  return (r, c) => {
    if (!progress) return null;
    const cell = r * outW + c;
    const got = progress.arrived[cell];
    if (got === 0) return 0;
    return got >= progress.covering[cell] ? output[base + cell] : null;
  };
}

// ---------------------------------------------------------------------------------------------
// What survived
// ---------------------------------------------------------------------------------------------

/**
 * What happened to an input cell, read at the same (row, col) of the unpooled output:
 * kept (the same value is there), lost (it was not 0 and now is 0, or the output has no
 * such cell), changed (another value is there: a window's mean), zero (it was 0 and is 0).
 */
export type Fate = 'kept' | 'lost' | 'changed' | 'zero';

/** The fate of every input cell of one channel and how many of each. */
export interface Survival {
  /** inH·inW fates, row-major. */
  readonly fates: readonly Fate[];
  readonly kept: number;
  readonly lost: number;
  readonly changed: number;
  readonly zero: number;
  readonly total: number;
}

/**
 * Compares channel `channel` of the input x `[1, C, inH, inW]` with the unpooled output
 * `[1, C, outH, outW]` cell by cell (the output may be larger or smaller than the input).
 * Exact comparison of the engine's numbers. Allocates the list of fates.
 */
export function survival(
  x: ArrayLike<number>, output: ArrayLike<number>, channel: number,
  sizes: { readonly inH: number; readonly inW: number; readonly outH: number; readonly outW: number },
): Survival {
  const { inH, inW, outH, outW } = sizes;
  const xBase = channel * inH * inW;
  const oBase = channel * outH * outW;
  const fates: Fate[] = [];
  const count = { kept: 0, lost: 0, changed: 0, zero: 0 };
  for (let r = 0; r < inH; r++) {
    for (let c = 0; c < inW; c++) {
      const v = x[xBase + r * inW + c];
      const o = r < outH && c < outW ? output[oBase + r * outW + c] : 0;
      const fate: Fate = o === v ? (v === 0 ? 'zero' : 'kept') : o === 0 ? 'lost' : 'changed';
      fates.push(fate);
      count[fate]++;
    }
  }
  return { fates, ...count, total: inH * inW };
}

// ---------------------------------------------------------------------------------------------
// Looks
// ---------------------------------------------------------------------------------------------

/** The looks of one channel's grids. */
export interface UnpoolLooks {
  /** On the padded input grid. */
  readonly input: LookFn;
  readonly pooled: LookFn;
  /** Both index grids (PyTorch and TensorFlow) look alike. */
  readonly switches: LookFn;
  readonly output: LookFn;
}

/** A set of cells of a grid with `cols` columns. */
class Cells {
  private readonly set = new Set<number>();
  constructor(private readonly cols: number) {}
  add(r: number, c: number): void {
    if (c >= 0 && c < this.cols) this.set.add(r * this.cols + c);
  }
  has(r: number, c: number): boolean {
    return c >= 0 && c < this.cols && this.set.has(r * this.cols + c);
  }
}

/** The fate of input cell (r, c) (unpadded), or null outside the input or before the comparison. */
function fateOf(info: Pool2DInfo, fates: readonly Fate[] | null, r: number, c: number): Fate | null {
  return fates && r >= 0 && r < info.inH && c >= 0 && c < info.inW ? fates[r * info.inW + c] : null;
}

/**
 * The input's look (on the padded grid). Pooling: the current window ('window'), the cell
 * that wins ('active', max only), the switches already recorded ('switch'). Unpooling: every
 * switch. Comparison (`fates` given): survivors 'linked', lost cells struck through.
 * Depends on the phase and the pooling step only, so it stays the same function all through
 * unpooling when memoised on those.
 */
export function inputLook(plans: ChannelPlans, phase: UnpoolPhase, poolIndex: number, fates: readonly Fate[] | null): LookFn {
  const { info } = plans.pool;
  const padTop = info.pad.top;
  const padLeft = info.pad.left;
  const { cols } = paddedInputSize(info);
  const window = new Cells(cols);
  const switches = new Cells(cols);
  let winner = -1;
  if (phase === 'pool') {
    const current = poolStep(plans.pool, poolIndex);
    for (const cell of current.window) window.add(cell.iy + padTop, cell.ix + padLeft);
    if (current.kind === 'maxPool') winner = (current.switch.iy + padTop) * cols + current.switch.ix + padLeft;
  }
  if (plans.pool.kind === 'maxPool') {
    // Switches are drawn on the input as they are recorded, and stay while unpooling.
    const upTo = Math.min(plans.pool.indices.length - 1, phase === 'pool' ? poolIndex - 1 : Number.POSITIVE_INFINITY);
    for (let k = 0; k <= upTo; k++) {
      const p = plans.pool.indices[k];
      switches.add(Math.floor(p / info.inW) + padTop, (p % info.inW) + padLeft);
    }
  }
  return (r, c) => {
    if (isPoolPadding(info, r, c)) return { tone: 'padding', mark: window.has(r, c) ? 'window' : null };
    const fate = fateOf(info, fates, r - padTop, c - padLeft);
    if (fate) return { tone: fate === 'lost' ? 'cropped' : 'value', mark: fate === 'kept' ? 'linked' : switches.has(r, c) ? 'switch' : null };
    const mark: Mark = r * cols + c === winner ? 'active' : window.has(r, c) ? 'window' : switches.has(r, c) ? 'switch' : null;
    return { tone: 'value', mark };
  };
}

/**
 * The look of the pooled grid and of both index grids. Pooling: cells after the current one
 * are empty, the current one 'active'. Unpooling: the value travelling now 'active'.
 */
export function pooledLook(plans: ChannelPlans, at: PhaseAt): LookFn {
  const { outW } = plans.pool.info;
  let shownUpTo = Number.POSITIVE_INFINITY;
  let active: number;
  if (at.phase === 'pool') {
    shownUpTo = at.poolIndex;
    active = at.poolIndex;
  } else {
    const { source } = unpoolStep(plans.unpool, at.unpoolIndex);
    active = source.iy * outW + source.ix;
  }
  return (r, c) => {
    const j = r * outW + c;
    return { tone: j > shownUpTo ? 'empty' : 'value', mark: j === active ? 'active' : null };
  };
}

/**
 * The unpooled output's look. Pooling (`progress` null): empty. Unpooling: cells nothing has
 * reached are zero-toned; a cell some but not all of its windows have reached is empty with a
 * note "arrived/covering"; this step's destination (max) or window cells (average) are
 * 'active'. Comparison (`fates` given): survivors 'linked' instead.
 */
export function outputLook(plans: ChannelPlans, at: PhaseAt, progress: UnpoolProgress | null, fates: readonly Fate[] | null): LookFn {
  if (!progress) return () => ({ tone: 'empty' });
  const { outW } = plans.unpool.info;
  const destinations = new Cells(outW);
  if (at.phase !== 'pool' && !fates) {
    const current = unpoolStep(plans.unpool, at.unpoolIndex);
    if (current.kind === 'maxUnpool') destinations.add(current.destination.oy, current.destination.ox);
    else for (const d of current.destinations) if (!d.outside) destinations.add(d.oy, d.ox);
  }
  const info = plans.pool.info;
  return (r, c) => {
    const cell = r * outW + c;
    const got = progress.arrived[cell];
    const pending = got > 0 && got < progress.covering[cell];
    const tone: Tone = got === 0 ? 'zero' : pending ? 'empty' : 'value';
    const note = pending ? `${got}/${progress.covering[cell]}` : undefined;
    if (fates) return { tone, note, mark: fateOf(info, fates, r, c) === 'kept' ? 'linked' : null };
    return { tone, note, mark: destinations.has(r, c) ? 'active' : null };
  };
}

/** All of one channel's looks at `at` (see inputLook, pooledLook, outputLook). */
export function unpoolLooks(
  plans: ChannelPlans, at: PhaseAt, progress: UnpoolProgress | null, fates: readonly Fate[] | null,
): UnpoolLooks {
  const pooled = pooledLook(plans, at);
  return { input: inputLook(plans, at.phase, at.poolIndex, fates), pooled, switches: pooled, output: outputLook(plans, at, progress, fates) };
}

// ---------------------------------------------------------------------------------------------
// Sentences' numbers
// ---------------------------------------------------------------------------------------------

/** The values of a pooling window's real cells, formatted and comma-separated ("1, 2, 5, 6"): what max(…) is taken of. */
export function windowValues(current: MaxPoolStep | AvgPoolStep, x: ArrayLike<number>): string {
  return current.window.filter((c) => !c.padding).map((c) => formatValue(x[c.xIndex])).join(', ');
}

/**
 * The sum an average divides, as text ("1 + 2 + 5 + 6"); padding cells the divisor counts
 * appear as 0 so the number of terms matches the divisor.
 */
export function averageTerms(current: AvgPoolStep, x: ArrayLike<number>, countIncludePad: boolean): string {
  const terms = current.window.filter((c) => !c.padding).map((c) => (x[c.xIndex] < 0 ? `(${formatValue(x[c.xIndex])})` : formatValue(x[c.xIndex])));
  const zeros = countIncludePad ? current.divisor - terms.length : 0;
  for (let k = 0; k < zeros; k++) terms.push('0');
  return terms.join(' + ');
}

/** Whether a pooling window reaches into the padding. */
export function windowHasPadding(current: MaxPoolStep | AvgPoolStep): boolean {
  return current.window.some((c) => c.padding);
}

/** The rows and columns of an average-unpooling step's window inside the output (null when none is inside). */
export function unpoolWindowSpan(current: AvgUnpoolStep): { r0: number; r1: number; c0: number; c1: number } | null {
  const inside = current.destinations.filter((d) => !d.outside);
  if (inside.length === 0) return null;
  const rows = inside.map((d) => d.oy);
  const cols = inside.map((d) => d.ox);
  return { r0: Math.min(...rows), r1: Math.max(...rows), c0: Math.min(...cols), c1: Math.max(...cols) };
}

/** Whether some output cell is covered by more than one window (the mean matters), and whether some by none (stays 0). */
export function avgCoverage(plan: AvgUnpoolPlan): { overlap: boolean; gaps: boolean } {
  const { arrived } = unpoolProgress(plan, plan.info.inH * plan.info.inW - 1);
  let overlap = false;
  let gaps = false;
  for (const n of arrived) {
    if (n > 1) overlap = true;
    if (n === 0) gaps = true;
  }
  return { overlap, gaps };
}
