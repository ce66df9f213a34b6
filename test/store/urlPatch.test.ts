/**
 * parsePatch (src/store/urlPatch.ts): URL keys applied onto the current state, as an embedding
 * host sends them in a `set` message (issue 8: "Every message is validated against the same URL
 * table"). Expected values are the URL table's own spellings, written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_QUERIES } from '../../src/store/presets';
import { applyChange } from '../../src/store/transitions';
import { BOUNDS, DEFAULTS, PAGE_DEFAULTS, parseQuery, URL_KEYS, writeQuery } from '../../src/store/urlParams';
import { parsePatch } from '../../src/store/urlPatch';
import { paramsArb } from './arbitraries';

describe('parsePatch: some URL keys onto the current params (what a host page sends)', () => {
  it('parses only the keys given, each against the current params and the keys before it', () => {
    const current = parseQuery('?op=convT&in=3&k=3').params;
    expect(parsePatch('in=7&s=2', current)).toEqual({ patch: { in: [7, 7], s: [2, 2] }, page: PAGE_DEFAULTS, notices: [] });
    // x is measured against the new size given in the same set: 2×2 needs 4 values.
    expect(parsePatch('in=2&x=1,2,3,4', current).patch).toEqual({ in: [2, 2], x: [1, 2, 3, 4] });
    expect(parsePatch('x=1,2,3,4', current).notices).toEqual([{ key: 'x', value: '1,2,3,4', reason: 'bad-value', allowed: { kind: 'numbers', count: 9 } }]);
  });

  it('SAME/VALID needs TensorFlow semantics, now or in the same set', () => {
    const torch = DEFAULTS;
    expect(parsePatch('p=valid', torch)).toEqual({
      patch: {}, page: PAGE_DEFAULTS, notices: [{ key: 'p', value: 'valid', reason: 'bad-value', allowed: { kind: 'hw', ...BOUNDS.p } }],
    });
    expect(parsePatch('fw=tf&p=valid', torch).patch).toEqual({ fw: 'tf', p: 'valid' });
  });

  it('bad values and unknown keys are noticed and left out', () => {
    const { patch, notices } = parsePatch('k=99&zoom=2&g=2', DEFAULTS);
    expect(patch).toEqual({ g: 2 });
    expect(notices).toEqual([
      { key: 'k', value: '99', reason: 'bad-value', allowed: { kind: 'hw', ...BOUNDS.k } },
      { key: 'zoom', value: '2', reason: 'unknown-key', allowed: { kind: 'oneOf', values: URL_KEYS } },
    ]);
  });

  it('page keys are parsed beside the patch (the caller decides which a message may set)', () => {
    expect(parsePatch('lang=ZH&controls=0&in=4', DEFAULTS)).toEqual({
      patch: { in: [4, 4] }, page: { ...PAGE_DEFAULTS, lang: 'zh', controls: false }, notices: [],
    });
    expect(parsePatch('lang=fr', DEFAULTS).notices.map((n) => n.key)).toEqual(['lang']);
  });

  it('a preset opens that worked example with the other keys on top, as its address does', () => {
    const current = parseQuery('?op=unpool&in=8&cin=3').params;
    const { patch, notices } = parsePatch('preset=guide-half-padding&k=5', current, PRESET_QUERIES);
    expect(notices).toEqual([]);
    expect(patch).toEqual(parseQuery('?preset=guide-half-padding&k=5', PRESET_QUERIES).params);
    expect(applyChange(current, patch).params).toEqual({ ...DEFAULTS, in: [5, 5], k: [5, 5], p: [1, 1], preset: 'guide-half-padding' });
    expect(parsePatch('preset=no-such-example', current, PRESET_QUERIES).notices).toEqual([
      { key: 'preset', value: 'no-such-example', reason: 'bad-value', allowed: { kind: 'preset' } },
    ]);
  });

  it('the keys of any address, patched onto the defaults through the rules, give that address’s params', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const { patch, notices } = parsePatch(writeQuery(p), DEFAULTS);
        expect(notices).toEqual([]);
        expect(applyChange(DEFAULTS, patch).params).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});
