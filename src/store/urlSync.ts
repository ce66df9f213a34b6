/**
 * Keeps the address bar equal to the state with history.replaceState (inside an iframe,
 * assigning location would add entries to the host page's history).
 */
import { currentQuery, useStore } from './index';

/** Starts mirroring the store into the URL; returns the unsubscribe function. */
export function connectUrl(win: Window = window): () => void {
  const write = () => {
    const q = currentQuery(useStore.getState());
    const search = q ? `?${q}` : '';
    if (win.location.search !== search) {
      win.history.replaceState(win.history.state, '', `${win.location.pathname}${search}${win.location.hash}`);
    }
  };
  write();
  return useStore.subscribe(write);
}
