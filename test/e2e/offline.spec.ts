/**
 * Offline mode in real Chromium on the built app: after one visit the service worker answers
 * every request, so with the browser context offline the page reloads, opens other addresses and
 * computes; a new version waits for the learner's "Reload" and never interrupts a lesson; a
 * sandboxed iframe, where no service worker can run, embeds the app without an error.
 * Expected numbers: 5×5 ones with a 3×3 ones kernel gives 9 everywhere (nine ones summed); the
 * transposed example is the TensorFlow tutorial's (3×3 ones to 5×5, k=3, s=2, SAME: the outer
 * product of [1,2,1,2,1]).
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, outer, readGrid, screenshot, serveDist, watchConsole } from './helpers';

const CONV_ONES = '?op=conv&in=5&k=3&vals=ones';
const CONVT_TF = '?op=convT&fw=tf&in=3&k=3&s=2&p=same&out=5&vals=ones';
const NINES = [[9, 9, 9], [9, 9, 9], [9, 9, 9]];
const READY = 'A new version of ConvArith is ready.';

/** Resolves once a service worker controls `page` (the first visit's worker claims it on activation). */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const sw = navigator.serviceWorker;
        if (sw.controller) resolve();
        else sw.addEventListener('controllerchange', () => resolve(), { once: true });
      }),
  );
}

test('after one visit the app works offline: a reload, other addresses, a step', async ({ page, context }) => {
  const { errors } = watchConsole(page);
  await open(page, CONV_ONES);
  await untilControlled(page);
  await context.setOffline(true);

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual(NINES);

  // Another address, whose view loads lazily: its chunk comes from the cache too.
  await open(page, CONVT_TF);
  await page.keyboard.press('End');
  expect(await readGrid(page, 'Output')).toEqual(outer([1, 2, 1, 2, 1], [1, 2, 1, 2, 1]));

  // The embedded page is the same page with another address.
  await open(page, `${CONV_ONES}&embed=1`);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=1/);
  await screenshot(page, 'offline-embed-1280');
  expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), 'console errors').toEqual([]);
});

test('a sandboxed iframe (origin null, no service worker) embeds the app without an error', async ({ page, baseURL }) => {
  const { errors } = watchConsole(page);
  // A module script in an opaque-origin frame is a CORS request: the host must allow it.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  // The host: a page of the same server, so the frame is a secure context whose origin is null.
  await page.route('**/host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe title="ConvArith" sandbox="allow-scripts" width="1200" height="700" src="${baseURL}${CONV_ONES}&embed=1"></iframe>` }),
  );
  await page.goto('host.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  const app = page.frames()[1];
  // The condition is real: reading navigator.serviceWorker throws in this frame.
  expect(await app.evaluate(() => {
    try {
      return typeof navigator.serviceWorker;
    } catch (e) {
      return e instanceof DOMException ? e.name : String(e);
    }
  })).toBe('SecurityError');
  // Registration waits for the load event; once it has fired, nothing was thrown.
  await app.waitForLoadState('load');
  expect(errors, 'console errors').toEqual([]);
});

/**
 * dist/ served on a free port, so the test can deploy "a new version": `deploy()` changes the
 * version sw.js announces, as a new build does, and the browser's next update check finds it.
 */
async function serveDeployable(): Promise<{ url: string; deploy: (version: string) => void; close: () => Promise<void> }> {
  let version: string | null = null;
  const server = await serveDist((path, body) =>
    path === '/sw.js' && version !== null ? body.toString().replace(/"version":"\w+"/, `"version":"${version}"`) : body,
  );
  return { ...server, deploy: (v) => (version = v) };
}

/** Asks the browser to look for a new service worker now and resolves once it is installed. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
    const worker = registration?.installing;
    if (!worker) return;
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve()));
  });
}

test('a new version is offered and never forced: the lesson keeps going until "Reload" in its own tab', async ({ browser }) => {
  // Two pages, two service-worker installs (each caches the whole build) and a reload: slow on a busy machine.
  test.setTimeout(300_000);
  const server = await serveDeployable();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const lesson = await context.newPage();
    const { errors } = watchConsole(lesson);
    await open(lesson, CONV_ONES);
    await untilControlled(lesson);
    await lesson.keyboard.press('End');
    await expect(lesson).toHaveURL(/step=8/);
    await lesson.evaluate(() => Object.assign(window, { lessonMarker: true }));

    server.deploy('deployed2');
    await checkForUpdate(lesson);
    const banner = lesson.getByRole('status', { name: 'Updates' });
    await expect(banner.getByText(READY)).toBeVisible();
    await screenshot(lesson, 'offline-update-banner-1280');
    const { violations } = await new AxeBuilder({ page: lesson }).include('[role="status"][aria-label="Updates"]').analyze();
    expect(violations.map((v) => v.id), 'axe on the banner').toEqual([]);
    // Offered, not forced: same page (nothing reloaded), same step, the old version still in charge.
    expect(await lesson.evaluate(() => 'lessonMarker' in window)).toBe(true);
    await expect(lesson).toHaveURL(/step=8/);
    expect(await lesson.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');
    await banner.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(banner).toHaveText('');

    // A second tab is offered the same version; its "Reload" applies it there and reloads only that tab.
    const other = await context.newPage();
    await open(other, CONV_ONES);
    // The new version takes over once the old one has no request in flight (Chromium waits for
    // that after skipWaiting): let this page's lazy chunks arrive before asking for it.
    await other.waitForLoadState('networkidle');
    const reload = other.getByRole('status', { name: 'Updates' }).getByRole('button', { name: 'Reload' });
    const reloaded = other.waitForEvent('load');
    await reload.click();
    await reloaded;
    await expect(other.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
    await expect(other.getByRole('status', { name: 'Updates' })).toHaveText('');
    const caches = await other.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (worker && worker.state !== 'activated') await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      return window.caches.keys();
    });
    expect(caches, 'only the new version is kept').toEqual(['convarith-deployed2']);

    // The lesson tab was not reloaded and still computes.
    expect(await lesson.evaluate(() => 'lessonMarker' in window)).toBe(true);
    await lesson.keyboard.press('Home');
    await lesson.keyboard.press('End');
    expect(await readGrid(lesson, 'Output')).toEqual(NINES);
    expect(errors, 'console errors').toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
