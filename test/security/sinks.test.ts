/**
 * Issue 8, "Hostile input": "nothing from the URL or a message reaches the DOM as HTML". React
 * writes text as text; this test keeps every way around that out of the app's sources and the
 * example host page's script: no HTML sinks, no code built from strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SINKS = [/dangerouslySetInnerHTML/, /\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /createContextualFragment/];

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|mjs|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('no HTML sinks', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'public')), join(ROOT, 'index.html')];

  it('finds the sources it checks', () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['src/main.tsx', 'src/embed/api.ts', 'public/embed-example.js']));
  });

  it('no source writes HTML or runs strings as code', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return SINKS.filter((sink) => sink.test(text)).map((sink) => `${relative(ROOT, file)}: ${sink.source}`);
    });
    expect(found).toEqual([]);
  });
});
