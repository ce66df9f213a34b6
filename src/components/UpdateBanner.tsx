/**
 * "A new version of ConvArith is ready." with a Reload button, shown when the service worker has
 * installed a new version. It never reloads by itself, so a lesson is not interrupted; dismissed,
 * it stays away until the next visit. It appears inside a status region that is always there
 * (empty meanwhile), so screen readers announce it politely.
 */
import { useState, useSyncExternalStore } from 'react';
import { t } from '../i18n';
import { onPendingUpdate, pendingUpdate } from '../offline/register';
import '../offline/banner.css';

export function UpdateBanner() {
  const update = useSyncExternalStore(onPendingUpdate, pendingUpdate, () => null);
  const [dismissed, setDismissed] = useState(false);
  return (
    <div role="status" aria-label={t('update.label')}>
      {update && !dismissed ? (
        <div className="update-banner">
          <span className="update-banner__text">{t('update.ready')}</span>
          <button type="button" className="update-banner__reload" onClick={update}>
            {t('update.reload')}
          </button>
          <button type="button" className="update-banner__dismiss" aria-label={t('update.dismiss')} onClick={() => setDismissed(true)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
