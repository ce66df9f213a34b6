/**
 * One H×W parameter as two native number inputs side by side. A field shows exactly what the
 * learner typed: text that is not a whole number within bounds stays in the field (as a draft
 * the parent keeps), is marked invalid and says what the field accepts; only a parsed number
 * reaches `onValue`. An engine refusal about this field arrives as `children` plus `faulty`.
 */
import { useId, type ReactNode } from 'react';
import { t, type MessageKey } from '../../i18n';
import { parseWhole, type FieldBounds } from '../../viz/fieldErrors';

/** A size field's key (also its message key `field.<key>`). */
export type HWKey = 'in' | 'k' | 's' | 'p' | 'd' | 'a';

export interface HWFieldProps {
  readonly field: HWKey;
  /** The label when the field means something else here (pooling calls the kernel its window); default `field.<key>`. */
  readonly label?: string;
  /** The value in params (shown when there is no draft). */
  readonly value: readonly [number, number];
  readonly bounds: FieldBounds;
  /** Unparsed text per axis (undefined: none). */
  readonly drafts: readonly [string | undefined, string | undefined];
  /** The axes the engine's current refusal blames. */
  readonly faulty: readonly [boolean, boolean];
  /** The id of the element holding the engine's refusal (linked from faulty inputs). */
  readonly errorId?: string;
  readonly onValue: (axis: 0 | 1, value: number) => void;
  readonly onDraft: (axis: 0 | 1, text: string | null) => void;
  /** The engine's refusal, rendered under the inputs. */
  readonly children?: ReactNode;
}

const AXIS_KEYS: readonly [MessageKey, MessageKey] = ['axis.h', 'axis.w'];

/** The accessible label of one axis, e.g. "Input (height)"; `label` replaces the field's own name. */
export function axisLabel(field: HWKey | 'out', axis: 0 | 1, label?: string): string {
  return t('field.axis', { field: label ?? t(`field.${field}`), axis: t(AXIS_KEYS[axis]) });
}

export function HWField(props: HWFieldProps) {
  const { field, label, value, bounds, drafts, faulty, errorId, onValue, onDraft, children } = props;
  const id = useId();
  const labelId = `${id}-label`;
  const axes = [0, 1] as const;
  return (
    <div role="group" aria-labelledby={labelId} className="controls__hw">
      <span id={labelId} className="controls__hw-label">{label ?? t(`field.${field}`)}</span>
      <span className="controls__hw-inputs">
        {axes.map((axis) => {
          const draft = drafts[axis];
          const badId = `${id}-bad-${axis}`;
          const describedBy = [draft !== undefined ? badId : null, faulty[axis] && errorId ? errorId : null].filter(Boolean).join(' ');
          return (
            <span key={axis} className="controls__hw-axis">
              {axis === 1 ? <span className="controls__hw-times" aria-hidden="true">×</span> : null}
              <input
                type="number"
                className="controls__number"
                inputMode="numeric"
                min={bounds.min}
                max={bounds.max}
                step={1}
                aria-label={axisLabel(field, axis, label)}
                value={draft ?? String(value[axis])}
                aria-invalid={draft !== undefined || faulty[axis] ? true : undefined}
                aria-describedby={describedBy || undefined}
                onChange={(e) => {
                  const text = e.target.value;
                  const n = parseWhole(text, bounds);
                  if (n === null) onDraft(axis, text);
                  else {
                    onDraft(axis, null);
                    onValue(axis, n);
                  }
                }}
              />
            </span>
          );
        })}
      </span>
      {axes.map((axis) =>
        drafts[axis] !== undefined ? (
          <p key={axis} id={`${id}-bad-${axis}`} className="controls__bad">
            {t('field.bad', { field: axisLabel(field, axis, label), min: bounds.min, max: bounds.max })}
          </p>
        ) : null,
      )}
      {children}
    </div>
  );
}
