/**
 * One H×W parameter as two number inputs side by side (NumberInput: what the learner typed
 * stays, text that does not parse is a draft that says what the field accepts). An engine
 * refusal about this field arrives as `children` plus `faulty`.
 */
import { useId, type ReactNode } from 'react';
import { t, type MessageKey } from '../../i18n';
import type { HW } from '../../engine';
import type { FieldBounds } from '../../viz/fieldErrors';
import { DraftNote, NumberInput } from './NumberInput';
import type { SizeKey } from '../../store/paramsSlice';

export interface HWFieldProps {
  readonly field: SizeKey;
  /** The label when the field means something else here (pooling calls the kernel its window); default `field.<key>`. */
  readonly label?: string;
  /** The value in params (shown when there is no draft). */
  readonly value: HW;
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
export function axisLabel(field: SizeKey | 'out', axis: 0 | 1, label?: string): string {
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
          return (
            <span key={axis} className="controls__hw-axis">
              {axis === 1 ? <span className="controls__hw-times" aria-hidden="true">×</span> : null}
              <NumberInput
                ariaLabel={axisLabel(field, axis, label)}
                value={value[axis]}
                bounds={bounds}
                draft={draft}
                noteId={`${id}-bad-${axis}`}
                faulty={faulty[axis]}
                errorId={errorId}
                onValue={(n) => onValue(axis, n)}
                onDraft={(text) => onDraft(axis, text)}
              />
            </span>
          );
        })}
      </span>
      {axes.map((axis) =>
        drafts[axis] !== undefined ? <DraftNote key={axis} id={`${id}-bad-${axis}`} field={axisLabel(field, axis, label)} bounds={bounds} /> : null,
      )}
      {children}
    </div>
  );
}
