/**
 * The weight layout's table and notes (WeightLayout's body, loaded when it first opens): the four
 * layouts with the current numbers, the operation on screen marked, the channel axes that trade
 * places in the transposed column marked "swapped", and why they swap.
 */
import { Fragment } from 'react';
import { addMessages, t, type MessageKey } from '../i18n';
import { enWeights } from '../i18n/en-weights';
import type { Dim, Layouts, WeightInfo } from './weightLayouts';

addMessages(enWeights);

function Shape({ api, dims }: { readonly api: MessageKey; readonly dims: readonly Dim[] | null }) {
  return (
    <>
      <span className="weights__api">{t(api)}</span>
      {dims ? (
        <code className="weights__shape">
          [
          {dims.map((d, i) => (
            <Fragment key={i}>
              {i > 0 ? ' ' : null}
              <span className={`weights__dim${d.swap ? ' weights__dim--swap' : ''}`} title={t(d.title)}>
                <span className="weights__n">{d.n}</span> <span className="weights__sym">{t(d.sym)}</span>
                {i < dims.length - 1 ? ',' : null}
              </span>
            </Fragment>
          ))}
          ]
        </code>
      ) : (
        <span className="weights__none">{t('ch.weights.tfNoGroups')}</span>
      )}
      {dims?.some((d) => d.swap) ? <span className="weights__badge">⇄ {t('ch.weights.swapped')}</span> : null}
    </>
  );
}

export interface WeightTableProps {
  readonly info: WeightInfo;
  readonly op: 'conv' | 'convT';
  readonly layouts: Layouts;
}

export function WeightTable({ info, op, layouts: l }: WeightTableProps) {
  const head = (key: MessageKey, mine: boolean) => (
    <th scope="col" className={mine ? 'weights__mine' : undefined} aria-current={mine || undefined}>
      {t(key)}
      {mine ? <span className="weights__current"> {t('ch.weights.current')}</span> : null}
    </th>
  );
  return (
    <>
      <p className="weights__caption">
        {t('ch.weights.caption', { cin: info.inChannels, cout: info.outChannels, g: info.groups, kh: info.kH, kw: info.kW })}
      </p>
      <div className="weights__scroll">
        <table className="weights__table" aria-label={t('ch.weights.title')}>
          <thead>
            <tr>
              <th scope="col">{t('ch.weights.framework')}</th>
              {head('ch.weights.conv', op === 'conv')}
              {head('ch.weights.convT', op === 'convT')}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('ch.weights.torch')}</th>
              <td className={op === 'conv' ? 'weights__mine' : undefined}><Shape api="ch.weights.torchConv" dims={l.torchConv} /></td>
              <td className={op === 'convT' ? 'weights__mine' : undefined}><Shape api="ch.weights.torchConvT" dims={l.torchConvT} /></td>
            </tr>
            <tr>
              <th scope="row">{t('ch.weights.tf')}</th>
              <td className={op === 'conv' ? 'weights__mine' : undefined}><Shape api="ch.weights.tfConv" dims={l.tfConv} /></td>
              <td className={op === 'convT' ? 'weights__mine' : undefined}><Shape api="ch.weights.tfConvT" dims={l.tfConvT} /></td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="weights__note">{t('ch.weights.read')}</p>
      <p className="weights__note">{t('ch.weights.why', { cin: info.inChannels, cout: info.outChannels, back: l.torchConvT.map((d) => d.n).join(', ') })}</p>
    </>
  );
}

