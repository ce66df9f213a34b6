/** The pooling view's legend entries: which apply depends on the phase and the pooling (UnpoolView picks them). */
import type { LegendEntry } from '../views/Legend';

export type UnpoolLegendItem =
  | 'window' | 'active' | 'switch' | 'paddingMax' | 'paddingZero' | 'paddingOut' | 'zero' | 'pending' | 'kept' | 'lost';

/** Each entry's swatch (the shared look where the look is the shared one) and the pooling view's words for it. */
export const UNPOOL_LEGEND: Record<UnpoolLegendItem, LegendEntry> = {
  window: { swatch: 'window', label: 'unpool.legend.window' },
  active: { swatch: 'active', label: 'unpool.legend.active' },
  switch: { swatch: 'switch', label: 'unpool.legend.switch' },
  paddingMax: { swatch: 'padding', label: 'unpool.legend.paddingMax' },
  paddingZero: { swatch: 'padding', label: 'unpool.legend.paddingZero' },
  paddingOut: { swatch: 'padding', label: 'unpool.legend.paddingOut' },
  zero: { swatch: 'zero', label: 'unpool.legend.zero' },
  pending: { swatch: 'pending', label: 'unpool.legend.pending' },
  kept: { swatch: 'linked', label: 'unpool.legend.kept' },
  lost: { swatch: 'cropped', label: 'unpool.legend.lost' },
};
