/** Where each animation stands. Each view keeps its own place, so switching views loses nothing. */
import type { StateCreator } from 'zustand';
import type { State } from './index';
import type { Params } from './urlParams';

export type ViewId = 'conv' | 'scatter' | 'direct' | 'unpool';

/** The view the keyboard and the URL's `step` drive (image mode has no steps: the convolution's stays put). */
export function activeView(params: Params): ViewId {
  return params.op === 'convT' ? params.view : params.op === 'image' ? 'conv' : params.op;
}

/** Steps per second the speed control offers. */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/** Whether `key` moves an animation: ←/→ to the previous or next step, Home/End to the first or the last. */
export function isStepKey(key: string): boolean {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';
}

/** The step a step key moves an animation of `count` (≥ 1) steps to from step `at`, within it. */
export function keyStep(key: string, at: number, count: number): number {
  const from = Math.min(at, count - 1);
  return Math.max(0, Math.min(count - 1, key === 'ArrowLeft' ? from - 1 : key === 'ArrowRight' ? from + 1 : key === 'Home' ? 0 : count - 1));
}

export interface PlaybackSlice {
  readonly steps: Readonly<Record<ViewId, number>>;
  /** The view whose animation is playing, if any (one at a time). */
  readonly playing: ViewId | null;
  readonly speed: number;
  setStep(view: ViewId, step: number): void;
  setPlaying(playing: ViewId | null): void;
  /** Plays `view`'s animation of `count` steps, from the start when it stands at its last step. */
  play(view: ViewId, count: number): void;
  setSpeed(speed: number): void;
}

export const createPlaybackSlice: StateCreator<State, [], [], PlaybackSlice> = (set) => ({
  steps: { conv: 0, scatter: 0, direct: 0, unpool: 0 },
  playing: null,
  speed: 2,
  setStep: (view, step) => set((s) => (s.steps[view] === step ? s : { steps: { ...s.steps, [view]: step } })),
  setPlaying: (playing) => set({ playing }),
  play: (view, count) => set((s) => ({ playing: view, steps: s.steps[view] >= count - 1 ? { ...s.steps, [view]: 0 } : s.steps })),
  setSpeed: (speed) => set({ speed }),
});
