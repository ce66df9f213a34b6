/**
 * The explorer in real Chromium, through the URL a learner shares (issue 3's acceptance list).
 * Expected numbers are the issue's worked examples (TensorFlow tutorials: 5×5 and 6×6 ones,
 * k=3, s=2, SAME, one channel) and outer products computed here.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, outer, readGrid, screenshot, watchConsole } from './helpers';

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

const CONV_TF = '?op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones';
const CONVT_TF = '?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones';

test('TF tutorial: 5×5 ones, k=3, s=2, SAME → [[4,6,4],[6,9,6],[4,6,4]]', async ({ page }) => {
  await open(page, CONV_TF);
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual([[4, 6, 4], [6, 9, 6], [4, 6, 4]]);
  await screenshot(page, 'conv-tf-5x5-1280');
});

test('TF tutorial: 6×6 ones, k=3, s=2, SAME → [[9,9,6],[9,9,6],[6,6,4]]', async ({ page }) => {
  await open(page, CONV_TF.replace('in=5', 'in=6'));
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual([[9, 9, 6], [9, 9, 6], [6, 6, 4]]);
});

test('TF conv2d_transpose of 3×3 ones to 5×5 is the outer product of [1,2,1,2,1]; both views agree', async ({ page }) => {
  await open(page, CONVT_TF);
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual(outer([1, 2, 1, 2, 1], [1, 2, 1, 2, 1]));
  await expect(page.getByText('Both views give the same output.')).toBeVisible();
  await screenshot(page, 'convT-tf-out5-1280');
});

test('TF conv2d_transpose of 3×3 ones to 6×6 is the outer product of [1,1,2,1,2,1]', async ({ page }) => {
  await open(page, CONVT_TF.replace('out=5', 'out=6'));
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual(outer([1, 1, 2, 1, 2, 1], [1, 1, 2, 1, 2, 1]));
});

test('the keyboard steps the animation: the highlighted output cell and the equation change', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3&vals=int&seed=3');
  const output = page.getByRole('grid', { name: 'Output', exact: true });
  const active = output.locator('[role="gridcell"][aria-selected="true"]');
  const equation = page.getByRole('group', { name: /equation/i });
  await expect(active).toHaveCount(1);
  const firstEquation = await equation.textContent();
  const firstIndex = await active.evaluate((el) => [...el.parentElement!.parentElement!.querySelectorAll('[role="gridcell"]')].indexOf(el));
  await page.keyboard.press('ArrowRight');
  await expect(equation).not.toHaveText(firstEquation ?? '');
  const secondIndex = await active.evaluate((el) => [...el.parentElement!.parentElement!.querySelectorAll('[role="gridcell"]')].indexOf(el));
  expect(secondIndex).toBe(firstIndex + 1);
  // The equation ends in the value that lands in the active cell.
  const landed = (await active.textContent())?.trim();
  expect((await equation.textContent())?.replace(/\s+/g, ' ')).toContain(`= ${landed}`);
  await expect(page).toHaveURL(/step=1/);
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/step=8/);
  await page.keyboard.press('Home');
  await expect(page).not.toHaveURL(/step=/);
});

test('a step moves the rings at once: a cell fades its colour, not its ring (a fading ring repaints the page for ten frames at every step)', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3&vals=int&seed=3');
  const active = page.getByRole('grid', { name: 'Output', exact: true }).locator('[role="gridcell"][aria-selected="true"]');
  const animated = (await active.evaluate((el) => getComputedStyle(el).transitionProperty)).split(/,\s*/);
  expect(animated).toContain('background-color');
  expect(animated).not.toContain('box-shadow');
  expect(animated).not.toContain('all');
});

test('an impossible kernel shows the message at the field, keeps the typed value and the last picture', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3&vals=ones');
  await page.keyboard.press('End');
  const before = await readGrid(page, 'Output');
  const kernelH = page.getByLabel('Kernel (height)');
  await kernelH.fill('7');
  await expect(kernelH).toHaveValue('7');
  await expect(kernelH).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: /kernel/i }).first()).toBeVisible();
  expect(await readGrid(page, 'Output')).toEqual(before);
  await screenshot(page, 'conv-error-1280');
  await kernelH.fill('2');
  await expect(kernelH).not.toHaveAttribute('aria-invalid', 'true');
});

test('hovering an output cell lights its receptive field; hovering an input cell lights the outputs it feeds', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3&vals=ones');
  const input = page.getByRole('grid', { name: 'Input', exact: true });
  const output = page.getByRole('grid', { name: 'Output', exact: true });
  await output.getByRole('gridcell').nth(4).hover(); // output (1, 1)
  await expect(input.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(9);
  await input.getByRole('gridcell').nth(0).hover(); // input (0, 0) feeds only output (0, 0)
  await expect(output.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(1);
  await input.getByRole('gridcell').nth(12).hover(); // input (2, 2) feeds all nine outputs
  await expect(output.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(9);
});

test('a bad URL value falls back to its default and the page says which key it ignored', async ({ page }) => {
  await open(page, '?op=conv&in=99&bogus=1&vals=ones');
  const status = page.getByRole('status').filter({ hasText: /in=99/ });
  await expect(status).toBeVisible();
  await expect(page.getByText(/bogus/)).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Input', exact: true })).toBeVisible();
});

for (const [label, size] of [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1280, height: 800 }],
  ['projector', { width: 1920, height: 1080 }],
] as const) {
  test(`readable at ${label} size (${size.width}×${size.height}): no horizontal overflow, grids visible`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const [name, query] of [['conv', CONV_TF], ['convT', CONVT_TF]] as const) {
      await open(page, query);
      await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `${name}-${label}`);
    }
  });
}

test('no serious accessibility violations (axe) on the conv and transposed views', async ({ page }) => {
  for (const query of [CONV_TF, CONVT_TF]) {
    await open(page, query);
    await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  }
});
