/**
 * The URL table (src/store/urlParams.ts), checked against issue 3's "Engineering" section: keys
 * op, in, k, s, p, d, a, out (each `5` or `5x4`), fw, p = same/valid with fw=tf, vals, seed, x, w,
 * step, view; "a bad or unknown value falls back to its default and the page says which key it
 * ignored". Round trips are property tests over every valid Params.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOUNDS, DEFAULTS, PAGE_DEFAULTS, parseHW, parseQuery, URL_KEYS, writeHW, writeQuery,
  type PageKeys, type ParamKey, type Params,
} from '../../src/store/urlParams';
import { hwArb, paramsArb } from './arbitraries';

const ISSUE = 'issue 3, Engineering';

const keysOf = (query: string) => [...new URLSearchParams(query).keys()];

/** The default a key has in the context of `p` (TensorFlow's padding default is SAME). */
const defaultFor = (key: ParamKey, p: Params): unknown => (key === 'p' && p.fw === 'tf' ? 'same' : DEFAULTS[key]);

describe('parseHW / writeHW', () => {
  it(`reads '5' as 5×5 and '5x4' as 5×4 (${ISSUE})`, () => {
    expect(parseHW('5', BOUNDS.in)).toEqual([5, 5]);
    expect(parseHW('5x4', BOUNDS.in)).toEqual([5, 4]);
    expect(parseHW('5×4', BOUNDS.in)).toEqual([5, 4]);
  });

  it("writes '5' when both axes agree and '5x4' otherwise, and reads its own writing back", () => {
    fc.assert(
      fc.property(hwArb(BOUNDS.out), (hw) => {
        const text = writeHW(hw);
        expect(text).toBe(hw[0] === hw[1] ? String(hw[0]) : `${hw[0]}x${hw[1]}`);
        expect(parseHW(text, BOUNDS.out)).toEqual(hw);
      }),
    );
  });

  it('refuses text that is not one or two whole numbers', () => {
    for (const bad of ['', 'x', '5x', 'x5', '5x4x3', '-1', '2.5', '5,4', 'abc', '1e1']) expect(parseHW(bad, BOUNDS.in)).toBeUndefined();
  });
});

describe('bounds', () => {
  it(`input 1–64 and kernel 1–11, as issue 9 asks ("Inputs up to 64×64 (kernels up to 11)")`, () => {
    expect(BOUNDS.in).toEqual({ min: 1, max: 64 });
    expect(BOUNDS.k).toEqual({ min: 1, max: 11 });
  });

  const hwKeys = ['in', 'k', 's', 'p', 'd', 'a', 'out'] as const;
  for (const key of hwKeys) {
    it(`${key}: min and max are accepted on each axis, one beyond is refused`, () => {
      const { min, max } = BOUNDS[key];
      expect(parseHW(`${min}`, BOUNDS[key])).toEqual([min, min]);
      expect(parseHW(`${max}x${min}`, BOUNDS[key])).toEqual([max, min]);
      expect(parseHW(`${max + 1}`, BOUNDS[key])).toBeUndefined();
      expect(parseHW(`${min}x${max + 1}`, BOUNDS[key])).toBeUndefined();
      if (min > 0) expect(parseHW(`${min - 1}x${min}`, BOUNDS[key])).toBeUndefined();
      // through the query as well (p only means numbers with PyTorch, the default semantics)
      const at = parseQuery(`?${key}=${max + 1}`);
      expect(at.notices.map((n) => n.key)).toEqual([key]);
      expect(at.params[key]).toEqual(DEFAULTS[key]);
    });
  }

  for (const key of ['seed', 'step'] as const) {
    it(`${key}: ${BOUNDS[key].min}…${BOUNDS[key].max}, beyond refused`, () => {
      expect(parseQuery(`?${key}=${BOUNDS[key].max}`).params[key]).toBe(BOUNDS[key].max);
      expect(parseQuery(`?${key}=${BOUNDS[key].max + 1}`).notices.map((n) => n.key)).toEqual([key]);
      expect(parseQuery(`?${key}=-1`).notices.map((n) => n.key)).toEqual([key]);
    });
  }
});

