/**
 * What one frame of an exported picture shows: the grids of the view at a step, each with the
 * same value, look and colour functions the view on screen gives its Grid (from src/viz), and
 * the words around them in the page's language. Pure: built from the store's plan selectors and
 * the picture, never from the DOM, so a frame of any step can be made without stepping the page.
 * The view components wire these same functions to Grid; hover and pinning play no part here.
 */
import { convStep, evaluateTerms, hasPadding, paddedInputSize, scatterCanvasAfter, step } from '../engine';
import { addMessages, listOf, t, type MessageKey } from '../i18n';
import { enTranspose } from '../i18n/en-transpose';
import { enUnpool } from '../i18n/en-unpool';
import type { State } from '../store';
import { selectConvPlans, type ConvPlans } from '../store/plans';
import type { ViewId } from '../store/playbackSlice';
import type { Picture } from '../store/resultsSlice';
import { selectTransposePlans, type TransposePlans } from '../store/transposePlans';
import { selectUnpoolPlans, type UnpoolPlans } from '../store/unpoolPlans';
import { channelGridName } from '../components/views/channels';
import { maxAbs, valueColor } from '../viz/color';
import { formatValue } from '../viz/format';
import {
  convLooks, dilatedSize, equationTerms, dilatedValue, inputPlaneBase, paddedInputValue, plainValue, progressiveValue, quietLook, weightPlaneBase,
  type LookFn, type ValueFn,
} from '../viz/looks';
import { tensorPlaneBase } from '../viz/planes';
import { canvasSize, canvasValue, directLooks, flippedPlaneBase, scatterLooks, scatterOutputValue, scatterReached, sweepIndex } from '../viz/transposeLooks';
import {
  inputLook, outputLook, phaseAt, planeValue, pooledLook, poolInputValue, survival, unpoolOutputValue, unpoolProgress, type UnpoolPhase,
} from '../viz/unpoolLooks';

// Frames of every view can be made whichever view has loaded: their words come with this module.
addMessages(enTranspose);
addMessages(enUnpool);

/** One grid of a frame, as the view on screen draws it. */
export interface FrameGrid {
  /** The grid's accessible name on screen ("Output", "Input, channel 2"). */
  readonly name: string;
  /** Its visible caption ("Output 3 × 3"). */
  readonly caption: string;
  readonly rows: number;
  readonly cols: number;
  readonly value: ValueFn;
  readonly look: LookFn;
  readonly color?: (v: number) => string;
  /** Recorded switches are drawn dashed (the pooling view's style), not as a solid frame. */
  readonly dashedSwitch?: boolean;
}

/** One frame: a heading, the step's sentence, the grids in reading order, and where the step is. */
export interface Frame {
  readonly view: ViewId;
  readonly step: number;
  readonly count: number;
  readonly title: string;
  readonly sentence: string;
  /** The step's sum written out, as the view's equation writes it (`3·0 + 0·1 + … = 11`), or '' where the step has none. */
  readonly equation: string;
  readonly position: string;
  readonly grids: readonly FrameGrid[];
}

/** What frames are made from: the picture on screen and its plans (from the store's selectors). */
export interface FrameSource {
  readonly picture: Picture;
  readonly view: ViewId;
  readonly count: number;
  readonly conv: ConvPlans | null;
  readonly transpose: TransposePlans | null;
  readonly unpool: UnpoolPlans | null;
}

/** The frame source of the view on screen, or null before the first picture. */
export function frameSource(s: State): FrameSource | null {
  const picture = s.picture;
  if (!picture) return null;
  const view = picture.explored.op === 'convT' ? (s.params.op === 'convT' ? s.params.view : 'scatter') : picture.explored.op;
  const conv = selectConvPlans(s);
  const transpose = selectTransposePlans(s);
  const unpool = selectUnpoolPlans(s);
  const count = view === 'conv' ? conv?.counts.conv : view === 'unpool' ? unpool?.counts.unpool : transpose?.counts[view];
  if (!count) return null;
  return { picture, view, count, conv, transpose, unpool };
}

/** The step of the view on screen (as its transport shows it, clamped to the animation). */
export function currentStep(s: State, source: FrameSource): number {
  return Math.max(0, Math.min(source.count - 1, s.steps[source.view]));
}

