/**
 * The URL is the state: one table lists every query key with its type, default and bounds,
 * and drives both parsing and writing (so the two cannot disagree). A bad or unknown value
 * falls back to its default and is reported, never silently dropped.
 */
import type { HW } from '../engine';
import type { Lang } from '../i18n';

export type { HW };
export type Op = 'conv' | 'convT' | 'unpool' | 'image';
export type Fw = 'torch' | 'tf';
export type Vals = 'ones' | 'int' | 'rand';
export type View = 'scatter' | 'direct';
export type Pool = 'max' | 'avg';
/** The panel under the animation: the sizes, or one of the other views of the same numbers. */
export type Panel = 'sizes' | 'matrix' | 'checkerboard' | 'roundtrip' | 'gradient' | 'code';
export const PANELS: readonly Panel[] = ['sizes', 'matrix', 'checkerboard', 'roundtrip', 'gradient', 'code'];
export type PadSpec = HW | 'same' | 'valid';
// ---- image: the image mode's keys (op=image) ----
/** The sample images shipped in public/samples/ (made by scripts/make-samples.mjs). */
export const SAMPLES = ['scene', 'letters', 'rings', 'checker'] as const;
export type Sample = (typeof SAMPLES)[number];
/** What image mode does to the picture: a convolution, the ×2 transposed convolutions, pooling and unpooling. */
export type ImageTask = 'conv' | 'convT' | 'pool';
/** The named kernels of image mode (src/engine/image.ts), or the learner's own (`own`, values in `w`). */
export const KERNEL_NAMES = ['identity', 'box', 'gauss', 'sharpen', 'sobelx', 'sobely', 'laplace', 'emboss', 'own'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];
/** Per RGB channel, or on the grey image. */
export type ImageColor = 'rgb' | 'grey';
// ---- end image ----

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
  /** Image mode (op=image): the sample, the task, the kernel, colour or grey. */
  readonly img: Sample;
  readonly task: ImageTask;
  readonly kern: KernelName;
  readonly color: ImageColor;
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

/**
 * What a key accepts, read from the table: a notice that ignores a value says what would have
 * worked, and the embedding API's errors carry the same record.
 */
export type Allowed =
  | { readonly kind: 'whole'; readonly min: number; readonly max: number }
  | { readonly kind: 'hw'; readonly min: number; readonly max: number }
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  | { readonly kind: 'numbers'; readonly count: number }
  | { readonly kind: 'preset' }
  | { readonly kind: 'origin' };

/** Why a URL value was not used, and what the key accepts (for an unknown key: the keys there are). */
export interface UrlNotice {
  readonly key: string;
  readonly value: string;
  readonly reason: 'unknown-key' | 'bad-value';
  readonly allowed: Allowed;
}

interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** The bounds of every numeric key (also used by the form's inputs). */
export const BOUNDS = {
  in: { min: 1, max: 64 },
  k: { min: 1, max: 11 },
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
  img: 'scene',
  task: 'conv',
  kern: 'sobelx',
  color: 'rgb',
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

/** The most values `x` or `w` may hold: every channel of the largest input (4 × 64 × 64). */
const MAX_VALUES = BOUNDS.cin.max * BOUNDS.in.max * BOUNDS.in.max;

const parseNumbers = (text: string): number[] | undefined => {
  const parts = text.split(',');
  const nums = parts.map((t) => (t.trim() === '' ? NaN : Number(t)));
  return nums.length > 0 && nums.length <= MAX_VALUES && nums.every(Number.isFinite) ? nums : undefined;
};

/** A key that takes one of `options` (parsed, written and described alike). */
const choice = <T extends string>(...options: readonly T[]) => ({
  parse: (text: string): T | undefined => (options as readonly string[]).includes(text) ? (text as T) : undefined,
  write: String,
  allowed: (): Allowed => ({ kind: 'oneOf', values: options }),
});

/** An H×W key within `b`. */
const sizes = (b: Bounds) => ({ parse: (t: string) => parseHW(t, b), write: writeHW, allowed: (): Allowed => ({ kind: 'hw', ...b }) });

/** A whole-number key within `b`. */
const whole = (b: Bounds) => ({ parse: (t: string) => intIn(t, b), write: String, allowed: (): Allowed => ({ kind: 'whole', ...b }) });

interface KeySpec<K extends ParamKey> {
  /** Parses the URL text; `ctx` holds the keys parsed before this one. undefined = bad. */
  readonly parse: (text: string, ctx: Params) => Params[K] | undefined;
  readonly write: (v: Params[K]) => string;
  /** What the key accepts, with the keys before it as context. */
  readonly allowed: (ctx: Params) => Allowed;
  /** The default may depend on keys parsed before (TF's padding default is SAME). */
  readonly fallback?: (ctx: Params) => Params[K];
}

type Table = { readonly [K in ParamKey]: KeySpec<K> };

const TF_PADDING = choice('same', 'valid');
const list = (v: readonly number[] | null): string => (v ? v.join(',') : '');

/** The table, in parse order (later keys may depend on earlier ones). */
export const TABLE: Table = {
  op: choice<Op>('conv', 'convT', 'unpool', 'image'),
  fw: choice<Fw>('torch', 'tf'),
  in: sizes(BOUNDS.in),
  k: sizes(BOUNDS.k),
  s: sizes(BOUNDS.s),
  p: {
    parse: (t, ctx) => (ctx.fw === 'tf' ? TF_PADDING.parse(t) : parseHW(t, BOUNDS.p)),
    write: (v) => (typeof v === 'string' ? v : writeHW(v)),
    allowed: (ctx) => (ctx.fw === 'tf' ? TF_PADDING : sizes(BOUNDS.p)).allowed(),
    fallback: (ctx) => (ctx.fw === 'tf' ? 'same' : DEFAULTS.p),
  },
  d: sizes(BOUNDS.d),
  a: sizes(BOUNDS.a),
  out: { ...sizes(BOUNDS.out), write: (v) => (v ? writeHW(v) : '') },
  cin: whole(BOUNDS.cin),
  cout: whole(BOUNDS.cout),
  g: whole(BOUNDS.g),
  pool: choice<Pool>('max', 'avg'),
  img: choice<Sample>(...SAMPLES),
  task: choice<ImageTask>('conv', 'convT', 'pool'),
  kern: choice<KernelName>(...KERNEL_NAMES),
  color: choice<ImageColor>('rgb', 'grey'),
  vals: choice<Vals>('ones', 'int', 'rand'),
  seed: whole(BOUNDS.seed),
  x: { parse: (t, ctx) => sized(parseNumbers(t), inputLength(ctx)), write: list, allowed: (ctx) => ({ kind: 'numbers', count: inputLength(ctx) }) },
  w: { parse: (t, ctx) => sized(parseNumbers(t), weightLength(ctx)), write: list, allowed: (ctx) => ({ kind: 'numbers', count: weightLength(ctx) }) },
  step: whole(BOUNDS.step),
  view: choice<View>('scatter', 'direct'),
  panel: choice<Panel>(...PANELS),
  preset: { parse: (t) => (/^[a-z0-9-]{1,40}$/.test(t) ? t : undefined), write: (v) => v ?? '', allowed: () => ({ kind: 'preset' }) },
};

function sized(nums: number[] | undefined, length: number): number[] | undefined {
  return nums && nums.length === length ? nums : undefined;
}

/** How many input values these params draw: Cin·H·W. */
export function inputLength(p: Params): number {
  return p.cin * p.in[0] * p.in[1];
}

/** How many kernel values: conv Cout·(Cin/g)·kH·kW, transposed Cin·(Cout/g)·kH·kW, pooling none; image mode kH·kW for the learner's own kernel. */
export function weightLength(p: Params): number {
  if (p.op === 'unpool') return 0;
  if (p.op === 'image') return p.kern === 'own' ? p.k[0] * p.k[1] : 0;
  const per = p.op === 'conv' ? p.cout * (p.cin / p.g) : p.cin * (p.cout / p.g);
  return Number.isInteger(per) ? per * p.k[0] * p.k[1] : 0;
}

/** The picture's keys, in the table's (parse) order. */
export const KEYS = Object.keys(TABLE) as ParamKey[];

/**
 * Keys of the page rather than of the picture: opening a preset keeps them, and they are in the
 * address only when the address or the learner named them (null: not named, so the page follows
 * the browser, or is a standalone page). Parsed, reported and written like the params, by a table
 * of the same kind.
 */
export interface PageKeys {
  /** `lang=en`, or `lang=zh` (also `zh-CN`), in any letter case. */
  readonly lang: Lang | null;
  /** `embed=1`: the picture and its transport alone, sized for an iframe, driven by messages (src/embed). */
  readonly embed: boolean | null;
  /** `controls=0`: the embedded picture without its settings strip. */
  readonly controls: boolean | null;
  /** `origin=https://…`: the only origin the embedded page accepts messages from and posts to. */
  readonly origin: string | null;
  /** `present=1`: presentation mode (the picture fills the screen; settings hidden). Standalone page only. */
  readonly present: boolean | null;
}

export const PAGE_DEFAULTS: PageKeys = { lang: null, embed: null, controls: null, origin: null, present: null };

const LANG_SPELLINGS: ReadonlyMap<string, Lang> = new Map([['en', 'en'], ['zh', 'zh'], ['zh-cn', 'zh']]);

type PageTable = {
  readonly [K in keyof PageKeys]: {
    readonly parse: (text: string) => NonNullable<PageKeys[K]> | undefined;
    readonly write: (v: NonNullable<PageKeys[K]>) => string;
    readonly allowed: () => Allowed;
  };
};

const flag = {
  parse: (t: string) => (t === '1' ? true : t === '0' ? false : undefined),
  write: (v: boolean) => (v ? '1' : '0'),
  allowed: (): Allowed => ({ kind: 'oneOf', values: ['1', '0'] }),
};

/** An http(s) origin exactly (`https://example.org`, a trailing slash forgiven), else undefined. */
function parseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text.replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const PAGE_TABLE: PageTable = {
  lang: { parse: (t) => LANG_SPELLINGS.get(t.toLowerCase()), write: String, allowed: () => ({ kind: 'oneOf', values: ['en', 'zh'] }) },
  embed: flag,
  controls: flag,
  origin: { parse: parseOrigin, write: String, allowed: () => ({ kind: 'origin' }) },
  present: flag,
};

const PAGE_KEYS = Object.keys(PAGE_TABLE) as (keyof PageKeys)[];

/** Every key the address may hold: the picture's, then the page's. */
export const URL_KEYS: readonly string[] = [...KEYS, ...PAGE_KEYS];

/** The text of one page key, or null when it is not named. */
export function writePage<K extends keyof PageKeys>(key: K, page: PageKeys): string | null {
  const value: PageKeys[K] = page[key];
  return value === null ? null : PAGE_TABLE[key].write(value as NonNullable<PageKeys[K]>);
}

/** `named`'s page keys over `base`: a key `named` leaves null keeps its value. */
export function mergePage(base: PageKeys, named: PageKeys): PageKeys {
  let out = base;
  for (const key of PAGE_KEYS) if (named[key] !== null) out = { ...out, [key]: named[key] };
  return out;
}

function defaultOf<K extends ParamKey>(key: K, ctx: Params): Params[K] {
  const spec = TABLE[key] as KeySpec<K>;
  return spec.fallback ? spec.fallback(ctx) : DEFAULTS[key];
}

/** Parses one key's text with the keys before it as context; undefined (and a notice) when it is bad. */
export function parseKey<K extends ParamKey>(key: K, text: string, ctx: Params, notices: UrlNotice[]): Params[K] | undefined {
  const spec = TABLE[key] as KeySpec<K>;
  const parsed = spec.parse(text, ctx);
  if (parsed === undefined) notices.push({ key, value: text, reason: 'bad-value', allowed: spec.allowed(ctx) });
  return parsed;
}

/** Parses the page keys `q` names (a notice for each bad one): the keys not named stay null. */
export function parsePage(q: URLSearchParams, notices: UrlNotice[]): PageKeys {
  let page = PAGE_DEFAULTS;
  for (const key of PAGE_KEYS) {
    const text = q.get(key);
    if (text === null) continue;
    const parsed = PAGE_TABLE[key].parse(text);
    if (parsed === undefined) notices.push({ key, value: text, reason: 'bad-value', allowed: PAGE_TABLE[key].allowed() });
    else page = { ...page, [key]: parsed };
  }
  return page;
}

/** A notice for every key of `q` that is neither a param nor a page key. */
export function unknownKeys(q: URLSearchParams, notices: UrlNotice[]): void {
  for (const key of q.keys()) {
    if (!URL_KEYS.includes(key)) notices.push({ key, value: q.get(key) ?? '', reason: 'unknown-key', allowed: { kind: 'oneOf', values: URL_KEYS } });
  }
}

/**
 * Parses a query string into Params plus a notice for every key it ignored. A known `preset`
 * (its query from `presets`) is the base the other keys change.
 */
export function parseQuery(search: string | URLSearchParams, presets: Readonly<Record<string, string>> = {}): { params: Params; page: PageKeys; notices: UrlNotice[] } {
  const q = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  const presetId = q.get('preset');
  const base = presetId !== null && presetId in presets ? new URLSearchParams(presets[presetId]) : null;
  if (presetId !== null && !base) notices.push({ key: 'preset', value: presetId, reason: 'bad-value', allowed: TABLE.preset.allowed(DEFAULTS) });
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
  const page = parsePage(q, notices);
  unknownKeys(q, notices);
  return { params: ctx, page, notices };
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
    const text = writePage(key, page);
    if (text !== null) q.set(key, text);
  }
  return q.toString().replace(/%2C/g, ',');
}
