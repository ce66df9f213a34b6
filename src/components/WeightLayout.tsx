/**
 * The weight tensor's layout in both conventions, with the current numbers: PyTorch conv
 * `[Cout, Cin/g, kH, kW]` and ConvTranspose `[Cin, Cout/g, kH, kW]`; TensorFlow conv2d
 * `[kh, kw, in, out]` and conv2d_transpose `[kh, kw, out, in]`. The transposed column marks the
 * channel axes that trade places (the swap that confuses everyone) and says why. Open by
 * default when the picture has several channels, a one-line summary otherwise. Every number is
 * read from the engine's record; nothing is computed here.
 */
import { Fragment, memo } from 'react';
import { t, type MessageKey } from '../i18n';
import type { Conv2DInfo, ConvTranspose2DInfo } from '../engine';

/** Props of WeightLayout. */
export interface WeightLayoutProps {
  /** The picture's record (conv or transposed conv: both carry channels, groups and kernel size). */
  readonly info: Conv2DInfo | ConvTranspose2DInfo;
  /** The operation on screen (its column is marked). */
  readonly op: 'conv' | 'convT';
}

/** One axis of a weight shape: its size, its symbol and what it counts; `swap` marks a channel axis that trades places. */
interface Dim {
  readonly n: number;
  readonly sym: MessageKey;
  readonly title: MessageKey;
  readonly swap?: boolean;
}

/** The four layouts for this record (null: TensorFlow's transposed convolution has no groups). */
function layouts(info: WeightLayoutProps['info']): { torchConv: Dim[]; torchConvT: Dim[]; tfConv: Dim[]; tfConvT: Dim[] | null } {
  const { inChannels, outChannels, inPerGroup, outPerGroup, kH, kW, groups } = info;
  const kh: Dim = { n: kH, sym: 'ch.dim.kh', title: 'ch.dimTitle.kh' };
  const kw: Dim = { n: kW, sym: 'ch.dim.kw', title: 'ch.dimTitle.kw' };
  const grouped = groups > 1;
  return {
    torchConv: [
      { n: outChannels, sym: 'ch.dim.cout', title: 'ch.dimTitle.out' },
      { n: inPerGroup, sym: 'ch.dim.cinG', title: 'ch.dimTitle.inG' },
      kh, kw,
    ],
    torchConvT: [
      { n: inChannels, sym: 'ch.dim.cin', title: 'ch.dimTitle.in', swap: true },
      { n: outPerGroup, sym: 'ch.dim.coutG', title: 'ch.dimTitle.outG', swap: true },
      kh, kw,
    ],
    tfConv: [
      kh, kw,
      grouped ? { n: inPerGroup, sym: 'ch.dim.inG', title: 'ch.dimTitle.inG' } : { n: inChannels, sym: 'ch.dim.in', title: 'ch.dimTitle.in' },
      { n: outChannels, sym: 'ch.dim.out', title: 'ch.dimTitle.out' },
    ],
    tfConvT: grouped
      ? null
      : [kh, kw, { n: outChannels, sym: 'ch.dim.out', title: 'ch.dimTitle.out', swap: true }, { n: inChannels, sym: 'ch.dim.in', title: 'ch.dimTitle.in', swap: true }],
  };
}

const plain = (dims: readonly Dim[] | null): string => (dims ? `[${dims.map((d) => d.n).join(', ')}]` : t('ch.weights.tfNoGroups'));

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

function WeightLayoutImpl({ info, op }: WeightLayoutProps) {
  const l = layouts(info);
  const several = info.inChannels > 1 || info.outChannels > 1;
  const summary = t('ch.weights.summary', {
    torch: plain(op === 'conv' ? l.torchConv : l.torchConvT),
    tf: plain(op === 'conv' ? l.tfConv : l.tfConvT),
  });
  const head = (key: MessageKey, mine: boolean) => (
    <th scope="col" className={mine ? 'weights__mine' : undefined} aria-current={mine || undefined}>
      {t(key)}
      {mine ? <span className="weights__current"> {t('ch.weights.current')}</span> : null}
    </th>
  );
  return (
    <details className="weights" open={several || undefined}>
      <summary className="weights__summary">{summary}</summary>
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
    </details>
  );
}

/** See WeightLayoutImpl. Memoised: the record changes only with a new picture, not with each step. */
export const WeightLayout = memo(WeightLayoutImpl);
