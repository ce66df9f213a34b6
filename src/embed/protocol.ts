/**
 * The embedding API, version 1: what a host page and the embedded page say to each other
 * through postMessage, and the check every incoming message passes before anything happens.
 * Every message is `{source: 'convarith', version: 1, type, ...}`. Refusals carry a code (for
 * programs) and an English sentence (for the host's developer); the learner's language plays no
 * part. Pure: no DOM, no store.
 */
import type { ViewId } from '../store/playbackSlice';
import type { Allowed } from '../store/urlParams';

export const SOURCE = 'convarith';
export const VERSION = 1;

/** What a host may ask. `state` maps URL keys to their text, exactly as in an address. */
export type HostRequest =
  | { readonly type: 'set'; readonly state: Readonly<Record<string, string>> }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly to: number }
  | { readonly type: 'step'; readonly by: number }
  | { readonly type: 'get' };

export const REQUEST_TYPES: readonly HostRequest['type'][] = ['set', 'play', 'pause', 'step', 'get'];

/** Why a message was refused. */
export type ErrorCode =
  | 'malformed' // not an object, or a field of the wrong type
  | 'wrong-source' // source is not 'convarith'
  | 'wrong-version' // version is not 1
  | 'unknown-type' // type is none of REQUEST_TYPES
  | 'unknown-key' // a `set` names a key the address does not have
  | 'bad-value' // a `set` value the URL table refuses
  | 'not-settable' // a `set` names a key only the address may set (embed, origin)
  | 'bad-step' // `to`/`by` not a whole number, `to` out of range, or both or neither given
  | 'not-ready'; // a step before the animation has steps

/** A refusal: the code, an English sentence, and where it applies the key, the value (cut to 200 characters) and what would work. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly request?: string;
  readonly key?: string;
  readonly value?: string;
  readonly allowed?: Allowed;
}

/** The engine's refusal of the current setting (the picture keeps the last valid one). */
export interface Problem {
  readonly code: string;
  readonly param: string | null;
  readonly message: string;
}

/** What the embedded page says, without the envelope. */
export type AppMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'state'; readonly state: Readonly<Record<string, string>>; readonly query: string; readonly problem: Problem | null }
  | { readonly type: 'step'; readonly view: ViewId; readonly step: number; readonly count: number }
  | { readonly type: 'resize'; readonly height: number }
  | ({ readonly type: 'error' } & Refusal);

/** A message with its envelope. */
export type Envelope<M> = M & { readonly source: typeof SOURCE; readonly version: typeof VERSION };

export function envelope<M extends AppMessage>(message: M): Envelope<M> {
  return { source: SOURCE, version: VERSION, ...message };
}

/** Some text for a value of any type, cut to 200 characters. */
export function valueText(v: unknown): string {
  const text = typeof v === 'string' ? v : v === null || typeof v !== 'object' ? String(v) : Array.isArray(v) ? '(an array)' : '(an object)';
  const chars = Array.from(text);
  return chars.length > 200 ? `${chars.slice(0, 200).join('')}…` : text;
}

/** What `allowed` describes, in English. */
export function allowedText(a: Allowed): string {
  switch (a.kind) {
    case 'whole':
      return `a whole number from ${a.min} to ${a.max}`;
    case 'hw':
      return `a whole number from ${a.min} to ${a.max}, or height x width such as ${a.min}x${a.max}`;
    case 'oneOf':
      return `one of ${a.values.map((v) => `'${v}'`).join(', ')}`;
    case 'numbers':
      return `${a.count} numbers separated by commas`;
    case 'preset':
      return 'the id of a worked example';
    case 'origin':
      return 'an origin such as https://example.org';
  }
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

const malformed = (message: string, request?: string): Refusal => ({ code: 'malformed', message, request });

/**
 * Reads a message that came from the host: the request, or why it is refused. Only own fields
 * are read; fields a request does not use are ignored.
 */
export function readRequest(data: unknown): HostRequest | Refusal {
  if (!isRecord(data)) return malformed(`A message must be an object {source: '${SOURCE}', version: ${VERSION}, type, ...}; this one is ${valueText(data)}.`);
  if (data.source !== SOURCE) {
    return { code: 'wrong-source', message: `source must be '${SOURCE}'.`, key: 'source', value: valueText(data.source), allowed: { kind: 'oneOf', values: [SOURCE] } };
  }
  if (data.version !== VERSION) {
    return { code: 'wrong-version', message: `This page speaks version ${VERSION} of the API.`, key: 'version', value: valueText(data.version), allowed: { kind: 'oneOf', values: [String(VERSION)] } };
  }
  const type = data.type;
  switch (type) {
    case 'play':
    case 'pause':
    case 'get':
      return { type };
    case 'set':
      return readSet(data.state);
    case 'step':
      return readStep(data.to, data.by);
    default:
      return { code: 'unknown-type', message: `type must be one of ${REQUEST_TYPES.join(', ')}.`, key: 'type', value: valueText(type), allowed: { kind: 'oneOf', values: REQUEST_TYPES } };
  }
}

function readSet(state: unknown): HostRequest | Refusal {
  if (!isRecord(state)) return malformed(`set needs state: an object of URL keys and their values, such as {in: '6', s: '2'}; this one is ${valueText(state)}.`, 'set');
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(state)) {
    if (typeof value === 'string') texts[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) texts[key] = String(value);
    else return { code: 'bad-value', message: `The value of ${valueText(key)} must be a string (or a finite number), as in an address.`, request: 'set', key: valueText(key), value: valueText(value) };
  }
  return { type: 'set', state: texts };
}

function readStep(to: unknown, by: unknown): HostRequest | Refusal {
  const bad = (message: string, key?: string, value?: unknown): Refusal => ({
    code: 'bad-step', message, request: 'step', key, value: key === undefined ? undefined : valueText(value),
  });
  if ((to === undefined) === (by === undefined)) return bad('step needs exactly one of to (a step number, from 0) or by (a whole number of steps, negative to go back).');
  if (to !== undefined) return typeof to === 'number' && Number.isInteger(to) && to >= 0 ? { type: 'step', to } : bad('to must be a whole number from 0.', 'to', to);
  return typeof by === 'number' && Number.isSafeInteger(by) ? { type: 'step', by } : bad('by must be a whole number.', 'by', by);
}
