import { useSyncExternalStore } from 'react';
import { language, subscribeLanguage, wordsRevision, type Lang } from '../i18n';

/** The language `t` speaks; the component re-renders when it changes. */
export function useLanguage(): Lang {
  return useSyncExternalStore(subscribeLanguage, language);
}

/** Re-renders the component whenever the words change (a language, or sentences that just loaded). */
export function useWords(): void {
  useSyncExternalStore(subscribeLanguage, wordsRevision);
}