describe('parseQuery ∘ writeQuery', () => {
  it('round-trips every valid Params exactly, with no notices', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const q = writeQuery(p);
        const back = parseQuery(q);
        expect(back.notices).toEqual([]);
        expect(back.params).toEqual(p);
        // and again: the written query is a fixed point
        expect(writeQuery(back.params)).toBe(q);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out exactly the keys at their default', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const written = new Set(keysOf(writeQuery(p)));
        for (const key of Object.keys(DEFAULTS) as ParamKey[]) {
          const atDefault = JSON.stringify(p[key]) === JSON.stringify(defaultFor(key, p));
          expect({ key, written: written.has(key) }).toEqual({ key, written: !atDefault });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the defaults write as the empty query, and the empty query reads as the defaults', () => {
    expect(writeQuery(DEFAULTS)).toBe('');
    expect(parseQuery('')).toEqual({ params: DEFAULTS, page: PAGE_DEFAULTS, notices: [] });
    expect(parseQuery('?')).toEqual({ params: DEFAULTS, page: PAGE_DEFAULTS, notices: [] });
  });

  it(`reads the issue's e2e link ?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones (${ISSUE} / Tests) and writes it back`, () => {
    const { params, notices } = parseQuery('?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones');
    expect(notices).toEqual([]);
    expect(params).toEqual({ ...DEFAULTS, op: 'convT', fw: 'tf', in: [3, 3], k: [3, 3], s: [2, 2], p: 'same', out: [5, 5], vals: 'ones' });
    // p=same is TensorFlow's default, so it is left out
    expect(writeQuery(params)).toBe('op=convT&fw=tf&in=3&s=2&out=5&vals=ones');
  });

  it('writes each non-default key on its own, in its own spelling', () => {
    const one = (patch: Partial<Params>) => writeQuery({ ...DEFAULTS, ...patch });
    expect(one({ op: 'convT' })).toBe('op=convT');
    expect(one({ fw: 'tf', p: 'same' })).toBe('fw=tf');
    expect(one({ fw: 'tf', p: 'valid' })).toBe('fw=tf&p=valid');
    expect(one({ in: [6, 4] })).toBe('in=6x4');
    expect(one({ k: [2, 2] })).toBe('k=2');
    expect(one({ s: [2, 1] })).toBe('s=2x1');
    expect(one({ p: [1, 1] })).toBe('p=1');
    expect(one({ d: [2, 2] })).toBe('d=2');
    expect(one({ a: [1, 0] })).toBe('a=1x0');
    expect(one({ out: [5, 6] })).toBe('out=5x6');
    expect(one({ vals: 'rand' })).toBe('vals=rand');
    expect(one({ seed: 42 })).toBe('seed=42');
    expect(one({ step: 7 })).toBe('step=7');
    expect(one({ view: 'direct' })).toBe('view=direct');
    expect(one({ in: [2, 2], x: [1, -2, 0.5, 3] })).toBe('in=2&x=1,-2,0.5,3');
    expect(one({ k: [1, 2], w: [-1, 2] })).toBe('k=1x2&w=-1,2');
  });
});

/** A value each key refuses, with the query context it needs. */
const BAD: readonly { key: ParamKey; query: string }[] = [
  { key: 'op', query: 'op=pool' },
  { key: 'fw', query: 'fw=jax' },
  { key: 'in', query: 'in=0' },
  { key: 'in', query: 'in=5x' },
  { key: 'k', query: 'k=12' },
  { key: 's', query: 's=0' },
  { key: 'p', query: 'p=same' }, // same/valid only with fw=tf
  { key: 'p', query: 'fw=tf&p=1' }, // numbers only with fw=torch
  { key: 'p', query: 'p=9' },
  { key: 'd', query: 'd=0' },
  { key: 'a', query: 'a=8' },
  { key: 'out', query: 'out=0' },
  { key: 'vals', query: 'vals=zeros' },
  { key: 'seed', query: 'seed=1.5' },
  { key: 'seed', query: 'seed=abc' },
  { key: 'x', query: 'in=2&x=1,2,3' }, // wrong length for 2×2
  { key: 'x', query: 'in=2&x=1,2,3,4,5' },
  { key: 'x', query: 'in=2&x=1,2,,4' },
  { key: 'x', query: 'in=2&x=1,2,a,4' },
  { key: 'w', query: 'k=2x1&w=1,2,3' }, // wrong length for 2×1
  { key: 'w', query: 'w=1' }, // default kernel is 3×3
  { key: 'step', query: 'step=-2' },
  { key: 'view', query: 'view=sideways' },
];

