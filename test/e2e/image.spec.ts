/**
 * Image mode (op=image) in real Chromium on the built app. The pictures' pixels are read from the
 * canvases the learner sees (each pixel's colour at the fitted zoom) and checked against
 * computations written here: a direct convolution loop, max pooling by hand, BT.601 luma, the
 * ×2 upsampling's checkerboard measured from the pixels. The uploaded pictures are PNGs made in
 * the test (scripts/png.mjs). The explorer's numbers come from the same loops.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { png } from '../../scripts/png.mjs';
import { readGrid, screenshot, watchConsole } from './helpers';

type Rgb = [number, number, number];

/** A w×h PNG whose pixel (x, y) is `pixel(x, y)`. */
function makePng(w: number, h: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(pixel(x, y), (y * w + x) * 3);
  return png(w, h, rgb);
}

/** The known picture: 16×16, every channel a different pattern of edges and ramps. */
const KNOWN_W = 16;
const KNOWN_H = 16;
const known = (x: number, y: number): Rgb => [(x * 13 + y * 7) % 256, x < 8 === y < 8 ? 220 : 30, (x * y * 5) % 256];

const luma = ([r, g, b]: Rgb) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
const clip = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** Cross-correlation of one plane with zero padding p and stride 1, written out. */
function convolve(x: number[][], k: number[][], p: number): number[][] {
  const H = x.length;
  const W = x[0].length;
  const n = k.length;
  const out: number[][] = [];
  for (let i = 0; i + n <= H + 2 * p; i++) {
    const row: number[] = [];
    for (let j = 0; j + n <= W + 2 * p; j++) {
      let acc = 0;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) acc += (x[i + a - p]?.[j + b - p] ?? 0) * k[a][b];
      row.push(acc);
    }
    out.push(row);
  }
  return out;
}

const plane = (f: (x: number, y: number) => number, w = KNOWN_W, h = KNOWN_H) => Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => f(x, y)));

/**
 * The picture named `name` as drawn (fitted, not zoomed), once drawn: each pixel's RGB, read a
 * fifth of the way into its cell (a cell large enough shows its value at the centre).
 */
async function readView(page: Page, name: string): Promise<{ w: number; h: number; px: Rgb[][] }> {
  // A new picture is drawn in an animation frame of its own: the canvas is busy until then.
  await expect(page.getByRole('img', { name, exact: true })).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  return page.getByRole('img', { name, exact: true }).evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const w = Number(canvas.dataset.width);
    const h = Number(canvas.dataset.height);
    const cw = canvas.clientWidth;
    const ch = canvas.clientHeight;
    const dpr = canvas.width / cw;
    const fit = Math.min(cw / w, ch / h);
    const left = (cw - w * fit) / 2;
    const top = (ch - h * fit) / 2;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const px = Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => {
      const x = Math.floor((left + (c + 0.2) * fit) * dpr);
      const y = Math.floor((top + (r + 0.2) * fit) * dpr);
      const i = 4 * (y * canvas.width + x);
      return [data[i], data[i + 1], data[i + 2]] as [number, number, number];
    }));
    return { w, h, px };
  });
}

/** One channel of a read picture. */
const channel = (v: { px: Rgb[][] }, c: number) => v.px.map((row) => row.map((p) => p[c]));

async function upload(page: Page, name: string, file: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer: file });
  await expect(page.getByRole('combobox', { name: 'Picture' })).toHaveValue('own');
}

/** A job on the 512×512 scene takes its time on a busy machine: results are waited for this long. */
const LONG = { timeout: 60_000 };

/** Image mode's own part of the page (the side's settings have radios of the same names). */
const region = (page: Page) => page.getByRole('region', { name: 'Image mode' });

const computed = (page: Page) => expect(page.getByText(/Computed in \d+ ms/)).toBeVisible({ timeout: 60_000 });

