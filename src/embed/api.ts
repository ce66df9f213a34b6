/**
 * The embedded page's half of the embedding API (protocol.ts): loaded only with `embed=1`.
 *
 * Who is heard: with an `origin` key, messages from that origin only, and replies go to the
 * parent window for that origin only. Without one, messages from the parent window only, and
 * replies go to it with targetOrigin '*' (a sandboxed frame cannot know its parent's origin;
 * what it says is the state a URL shows anyway, but a host that passes `origin` keeps it
 * between the two). A page that is not in a frame has no host: it neither listens nor posts.
 *
 * What is done: every request is checked (protocol.ts) and a `set` is parsed by the URL table
 * and applied through the store's one `change` action, exactly as an address would be; a
 * refused message changes nothing and is answered with `error`. After every change of the
 * address the host hears `state`, after every step `step`, after every change of the page's
 * height `resize`.
 */
import { language } from '../i18n';
import { activeView, currentQuery, selectValidated, useStore, type State } from '../store';
import { selectStepCount } from '../store/plans';
import { PRESET_QUERIES } from '../store/presets';
// Every view's step count, registered now rather than when its view's chunk loads, so the host
// hears `step` as soon as a picture is drawn, and a `step` request works before the view is on screen.
import '../store/transposePlans';
import '../store/unpoolPlans';
import type { PageKeys } from '../store/urlParams';
import { paramTexts, parsePatch } from '../store/urlPatch';
import { allowedText, envelope, readRequest, valueText, type AppMessage, type HostRequest, type Problem, type Refusal } from './protocol';

/** Page keys only the frame's address sets (a message may set lang and controls). */
const PAGE_ONLY_KEYS = ['embed', 'origin'];

/** The whole URL state as a host reads it: every key's text, defaults included, the step on screen, the language shown. */
function stateOf(s: State): AppMessage {
  const validated = selectValidated(s);
  const problem: Problem | null = validated.ok ? null : { code: validated.error.code, param: validated.error.param ?? null, message: validated.error.message };
  const state = {
    ...paramTexts({ ...s.params, step: s.steps[activeView(s.params)] }),
    lang: s.page.lang ?? language(),
    controls: s.page.controls === false ? '0' : '1',
  };
  return { type: 'state', state, query: currentQuery(s), problem };
}

/** Applies a checked request; returns the refusals (nothing was changed when there are any). */
function apply(request: HostRequest): Refusal[] {
  const s = useStore.getState();
  const view = activeView(s.params);
  switch (request.type) {
    case 'set':
      return applySet(request.state);
    case 'play':
    case 'pause': {
      const count = selectStepCount(s, view);
      if (request.type === 'pause') s.setPlaying(null);
      else if (count > 0) s.play(view, count);
      else return [{ code: 'not-ready', message: 'The animation has no steps yet: wait for a step message.', request: 'play' }];
      return [];
    }
    case 'step': {
      const count = selectStepCount(s, view);
      if (count === 0) return [{ code: 'not-ready', message: 'The animation has no steps yet: wait for a step message.', request: 'step' }];
      if ('to' in request) {
        if (request.to >= count) {
          const allowed = { kind: 'whole', min: 0, max: count - 1 } as const;
          return [{ code: 'bad-step', message: `to must be ${allowedText(allowed)} (this animation has ${count} steps).`, request: 'step', key: 'to', value: String(request.to), allowed }];
        }
        s.setStep(view, request.to);
      } else s.setStep(view, Math.max(0, Math.min(count - 1, Math.min(s.steps[view], count - 1) + request.by)));
      return [];
    }
    case 'get':
      return [];
  }
}

/** A `set`: all of it, through the URL table and the store's rules, or none of it. */
function applySet(texts: Readonly<Record<string, string>>): Refusal[] {
  const s = useStore.getState();
  const { patch, page, notices } = parsePatch(new URLSearchParams(Object.entries(texts)), s.params, PRESET_QUERIES);
  const refusals: Refusal[] = notices.map((n) => ({
    code: n.reason,
    message: n.reason === 'unknown-key' ? `${valueText(n.key)} is not a URL key of ConvArith.` : `${n.key} must be ${allowedText(n.allowed)}.`,
    request: 'set',
    key: valueText(n.key),
    value: valueText(n.value),
    allowed: n.allowed,
  }));
  for (const key of PAGE_ONLY_KEYS) {
    if (Object.hasOwn(texts, key)) refusals.push({ code: 'not-settable', message: `${key} is set by the frame's address only.`, request: 'set', key, value: valueText(texts[key]) });
  }
  if (refusals.length > 0) return refusals;
  if (Object.keys(patch).length > 0) s.change(patch);
  const named: { -readonly [K in 'lang' | 'controls']?: PageKeys[K] } = {};
  if (Object.hasOwn(texts, 'lang')) named.lang = page.lang;
  if (Object.hasOwn(texts, 'controls')) named.controls = page.controls;
  if (Object.keys(named).length > 0) s.setPage(named);
  return [];
}

/** The API without the window: what it does with a host's message, and what it tells the host after a change. */
export interface EmbedApi {
  /** Checks and carries out one message from the host, answering through `post`. */
  receive(data: unknown): void;
  /** Tells the host the state and the step when they changed since the last report. */
  report(): void;
}

/** The API's logic, speaking through `post` (the window's part is connectEmbed). */
export function createEmbedApi(post: (message: AppMessage) => void): EmbedApi {
  let sent = 0;
  const say = (message: AppMessage) => {
    sent++;
    post(message);
  };
  let lastQuery: string | null = null;
  let lastStep = '';
  return {
    report: () => {
      const s = useStore.getState();
      const query = currentQuery(s);
      if (query !== lastQuery) {
        lastQuery = query;
        say(stateOf(s));
      }
      const view = activeView(s.params);
      const count = selectStepCount(s, view);
      const step = Math.min(s.steps[view], count - 1);
      const key = `${view} ${step} ${count}`;
      if (count > 0 && key !== lastStep) {
        lastStep = key;
        say({ type: 'step', view, step, count });
      }
    },
    receive: (data) => {
      const request = readRequest(data);
      if ('code' in request) return say({ type: 'error', ...request });
      const before = sent;
      const refusals = apply(request);
      for (const refusal of refusals) say({ type: 'error', ...refusal });
      // A get, and a set that changed nothing (so no state went out), are answered with the state all the same.
      if (refusals.length === 0 && (request.type === 'get' || (request.type === 'set' && sent === before))) say(stateOf(useStore.getState()));
    },
  };
}

/** Starts the API in `win` (the embedded page's window); returns the disconnect function. */
export function connectEmbed(win: Window = window): () => void {
  const host = win.parent;
  if (host === win) return () => {};
  const { origin } = useStore.getState().page;
  const post = (message: AppMessage) => host.postMessage(envelope(message), origin ?? '*');
  const api = createEmbedApi(post);
  const onMessage = (e: MessageEvent) => {
    if (origin !== null ? e.origin === origin : e.source === host) api.receive(e.data);
  };

  let lastHeight = -1;
  const body = win.document.body;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post({ type: 'resize', height });
  });

  win.addEventListener('message', onMessage);
  post({ type: 'ready' });
  api.report();
  const unsubscribe = useStore.subscribe(api.report);
  observer.observe(body);
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    observer.disconnect();
  };
}
