/**
 * The short "Names" note beside the operation choice, always one click away: a disclosure whose
 * body (NamesBody, with its words) loads when it is first opened.
 */
import { lazy, Suspense, useState } from 'react';
import { t } from '../i18n';

const NamesBody = lazy(() => import('./NamesBody').then((m) => ({ default: m.NamesBody })));

export function NamesNote() {
  const [opened, setOpened] = useState(false);
  return (
    <details className="names" onToggle={(e) => setOpened(opened || e.currentTarget.open)}>
      <summary className="names__summary">{t('names.summary')}</summary>
      {opened ? (
        <Suspense fallback={<p>{t('loading')}</p>}>
          <NamesBody />
        </Suspense>
      ) : null}
    </details>
  );
}
