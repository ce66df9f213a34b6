/**
 * The URL is the state: one table lists every query key with its type, default and bounds,
 * and drives both parsing and writing (so the two cannot disagree). A bad or unknown value
 * falls back to its default and is reported, never silently dropped.
 */
import type { HW } from '../engine';
import type { Lang } from '../i18n';

export type { HW };
export type Op = 'conv' | 'convT' | 'unpool';
export type Fw = 'torch' | 'tf';
export type Vals = 'ones' | 'int' | 'rand';
export type View = 'scatter' | 'direct';
export type Pool = 'max' | 'avg';
/** The panel under the animation: the sizes, or one of the other views of the same numbers. */
export type Panel = 'sizes' | 'matrix' | 'checkerboard' | 'roundtrip' | 'gradient' | 'code';
export const PANELS: readonly Panel[] = ['sizes', 'matrix', 'checkerboard', 'roundtrip', 'gradient', 'code'];
export type PadSpec = HW | 'same' | 'valid';

/** Everything a picture depends on. */
export interface Params {
  readonly op: Op;
  readonly fw: Fw;
  readonly in: HW;
  readonly k: HW;
  readonly s: HW;
  readonly p: PadSpec;
  readonly d: HW;
  readonly a: HW;
  readonly out: HW | null;
  /** Input channels, output channels, groups (convolutions; pooling uses cin). */
  readonly cin: number;
  readonly cout: number;
  readonly g: number;
  readonly pool: Pool;
  readonly vals: Vals;
  readonly seed: number;
  readonly x: readonly number[] | null;
  readonly w: readonly number[] | null;
  readonly step: number;
  readonly view: View;
  readonly panel: Panel;
  /** The worked example this picture was opened as (cleared once the learner changes a number). */
  readonly preset: string | null;
}

export type ParamKey = keyof Params;

/** Why a URL value was not used. */
export interface UrlNotice {
  readonly key: string;
  readonly value: string;
  readonly reason: 'unknown-key' | 'bad-value';
}

interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** The bounds of every numeric key (also used by the form's inputs). */
export const BOUNDS = {
  in: { min: 1, max: 32 },
  k: { min: 1, max: 7 },
  s: { min: 1, max: 8 },
  p: { min: 0, max: 8 },
  d: { min: 1, max: 4 },
  a: { min: 0, max: 7 },
  out: { min: 1, max: 256 },
  cin: { min: 1, max: 4 },
  cout: { min: 1, max: 4 },
  g: { min: 1, max: 4 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  step: { min: 0, max: 1_000_000 },
} as const satisfies Record<string, Bounds>;

export const DEFAULTS: Params = {
  op: 'conv',
  fw: 'torch',
  in: [5, 5],
  k: [3, 3],
  s: [1, 1],
  p: [0, 0],
  d: [1, 1],
  a: [0, 0],
  out: null,
  cin: 1,
  cout: 1,
  g: 1,
  pool: 'max',
  vals: 'int',
  seed: 1,
  x: null,
  w: null,
  step: 0,
  view: 'scatter',
  panel: 'sizes',
  preset: null,
};

const intIn = (text: string, b: Bounds): number | undefined => {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= b.min && n <= b.max ? n : undefined;
};

/** `5` or `5x4` (H×W) within bounds. */
export function parseHW(text: string, b: Bounds): HW | undefined {
  const m = /^(\d+)(?:[x×](\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const h = intIn(m[1], b);
  const w = intIn(m[2] ?? m[1], b);
  return h === undefined || w === undefined ? undefined : [h, w];
}

/** `5` when both axes agree, else `5x4`. */
export function writeHW(v: HW): string {
  return v[0] === v[1] ? String(v[0]) : `${v[0]}x${v[1]}`;
}

const parseNumbers = (text: string): number[] | undefined => {
  const parts = text.split(',');
  const nums = parts.map((t) => (t.trim() === '' ? NaN : Number(t)));
  return nums.length > 0 && nums.length <= 4096 && nums.every(Number.isFinite) ? nums : undefined;
};

const oneOf = <T extends string>(...options: readonly T[]) => (text: string): T | undefined =>
  (options as readonly string[]).includes(text) ? (text as T) : undefined;

interface KeySpec<K extends ParamKey> {
  /** Parses the URL text; `ctx` holds the keys parsed before this one. undefined = bad. */
  readonly parse: (text: string, ctx: Params) => Params[K] | undefined;
  readonly write: (v: Params[K]) => string;
  /** The default may depend on keys parsed before (TF's padding default is SAME). */
  readonly fallback?: (ctx: Params) => Params[K];
}

type Table = { readonly [K in ParamKey]: KeySpec<K> };

/** The table, in parse order (later keys may depend on earlier ones). */
export const TABLE: Table = {
  op: { parse: oneOf<Op>('conv', 'convT', 'unpool'), write: String },
  fw: { parse: oneOf<Fw>('torch', 'tf'), write: String },
  in: { parse: (t) => parseHW(t, BOUNDS.in), write: writeHW },
  k: { parse: (t) => parseHW(t, BOUNDS.k), write: writeHW },
  s: { parse: (t) => parseHW(t, BOUNDS.s), write: writeHW },
  p: {
    parse: (t, ctx) => (ctx.fw === 'tf' ? oneOf('same', 'valid')(t) : parseHW(t, BOUNDS.p)),
    write: (v) => (typeof v === 'string' ? v : writeHW(v)),
    fallback: (ctx) => (ctx.fw === 'tf' ? 'same' : DEFAULTS.p),
  },
  d: { parse: (t) => parseHW(t, BOUNDS.d), write: writeHW },
  a: { parse: (t) => parseHW(t, BOUNDS.a), write: writeHW },
  out: { parse: (t) => parseHW(t, BOUNDS.out), write: (v) => (v ? writeHW(v) : '') },
  cin: { parse: (t) => intIn(t, BOUNDS.cin), write: String },
  cout: { parse: (t) => intIn(t, BOUNDS.cout), write: String },
  g: { parse: (t) => intIn(t, BOUNDS.g), write: String },
  pool: { parse: oneOf<Pool>('max', 'avg'), write: String },
  vals: { parse: oneOf<Vals>('ones', 'int', 'rand'), write: String },
  seed: { parse: (t) => intIn(t, BOUNDS.seed), write: String },
  x: { parse: (t, ctx) => sized(parseNumbers(t), inputLength(ctx)), write: (v) => (v ? v.join(',') : '') },
  w: { parse: (t, ctx) => sized(parseNumbers(t), weightLength(ctx)), write: (v) => (v ? v.join(',') : '') },
  step: { parse: (t) => intIn(t, BOUNDS.step), write: String },
  view: { parse: oneOf<View>('scatter', 'direct'), write: String },
  panel: { parse: oneOf<Panel>(...PANELS), write: String },
  preset: { parse: (t) => (/^[a-z0-9-]{1,40}$/.test(t) ? t : undefined), write: (v) => v ?? '' },
};

function sized(nums: number[] | undefined, length: number): number[] | undefined {
  return nums && nums.length === length ? nums : undefined;
}

/** How many input values these params draw: Cin·H·W. */
export function inputLength(p: Params): number {
  return p.cin * p.in[0] * p.in[1];
}

/** How many kernel values: conv Cout·(Cin/g)·kH·kW, transposed Cin·(Cout/g)·kH·kW, pooling none. */
export function weightLength(p: Params): number {
  if (p.op === 'unpool') return 0;
  const per = p.op === 'conv' ? p.cout * (p.cin / p.g) : p.cin * (p.cout / p.g);
  return Number.isInteger(per) ? per * p.k[0] * p.k[1] : 0;
}

const KEYS = Object.keys(TABLE) as ParamKey[];

/**
 * Keys of the page rather than of the picture: opening a preset keeps them, and they are in the
 * address only when the address or the learner named them (null: not named, so the page follows
 * the browser). Parsed, reported and written like the params, by a table of the same kind.
 */
export interface PageKeys {
  /** `lang=en`, or `lang=zh` (also `zh-CN`), in any letter case. */
  readonly lang: Lang | null;
}

export const PAGE_DEFAULTS: PageKeys = { lang: null };

const LANG_SPELLINGS: ReadonlyMap<string, Lang> = new Map([['en', 'en'], ['zh', 'zh'], ['zh-cn', 'zh']]);

type PageTable = { readonly [K in keyof PageKeys]: { readonly parse: (text: string) => NonNullable<PageKeys[K]> | undefined; readonly write: (v: NonNullable<PageKeys[K]>) => string } };

const PAGE_TABLE: PageTable = {
  lang: { parse: (t) => LANG_SPELLINGS.get(t.toLowerCase()), write: String },
};

const PAGE_KEYS = Object.keys(PAGE_TABLE) as (keyof PageKeys)[];

/** `named`'s page keys over `base`: a key `named` leaves null keeps its value. */
export function mergePage(base: PageKeys, named: PageKeys): PageKeys {
  let out = base;
  for (const key of PAGE_KEYS) if (named[key] !== null) out = { ...out, [key]: named[key] };
  return out;
}

/** Keys another part of the page reads (the embedding host's); not reported as unknown. */
const FOREIGN_KEYS = ['embed'];

function defaultOf<K extends ParamKey>(key: K, ctx: Params): Params[K] {
  const spec = TABLE[key] as KeySpec<K>;
  return spec.fallback ? spec.fallback(ctx) : DEFAULTS[key];
}

/** Parses one key's text with the keys before it as context; undefined (and a notice) when it is bad. */
function parseKey<K extends ParamKey>(key: K, text: string, ctx: Params, notices: UrlNotice[]): Params[K] | undefined {
  const parsed = (TABLE[key] as KeySpec<K>).parse(text, ctx);
  if (parsed === undefined) notices.push({ key, value: text, reason: 'bad-value' });
  return parsed;
}

/** A notice for every key of `q` that is neither a param, a page key nor another part's key. */
function unknownKeys(q: URLSearchParams, notices: UrlNotice[]): void {
  const known: readonly string[] = [...KEYS, ...PAGE_KEYS, ...FOREIGN_KEYS];
  for (const key of q.keys()) {
    if (!known.includes(key)) notices.push({ key, value: q.get(key) ?? '', reason: 'unknown-key' });
  }
}

/**
 * Parses a query string into Params plus a notice for every key it ignored. A known `preset`
 * (its query from `presets`) is the base the other keys change.
 */
export function parseQuery(search: string, presets: Readonly<Record<string, string>> = {}): { params: Params; page: PageKeys; notices: UrlNotice[] } {
  const q = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  const presetId = q.get('preset');
  const base = presetId !== null && presetId in presets ? new URLSearchParams(presets[presetId]) : null;
  if (presetId !== null && !base) notices.push({ key: 'preset', value: presetId, reason: 'bad-value' });
  let ctx: Params = { ...DEFAULTS };
  for (const key of KEYS) {
    if (key === 'preset') {
      ctx = { ...ctx, preset: base ? presetId : null };
      continue;
    }
    const text = q.get(key) ?? base?.get(key) ?? null;
    const parsed = text === null ? undefined : parseKey(key, text, ctx, notices);
    ctx = { ...ctx, [key]: parsed ?? defaultOf(key, ctx) };
  }
  let page = PAGE_DEFAULTS;
  for (const key of PAGE_KEYS) {
    const text = q.get(key);
    if (text === null) continue;
    const parsed = PAGE_TABLE[key].parse(text);
    if (parsed === undefined) notices.push({ key, value: text, reason: 'bad-value' });
    else page = { ...page, [key]: parsed };
  }
  unknownKeys(q, notices);
  return { params: ctx, page, notices };
}

/**
 * Parses some URL keys' texts (`in=7&s=2`, as a host page sends them) onto the `current`
 * params: the patch of the keys that parse (each with the current params and the keys before
 * it as context, so `p=valid` needs TensorFlow semantics, here or in the same set), and a notice
 * for every key that is bad, unknown, or `preset` (a worked example is opened by its address,
 * not patched); page keys (the language) are not params and are left to their own setter. Apply
 * the patch with the store's `change`, so the rules of transitions.ts follow.
 */
export function parsePatch(search: string | URLSearchParams, current: Params): { patch: Partial<Params>; notices: UrlNotice[] } {
  const q = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  const patch: { -readonly [K in ParamKey]?: Params[K] } = {};
  let ctx = current;
  for (const key of KEYS) {
    const text = q.get(key);
    if (text === null) continue;
    if (key === 'preset') {
      notices.push({ key, value: text, reason: 'bad-value' });
      continue;
    }
    const parsed = parseKey(key, text, ctx, notices);
    if (parsed === undefined) continue;
    Object.assign(patch, { [key]: parsed });
    ctx = { ...ctx, [key]: parsed };
  }
  unknownKeys(q, notices);
  return { patch, notices };
}

/**
 * Writes Params as a query string, leaving out every key at its default; with a preset, the
 * preset's own values are the defaults (so the link stays short and reads back the same).
 * The page keys follow, those that are named.
 */
export function writeQuery(params: Params, presets: Readonly<Record<string, string>> = {}, page: PageKeys = PAGE_DEFAULTS): string {
  const q = new URLSearchParams();
  const base = params.preset !== null && params.preset in presets ? parseQuery(`preset=${params.preset}`, presets).params : null;
  let ctx: Params = { ...DEFAULTS };
  for (const key of KEYS) {
    const spec = TABLE[key] as KeySpec<typeof key>;
    const write = spec.write as (v: Params[typeof key]) => string;
    const text = params[key] === null ? '' : write(params[key]);
    const def = base ? base[key] : defaultOf(key, ctx);
    const defText = def === null ? '' : write(def);
    if (key === 'preset' ? text !== '' : text !== defText) q.set(key, text);
    ctx = { ...ctx, [key]: params[key] };
  }
  for (const key of PAGE_KEYS) {
    const value = page[key];
    if (value !== null) q.set(key, PAGE_TABLE[key].write(value));
  }
  return q.toString().replace(/%2C/g, ',');
}
