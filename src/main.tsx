/**
 * Entry: load the URL into the store, connect the engine worker and the address bar, render;
 * in the build, register the service worker that keeps the app for offline use.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { UpdateBanner } from './components/UpdateBanner';
import { registerServiceWorker } from './offline/register';
import { loadQuery, selectValidated, useStore, type State } from './store';
import { connectEngine } from './store/engineBridge';
import { connectUrl } from './store/urlSync';
import { createBrowserClient } from './worker/browserClient';
import './styles.css';

loadQuery(window.location.search);
connectEngine(createBrowserClient());
connectUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdateBanner />
  </StrictMode>,
);

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
