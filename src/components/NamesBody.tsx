/**
 * The body of the "Names" note: the transposed convolution's other names (反卷积, 逆卷积, 解卷积,
 * deconvolution, fractionally-strided convolution), why "deconvolution" misleads (the round
 * trip recovers the shape, not the values: one click opens it), and what it is used for.
 */
import { addMessages, t } from '../i18n';
import { enNames } from '../i18n/en-names';
import { loadQuery, useStore } from '../store';

addMessages(enNames);

export function NamesBody() {
  const change = useStore((s) => s.change);
  const op = useStore((s) => s.params.op);
  return (
    <div className="names__body">
      <h3 className="names__title">{t('names.title')}</h3>
      <p>{t('names.aka')}</p>
      <p>
        {t('names.why')}{' '}
        <button type="button" className="names__link" onClick={() => change({ op: op === 'unpool' ? 'convT' : op, panel: 'roundtrip' })}>
          {t('names.roundTrip')}
        </button>
      </p>
      <p>
        {t('names.uses')}{' '}
        <button type="button" className="names__link" onClick={() => loadQuery('?preset=dcgan-layer1')}>
          {t('names.dcgan')}
        </button>
      </p>
    </div>
  );
}
