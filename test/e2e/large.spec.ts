/**
 * Large grids (issue 9): a 64×64 convolution and the whole 97×97 tutorial case, opened by URL,
 * stepped by keyboard, their numbers read the way a keyboard or screen-reader user reads them
 * (the canvas grid's focused cell), hover linking drawn on the canvas, zoom. Screenshots of
 * both at three sizes, in English and Chinese.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { enCanvas } from '../../src/i18n/en-canvas';
import { zh } from '../../src/i18n/zh';
import { readCanvasCell, screenshot, watchConsole } from './helpers';

const CONV_64 = '?op=conv&in=64&k=3&p=1&vals=ones';
const TF_97 = '?preset=tf-97-stride4';

const grid = (page: Page, name: string): Locator => page.getByRole('grid', { name, exact: true }).first();

/** The step on screen, from the transport's "Step i of n". */
async function stepShown(page: Page): Promise<[number, number]> {
  const text = (await page.getByText(/^Step \d+ of \d+$/).first().textContent()) ?? '';
  const [i, n] = text.match(/\d+/g)!.map(Number);
  return [i, n];
}

/** Keys pressed on the page (nothing focused), where they drive the animation. */
async function pageKeys(page: Page, ...keys: string[]): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of keys) await page.keyboard.press(key);
}

const readCell = readCanvasCell;

/** A 3×3 convolution of ones over ones with padding 1: how many of the window's taps fall inside an n×n input (from the definition). */
const onesConv = (n: number, r: number, c: number) => {
  const inside = (i: number) => [i - 1, i, i + 1].filter((j) => j >= 0 && j < n).length;
  return inside(r) * inside(c);
};

/** A transposed convolution of 24×24 ones by a 3×3 kernel of ones at stride 4, VALID, to 97×97: each input cell stamps rows 4y…4y+2 (from the definition). */
const stamped = (i: number) => i < 24 * 4 && i % 4 < 3;
const tf97 = (r: number, c: number) => (stamped(r) && stamped(c) ? 1 : 0);

test('a 64×64 convolution by URL: drawn on canvas, stepped by keyboard, its numbers read cell by cell', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(CONV_64);
  const output = grid(page, en['grid.output']);
  await expect(output).toHaveAttribute('aria-rowcount', '64', { timeout: 30_000 });
  await expect(output).toHaveAttribute('aria-colcount', '64');
  await expect(output.locator('canvas')).toHaveCount(1, { timeout: 30_000 });
  // The input with its padding ring: 66 × 66.
  await expect(grid(page, en['grid.input'])).toHaveAttribute('aria-rowcount', '66');

  await pageKeys(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await expect.poll(() => stepShown(page)).toEqual([4, 64 * 64]);
  // Step 4 computed output (0, 3); (0, 4) is not computed yet.
  expect(await readCell(page, en['grid.output'], 0, 3)).toBe(String(onesConv(64, 0, 3)));
  expect(await readCell(page, en['grid.output'], 0, 4)).toBe('');

  await pageKeys(page, 'End');
  await expect.poll(() => stepShown(page)).toEqual([64 * 64, 64 * 64]);
  for (const [r, c] of [[0, 0], [0, 7], [5, 63], [63, 63], [40, 41]] as const) {
    expect(await readCell(page, en['grid.output'], r, c), `output (${r}, ${c})`).toBe(String(onesConv(64, r, c)));
  }
  // The padded input: the ring reads 0, the inside 1.
  expect(await readCell(page, en['grid.input'], 0, 0)).toBe('0');
  expect(await readCell(page, en['grid.input'], 1, 1)).toBe('1');
  expect(errors).toEqual([]);
});