test('a sample picture through each operation, in the worker, with the sizes the engine gives', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto('?op=image');
  await computed(page);
  const input = await readView(page, 'Input');
  expect([input.w, input.h]).toEqual([512, 512]);
  // Sobel x, stride 1, no padding: 510 × 510, drawn around mid-grey.
  await expect(page.getByRole('img', { name: 'Output', exact: true })).toHaveAttribute('data-width', '510', LONG);
  await expect(page.getByText(/Output: 510 × 510, values -\d+ to \d+, drawn with 128 added/)).toBeVisible();

  await page.getByRole('combobox', { name: 'Kernel' }).selectOption('gauss');
  await expect(page).toHaveURL(/kern=gauss/);
  await computed(page);

  await region(page).getByRole('radio', { name: 'Transposed convolution ×2' }).check();
  await expect(page.getByRole('img', { name: 'k = 3, s = 2', exact: true })).toHaveAttribute('data-width', '1024', LONG);
  await expect(page.getByRole('img', { name: 'k = 4, s = 2', exact: true })).toHaveAttribute('data-height', '1024', LONG);
  await expect(page.getByRole('grid', { name: 'Overlap count, k = 3' })).toBeVisible(LONG);
  await expect(page.getByText('Uneven: interior cells (outlined) receive 1, 2, 4 kernel taps.', { exact: false })).toBeVisible();
  await expect(page.getByText('Even: every interior cell (outlined) receives 4 kernel taps.')).toBeVisible();

  await region(page).getByRole('radio', { name: 'Pooling and unpooling' }).check();
  await expect(page).toHaveURL(/task=pool/);
  await expect(page.getByRole('img', { name: 'Pooled', exact: true })).toHaveAttribute('data-width', '256', LONG);
  await expect(page.getByRole('img', { name: 'Unpooled', exact: true })).toHaveAttribute('data-width', '512', LONG);
  await computed(page);

  // Another sample, from the address: the settings stay, the pixels are not in it.
  await page.getByRole('combobox', { name: 'Picture' }).selectOption('rings');
  await expect(page).toHaveURL(/img=rings/);
  await expect(page.getByRole('img', { name: 'Input', exact: true })).toHaveAttribute('data-width', '256', LONG);
  await expect(page.getByRole('img', { name: 'Pooled', exact: true })).toHaveAttribute('data-width', '128', LONG);
  expect(errors).toEqual([]);
});

test('an uploaded PNG: the convolution’s pixels equal a direct loop on each channel; max pooling and unpooling equal a hand count', async ({ page }) => {
  const { errors } = watchConsole(page);
  await page.goto('?op=image&kern=sharpen&p=1');
  await computed(page);
  await upload(page, 'known.png', makePng(KNOWN_W, KNOWN_H, known));
  expect(page.url()).not.toMatch(/known|data:/);

  const sharpen = [[0, -1, 0], [-1, 5, -1], [0, -1, 0]];
  const input = [0, 1, 2].map((c) => plane((x, y) => known(x, y)[c]));
  const wantOut = input.map((p) => convolve(p, sharpen, 1).map((row) => row.map(clip)));
  await expect.poll(async () => {
    const out = await readView(page, 'Output');
    return [0, 1, 2].map((c) => channel(out, c));
  }, { timeout: 60_000 }).toEqual(wantOut);
  const shownInput = await readView(page, 'Input');
  expect([0, 1, 2].map((c) => channel(shownInput, c))).toEqual(input);

  // Grey: the luma of each pixel, then the same loop.
  await region(page).getByRole('radio', { name: 'Grey' }).check();
  const grey = plane((x, y) => luma(known(x, y)));
  await expect.poll(async () => channel(await readView(page, 'Output'), 0), { timeout: 60_000 }).toEqual(convolve(grey, sharpen, 1).map((row) => row.map(clip)));

  // Max pooling 2×2, stride 2, then max unpooling: each maximum back where it was, 0 elsewhere.
  await region(page).getByRole('radio', { name: 'Pooling and unpooling' }).check();
  const pooled = plane((x, y) => Math.max(grey[2 * y][2 * x], grey[2 * y][2 * x + 1], grey[2 * y + 1][2 * x], grey[2 * y + 1][2 * x + 1]), 8, 8);
  const unpooled = plane((x, y) => {
    const [by, bx] = [y - (y % 2), x - (x % 2)];
    const cells = [[by, bx], [by, bx + 1], [by + 1, bx], [by + 1, bx + 1]];
    const first = cells.find(([r, c]) => grey[r][c] === pooled[by / 2][bx / 2])!;
    return first[0] === y && first[1] === x ? grey[y][x] : 0;
  });
  await expect.poll(async () => channel(await readView(page, 'Pooled'), 0), { timeout: 60_000 }).toEqual(pooled);
  expect(channel(await readView(page, 'Unpooled'), 0)).toEqual(unpooled);

  // Transposed ×2 on the uploaded picture: twice the size.
  await region(page).getByRole('radio', { name: 'Transposed convolution ×2' }).check();
  await expect(page.getByRole('img', { name: 'k = 4, s = 2', exact: true })).toHaveAttribute('data-width', String(2 * KNOWN_W), LONG);
  await computed(page);
  expect(errors).toEqual([]);
});

