/**
 * The precache list the build plugin writes into sw.js: every file of the build but the service
 * worker itself, nested folders included, each with a hash of its content (SHA-256 computed here
 * by node:crypto), and a version that changes when any file changes and only then.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precacheOf } from '../../src/offline/precachePlugin';

let dir = '';
const write = (path: string, content: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precache-'));
  write('index.html', '<!doctype html>');
  write('assets/index-abc.js', 'console.log(1)');
  write('samples/cat.png', 'png bytes');
  write('robots.txt', 'User-agent: *');
  write('sw.js', '__PRECACHE__');
});
afterEach(() => rmSync(dir, { recursive: true }));

describe('precacheOf', () => {
  it('lists every file but sw.js, sorted, with the first 12 hex digits of its SHA-256', () => {
    const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
    expect(precacheOf(dir).files).toEqual([
      ['assets/index-abc.js', sha('console.log(1)')],
      ['index.html', sha('<!doctype html>')],
      ['robots.txt', sha('User-agent: *')],
      ['samples/cat.png', sha('png bytes')],
    ]);
  });

  it('changes its version when a file changes, and only then', () => {
    const first = precacheOf(dir).version;
    expect(precacheOf(dir).version).toBe(first);
    write('sw.js', 'another service worker');
    expect(precacheOf(dir).version).toBe(first);
    write('samples/cat.png', 'other png bytes');
    expect(precacheOf(dir).version).not.toBe(first);
  });
});
