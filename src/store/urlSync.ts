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
 * The embedded page (`embed=1`) only ever replaces: inside an iframe a new entry would be one
 * more entry in the host page's history.
 */
import { PRESET_QUERIES } from './presets';
import { activeView, currentQuery, loadQuery, useStore, type State } from './index';
import { writeQuery } from './urlParams';

/** The part of the address a history entry stands for: the picture's params without the step or the page keys. */
function entryOf(s: State): string {
  return writeQuery({ ...s.params, step: 0 }, PRESET_QUERIES);
}

/** Whether `el` takes typed text (so one value may arrive in several keystrokes). */
function takesTyping(el: Element | null): boolean {
  return (el instanceof HTMLInputElement && /^(number|text|search)$/.test(el.type)) || el instanceof HTMLTextAreaElement;
}

/** Starts mirroring the store into the URL (and the URL, on Back/Forward, into the store); returns the disconnect function. */
export function connectUrl(win: Window = window): () => void {
  let lastParams: unknown = null;
  let lastPage: unknown = null;
  let lastStep = -1;
  let entry: string | null = null;
  // A field is being typed into, and its first change already pushed an entry.
  let typing = false;
  // Back/Forward is loading an entry: the address is already the one to show.
  let restoring = false;
  const write = () => {
    const s = useStore.getState();
    // Hover and playback state change on every pointer move; only params, page keys and the step are in the URL.
    const step = s.steps[activeView(s.params)];
    if (s.params === lastParams && s.page === lastPage && step === lastStep) return;
    lastParams = s.params;
    lastPage = s.page;
    lastStep = step;
    const q = currentQuery(s);
    const url = `${win.location.pathname}${q ? `?${q}` : ''}${win.location.hash}`;
    const next = entryOf(s);
    const push = entry !== null && next !== entry && !restoring && !typing && s.page.embed !== true;
    entry = next;
    if (push) {
      win.history.pushState(null, '', url);
      typing = takesTyping(win.document.activeElement);
    } else if (`${win.location.pathname}${win.location.search}${win.location.hash}` !== url) {
      win.history.replaceState(win.history.state, '', url);
    }
  };
  const committed = () => {
    typing = false;
  };
  const popped = () => {
    // Back undoes settings, not the language the learner reads in.
    const { lang } = useStore.getState().page;
    restoring = true;
    try {
      loadQuery(win.location.search);
      if (lang !== null) useStore.getState().setPage({ lang });
    } finally {
      restoring = false;
    }
  };
  write();
  const unsubscribe = useStore.subscribe(write);
  win.document.addEventListener('change', committed, true);
  win.document.addEventListener('focusout', committed, true);
  win.addEventListener('popstate', popped);
  return () => {
    unsubscribe();
    win.document.removeEventListener('change', committed, true);
    win.document.removeEventListener('focusout', committed, true);
    win.removeEventListener('popstate', popped);
  };
}
