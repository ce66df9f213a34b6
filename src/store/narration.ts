/**
 * What the page's one live region says about the step on screen: the step's arithmetic in words
 * with its numbers ("Output row 1, column 2: 1×0 + 2×1 + … = 12"), as pure selectors over the
 * store. Positions and products come from the engine's trace (its step, evaluateTerms); values
 * from the engine's tensors; rows and columns are counted from 1, as a screen reader counts a
 * grid's cells. The convolution's narrator is here (the first page's view); the transposed
 * views and pooling register theirs when their modules load (transposeNarration.ts,
 * unpoolNarration.ts), so their trace code stays off the first page.
 */
import { convStep, evaluateTerms, type Product, type TermRef } from '../engine';
import type { MessageKey, Vars } from '../i18n';
import { formatOperand, formatValue } from '../viz/format';
import { selectConvPlans, selectStepCount } from './plans';
import { activeView, type ViewId } from './playbackSlice';
import type { State } from './index';

/** One sentence to say: a catalogue key and its values. */
export interface NarrationLine {
  readonly key: MessageKey;
  readonly vars: Vars;
}

/** What to say about the active view's step: where it stands and what it computes. */
export interface Narration {
  readonly view: ViewId;
  /** 1-based, as the transport shows it. */
  readonly step: number;
  readonly count: number;
  readonly line: NarrationLine;
}

/** The sentence for step `at` (within the view's count) of `view`'s picture, or null when it has none. */
export type Narrator = (s: State, at: number) => NarrationLine | null;

/** Products read out before the rest is left to the result ("…"): a live region must stay short. */
export const MAX_SPOKEN_TERMS = 9;

/** Products as a learner hears them: `1×0 + 2×1 + (−1)×3`, the first MAX_SPOKEN_TERMS of them and "…" for the rest. */
export function spokenSum(products: readonly Product[]): string {
  const said = products.length > MAX_SPOKEN_TERMS ? products.slice(0, MAX_SPOKEN_TERMS - 1) : products;
  const text = said.map((p) => `${formatOperand(p.x)}×${formatOperand(p.w)}`).join(' + ');
  return said.length < products.length ? `${text} + …` : text;
}

/**
 * "Output row r, column c: 1×0 + 2×1 + … = 12" for one output cell of a convolution-like sweep
 * (the convolution, the transposed convolution's direct form): its terms, target and channel.
 */
export function sumLine(
  current: { readonly terms: readonly TermRef[]; readonly target: { readonly oy: number; readonly ox: number; readonly outIndex: number } },
  plan: { readonly outChannel: number; readonly info: { readonly outChannels: number } },
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  output: ArrayLike<number>,
): NarrationLine {
  const { products } = evaluateTerms(current.terms, x, w);
  const vars = {
    row: current.target.oy + 1,
    col: current.target.ox + 1,
    co: plan.outChannel + 1,
    terms: spokenSum(products),
    result: formatValue(output[current.target.outIndex]),
  };
  return { key: plan.info.outChannels > 1 ? 'narr.convChannel' : 'narr.conv', vars };
}

const convNarrator: Narrator = (s, at) => {
  const plans = selectConvPlans(s);
  const picture = s.picture;
  if (!plans || !picture || picture.numbers.op !== 'conv') return null;
  return sumLine(convStep(plans.conv, at), plans.conv, picture.x, picture.w, picture.numbers.output.data);
};

const narrators: Partial<Record<ViewId, Narrator>> = { conv: convNarrator };
/** Counts registrations, so the live region speaks as soon as a view's narrator arrives (React's useSyncExternalStore shape). */
let registered = 0;
const listeners = new Set<() => void>();

/** Declares what `view`'s steps say (called by the lazily loaded views' narration modules). */
export function registerNarrator(view: ViewId, narrator: Narrator): void {
  narrators[view] = narrator;
  registered++;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a narrator registers; returns the unsubscribe. */
export function subscribeNarrators(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever a narrator registers. */
export function narratorsRevision(): number {
  return registered;
}

/** What the live region says now, or null (no picture yet, or its view's module has not loaded). */
export function selectNarration(s: State): Narration | null {
  const view = activeView(s.params);
  const count = selectStepCount(s, view);
  const narrator = narrators[view];
  if (count === 0 || !narrator) return null;
  const at = Math.min(s.steps[view], count - 1);
  const line = narrator(s, at);
  return line ? { view, step: at + 1, count, line } : null;
}
