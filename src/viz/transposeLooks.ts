/**
 * The looks of the transposed convolution's two views, the scatter and the direct form: pure
 * functions of a plan, the current step and the hover state, like looks.ts (whose shared
 * vocabulary they use). A module of its own so it loads with the transposed views instead of
 * weighing on the first page, which only draws the convolution.
 */
import {
  DIRECT_STAGES, directGridCell, scatterSources, step, zeroInsertPosition,
  type ConvTransposeDirectPlan, type ConvTransposeDirectStep, type ConvTransposeScatterPlan, type ConvTransposeScatterStep,
} from '../engine';
import {
  CellSet, coords, hoverOn, ofChannel, progressiveValue, times, weightIndex,
  type GridCell, type HoverCell, type LookFn, type Mark, type Tone, type ValueFn,
} from './looks';

/** Offset of that kernel, flipped, in the direct form's flipped weight `[Cout, Cin/g, kH, kW]`. */
export function flippedPlaneBase(plan: ConvTransposeDirectPlan, inputChannel: number): number {
  const { inPerGroup, kH, kW } = plan.info;
  return (plan.outChannel * inPerGroup + inputChannel - plan.group * inPerGroup) * kH * kW;
}

// ---------------------------------------------------------------------------------------------
// Transposed convolution, scatter
// ---------------------------------------------------------------------------------------------

/** Size of the uncropped scatter canvas, output padding included. */
export function canvasSize(plan: ConvTransposeScatterPlan): { rows: number; cols: number } {
  return { rows: plan.info.canvasH, cols: plan.info.canvasW };
}

/**
 * Which canvas cells stamps 0 … `upTo` have reached (positions only, from the plan's steps),
 * as a row-major 0/1 array of the canvas. O(upTo · kH·kW). Allocates the array.
 */
export function scatterReached(plan: ConvTransposeScatterPlan, upTo: number): Uint8Array {
  const { rows, cols } = canvasSize(plan);
  // Stepping forward continues from this plan's last answer (a copy: the one handed out stays as it was).
  const before = lastReached.get(plan);
  const resume = before && before.upTo <= upTo ? before : null;
  const reached = resume ? resume.reached.slice() : new Uint8Array(rows * cols);
  for (let i = resume ? resume.upTo + 1 : 0; i <= upTo; i++) for (const term of step(plan, i).terms) reached[term.fullY * cols + term.fullX] = 1;
  lastReached.set(plan, { upTo, reached });
  return reached;
}

/** Each plan's last `scatterReached` answer and the step it is for. */
const lastReached = new WeakMap<ConvTransposeScatterPlan, { upTo: number; reached: Uint8Array }>();

/** The output cell canvas cell (fy, fx) lands on, or null where the padding crops it. */
export function canvasOutputCell(plan: ConvTransposeScatterPlan, fy: number, fx: number): GridCell | null {
  const cell = canvasCell(plan, fy, fx);
  return cell.cropped ? null : { row: cell.oy, col: cell.ox };
}

/**
 * The input cell at cell (r, c) of the direct form's padded grid, or null for an inserted zero
 * or padding; with `zeroInserted`, (r, c) is a cell of the zero-inserted grid before padding.
 */
export function directInputCell(plan: ConvTransposeDirectPlan, r: number, c: number, zeroInserted = false): GridCell | null {
  const { pad } = plan.info.direct;
  const src = zeroInserted ? directGridCell(plan, r + pad.top, c + pad.left) : directGridCell(plan, r, c);
  return src.source === 'input' ? { row: src.iy, col: src.ix } : null;
}

/** Canvas cell (fy, fx) → where it lands in the output, and whether that is outside (cropped) or an added output-padding row/column. */
function canvasCell(plan: ConvTransposeScatterPlan, fy: number, fx: number): { oy: number; ox: number; cropped: boolean; added: boolean } {
  const { pad, outH, outW, fullH, fullW } = plan.info;
  const oy = fy - pad.top;
  const ox = fx - pad.left;
  const cropped = oy < 0 || oy >= outH || ox < 0 || ox >= outW;
  return { oy, ox, cropped, added: !cropped && (fy >= fullH || fx >= fullW) };
}

/**
 * The scatter canvas value: the engine's canvas after the current stamp where a stamp has
 * reached, 0 on the output-padding rows/columns, blank elsewhere.
 */
export function canvasValue(plan: ConvTransposeScatterPlan, canvas: ArrayLike<number>, reached: Uint8Array): ValueFn {
  const { cols } = canvasSize(plan);
  return (r, c) => (canvasCell(plan, r, c).added ? 0 : reached[r * cols + c] ? canvas[r * cols + c] : null);
}

