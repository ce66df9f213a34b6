/**
 * "Share" (copy the link to this picture) and "Embed" (a dialog with the iframe snippet) in the
 * header. Only the buttons and a status line are on the first page: what they do loads on the
 * first click (./share/). The status line is always there, so "Link copied" is announced politely,
 * and it speaks only about the setting it was said for.
 */
import { lazy, Suspense, useState } from 'react';
import { t } from '../i18n';
import { useStore } from '../store';
import type { Params } from '../store/urlParams';

const SharePanel = lazy(() => import('./share/SharePanel').then((m) => ({ default: m.SharePanel })));

/** What a click asked for: the link copied, or the embed dialog. */
export type ShareKind = 'link' | 'embed';

export function ShareButtons() {
  const params = useStore((s) => s.params);
  // Each click is a new request (a second "Share" copies again): its number is the panel's key.
  const [asked, setAsked] = useState<{ readonly kind: ShareKind; readonly n: number } | null>(null);
  const [status, setStatus] = useState<{ readonly text: string; readonly params: Params } | null>(null);
  const ask = (kind: ShareKind) => {
    setStatus(null);
    setAsked((a) => ({ kind, n: (a?.n ?? 0) + 1 }));
  };
  return (
    <div className="share">
      <button type="button" className="share__button" onClick={() => ask('link')}>{t('share.link')}</button>
      <button type="button" className="share__button" aria-haspopup="dialog" onClick={() => ask('embed')}>{t('share.embed')}</button>
      <p className="share__status" role="status">{status?.params === params ? status.text : ''}</p>
      {asked ? (
        <Suspense fallback={null}>
          <SharePanel key={asked.n} kind={asked.kind} onStatus={(text) => setStatus({ text, params: useStore.getState().params })} onClose={() => setAsked(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}