test('hovering a cell of the 64×64 output draws its receptive field on the input canvas', async ({ page }) => {
  await page.goto(CONV_64);
  const output = grid(page, en['grid.output']);
  const input = grid(page, en['grid.input']);
  await expect(output.locator('canvas')).toHaveCount(1, { timeout: 30_000 });
  await pageKeys(page, 'End');
  await output.scrollIntoViewIfNeeded();
  const box = (await output.boundingBox())!;
  const side = await output.evaluate((el) => el.clientWidth / 64);
  // Output (10, 20) reads padded input rows 10…12, columns 20…22.
  await page.mouse.move(box.x + 1 + (20 + 0.5) * side, box.y + 1 + (10 + 0.5) * side);
  await expect(page.getByText(en['hover.receptive'].replace('{row}', '10').replace('{col}', '20'))).toBeVisible();
  // The linked colour (--linked) at the inner edge of a linked input cell, and not at a cell outside the field.
  const pixel = (r: number, c: number) => input.evaluate((el, [r, c]) => {
    const canvas = el.querySelector('canvas')!;
    const cell = el.clientWidth / 66;
    const d = canvas.getContext('2d')!.getImageData(Math.floor((c * cell + 1) * devicePixelRatio), Math.floor((r + 0.5) * cell * devicePixelRatio), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, [r, c] as const);
  const linked = [0x16, 0xa3, 0x4a];
  await expect.poll(() => pixel(11, 21)).toEqual(linked);
  expect(await pixel(11, 25)).not.toEqual(linked);
});

test('a canvas grid zooms with its buttons, and the focused cell follows', async ({ page }) => {
  await page.goto(CONV_64);
  const output = grid(page, en['grid.output']);
  await expect(output.locator('canvas')).toHaveCount(1, { timeout: 30_000 });
  const zoom = page.getByRole('group', { name: enCanvas['canvas.zoom'].replace('{name}', en['grid.output']) });
  const cell = output.getByRole('gridcell');
  const before = (await cell.boundingBox())!.width;
  await zoom.getByRole('button', { name: enCanvas['canvas.zoomIn'] }).click();
  await zoom.getByRole('button', { name: enCanvas['canvas.zoomIn'] }).click();
  await expect.poll(async () => (await cell.boundingBox())!.width).toBeGreaterThan(before * 2.5);
  // Far from the top-left corner: the zoomed grid pans to keep the focused cell in view.
  await readCell(page, en['grid.output'], 30, 30);
  const [cellBox, gridBox] = [(await cell.boundingBox())!, (await output.boundingBox())!];
  expect(cellBox.x).toBeGreaterThanOrEqual(gridBox.x);
  expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(gridBox.x + gridBox.width + 1);
  await zoom.getByRole('button', { name: enCanvas['canvas.zoomFit'] }).click();
  await expect.poll(async () => Math.round((await cell.boundingBox())!.width)).toBe(Math.round(before));
});

test('the 97×97 tutorial case by URL is drawn whole: stepped by keyboard, its numbers read', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto(TF_97);
  const output = grid(page, en['grid.output']);
  await expect(output).toHaveAttribute('aria-rowcount', '97', { timeout: 30_000 });
  await expect(output).toHaveAttribute('aria-colcount', '97');
  await expect(grid(page, en['grid.input'])).toHaveAttribute('aria-rowcount', '24');
  await pageKeys(page, 'ArrowRight');
  await expect.poll(() => stepShown(page)).toEqual([2, 24 * 24]);
  await pageKeys(page, 'End');
  await expect.poll(() => stepShown(page)).toEqual([24 * 24, 24 * 24]);
  for (const [r, c] of [[0, 0], [0, 3], [2, 2], [4, 5], [94, 94], [95, 94], [96, 96], [96, 0]] as const) {
    expect(await readCell(page, en['grid.output'], r, c), `output (${r}, ${c})`).toBe(String(tf97(r, c)));
  }
  expect(errors).toEqual([]);
});

for (const [lang, words] of [['en', en], ['zh', zh]] as const) {
  for (const [name, query] of [['conv-64', CONV_64], ['tf-97', TF_97]] as const) {
    test(`${name} in ${lang === 'en' ? 'English' : 'Chinese'} on a phone, a laptop and a projector: nothing wider than the screen (screenshots)`, async ({ page }) => {
      for (const [width, height] of [[390, 844], [1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${query}&lang=${lang}&step=40`);
        await expect(grid(page, words['grid.output']).locator('canvas')).toHaveCount(1, { timeout: 30_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width}`).toBeLessThanOrEqual(0);
        await screenshot(page, `large-${lang}-${name}-${width}`);
      }
    });
  }
}
