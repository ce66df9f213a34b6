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
import { expectGrid, gridSize, outer, readGrid, screenshot, watchConsole } from './helpers';

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

import { enImpossible } from '../../src/i18n/en-impossible';
import { enNames } from '../../src/i18n/en-names';
import { enErrors } from '../../src/i18n/en-errors';

const EN_ALL: Readonly<Record<string, string>> = { ...EN, ...enImpossible, ...enNames, ...enErrors };
const words = (lang: Lang, key: string, vars: Readonly<Record<string, string | number>> = {}): string => {
  const text = (lang === 'zh' ? ZH : EN_ALL)[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the impossible [1,10,10,3] of "TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的" is drawn: 10×10 → 5×5 ≠ 3×3, 5 and 6 one click away`, async ({ page }) => {
    await page.goto(`?preset=tf-impossible-10x10&lang=${lang}`);
    const picture = page.getByRole('region', { name: words(lang, 'impossible.title') });
    await expect(picture).toBeVisible({ timeout: 15_000 });
    await expect(picture.getByRole('img', { name: words(lang, 'impossible.box.requested', { size: '10 × 10' }) })).toBeVisible();
    await expect(picture.getByRole('img', { name: words(lang, 'impossible.box.forward', { size: '5 × 5' }) })).toBeVisible();
    await expect(picture.getByRole('img', { name: words(lang, 'impossible.box.value', { size: '3 × 3' }) })).toBeVisible();
    // TensorFlow's own words, quoted as it prints them, beside ours.
    await expect(picture.getByText("Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: actual = 3, computed = 5")).toBeVisible();
    await expect(picture.getByText('Shapes (1, 5, 5, 1) and (1, 3, 3, 1) are not compatible')).toBeVisible();
    // Never "nothing to draw", never a "last valid picture" that is not there.
    await expect(page.getByText(words(lang, 'error.kept'))).toHaveCount(0);
    await expect(page.getByText(/Nothing to draw|暂时没有可画/)).toHaveCount(0);
    // The Sizes panel: the requested size convolved forward, with these numbers.
    const sizes = page.getByRole('region', { name: words(lang, 'formula.title') });
    const sub = words(lang, 'formula.tfSameSub', { i: 10, s: 2, o: 5 });
    await expect(sizes.getByText(words(lang, 'impossible.sizes.outputShape', { axis: words(lang, 'axis.h'), requested: 10, sub, value: 3 }))).toBeVisible();
    await screenshot(page, `tutorials-impossible-10x10-${lang}-1280`);
    await picture.getByRole('button', { name: words(lang, 'impossible.choose', { size: '6 × 6' }) }).click();
    await expect(page).toHaveURL(/out=6/);
    await expect(picture).toBeHidden();
    // The legal 6×6 is the tutorial's y1: each channel the outer product of [1,1,2,1,2,1].
    await expect(page.getByRole('grid').first()).toBeVisible();
    await page.keyboard.press('End');
    if (lang === 'en') await expect.poll(() => readGrid(page, 'Output, channel 1')).toEqual(outer([1, 1, 2, 1, 2, 1], [1, 1, 2, 1, 2, 1]));
    else await expect(page.getByRole('grid').first()).toBeVisible();
  });

  test(`${lang}: "tensorflow学习笔记(三十二)": 25×25 back to 97×97 with stride 3 is refused with TensorFlow's messages (actual = 25, computed = 33) beside ours`, async ({ page }) => {
    await page.goto(`?preset=tf-97-stride3-refused&lang=${lang}`);
    const picture = page.getByRole('region', { name: words(lang, 'impossible.title') });
    await expect(picture).toBeVisible({ timeout: 15_000 });
    await expect(picture.getByText("Conv2DSlowBackpropInput: Size of out_backprop doesn't match computed: actual = 25, computed = 33")).toBeVisible();
    await expect(picture.getByText('Shapes (1, 33, 33, 1) and (1, 25, 25, 1) are not compatible')).toBeVisible();
    await expect(picture.getByRole('img', { name: words(lang, 'impossible.box.forward', { size: '33 × 33' }) })).toBeVisible();
    for (const size of [73, 74, 75]) await expect(picture.getByRole('button', { name: words(lang, 'impossible.choose', { size: `${size} × ${size}` }) })).toBeVisible();
    await screenshot(page, `tutorials-impossible-97-${lang}-1280`);
  });

  test(`${lang}: a kernel larger than the padded input is drawn overhanging it, and the padding hint counts per side`, async ({ page }) => {
    await page.goto(`?op=conv&in=3&k=7&p=1&lang=${lang}`);
    const picture = page.getByRole('region', { name: words(lang, 'impossible.title') });
    await expect(picture).toBeVisible({ timeout: 15_000 });
    await expect(picture.getByRole('img', { name: words(lang, 'impossible.kernel.picture', { h: 5, w: 5, kh: 7, kw: 7 }) })).toBeVisible();
    // 7 cells of kernel over 3 + 1 + 1: it sticks out by 2, i.e. 1 more padding on each side.
    await expect(picture.getByText(words(lang, 'impossible.kernel.over', { over: 2 })).first()).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: words(lang, 'err.kernelTooLarge', {
      axis: words(lang, 'axis.h'), kernel: 7, padded: 5, input: 3, padding: 2, perSide: 1, more: 2,
    }) }).first()).toBeVisible();
    const sizes = page.getByRole('region', { name: words(lang, 'formula.title') });
    await expect(sizes.getByText(words(lang, 'impossible.sizes.kernelOver', { axis: words(lang, 'axis.h'), kernel: 7, input: 3, before: 1, after: 1, padded: 5 }))).toBeVisible();
    await expect(page.getByText(words(lang, 'error.kept'))).toHaveCount(0);
    await screenshot(page, `tutorials-impossible-kernel-${lang}-1280`);
  });

  test(`${lang}: the Names note is one click away, names 反卷积 / 逆卷积 / 解卷积 / deconvolution / fractionally-strided, and opens the round trip`, async ({ page }) => {
    await page.goto(`?op=convT&in=3&k=3&s=2&lang=${lang}`);
    const convT = page.getByRole('radio', { name: words(lang, 'op.convT') });
    await expect(convT).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('label', { has: convT })).toHaveAttribute('title', words(lang, 'op.convT.tip'));
    await page.getByText(words(lang, 'names.summary'), { exact: true }).click();
    const body = page.getByText(words(lang, 'names.aka'), { exact: true });
    await expect(body).toBeVisible();
    for (const name of ['反卷积', '逆卷积', '解卷积', 'deconvolution', 'fractionally-strided convolution']) {
      await expect(body).toContainText(name);
    }
    await expect(page.getByText(words(lang, 'names.uses'))).toBeVisible();
    await expect(page.getByText(words(lang, 'names.why'))).toBeVisible();
    await screenshot(page, `tutorials-names-${lang}-1280`);
    await page.getByRole('button', { name: words(lang, 'names.roundTrip') }).click();
    await expect(page).toHaveURL(/panel=roundtrip/);
  });
}

