/**
 * The Content-Security-Policy of the built app, in one place (runs in Node, inside Vite): no
 * inline script and no eval anywhere, only the app's own files. The build writes it into
 * index.html as a <meta http-equiv> (not in `npm run dev`, whose React refresh preamble is an
 * inline script); `vite preview` also sends it as a header, with `frame-ancestors`, which a
 * <meta> policy cannot carry.
 *
 * - script-src 'self': the built modules, nothing inline, no eval.
 * - worker-src 'self' blob:: the engine's module worker, and Vite's inline (blob:) worker that a
 *   sandboxed iframe falls back to, where `new Worker(url)` is refused.
 * - style-src 'self': the stylesheets. React's `style` props are set through the CSSOM
 *   (element.style), which a policy does not govern, so none is needed for them.
 * - img-src data: blob:: the favicon is a data: URL; pictures drawn in the page may be blob: URLs.
 * - frame-src 'self': the embed dialog's preview is the app itself.
 * - frame-ancestors *: the embedded page must stay embeddable in any course page.
 */
import type { Plugin } from 'vite';

const DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self' blob:",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'frame-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

const policy = (extra: Readonly<Record<string, string>> = {}): string =>
  Object.entries({ ...DIRECTIVES, ...extra }).map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as the page's <meta> carries it. */
export const META_POLICY = policy();

/**
 * The headers `vite preview` sends with every file: the policy with frame-ancestors, and
 * Access-Control-Allow-Origin for the sandboxed iframe (origin null), whose module scripts are
 * CORS requests. A server that hosts the app for embedding must send the latter too.
 */
export const PREVIEW_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': policy({ 'frame-ancestors': '*' }),
  'Access-Control-Allow-Origin': '*',
};

/** Writes the policy into the built index.html, first thing in <head>, before any script. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'convarith-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY }, injectTo: 'head-prepend' }],
  };
}
