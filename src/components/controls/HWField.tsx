/**
 * One H×W parameter of the store as two number inputs side by side (NumberInput: what the
 * learner typed stays, text that does not parse is a draft in the store that says what the field
 * accepts; a number changes the params through the store's one action). An engine refusal about
 * this field arrives as `children` plus `faulty`.
 */
import { useId, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { axisPatch, type FieldId, type SizeKey } from '../../store/paramsSlice';
import { t, type MessageKey } from '../../i18n';
import type { HW } from '../../engine';
import type { FieldBounds } from '../../viz/fieldErrors';
import { DraftNote, NumberInput } from './NumberInput';

export interface HWFieldProps {
  readonly field: SizeKey;
  /** The label when the field means something else here (pooling calls the kernel its window); default `field.<key>`. */
  readonly label?: string;
  /** The value in params (shown when there is no draft). */
  readonly value: HW;
  readonly bounds: FieldBounds;
  /** The axes the engine's current refusal blames (none by default). */
  readonly faulty?: readonly [boolean, boolean];
  /** The id of the element holding the engine's refusal (linked from faulty inputs). */
  readonly errorId?: string;
  /** The engine's refusal, rendered under the inputs. */
  readonly children?: ReactNode;
}

const AXIS_KEYS: readonly [MessageKey, MessageKey] = ['axis.h', 'axis.w'];
const NONE: readonly [boolean, boolean] = [false, false];

/** The accessible label of one axis, e.g. "Input (height)"; `label` replaces the field's own name. */
export function axisLabel(field: SizeKey | 'out', axis: 0 | 1, label?: string): string {
  return t('field.axis', { field: label ?? t(`field.${field}`), axis: t(AXIS_KEYS[axis]) });
}

export function HWField(props: HWFieldProps) {
  const { field, label, value, bounds, faulty = NONE, errorId, children } = props;
  const drafts = useStore(useShallow((s) => [s.drafts[`${field}.0`], s.drafts[`${field}.1`]] as const));
  const onValue = (axis: 0 | 1, n: number) => {
    const { params, change } = useStore.getState();
    change(axisPatch(params, field, axis, n));
  };
  const onDraft = (axis: 0 | 1, text: string | null) => useStore.getState().setDraft(`${field}.${axis}` as FieldId, text);
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
