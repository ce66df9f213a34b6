/** A one-line key to the cell highlights a view uses: a swatch and its words per entry. */
import { t, type MessageKey } from '../../i18n';

/** The swatches styles.css draws (views__swatch--<name>), one per cell look. */
export type Swatch = 'window' | 'active' | 'linked' | 'padding' | 'zero' | 'cropped' | 'switch' | 'pending';

/** One entry: the look's swatch and what it means here. */
export interface LegendEntry {
  readonly swatch: Swatch;
  readonly label: MessageKey;
}

/** The entries the convolution views share (a swatch with its usual words). */
export type LegendItem = 'window' | 'active' | 'linked' | 'padding' | 'zero' | 'cropped';

const SHARED: Record<LegendItem, LegendEntry> = {
  window: { swatch: 'window', label: 'legend.window' },
  active: { swatch: 'active', label: 'legend.active' },
  linked: { swatch: 'linked', label: 'legend.linked' },
  padding: { swatch: 'padding', label: 'legend.padding' },
  zero: { swatch: 'zero', label: 'legend.zero' },
  cropped: { swatch: 'cropped', label: 'legend.cropped' },
};

/** The key: shared entries by name, or a view's own entries. */
export function Legend({ items }: { readonly items: readonly (LegendItem | LegendEntry)[] }) {
  const entries = items.map((item) => (typeof item === 'string' ? SHARED[item] : item));
  return (
    <ul className="views__legend" aria-label={t('legend.label')}>
      {entries.map((entry) => (
        <li key={entry.label} className="views__legend-item">
          <span className={`views__swatch views__swatch--${entry.swatch}`} aria-hidden="true" />
          {t(entry.label)}
        </li>
      ))}
    </ul>
  );
}
