/**
 * Issue 8, "Embedding", in real Chromium on the built app: `?embed=1` in an 800×500 frame shows
 * the animation (not the header and the form); the example host page, served from another
 * origin, embeds the app in `<iframe sandbox="allow-scripts">` and drives it through the whole
 * postMessage API, and the test reads the numbers the frame shows.
 * Expected numbers: PyTorch's ConvTranspose2d worked example ([[1,0],[2,1]] with
 * [[1,0,1],[0,1,1],[1,0,0]], stride 1 → [[1,0,1,0],[2,2,3,1],[1,2,3,1],[2,1,0,0]]); 5×5 ones
 * convolved with a 3×3 ones kernel is 9 everywhere (nine ones summed).
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { BOUNDS } from '../../src/store/urlParams';
import { open, readGrid, serveDist, watchConsole } from './helpers';

const CONV_ONES = 'op=conv&in=5&k=3&vals=ones';
const TORCH_CONVT = [[1, 0, 1, 0], [2, 2, 3, 1], [1, 2, 3, 1], [2, 1, 0, 0]];

test.describe('an 800×500 frame', () => {
  test.use({ viewport: { width: 800, height: 500 } });

  for (const lang of ['en', 'zh'] as const) {
    test(`?embed=1 shows the transport and the whole picture on the first screen, no header (${lang})`, async ({ page }) => {
      const { errors } = watchConsole(page);
      const words = lang === 'en' ? en : zh;
      await page.goto(`?${CONV_ONES}&embed=1&lang=${lang}`);
      const output = page.getByRole('grid', { name: words['grid.output'], exact: true });
      await expect(output).toBeVisible();
      await expect(page.getByRole('banner')).toHaveCount(0);
      await expect(page.getByRole('tablist', { name: words['panels.label'] })).toHaveCount(0);
      // The compact strip: the operation and the four sizes, no channel or value fields.
      const strip = page.getByRole('form', { name: words['controls.label'] });
      await expect(strip.getByRole('radiogroup', { name: words['op.label'] })).toBeVisible();
      await expect(strip.getByRole('group', { name: words['field.in'], exact: true })).toBeVisible();
      await expect(strip.getByRole('spinbutton', { name: words['vals.seed'] })).toHaveCount(0);
      for (const name of [words['transport.play'], words['transport.next']]) {
        expect(await page.getByRole('button', { name, exact: true }).boundingBox()).not.toBeNull();
      }
      const box = (await output.boundingBox())!;
      expect(box.y + box.height, 'the output grid ends inside the frame').toBeLessThanOrEqual(500);
      await page.keyboard.press('End');
      expect(await readGrid(page, words['grid.output'])).toEqual([[9, 9, 9], [9, 9, 9], [9, 9, 9]]);
      await page.keyboard.press('Home');
      await page.screenshot({ path: `test-results/screens/embed-800x500-${lang}.png` });
      expect(errors).toEqual([]);
    });

    test(`the framed page passes axe with no violation of any impact, and is named by a heading (${lang})`, async ({ page }) => {
      const words = lang === 'en' ? en : zh;
      await page.goto(`?${CONV_ONES}&embed=1&lang=${lang}`);
      await expect(page.getByRole('grid', { name: words['grid.output'], exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: words['app.title'], exact: true })).toHaveCount(1);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('controls=0 leaves the settings strip out; the picture moves up', async ({ page }) => {
    await open(page, `?${CONV_ONES}&embed=1&controls=0`);
    await expect(page.getByRole('form', { name: en['controls.label'] })).toHaveCount(0);
    await expect(page.getByRole('group', { name: en['transport.label'] })).toBeInViewport();
    await page.screenshot({ path: 'test-results/screens/embed-800x500-controls0.png' });
  });
});

/** What the example host page shows: its own outputs, read as text. */
const shown = (page: Page, id: string) => page.locator(`#${id}`);

/** Posts a message to the embedded frame, as a host page's script does. */
async function post(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (document.getElementById('app') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), message);
}