/**
 * The scatter view's output: from the last stamp on, the engine's output; before, the partial
 * sums (the canvas inside the crop, where a stamp has reached). Output-padding cells read 0.
 */
export function scatterOutputValue(
  plan: ConvTransposeScatterPlan, output: ArrayLike<number>, canvas: ArrayLike<number>, reached: Uint8Array, final: boolean,
): ValueFn {
  if (final) return progressiveValue(plan, output, Number.POSITIVE_INFINITY);
  const { pad } = plan.info;
  const onCanvas = canvasValue(plan, canvas, reached);
  return (r, c) => onCanvas(r + pad.top, c + pad.left);
}

/** The looks of the scatter view's grids. */
export interface ScatterLooks {
  readonly input: LookFn;
  readonly kernel: LookFn;
  readonly canvas: LookFn;
  readonly output: LookFn;
}

/**
 * Looks for scatter step `current`: its input cell and the cells its stamp covers are active
 * (on the canvas and, where not cropped, on the output); the crop and the output-padding
 * rows/columns have their tones; blank cells are empty. Hover: an output cell links the input
 * cells whose stamps reach it (noted with the kernel value) and the kernel cells doing it
 * (noted with the input cell); an input cell links its stamp. The looks are those of input
 * channel `inputChannel`'s grids (default: the group's first). O(kH·kW) plus the `reached` array.
 */
