/**
 * TensorFlow's output_shape for a transposed convolution (or the unpooled size): one select per axis offering only
 * the sizes the engine calls legal (the size the engine picks by itself is marked "default").
 * A size that is not legal (it can only come from the address) is still shown, so the select
 * never pretends, and the engine's refusal sits underneath.
 */
import { useId, type ReactNode } from 'react';
import { t } from '../../i18n';
import type { LegalOutputShape } from '../../store/transitions';
import type { HW } from '../../store/urlParams';
import { axisLabel } from './HWField';

export interface OutputShapeFieldProps {
  /** The field's name; default "output_shape" (unpooling calls it the unpooled size). */
  readonly label?: string;
  /** The chosen output_shape, or null for the engine's default. */
  readonly value: HW | null;
  /** The engine's legal sizes; null when the other sizes are impossible. */
  readonly legal: LegalOutputShape | null;
  readonly faulty: readonly [boolean, boolean];
  readonly errorId?: string;
  /** Called with the new output_shape (null when it equals the engine's default). */
  readonly onChange: (value: HW | null) => void;
  readonly children?: ReactNode;
}

export function OutputShapeField({ label, value, legal, faulty, errorId, onChange, children }: OutputShapeFieldProps) {
  const id = useId();
  const shown: readonly [number | null, number | null] = [
    value?.[0] ?? legal?.fallback[0] ?? null,
    value?.[1] ?? legal?.fallback[1] ?? null,
  ];
  const pick = (axis: 0 | 1, size: number) => {
    if (!legal) return;
    const next: HW = axis === 0 ? [size, shown[1] ?? legal.fallback[1]] : [shown[0] ?? legal.fallback[0], size];
    onChange(next[0] === legal.fallback[0] && next[1] === legal.fallback[1] ? null : next);
  };
  const axes = [0, 1] as const;
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="controls__hw controls__hw--stack">
      <span id={`${id}-label`} className="controls__hw-label">{label ?? t('field.out')}</span>
      <span className="controls__hw-inputs">
        {axes.map((axis) => {
          const sizes = legal ? [...legal.legal[axis]] : [];
          const current = shown[axis];
          if (current !== null && !sizes.includes(current)) sizes.push(current);
          return (
            <span key={axis} className="controls__hw-axis">
              {axis === 1 ? <span className="controls__hw-times" aria-hidden="true">×</span> : null}
              <select
                className="controls__select"
                aria-label={axisLabel('out', axis, label)}
                value={current ?? ''}
                disabled={!legal}
                aria-invalid={faulty[axis] || undefined}
                aria-describedby={faulty[axis] && errorId ? errorId : undefined}
                onChange={(e) => pick(axis, Number(e.target.value))}
              >
                {sizes.map((size) => (
                  <option key={size} value={size}>
                    {legal && size === legal.fallback[axis] ? t('field.outDefault', { size }) : String(size)}
                  </option>
                ))}
              </select>
            </span>
          );
        })}
      </span>
      {children}
    </div>
  );
}
