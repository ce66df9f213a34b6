/**
 * The animation plans of the picture on screen (index relations from the engine's trace
 * module), derived once per picture and channel. This module holds what every operation shares
 * (the channel choice, the memo, the step counts the keyboard reads) and the convolution's plan,
 * the first page's view. The transposed convolution's and pooling's plans live in
 * transposePlans.ts and unpoolPlans.ts, imported only by their lazily loaded views, so their
 * trace modules stay off the first page.
 */
import { convPlan, convStepCount, type ConvPlan } from '../engine';
import type { ViewId } from './playbackSlice';
import type { Picture } from './resultsSlice';
import type { State } from './index';

/**
 * How many output channels the picture's animation can follow (convolutions). Pooling plans
 * stay on channel 0: its view draws every channel from there.
 */
function channelCount(p: Picture): number {
  const e = p.explored;
  return e.op === 'unpool' ? 1 : e.info.outChannels;
}

/** The store's channel choice clamped to the picture's channel count (0 before the first picture). */
function selectChannel(s: State): number {
  return s.picture ? Math.min(Math.max(0, s.channel), channelCount(s.picture) - 1) : 0;
}

/**
 * A selector of the plans `build` derives from the picture on screen and the chosen channel,
 * rebuilt only when either changes (so the same object comes back between, as zustand
 * selectors need). `build` returns null for a picture of another operation; the selector
 * returns null before the first picture.
 */
export function planSelector<T>(build: (p: Picture, channel: number) => T | null): (s: State) => T | null {
  let lastPicture: Picture | null = null;
  let lastChannel = -1;
  let last: T | null = null;
  return (s) => {
    const channel = selectChannel(s);
    if (s.picture !== lastPicture || channel !== lastChannel) {
      lastPicture = s.picture;
      lastChannel = channel;
      last = s.picture ? build(s.picture, channel) : null;
    }
    return last;
  };
}

/** One plan per output channel of a convolution record (they fill in step; one is followed). */
export function byOutputChannel<T>(outChannels: number, plan: (channel: number) => T): readonly T[] {
  return Array.from({ length: outChannels }, (_, channel) => plan(channel));
}

/** The convolution's plan on the chosen output channel, every output channel's plan, and the step count. */
export interface ConvPlans {
  readonly conv: ConvPlan;
  /** Indexed by output channel (`conv` is one of them). */
  readonly channels: readonly ConvPlan[];
  readonly counts: { readonly conv: number };
}

/** The convolution's plans of the picture on screen, or null (no picture, or another operation). */
export const selectConvPlans = planSelector<ConvPlans>((p, channel) => {
  const e = p.explored;
  if (e.op !== 'conv') return null;
  const channels = byOutputChannel(e.info.outChannels, (c) => convPlan(e.info, { channel: c }));
  const conv = channels[channel];
  return { conv, channels, counts: { conv: convStepCount(conv) } };
});

// Step counts by view, for the keyboard. A lazily loaded view's plans module adds its own when
// it loads; until then its view is not on screen and the keyboard keeps the keys pressed
// meanwhile (useKeyboard), told by subscribeStepCounts when the count arrives.
const stepCounts: Partial<Record<ViewId, (s: State) => number>> = {
  conv: (s) => selectConvPlans(s)?.counts.conv ?? 0,
};
const countListeners = new Set<() => void>();

/** Declares how many steps `view`'s animation has in a state (called by the plans modules). */
export function registerStepCount(view: ViewId, count: (s: State) => number): void {
  stepCounts[view] = count;
  for (const listener of countListeners) listener();
}

/** Calls `listener` whenever a view's step count registers; returns the unsubscribe. */
export function subscribeStepCounts(listener: () => void): () => void {
  countListeners.add(listener);
  return () => countListeners.delete(listener);
}

/** How many steps `view`'s animation has now (0 before its picture, or before its module loaded). */
export function selectStepCount(s: State, view: ViewId): number {
  return stepCounts[view]?.(s) ?? 0;
}