/** The frame of `source`'s view at step `at` (clamped to the animation). */
export function frameAt(source: FrameSource, at: number): Frame {
  const i = Math.max(0, Math.min(source.count - 1, Math.floor(at)));
  const base = { view: source.view, step: i, count: source.count, position: t('transport.position', { i: i + 1, n: source.count }) };
  switch (source.view) {
    case 'conv':
      return { ...base, equation: '', ...convFrame(source, i) };
    case 'scatter':
      return { ...base, equation: '', ...scatterFrame(source, i) };
    case 'direct':
      return { ...base, equation: '', ...directFrame(source, i) };
    case 'unpool':
      return { ...base, equation: '', ...unpoolFrame(source, i) };
  }
}

type Body = Pick<Frame, 'title' | 'sentence' | 'grids'> & { readonly equation?: string };

/** The products of a step's terms with the engine's result: `3·0 + 0·1 + … = 11` (muted terms read as on screen, plain text here). */
function equationLine(terms: Parameters<typeof evaluateTerms>[0], x: readonly number[], w: readonly number[], result: number): string {
  const products = evaluateTerms(terms, x, w).products;
  return `${equationTerms(products, []).map((term) => term.text).join(' + ')} = ${formatValue(result)}`;
}

const sized = (name: string, h: number, w: number): string => t('grid.size', { name, h, w });

function convFrame(source: FrameSource, at: number): Body {
  const plans = source.conv;
  const { picture } = source;
  if (!plans || picture.numbers.op !== 'conv') throw new Error('A convolution frame needs a convolution picture.');
  const plan = plans.conv;
  const output = picture.numbers.output;
  const { info, inputChannels } = plan;
  const { x, w } = picture;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;
  const several = severalIn || severalOut;
  const current = convStep(plan, at);
  const colors = { x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(output.data)) };
  const padded = paddedInputSize(info);
  const dilated = dilatedSize(plan);
  const isDilated = info.dilationH > 1 || info.dilationW > 1;
  const grids: FrameGrid[] = [];
  for (const ci of inputChannels) {
    const looks = convLooks(plan, current, null, w, ci);
    const name = channelGridName(t('grid.input'), ci, severalIn);
    grids.push({
      name,
      caption: hasPadding(info.pad) ? t('grid.withPadding', { name, h: info.inH, w: info.inW, ph: padded.rows, pw: padded.cols }) : sized(name, padded.rows, padded.cols),
      rows: padded.rows, cols: padded.cols, value: paddedInputValue(plan, x, ci), look: looks.input, color: colors.x,
    });
    const kernel = channelGridName(t('grid.kernel'), ci, severalIn);
    grids.push({
      name: kernel,
      caption: several ? t('ch.grid.kernelCaption', { h: info.kH, w: info.kW, ci: ci + 1, co: plan.outChannel + 1 }) : sized(kernel, info.kH, info.kW),
      rows: info.kH, cols: info.kW, value: plainValue(w, info.kW, weightPlaneBase(plan, ci)), look: looks.kernel, color: colors.w,
    });
    if (isDilated) {
      grids.push({
        name: channelGridName(t('grid.dilated'), ci, severalIn),
        caption: t('grid.dilatedCaption', { h: dilated.rows, w: dilated.cols, dh: info.dilationH, dw: info.dilationW }),
        rows: dilated.rows, cols: dilated.cols, value: dilatedValue(plan, w, weightPlaneBase(plan, ci)), look: looks.dilated, color: colors.w,
      });
    }
  }
  const followedLook = convLooks(plan, current, null, w).output;
  plans.channels.forEach((other, co) => {
    const name = channelGridName(t('grid.output'), co, severalOut);
    const followed = other === plan;
    grids.push({
      name,
      caption: severalOut ? t(followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: info.outH, w: info.outW }) : sized(name, info.outH, info.outW),
      rows: info.outH, cols: info.outW, value: progressiveValue(other, output.data, at),
      look: followed ? followedLook : quietLook(convLooks(other, convStep(other, at), null, w).output), color: colors.out,
    });
  });
  const target = { row: current.target.oy, col: current.target.ox };
  return {
    title: t('view.conv'),
    sentence: several ? t('ch.step.conv', { co: plan.outChannel + 1, ...target }) : t('step.conv', target),
    equation: equationLine(current.terms, x, w, output.data[current.target.outIndex]),
    grids,
  };
}