test('the example host page, on another origin, drives the sandboxed app through the whole API and reads its numbers', async ({ page, baseURL }) => {
  const host = await serveDist();
  try {
    const { errors } = watchConsole(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${host.url}embed-example.html?app=${encodeURIComponent(baseURL!)}`);
    expect(new URL(host.url).origin).not.toBe(new URL(baseURL!).origin);
    await expect(shown(page, 'ready')).toHaveText('yes');
    const frameEl = page.locator('#app');
    await expect(frameEl).toHaveAttribute('sandbox', 'allow-scripts');
    const frame = page.frameLocator('#app');
    const app = page.frames().find((f) => f.url().startsWith(baseURL!))!;
    // Sandboxed without allow-same-origin: the app runs with an opaque origin.
    expect(await app.evaluate(() => self.origin)).toBe('null');
    // There `new Worker(url)` is refused; the engine runs in the inline (blob) worker, not on the page's thread.
    expect(workers.filter((url) => url.startsWith('blob:null/'))).toHaveLength(1);
    const hostHistory = await page.evaluate(() => history.length);

    // set: the worked example's state, through the URL table (the button sends it).
    await page.getByRole('button', { name: 'Set: PyTorch ConvTranspose2d example' }).click();
    await expect(shown(page, 'step')).toHaveText('1 of 4 (scatter)');
    await expect(shown(page, 'state')).toContainText('"op": "convT"');
    await expect(frame.getByRole('grid', { name: 'Input', exact: true })).toBeVisible();

    // step by +1 / −1, then to the last step: the output the frame shows is PyTorch's.
    await page.getByRole('button', { name: 'Step +1' }).click();
    await expect(shown(page, 'step')).toHaveText('2 of 4 (scatter)');
    await page.getByRole('button', { name: 'Step +1' }).click();
    await expect(shown(page, 'step')).toHaveText('3 of 4 (scatter)');
    await page.getByRole('button', { name: 'Step −1' }).click();
    await expect(shown(page, 'step')).toHaveText('2 of 4 (scatter)');
    await post(page, { source: 'convarith', version: 1, type: 'step', to: 3 });
    await expect(shown(page, 'step')).toHaveText('4 of 4 (scatter)');
    const output = await readGrid(frame, 'Output');
    expect(output).toEqual(TORCH_CONVT);

    // play from the last step starts again from the first; pause stops (the frame's Play button says which).
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(frame.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(frame.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');

    // get: the whole URL state, every key.
    await page.evaluate(() => ((document.getElementById('state') as HTMLElement).textContent = ''));
    await page.getByRole('button', { name: 'Get state' }).click();
    await expect(shown(page, 'state')).toContainText('"x": "1,0,2,1"');
    const state = JSON.parse((await shown(page, 'state').textContent()) ?? '{}') as Record<string, string>;
    expect(state).toMatchObject({ op: 'convT', fw: 'torch', in: '2', k: '3', s: '1', p: '0', w: '1,0,1,0,1,1,1,0,0', lang: 'en', controls: '1' });

    // resize: the host sized the frame to the app's height.
    const height = await app.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect(frameEl).toHaveAttribute('height', String(height));
    await expect(shown(page, 'height')).toHaveText(`${height} px`);

    // error: a bad value is refused with the key, the value and what would work, and changes nothing.
    await post(page, { source: 'convarith', version: 1, type: 'set', state: { k: '99', in: '3' } });
    await expect(shown(page, 'error')).toHaveText(`bad-value: k must be a whole number from 1 to ${BOUNDS.k.max}, or height x width such as 1x${BOUNDS.k.max}.`);
    await page.getByRole('button', { name: 'Get state' }).click();
    await expect(shown(page, 'state')).toContainText('"in": "2"');

    // The frame only ever replaced its own history entry: the host page's history did not grow.
    expect(await page.evaluate(() => history.length)).toBe(hostHistory);
    await page.screenshot({ path: 'test-results/screens/embed-example-host.png', fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await host.close();
  }
});

test('without an origin the app hears its parent only; with one, that origin only (and says nothing to others)', async ({ page, baseURL }) => {
  // A page of the same server hosts two sandboxed frames: one without origin, one naming another origin.
  await page.route('**/two-frames.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe id="a" title="a" sandbox="allow-scripts" width="600" height="300" src="${baseURL}?embed=1&in=4"></iframe>`
        + `<iframe id="b" title="b" sandbox="allow-scripts" width="600" height="300" src="${baseURL}?embed=1&in=4&origin=https://course.example.org"></iframe>`,
    }),
  );
  await page.goto('two-frames.html');
  await page.evaluate(() => {
    const log: string[] = [];
    Object.assign(window, { heard: log });
    window.addEventListener('message', (e) => log.push(`${e.source === (document.getElementById('a') as HTMLIFrameElement).contentWindow ? 'a' : 'b'}:${(e.data as { type: string }).type}`));
  });
  const frameA = page.frameLocator('#a');
  const frameB = page.frameLocator('#b');
  await expect(frameA.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  await expect(frameB.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  await page.evaluate(() => {
    for (const id of ['a', 'b']) {
      (document.getElementById(id) as HTMLIFrameElement).contentWindow!.postMessage({ source: 'convarith', version: 1, type: 'set', state: { in: '6' } }, '*');
    }
  });
  // Frame a (its parent spoke) follows: 6×6 input, 3×3 kernel → 4×4. Frame b hears a stranger and stays 4×4 → 2×2.
  await expect.poll(async () => (await readGrid(frameA, 'Output')).length).toBe(4);
  await expect.poll(() => page.evaluate(() => (window as Window & { heard?: string[] }).heard?.includes('a:state'))).toBe(true);
  expect(await readGrid(frameB, 'Output')).toHaveLength(2);
  // Frame b posts only to https://course.example.org, so this page never hears it.
  expect(await page.evaluate(() => (window as Window & { heard?: string[] }).heard?.filter((h) => h.startsWith('b:')))).toEqual([]);
});
