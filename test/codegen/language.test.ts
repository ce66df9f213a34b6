/**
 * The code panel's comments follow the page's language; the code does not (issue 7: "code-panel
 * comments … code itself stays code"). For pictures of every operation in both frameworks, the
 * Chinese script is the English script line for line except in its comments, which are Chinese
 * and wrapped at the same width (a Chinese character is two columns in an editor), and it
 * still parses as Python.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_WIDTH, pyComment } from '../../src/codegen/format';
import { tfCode } from '../../src/codegen/tf';
import { torchCode } from '../../src/codegen/torch';
import { loadCatalogue, setLanguage } from '../../src/i18n';
import { parsePython, pictures, type Picture } from './pictures';

const HAN = /[\u4e00-\u9fff]/;
/** Editor columns: CJK ideographs and full-width punctuation take two. */
const columns = (line: string) => [...line].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);
/** A line without its comment (`# …` at the end, or the whole line): the code. */
const codeOf = (line: string) => line.replace(/\s*#.*$/, '');
const commentOf = (line: string) => /#\s?(.*)$/.exec(line)?.[1] ?? '';

function inBoth(write: (p: Picture) => string, p: Picture): { en: string; zh: string } {
  setLanguage('en');
  const en = write(p);
  setLanguage('zh');
  const zh = write(p);
  setLanguage('en');
  return { en, zh };
}

describe('generated scripts in Chinese', () => {
  beforeAll(() => loadCatalogue('zh'));
  afterAll(() => setLanguage('en'));

  it('wraps a Chinese comment between characters, never before closing punctuation, within the width', () => {
    const text = '这是一个很长的注释，'.repeat(12);
    const lines = pyComment(text, 4).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.startsWith('    # ')).toBe(true);
      expect(columns(line)).toBeLessThanOrEqual(COMMENT_WIDTH);
      expect(line.slice(6)).not.toMatch(/^[，。）]/);
    }
    expect(lines.map((l) => l.slice(6)).join('')).toBe(text);
  });

  for (const op of ['conv', 'convT', 'unpool'] as const) {
    it(`${op}: the same code as in English; the comments are Chinese, within ${COMMENT_WIDTH} columns`, () => {
      const scripts: string[] = [];
      fc.assert(
        fc.property(pictures(op), (p) => {
          for (const write of [torchCode, tfCode]) {
            const { en, zh } = inBoth(write, p);
            const enLines = en.split('\n').filter((l) => codeOf(l).trim() !== '').map(codeOf);
            const zhLines = zh.split('\n').filter((l) => codeOf(l).trim() !== '').map(codeOf);
            expect(zhLines).toEqual(enLines);
            const comments = zh.split('\n').filter((l) => l.includes('#')).map(commentOf);
            expect(comments.length).toBeGreaterThan(0);
            expect(comments.filter((c) => HAN.test(c)).length).toBeGreaterThan(0);
            for (const line of zh.split('\n').filter((l) => l.trimStart().startsWith('#'))) expect(columns(line)).toBeLessThanOrEqual(COMMENT_WIDTH);
            scripts.push(zh);
          }
        }),
        { numRuns: 8 },
      );
      expect(parsePython(scripts)).toEqual(scripts.map(() => null));
    });
  }
});
