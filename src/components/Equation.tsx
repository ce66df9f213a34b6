/**
 * One step's arithmetic as a line a learner reads: `1·0 + 2·1 + … = 12`. The products come
 * from the engine (evaluateTerms); the result is the engine's value in the output cell, so
 * what the equation says is what the grid shows. Padding taps and inserted zeros are muted.
 */
import { Fragment } from 'react';
import { t } from '../i18n';
import type { Product } from '../engine';
import { formatValue } from '../viz/format';
import { equationTerms } from '../viz/looks';

export interface EquationProps {
  /** What is being computed ("Output cell (0, 1) = …"). */
  readonly title: string;
  readonly products: readonly Product[];
  /** Per product: true when its input is padding or an inserted zero. */
  readonly muted: readonly boolean[];
  /** The engine's value of the output cell. */
  readonly result: number;
}

export function Equation({ title, products, muted, result }: EquationProps) {
  const terms = equationTerms(products, muted);
  return (
    <div className="equation" role="group" aria-label={t('equation.label')}>
      <p className="equation__title">{title}</p>
      <p className="equation__body">
        {terms.map((term, i) => (
          <Fragment key={i}>
            {i > 0 ? <span className="equation__op"> + </span> : null}
            <span className={`equation__term${term.muted ? ' equation__term--muted' : ''}`}>{term.text}</span>
          </Fragment>
        ))}
        <span className="equation__op"> = </span>
        <strong className="equation__result">{formatValue(result)}</strong>
      </p>
    </div>
  );
}