/** What both transposed views' frames draw from: the plans and the numbers of a transposed-convolution picture. */
function transposeSource(source: FrameSource) {
  const plans = source.transpose;
  const numbers = source.picture.numbers;
  if (!plans || numbers.op !== 'convT') throw new Error('A transposed-convolution frame needs a transposed-convolution picture.');
  return { plans, numbers };
}

function scatterFrame(source: FrameSource, at: number): Body {
  const { plans, numbers } = transposeSource(source);
  const { picture } = source;
  const plan = plans.scatter;
  const { info, inputChannels } = plan;
  const { x, w } = picture;
  const output = numbers.output;
  const final = at === source.count - 1;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;
  const several = severalIn || severalOut;
  const current = step(plan, at);
  const canvas = scatterCanvasAfter(plan, at, x, w);
  const reached = scatterReached(plan, at);
  const colors = { x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(Math.max(maxAbs(output.data), maxAbs(numbers.full.data))) };
  const grids: FrameGrid[] = [];
  const shared = scatterLooks(plan, current, null, w, reached, final);
  for (const ci of inputChannels) {
    const looks = scatterLooks(plan, current, null, w, reached, final, ci);
    const name = channelGridName(t('grid.input'), ci, severalIn);
    grids.push({ name, caption: sized(name, info.inH, info.inW), rows: info.inH, cols: info.inW, value: plainValue(x, info.inW, inputPlaneBase(plan, ci)), look: looks.input, color: colors.x });
    const kernel = channelGridName(t('grid.kernel'), ci, severalIn);
    grids.push({
      name: kernel,
      caption: several ? t('ch.grid.kernelCaption', { h: info.kH, w: info.kW, ci: ci + 1, co: plan.outChannel + 1 }) : sized(kernel, info.kH, info.kW),
      rows: info.kH, cols: info.kW, value: plainValue(w, info.kW, weightPlaneBase(plan, ci)), look: looks.kernel, color: colors.w,
    });
  }
  const size = canvasSize(plan);
  const canvasName = channelGridName(t('grid.canvas'), plan.outChannel, severalOut);
  grids.push({ name: canvasName, caption: sized(canvasName, size.rows, size.cols), rows: size.rows, cols: size.cols, value: canvasValue(plan, canvas, reached), look: shared.canvas, color: colors.out });
  const state = final ? t('scatter.final') : t('scatter.partial');
  plans.channels.scatter.forEach((other, co) => {
    const name = channelGridName(t('grid.output'), co, severalOut);
    const followed = other === plan;
    const caption = severalOut ? t(followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: info.outH, w: info.outW }) : sized(name, info.outH, info.outW);
    grids.push({
      name, caption: `${caption} · ${state}`, rows: info.outH, cols: info.outW,
      value: followed ? scatterOutputValue(plan, output.data, canvas, reached, final) : scatterOutputValue(other, output.data, scatterCanvasAfter(other, at, x, w), reached, final),
      look: followed ? shared.output : quietLook(scatterLooks(other, step(other, at), null, w, reached, final).output),
      color: colors.out,
    });
  });
  const sources = inputChannels.map((ci) => ({ ci, value: x[current.terms.find((term) => term.inputChannel === ci)?.xIndex ?? 0] }));
  const where = { row: current.source.iy, col: current.source.ix };
  const sentence = inputChannels.length > 1
    ? t('ch.scatter.step', { ...where, co: plan.outChannel + 1, values: listOf(sources.map((src) => t('ch.scatter.value', { c: src.ci + 1, value: formatValue(src.value) }))) })
    : severalOut
      ? t('ch.scatter.stepOne', { ...where, value: formatValue(sources[0].value), co: plan.outChannel + 1 })
      : t('step.scatter', { ...where, value: formatValue(sources[0].value) });
  const cropped = current.terms.some((term) => term.cropped);
  return { title: `${t('op.convT')} · ${t('view.scatter')}`, sentence: cropped ? `${sentence} ${t('step.scatter.cropped')}` : sentence, grids };
}

