/**
 * "More views" in real Chromium, through the URL a learner shares (issue 4): the matrix view's
 * hover linking, the checkerboard's overlap counts, the round trip's shapes and the gradient's
 * equality. Expected numbers are computed here from the grids the page shows (input, kernel),
 * never pasted: the overlap counts by counting (input, tap) pairs, the round trip and the inner
 * products with small loops written in this file.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, screenshot, watchConsole } from './helpers';

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The "More views" panel of tab `tab` (a tab panel is named by its tab). */
function morePanel(page: Page, tab: string): Locator {
  return page.getByRole('tabpanel', { name: tab, exact: true });
}

/** The numbers of the grid named `name` inside `scope`, row by row. */
async function readIn(scope: Locator, name: string): Promise<number[][]> {
  const grid = scope.getByRole('grid', { name, exact: true });
  await expect(grid).toBeVisible();
  return grid.getByRole('row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('[role="gridcell"]')).map((cell) => Number((cell.firstChild?.textContent ?? '').trim()))),
  );
}

/** (row, col) of every cell of a grid with aria-selected="true". */
async function selectedIn(scope: Locator, name: string): Promise<string[]> {
  return scope.getByRole('grid', { name, exact: true }).getByRole('row').evaluateAll((rows) =>
    rows.flatMap((row, r) => Array.from(row.querySelectorAll('[role="gridcell"]')).flatMap((cell, c) => (cell.getAttribute('aria-selected') === 'true' ? [`${r},${c}`] : []))),
  );
}

const cellIn = (scope: Locator, name: string, r: number, c: number) =>
  scope.getByRole('grid', { name, exact: true }).getByRole('row').nth(r).getByRole('gridcell').nth(c);

/** Independent stride-1, unpadded cross-correlation of an n×n plane with a k×k kernel. */
function conv(x: number[][], w: number[][]): number[][] {
  const k = w.length;
  const o = x.length - k + 1;
  return range(o).map((oy) => range(o).map((ox) => range(k).reduce((s, ky) => s + range(k).reduce((t, kx) => t + x[oy + ky][ox + kx] * w[ky][kx], 0), 0)));
}
/** Independent stride-1, unpadded transposed convolution: every cell stamps v·w. */
function convT(y: number[][], w: number[][]): number[][] {
  const k = w.length;
  const n = y.length + k - 1;
  const out = range(n).map(() => range(n).map(() => 0));
  y.forEach((row, iy) => row.forEach((v, ix) => range(k).forEach((ky) => range(k).forEach((kx) => (out[iy + ky][ix + kx] += v * w[ky][kx])))));
  return out;
}
const dot = (a: number[][], b: number[][]) => a.flat().reduce((s, v, i) => s + v * b.flat()[i], 0);

/** Taps of a transposed convolution landing on output o of one axis: pairs (i, j) with i·s + j − p = o. */
function axisCounts(n: number, k: number, s: number, p: number, outSize: number): number[] {
  return range(outSize).map((o) => range(n).reduce((sum, i) => sum + range(k).filter((j) => i * s + j - p === o).length, 0));
}

