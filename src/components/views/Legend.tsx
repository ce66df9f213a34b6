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

/** The key: shared entries by name (their words are `legend.<name>`), or a view's own entries. */
export function Legend({ items }: { readonly items: readonly (LegendItem | LegendEntry)[] }) {
  const entries = items.map((item): LegendEntry => (typeof item === 'string' ? { swatch: item, label: `legend.${item}` } : item));
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
