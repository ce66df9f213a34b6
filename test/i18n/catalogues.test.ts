import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { enCanvas } from '../../src/i18n/en-canvas';
import { enCode } from '../../src/i18n/en-code';
import { en } from '../../src/i18n/en';
import { enErrors } from '../../src/i18n/en-errors';
import { enExport } from '../../src/i18n/en-export';
import { enImage } from '../../src/i18n/en-image';
import { enHelp } from '../../src/i18n/en-help';
import { enNarration } from '../../src/i18n/en-narration';
import { enNotices } from '../../src/i18n/en-notices';
import { enPanels } from '../../src/i18n/en-panels';
import { enPresets } from '../../src/i18n/en-presets';
import { enImpossible } from '../../src/i18n/en-impossible';
import { enNames } from '../../src/i18n/en-names';
import { enShare } from '../../src/i18n/en-share';
import { enTranspose } from '../../src/i18n/en-transpose';
import { enUnpool } from '../../src/i18n/en-unpool';
import { enWeights } from '../../src/i18n/en-weights';
import { G, LATIN } from '../../src/i18n/glossary';
import { TUTORIAL_TITLES } from '../../src/i18n/tutorialTitles';
import { zh } from '../../src/i18n/zh';

// The first page carries only en.ts; each lazily loaded view adds its own words when its module
// loads (addMessages). These tests read the source to find, for the first page and for each
// lazily imported module, every message key its static import graph names, and check that the
// key is in the first page's catalogue, or reads as a message (not as the key) once that
// module, and nothing else, has loaded. Keys built at run time (`field.${id}`) are not seen here;
// the component tests cover those.

const SRC = resolve(__dirname, '../../src');
const ENTRY = join(SRC, 'main.tsx');
const LAZY_ENGLISH = [enCanvas, enCode, enErrors, enExport, enHelp, enImage, enImpossible, enNames, enNarration, enNotices, enPanels, enPresets, enShare, enTranspose, enUnpool, enWeights];
const ENGLISH: Readonly<Record<string, string>> = Object.assign({}, en, ...LAZY_ENGLISH);
const ALL_KEYS = new Set<string>(Object.keys(ENGLISH));

/** Resolves a relative import to a file under src (null for packages and query imports like `?worker`). */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.') || spec.includes('?')) return null;
  const base = resolve(dirname(from), spec);
  for (const file of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  throw new Error(`cannot resolve ${spec} from ${relative(SRC, from)}`);
}

/** Value imports (not `import type`) and re-exports of a module, resolved. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...[...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1]),
    ...[...text.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]),
  ];
  return specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

/** Targets of `import('…')` in a module (the lazily loaded ones), resolved. */
function dynamicImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => resolveImport(file, m[1])).filter((f): f is string => f !== null);
}

/** Every module reachable from `entry` through static imports (entry included). */
function graph(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const next of staticImports(queue.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

/** The message keys a set of modules names as string literals (the catalogues themselves excluded). */
function keysUsed(files: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const file of files) {
    if (file.startsWith(join(SRC, 'i18n'))) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Za-z][\w.-]*)'/g)) if (ALL_KEYS.has(m[1])) keys.add(m[1]);
  }
  return [...keys].sort();
}

function allSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allSourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const lazyEntries = [...new Set(allSourceFiles(SRC).flatMap(dynamicImports))].sort();

