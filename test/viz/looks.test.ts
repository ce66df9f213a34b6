import { describe, expect, it } from 'vitest';
import {
  computeExplore, convPlan, convTransposeDirectPlan, convTransposeScatterPlan, explore, paddedInputSize, scatterCanvasAfter, step, stepCount,
  type ExploreSpec,
} from '../../src/engine';
import {
  convLooks, dilatedValue, equationTerms, inputPlaneBase, paddedInputValue,
  plainValue, progressiveValue, quietLook,
  termsByChannel, weightPlaneBase,
  type LookFn,
} from '../../src/viz/looks';
import { tensorPlaneBase, tensorPlanes } from '../../src/viz/planes';
import {
  canvasSize, canvasValue, directLooks, flippedPlaneBase, scatterLooks, scatterOutputValue, scatterReached, spreadMoves, sweepIndex,
} from '../../src/viz/transposeLooks';

const base: ExploreSpec = {
  op: 'conv', fw: 'torch', input: [5, 5], kernel: [3, 3], stride: [1, 1], padding: [0, 0],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null,
};

function conv(spec: Partial<ExploreSpec>) {
  const e = explore({ ...base, ...spec, op: 'conv' });
  if (e.op !== 'conv') throw new Error('expected conv');
  return convPlan(e.info);
}

function convT(spec: Partial<ExploreSpec>) {
  const e = explore({ ...base, ...spec, op: 'convT' });
  if (e.op !== 'convT') throw new Error('expected convT');
  return { scatter: convTransposeScatterPlan(e.info), direct: convTransposeDirectPlan(e.info) };
}

/** Every (r, c) of a rows × cols grid whose look has `mark`, as "r,c" strings, sorted. */
function marked(look: LookFn, rows: number, cols: number, mark: string): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (look(r, c).mark === mark) out.push(`${r},${c}`);
  return out.sort();
}

function toned(look: LookFn, rows: number, cols: number, tone: string): number {
  let n = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if ((look(r, c).tone ?? 'value') === tone) n++;
  return n;
}

/** The cells a window with top-left (top, left), k taps d apart covers: written here from the definition. */
function windowCells(top: number, left: number, kH: number, kW: number, dH: number, dW: number): string[] {
  const out: string[] = [];
  for (let a = 0; a < kH; a++) for (let b = 0; b < kW; b++) out.push(`${top + a * dH},${left + b * dW}`);
  return out.sort();
}

