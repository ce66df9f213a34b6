/**
 * Some URL keys applied onto the current state, as an embedding host sends them: the same
 * table as the address, so a message and a link cannot disagree. Its own module because only
 * the embedded page (a lazily loaded chunk) uses it.
 */
import { KEYS, parseKey, parsePage, parseQuery, TABLE, unknownKeys, type PageKeys, type ParamKey, type Params, type UrlNotice } from './urlParams';

/**
 * Parses some URL keys' texts (`in=7&s=2`) onto the `current` params: the patch of the keys
 * that parse (each with the current params and the keys before it as context, so `p=valid`
 * needs TensorFlow semantics, here or in the same set), the page keys named, and a notice for
 * every key that is bad or unknown. A `preset` opens that worked example with the other keys on
 * top, exactly as its address would: the patch is then a whole Params object. Apply the patch
 * with the store's `change`, so the rules of transitions.ts follow.
 */
export function parsePatch(
  search: string | URLSearchParams,
  current: Params,
  presets: Readonly<Record<string, string>> = {},
): { patch: Partial<Params>; page: PageKeys; notices: UrlNotice[] } {
  const q = new URLSearchParams(search);
  if (q.has('preset')) {
    const { params, page, notices } = parseQuery(q, presets);
    return { patch: params, page, notices };
  }
  const notices: UrlNotice[] = [];
  const patch: { -readonly [K in ParamKey]?: Params[K] } = {};
  let ctx = current;
  for (const key of KEYS) {
    const text = q.get(key);
    if (text === null) continue;
    const parsed = parseKey(key, text, ctx, notices);
    if (parsed === undefined) continue;
    Object.assign(patch, { [key]: parsed });
    ctx = { ...ctx, [key]: parsed };
  }
  const page = parsePage(q, notices);
  unknownKeys(q, notices);
  return { patch, page, notices };
}

/** Every key's text as the URL table writes it, defaults included ('' for a value that is not set: x, w, out, preset). */
export function paramTexts(params: Params): Record<ParamKey, string> {
  const texts = {} as Record<ParamKey, string>;
  for (const key of KEYS) {
    const write = TABLE[key].write as (v: Params[typeof key]) => string;
    texts[key] = params[key] === null ? '' : write(params[key]);
  }
  return texts;
}
