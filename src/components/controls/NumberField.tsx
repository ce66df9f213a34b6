/**
 * One whole-number parameter (channels, groups, the seed) as a labelled NumberInput: what the
 * learner typed stays, text that does not parse is a draft that says what the field accepts.
 * An engine refusal about this field arrives as `children` plus `faulty`.
 */
import { useId, type ReactNode } from 'react';
import type { FieldBounds } from '../../viz/fieldErrors';
import { DraftNote, NumberInput } from './NumberInput';

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
  /** Room for long numbers (the seed). */
  readonly wide?: boolean;
  readonly onValue: (value: number) => void;
  readonly onDraft: (text: string | null) => void;
  /** The engine's refusal, rendered under the input. */
  readonly children?: ReactNode;
}

export function NumberField({ label, value, bounds, draft, faulty, errorId, wide, onValue, onDraft, children }: NumberFieldProps) {
  const id = useId();
  const badId = `${id}-bad`;
  return (
    <div className="controls__hw">
      <label className="controls__hw-label" htmlFor={id}>{label}</label>
      <span className="controls__hw-inputs">
        <NumberInput
          id={id}
          value={value}
          bounds={bounds}
          draft={draft}
          noteId={badId}
          faulty={faulty}
          errorId={errorId}
          wide={wide}
          onValue={onValue}
          onDraft={onDraft}
        />
      </span>
      {draft !== undefined ? <DraftNote id={badId} field={label} bounds={bounds} /> : null}
      {children}
    </div>
  );
}
