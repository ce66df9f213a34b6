/**
 * Issue 8, "Share and export": "Download PNG", "Download SVG" (the step on screen, labels in the
 * page's language, large enough for a projector) and "Download GIF" (a range of steps, made off
 * the page's thread, with a progress bar and Cancel), with names that say what is in them. The
 * numbers checked in the files are the ones the page's ARIA grids show; the GIF's frames are
 * counted by walking its blocks (GIF89a: one image descriptor per frame).
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { en } from '../../src/i18n/en';
import { enExport } from '../../src/i18n/en-export';
import { enTranspose } from '../../src/i18n/en-transpose';
import { zh } from '../../src/i18n/zh';
import { open, readGrid, screenshot, watchConsole } from './helpers';

const SCREENS = 'test-results/screens';

async function openMenu(page: Page, words: Readonly<Record<string, string>> = { ...en, ...enExport }): Promise<void> {
  await page.getByRole('button', { name: words['export.open'], exact: true }).click();
  await expect(page.getByRole('button', { name: words['export.png'] })).toBeVisible();
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path), download: d };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The frames of a GIF89a: walks header, colour tables, extensions and images to the trailer; counts image descriptors and graphic control extensions. */
function gifFrames(bytes: Buffer): { images: number; controls: number; width: number; height: number } {
  expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  const packed = bytes[10];
  let i = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (bytes[i] !== 0) i += bytes[i] + 1;
    i++;
  };
  let images = 0;
  let controls = 0;
  for (;;) {
    const block = bytes[i];
    if (block === 0x3b) break;
    if (block === 0x21) {
      if (bytes[i + 1] === 0xf9) controls++;
      i += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      images++;
      const local = bytes[i + 9];
      i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      i++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${block?.toString(16)} at ${i}`);
    }
    if (i >= bytes.length) throw new Error('GIF without a trailer');
  }
  return { images, controls, width, height };
}

/** The values of the SVG's grid named `name`, in reading order, parsed by the page's DOMParser. */
async function svgGridValues(page: Page, svg: string, name: string): Promise<{ values: number[]; errors: number; words: string[] }> {
  return page.evaluate(([text, gridName]) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const group = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('aria-label') === gridName);
    const values = group ? Array.from(group.querySelectorAll('text[text-anchor="middle"]'), (el) => Number(el.textContent)) : [];
    const words = Array.from(doc.querySelectorAll('svg > text, title'), (el) => el.textContent ?? '');
    return { values, errors: doc.getElementsByTagName('parsererror').length, words };
  }, [svg, name] as const);
}

/** Saves a downloaded picture for looking at; an SVG is first drawn by the browser (in a page of its own) and screenshotted. */
async function keep(page: Page, name: string, bytes: Buffer, kind: 'png' | 'svg' | 'gif'): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  if (kind === 'png') {
    writeFileSync(`${SCREENS}/${name}.png`, bytes);
    return;
  }
  const viewer = await page.context().newPage();
  const { width, height } = await viewer.evaluate(async ([base64, type]) => {
    const img = new Image();
    img.src = `data:${type};base64,${base64}`;
    await img.decode();
    document.body.style.margin = '0';
    document.body.append(img);
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, [bytes.toString('base64'), kind === 'svg' ? 'image/svg+xml' : 'image/gif'] as const);
  await viewer.setViewportSize({ width: Math.min(width, 2400), height: Math.min(height, 2400) });
  await viewer.screenshot({ path: `${SCREENS}/${name}.png` });
  await viewer.close();
}

test('Download PNG: the convolution’s step on screen, named for it, at least 1920 pixels wide', async ({ page }) => {
  const { errors } = watchConsole(page);
  await open(page, '?in=5&k=3&s=1&p=0&step=4');
  await openMenu(page);
  const file = await download(page, enExport['export.png']);
  expect(file.name).toBe('conv-in5-k3-s1-p0-step4.png');
  const size = pngSize(file.bytes);
  expect(size.width).toBeGreaterThanOrEqual(1920);
  expect(size.height).toBeGreaterThanOrEqual(600);
  await expect(page.getByRole('status').filter({ hasText: file.name })).toBeVisible();
  await keep(page, 'export-file-conv-step4-en', file.bytes, 'png');
  expect(errors).toEqual([]);
});

test('Download SVG of the transposed convolution: it parses, and holds the output the page shows', async ({ page }) => {
  const { errors } = watchConsole(page);
  await open(page, '?op=convT&in=3&k=3&s=2&p=1&step=8');
  const shown = (await readGrid(page, 'Output')).flat();
  expect(shown.some(Number.isNaN)).toBe(false);
  await openMenu(page);
  const file = await download(page, enExport['export.svg']);
  expect(file.name).toBe('convT-in3-k3-s2-p1-step8.svg');
  const svg = file.bytes.toString('utf8');
  const got = await svgGridValues(page, svg, 'Output');
  expect(got.errors).toBe(0);
  expect(got.values).toEqual(shown);
  await keep(page, 'export-file-convT-step8-en', file.bytes, 'svg');
  expect(errors).toEqual([]);
});

test('Download SVG in Chinese: the labels are the Chinese page’s', async ({ page }) => {
  await open(page, '?lang=zh&in=5&k=3&step=8').catch(() => undefined);
  await expect(page.getByRole('grid', { name: zh['grid.output'], exact: true })).toBeVisible();
  const shown = (await readGrid(page, zh['grid.output'])).flat();
  await openMenu(page, zh);
  const file = await download(page, zh['export.svg']);
  const svg = file.bytes.toString('utf8');
  const got = await svgGridValues(page, svg, zh['grid.output']);
  expect(got.errors).toBe(0);
  expect(got.values).toEqual(shown);
  expect(got.words).toContain(zh['view.conv']);
  expect(got.words).toContain(zh['transport.position'].replace('{i}', '9').replace('{n}', '9'));
  expect(svg).toContain('xml:lang="zh-CN"');
  await keep(page, 'export-file-conv-step8-zh', file.bytes, 'svg');
  const png = await download(page, zh['export.png']);
  await keep(page, 'export-file-conv-step8-zh-png', png.bytes, 'png');
});

test('the direct form and unpooling download too, named for their view', async ({ page }) => {
  // Below 1600 px the direct form is a tab of its own, its output named "Direct output".
  await page.goto('?op=convT&in=3&k=3&s=2&view=direct&step=5');
  await expect(page.getByRole('grid', { name: enTranspose['grid.directOutput'], exact: true })).toBeVisible();
  await openMenu(page);
  const direct = await download(page, enExport['export.png']);
  expect(direct.name).toBe('convT-in3-k3-s2-p0-direct-step5.png');
  pngSize(direct.bytes);
  await keep(page, 'export-file-direct-step5-en', direct.bytes, 'png');
  await open(page, '?op=unpool&in=4&k=2&s=2&step=5');
  await openMenu(page);
  const unpool = await download(page, enExport['export.svg']);
  expect(unpool.name).toBe('unpool-in4-k2-s2-p0-step5.svg');
  await keep(page, 'export-file-unpool-step5-en', unpool.bytes, 'svg');
});

test('Download GIF of a chosen range: GIF89a, one frame per step of the range', async ({ page }) => {
  const { errors } = watchConsole(page);
  await open(page, '?in=5&k=3');
  await openMenu(page);
  await page.getByRole('spinbutton', { name: enExport['export.gif.from'] }).fill('2');
  await page.getByRole('spinbutton', { name: enExport['export.gif.to'] }).fill('6');
  await expect(page.getByText(enExport['export.gif.frames'].replace('{n}', '5').replace('{ms}', '500'))).toBeVisible();
  const file = await download(page, enExport['export.gif']);
  expect(file.name).toBe('conv-in5-k3-s1-p0-steps1-5.gif');
  const gif = gifFrames(file.bytes);
  expect(gif.images).toBe(5);
  expect(gif.controls).toBe(5);
  expect(gif.width).toBeGreaterThan(400);
  await expect(page.getByRole('status').filter({ hasText: file.name })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Download GIF of the whole transposed convolution: a frame per step; a backwards range is refused with a reason', async ({ page }) => {
  await open(page, '?op=convT&in=3&k=3&s=2&p=1');
  await openMenu(page);
  const from = page.getByRole('spinbutton', { name: enExport['export.gif.from'] });
  await from.fill('7');
  await page.getByRole('spinbutton', { name: enExport['export.gif.to'] }).fill('3');
  await expect(page.getByText(enExport['export.badRange'].replace('{n}', '9'))).toBeVisible();
  await expect(page.getByRole('button', { name: enExport['export.gif'] })).toBeDisabled();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await from.fill('1');
  await page.getByRole('spinbutton', { name: enExport['export.gif.to'] }).fill('9');
  const file = await download(page, enExport['export.gif']);
  expect(file.name).toBe('convT-in3-k3-s2-p1-steps0-8.gif');
  expect(gifFrames(file.bytes).images).toBe(9);
});

test('Download GIF in Chinese: drawn in the worker with the Chinese labels (the first frame kept as a screenshot)', async ({ page }) => {
  await page.goto('?lang=zh&op=unpool&in=4&k=2&s=2');
  await expect(page.getByRole('grid', { name: zh['grid.output'], exact: true })).toBeVisible();
  await openMenu(page, zh);
  await page.getByRole('spinbutton', { name: zh['export.gif.to'] }).fill('3');
  const file = await download(page, zh['export.gif']);
  expect(file.name).toBe('unpool-in4-k2-s2-p0-steps0-2.gif');
  expect(gifFrames(file.bytes).images).toBe(3);
  await keep(page, 'export-file-unpool-gif-zh', file.bytes, 'gif');
});

test('a long GIF shows its progress and Cancel stops it: nothing is saved', async ({ page }) => {
  const { errors } = watchConsole(page);
  await open(page, '?in=32&k=3');
  await openMenu(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: enExport['export.gif'] }).click();
  const bar = page.getByRole('progressbar', { name: enExport['export.progress'] });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('max', '900');
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  await screenshot(page, 'export-progress-1280-en');
  // The page keeps answering while the GIF is made: a step still moves the picture.
  await page.getByRole('button', { name: en['transport.next'] }).click();
  await expect(page.getByText(en['transport.position'].replace('{i}', '2').replace('{n}', '900'), { exact: true })).toBeVisible();
  await page.getByRole('button', { name: enExport['export.cancel'] }).click();
  await expect(page.getByRole('status').filter({ hasText: enExport['export.cancelled'] })).toBeVisible();
  await expect(bar).toHaveCount(0);
  // The GIF button works again, and nothing was downloaded.
  await expect(page.getByRole('button', { name: enExport['export.gif'] })).toBeEnabled();
  expect(downloads).toBe(0);
  expect(errors).toEqual([]);
});

test('while the settings are impossible the downloads are off, and the menu says why in the page’s language', async ({ page }) => {
  await page.goto('?lang=zh&in=5&k=3');
  await expect(page.getByRole('grid', { name: zh['grid.output'], exact: true })).toBeVisible();
  const kernelHeight = zh['field.axis'].replace('{field}', zh['field.k']).replace('{axis}', zh['axis.h']);
  await page.getByRole('spinbutton', { name: kernelHeight, exact: true }).fill('7');
  await openMenu(page, zh);
  await expect(page.getByText(zh['export.impossible'])).toBeVisible();
  for (const name of [zh['export.png'], zh['export.svg'], zh['export.gif']]) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
});

test('Esc closes the menu and focus returns to its button', async ({ page }) => {
  await open(page, '?in=5&k=3');
  await openMenu(page);
  await expect(page.getByRole('button', { name: enExport['export.png'] })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: enExport['export.png'] })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en['export.open'], exact: true })).toBeFocused();
});

for (const [width, height] of [[1920, 1080], [1280, 800], [390, 844]] as const) {
  for (const lang of ['en', 'zh'] as const) {
    test(`the menu at ${width}×${height} in ${lang} (screenshot)`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`?lang=${lang}&op=convT&in=3&k=3&s=2&p=1&step=4`);
      const words = lang === 'zh' ? zh : { ...en, ...enExport };
      await expect(page.getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
      await openMenu(page, words);
      const panel = page.getByRole('group', { name: words['export.title'] });
      await expect(panel).toBeVisible();
      const box = await panel.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await screenshot(page, `export-menu-${width}-${lang}`);
      if (width === 1280) {
        // The menu and its button only: the rest of the page has its own checks.
        const { violations } = await new AxeBuilder({ page }).include('.export-menu').analyze();
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      }
    });
  }
}

for (const [width, height, lang] of [[1920, 1080, 'en'], [390, 844, 'zh']] as const) {
  test(`the GIF's progress and Cancel at ${width}×${height} in ${lang} (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const words = lang === 'zh' ? zh : { ...en, ...enExport };
    await page.goto(`?lang=${lang}&in=24&k=3`);
    await expect(page.getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
    await openMenu(page, words);
    await page.getByRole('button', { name: words['export.gif'], exact: true }).click();
    const bar = page.getByRole('progressbar', { name: words['export.progress'] });
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/export-progress-${width}-${lang}.png` });
    await page.getByRole('button', { name: words['export.cancel'], exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: words['export.cancelled'] })).toBeVisible();
  });
}
