/**
 * Every worked example opened by its link in real Chromium (issue 4): the page's ARIA grids
 * hold the engine's numbers for the preset (computed here in Node from the same query), and
 * the numbers the table states (the tutorials named in the titles).
 * Grid names follow the issue: "Output" ("Output, channel 2" with several channels); the
 * unpooling view's "Pooled", "Switches", "Output"; the direct view's "Direct output".
 */
import { expect, test, type Page } from '@playwright/test';
import { computeExplore, explore, fillValues, isShapeError, type ExploreNumbers, type Tensor } from '../../src/engine';
import { errorText } from '../../src/i18n/shapeErrors';
import { specOf } from '../../src/store';
import { PRESET_QUERIES, PRESETS, REFUSED_PRESETS } from '../../src/store/presets';
import { inputLength, parseQuery, weightLength, type Params } from '../../src/store/urlParams';
import { expectGrid, outer, readGrid, screenshot, watchConsole } from './helpers';

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

/** The preset's params and the engine's numbers for them (the values the page draws). */
function engineFor(id: string): { params: Params; numbers: ExploreNumbers } {
  const { params } = parseQuery(`preset=${id}`, PRESET_QUERIES);
  const x = params.x ?? Array.from(fillValues(params.vals, inputLength(params), params.seed, 'input'));
  const w = params.w ?? Array.from(fillValues(params.vals, weightLength(params), params.seed, 'kernel'));
  return { params, numbers: computeExplore(specOf(params), x, w) };
}

function planes(t: Tensor): number[][][] {
  const [, c, h, w] = t.shape;
  return Array.from({ length: c }, (_, ch) =>
    Array.from({ length: h }, (_, r) => Array.from(t.data.subarray((ch * h + r) * w, (ch * h + r + 1) * w))));
}

/** A grid's accessible name with its channel when the tensor has several. */
const named = (name: string, c: number, count: number) => (count > 1 ? `${name}, channel ${c + 1}` : name);

/** Every grid the preset's page must show, with the numbers it must hold. */
function expectedGrids(id: string): { name: string; rows: number[][] }[] {
  const { params, numbers } = engineFor(id);
  const grids: { name: string; rows: number[][] }[] = [];
  const add = (name: string, t: Tensor) => planes(t).forEach((rows, c, all) => grids.push({ name: named(name, c, all.length), rows }));
  if (numbers.op === 'unpool') {
    add('Pooled', numbers.pooled);
    // Average pooling has no switches: its unpooling copies each mean back into its window.
    if (params.pool !== 'avg') {
      add('Switches', numbers.indices);
      if (params.fw === 'tf') add('Switches (TensorFlow argmax)', numbers.tfArgmax);
    }
    add('Output', numbers.output);
  } else if (numbers.op === 'convT' && params.view === 'direct') {
    add('Direct output', numbers.directOutput);
  } else {
    add('Output', numbers.output);
  }
  return grids;
}

/**
 * Opens a preset by its link, waits until its first grid is drawn, and finishes the animation
 * (End; the direct view shows its output grid only at its last stage).
 */
async function openPreset(page: Page, id: string, timeout = 15_000): Promise<void> {
  await page.goto(`?preset=${id}`);
  await expect(page.getByRole('grid').first()).toBeVisible({ timeout });
  await page.keyboard.press('End');
}


const drawn = PRESETS.filter((p) => !REFUSED_PRESETS.includes(p.id));

for (const p of drawn) {
  test(`${p.id}: the page's grids hold the engine's numbers`, async ({ page }) => {
    const grids = expectedGrids(p.id);
    await openPreset(page, p.id);
    await expect(page).toHaveURL(new RegExp(`preset=${p.id}`));
    for (const g of grids) await expectGrid(page, g.name, g.rows);
  });
}