const STAGE_KEYS: Readonly<Record<'zero-insert' | 'kernel' | 'sweep', MessageKey>> = {
  'zero-insert': 'direct.stage.zero', kernel: 'direct.stage.kernel', sweep: 'direct.stage.sweep',
};

function directFrame(source: FrameSource, at: number): Body {
  const { plans, numbers } = transposeSource(source);
  const { picture } = source;
  const plan = plans.direct;
  const { info, inputChannels } = plan;
  const { direct } = info;
  const { x, w } = picture;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;
  const current = step(plan, at);
  const cur = sweepIndex(current);
  const colors = { x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(numbers.directOutput.data)) };
  const grids: FrameGrid[] = [];
  const named = (key: MessageKey, ci: number) => channelGridName(t(key), ci, severalIn);
  for (const ci of inputChannels) {
    const looks = directLooks(plan, current, null, w, ci);
    const padded = { name: named('grid.paddedZero', ci), rows: direct.paddedH, cols: direct.paddedW, look: looks.padded, color: colors.x,
      value: plainValue(numbers.padded.data, direct.paddedW, tensorPlaneBase(numbers.padded.shape, plan.n, ci)) };
    const flipped = { name: named('grid.flipped', ci), rows: info.kH, cols: info.kW, look: looks.flipped, color: colors.w,
      value: plainValue(numbers.flippedWeight.data, info.kW, flippedPlaneBase(plan, ci)) };
    if (current.kind === 'zero-insert') {
      const name = named('grid.zeroInserted', ci);
      grids.push({ name, caption: sized(name, direct.zeroH, direct.zeroW), rows: direct.zeroH, cols: direct.zeroW, look: looks.zeroInserted, color: colors.x,
        value: plainValue(numbers.zeroInserted.data, direct.zeroW, tensorPlaneBase(numbers.zeroInserted.shape, plan.n, ci)) });
    } else if (current.kind === 'kernel') {
      // Step 2, as the view draws it: the kernel, the kernel flipped, and the map padded by p′.
      const kernel = named('grid.kernel', ci);
      grids.push({ name: kernel, caption: sized(kernel, info.kH, info.kW), rows: info.kH, cols: info.kW, look: looks.kernel, color: colors.w,
        value: plainValue(w, info.kW, weightPlaneBase(plan, ci)) });
      grids.push({ ...flipped, caption: sized(flipped.name, flipped.rows, flipped.cols) });
      grids.push({ ...padded, caption: sized(padded.name, padded.rows, padded.cols) });
    } else {
      grids.push({ ...padded, caption: sized(padded.name, padded.rows, padded.cols) });
      grids.push({ ...flipped, caption: sized(flipped.name, flipped.rows, flipped.cols) });
    }
  }
  if (current.kind === 'sweep') {
    const followedLook = directLooks(plan, current, null, w).output;
    plans.channels.direct.forEach((other, co) => {
      const name = channelGridName(t('grid.directOutput'), co, severalOut);
      const followed = other === plan;
      grids.push({
        name,
        caption: severalOut ? t(followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: info.outH, w: info.outW }) : sized(name, info.outH, info.outW),
        rows: info.outH, cols: info.outW, value: progressiveValue(other, numbers.directOutput.data, cur),
        look: followed ? followedLook : quietLook(directLooks(other, step(other, at), null, w).output), color: colors.out,
      });
    });
  }
  let sentence = t(STAGE_KEYS[current.kind]);
  if (current.kind === 'zero-insert') {
    sentence = t('stage.zeroDetail', { zh: current.zerosBetweenH, zw: current.zerosBetweenW, ih: current.inH, iw: current.inW, oh: current.zeroH, ow: current.zeroW });
  } else if (current.kind === 'kernel') {
    sentence = `${t(STAGE_KEYS.kernel)}: ${t('stage.kernelDetail')}`;
  } else if (current.kind === 'sweep') {
    const target = { row: current.target.oy, col: current.target.ox };
    sentence = `${t(STAGE_KEYS.sweep)}: ${severalIn || severalOut ? t('ch.step.direct', { co: plan.outChannel + 1, ...target }) : t('step.direct', target)}`;
  }
  const equation = current.kind === 'sweep' ? equationLine(current.terms, x, w, numbers.directOutput.data[current.target.outIndex]) : '';
  return { title: `${t('op.convT')} · ${t('view.direct')}`, sentence, equation, grids };
}