export function scatterLooks(
  plan: ConvTransposeScatterPlan, current: ConvTransposeScatterStep, hover: HoverCell | null, w: ArrayLike<number>, reached: Uint8Array, final: boolean,
  inputChannel = plan.inputChannels[0],
): ScatterLooks {
  const { inH, inW, kW, outH, outW, pad } = plan.info;
  const { cols: canvasCols } = canvasSize(plan);
  const stampCanvas = new CellSet(canvasCols);
  const stampOut = new CellSet(outW);
  const own = ofChannel(current.terms, inputChannel);
  for (const term of own) {
    stampCanvas.add(term.fullY, term.fullX);
    if (!term.cropped) stampOut.add(term.oy, term.ox);
  }

  const linkedIn = new CellSet(inW);
  const linkedK = new CellSet(kW);
  const linkedCanvas = new CellSet(canvasCols);
  const linkedOut = new CellSet(outW);
  if (hoverOn(hover, 'output', plan.outChannel) && hover.row >= 0 && hover.row < outH && hover.col >= 0 && hover.col < outW) {
    linkedOut.add(hover.row, hover.col);
    linkedCanvas.add(hover.row + pad.top, hover.col + pad.left);
    for (const src of scatterSources(plan, hover.row, hover.col)) {
      linkedIn.add(src.iy, src.ix, times(w[weightIndex(own, src.ky, src.kx)]));
      linkedK.add(src.ky, src.kx, `←${coords(src.iy, src.ix)}`);
    }
  } else if (hoverOn(hover, 'input', inputChannel) && hover.row >= 0 && hover.row < inH && hover.col >= 0 && hover.col < inW) {
    linkedIn.add(hover.row, hover.col);
    for (const term of ofChannel(step(plan, hover.row * inW + hover.col).terms, inputChannel)) {
      linkedCanvas.add(term.fullY, term.fullX);
      if (!term.cropped) linkedOut.add(term.oy, term.ox);
    }
  }

  const mark = (active: boolean, linked: boolean): Mark => (active ? 'active' : linked ? 'linked' : null);
  return {
    input: (r, c) => ({
      mark: mark(r === current.source.iy && c === current.source.ix, linkedIn.has(r, c)),
      note: linkedIn.note(r, c),
    }),
    kernel: (r, c) => ({ mark: linkedK.has(r, c) ? 'linked' : 'window', note: linkedK.note(r, c) }),
    canvas: (r, c) => {
      const cell = canvasCell(plan, r, c);
      const tone: Tone = cell.cropped ? 'cropped' : cell.added ? 'padding' : reached[r * canvasCols + c] ? 'value' : 'empty';
      return { tone, mark: mark(stampCanvas.has(r, c), linkedCanvas.has(r, c)) };
    },
    output: (r, c) => {
      const fy = r + pad.top;
      const fx = c + pad.left;
      const added = canvasCell(plan, fy, fx).added;
      const shown = final || reached[fy * canvasCols + fx] === 1;
      const tone: Tone = added ? 'padding' : shown ? 'value' : 'empty';
      return { tone, mark: mark(stampOut.has(r, c), linkedOut.has(r, c)) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Transposed convolution, direct form
// ---------------------------------------------------------------------------------------------

/** The three steps of the direct form; the sweep is every step from DIRECT_STAGES on. */
export type DirectStage = ConvTransposeDirectStep['kind'];

/** Index of the current sweep cell (row-major in the output), −1 during the first two steps. */
export function sweepIndex(current: ConvTransposeDirectStep): number {
  return current.kind === 'sweep' ? current.index - DIRECT_STAGES : -1;
}

/** Where each input cell sits in the zero-inserted grid, and how far it moved (in cells) from its place in the input. */
export function spreadMoves(plan: ConvTransposeDirectPlan): { iy: number; ix: number; zy: number; zx: number; dy: number; dx: number }[] {
  const moves = [];
  for (let iy = 0; iy < plan.info.inH; iy++) {
    for (let ix = 0; ix < plan.info.inW; ix++) {
      const { zy, zx } = zeroInsertPosition(plan, iy, ix);
      moves.push({ iy, ix, zy, zx, dy: zy - iy, dx: zx - ix });
    }
  }
  return moves;
}

/** The looks of the direct view's grids. */
export interface DirectLooks {
  /** The zero-inserted input (zeroH × zeroW). */
  readonly zeroInserted: LookFn;
  /** The zero-inserted, padded input (paddedH × paddedW). */
  readonly padded: LookFn;
  /** The original kernel. */
  readonly kernel: LookFn;
  readonly flipped: LookFn;
  readonly output: LookFn;
}

/**
 * Looks for direct step `current`. Tones come from `directGridCell` (input, inserted zero,
 * padding). Kernel step: each kernel cell notes where it goes, each flipped cell where it came
 * from. Sweep: the window's taps on the padded grid (noted with the flipped-kernel value they
 * meet), the flipped kernel, the active output cell; later output cells are empty. Hover: an
 * output cell links its window on the padded grid, an input cell links where it sits. The
 * looks are those of input channel `inputChannel`'s grids (default: the group's first).
 */
export function directLooks(
  plan: ConvTransposeDirectPlan, current: ConvTransposeDirectStep, hover: HoverCell | null, w: ArrayLike<number>, inputChannel = plan.inputChannels[0],
): DirectLooks {
  const { inH, inW, kW, outH, outW, direct } = plan.info;
  const { paddedW } = plan.info.direct;
  const cur = sweepIndex(current);

  const window = new CellSet(paddedW);
  if (current.kind === 'sweep') for (const term of ofChannel(current.terms, inputChannel)) window.add(term.gy, term.gx, times(w[term.wIndex]));

  const linkedPadded = new CellSet(paddedW);
  const linkedZero = new CellSet(direct.zeroW);
  const linkedOut = new CellSet(outW);
  if (hoverOn(hover, 'output', plan.outChannel) && hover.row >= 0 && hover.row < outH && hover.col >= 0 && hover.col < outW) {
    linkedOut.add(hover.row, hover.col);
    const sweep = step(plan, DIRECT_STAGES + hover.row * outW + hover.col);
    if (sweep.kind === 'sweep') for (const term of ofChannel(sweep.terms, inputChannel)) linkedPadded.add(term.gy, term.gx);
  } else if (hoverOn(hover, 'input', inputChannel) && hover.row >= 0 && hover.row < inH && hover.col >= 0 && hover.col < inW) {
    const { zy, zx } = zeroInsertPosition(plan, hover.row, hover.col);
    linkedZero.add(zy, zx);
    linkedPadded.add(zy + direct.pad.top, zx + direct.pad.left);
  }

  const flipTo = new CellSet(kW);
  const flipFrom = new CellSet(kW);
  if (current.kind === 'kernel') {
    for (const m of current.cells) {
      flipTo.add(m.ky, m.kx, `→${coords(m.fy, m.fx)}`);
      flipFrom.add(m.fy, m.fx, `←${coords(m.ky, m.kx)}`);
    }
  }

  const toneOf = (gy: number, gx: number): Tone => {
    const source = directGridCell(plan, gy, gx).source;
    return source === 'input' ? 'value' : source;
  };
  return {
    zeroInserted: (r, c) => ({
      tone: toneOf(r + direct.pad.top, c + direct.pad.left),
      mark: linkedZero.has(r, c) ? 'linked' : null,
    }),
    padded: (r, c) => ({
      tone: toneOf(r, c),
      mark: linkedPadded.has(r, c) ? 'linked' : window.has(r, c) ? 'window' : null,
      note: window.note(r, c),
    }),
    kernel: (r, c) => ({ note: flipTo.note(r, c) }),
    flipped: (r, c) => ({ mark: current.kind === 'sweep' ? 'window' : null, note: flipFrom.note(r, c) }),
    output: (r, c) => {
      const j = r * outW + c;
      const mark: Mark = j === cur ? 'active' : linkedOut.has(r, c) ? 'linked' : null;
      return { tone: j > cur ? 'empty' : 'value', mark };
    },
  };
}