test('matrix view: the guide’s 4×4 input and 3×3 kernel give a 4×16 matrix; hovering an entry lights the cells it links', async ({ page }) => {
  await open(page, '?op=conv&in=4&k=3&vals=int&panel=matrix');
  const panel = morePanel(page, 'Matrix');
  await expect(page.getByRole('tab', { name: 'Matrix' })).toHaveAttribute('aria-selected', 'true');
  const m = await readIn(panel, 'Matrix');
  expect(m.map((row) => row.length)).toEqual([16, 16, 16, 16]);
  // Row 1 = output (0, 1), column 6 = input (1, 2): the link is kernel cell (1, 1), read from the page's kernel.
  const kernel = await readIn(page.getByRole('main'), 'Kernel');
  expect(m[1][6]).toBe(kernel[1][1]);
  // Every row holds the kernel where its window meets the input, zeros elsewhere (computed here).
  const expected = range(4).map((r) => range(16).map((c) => {
    const ky = Math.floor(c / 4) - Math.floor(r / 2);
    const kx = (c % 4) - (r % 2);
    return ky >= 0 && ky < 3 && kx >= 0 && kx < 3 ? kernel[ky][kx] : 0;
  }));
  expect(m).toEqual(expected);

  await cellIn(panel, 'Matrix', 1, 6).hover();
  await expect.poll(() => selectedIn(panel, 'Flattened input')).toEqual(['6,0']);
  expect(await selectedIn(panel, 'Flattened output')).toEqual(['1,0']);
  expect(await selectedIn(panel, 'Input (2-D)')).toEqual(['1,2']);
  expect(await selectedIn(panel, 'Output (2-D)')).toEqual(['0,1']);
  await screenshot(page, 'panels-matrix-hover-1280');

  // The reverse: input (1, 1) lies in all four windows, so its column lights in every row.
  await cellIn(panel, 'Input (2-D)', 1, 1).hover();
  await expect.poll(() => selectedIn(panel, 'Matrix')).toEqual(['0,5', '1,5', '2,5', '3,5']);
  expect(await selectedIn(panel, 'Output (2-D)')).toEqual(['0,0', '0,1', '1,0', '1,1']);
  // And an output cell lights its row: output (1, 1) = row 3 reads input rows 1–3, columns 1–3.
  await cellIn(panel, 'Output (2-D)', 1, 1).hover();
  await expect.poll(() => selectedIn(panel, 'Matrix')).toEqual([1, 2, 3].flatMap((iy) => [1, 2, 3].map((ix) => `3,${iy * 4 + ix}`)));
});

test('checkerboard: k=3, s=2 overlaps unevenly; k=4, s=2 is even inside (counts checked against an independent count)', async ({ page }) => {
  await open(page, '?op=convT&in=4&k=3&s=2&vals=int&panel=checkerboard');
  const panel = morePanel(page, 'Checkerboard');
  const uneven = axisCounts(4, 3, 2, 0, 9);
  expect(await readIn(panel, 'Overlap count')).toEqual(uneven.map((a) => uneven.map((b) => a * b)));
  await expect(panel.getByRole('status')).toContainText('Uneven');
  await screenshot(page, 'panels-checkerboard-k3s2-1280');

  await open(page, '?op=convT&in=4&k=4&s=2&vals=int&panel=checkerboard');
  const even = axisCounts(4, 4, 2, 0, 10);
  const grid = await readIn(morePanel(page, 'Checkerboard'), 'Overlap count');
  expect(grid).toEqual(even.map((a) => even.map((b) => a * b)));
  // Away from the first and last two rows/columns every cell receives the same count.
  const inner = new Set(grid.slice(2, 8).flatMap((row) => row.slice(2, 8)));
  expect([...inner]).toEqual([4]);
  await expect(morePanel(page, 'Checkerboard').getByRole('status')).toContainText('Even: every interior cell (outlined) receives 4 kernel taps');
});

test('checkerboard for a convolution offers the transposed convolution in one click', async ({ page }) => {
  await open(page, '?op=conv&in=4&k=3&s=2&vals=int&panel=checkerboard');
  await page.getByRole('button', { name: 'Show the transposed convolution' }).click();
  await expect(page).toHaveURL(/op=convT/);
  await expect(morePanel(page, 'Checkerboard').getByRole('grid', { name: 'Overlap count', exact: true })).toBeVisible();
});

