/**
 * Every word a person reads comes from the catalogues (issue 7: "a test fails when … a string
 * a person reads is written outside them"). The components and drawing helpers are parsed (with
 * Vite's own parser, rolldown's oxc) and searched for words written into the page directly:
 * JSX text, string literals shown as children, and string literals in the props a person reads
 * or hears (aria-label, title, placeholder, alt, label, legend, caption …). Text that holds no
 * letter (×, →, digits, punctuation) is not a word; the allowlist names the few letters that are
 * not words either.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseSync, Visitor } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const SCANNED = ['components', 'viz', 'export', 'main.tsx'].map((p) => join(SRC, p));
/** Props whose value a person reads or hears. */
const READ_PROPS = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt',
  'label', 'legend', 'caption', 'name', 'message', 'summary',
]);
/** Letters that are not words: code (the operations' own names) that reads the same in every language. */
const ALLOWED = new Set<string>(['→ conv →', '→ convT →']);
const LETTER = /\p{L}/u;

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name))).filter((f) => /\.tsx?$/.test(f));
}

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

/** String pieces an expression can evaluate to as written (literals, both arms of a condition, template text). */
function literalTexts(e: unknown): string[] {
  if (!isNode(e)) return [];
  switch (e.type) {
    case 'Literal':
      return typeof e.value === 'string' ? [e.value] : [];
    case 'TemplateLiteral':
      return Array.isArray(e.quasis) ? e.quasis.flatMap((q: { value: { cooked: string } }) => [q.value.cooked]) : [];
    case 'ConditionalExpression':
      return [...literalTexts(e.consequent), ...literalTexts(e.alternate)];
    case 'LogicalExpression':
      return [...literalTexts(e.left), ...literalTexts(e.right)];
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
      return literalTexts(e.expression);
    default:
      return [];
  }
}

/** Words written into the page directly in one source file: `line: text` each. */
function wordsIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const { program, errors } = parseSync(file, source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
  expect(errors, relative(SRC, file)).toEqual([]);
  const found: string[] = [];
  const lineOf = (at: number) => source.slice(0, at).split('\n').length;
  const report = (text: string, at: number) => {
    const trimmed = text.trim();
    if (LETTER.test(trimmed) && !ALLOWED.has(trimmed)) found.push(`${relative(SRC, file)}:${lineOf(at)}: ${JSON.stringify(trimmed)}`);
  };
  const children = (nodes: readonly unknown[]) => {
    for (const child of nodes) {
      if (!isNode(child)) continue;
      if (child.type === 'JSXText' && typeof child.value === 'string') report(child.value, Number(child.start));
      if (child.type === 'JSXExpressionContainer') for (const text of literalTexts(child.expression)) report(text, Number(child.start));
    }
  };
  new Visitor({
    JSXElement(node) {
      children(node.children);
    },
    JSXFragment(node) {
      children(node.children);
    },
    JSXAttribute(node) {
      const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
      if (!READ_PROPS.has(name) || !node.value) return;
      const value: unknown = node.value;
      const texts = isNode(value) && value.type === 'JSXExpressionContainer' ? literalTexts(value.expression) : literalTexts(value);
      for (const text of texts) report(text, node.start);
    },
  }).visit(program);
  return found;
}

describe('no words outside the catalogues', () => {
  const sources = SCANNED.flatMap(files);

  it('scans the components and drawing helpers (the test reads the right files)', () => {
    const names = sources.map((f) => relative(SRC, f));
    expect(names).toContain('components/App.tsx');
    expect(names).toContain('components/LanguageSwitch.tsx');
    expect(names).toContain('viz/looks.ts');
  });

  it('finds a word written into JSX, into a read prop, or as a literal child (the check can fail)', () => {
    const probe = join(mkdtempSync(join(tmpdir(), 'convarith-')), 'Probe.tsx');
    writeFileSync(probe, [
      'export const A = () => <p title="Close">Hello {ok ? t("x") : "Nope"}<b aria-label={`Step ${n}`}>×</b></p>;',
      'export const B = () => <span className="cell" role="grid">{n} × {m} →</span>;',
    ].join('\n'));
    const found = wordsIn(probe).map((s) => s.replace(/^.*?: /, '')).sort();
    expect(found).toEqual(['"Close"', '"Hello"', '"Nope"', '"Step"']);
  });

  for (const file of sources) {
    it(`${relative(SRC, file)}: every word comes from t(…)`, () => {
      expect(wordsIn(file)).toEqual([]);
    });
  }
});
