/**
 * Access, in both languages (issue 7): the one live region narrates each step with its numbers
 * (checked against worked examples whose numbers their sources print, and against the grids the
 * page shows), choosing a preset or an operation leaves ←/→ to the animation, the keyboard-help
 * dialog (`?`) is a real modal dialog loaded on demand, padding and inserted zeros differ by
 * more than hue, and axe finds no violation on any view, dialog or mode in English or Chinese.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { enHelp } from '../../src/i18n/en-help';
import { enNarration } from '../../src/i18n/en-narration';
import { zh } from '../../src/i18n/zh';
import { readGrid, screenshot, watchConsole } from './helpers';

const narration = (page: Page) => page.getByTestId('narration');
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
const operand = (v: number) => (v < 0 ? `(${v})` : String(v));

let watch: { errors: string[] };
test.beforeEach(({ page }) => {
  watch = watchConsole(page);
});
test.afterEach(() => {
  expect(watch.errors).toEqual([]);
});

test('narration, Dumoulin & Visin 2016 numeric figure (5×5 ⊛ 3×3 → [[12,12,17],…]): each step in words with the grids’ own products, en and zh', async ({ page }) => {
  await page.goto('?preset=guide-numeric-stride1');
  const x = await readGrid(page, 'Input');
  const w = await readGrid(page, 'Kernel');
  // The products of output (r, c), from the grids on the page, in row-major window order.
  const sum = (r: number, c: number) => w.flatMap((row, ky) => row.map((wv, kx) => `${operand(x[r + ky][c + kx])}×${operand(wv)}`)).join(' + ');
  await expect(narration(page)).toHaveText(`${fill(en['narr.step'], { i: 1, n: 9 })} ${fill(en['narr.conv'], { row: 1, col: 1, terms: sum(0, 0), result: 12 })}`);
  await page.locator('#picture').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toHaveText(`${fill(en['narr.step'], { i: 3, n: 9 })} ${fill(en['narr.conv'], { row: 1, col: 3, terms: sum(0, 2), result: 17 })}`);
  await expect(narration(page)).toHaveAttribute('aria-live', 'polite');
  // One live region narrates the steps: the transport's position is not another.
  await expect(page.locator('.transport [aria-live], .transport output')).toHaveCount(0);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(narration(page)).toHaveText(`${fill(zh['narr.step'], { i: 3, n: 9 })} ${fill(zh['narr.conv'], { row: 1, col: 3, terms: sum(0, 2), result: 17 })}`);
});

test('narration of the transposed views and unpooling (PyTorch docs’ ConvTranspose2d and MaxUnpool2d examples), en and zh', async ({ page }) => {
  // ConvTranspose2d: [[1,0],[2,1]] → [[1,0,1,0],[2,2,3,1],[1,2,3,1],[2,1,0,0]] (k=3, s=1, p=0).
  await page.goto('?preset=torch-convT-2x2&view=scatter');
  await expect(narration(page)).toHaveText(`${fill(en['narr.step'], { i: 1, n: 4 })} ${fill(enNarration['narr.scatter'], { row: 1, col: 1, value: 1, r0: 1, r1: 3, c0: 1, c1: 3 })}`);
  // Step 2 flips the kernel and pads the 2×2 grid by p′ = k − p − 1 = 2 per side: 6×6.
  await page.goto('?preset=torch-convT-2x2&view=direct&step=1');
  await expect(narration(page)).toContainText(fill(enNarration['narr.kernel'], { kh: 3, kw: 3, top: 2, bottom: 2, left: 2, right: 2, h: 2, w: 2, H: 6, W: 6 }));
  await page.goto('?preset=torch-convT-2x2&view=direct&step=4&lang=zh');
  // Step 2 + j is output cell j of the sweep: j = 2 is (0, 2) = 1.
  await expect(narration(page)).toContainText(`${fill(zh['narr.step'], { i: 5, n: 18 })} ${fill(zh['narr.conv'], { row: 1, col: 3, terms: '', result: 1 }).split('：')[0]}：`);
  await expect(narration(page)).toHaveText(/ = 1$/);
  // MaxUnpool2d docs: MaxPool2d(2, 2) on 1…16 gives [[6,8],[14,16]]; 6 came from row 2, column 2.
  await page.goto('?preset=torch-maxunpool-4x4');
  await expect(narration(page)).toHaveText(`${fill(en['narr.step'], { i: 1, n: 8 })} ${fill(enNarration['narr.poolMax'], { row: 1, col: 1, values: '1, 2, 5, 6', result: 6, iy: 2, ix: 2 })}`);
  await page.goto('?preset=torch-maxunpool-4x4&step=7&lang=zh');
  await expect(narration(page)).toHaveText(`${fill(zh['narr.step'], { i: 8, n: 8 })} ${fill(zh['narr.unpoolMax'], { v: 16, iy: 2, ix: 2, oy: 4, ox: 4 })}`);
});

test('after choosing a worked example or an operation, ←/→ step the animation (they stay with neither control)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  const picker = page.getByRole('combobox', { name: en['presets.label'] });
  // The examples' list loads when the learner comes near the picker, as a click or Tab would.
  await picker.focus();
  await expect(picker.locator('option[value="guide-numeric-stride1"]')).toBeAttached();
  await picker.selectOption('guide-numeric-stride1');
  await expect(page.locator('#picture')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.transport__pos')).toHaveText(fill(en['transport.position'], { i: 2, n: 9 }));
  await expect(picker).toHaveValue('guide-numeric-stride1');
  // The operation: a radio group keeps arrows to move between its radios; after the choice they step.
  await page.getByRole('radio', { name: en['op.convT'] }).check();
  await expect(page.locator('#picture')).toBeFocused();
  // The transposed views load on demand; their steps exist once they are drawn.
  await expect(page.getByRole('tab', { name: /^Scatter/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: en['op.convT'] })).toBeChecked();
  await expect(page).toHaveURL(/op=convT/);
  await expect(page).toHaveURL(/step=2/);
  // The same from the keyboard: focus the radio, arrow to the next operation, then arrows step it.
  await page.getByRole('radio', { name: en['op.convT'] }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/op=unpool/);
  // The pooling view loads on demand; its steps exist once it is drawn.
  await expect(page.getByRole('grid', { name: 'Pooled', exact: true })).toBeVisible();
  await expect(page.locator('#picture')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/op=unpool.*step=1/);
});

for (const lang of ['en', 'zh'] as const) {
  const words = lang === 'en' ? { ...en, ...enHelp } : zh;
  test(`keyboard help (${lang}): ? opens it lazily, it lists every shortcut, Tab stays inside, Esc closes it and focus returns`, async ({ page }) => {
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.goto(`?lang=${lang}`);
    await expect(page.getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
    expect(chunks.filter((u) => /KeyboardHelp/.test(u))).toEqual([]);
    const button = page.getByRole('button', { name: words['help.openLabel'] });
    await button.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: words['help.title'] });
    await expect(dialog).toBeVisible();
    expect(chunks.filter((u) => /KeyboardHelp/.test(u)).length).toBeGreaterThan(0);
    // Every shortcut of the README's table, in the page's language.
    for (const key of ['help.do.play', 'help.do.step', 'help.do.ends', 'help.do.present', 'help.do.leave', 'help.do.pin', 'help.do.edit', 'help.do.tabs'] as const) {
      await expect(dialog.getByRole('cell', { name: words[key], exact: true })).toBeVisible();
    }
    await screenshot(page, `help-dialog-${lang}-1280`);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    // Tab goes round the dialog's one control.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: words['help.close'] })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    // The button opens it too.
    await button.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: words['help.close'] }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
}

test('padding cells and inserted zeros differ by more than hue: hatched padding, dashed-border zeros (axe checks their digits’ contrast)', async ({ page }) => {
  await page.goto('?op=convT&in=3&k=3&s=2&p=0&view=direct&step=4');
  const grid = page.getByRole('grid', { name: 'Zero-inserted, padded input', exact: true });
  await expect(grid).toBeVisible();
  const style = (sel: string) => grid.locator(sel).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { image: s.backgroundImage, outline: `${s.outlineStyle} ${s.outlineWidth}`, color: s.color };
  });
  const padding = await style('.cell--padding');
  const zero = await style('.cell--zero');
  expect(padding.image).toContain('repeating-linear-gradient');
  expect(zero.image).toBe('none');
  expect(zero.outline).toMatch(/^dashed/);
  expect(padding.outline).not.toMatch(/^dashed/);
  await screenshot(page, 'padding-zero-1280');
});

/** Every view, panel, dialog and mode, each with what must be on screen before axe looks. */
const VIEWS: readonly { name: string; query: string; phone?: boolean; refused?: boolean; open?: (page: Page) => Promise<void> }[] = [
  { name: 'conv', query: 'op=conv&in=5&k=3&p=1&step=4' },
  { name: 'scatter', query: 'op=convT&in=3&k=3&s=2&p=1&a=1&step=4' },
  { name: 'direct', query: 'op=convT&in=3&k=3&s=2&p=1&a=1&view=direct&step=5' },
  { name: 'unpool', query: 'op=unpool&in=4&k=2&s=2&step=5' },
  { name: 'unpool-avg', query: 'op=unpool&pool=avg&in=5&k=3&s=2&p=1&step=3' },
  ...['matrix', 'checkerboard', 'roundtrip', 'gradient', 'code'].map((panel) => ({ name: `panel-${panel}`, query: `op=convT&in=3&k=3&s=2&panel=${panel}` })),
  { name: 'present', query: 'op=conv&present=1&step=2' },
  // A refused first choice: no picture, so nothing to narrate.
  { name: 'refused', query: 'in=3&k=7', refused: true },
  { name: 'refused-phone', query: 'in=3&k=7', refused: true, phone: true },
  {
    name: 'phone-sheet', query: 'op=conv', phone: true,
    open: async (page) => {
      await page.locator('.page-mode__sheet').click();
      await expect(page.locator('#settings form')).toBeVisible();
    },
  },
  {
    name: 'embed-dialog', query: 'op=conv',
    open: async (page) => {
      await page.locator('.share__button[aria-haspopup="dialog"]').click();
      await expect(page.locator('dialog.embed-dialog')).toBeVisible();
      // axe reads the preview's page too: let it finish drawing first.
      await expect(page.locator('dialog.embed-dialog iframe').contentFrame().getByRole('grid').first()).toBeVisible();
    },
  },
];

for (const lang of ['en', 'zh'] as const) {
  for (const view of VIEWS) {
    test(`axe (${lang}): zero violations, ${view.name}`, async ({ page }) => {
      if (view.phone) await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`?${view.query}&lang=${lang}`);
      if (view.refused) await expect(page.locator('.controls__error-title')).toBeVisible({ timeout: 30_000 });
      else await expect(page.getByRole('grid').first()).toBeVisible({ timeout: 30_000 });
      await view.open?.(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
}
