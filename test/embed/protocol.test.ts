/**
 * The embedding API's check of incoming messages (src/embed/protocol.ts), against issue 8:
 * "every message `{source: 'convarith', version: 1, type, ...}`"; "a malformed, unknown-type,
 * wrong-source, wrong-version message is answered with error"; `step` takes `to` (a step number)
 * or `by` (±n).
 */
import { describe, expect, it } from 'vitest';
import { allowedText, envelope, readRequest, valueText } from '../../src/embed/protocol';

const ok = { source: 'convarith', version: 1 };

describe('readRequest', () => {
  it('reads the five requests, keeping only the fields each uses', () => {
    expect(readRequest({ ...ok, type: 'play', extra: 1 })).toEqual({ type: 'play' });
    expect(readRequest({ ...ok, type: 'pause' })).toEqual({ type: 'pause' });
    expect(readRequest({ ...ok, type: 'get' })).toEqual({ type: 'get' });
    expect(readRequest({ ...ok, type: 'step', to: 3 })).toEqual({ type: 'step', to: 3 });
    expect(readRequest({ ...ok, type: 'step', by: -2 })).toEqual({ type: 'step', by: -2 });
    // Numbers are written as an address writes them.
    expect(readRequest({ ...ok, type: 'set', state: { op: 'conv', in: '6', k: 3 } })).toEqual({ type: 'set', state: { op: 'conv', in: '6', k: '3' } });
  });

  it.each([
    ['a string', 'play', 'malformed'],
    ['null', null, 'malformed'],
    ['an array', [ok], 'malformed'],
    ['a date', new Date(0), 'malformed'],
    ['no source', { version: 1, type: 'play' }, 'wrong-source'],
    ['another source', { ...ok, source: 'other', type: 'play' }, 'wrong-source'],
    ['version 2', { ...ok, version: 2, type: 'play' }, 'wrong-version'],
    ["version '1'", { ...ok, version: '1', type: 'play' }, 'wrong-version'],
    ['no type', ok, 'unknown-type'],
    ['type toString', { ...ok, type: 'toString' }, 'unknown-type'],
    ['type <script>', { ...ok, type: '<script>alert(1)</script>' }, 'unknown-type'],
    ['set without state', { ...ok, type: 'set' }, 'malformed'],
    ['set with a string state', { ...ok, type: 'set', state: 'in=6' }, 'malformed'],
    ['set with an array state', { ...ok, type: 'set', state: [['in', '6']] }, 'malformed'],
    ['set with an object value', { ...ok, type: 'set', state: { in: { v: 6 } } }, 'bad-value'],
    ['set with NaN', { ...ok, type: 'set', state: { in: NaN } }, 'bad-value'],
    ['set with Infinity', { ...ok, type: 'set', state: { in: Infinity } }, 'bad-value'],
    ['set with null', { ...ok, type: 'set', state: { in: null } }, 'bad-value'],
    ['step with neither', { ...ok, type: 'step' }, 'bad-step'],
    ['step with both', { ...ok, type: 'step', to: 1, by: 1 }, 'bad-step'],
    ['step to -1', { ...ok, type: 'step', to: -1 }, 'bad-step'],
    ['step to 1.5', { ...ok, type: 'step', to: 1.5 }, 'bad-step'],
    ["step to '2'", { ...ok, type: 'step', to: '2' }, 'bad-step'],
    ['step by NaN', { ...ok, type: 'step', by: NaN }, 'bad-step'],
    ['step by 1e300', { ...ok, type: 'step', by: 1e300 }, 'bad-step'],
  ])('refuses %s with code %s', (_label, message, code) => {
    const r = readRequest(message);
    expect(r).toMatchObject({ code });
    expect('message' in r && r.message.length).toBeGreaterThan(10);
  });

  it('says which field was wrong, with the value and what would work', () => {
    expect(readRequest({ ...ok, version: 3, type: 'get' })).toEqual({
      code: 'wrong-version', message: 'This page speaks version 1 of the API.', key: 'version', value: '3', allowed: { kind: 'oneOf', values: ['1'] },
    });
    expect(readRequest({ ...ok, type: 'jump' })).toMatchObject({ key: 'type', value: 'jump', allowed: { kind: 'oneOf', values: ['set', 'play', 'pause', 'step', 'get'] } });
  });
});

describe('valueText and allowedText', () => {
  it('cuts a long value to 200 characters and names non-text values', () => {
    expect(valueText('x'.repeat(10_000))).toBe(`${'x'.repeat(200)}…`);
    expect(valueText([1])).toBe('(an array)');
    expect(valueText({})).toBe('(an object)');
    expect(valueText(undefined)).toBe('undefined');
  });

  it('describes each kind of value a key takes', () => {
    expect(allowedText({ kind: 'hw', min: 1, max: 32 })).toBe('a whole number from 1 to 32, or height x width such as 1x32');
    expect(allowedText({ kind: 'oneOf', values: ['same', 'valid'] })).toBe("one of 'same', 'valid'");
    expect(allowedText({ kind: 'numbers', count: 9 })).toBe('9 numbers separated by commas');
  });

  it('wraps what the app says in the envelope', () => {
    expect(envelope({ type: 'resize', height: 420 })).toEqual({ source: 'convarith', version: 1, type: 'resize', height: 420 });
  });
});
