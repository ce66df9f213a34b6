/**
 * The page's one live region for the animation: after each step a screen reader hears, politely,
 * the step's position and its arithmetic in words with its numbers, in the page's language
 * ("Step 2, of 9: Output row 1, column 2: 1×0 + 2×1 + … = 12"; worded unlike the transport's
 * "Step 2 of 9", which is not a live region). What it says comes from the
 * store's narration selectors (the engine's trace and numbers); this only puts it into words.
 */
import { useSyncExternalStore } from 'react';
import { t } from '../i18n';
import { useStore } from '../store';
import { narratorsRevision, selectNarration, subscribeNarrators } from '../store/narration';
import { useLanguage } from './useLanguage';

export function Narration() {
  // The words follow the language: the selector's text is built in the current one.
  useLanguage();
  // A lazily loaded view's narrator arrives after its picture: speak as soon as it does.
  useSyncExternalStore(subscribeNarrators, narratorsRevision);
  const text = useStore((s) => {
    const n = selectNarration(s);
    return n ? `${t('narr.step', { i: n.step, n: n.count })} ${t(n.line.key, n.line.vars)}` : '';
  });
  return (
    <div className="narration visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {text}
    </div>
  );
}
