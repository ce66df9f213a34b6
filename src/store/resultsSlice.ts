/**
 * The last numbers the engine computed. They stay on screen while the learner's current
 * choice is impossible, so a bad value never blanks the picture.
 */
import type { StateCreator } from 'zustand';
import type { Explored, ExploreNumbers } from '../engine';
import type { State } from './index';

/** A picture: the validated exploration, its values, and the engine's numbers for them. */
export interface Picture {
  readonly explored: Explored;
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly numbers: ExploreNumbers;
}

export interface ResultsSlice {
  readonly picture: Picture | null;
  readonly pending: boolean;
  /** A failure that is not the learner's (the worker broke): shown, never swallowed (phrased on screen, in the page's language). */
  readonly engineError: Error | null;
  setPicture(picture: Picture): void;
  setPending(pending: boolean): void;
  setEngineError(error: Error | null): void;
}

export const createResultsSlice: StateCreator<State, [], [], ResultsSlice> = (set) => ({
  picture: null,
  pending: false,
  engineError: null,
  setPicture: (picture) => set({ picture, pending: false, engineError: null }),
  setPending: (pending) => set({ pending }),
  setEngineError: (engineError) => set({ engineError, pending: false }),
});
