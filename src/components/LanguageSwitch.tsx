/**
 * English / 中文 in the header: two toggle buttons, each named in its own language. Choosing one
 * names the language in the store (and so in the address); the page switches once its
 * catalogue is loaded (store/language.ts). Every other choice stays as it is.
 */
import { t, type Lang } from '../i18n';
import { useStore } from '../store';
import { HTML_LANG } from '../store/language';
import { useLanguage } from './useLanguage';

const LANGS: readonly Lang[] = ['en', 'zh'];

export function LanguageSwitch() {
  const current = useLanguage();
  const setPage = useStore((s) => s.setPage);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__button"
          lang={HTML_LANG[lang]}
          aria-pressed={lang === current}
          onClick={() => setPage({ lang })}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
