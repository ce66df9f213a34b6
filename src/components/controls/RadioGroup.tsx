/**
 * A native radio group in a fieldset: arrow keys move between options and Tab leaves the
 * group, as every browser does it for radios.
 */
import { useId } from 'react';

export interface RadioGroupProps<T extends string> {
  readonly legend: string;
  readonly value: T;
  /** `title`: a tooltip on the option (other names of it, say). */
  readonly options: readonly { readonly value: T; readonly label: string; readonly title?: string }[];
  readonly onChange: (value: T) => void;
}

export function RadioGroup<T extends string>({ legend, value, options, onChange }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="controls__radios" role="radiogroup">
      <legend className="controls__legend">{legend}</legend>
      <div className="controls__radio-row">
        {options.map((o) => (
          <label key={o.value} className="controls__radio" title={o.title}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
