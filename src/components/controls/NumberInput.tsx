/**
 * One native whole-number input that shows exactly what the learner typed: text that parses to
 * a whole number within bounds reaches `onValue`; other text stays in the field as a draft (the
 * parent keeps it via `onDraft`) and `DraftNote` says what the field accepts. HWField (two per
 * parameter) and NumberField (channels, groups, the seed) are made of these.
 */
import { t } from '../../i18n';
import { parseWhole, type FieldBounds } from '../../viz/fieldErrors';

export interface NumberInputProps {
  readonly id?: string;
  /** The accessible name when no <label> names the input. */
  readonly ariaLabel?: string;
  /** The value in params (shown when there is no draft). */
  readonly value: number;
  readonly bounds: FieldBounds;
  /** Unparsed text (undefined: none); the DraftNote with id `noteId` then says what the input takes. */
  readonly draft: string | undefined;
  readonly noteId: string;
  /** The engine's refusal blames this input: it is marked invalid and described by `errorId`. */
  readonly faulty: boolean;
  readonly errorId?: string;
  /** Room for long numbers (the seed). */
  readonly wide?: boolean;
  readonly onValue: (value: number) => void;
  readonly onDraft: (text: string | null) => void;
}

export function NumberInput({ id, ariaLabel, value, bounds, draft, noteId, faulty, errorId, wide, onValue, onDraft }: NumberInputProps) {
  const describedBy = [draft !== undefined && noteId, faulty && errorId].filter(Boolean).join(' ');
  return (
    <input
      id={id}
      type="number"
      className={`controls__number${wide ? ' controls__number--wide' : ''}`}
      inputMode="numeric"
      min={bounds.min}
      max={bounds.max}
      step={1}
      aria-label={ariaLabel}
      value={draft ?? String(value)}
      aria-invalid={draft !== undefined || faulty || undefined}
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
  );
}

/** What a field with a draft accepts ("Stride (height) takes a whole number from 1 to 8"), under the field. */
export function DraftNote({ id, field, bounds }: { readonly id: string; readonly field: string; readonly bounds: FieldBounds }) {
  return <p id={id} className="controls__bad">{t('field.bad', { field, min: bounds.min, max: bounds.max })}</p>;
}
