/**
 * The framework code panel in real Chromium: the PyTorch and TensorFlow scripts of the
 * worked example torch-convT-2x2 (PyTorch ConvTranspose2d: input [[1,0],[2,1]], kernel
 * [[1,0,1],[0,1,1],[1,0,0]]) are valid Python by python3's own parser, and Copy puts the
 * shown text on the clipboard.
 */
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { open, screenshot, watchConsole } from './helpers';

const QUERY = '?op=convT&fw=torch&in=2&k=3&x=1,0,2,1&w=1,0,1,0,1,1,1,0,0&panel=code';
const PARSE = 'import ast, sys\nast.parse(sys.stdin.read())';

/** python3's verdict: null when the text parses, else its error output. */
function pythonSyntaxError(source: string): string | null {
  const r = spawnSync('python3', ['-c', PARSE], { input: source, encoding: 'utf8' });
  if (r.error) throw new Error(`This test needs python3 on PATH to parse the generated code: ${r.error.message}`);
  return r.status === 0 ? null : r.stderr;
}

const codeOf = async (page: Page, name: string): Promise<string> => {
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  return (await region.textContent()) ?? '';
};

let consoleWatch: { errors: string[] };

test.beforeEach(({ page }) => {
  consoleWatch = watchConsole(page);
});

test.afterEach(() => {
  expect(consoleWatch.errors, 'console errors').toEqual([]);
});

test('the PyTorch code of torch-convT-2x2 is valid Python with the example written out', async ({ page }) => {
  await open(page, QUERY);
  const torch = await codeOf(page, 'PyTorch code');
  expect(torch).toContain('y = F.conv_transpose2d(\n    x, w, stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1, dilation=(1, 1),\n)');
  expect(torch).toContain('    [[[[1, 0],\n       [2, 1]]]],');
  expect(pythonSyntaxError(torch)).toBeNull();
  // The parser can fail: the same text cut mid-call is refused.
  expect(pythonSyntaxError(torch.slice(0, torch.indexOf('dilation=(1, 1),')))).not.toBeNull();
  await screenshot(page, 'code-torch-1280');
});

test('the TensorFlow code of torch-convT-2x2 is valid Python', async ({ page }) => {
  await open(page, QUERY);
  const tf = await codeOf(page, 'TensorFlow code');
  expect(tf).toContain("full = tf.nn.conv2d_transpose(\n    x, filters, output_shape=[1, 4, 4, 1], strides=[1,1,1,1], padding='VALID',\n)");
  expect(pythonSyntaxError(tf)).toBeNull();
});

test('Copy puts exactly the shown PyTorch code on the clipboard and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
  await open(page, QUERY);
  const torch = await codeOf(page, 'PyTorch code');
  await page.getByRole('button', { name: 'Copy PyTorch code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied PyTorch code to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(torch);
});

test('the code panel fits a phone: no sideways scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, QUERY);
  await codeOf(page, 'PyTorch code');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'code-torch-390');
});
