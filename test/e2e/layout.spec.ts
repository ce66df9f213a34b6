/**
 * Present, and a picture-first layout (issue 8): presentation mode (button, `present=1`, F; Esc
 * leaves it and the address follows), the phone's first screen (the picture and its transport;
 * the settings one tap away in a sheet; a tap shows what a cell feeds, a second tap edits it),
 * and the laptop's (input, kernel and output of the current step on screen while stepping).
 * Screenshots of each (test-results/screens/layout-*.png: look at them).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { enTranspose } from '../../src/i18n/en-transpose';
import { enUnpool } from '../../src/i18n/en-unpool';
import { zh } from '../../src/i18n/zh';
import { screenshot, watchConsole } from './helpers';

let watch: { errors: string[] };
test.beforeEach(({ page }) => {
  watch = watchConsole(page);
});
test.afterEach(() => {
  expect(watch.errors).toEqual([]);
});

const grid = (page: Page, name: string) => page.getByRole('grid', { name, exact: true });

/** Fails unless `box` lies inside the viewport as it is (no scrolling). */
async function onScreen(page: Page, what: Locator, label: string): Promise<void> {
  const box = await what.boundingBox();
  const size = page.viewportSize();
  expect(box, label).not.toBeNull();
  expect(size).not.toBeNull();
  if (!box || !size) return;
  expect({ label, top: box.y >= 0, left: box.x >= 0, bottom: box.y + box.height <= size.height, right: box.x + box.width <= size.width })
    .toEqual({ label, top: true, left: true, bottom: true, right: true });
}

test('phone 390×844: a grid wider than the screen scrolls sideways inside its box to keep the step\'s active cell in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('?op=conv&in=24&k=3&p=1');
  const output = grid(page, en['grid.output']).first();
  await expect(output).toBeVisible();
  await page.locator('#picture').focus();
  const inView = () => output.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const cell = el.querySelector('.cell--active')!.getBoundingClientRect();
    return { scrolled: el.scrollLeft, inside: cell.left >= box.left - 1 && cell.right <= box.right + 1, wider: el.scrollWidth > el.clientWidth };
  });
  expect((await inView()).wider).toBe(true);
  // The last cell of the first row: far right.
  for (let i = 0; i < 23; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(inView).toMatchObject({ inside: true });
  expect((await inView()).scrolled).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await inView()).scrolled).toBe(0);
});

for (const lang of ['en', 'zh'] as const) {
  const words = lang === 'en' ? en : zh;
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
    test(`presentation mode (${lang}, ${size.width}×${size.height}): F enters it, settings hidden, large numbers, transport and narration stay; Esc leaves and the address follows`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`?lang=${lang}&step=2`);
      await expect(grid(page, words['grid.output'])).toBeVisible();
      const cell = grid(page, words['grid.input']).getByRole('gridcell').first();
      const before = await cell.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      await page.locator('#picture').focus();
      await page.keyboard.press('f');
      await expect(page).toHaveURL(/present=1/);
      await expect(page.getByRole('form', { name: words['controls.label'] })).toHaveCount(0);
      await expect(page.getByRole('banner')).toHaveCount(0);
      await expect(page.getByRole('group', { name: words['transport.label'] })).toBeVisible();
      await expect(page.getByTestId('narration')).toContainText(words['narr.step'].replace('{i}', '3').split('{n}')[0]);
      const after = await cell.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(after).toBeGreaterThan(before);
      for (const name of [words['grid.input'], words['grid.kernel'], words['grid.output']]) await onScreen(page, grid(page, name), name);
      await screenshot(page, `layout-present-${lang}-${size.width}`);
      await page.keyboard.press('Escape');
      await expect(page).not.toHaveURL(/present=/);
      await expect(page.getByRole('form', { name: words['controls.label'] })).toBeVisible();
      // The button and the address do the same.
      await page.getByRole('button', { name: words['present.enter'] }).click();
      await expect(page).toHaveURL(/present=1/);
      await page.getByRole('button', { name: words['present.exit'] }).click();
      await expect(page).not.toHaveURL(/present=/);
    });
  }
}

test('presentation mode opened by its address shows the transposed convolution one view at a time, large', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('?op=convT&s=2&present=1&step=4');
  await expect(grid(page, en['grid.input'])).toBeVisible();
  await expect(page.getByRole('tab', { name: enTranspose['view.scatter'] })).toBeVisible();
  await screenshot(page, 'layout-present-convT-1920');
});

