/** Entry: load the URL into the store, connect the engine worker and the address bar, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
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
  </StrictMode>,
);