const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('convLooks', () => {
  it('TF in=5 k=3 s=2 SAME: a 7×7 padded grid whose ring is padding and reads 0', () => {
    const plan = conv({ fw: 'tf', stride: [2, 2], padding: 'SAME' });
    const { rows, cols } = paddedInputSize(plan.info);
    expect([rows, cols]).toEqual([7, 7]);
    const looks = convLooks(plan, step(plan, 0), null, seq(9));
    expect(toned(looks.input, rows, cols, 'padding')).toBe(7 * 7 - 5 * 5);
    const value = paddedInputValue(plan, seq(25));
    expect(value(0, 0)).toBe(0);
    expect(value(1, 1)).toBe(1);
    expect(value(5, 5)).toBe(25);
    expect(value(6, 3)).toBe(0);
  });

  it('each step marks its window s cells further on, the active output cell, and empties later cells', () => {
    const plan = conv({ fw: 'tf', stride: [2, 2], padding: 'SAME' });
    const { outW, outH } = plan.info;
    for (let i = 0; i < stepCount(plan); i++) {
      const looks = convLooks(plan, step(plan, i), null, seq(9));
      const oy = Math.floor(i / outW);
      const ox = i % outW;
      expect(marked(looks.input, 7, 7, 'window')).toEqual(windowCells(oy * 2, ox * 2, 3, 3, 1, 1));
      expect(marked(looks.output, outH, outW, 'active')).toEqual([`${oy},${ox}`]);
      expect(toned(looks.output, outH, outW, 'empty')).toBe(outH * outW - 1 - i);
    }
  });

  it('notes each window tap with the kernel value it meets', () => {
    const plan = conv({ padding: [1, 1] });
    const looks = convLooks(plan, step(plan, 0), null, seq(9));
    expect(looks.input(0, 0).note).toBe('×1');
    expect(looks.input(2, 2).note).toBe('×9');
    expect(looks.input(3, 3).note).toBeUndefined();
  });

  it('with dilation 2 marks only the spread taps, and the dilated kernel has zeros between them', () => {
    const plan = conv({ input: [7, 7], dilation: [2, 2] });
    const looks = convLooks(plan, step(plan, 1), null, seq(9));
    expect(marked(looks.input, 7, 7, 'window')).toEqual(windowCells(0, 1, 3, 3, 2, 2));
    const dv = dilatedValue(plan, seq(9));
    expect([dv(0, 0), dv(0, 1), dv(0, 2), dv(2, 4), dv(4, 4), dv(1, 1)]).toEqual([1, 0, 2, 6, 9, 0]);
    expect(looks.dilated(1, 0).tone).toBe('zero');
    expect(looks.dilated(2, 2).mark).toBe('window');
  });

  it('hovering an output cell links its receptive field (over the window), not the rest', () => {
    const plan = conv({ padding: [1, 1] });
    const looks = convLooks(plan, step(plan, 0), { grid: 'output', row: 2, col: 3 }, seq(9));
    // Output (2, 3) with p=1 reads input rows 1..3, cols 2..4: padded rows 2..4, cols 3..5.
    expect(marked(looks.input, 7, 7, 'linked')).toEqual(windowCells(2, 3, 3, 3, 1, 1));
    expect(looks.output(2, 3).mark).toBe('linked');
    expect(looks.output(0, 0).mark).toBe('active');
  });

  it('hovering an input cell links every output cell it feeds and notes the kernel cells', () => {
    const plan = conv({});
    const looks = convLooks(plan, step(plan, 0), { grid: 'input', row: 1, col: 1 }, seq(9));
    // Stride 1, no padding: input (1, 1) feeds outputs (1 − ky, 1 − kx) for ky, kx ∈ {0, 1}.
    expect(marked(looks.output, 3, 3, 'linked').concat(marked(looks.output, 3, 3, 'active')).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(looks.kernel(1, 1).note).toBe('→0,0');
    expect(looks.kernel(0, 0).note).toBe('→1,1');
    expect(looks.kernel(2, 2).note).toBeUndefined();
    expect(looks.output(1, 1).note).toBe('×1');
    expect(looks.output(0, 0).note).toBe('×5');
  });

  it('progressiveValue shows cells up to the step and blanks the rest', () => {
    const plan = conv({});
    const v = progressiveValue(plan, [10, 11, 12, 13, 14, 15, 16, 17, 18], 4);
    expect([v(0, 0), v(1, 1), v(1, 2), v(2, 2)]).toEqual([10, 14, null, null]);
  });
});

describe('scatterLooks', () => {
  const { scatter } = convT({ fw: 'tf', input: [3, 3], stride: [2, 2], padding: 'SAME', outputShape: [5, 5] });

  it('TF convT in=3 k=3 s=2 SAME out=5: a 7×7 canvas whose outer ring is cropped', () => {
    const { rows, cols } = canvasSize(scatter);
    expect([rows, cols]).toEqual([7, 7]);
    const looks = scatterLooks(scatter, step(scatter, 0), null, seq(9), scatterReached(scatter, 0), false);
    expect(toned(looks.canvas, 7, 7, 'cropped')).toBe(49 - 25);
    expect(looks.canvas(0, 3).tone).toBe('cropped');
    expect(looks.canvas(1, 1).tone).toBe('value');
  });

  it('marks the current stamp on the canvas and the source on the input; unreached cells are empty', () => {
    const i = 4; // input (1, 1): its stamp covers canvas rows/cols 2..4
    const reached = scatterReached(scatter, i);
    const looks = scatterLooks(scatter, step(scatter, i), null, seq(9), reached, false);
    expect(marked(looks.canvas, 7, 7, 'active')).toEqual(windowCells(2, 2, 3, 3, 1, 1));
    expect(marked(looks.input, 3, 3, 'active')).toEqual(['1,1']);
    expect(marked(looks.output, 5, 5, 'active')).toEqual(windowCells(1, 1, 3, 3, 1, 1));
    // Stamps 0..4 reach canvas rows 0..4 (all columns up to 6 on rows 0..2, up to 4 on rows 3..4).
    expect(looks.canvas(6, 5).tone).toBe('cropped');
    expect(looks.canvas(5, 5).tone).toBe('empty');
    expect(looks.canvas(4, 5).tone).toBe('empty');
  });

  it('the output shows partial sums (the canvas inside the crop) before the last stamp, the engine output at it', () => {
    const x = seq(9);
    const w = [1, 0, -1, 2, 1, 0, 0, 1, 1];
    const mid = 3;
    const canvas = scatterCanvasAfter(scatter, mid, x, w);
    const reached = scatterReached(scatter, mid);
    const partial = scatterOutputValue(scatter, new Float64Array(25).fill(99), canvas, reached, false);
    const onCanvas = canvasValue(scatter, canvas, reached);
    expect(partial(0, 0)).toBe(onCanvas(1, 1));
    expect(partial(4, 4)).toBeNull();
    const final = scatterOutputValue(scatter, new Float64Array(25).fill(99), canvas, reached, true);
    expect(final(4, 4)).toBe(99);
  });

  it('hovering an output cell links the inputs whose stamps reach it, noting the kernel value', () => {
    const looks = scatterLooks(scatter, step(scatter, 0), { grid: 'output', row: 1, col: 1 }, seq(9), scatterReached(scatter, 0), false);
    // Output (1, 1) is canvas (2, 2): reached by input (1, 1) with tap (0, 0), and by (0, 0) with tap (2, 2), (0, 1) with (2, 0), (1, 0) with (0, 2).
    expect(marked(looks.input, 3, 3, 'linked').concat(marked(looks.input, 3, 3, 'active')).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
    expect(looks.input(1, 1).note).toBe('×1');
    expect(looks.kernel(2, 2).note).toBe('←0,0');
  });

  it('output padding rows are drawn as padding on canvas and output', () => {
    const { scatter: s } = convT({ input: [2, 2], kernel: [2, 2], stride: [2, 2], outputPadding: [1, 1] });
    const { rows, cols } = canvasSize(s);
    expect([rows, cols]).toEqual([5, 5]);
    const reached = scatterReached(s, stepCount(s) - 1);
    const looks = scatterLooks(s, step(s, stepCount(s) - 1), null, [1, 1, 1, 1], reached, true);
    expect(looks.canvas(4, 0).tone).toBe('padding');
    expect(looks.output(4, 4).tone).toBe('padding');
    expect(looks.output(3, 3).tone).toBe('value');
    expect(canvasValue(s, new Float64Array(25), reached)(4, 2)).toBe(0);
  });
});

describe('directLooks', () => {
  const { direct } = convT({ fw: 'tf', input: [3, 3], stride: [2, 2], padding: 'SAME', outputShape: [5, 5] });

  it('tones the padded grid by what sits there: inputs, inserted zeros, padding', () => {
    const looks = directLooks(direct, step(direct, 1), null, seq(9));
    const { zeroH, zeroW, paddedH, paddedW } = direct.info.direct;
    expect(toned(looks.padded, paddedH, paddedW, 'value')).toBe(9);
    expect(toned(looks.padded, paddedH, paddedW, 'zero')).toBe(zeroH * zeroW - 9);
    expect(toned(looks.padded, paddedH, paddedW, 'padding')).toBe(paddedH * paddedW - zeroH * zeroW);
    expect(toned(looks.zeroInserted, zeroH, zeroW, 'zero')).toBe(zeroH * zeroW - 9);
  });

  it('the transposed-kernel step notes where each kernel value goes and comes from', () => {
    const looks = directLooks(direct, step(direct, 1), null, seq(9));
    expect(looks.kernel(0, 0).note).toBe('→2,2');
    expect(looks.flipped(0, 1).note).toBe('←2,1');
  });

  it('sweep steps mark a stride-1 window on the padded grid and the active output cell', () => {
    for (const j of [0, 7, 24]) {
      const current = step(direct, 2 + j);
      expect(sweepIndex(current)).toBe(j);
      const looks = directLooks(direct, current, null, seq(9));
      const oy = Math.floor(j / 5);
      const ox = j % 5;
      expect(marked(looks.padded, direct.info.direct.paddedH, direct.info.direct.paddedW, 'window')).toEqual(windowCells(oy, ox, 3, 3, 1, 1));
      expect(marked(looks.output, 5, 5, 'active')).toEqual([`${oy},${ox}`]);
      expect(toned(looks.output, 5, 5, 'empty')).toBe(24 - j);
    }
    expect(sweepIndex(step(direct, 1))).toBe(-1);
  });

  it('spreadMoves moves input (iy, ix) to (iy·s, ix·s)', () => {
    const moves = spreadMoves(direct);
    expect(moves).toHaveLength(9);
    expect(moves[5]).toEqual({ iy: 1, ix: 2, zy: 2, zx: 4, dy: 1, dx: 2 });
  });
});

describe('equationTerms and tensorPlanes', () => {
  it('writes products as x·w, negatives in parentheses, muted where asked', () => {
    const terms = equationTerms([{ x: 1, w: -2, product: -2 }, { x: 0, w: 0.5, product: 0 }], [false, true]);
    expect(terms).toEqual([{ text: '1·(-2)', muted: false }, { text: '0·0.5', muted: true }]);
  });

  it('tensorPlanes reads each channel of a [1, C, H, W] tensor row by row', () => {
    const planes = tensorPlanes({ shape: [1, 2, 2, 3], data: Array.from({ length: 12 }, (_, i) => i) });
    expect(planes).toHaveLength(2);
    expect([planes[0](0, 0), planes[0](1, 2), planes[1](0, 0), planes[1](1, 1)]).toEqual([0, 5, 6, 10]);
  });
});

describe('channels', () => {
  const spec = (op: 'conv' | 'convT', cin: number, cout: number, groups: number): ExploreSpec =>
    ({ ...base, input: [4, 4], kernel: [2, 3], op, channels: { in: cin, out: cout, groups } });
  const convInfo = (cin: number, cout: number, groups: number) => {
    const e = explore(spec('conv', cin, cout, groups));
    if (e.op !== 'conv') throw new Error('expected conv');
    return e.info;
  };
  const convTInfo = (cin: number, cout: number, groups: number) => {
    const e = explore(spec('convT', cin, cout, groups));
    if (e.op !== 'convT') throw new Error('expected convT');
    return e.info;
  };

  it('weightPlaneBase follows the layouts: conv [Cout, Cin/g, kH, kW], transposed [Cin, Cout/g, kH, kW]', () => {
    const conv = convInfo(4, 4, 2);
    const convT = convTInfo(4, 4, 2);
    for (let co = 0; co < 4; co++) {
      const cp = convPlan(conv, { channel: co });
      const tp = convTransposeScatterPlan(convT, { channel: co });
      const group = Math.floor(co / 2);
      for (const ci of cp.inputChannels) {
        // Written from the layouts: 2 input channels and 2 output channels per group, 2·3 taps per kernel.
        expect(weightPlaneBase(cp, ci)).toBe((co * 2 + (ci - group * 2)) * 6);
        expect(weightPlaneBase(tp, ci)).toBe((ci * 2 + (co - group * 2)) * 6);
        // The engine's own steps index the same kernels.
        const first = (terms: readonly { inputChannel: number; ky: number; kx: number; wIndex: number }[]) =>
          terms.find((term) => term.inputChannel === ci && term.ky === 0 && term.kx === 0)?.wIndex;
        expect(first(step(cp, 0).terms)).toBe(weightPlaneBase(cp, ci));
        expect(first(step(tp, 0).terms)).toBe(weightPlaneBase(tp, ci));
      }
    }
  });

  it('inputPlaneBase and tensorPlaneBase find plane c of an NCHW tensor; paddedInputValue reads that plane', () => {
    const plan = convPlan(convInfo(3, 1, 1));
    expect(inputPlaneBase(plan, 2)).toBe(2 * 16);
    expect(tensorPlaneBase([1, 3, 5, 7], 0, 2)).toBe(2 * 35);
    const x = Array.from({ length: 48 }, (_, i) => i);
    expect(paddedInputValue(plan, x, 2)(1, 3)).toBe(32 + 4 + 3);
    expect(plainValue(x, 4, inputPlaneBase(plan, 1))(0, 1)).toBe(17);
  });

  it('flippedPlaneBase finds the 180° rotation of the kernel w[ci, co] in the engine’s flipped weight', () => {
    const info = convTInfo(2, 4, 2);
    const w = Array.from({ length: 2 * 2 * 6 }, (_, i) => i + 1);
    const numbers = computeExplore(spec('convT', 2, 4, 2), Array.from({ length: 32 }, () => 1), w);
    if (numbers.op !== 'convT') throw new Error('expected convT numbers');
    for (let co = 0; co < 4; co++) {
      const plan = convTransposeDirectPlan(info, { channel: co });
      for (const ci of plan.inputChannels) {
        const kernel = plainValue(w, 3, weightPlaneBase(plan, ci));
        const flipped = plainValue(numbers.flippedWeight.data, 3, flippedPlaneBase(plan, ci));
        for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(flipped(r, c)).toBe(kernel(1 - r, 2 - c));
      }
    }
  });

  it('convLooks of one input channel: its window notes use its own kernel; an input hover links only its own grid', () => {
    const plan = convPlan(convInfo(2, 1, 1));
    const w = Array.from({ length: 12 }, (_, i) => i + 1);
    const current = step(plan, 0);
    expect(convLooks(plan, current, null, w, 1).input(0, 0).note).toBe('×7');
    expect(convLooks(plan, current, null, w, 0).input(0, 0).note).toBe('×1');
    const hover = { grid: 'input' as const, row: 1, col: 1, channel: 1 };
    expect(convLooks(plan, current, hover, w, 1).input(1, 1).mark).toBe('linked');
    expect(convLooks(plan, current, hover, w, 0).input(1, 1).mark).toBe('window');
    // Input (1, 1) feeds output (1, 0) through kernel tap (0, 1): channel 2's kernel value 8.
    expect(convLooks(plan, current, hover, w, 1).output(1, 0).note).toBe('×8');
    // A hover on another output channel's grid does not touch this plan's grids.
    expect(convLooks(plan, current, { grid: 'output', row: 1, col: 1, channel: 3 }, w).output(1, 1).mark).toBeNull();
  });

  it('termsByChannel splits a step’s terms by input channel in order; quietLook keeps tones only', () => {
    const plan = convPlan(convInfo(3, 1, 1));
    const groups = termsByChannel(step(plan, 0).terms);
    expect(groups.map((g) => [g.channel, g.terms.length])).toEqual([[0, 6], [1, 6], [2, 6]]);
    const look: LookFn = () => ({ tone: 'empty', mark: 'active', note: 'x' });
    expect(quietLook(look)(0, 0)).toEqual({ tone: 'empty' });
  });
});
