/**
 * What the Share and Embed buttons do, loaded on their first click. Share copies the link to
 * the picture on screen and says so in the buttons' status line; where the browser refuses,
 * the link appears selected in a field to copy by hand. Embed opens a modal dialog (native
 * <dialog>: the page behind is inert, Tab goes round its controls, Esc closes, focus goes back
 * to the button) with the
 * `<iframe>` snippet, a copy button and the snippet's frame itself as a live preview.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { addMessages, language, t } from '../../i18n';
import { enShare } from '../../i18n/en-share';
import { useStore } from '../../store';
import { writeClipboard } from '../clipboard';
import { Modal } from '../Modal';
import type { ShareKind } from '../ShareButtons';
import { embedUrl, FRAME, iframeSnippet } from './snippet';
import './share.css';

addMessages(enShare);

export interface SharePanelProps {
  readonly kind: ShareKind;
  /** Says something in the buttons' status line. */
  readonly onStatus: (text: string) => void;
  readonly onClose: () => void;
}

export function SharePanel({ kind, onStatus, onClose }: SharePanelProps) {
  return kind === 'link' ? <ShareLink onStatus={onStatus} onClose={onClose} /> : <EmbedDialog onClose={onClose} />;
}

/** Copies the address (urlSync keeps it equal to the state); on refusal, shows it selected in a field. */
function ShareLink({ onStatus, onClose }: Omit<SharePanelProps, 'kind'>) {
  const [link] = useState(() => window.location.href);
  const [refused, setRefused] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const noteId = useId();
  useEffect(() => {
    let live = true;
    void writeClipboard(link).then((ok) => {
      if (!live) return;
      if (ok) {
        onStatus(t('share.copied'));
        onClose();
      } else setRefused(true);
    });
    return () => {
      live = false;
    };
    // Once per click: the panel is keyed by the click.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [refused]);
  if (!refused) return null;
  return (
    <div className="share__fallback">
      <label className="share__label">
        {t('share.field')}
        <input ref={field} className="share__field" type="text" readOnly value={link} aria-describedby={noteId} onFocus={(e) => e.target.select()} />
      </label>
      <p id={noteId} className="share__note">{t('share.refused')}</p>
      <button type="button" className="share__close" onClick={onClose}>{t('share.close')}</button>
    </div>
  );
}

function EmbedDialog({ onClose }: Pick<SharePanelProps, 'onClose'>) {
  const code = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const [controls, setControls] = useState(true);
  const [copied, setCopied] = useState<{ readonly snippet: string; readonly ok: boolean } | null>(null);
  // The picture as it was when the dialog opened (playback may go on behind it; the frame must not reload each step).
  const [state] = useState(useStore.getState);
  const url = embedUrl(state, `${window.location.origin}${window.location.pathname}`, language(), controls);
  const snippet = iframeSnippet(url, t('page.title'));

  const copy = async () => {
    const ok = await writeClipboard(snippet);
    if (!ok) {
      code.current?.focus();
      code.current?.select();
    }
    setCopied({ snippet, ok });
  };

  return (
    <Modal labelledBy={titleId} className="embed-dialog" onClose={onClose}>
      <div className="embed-dialog__head">
        <h2 id={titleId} className="embed-dialog__title">{t('embed.title')}</h2>
        <button type="button" className="share__close" onClick={onClose}>{t('share.close')}</button>
      </div>
      <p className="embed-dialog__intro">{t('embed.intro', { language: t(`lang.${language()}`) })}</p>
      <label className="embed-dialog__check">
        <input type="checkbox" checked={controls} onChange={(e) => setControls(e.target.checked)} />
        {t('embed.controls')}
      </label>
      <label className="share__label" htmlFor={`${titleId}-code`}>{t('embed.code')}</label>
      <textarea id={`${titleId}-code`} ref={code} className="embed-dialog__code" readOnly rows={4} value={snippet} onFocus={(e) => e.target.select()} />
      <div className="embed-dialog__actions">
        <button type="button" className="share__button" onClick={() => void copy()}>{t('embed.copy')}</button>
        <p className="share__status" role="status">
          {copied?.snippet === snippet ? t(copied.ok ? 'embed.copied' : 'embed.selected') : ''}
        </p>
      </div>
      <h3 className="embed-dialog__preview-title">{t('embed.preview')}</h3>
      {/* A picture of the result, not a second app: inert, so neither Tab nor a click goes inside (keys typed
          in a frame never reach this dialog, so Esc would not close it), and nothing in it is announced twice. */}
      <iframe className="embed-dialog__frame" src={url} title={t('page.title')} width={FRAME.width} height={FRAME.height} sandbox="allow-scripts" inert />
    </Modal>
  );
}