import { computeExplore, fillValues, type Tensor } from '../../src/engine';
import { specOf } from '../../src/store';
import { PRESET_QUERIES, REFUSED_PRESETS } from '../../src/store/presets';
import { inputLength, parseQuery, weightLength } from '../../src/store/urlParams';

/** The engine's numbers for a preset (computed here in Node from its own query), plane by plane. */
function presetPlanes(id: string): { direct: boolean; planes: number[][][] } {
  const { params } = parseQuery(`preset=${id}`, PRESET_QUERIES);
  const x = params.x ?? Array.from(fillValues(params.vals, inputLength(params), params.seed, 'input'));
  const w = params.w ?? Array.from(fillValues(params.vals, weightLength(params), params.seed, 'kernel'));
  const n = computeExplore(specOf(params), x, w);
  const direct = n.op === 'convT' && params.view === 'direct';
  const t: Tensor = direct && n.op === 'convT' ? n.directOutput : n.output;
  const [, c, h, wd] = t.shape;
  return {
    direct,
    planes: Array.from({ length: c }, (_, ch) => Array.from({ length: h }, (_, r) => Array.from(t.data.subarray((ch * h + r) * wd, (ch * h + r + 1) * wd)))),
  };
}

const TUTORIAL_PRESETS = [
  'tf-5x5-back', 'tf-6x6-back', 'tf-4x4-valid-back', 'tf-4x4-same-back', 'tf-avg-unpool', 'torch-output-padding', 'torch-dilation',
  'torch-groups', 'torch-checkerboard', 'dcgan-layer1', 'dcgan-layer3', 'tf-2x2-to-5x5', 'tf-2x2-to-6x6', 'formula-s2-p0-k3',
];

