/**
 * The link and the `<iframe>` snippet the Share and Embed buttons hand out, written by the URL
 * table like every address (so they read back as the picture on screen).
 */
import type { Lang } from '../../i18n';
import { currentQuery, type State } from '../../store';
import { PAGE_DEFAULTS } from '../../store/urlParams';

/** The embedded page's size in the snippet: what an 800×500 frame shows is the animation. */
export const FRAME = { width: 800, height: 500 } as const;

/**
 * The embedded page's address for state `s` at `base` (the app's address without its query):
 * the picture's keys and step, `embed=1`, the language named (so the frame speaks it whatever
 * the visitor's browser says), `controls=0` when the strip is left out.
 */
export function embedUrl(s: State, base: string, lang: Lang, controls: boolean): string {
  const q = currentQuery({ ...s, page: { ...PAGE_DEFAULTS, lang, embed: true, controls: controls ? null : false } });
  return `${base}?${q}`;
}

const attr = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a course page pastes: a sandboxed iframe (scripts only: no same-origin access, no popups, no top navigation), sized, titled. */
export function iframeSnippet(url: string, title: string): string {
  return `<iframe src="${attr(url)}" title="${attr(title)}" width="${FRAME.width}" height="${FRAME.height}" sandbox="allow-scripts" loading="lazy" style="border: 0; max-width: 100%;"></iframe>`;
}