test('round trip: conv then convT brings the shape back, not the values (computed here from the page’s input and kernel)', async ({ page }) => {
  await open(page, '?op=conv&in=4&k=3&vals=int&panel=roundtrip');
  const panel = morePanel(page, 'Round trip');
  const x = await readIn(panel, 'Input');
  const w = await readIn(page.getByRole('main'), 'Kernel');
  const y = conv(x, w);
  expect(await readIn(panel, 'conv(x)')).toEqual(y);
  const back = await readIn(panel, 'Round trip');
  expect(back).toEqual(convT(y, w));
  expect([back.length, back[0].length]).toEqual([x.length, x[0].length]);
  await expect(panel.getByRole('status')).toContainText('The shape comes back: 4 × 4 → 2 × 2 → 4 × 4.');
  await screenshot(page, 'panels-roundtrip-1280');

  await open(page, '?op=convT&in=3&k=3&s=2&vals=int&panel=roundtrip');
  const t = morePanel(page, 'Round trip');
  expect((await readIn(t, 'convT(x)')).length).toBe(7);
  expect((await readIn(t, 'Round trip')).map((row) => row.length)).toEqual([3, 3, 3]);
  await expect(t.getByRole('status')).toContainText('The shape comes back: 3 × 3 → 7 × 7 → 3 × 3.');
});

test('gradient: ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ with the page’s numbers, both sides computed here', async ({ page }) => {
  await open(page, '?op=conv&in=4&k=3&vals=int&panel=gradient');
  const panel = morePanel(page, 'Gradient');
  const main = page.getByRole('main');
  const x = await readIn(main, 'Input');
  const w = await readIn(main, 'Kernel');
  const y = await readIn(panel, 'y (upstream gradient)');
  const image = await readIn(panel, 'convT(y)');
  expect(image).toEqual(convT(y, w));
  const lhs = dot(conv(x, w), y);
  const rhs = dot(x, image);
  expect(lhs).toBe(rhs);
  const sums = panel.getByRole('group', { name: 'Inner products' });
  await expect(sums).toContainText(`⟨conv(x), y⟩ = `);
  expect((await sums.getByRole('paragraph').allTextContents()).map((s) => s.trim().split(' = ').at(-1))).toEqual([String(lhs), String(rhs)]);
  await expect(panel.getByRole('status')).toHaveText(`Equal: ${lhs} = ${rhs}.`);
  await screenshot(page, 'panels-gradient-1280');
});

test('the tabs are ARIA tabs: ←/→ move between them and write panel= into the address', async ({ page }) => {
  await open(page, '?op=conv&in=4&k=3&vals=int');
  const tabs = page.getByRole('tablist', { name: 'More views' });
  await expect(tabs.getByRole('tab')).toHaveText(['Sizes', 'Matrix', 'Checkerboard', 'Round trip', 'Gradient', 'Code']);
  await tabs.getByRole('tab', { name: 'Sizes' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Matrix' })).toBeFocused();
  await expect(page).toHaveURL(/panel=matrix/);
  await expect(page).not.toHaveURL(/step=/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/panel=code/);

  await open(page, '?op=unpool&in=4&k=2&s=2&vals=int');
  await expect(page.getByRole('tablist', { name: 'More views' }).getByRole('tab')).toHaveText(['Sizes', 'Code']);
});

const PANELS: [string, string, string][] = [
  ['matrix', 'Matrix', '?op=conv&in=4&k=3&vals=int&panel=matrix'],
  ['checkerboard', 'Checkerboard', '?op=convT&in=4&k=3&s=2&vals=int&panel=checkerboard'],
  ['roundtrip', 'Round trip', '?op=conv&in=4&k=3&vals=int&panel=roundtrip'],
  ['gradient', 'Gradient', '?op=conv&in=4&k=3&vals=int&panel=gradient'],
];

for (const size of [
  { name: '390', width: 390, height: 844 },
  { name: '1280', width: 1280, height: 800 },
  { name: '1920', width: 1920, height: 1080 },
]) {
  test(`every panel at ${size.width}×${size.height}: screenshots${size.name === '1280' ? ', no serious accessibility violations' : ''}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [name, tab, query] of PANELS) {
      await open(page, query);
      const panel = morePanel(page, tab);
      await expect(panel.getByRole('grid').first()).toBeVisible();
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `panels-${name}-${size.name}`);
      if (size.name === '1280') {
        // The panel and its tabs only: the rest of the page has its own checks (and axe over all of it is slow).
        const { violations } = await new AxeBuilder({ page }).include(`#more-panel-${name}`).include('[role="tablist"][aria-label="More views"]').analyze();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
        expect(serious, name).toEqual([]);
      }
    }
  });
}
