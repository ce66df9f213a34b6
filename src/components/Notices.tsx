/**
 * What the page ignored in its address (a bad value or an unknown key), one note each, so a
 * shared link that says more than the page understood never fails silently. Each note can be
 * dismissed; the list is a status region so its appearance is announced.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { useStore } from '../store';
import type { UrlNotice } from '../store/urlParams';

/** The sentence for one notice. */
function noticeText(n: UrlNotice): string {
  return t(n.reason === 'bad-value' ? 'notice.bad-value' : 'notice.unknown-key', { key: n.key, value: n.value });
}

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  const root = useRef<HTMLDivElement>(null);
  // After a dismissal, focus moves to the note that took its place (or the one before), not to the page.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => {
    if (focusAt === null) return;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    buttons[Math.min(focusAt, buttons.length - 1)]?.focus();
    setFocusAt(null);
  }, [focusAt]);
  return (
    <div ref={root} className="notices" role="status" aria-label={t('notice.label')}>
      {notices.length > 0 ? (
        <ul className="notices__list">
          {notices.map((n, i) => (
            <li key={`${n.key}-${i}`} className="notices__item">
              <span className="notices__text">{noticeText(n)}</span>
              <button type="button" className="notices__dismiss" aria-label={t('notice.dismissOne', { key: n.key })} onClick={() => {
                  dismiss(n);
                  setFocusAt(i);
                }}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
