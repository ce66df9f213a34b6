/**
 * One whole-number parameter (channels, groups) as a native number input. Like HWField, the
 * field shows exactly what the learner typed: text that is not a whole number within bounds
 * stays (as a draft the parent keeps), is marked invalid and says what the field accepts; only
 * a parsed number reaches `onValue`. An engine refusal about this field arrives as `children`
 * plus `faulty`.
 */
import { useId, type ReactNode } from 'react';
import { t } from '../../i18n';
import { parseWhole, type FieldBounds } from '../../viz/fieldErrors';

/** Props of NumberField. */
export interface NumberFieldProps {
  /** The visible and accessible label. */
  readonly label: string;
  readonly value: number;
  readonly bounds: FieldBounds;
  /** Unparsed text (undefined: none). */
  readonly draft: string | undefined;
  /** True when the engine's current refusal blames this field. */
  readonly faulty: boolean;
  /** The id of the element holding the engine's refusal (linked when faulty). */
  readonly errorId?: string;
  readonly onValue: (value: number) => void;
  readonly onDraft: (text: string | null) => void;
  /** The engine's refusal, rendered under the input. */
  readonly children?: ReactNode;
}

export function NumberField({ label, value, bounds, draft, faulty, errorId, onValue, onDraft, children }: NumberFieldProps) {
  const id = useId();
  const badId = `${id}-bad`;
  const describedBy = [draft !== undefined ? badId : null, faulty && errorId ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="controls__hw">
      <label className="controls__hw-label" htmlFor={id}>{label}</label>
      <span className="controls__hw-inputs">
        <input
          id={id}
          type="number"
          className="controls__number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={1}
          value={draft ?? String(value)}
          aria-invalid={draft !== undefined || faulty ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => {
            const text = e.target.value;
            const n = parseWhole(text, bounds);
            if (n === null) onDraft(text);
            else {
              onDraft(null);
              onValue(n);
            }
          }}
        />
      </span>
      {draft !== undefined ? (
        <p id={badId} className="controls__bad">{t('field.bad', { field: label, min: bounds.min, max: bounds.max })}</p>
      ) : null}
      {children}
    </div>
  );
}
