/**
 * File names that say what is in them, from the URL table's own spellings:
 * `op-in-k-s-p[-more]-stepN.ext` (`convT-in3-k3-s2-p1-step4.png`), the keys after the padding
 * only where they differ from their defaults (`d2`, `a1`, `cin2`, `tf`, `avg`, `direct` …), and
 * a GIF's range as `stepsA-B`. Steps are numbered as the address's `step` key numbers them (from 0).
 */
import { DEFAULTS, KEYS, TABLE, writeQuery, type ParamKey, type Params } from '../store/urlParams';

/** Keys always named, in this order, with their value. */
const ALWAYS: readonly ParamKey[] = ['op', 'in', 'k', 's', 'p'];
/** Keys never named: the values themselves, the step, the page around the picture. */
const NEVER = new Set<ParamKey>(['x', 'w', 'step', 'panel', 'preset']);
/** Keys whose value alone says what they are. */
const BARE = new Set<ParamKey>(['fw', 'pool', 'vals', 'view']);

function written<K extends ParamKey>(key: K, params: Params): string {
  const value = params[key];
  return value === null ? '' : (TABLE[key].write as (v: Params[K]) => string)(value);
}

/** Only letters, digits and a few marks: a name every file system takes. */
const safe = (text: string): string => text.replace(/[^A-Za-z0-9.]+/g, '');

/** The name's picture part, `convT-in3-k3-s2-p1` (+ the keys that are not at their defaults). */
export function pictureName(params: Params): string {
  // The query the address would carry for this picture alone: it names exactly the keys off their defaults.
  const named = new URLSearchParams(writeQuery({ ...params, preset: null, x: null, w: null, step: 0, panel: DEFAULTS.panel }));
  const parts = ALWAYS.map((key) => (key === 'op' ? safe(written(key, params)) : `${key}${safe(written(key, params))}`));
  for (const key of KEYS) {
    if (ALWAYS.includes(key) || NEVER.has(key) || !named.has(key)) continue;
    if (key === 'view' && params.op !== 'convT') continue;
    parts.push(BARE.has(key) ? safe(written(key, params)) : `${key}${safe(written(key, params))}`);
  }
  return parts.join('-');
}

/** `convT-in3-k3-s2-p1-step4.png`: one frame. */
export function frameFileName(params: Params, step: number, ext: 'png' | 'svg'): string {
  return `${pictureName(params)}-step${step}.${ext}`;
}

/** `conv-in5-k3-s1-p0-steps0-8.gif`: frames `from` to `to` (inclusive). */
export function animationFileName(params: Params, from: number, to: number): string {
  return `${pictureName(params)}-steps${from}-${to}.gif`;
}

