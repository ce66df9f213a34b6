/** A one-line key to the cell highlights a view uses. */
import { t, type MessageKey } from '../../i18n';

export type LegendItem = 'window' | 'active' | 'linked' | 'padding' | 'zero' | 'cropped';

const KEYS: Record<LegendItem, MessageKey> = {
  window: 'legend.window',
  active: 'legend.active',
  linked: 'legend.linked',
  padding: 'legend.padding',
  zero: 'legend.zero',
  cropped: 'legend.cropped',
};

export function Legend({ items }: { readonly items: readonly LegendItem[] }) {
  return (
    <ul className="views__legend" aria-label={t('legend.label')}>
      {items.map((item) => (
        <li key={item} className="views__legend-item">
          <span className={`views__swatch views__swatch--${item}`} aria-hidden="true" />
          {t(KEYS[item])}
        </li>
      ))}
    </ul>
  );
}
