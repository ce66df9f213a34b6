/**
 * The page's language follows the store: the language the address or the switch names, else
 * the browser's. A change loads that language's catalogue first and only then switches `t`
 * and the document (`<html lang>`, title, description), so nothing shows half translated.
 */
import { language, loadCatalogue, setLanguage, t, type Lang } from '../i18n';
import { useStore } from './index';

/** The first of the browser's languages the page speaks (any `zh…` reads as 简体中文), else English. */
export function browserLanguage(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'zh') return base;
  }
  return 'en';
}

/** The `<html lang>` value of a language. */
export const HTML_LANG: Readonly<Record<Lang, string>> = { en: 'en', zh: 'zh-CN' };

function applyToDocument(doc: Document): void {
  doc.documentElement.lang = HTML_LANG[language()];
  doc.title = t('page.title');
  doc.querySelector('meta[name="description"]')?.setAttribute('content', t('page.description'));
}

/**
 * Starts following the store's language (`browser` when the store names none). `ready`
 * resolves once the first language is in place (its catalogue loaded), so the first render
 * speaks it; if a catalogue cannot load (offline), the page stays in the language it has.
 */
export function connectLanguage(browser: Lang, doc: Document = document): { readonly ready: Promise<void>; readonly disconnect: () => void } {
  const wanted = () => useStore.getState().page.lang ?? browser;
  let asked: Lang | null = null;
  const follow = async () => {
    const lang = wanted();
    if (lang === asked) return;
    asked = lang;
    try {
      await loadCatalogue(lang);
    } catch {
      return;
    }
    // A newer choice may have come in while the catalogue loaded: it wins.
    if (wanted() !== lang) return;
    setLanguage(lang);
    applyToDocument(doc);
  };
  const disconnect = useStore.subscribe(() => void follow());
  return { ready: follow(), disconnect };
}