describe('bad and unknown values', () => {
  for (const { key, query } of BAD) {
    it(`?${query}: ${key} falls back to its default with exactly one notice naming '${key}'`, () => {
      const { params, notices } = parseQuery(`?${query}`);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ key, reason: 'bad-value', value: new URLSearchParams(query).get(key) });
      expect(params[key]).toEqual(defaultFor(key, params));
      // the other keys of the query were read
      for (const [k, v] of new URLSearchParams(query)) if (k !== key) expect(textOf(params, k as ParamKey)).toBe(v);
    });
  }

  it('a bad value next to good ones: only the bad key is noticed, the good ones are used', () => {
    const { params, notices } = parseQuery('?op=convT&in=80&k=2&view=direct');
    expect(notices.map((n) => n.key)).toEqual(['in']);
    expect(params).toEqual({ ...DEFAULTS, op: 'convT', k: [2, 2], view: 'direct' });
  });

  it('an unknown key produces one notice naming it and changes nothing', () => {
    const { params, notices } = parseQuery('?in=6&colour=red');
    expect(notices).toEqual([{ key: 'colour', value: 'red', reason: 'unknown-key', allowed: { kind: 'oneOf', values: URL_KEYS } }]);
    expect(params).toEqual({ ...DEFAULTS, in: [6, 6] });
  });

  it('x and w of the right length are used; the wrong length is ignored with a notice (also after a bad size)', () => {
    expect(parseQuery('?in=2x3&x=1,2,3,4,5,6').params.x).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseQuery('?k=1x2&w=0.5,-1').params.w).toEqual([0.5, -1]);
    // in=80 is refused, so x is measured against the default 5×5 and 4 values do not fit
    const { params, notices } = parseQuery('?in=80&x=1,2,3,4');
    expect(notices.map((n) => n.key)).toEqual(['in', 'x']);
    expect(params.x).toBeNull();
  });

  it('TensorFlow without p reads SAME; PyTorch without p reads 0', () => {
    expect(parseQuery('?fw=tf').params.p).toBe('same');
    expect(parseQuery('?fw=tf&p=valid').params.p).toBe('valid');
    expect(parseQuery('?fw=torch').params.p).toEqual([0, 0]);
  });
});

/** The text the table writes for one key of p (to compare with what the query said). */
function textOf(p: Params, key: ParamKey): string {
  const q = new URLSearchParams(writeQuery({ ...DEFAULTS, fw: p.fw, p: p.fw === 'tf' ? 'same' : DEFAULTS.p, [key]: p[key] }));
  return q.get(key) ?? '';
}

describe('page keys: lang (issue 7, "Two languages")', () => {
  const ISSUE7 = 'issue 7: lang=en / lang=zh (also zh-CN)';

  for (const [text, lang] of [['en', 'en'], ['EN', 'en'], ['zh', 'zh'], ['ZH', 'zh'], ['zh-CN', 'zh'], ['zh-cn', 'zh'], ['ZH-CN', 'zh']] as const) {
    it(`lang=${text} reads as ${lang}, with no notice (${ISSUE7}, any letter case)`, () => {
      const { params, page, notices } = parseQuery(`?lang=${text}&in=6`);
      expect(notices).toEqual([]);
      expect(page).toEqual(page_({ lang }));
      expect(params).toEqual({ ...DEFAULTS, in: [6, 6] });
    });
  }

  for (const text of ['fr', 'zh-TW', 'english', '', 'zh_CN']) {
    it(`lang=${text} is a bad value: one notice naming lang, and the browser decides (page.lang null)`, () => {
      const { page, notices } = parseQuery(`?lang=${encodeURIComponent(text)}`);
      expect(notices).toEqual([{ key: 'lang', value: text, reason: 'bad-value', allowed: { kind: 'oneOf', values: ['en', 'zh'] } }]);
      expect(page).toEqual(PAGE_DEFAULTS);
    });
  }

  it('no lang in the address leaves the language to the browser (null) and writes none', () => {
    expect(parseQuery('?in=6').page.lang).toBeNull();
    expect(writeQuery({ ...DEFAULTS, in: [6, 6] }, {}, PAGE_DEFAULTS)).toBe('in=6');
  });

  it('a named language is written after the picture’s keys, in its short spelling, and reads back', () => {
    const params: Params = { ...DEFAULTS, op: 'convT', s: [2, 2] };
    expect(writeQuery(params, {}, page_({ lang: 'zh' }))).toBe('op=convT&s=2&lang=zh');
    expect(writeQuery(DEFAULTS, {}, page_({ lang: 'en' }))).toBe('lang=en');
    const back = parseQuery(writeQuery(params, {}, page_({ lang: 'zh' })));
    expect(back).toEqual({ params, page: page_({ lang: 'zh' }), notices: [] });
  });

  it('an unknown key is reported with the keys there are', () => {
    expect(parseQuery('?language=zh').notices).toEqual([{ key: 'language', value: 'zh', reason: 'unknown-key', allowed: { kind: 'oneOf', values: URL_KEYS } }]);
  });
});

