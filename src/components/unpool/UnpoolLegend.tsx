/** The key to the pooling view's highlights: which apply depends on the phase and the pooling. */
import { t, type MessageKey } from '../../i18n';

export type UnpoolLegendItem =
  | 'window' | 'active' | 'switch' | 'paddingMax' | 'paddingZero' | 'paddingOut' | 'zero' | 'pending' | 'kept' | 'lost';

const KEYS: Record<UnpoolLegendItem, MessageKey> = {
  window: 'unpool.legend.window',
  active: 'unpool.legend.active',
  switch: 'unpool.legend.switch',
  paddingMax: 'unpool.legend.paddingMax',
  paddingZero: 'unpool.legend.paddingZero',
  paddingOut: 'unpool.legend.paddingOut',
  zero: 'unpool.legend.zero',
  pending: 'unpool.legend.pending',
  kept: 'unpool.legend.kept',
  lost: 'unpool.legend.lost',
};

/** Swatch classes: the shared view swatches where the look is the shared one, the view's own otherwise. */
const SWATCH: Record<UnpoolLegendItem, string> = {
  window: 'views__swatch--window',
  active: 'views__swatch--active',
  switch: 'unpool__swatch--switch',
  paddingMax: 'views__swatch--padding',
  paddingZero: 'views__swatch--padding',
  paddingOut: 'views__swatch--padding',
  zero: 'views__swatch--zero',
  pending: 'unpool__swatch--pending',
  kept: 'views__swatch--linked',
  lost: 'views__swatch--cropped',
};

export function UnpoolLegend({ items }: { readonly items: readonly UnpoolLegendItem[] }) {
  return (
    <ul className="views__legend" aria-label={t('legend.label')}>
      {items.map((item) => (
        <li key={item} className="views__legend-item">
          <span className={`views__swatch ${SWATCH[item]}`} aria-hidden="true" />
          {t(KEYS[item])}
        </li>
      ))}
    </ul>
  );
}
