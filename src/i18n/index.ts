/**
 * Message lookup. English is the reference catalogue; zh-CN will add a second one with the
 * same keys. Engine errors carry their own English sentence and a code for translations.
 *
 * The first page carries only the messages of the components it draws (en.ts). The views that
 * load on demand bring their own messages and add them with `addMessages` when their module
 * loads, which keeps several KB of text off the first page. MessageKey still names every key,
 * so a typo is a type error wherever the message lives.
 */
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;

type Catalogue = Partial<Record<MessageKey, string>>;

const english: Catalogue = { ...en };
const catalogues: Record<string, Catalogue> = { en: english };
let current = 'en';

/** Chooses the catalogue (falls back to English for any key it lacks). */
export function setLanguage(lang: string): void {
  current = lang in catalogues ? lang : 'en';
}

/**
 * Adds English messages a lazily loaded view brings (called at the top of its module, before
 * anything renders). Adding the same messages twice changes nothing.
 */
export function addMessages(messages: Catalogue): void {
  Object.assign(english, messages);
}

/**
 * The message `key` in the current language with `{name}` placeholders filled. A key whose
 * module has not registered its messages yet reads as the key itself (the catalogue test
 * checks that no component can get there).
 */
export function t(key: MessageKey, vars: Vars = {}): string {
  const text = catalogues[current]?.[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
