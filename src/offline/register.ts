/**
 * The page's half of offline mode: registers the service worker once the page has loaded and
 * keeps the update a new version offers. Nothing is forced: the new version takes over only
 * when the learner calls the update (the banner's "Reload"), and then only this page reloads.
 * Where service workers are unavailable — an insecure origin, a sandboxed iframe whose origin is
 * null (reading navigator.serviceWorker throws there) — nothing happens.
 */

/** What a page posts to its waiting service worker (sw.ts): take over now. */
export type PageMessage = 'convarith:skip-waiting';

/** Lets the waiting version take over, then reloads this page. */
export type Update = () => void;

let update: Update | null = null;
const listeners = new Set<() => void>();

/** The service worker container, or null where this page may not use one. */
function container(): ServiceWorkerContainer | null {
  try {
    return navigator.serviceWorker ?? null;
  } catch {
    return null;
  }
}

/** How often the page asks the waiting version again until it is in charge (ms). */
export const ASK_AGAIN_MS = 3000;

/**
 * Lets `worker` (waiting) take over, then calls `reload` once: when it controls the page or is
 * activated, whichever the page hears first. A waiting worker the browser had stopped is started
 * again to hear the message; the page asks again every ASK_AGAIN_MS until it is in charge, as a
 * start on a busy machine may lose it (taking over twice is taking over once).
 */
export function applyUpdate(sw: ServiceWorkerContainer, worker: ServiceWorker, reload: () => void = () => window.location.reload()): void {
  // Another page let it take over already: this page's old files may be gone, so reload now.
  if (worker.state === 'activating' || worker.state === 'activated') return reload();
  const message: PageMessage = 'convarith:skip-waiting';
  const ask = () => worker.postMessage(message);
  const again = setInterval(ask, ASK_AGAIN_MS);
  let done = false;
  const inCharge = () => {
    if (done) return;
    done = true;
    clearInterval(again);
    reload();
  };
  sw.addEventListener('controllerchange', inCharge, { once: true });
  worker.addEventListener('statechange', () => {
    if (worker.state === 'activated') inCharge();
    // Replaced by a newer version (which will be offered in turn): nothing left to ask.
    else if (worker.state === 'redundant') clearInterval(again);
  });
  ask();
}

function offer(sw: ServiceWorkerContainer, worker: ServiceWorker): void {
  // Without a controller this is the first install: nothing to update from, nothing to offer.
  if (!sw.controller) return;
  update = () => applyUpdate(sw, worker);
  for (const listener of listeners) listener();
}

/** Registers `sw.js` (beside index.html) once the page has loaded and the main thread is idle. */
export function registerServiceWorker(): void {
  const sw = container();
  if (!sw) return;
  const start = () =>
    sw.register(`${import.meta.env.BASE_URL}sw.js`, { updateViaCache: 'none' }).then(
      (registration) => {
        if (registration.waiting) offer(sw, registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed') offer(sw, worker);
          });
        });
      },
      () => {}, // refused (blocked storage, private mode): the app works online as before
    );
  const whenIdle = () => (window.requestIdleCallback ?? setTimeout)(() => void start());
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/** The update a new version offers, or null while there is none. */
export function pendingUpdate(): Update | null {
  return update;
}

/** Calls `listener` when a new version starts waiting; returns the unsubscribe function. */
export function onPendingUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