/** The numbers the table states, read from the page. */
const STATED: { id: string; source: string; grids: { name: string; rows: number[][] }[] }[] = [
  { id: 'tf-ones-5x5', source: 'TF tutorial', grids: [{ name: 'Output', rows: [[12, 18, 12], [18, 27, 18], [12, 18, 12]] }] },
  { id: 'tf-ones-6x6', source: 'TF tutorial', grids: [{ name: 'Output', rows: [[27, 27, 18], [27, 27, 18], [18, 18, 12]] }] },
  {
    id: 'tf-3x3-to-6x6',
    source: 'TF tutorial',
    grids: [1, 2, 3].map((c) => ({ name: `Output, channel ${c}`, rows: outer([1, 1, 2, 1, 2, 1], [1, 1, 2, 1, 2, 1]) })),
  },
  { id: 'tf-4x4-valid', source: 'TF tutorial', grids: [{ name: 'Output', rows: [[-2, -2], [-2, -2]] }] },
  { id: 'tf-4x4-same', source: 'TF tutorial', grids: [{ name: 'Output', rows: [[-2, -2], [-2, -2]] }] },
  {
    id: 'tf-argmax-unpool',
    source: 'tf.nn.max_pool_with_argmax example',
    grids: [
      { name: 'Pooled, channel 1', rows: [[1, 1], [3, 3]] },
      { name: 'Pooled, channel 2', rows: [[5, 5], [7, 7]] },
      { name: 'Switches (TensorFlow argmax), channel 1', rows: [[8, 12], [24, 28]] },
      { name: 'Switches (TensorFlow argmax), channel 2', rows: [[9, 13], [25, 29]] },
    ],
  },
  { id: 'torch-convT-2x2', source: '深入浅出理解转置卷积Conv2DTranspose, transposed_conv_official and _self (opened on the direct view)', grids: [{ name: 'Direct output', rows: [[1, 0, 1, 0], [2, 2, 3, 1], [1, 2, 3, 1], [2, 1, 0, 0]] }] },
  {
    id: 'torch-maxunpool-4x4',
    source: 'PyTorch MaxUnpool2d docs',
    grids: [
      { name: 'Pooled', rows: [[6, 8], [14, 16]] },
      { name: 'Switches', rows: [[5, 7], [13, 15]] },
      { name: 'Output', rows: [[0, 0, 0, 0], [0, 6, 0, 8], [0, 0, 0, 0], [0, 14, 0, 16]] },
    ],
  },
  { id: 'guide-numeric-stride1', source: 'Dumoulin & Visin 2016', grids: [{ name: 'Output', rows: [[12, 12, 17], [10, 17, 19], [9, 6, 14]] }] },
  { id: 'guide-numeric-stride2-pad1', source: 'Dumoulin & Visin 2016', grids: [{ name: 'Output', rows: [[6, 17, 3], [8, 17, 13], [6, 4, 4]] }] },
];

for (const s of STATED) {
  test(`${s.id}: the numbers of the issue's table (${s.source})`, async ({ page }) => {
    await openPreset(page, s.id);
    for (const g of s.grids) await expectGrid(page, g.name, g.rows);
  });
}

test('the guide presets draw the guide\'s output sizes (Dumoulin & Visin 2016)', async ({ page }) => {
  const sizes: Record<string, number> = {
    'guide-no-padding-unit-strides': 2, 'guide-arbitrary-padding': 6, 'guide-half-padding': 5, 'guide-full-padding': 7,
    'guide-no-padding-strided': 2, 'guide-padding-strided': 3, 'guide-padding-strided-odd': 6, 'guide-dilated': 3,
  };
  for (const [id, o] of Object.entries(sizes)) {
    await openPreset(page, id);
    await expect.poll(async () => {
      const rows = await readGrid(page, 'Output');
      return [rows.length, rows[0].length];
    }, { message: id }).toEqual([o, o]);
  }
});

test('tf-impossible-10x10 on a first load: the page shows the engine\'s explanation', async ({ page }) => {
  const { params } = parseQuery('preset=tf-impossible-10x10', PRESET_QUERIES);
  let message = '';
  try {
    explore(specOf(params));
  } catch (e) {
    // The page phrases the refusal from its code and details (the first load waits for those sentences).
    if (isShapeError(e)) message = errorText(e);
  }
  expect(message).not.toBe('');
  await page.goto('?preset=tf-impossible-10x10');
  await expect(page.getByRole('alert').filter({ hasText: message }).first()).toBeVisible();
  await expect(page).toHaveURL(/preset=tf-impossible-10x10/);
  await screenshot(page, 'preset-tf-impossible-10x10-1280');
});

test('the picker opens a preset, names its source, and a changed number clears the name', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByRole('combobox', { name: 'Worked examples' });
  await expect(picker).toBeVisible();
  // The examples' list loads as the pointer comes near the picker.
  await picker.hover();
  await picker.selectOption('guide-numeric-stride1');
  await expect(page).toHaveURL(/\?preset=guide-numeric-stride1$/);
  await expect(page.getByText(/^From: Dumoulin & Visin/)).toBeVisible();
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual([[12, 12, 17], [10, 17, 19], [9, 6, 14]]);
  await screenshot(page, 'preset-picker-guide-1280');
  await page.getByLabel('Stride (height)').fill('2');
  await expect(page.getByText(/^From:/)).toHaveCount(0);
  await expect(page).not.toHaveURL(/preset=/);
});

for (const [label, size] of [
  ['phone', { width: 390, height: 844 }],
  ['projector', { width: 1920, height: 1080 }],
] as const) {
  test(`presets at ${label} size: no horizontal overflow`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const id of ['tf-3x3-to-6x6', 'tf-argmax-unpool', 'guide-numeric-stride2-pad1']) {
      const grids = expectedGrids(id);
      await openPreset(page, id);
      await expectGrid(page, grids[0].name, grids[0].rows);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, id).toBeLessThanOrEqual(0);
      await screenshot(page, `preset-${id}-${label}`);
    }
  });
}
