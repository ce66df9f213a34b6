/**
 * Keeps the address bar equal to the state with history.replaceState (inside an iframe,
 * assigning location would add entries to the host page's history).
 */
import { activeView, currentQuery, useStore } from './index';

/** Starts mirroring the store into the URL; returns the unsubscribe function. */
export function connectUrl(win: Window = window): () => void {
  let lastParams: unknown = null;
  let lastPage: unknown = null;
  let lastStep = -1;
  const write = () => {
    const s = useStore.getState();
    // Hover and playback state change on every pointer move; only params, page keys and the step are in the URL.
    const step = s.steps[activeView(s.params)];
    if (s.params === lastParams && s.page === lastPage && step === lastStep) return;
    lastParams = s.params;
    lastPage = s.page;
    lastStep = step;
    const q = currentQuery(s);
    const search = q ? `?${q}` : '';
    if (win.location.search !== search) {
      win.history.replaceState(win.history.state, '', `${win.location.pathname}${search}${win.location.hash}`);
    }
  };
  write();
  return useStore.subscribe(write);
}