test('zh: the tutorials’ new presets opened by their links hold the engine’s numbers in their Chinese-named ARIA grids', async ({ page }) => {
  test.setTimeout(240_000);
  for (const id of TUTORIAL_PRESETS) {
    expect(REFUSED_PRESETS).not.toContain(id);
    const { direct, planes } = presetPlanes(id);
    await page.goto(`?preset=${id}&lang=zh`);
    await expect(page.getByRole('grid').first()).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('End');
    const base = direct ? ZH['grid.directOutput'] : ZH['grid.output'];
    for (const [c, rows] of planes.entries()) {
      const name = planes.length > 1 ? msg('zh', 'grid.channel', { name: base, c: c + 1 }) : base;
      await expectGrid(page, name, rows);
    }
  }
});

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the DCGAN generator of "深入浅出理解转置卷积Conv2DTranspose", 7 → 7 → 14 → 28, each layer linking to the next`, async ({ page }) => {
    await page.goto(`?preset=dcgan-layer1&lang=${lang}`);
    await expect(page.getByRole('grid').first()).toBeVisible({ timeout: 15_000 });
    const output = lang === 'en' ? 'Output' : ZH['grid.output'];
    const size = () => gridSize(page, output);
    await expect.poll(size, { timeout: 20_000 }).toEqual([7, 7]);
    const next = page.getByRole('button', { name: new RegExp(`^${lang === 'en' ? 'Next layer: ' : '下一层：'}`) });
    await next.click();
    await expect(page).toHaveURL(/preset=dcgan-generator/);
    await expect.poll(size, { timeout: 20_000 }).toEqual([14, 14]);
    await next.click();
    await expect(page).toHaveURL(/preset=dcgan-layer3/);
    await expect.poll(size, { timeout: 20_000 }).toEqual([28, 28]);
    await expect(next).toHaveCount(0);
    await screenshot(page, `tutorials-dcgan-layer3-${lang}-1280`);
  });

  test(`${lang}: the conv2d_transpose tutorial's code panel shows conv2d and conv2d_transpose with strides=[1,2,2,1]`, async ({ page }) => {
    await page.goto(`?preset=tf-ones-5x5&lang=${lang}`);
    const tfCode = page.getByRole('region', { name: lang === 'en' ? 'TensorFlow code' : ZH['code.tf'] });
    await expect(tfCode).toBeVisible({ timeout: 15_000 });
    // A long call is wrapped over lines: read it as one statement.
    const statements = async () => ((await tfCode.textContent()) ?? '').replace(/\(\n\s+/g, '(').replace(/,\n\)/g, ')');
    await expect.poll(statements).toContain("y = tf.nn.conv2d(x, filters, strides=[1,2,2,1], padding='SAME', dilations=[1, 1])");
    await expect.poll(statements).toContain("x_back = tf.nn.conv2d_transpose(y, filters, output_shape=[1,5,5,3], strides=[1,2,2,1], padding='SAME')");
  });
}

for (const lang of ['en', 'zh'] as const) {
  for (const { label, size } of SIZES) {
    test(`${lang} ${label}: screenshots of the names note, the impossible pictures and a preset caption`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`?preset=tf-impossible-10x10&lang=${lang}`);
      await expect(page.getByRole('region', { name: words(lang, 'impossible.title') })).toBeVisible({ timeout: 15_000 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `tutorials-impossible-10x10-${lang}-${label}`);
      await page.goto(`?op=conv&in=3&k=7&p=1&lang=${lang}`);
      await expect(page.getByRole('region', { name: words(lang, 'impossible.title') })).toBeVisible({ timeout: 15_000 });
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `tutorials-impossible-kernel-${lang}-${label}`);
      await page.goto(`?preset=torch-convT-2x2&lang=${lang}`);
      await expect(page.getByRole('grid').first()).toBeVisible({ timeout: 15_000 });
      // On a phone the note is with the settings, in their sheet: one tap opens it.
      if (size.width <= 760) await page.locator('.page-mode__sheet').click();
      await page.getByText(words(lang, 'names.summary'), { exact: true }).click();
      await expect(page.getByText(words(lang, 'names.aka'), { exact: true })).toBeVisible();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `tutorials-names-preset-${lang}-${label}`);
    });
  }
}
