/**
 * Keeps the address bar equal to the state, and the state equal to the address when the
 * learner goes Back or Forward.
 *
 * In the standalone page a change of the picture's params is a history entry (Back undoes it);
 * the step, hovering, playback and the language only replace the current entry, so Back after
 * some steps goes to the previous setting, not to the previous step. A value typed into a field
 * is one entry however many keystrokes it takes: the first change pushes, and the changes that
 * follow while the learner is still typing in that field replace that entry, until the field
 * commits (its `change` event: Enter, leaving the field, a spin button).
 *
 * Every address change costs the browser a same-document navigation (1–15 ms), so the address
 * never delays the picture: what to write is decided at once, but the history is written after
 * the frame that shows the change (in order, one entry per change as above), or before a click
 * that may read it (Share) or a Back. Steps come fast (playback, a held arrow key): a step
 * reaches the address when the page is idle after its frame, and fast steps at most every
 * STEP_URL_MS (the last one always).
 *
 * The embedded page (`embed=1`) only ever replaces: inside an iframe a new entry would be one
 * more entry in the host page's history.
 */
import { afterPaint } from '../afterPaint';
import { presetQueries } from './presetRegistry';
import { activeView, currentQuery, loadQuery, useStore, type State } from './index';
import { writeQuery } from './urlParams';

/** The part of the address a history entry stands for: the picture's params without the step or the page keys. */
function entryOf(s: State): string {
  return writeQuery({ ...s.params, step: 0 }, presetQueries());
}

/** While stepping fast, the address takes the step at most this often (ms). */
export const STEP_URL_MS = 250;

/** Whether `el` takes typed text (so one value may arrive in several keystrokes). */
function takesTyping(el: Element | null): boolean {
  return (el instanceof HTMLInputElement && /^(number|text|search)$/.test(el.type)) || el instanceof HTMLTextAreaElement;
}

/** Starts mirroring the store into the URL (and the URL, on Back/Forward, into the store); returns the disconnect function. */
export function connectUrl(win: Window = window): () => void {
  let lastParams: State['params'] | null = null;
  let lastPage: State['page'] | null = null;
  let lastStep = -1;
  let entry: string | null = null;
  // A field is being typed into, and its first change already pushed an entry.
  let typing = false;
  // Back/Forward is loading an entry: the address is already the one to show.
  let restoring = false;
  // A step waiting for the address (the timer that writes it), the step, and when the address last took one.
  let pendingStep: ReturnType<typeof setTimeout> | undefined;
  let unwritten = 0;
  let lastStepWrite = -Infinity;
  const address = (q: string) => `${win.location.pathname}${q ? `?${q}` : ''}${win.location.hash}`;
  // History calls decided but not made yet (made after the frame), and the address they end on.
  const queue: (() => void)[] = [];
  let shown: string | null = null;
  const flushHistory = () => {
    for (const call of queue.splice(0)) call();
    shown = null;
  };
  const later = (call: () => void, url: string) => {
    if (queue.length === 0) afterPaint(flushHistory, win);
    queue.push(call);
    shown = url;
  };
  const write = (due?: boolean) => {
    const s = useStore.getState();
    // Hover and playback state change on every pointer move; only params, page keys and the step are in the URL.
    const step = s.steps[activeView(s.params)];
    if (s.params === lastParams && s.page === lastPage && step === lastStep) return;
    if (s.params === lastParams && s.page === lastPage) {
      // Only the step changed: written once the page is idle after the frame that shows it, and
      // within a burst at the next slot.
      unwritten = step;
      if (due !== true) {
        const writeNow = () => {
          pendingStep = undefined;
          write(true);
        };
        pendingStep ??= setTimeout(() => (win.requestIdleCallback ? win.requestIdleCallback(writeNow, { timeout: STEP_URL_MS }) : writeNow()), lastStepWrite + STEP_URL_MS - Date.now());
        return;
      }
      lastStepWrite = Date.now();
    }
    // A step the current entry has not taken yet: it keeps it when a new entry follows.
    const left = pendingStep && lastParams && lastPage && address(writeQuery({ ...lastParams, step: unwritten }, presetQueries(), lastPage));
    clearTimeout(pendingStep);
    pendingStep = undefined;
    lastParams = s.params;
    lastPage = s.page;
    lastStep = step;
    const url = address(currentQuery(s));
    const next = entryOf(s);
    const push = entry !== null && next !== entry && !restoring && !typing && s.page.embed !== true;
    entry = next;
    if (push) {
      later(() => {
        if (left) win.history.replaceState(win.history.state, '', left);
        win.history.pushState(null, '', url);
      }, url);
      typing = takesTyping(win.document.activeElement);
    } else if ((shown ?? `${win.location.pathname}${win.location.search}${win.location.hash}`) !== url) {
      later(() => win.history.replaceState(win.history.state, '', url), url);
    }
    // A step written when its time came goes at once (it is after its frame already).
    if (due === true) flushHistory();
  };
  const committed = () => {
    typing = false;
  };
  // A click may read the address (Share copies it): what is still waiting is written first.
  const flushAll = () => {
    if (pendingStep) write(true);
    flushHistory();
  };
  const popped = () => {
    // What was still waiting described the entry the learner has just left.
    queue.length = 0;
    shown = null;
    // Back undoes settings, not the language the learner reads in.
    const { lang } = useStore.getState().page;
    restoring = true;
    try {
      loadQuery(win.location.search);
      if (lang !== null) useStore.getState().setPage({ lang });
    } finally {
      restoring = false;
    }
    // The browser has just navigated: the language it keeps goes into that entry now.
    flushHistory();
  };
  // The address the page opened with is set right (bad keys dropped, the query normalised) at once.
  write();
  flushHistory();
  const unsubscribe = useStore.subscribe(() => write());
  win.document.addEventListener('change', committed, true);
  win.document.addEventListener('focusout', committed, true);
  win.document.addEventListener('pointerdown', flushAll, true);
  win.addEventListener('popstate', popped);
  return () => {
    clearTimeout(pendingStep);
    flushHistory();
    unsubscribe();
    win.document.removeEventListener('change', committed, true);
    win.document.removeEventListener('focusout', committed, true);
    win.document.removeEventListener('pointerdown', flushAll, true);
    win.removeEventListener('popstate', popped);
  };
}