test('k = 3 against k = 4 on a flat picture: the checkerboard is in the k = 3 pixels and not in the k = 4 ones', async ({ page }) => {
  await page.goto('?op=image&task=convT&color=grey');
  await computed(page);
  await upload(page, 'flat.png', makePng(12, 12, () => [100, 100, 100]));
  const interior = (v: { px: Rgb[][] }) => channel(v, 0).slice(1, -1).flatMap((row) => row.slice(1, -1));
  // The uploaded picture's job has finished once both views are 24 wide (the sample's were 1024).
  for (const name of ['k = 3, s = 2', 'k = 4, s = 2']) await expect(page.getByRole('img', { name, exact: true })).toHaveAttribute('data-width', '24', LONG);
  const k3 = interior(await readView(page, 'k = 3, s = 2'));
  const k4 = interior(await readView(page, 'k = 4, s = 2'));
  // Equal weights s²/k²: k = 4 gives 4 × ¼ × 100 everywhere inside; k = 3 gives 1, 2 or 4 × 4⁄9 × 100.
  expect(new Set(k4)).toEqual(new Set([100]));
  expect(new Set(k3)).toEqual(new Set([44, 89, 178]));
  // Measured as a learner would see it: neighbouring pixels differ in k = 3, never in k = 4.
  const jumps = (v: number[]) => v.slice(1).filter((x, i) => x !== v[i]).length;
  expect(jumps(k3)).toBeGreaterThan(k3.length / 3);
  expect(jumps(k4)).toBe(0);
});

test.describe('a picture being loaded', () => {
  // The sample's file is held back by the test; a service worker would answer it from its cache.
  test.use({ serviceWorkers: 'block' });

  test('while image mode’s own code loads, its heading and introduction already show (the Chinese page, whose words load first)', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/ImageMode-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('?op=image&lang=zh');
    await expect(page.getByRole('heading', { name: '图像模式' })).toBeVisible(LONG);
    await expect(page.getByText(/^在真实图片上做同样的运算/)).toBeVisible();
    await expect(page.getByRole('combobox', { name: '图片', exact: true })).toHaveCount(0);
    release();
    await expect(page.getByRole('combobox', { name: '图片', exact: true })).toBeVisible(LONG);
    // The same heading and introduction, once each, after image mode came in.
    await expect(page.getByRole('heading', { name: '图像模式' })).toHaveCount(1);
    await expect(page.getByText(/^在真实图片上做同样的运算/)).toHaveCount(1);
  });

  test('while another sample loads, the last one’s pictures and time are not shown as if they were its own', async ({ page }) => {
    await page.goto('?op=image&task=pool&k=2&s=2');
    await computed(page);
    await expect(page.getByRole('img', { name: 'Input', exact: true })).toHaveAttribute('data-width', '512', LONG);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/samples/rings.png', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('combobox', { name: 'Picture' }).selectOption('rings');
    await expect(page.getByText('Loading the picture…')).toBeVisible(LONG);
    await expect(page.getByRole('img', { name: 'Input', exact: true })).toHaveCount(0);
    await expect(page.getByText(/Computed in \d+ ms/)).toHaveCount(0);
    release();
    await expect(page.getByRole('img', { name: 'Input', exact: true })).toHaveAttribute('data-width', '256', LONG);
    await computed(page);
  });
});

