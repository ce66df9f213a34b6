/**
 * Entry: load the URL into the store (an address naming a worked example after the examples' chunk), connect the language, the engine worker and the address
 * bar, and render once the page's words are ready: a Chinese first visit waits for the Chinese
 * catalogue instead of showing English first, and a first choice the engine refuses waits for
 * the sentences that explain why. In the build, register the service worker that keeps the app
 * for offline use.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { loadErrorSentences } from './i18n';
import { registerServiceWorker } from './offline/register';
import { loadQuery, selectValidated, useStore, type State } from './store';
import { connectEngine } from './store/engineBridge';
import { loadPresets, waitsForPresets } from './store/presetRegistry';
import { browserLanguage, connectLanguage } from './store/language';
import { connectUrl } from './store/urlSync';
import { createBrowserClient } from './worker/browserClient';
import './styles.css';

async function start(): Promise<void> {
  // An address naming a worked example is read once the examples' chunk is in.
  if (waitsForPresets(window.location.search)) await loadPresets();
  loadQuery(window.location.search);
  const wordsReady = Promise.all([
    connectLanguage(browserLanguage(navigator.languages)).ready,
    selectValidated(useStore.getState()).ok ? null : loadErrorSentences().catch(() => undefined),
  ]);
  connectEngine(createBrowserClient());
  connectUrl();
  await wordsReady;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();

// Not in dev, where a cached build would hide the code being edited. Only after the first picture
// (or once there is none to come), so fetching the files to keep never competes with drawing it.
if (import.meta.env.PROD) {
  const settled = (s: State) => s.picture !== null || s.engineError !== null || !selectValidated(s).ok;
  if (settled(useStore.getState())) registerServiceWorker();
  else {
    const unsubscribe = useStore.subscribe((s) => {
      if (!settled(s)) return;
      unsubscribe();
      registerServiceWorker();
    });
  }
}