for (const lang of ['en', 'zh'] as const) {
  const words = lang === 'en' ? en : zh;
  test(`phone 390×844 (${lang}): picture and transport on the first screen, settings in a sheet one tap away, tap links then edits`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`?lang=${lang}`);
    await expect(grid(page, words['grid.output'])).toBeVisible();
    for (const name of [words['grid.input'], words['grid.kernel'], words['grid.output']]) await onScreen(page, grid(page, name), name);
    await onScreen(page, page.getByRole('group', { name: words['transport.label'] }), 'transport');
    const form = page.getByRole('form', { name: words['controls.label'] });
    await expect(form).toBeHidden();
    await screenshot(page, `layout-phone-${lang}-closed`);
    const open = page.getByRole('button', { name: words['sheet.open'] });
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    await open.tap();
    await expect(form).toBeVisible();
    await onScreen(page, form.getByRole('radio').first(), 'the first setting');
    await screenshot(page, `layout-phone-${lang}-open`);
    await page.getByRole('button', { name: words['sheet.close'] }).tap();
    await expect(form).toBeHidden();
    // Tap an input cell: the output cells it feeds are marked; tap it again: it edits.
    const input = grid(page, words['grid.input']);
    await input.getByRole('gridcell').nth(6).tap();
    await expect(grid(page, words['grid.output']).locator('.cell--linked')).not.toHaveCount(0);
    await expect(input.getByRole('textbox')).toHaveCount(0);
    await input.getByRole('gridcell').nth(6).tap();
    await expect(input.getByRole('textbox')).toBeVisible();
    expect(errors.errors).toEqual([]);
    await context.close();
  });
}

/** The grids of each view's current step at 1280×800, by accessible name. */
const LAPTOP: readonly { name: string; query: string; grids: readonly string[] }[] = [
  { name: 'conv', query: '?op=conv&in=7&k=3&p=1', grids: [en['grid.input'], en['grid.kernel'], en['grid.output']] },
  { name: 'scatter', query: '?op=convT&in=5&k=3&s=2', grids: [en['grid.input'], en['grid.kernel'], enTranspose['grid.canvas'], en['grid.output']] },
  { name: 'direct', query: '?op=convT&in=5&k=3&s=2&view=direct&step=3', grids: [enTranspose['grid.paddedZero'], enTranspose['grid.flipped'], enTranspose['grid.directOutput']] },
  { name: 'unpool', query: '?op=unpool&in=6&k=2&s=2', grids: [en['grid.input'], enUnpool['unpool.grid.pooled'], en['grid.output']] },
  // Grids drawn on canvas share the row too (their cells go small; they zoom).
  { name: 'conv-64', query: '?op=conv&in=64&k=7&p=3', grids: [en['grid.input'], en['grid.kernel'], en['grid.output']] },
];

for (const view of LAPTOP) {
  test(`laptop 1280×800, ${view.name}: while stepping, the step's input, kernel and output are all on screen`, async ({ page }) => {
    await page.goto(view.query);
    await expect(grid(page, view.grids[view.grids.length - 1])).toBeVisible();
    await page.locator('#picture').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    for (const name of view.grids) await onScreen(page, grid(page, name), name);
    await screenshot(page, `layout-laptop-${view.name}`);
  });
}

for (const lang of ['en', 'zh'] as const) {
  const words: Readonly<Record<string, string>> = lang === 'en' ? { ...en, ...enTranspose } : zh;
  test(`screenshots (${lang}): the header's new buttons and the views at 390×844, 1280×800 and 1920×1080, no sideways overflow`, async ({ page }) => {
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      for (const [name, query] of [['conv', 'op=conv&step=4'], ['convT', 'op=convT&s=2&step=4'], ['direct', 'op=convT&s=2&view=direct&step=20'], ['unpool', 'op=unpool&in=4&k=2&s=2&step=5']] as const) {
        await page.goto(`?${query}&lang=${lang}`);
        await expect(page.getByRole('grid', { name: words['grid.output'], exact: true }).or(page.getByRole('grid', { name: words['grid.directOutput'], exact: true })).first()).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${size.width}`).toBeLessThanOrEqual(0);
        await screenshot(page, `layout-${name}-${lang}-${size.width}`);
      }
    }
  });
}
