/**
 * The tutorials' own path through transposed convolution (issue 7: "The tutorials' recipe",
 * "Every lesson one click away", "The names", "An impossible choice teaches"), in real
 * Chromium, in English and Chinese. Expected words come from the catalogues; numbers from the
 * tutorials named in the test titles (../shared/seeds) or from the engine run here in Node.
 */
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { enTranspose } from '../../src/i18n/en-transpose';
import { zh } from '../../src/i18n/zh';
import { screenshot, watchConsole } from './helpers';

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

type Lang = 'en' | 'zh';
const EN: Readonly<Record<string, string>> = { ...en, ...enTranspose };
const ZH: Readonly<Record<string, string>> = zh;
/** A catalogue message in `lang` with its placeholders filled (the page's own `t`, written again for the test). */
function msg(lang: Lang, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = (lang === 'zh' ? ZH : EN)[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const SIZES = [
  { label: '390', size: { width: 390, height: 844 } },
  { label: '1280', size: { width: 1280, height: 800 } },
  { label: '1920', size: { width: 1920, height: 1080 } },
] as const;

async function stepButton(page: Page, lang: Lang, key: string) {
  return page.getByRole('button', { name: msg(lang, key), exact: true }).first();
}

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the direct view walks the three steps of "深入浅出理解转置卷积Conv2DTranspose" 7.3 (H=3, k=3, s=2, p=1 → H′=5, p′=1, Hout=5)`, async ({ page }) => {
    await page.goto(`?preset=formula-s2-p1-k3&lang=${lang}`);
    const first = await stepButton(page, lang, 'direct.stage.zero');
    await expect(first).toBeVisible({ timeout: 15_000 });
    // Three steps, named as the tutorial names them.
    for (const key of ['direct.stage.zero', 'direct.stage.kernel', 'direct.stage.sweep']) await expect(await stepButton(page, lang, key)).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.zeroFormula', { n: 'H', i: 3, s: 2, zero: 5 }), { exact: true })).toBeVisible();
    await (await stepButton(page, lang, 'direct.stage.kernel')).click();
    await expect(page.getByText(msg(lang, 'stage.kPrime', { k: 3 }), { exact: true })).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.pPrimeSimple', { k: 3, p: 1, value: 1 }), { exact: true })).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.pPrimeGeneral', { d: 1, k: 3, p: 1, value: 1 }), { exact: true })).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.paddedSize', { n: 'H', zero: 5, before: 1, after: 1, padded: 7 }), { exact: true })).toBeVisible();
    // The derivation opens on demand.
    const derive = page.getByText(msg(lang, 'derive.4'), { exact: true });
    await expect(derive).toBeHidden();
    await page.getByText(msg(lang, 'derive.title'), { exact: true }).click();
    await expect(derive).toBeVisible();
    await expect(page.getByText(msg(lang, 'derive.here', { k: 3, p: 1, value: 1 }), { exact: true })).toBeVisible();
    await screenshot(page, `tutorials-direct-step2-${lang}-1280`);
    await (await stepButton(page, lang, 'direct.stage.sweep')).click();
    await expect(page.getByText(msg(lang, 'stage.sweepFormula', { n: 'H', zero: 5, before: 1, after: 1, kPrime: 3, out: 5 }), { exact: true })).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.shortcut', { n: 'H', i: 3, s: 2, p: 1, k: 3, out: 5 }), { exact: true })).toBeVisible();
    await expect(page.getByText(msg(lang, 'stage.strideNote'), { exact: true })).toBeVisible();
  });
}

for (const lang of ['en', 'zh'] as const) {
  for (const { label, size } of SIZES) {
    test(`${lang} ${label}: screenshots of the direct view's steps`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`?preset=torch-output-padding&lang=${lang}&step=1`);
      await expect(page.getByText(msg(lang, 'stage.outputPaddingNote'), { exact: true })).toBeVisible({ timeout: 15_000 });
      await screenshot(page, `tutorials-direct-kernel-${lang}-${label}`);
    });
  }
}
