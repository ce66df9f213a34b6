/** What the pointer points at (and whether it is pinned): drives the hover linking between grids; and whether the keyboard help is open. */
import type { StateCreator } from 'zustand';
import type { HoverCell } from '../viz/looks';
import type { State } from './index';

export interface UiSlice {
  readonly hover: HoverCell | null;
  readonly pinned: boolean;
  /** Pointer over a cell (ignored while pinned). */
  setHover(cell: HoverCell | null): void;
  /** Click: pin this cell, or unpin when it is the pinned one. */
  togglePin(cell: HoverCell): void;
  /**
   * The output channel the convolution animations follow (pooling draws all its channels).
   * selectPlans clamps it to the picture's channel count, so it survives a smaller count.
   */
  readonly channel: number;
  setChannel(channel: number): void;
  /** Whether the keyboard-help dialog is open (the `?` key or its button). */
  readonly help: boolean;
  setHelp(open: boolean): void;
}

const same = (a: HoverCell | null, b: HoverCell | null) =>
  !!a && !!b && a.grid === b.grid && a.row === b.row && a.col === b.col && a.channel === b.channel;

export const createUiSlice: StateCreator<State, [], [], UiSlice> = (set) => ({
  hover: null,
  pinned: false,
  setHover: (cell) => set((s) => (s.pinned || same(s.hover, cell) ? s : { hover: cell })),
  togglePin: (cell) => set((s) => (s.pinned && same(s.hover, cell) ? { pinned: false, hover: null } : { pinned: true, hover: cell })),
  channel: 0,
  setChannel: (channel) => set((s) => (s.channel === channel ? s : { channel, hover: null, pinned: false })),
  help: false,
  setHelp: (help) => set({ help }),
});
