/**
 * Message lookup in two languages. English is the reference catalogue; Chinese (zh.ts, every
 * key, one lazily loaded chunk) is loaded by `loadCatalogue` before the page shows it, so a
 * Chinese first visit never shows English first. Engine refusals are phrased from their code
 * and details (shapeErrors.ts, its own chunk with its English sentences), never from the
 * engine's English sentence once that chunk is in.
 *
 * The first page carries only the English messages of the components it draws (en.ts). The
 * views that load on demand bring their own English messages and add them with `addMessages`
 * when their module loads, which keeps several KB of text off the first page. MessageKey
 * still names every key, so a typo is a type error wherever the message lives.
 */
import type { ShapeError } from '../engine/errors';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;
/** The page's languages: `zh` is 简体中文 (zh-CN). */
export type Lang = 'en' | 'zh';
/** A complete catalogue: every key of every view. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

const english: Partial<Record<MessageKey, string>> = { ...en };
let chinese: Catalogue | null = null;
let current: Lang = 'en';
let translate: ((e: ShapeError) => string) | null = null;
let errorsLoading: Promise<void> | null = null;
/** Whether a refusal was phrased in the engine's English while the sentences were loading. */
let fellBack = false;
/** Counts changes of what `t` and `errorText` say: the snapshot the page re-renders on. */
let revision = 0;
const listeners = new Set<() => void>();

function changed(): void {
  revision++;
  for (const listener of listeners) listener();
}

/** The language `t` speaks. */
export function language(): Lang {
  return current;
}

/** A number that changes whenever the words change (language, newly loaded sentences). */
export function wordsRevision(): number {
  return revision;
}

/** Whether `lang`'s catalogue is loaded (English always is). */
function hasCatalogue(lang: Lang): boolean {
  return lang === 'en' || chinese !== null;
}

/**
 * Loads `lang`'s catalogue (the Chinese chunk, once, with the engine-error sentences: a Chinese
 * page never falls back to the engine's English); resolves when `setLanguage(lang)` may be called.
 */
export async function loadCatalogue(lang: Lang): Promise<void> {
  if (hasCatalogue(lang)) return;
  const [zh] = await Promise.all([import('./zh'), loadErrorSentences()]);
  chinese = zh.zh;
}

/** Makes `t` speak `lang` (its catalogue must be loaded) and tells the subscribers. */
export function setLanguage(lang: Lang): void {
  if (lang === current || !hasCatalogue(lang)) return;
  current = lang;
  changed();
}

/**
 * Loads the engine-error translator and its English sentences (once). Subscribers hear when
 * they arrive only if a refusal was phrased without them: they load when the learner first
 * touches the page, and re-rendering the whole page then would slow that first change.
 */
export function loadErrorSentences(): Promise<void> {
  errorsLoading ??= import('./shapeErrors').then((m) => {
    translate = m.errorText;
    if (fellBack) changed();
  });
  return errorsLoading;
}

/**
 * An engine refusal in the page's language. Until the sentences have loaded (they are asked
 * for before the first render whenever one can show, and when the learner first touches the
 * page) it is the engine's own English sentence, and they are asked for now.
 */
export function errorText(e: ShapeError): string {
  if (translate) return translate(e);
  fellBack = true;
  void loadErrorSentences();
  return e.message;
}

/** Calls `listener` after every change of the words (React's useSyncExternalStore shape); returns the unsubscribe. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds English messages a lazily loaded view brings (called at the top of its module, before
 * anything renders). Adding the same messages twice changes nothing. The Chinese catalogue
 * has every key already.
 */
export function addMessages(messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(english, messages);
}

/**
 * The message `key` in the current language with `{name}` placeholders filled. A key whose
 * module has not registered its English messages yet reads as the key itself (the catalogue
 * test checks that no component can get there).
 */
export function t(key: MessageKey, vars: Vars = {}): string {
  const text = (current === 'zh' ? chinese?.[key] : undefined) ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Numbers or phrases as a list in the current language: "3, 4, 5" / "3、4、5". */
export function listOf(items: readonly (string | number)[]): string {
  return items.join(t('list.sep'));
}
