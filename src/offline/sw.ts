/**
 * The service worker (built to `sw.js` by precachePlugin, which fills in __PRECACHE__): keeps
 * every file of one build in a cache named after that build, and answers the app's requests
 * from it, so after the first visit the lesson works without a network. A page opened with any
 * address (`?op=convT&lang=zh`, `?embed=1`) is the same index.html.
 *
 * A new build installs beside the one in use and waits: the page offers it, and it takes over
 * only when the page posts 'convarith:skip-waiting' (the learner chose "Reload"). Then the old cache goes.
 */
import type { Precache } from './precachePlugin';
import type { PageMessage } from './register';

declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE__: Precache;

// No value may be imported: the build must not share a chunk with the page (a classic worker cannot import).
const SKIP_WAITING: PageMessage = 'convarith:skip-waiting';
const PREFIX = 'convarith-';
const { version, files } = __PRECACHE__;
const cacheName = PREFIX + version;
// A directory's index.html is kept under the directory's address, the one navigations ask for.
const urls = new Set(files.map(([path]) => new URL(path, self.location.href).href.replace(/\/index\.html$/, '/')));

/** The cached address that answers `request`, or null to leave it to the network. */
function cacheKey(request: Request): string | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    url.pathname = url.pathname.replace(/\/index\.html$/, '/');
  }
  return urls.has(url.href) ? url.href : null;
}

self.addEventListener('install', (event) => {
  // 'reload' skips the HTTP cache, so the cache holds this build's files and not older copies.
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key === null) return;
  event.respondWith(caches.match(key, { cacheName }).then((hit) => hit ?? fetch(event.request)));
});
