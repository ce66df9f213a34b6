/**
 * Two languages in real Chromium (issue 7, "Two languages"): `?lang=zh` shows Chinese from the
 * first text the page ever shows (no English first), the header switch keeps every other
 * choice and moves <html lang>, the title and the address with it, and every view is
 * photographed in Chinese at the three screen sizes (test-results/screens/zh-*.png: look).
 * Expected words are the catalogues' own.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { readGrid, screenshot, watchConsole } from './helpers';

/** The visible text after each change of the document, with <html lang> and the title then. */
interface Seen {
  readonly text: string;
  readonly lang: string;
  readonly title: string;
}
declare global {
  interface Window {
    seen?: Seen[];
  }
}

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

/** Words of the English page that a Chinese page never shows (visible text, not code or numbers). */
const ENGLISH_WORDS = [
  en['controls.label'], en['op.label'], en['op.conv'], en['op.convT'], en['presets.label'], en['loading'], en['vals.label'],
  en['vals.ones'], en['formula.title'], en['panels.tab.matrix'], en['transport.speed'], en['fw.label'], en['field.in'], en['field.s'],
];
const CJK = /[\u4e00-\u9fff]/;

/** Opens `query` and waits until the engine's first picture is drawn (its output grid is named `output`). */
async function openIn(page: Page, query: string, output: string): Promise<void> {
  await page.goto(query);
  await expect(page.getByRole('grid', { name: output, exact: true }).first()).toBeVisible();
}