describe('page keys: embed, controls, origin (issue 8, "Embedding")', () => {
  const ISSUE8 = 'issue 8: ?embed=1, controls=0, an origin key';

  it(`embed=1, controls=0 and an origin read as page keys with no notice, and are written back (${ISSUE8})`, () => {
    const query = 'in=6&embed=1&controls=0&origin=https://course.example.org';
    const { params, page, notices } = parseQuery(`?${query}`);
    expect(notices).toEqual([]);
    expect(params).toEqual({ ...DEFAULTS, in: [6, 6] });
    expect(page).toEqual(page_({ embed: true, controls: false, origin: 'https://course.example.org' }));
    expect(writeQuery(params, {}, page)).toBe(query.replace('https://course.example.org', encodeURIComponent('https://course.example.org')));
  });

  it('an origin with a port or a trailing slash is kept as the origin itself', () => {
    expect(parseQuery('?origin=http://127.0.0.1:4173').page.origin).toBe('http://127.0.0.1:4173');
    expect(parseQuery('?origin=https://example.org/').page.origin).toBe('https://example.org');
  });

  for (const text of ['https://example.org/course', 'javascript:alert(1)', 'null', '*', 'example.org', 'ftp://example.org', 'https://user@example.org', '']) {
    it(`origin=${text || '(empty)'} is not an origin: one notice that says what an origin looks like, and none is used`, () => {
      const { page, notices } = parseQuery(`?origin=${encodeURIComponent(text)}`);
      expect(notices).toEqual([{ key: 'origin', value: text, reason: 'bad-value', allowed: { kind: 'origin' } }]);
      expect(page.origin).toBeNull();
    });
  }

  for (const key of ['embed', 'controls'] as const) {
    for (const text of ['true', 'yes', '2', '']) {
      it(`${key}=${text || '(empty)'} is a bad value: the notice says 1 or 0`, () => {
        const { page, notices } = parseQuery(`?${key}=${text}`);
        expect(notices).toEqual([{ key, value: text, reason: 'bad-value', allowed: { kind: 'oneOf', values: ['1', '0'] } }]);
        expect(page[key]).toBeNull();
      });
    }
  }
});

describe('what a key accepts (the notice names it: issue 8, "Hostile input")', () => {
  it('sizes, counts and choices carry their bounds and values from the table', () => {
    const allowed = (query: string) => parseQuery(query).notices.map((n) => n.allowed);
    expect(allowed('?in=0&k=99&cin=9&seed=-1&op=deconv')).toEqual([
      { kind: 'oneOf', values: ['conv', 'convT', 'unpool', 'image'] },
      { kind: 'hw', ...BOUNDS.in },
      { kind: 'hw', ...BOUNDS.k },
      { kind: 'whole', ...BOUNDS.cin },
      { kind: 'whole', ...BOUNDS.seed },
    ]);
  });

  it('padding says SAME/VALID under TensorFlow and its bounds under PyTorch; x and w say how many numbers fit', () => {
    expect(parseQuery('?fw=tf&p=1').notices[0].allowed).toEqual({ kind: 'oneOf', values: ['same', 'valid'] });
    expect(parseQuery('?p=same').notices[0].allowed).toEqual({ kind: 'hw', ...BOUNDS.p });
    // 2 channels of 3×4 is 24 input values; 2 → 1 channels with a 2×2 kernel is 8 weights.
    expect(parseQuery('?in=3x4&cin=2&x=1').notices[0].allowed).toEqual({ kind: 'numbers', count: 24 });
    expect(parseQuery('?k=2&cin=2&w=1').notices[0].allowed).toEqual({ kind: 'numbers', count: 8 });
  });

  it('an unknown preset says it must be a worked example', () => {
    expect(parseQuery('?preset=nope').notices).toEqual([{ key: 'preset', value: 'nope', reason: 'bad-value', allowed: { kind: 'preset' } }]);
  });

  it('every key the address may hold is listed once: the picture’s, then the page’s', () => {
    expect(URL_KEYS).toEqual([...Object.keys(DEFAULTS), 'lang', 'embed', 'controls', 'origin', 'present']);
  });
});

/** Page keys with only `named` named. */
function page_(named: Partial<PageKeys>): PageKeys {
  return { ...PAGE_DEFAULTS, ...named };
}