test('a pixel opens the numeric explorer on the 8×8 patch around it, with its values (mouse and keyboard)', async ({ page }) => {
  await page.goto('?op=image&color=grey&kern=sharpen&p=1');
  await computed(page);
  await upload(page, 'known.png', makePng(KNOWN_W, KNOWN_H, known));
  await computed(page);
  const grey = plane((x, y) => luma(known(x, y)));

  // The keyboard: focus the input picture, move the cursor to row 5, column 6 (from the centre 8, 8), Enter.
  const canvas = page.getByRole('img', { name: 'Input', exact: true });
  await canvas.focus();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
  await expect(page.getByText('Input, row 5, column 6: ' + String(grey[5][6]))).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/x=/);
  expect(page.url()).not.toMatch(/op=image/);
  // Rows 2–9 and columns 3–10 hold the pixel 4th from the top-left, as the explorer's input.
  const patch = grey.slice(2, 10).map((row) => row.slice(3, 11));
  // The explorer draws the padding (p = 1) around it as zeros.
  const padded = [Array(10).fill(0), ...patch.map((row) => [0, ...row, 0]), Array(10).fill(0)];
  expect(await readGrid(page, 'Input')).toEqual(padded);
  expect(await readGrid(page, 'Kernel')).toEqual([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]);
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual(convolve(patch, [[0, -1, 0], [-1, 5, -1], [0, -1, 0]], 1));

  // Back returns to image mode; a click on a corner pixel opens the patch shifted inside the picture.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Image mode' })).toBeVisible();
  await computed(page);
  // The uploaded picture is gone after the address changed (it is never stored): the sample is back.
  const input = page.getByRole('img', { name: 'Input', exact: true });
  const box = (await input.boundingBox())!;
  await input.click({ position: { x: 2, y: box.height / 2 } });
  await expect(page).toHaveURL(/x=/);
  expect(page.url()).not.toMatch(/op=image/);
  await expect(page.getByRole('grid', { name: 'Input', exact: true })).toBeVisible();
  const rows = await readGrid(page, 'Input');
  expect([rows.length, rows[0].length]).toEqual([10, 10]);
});

test('the keyboard zooms the pictures together and moves a cursor whose values are read out; the page passes axe', async ({ page }) => {
  await page.goto('?op=image&img=checker&color=grey&kern=identity&p=1');
  await computed(page);
  const canvas = page.getByRole('img', { name: 'Input', exact: true });
  await canvas.focus();
  await page.keyboard.press('Enter'); // nothing chosen yet: Enter opens the centre pixel's patch
  await expect(page).toHaveURL(/x=/);
  await page.goBack();
  await computed(page);
  await page.getByRole('img', { name: 'Output', exact: true }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  // The centre is (64, 64); one to the right. Identity kernel, padding 1: the output pixel is the input's.
  await expect(page.getByText(/^Output, row 64, column 65: \d+$/)).toBeVisible();
  await screenshot(page, 'image-zoomed-1280');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('after one visit image mode works offline: a reload, another sample, a computation', async ({ page, context }) => {
  await page.goto('?op=image&task=pool&k=2&s=2');
  await computed(page);
  await page.evaluate(() => new Promise<void>((resolve) => {
    const sw = navigator.serviceWorker;
    if (sw.controller) resolve();
    else sw.addEventListener('controllerchange', () => resolve(), { once: true });
  }));
  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await computed(page);
  expect((await readView(page, 'Pooled')).w).toBe(256);
  // Every sample was kept, not only the one seen.
  await page.getByRole('combobox', { name: 'Picture' }).selectOption('letters');
  await expect(page.getByRole('img', { name: 'Input', exact: true })).toHaveAttribute('data-width', '256', LONG);
  await computed(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const lang of ['en', 'zh'] as const) {
  for (const [w, h] of [[390, 844], [1280, 800], [1920, 1080]] as const) {
    test(`screenshots ${lang} ${w}×${h}: convolution, ×2 comparison, pooling`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      for (const task of ['conv', 'convT', 'pool'] as const) {
        await page.goto(`?op=image&task=${task}${task === 'pool' ? '&k=2&s=2' : ''}${task === 'convT' ? '&img=checker' : ''}&lang=${lang}`);
        await expect(page.locator('[data-ms]')).toBeVisible({ timeout: 60_000 });
        await expect(page.locator('canvas[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
        await screenshot(page, `image-${task}-${lang}-${w}`);
      }
    });
  }
}
