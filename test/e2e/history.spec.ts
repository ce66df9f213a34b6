/**
 * Issue 8: "A parameter change is a history entry in the standalone page (Back undoes it;
 * stepping is not), never in the embedded one." Expected numbers: an all-ones input convolved
 * with a 3×3 ones kernel gives 9 in every output cell (nine ones summed); the output of a
 * 5-row input is 3 rows high, of a 7-row input 5 (o = i − k + 1).
 */
import { expect, test } from '@playwright/test';
import { open, readGrid, watchConsole } from './helpers';

const param = (url: string, key: string) => new URL(url).searchParams.get(key);

test('Back undoes a setting (the picture follows), not the steps; Forward brings it back at its step', async ({ page }) => {
  const { errors } = watchConsole(page);
  await open(page, '?op=conv&in=5&k=3&vals=ones');
  const height = page.getByRole('spinbutton', { name: 'Input (height)' });
  await height.fill('7');
  await height.press('Tab');
  await expect(page).toHaveURL(/in=7x5/);
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toHaveAttribute('aria-rowcount', '5');
  // Steps on the new setting: three presses, no new entries.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=3/);

  await page.goBack();
  await expect(page).toHaveURL((url) => param(url.href, 'in') === null && param(url.href, 'step') === null);
  await expect(height).toHaveValue('5');
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual([[9, 9, 9], [9, 9, 9], [9, 9, 9]]);

  await page.goForward();
  await expect(page).toHaveURL(/in=7x5/);
  await expect(height).toHaveValue('7');
  await expect(page.getByText('Step 4 of 15')).toBeVisible();
  expect(errors).toEqual([]);
});

test('typing a number is one entry however many keys it takes', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3');
  const length = await page.evaluate(() => history.length);
  const width = page.getByRole('spinbutton', { name: 'Input (width)' });
  await width.click();
  await width.press('Control+a');
  await width.pressSequentially('12');
  await width.press('Enter');
  await expect(page).toHaveURL(/in=5x12/);
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
  await page.goBack();
  await expect(width).toHaveValue('5');
  await expect(page).toHaveURL((url) => param(url.href, 'in') === null);
});

test('the embedded page adds no history entry, whatever changes', async ({ page }) => {
  await open(page, '?op=conv&in=5&k=3&embed=1');
  const length = await page.evaluate(() => history.length);
  const height = page.getByRole('spinbutton', { name: 'Input (height)' });
  await height.fill('6');
  await height.press('Tab');
  await page.getByRole('radio', { name: 'Transposed convolution' }).check();
  await expect(page).toHaveURL(/op=convT/);
  expect(await page.evaluate(() => history.length)).toBe(length);
});
