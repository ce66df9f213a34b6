/**
 * Entry: load the URL into the store, connect the engine worker and the address bar, render;
 * in the build, register the service worker that keeps the app for offline use.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { UpdateBanner } from './components/UpdateBanner';
import { registerServiceWorker } from './offline/register';
import { loadQuery } from './store';
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

// Not in dev, where a cached build would hide the code being edited.
if (import.meta.env.PROD) registerServiceWorker();
