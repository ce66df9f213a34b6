/**
 * What the page ignored in its address (a bad value or an unknown key), one note each, so a
 * shared link that says more than the page understood never fails silently: the note names the
 * key, shows the value (long ones cut, invisible characters spelled out) and says what the key
 * takes, from the URL table. Each note can be dismissed. The page loads this module only when
 * there is something to note.
 */
import { useEffect, useRef, useState } from 'react';
import { addMessages, listOf, t } from '../i18n';
import { enNotices } from '../i18n/en-notices';
import { useStore } from '../store';
import type { Allowed, UrlNotice } from '../store/urlParams';

addMessages(enNotices);

/** Characters of a value shown before it is cut. */
const SHOWN = 40;
/** Control, format (bidirectional overrides, zero-width) and separator characters: shown as U+XXXX, never obeyed. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A value as the note shows it: at most SHOWN characters (then how long it was), invisible characters spelled out. */
export function shownValue(text: string): string {
  const chars = Array.from(text);
  const head = chars.slice(0, SHOWN).join('').replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return chars.length > SHOWN ? t('notice.long', { start: head, n: chars.length }) : head;
}

/** What a key takes, in words. */
function allowedText(a: Allowed): string {
  switch (a.kind) {
    case 'whole':
    case 'hw':
      return t(`notice.allowed.${a.kind}`, { min: a.min, max: a.max });
    case 'oneOf':
      return t('notice.allowed.oneOf', { values: listOf(a.values) });
    case 'numbers':
      return t('notice.allowed.numbers', { count: a.count });
    default:
      return t(`notice.allowed.${a.kind}`);
  }
}

/** The sentence for one notice. */
function noticeText(n: UrlNotice): string {
  // An unknown key's note lists the keys there are.
  const allowed = n.reason === 'unknown-key' && n.allowed.kind === 'oneOf' ? listOf(n.allowed.values) : allowedText(n.allowed);
  return t(`notice.${n.reason}`, { key: shownValue(n.key), value: shownValue(n.value), allowed });
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
              <button type="button" className="notices__dismiss" aria-label={t('notice.dismissOne', { key: shownValue(n.key) })} onClick={() => {
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