describe('message catalogues of the first page and of the lazily loaded views', () => {
  it('finds the lazily loaded views (the test reads the right files)', () => {
    const names = lazyEntries.map((f) => relative(SRC, f));
    for (const view of ['components/TransposeViews.tsx', 'components/UnpoolView.tsx', 'components/MatrixView.tsx', 'components/CodePanel.tsx', 'i18n/zh.ts', 'i18n/shapeErrors.ts']) {
      expect(names).toContain(view);
    }
  });

  it('every key the first page names is in the first page’s catalogue (en.ts)', () => {
    const used = keysUsed(graph(ENTRY));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });

  it('the first page’s catalogue leaves the lazily loaded views’ words out', () => {
    for (const catalogue of LAZY_ENGLISH) {
      expect(Object.keys(catalogue).filter((k) => k in en)).toEqual([]);
    }
  });

  for (const entry of lazyEntries) {
    it(`${relative(SRC, entry)}: every key it names reads as a message once it has loaded`, async () => {
      // A fresh module registry: only this module's own registrations count.
      vi.resetModules();
      await import(/* @vite-ignore */ entry);
      const { t } = await import('../../src/i18n');
      const unresolved = keysUsed(graph(entry)).filter((k) => t(k as Parameters<typeof t>[0]) === k);
      expect(unresolved).toEqual([]);
    });
  }

  it('a key whose view has not loaded reads as the key itself (what the checks above look for)', async () => {
    vi.resetModules();
    const { t } = await import('../../src/i18n');
    expect(t('code.title')).toBe('code.title');
    await import('../../src/codegen/torch');
    expect(t('code.title')).toBe(enCode['code.title']);
  });
});

/** `{name}` placeholders of a message, sorted and without repeats. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const HAN = /[\u4e00-\u9fff]/;
const ZH: Readonly<Record<string, string>> = zh;

describe('the Chinese catalogue (zh.ts) against the English ones', () => {
  it('has every English key, and no key English lacks', () => {
    expect(Object.keys(ZH).filter((k) => !ALL_KEYS.has(k))).toEqual([]);
    expect([...ALL_KEYS].filter((k) => !(k in ZH))).toEqual([]);
  });

  it('fills the same {placeholders} as English, key by key', () => {
    const differ = [...ALL_KEYS].filter((k) => placeholders(ENGLISH[k]).join() !== placeholders(ZH[k] ?? '').join());
    expect(differ.map((k) => ({ key: k, en: placeholders(ENGLISH[k]), zh: placeholders(ZH[k] ?? '') }))).toEqual([]);
  });

  it('keeps the frameworks’ names and API words in Latin letters, as English writes them', () => {
    const lost = [...ALL_KEYS].flatMap((k) => LATIN.filter((word) => ENGLISH[k].includes(word) && !ZH[k].includes(word)).map((word) => `${k}: ${word}`));
    expect(lost).toEqual([]);
  });

  it('writes its sentences in Chinese: every message with an English word in it has Chinese in it too', () => {
    // Messages that are only names, symbols, numbers or formulas (PyTorch, kH, ⟨conv(x), y⟩, o = …) stay as they are.
    const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\b[a-z]{3,}\b/gi) ?? [];
    const english = [...ALL_KEYS].filter((k) => !HAN.test(ZH[k]) && words(ZH[k]).some((w) => !LATIN.some((l) => l.includes(w)) && words(ENGLISH[k]).length > 2));
    expect(english.map((k) => `${k}: ${ZH[k]}`)).toEqual([]);
  });

  it('uses full-width punctuation next to Chinese characters (， 。 ： ； （ ）), never ASCII', () => {
    // The tutorials' titles are names, quoted as their authors wrote them (ASCII commas included).
    const unquoted = (text: string) => TUTORIAL_TITLES.reduce((rest, title) => rest.split(title).join(''), text);
    const bad = Object.entries(ZH).filter(([, text]) => /[\u4e00-\u9fff][,.;:!?(]|[,;:!?)][\u4e00-\u9fff]/.test(unquoted(text).replace(/\d\.\s/g, '')));
    expect(bad.map(([k, text]) => `${k}: ${text}`)).toEqual([]);
  });

  it('takes its terms from the glossary: zh.ts never spells out a glossary term itself', () => {
    const source = readFileSync(join(SRC, 'i18n/zh.ts'), 'utf8').replace(/\$\{G\.\w+\}/g, '');
    const terms = Object.values(G).filter((term) => term.length >= 2);
    const copies = terms.filter((term) => source.includes(term));
    expect(copies).toEqual([]);
  });
});
