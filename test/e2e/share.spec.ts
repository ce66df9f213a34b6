/**
 * Issue 8, "Share": "Share" copies the link to the current state (and offers it in a field when
 * the browser refuses), "Embed" opens an accessible dialog with the sandboxed `<iframe>` snippet
 * (sized, with the language), a live preview and copy. Expected numbers: 5×5 ones with a 3×3
 * ones kernel gives 9 in every output cell (nine ones summed).
 */
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { enShare } from '../../src/i18n/en-share';
import { zh } from '../../src/i18n/zh';
import { open, readGrid, screenshot, watchConsole } from './helpers';

const CONV_ONES = '?op=conv&in=5&k=3&vals=ones';

test('Share copies the address of the picture on screen and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  const { errors } = watchConsole(page);
  await open(page, CONV_ONES);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=1/);
  await page.getByRole('button', { name: en['share.link'], exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: enShare['share.copied'] })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  // A new setting: the note about the old link goes.
  await page.getByRole('spinbutton', { name: 'Kernel (height)' }).fill('2');
  await expect(page.getByText(enShare['share.copied'])).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('where the browser refuses to copy, the link waits selected in a field', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await open(page, CONV_ONES);
  await page.getByRole('button', { name: en['share.link'], exact: true }).click();
  const field = page.getByRole('textbox', { name: enShare['share.field'] });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(page.url());
  await expect(field).toHaveAccessibleDescription(enShare['share.refused']);
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, page.url().length]);
  await page.getByRole('button', { name: enShare['share.close'] }).click();
  await expect(field).toHaveCount(0);
});

test('Embed: a modal dialog with the sandboxed iframe snippet, a live preview and copy; Esc closes it and focus returns', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  const { errors } = watchConsole(page);
  await open(page, `${CONV_ONES}&lang=en`);
  const opener = page.getByRole('button', { name: en['share.embed'], exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: enShare['embed.title'] });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole('textbox', { name: enShare['embed.code'] });
  const snippet = await code.inputValue();
  const src = /src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&');
  const url = new URL(src);
  expect(url.origin + url.pathname).toBe(new URL(baseURL!).href);
  expect(Object.fromEntries(url.searchParams)).toEqual({ vals: 'ones', lang: 'en', embed: '1' }); // op=conv, in=5, k=3 are the defaults
  expect(snippet).toContain('sandbox="allow-scripts"');
  expect(snippet).toContain('width="800" height="500"');
  expect(snippet).toContain(`title="${en['page.title']}"`);

  // The preview is that frame: it draws the same picture.
  const preview = dialog.frameLocator('iframe');
  await expect(preview.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  // A picture, not a second app (the frame is inert): at its first step, output (0, 0) = 3×3 ones = 9.
  expect((await readGrid(preview, 'Output'))[0][0]).toBe(9);

  // Without the settings strip: controls=0, and the preview follows.
  await dialog.getByRole('checkbox', { name: enShare['embed.controls'] }).uncheck();
  await expect(code).toHaveValue(/controls=0/);
  await expect(preview.getByRole('form')).toHaveCount(0);

  await dialog.getByRole('button', { name: enShare['embed.copy'] }).click();
  await expect(dialog.getByRole('status')).toHaveText(enShare['embed.copied']);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());

  // Modal: the page behind is inert, Tab stays in the dialog.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(errors).toEqual([]);
});

/** The page with its Share and Embed buttons, "Link copied", and the embed dialog, in each size and language. */
async function shoot(page: Page, lang: 'en' | 'zh', size: string): Promise<void> {
  const words = lang === 'en' ? { ...en, ...enShare } : zh;
  await page.goto(`${CONV_ONES}&lang=${lang}`);
  await expect(page.getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
  await page.getByRole('button', { name: words['share.link'], exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: words['share.copied'] })).toBeVisible();
  await page.screenshot({ path: `test-results/screens/share-${lang}-${size}.png` });
  await page.getByRole('button', { name: words['share.embed'], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: words['embed.title'] });
  await expect(dialog.frameLocator('iframe').getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
  await screenshot(page, `embed-dialog-${lang}-${size}`);
}

for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]] as const) {
  test(`Share and Embed look right at ${width}×${height} (screenshots, en and zh)`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    const page = await context.newPage();
    for (const lang of ['en', 'zh'] as const) await shoot(page, lang, `${width}`);
    await context.close();
  });
}