const UNPOOL_CAPTIONS: Readonly<Record<'max' | 'avg', Record<UnpoolPhase, MessageKey>>> = {
  max: { pool: 'unpool.caption.maxPool', unpool: 'unpool.caption.maxUnpool', compare: 'unpool.caption.compare' },
  avg: { pool: 'unpool.caption.avgPool', unpool: 'unpool.caption.avgUnpool', compare: 'unpool.caption.compare' },
};

function unpoolFrame(source: FrameSource, stepIndex: number): Body {
  const plans = source.unpool;
  const { picture } = source;
  const numbers = picture.numbers;
  if (!plans || numbers.op !== 'unpool') throw new Error('A pooling frame needs a pooling picture.');
  const { x } = picture;
  const all = plans.channels;
  const info = all[0].pool.info;
  const kind = all[0].pool.kind === 'maxPool' ? 'max' : 'avg';
  const at = phaseAt(stepIndex, plans.poolSteps, source.count);
  const color = valueColor(Math.max(maxAbs(x), maxAbs(numbers.pooled.data), maxAbs(numbers.output.data)));
  const several = info.channels > 1;
  const padded = paddedInputSize(info);
  const grids: FrameGrid[] = [];
  all.forEach((p, c) => {
    const unInfo = p.unpool.info;
    const progress = at.unpoolIndex < 0 ? null : unpoolProgress(p.unpool, at.unpoolIndex);
    const fates = at.phase === 'compare'
      ? survival(x, numbers.output.data, p.pool.channel, { inH: info.inH, inW: info.inW, outH: unInfo.outH, outW: unInfo.outW }).fates
      : null;
    const name = (key: MessageKey) => channelGridName(t(key), c, several);
    const pooledBase = tensorPlaneBase(numbers.pooled.shape, 0, c);
    const upTo = at.phase === 'pool' ? at.poolIndex : Number.POSITIVE_INFINITY;
    const paddingValue = p.pool.kind === 'avgPool' && p.pool.countIncludePad ? 0 : null;
    const pooled = pooledLook(p, at);
    const input: FrameGrid = {
      name: name('grid.input'),
      caption: hasPadding(info.pad)
        ? t('grid.withPadding', { name: name('grid.input'), h: info.inH, w: info.inW, ph: padded.rows, pw: padded.cols })
        : sized(name('grid.input'), info.inH, info.inW),
      rows: padded.rows, cols: padded.cols, value: poolInputValue(info, x, c, paddingValue), look: inputLook(p, at.phase, at.poolIndex, fates), color, dashedSwitch: true,
    };
    const output: FrameGrid = {
      name: name('grid.output'), caption: sized(name('grid.output'), unInfo.outH, unInfo.outW), rows: unInfo.outH, cols: unInfo.outW,
      value: unpoolOutputValue(p.unpool, numbers.output.data, progress), look: outputLook(p, at, progress, fates), color, dashedSwitch: true,
    };
    const rest: FrameGrid[] = [{
      name: name('unpool.grid.pooled'), caption: sized(name('unpool.grid.pooled'), info.outH, info.outW), rows: info.outH, cols: info.outW,
      value: planeValue(numbers.pooled.data, pooledBase, info.outW, upTo), look: pooled, color, dashedSwitch: true,
    }];
    if (kind === 'max') {
      rest.push({
        name: name('unpool.grid.switches'), caption: t('unpool.caption.switches', { h: info.outH, w: info.outW }), rows: info.outH, cols: info.outW,
        value: planeValue(numbers.indices.data, pooledBase, info.outW, upTo), look: pooled, dashedSwitch: true,
      }, {
        name: name('unpool.grid.tfArgmax'), caption: t('unpool.caption.tfArgmax', { h: info.outH, w: info.outW }), rows: info.outH, cols: info.outW,
        value: planeValue(numbers.tfArgmax.data, pooledBase, info.outW, upTo), look: pooled, dashedSwitch: true,
      });
    }
    // As on screen: at the comparison the output sits next to the input.
    grids.push(...(fates ? [input, output, ...rest] : [input, ...rest, output]));
  });
  return { title: t('unpool.view'), sentence: t(UNPOOL_CAPTIONS[kind][at.phase]), grids };
}
