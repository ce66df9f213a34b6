/**
 * One step's arithmetic as a line a learner reads: `1·0 + 2·1 + … = 12`. The products come
 * from the engine (evaluateTerms); the result is the engine's value in the output cell, so
 * what the equation says is what the grid shows. Padding taps and inserted zeros are muted.
 * With several input channels the products come grouped: one line per channel ending in that
 * channel's sum (the engine's), then the line adding the channel sums into the result.
 */
import { Fragment } from 'react';
import { t } from '../i18n';
import type { Product } from '../engine';
import { formatValue } from '../viz/format';
import { equationTerms } from '../viz/looks';

/** One input channel's share of an equation. */
export interface EquationChannel {
  /** "Input channel 2". */
  readonly label: string;
  readonly products: readonly Product[];
  readonly muted: readonly boolean[];
  /** The engine's sum of these products. */
  readonly sum: number;
}

export interface EquationProps {
  /** What is being computed ("Output cell (0, 1) = …"). */
  readonly title: string;
  readonly products: readonly Product[];
  /** Per product: true when its input is padding or an inserted zero. */
  readonly muted: readonly boolean[];
  /** The engine's value of the output cell. */
  readonly result: number;
  /** The same products split by input channel; with two or more the equation is drawn per channel. */
  readonly channels?: readonly EquationChannel[];
}

function Terms({ products, muted }: { readonly products: readonly Product[]; readonly muted: readonly boolean[] }) {
  return (
    <>
      {equationTerms(products, muted).map((term, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="equation__op"> + </span> : null}
          <span className={`equation__term${term.muted ? ' equation__term--muted' : ''}`}>{term.text}</span>
        </Fragment>
      ))}
    </>
  );
}

export function Equation({ title, products, muted, result, channels }: EquationProps) {
  const grouped = channels && channels.length > 1 ? channels : null;
  return (
    <div className="equation" role="group" aria-label={t('equation.label')}>
      <p className="equation__title">{title}</p>
      {grouped ? (
        <>
          {grouped.map((ch) => (
            <p key={ch.label} className="equation__body equation__channel">
              <span className="equation__channel-label">{ch.label}: </span>
              <Terms products={ch.products} muted={ch.muted} />
              <span className="equation__op"> = </span>
              <strong className="equation__sum">{formatValue(ch.sum)}</strong>
            </p>
          ))}
          <p className="equation__body equation__total">
            <span className="equation__channel-label">{t('ch.eq.total')}: </span>
            {grouped.map((ch, i) => (
              <Fragment key={ch.label}>
                {i > 0 ? <span className="equation__op"> + </span> : null}
                <span className="equation__term">{ch.sum < 0 ? `(${formatValue(ch.sum)})` : formatValue(ch.sum)}</span>
              </Fragment>
            ))}
            <span className="equation__op"> = </span>
            <strong className="equation__result">{formatValue(result)}</strong>
          </p>
        </>
      ) : (
        <p className="equation__body">
          <Terms products={products} muted={muted} />
          <span className="equation__op"> = </span>
          <strong className="equation__result">{formatValue(result)}</strong>
        </p>
      )}
    </div>
  );
}
