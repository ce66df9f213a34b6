/**
 * Message lookup. English is the reference catalogue; zh-CN will add a second one with the
 * same keys. Engine errors carry their own English sentence and a code for translations.
 */
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;

const catalogues: Record<string, Partial<Record<MessageKey, string>>> = { en };
let current = 'en';

/** Chooses the catalogue (falls back to English for any key it lacks). */
export function setLanguage(lang: string): void {
  current = lang in catalogues ? lang : 'en';
}

/** The message `key` in the current language with `{name}` placeholders filled. */
export function t(key: MessageKey, vars: Vars = {}): string {
  const text = catalogues[current]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