test('?lang=zh: the first text the page shows is Chinese, and no English word ever appears', async ({ page }) => {
  // Record the visible text after every change of the document, from before the first render on.
  await page.addInitScript(() => {
    const seen: Seen[] = [];
    window.seen = seen;
    new MutationObserver(() => {
      const text = document.body?.innerText ?? '';
      if (text.trim() !== '') seen.push({ text, lang: document.documentElement.lang, title: document.title });
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await openIn(page, '?lang=zh&op=convT&in=3&k=3&s=2', zh['grid.output']);
  const seen = await page.evaluate(() => window.seen ?? []);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0].text).toMatch(CJK);
  expect(seen[0].lang).toBe('zh-CN');
  expect(seen[0].title).toBe(zh['page.title']);
  for (const { text } of seen) {
    for (const word of ENGLISH_WORDS) expect(text.split('\n').filter((line) => line.includes(word)), word).toEqual([]);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', zh['page.description']);
});

test('the switch keeps the picture, the step and the panel; <html lang>, the title and the address follow', async ({ page }) => {
  await openIn(page, '?op=convT&in=3&k=3&s=2&p=1&panel=roundtrip&step=4', en['grid.output']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const before = await readGrid(page, en['grid.output']);
  const stepBefore = await page.getByRole('slider', { name: en['transport.scrub'] }).first().inputValue();

  await page.getByRole('button', { name: zh['lang.zh'] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle(zh['page.title']);
  await expect(page.getByRole('button', { name: zh['lang.zh'] })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: zh['lang.zh'] })).toBeFocused();
  expect(await readGrid(page, zh['grid.output'])).toEqual(before);
  expect(await page.getByRole('slider', { name: zh['transport.scrub'] }).first().inputValue()).toBe(stepBefore);
  await expect(page.getByRole('tab', { name: zh['panels.tab.roundtrip'] })).toHaveAttribute('aria-selected', 'true');
  // The address follows after the frame that shows the change.
  await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ op: 'convT', in: '3', s: '2', p: '1', panel: 'roundtrip', step: '4', lang: 'zh' });

  await page.getByRole('button', { name: en['lang.en'] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(en['page.title']);
  expect(await readGrid(page, en['grid.output'])).toEqual(before);
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  await expect(page.getByRole('tab', { name: en['panels.tab.roundtrip'] })).toHaveAttribute('aria-selected', 'true');
});

test('a Chinese browser gets Chinese without lang in the address; a bad lang is noticed', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const watch = watchConsole(page);
  await openIn(page, './?in=4', zh['grid.output']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  await page.goto('./?lang=fr');
  const allowed = zh['notice.allowed.oneOf'].replace('{values}', `en${zh['list.sep']}zh`);
  const notice = zh['notice.bad-value'].replaceAll('{key}', 'lang').replace('{value}', 'fr').replace('{allowed}', allowed);
  await expect(page.getByRole('status', { name: zh['notice.label'] })).toContainText(notice);
  expect(watch.errors).toEqual([]);
  await context.close();
});

test('Chinese pages have no axe violations (the conv view and a refused choice)', async ({ page }) => {
  await openIn(page, '?lang=zh', zh['grid.output']);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto('?lang=zh&in=3&k=7');
  await expect(page.getByRole('alert').first()).toContainText(zh['error.title']);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

/** Every view, panel and state a learner can reach, in Chinese; `ready` is what must be on screen. */
const VIEWS: readonly { name: string; query: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'conv', query: 'op=conv&in=5&k=3&step=7', ready: grid(zh['grid.output']) },
  { name: 'conv-channels', query: 'op=conv&in=4&k=3&cin=2&cout=2&g=2', ready: text(zh['ch.weights.title']) },
  { name: 'scatter', query: 'op=convT&in=3&k=3&s=2&p=1&a=1&step=4', ready: grid(zh['grid.canvas']) },
  { name: 'direct', query: 'op=convT&in=3&k=3&s=2&p=1&a=1&view=direct&step=5', ready: grid(zh['grid.paddedZero']) },
  { name: 'unpool-max', query: 'op=unpool&in=4&k=2&s=2&step=5', ready: grid(zh['unpool.grid.switches']) },
  { name: 'unpool-avg', query: 'op=unpool&pool=avg&in=5&k=3&s=2&step=3', ready: grid(zh['unpool.grid.pooled']) },
  { name: 'sizes-tf', query: 'op=convT&fw=tf&in=3&k=3&s=2&out=6', ready: text(zh['formula.rule']) },
  { name: 'matrix', query: 'op=conv&in=4&k=3&panel=matrix', ready: grid(zh['panels.grid.matrix']) },
  { name: 'checkerboard', query: 'op=convT&in=4&k=3&s=2&panel=checkerboard', ready: grid(zh['panels.grid.overlap']) },
  { name: 'roundtrip', query: 'op=conv&in=5&k=3&s=2&panel=roundtrip', ready: grid(zh['panels.grid.roundTrip']) },
  { name: 'gradient', query: 'op=conv&in=4&k=3&panel=gradient', ready: grid(zh['panels.grid.upstream']) },
  { name: 'code', query: 'op=convT&fw=tf&in=3&k=3&s=2&panel=code', ready: text(zh['code.copy']) },
  { name: 'error', query: 'in=3&k=7', ready: text(zh['error.title']) },
  { name: 'preset-refused', query: 'preset=tf-impossible-10x10', ready: text(zh['presets.refused'].replace('{message}', '').trim()) },
  { name: 'preset', query: 'preset=tf-ones-5x5', ready: text(zh['presets.from'].replace('{source}', '').trim()) },
];

function grid(name: string) {
  return async (page: Page) => expect(page.getByRole('grid', { name, exact: true }).first()).toBeVisible();
}
function text(words: string) {
  return async (page: Page) => expect(page.getByText(words).first()).toBeVisible();
}

/**
 * Opens `query` on a phone, a laptop and a projector; after `ready`, checks that the page itself
 * never scrolls sideways (wide grids scroll inside their own boxes) and saves `name-<width>.png`.
 */
async function atEverySize(page: Page, query: string, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(query);
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width}`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${width}`);
  }
}

for (const view of VIEWS) {
  test(`${view.name} in Chinese on a phone, a laptop and a projector: nothing wider than the screen (screenshots)`, async ({ page }) => {
    await atEverySize(page, `?lang=zh&${view.query}`, `zh-${view.name}`, async () => {
      await view.ready(page);
      // Nothing still loading: the picture's view and the panel's chunk are in.
      await expect(page.getByText(zh['loading'], { exact: true })).toHaveCount(0);
      await expect(page.getByText(zh['panels.loading'], { exact: true })).toHaveCount(0);
    });
  });
}

test('the English page with the switch in its header, on a phone, a laptop and a projector (screenshots)', async ({ page }) => {
  await atEverySize(page, '?preset=tf-ones-5x5', 'en-header', async () => {
    await expect(page.getByRole('grid', { name: en['grid.output'], exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: en['lang.en'] })).toHaveAttribute('aria-pressed', 'true');
  });
});
