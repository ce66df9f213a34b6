/**
 * Issue 8, "Hostile input", in real Chromium on the built app: a strict Content-Security-Policy
 * (in the page's <meta> and the server's header) that refuses inline script and eval; hostile
 * values in every URL key (the key list is the URL table's) and in every field of every message:
 * no script runs (a `window.__pwned` probe in the payloads, no dialog), nothing is written to the
 * console as an error, the picture (or a sentence about it) is always there, and each ignored
 * URL value is named in a note with what the key takes, long values cut visibly.
 */
import { expect, test, type Page } from '@playwright/test';
import { URL_KEYS } from '../../src/store/urlParams';
import { readGrid, watchConsole } from './helpers';

const PROBE = 'window.__pwned=1';
const LONG = 'A'.repeat(10_000);
/** Values no key accepts, each trying something else. */
const HOSTILE: readonly string[] = [
  `<script>${PROBE}</script>`,
  '<script>alert(1)</script>',
  `<img src=x onerror="${PROBE}">`,
  `"'><svg onload=${PROBE}>`,
  `javascript:${PROBE}`,
  '9'.repeat(400),
  '-3',
  '-5x-5',
  'NaN',
  'Infinity',
  '1e309',
  LONG,
  '\u202Egnp.exe',
  '5\u0000',
  '\u200B5',
  '🙂x🙂',
];

/** Fails the test if any dialog opens; returns the console errors. */
function guard(page: Page): { errors: string[] } {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  return watchConsole(page);
}

/** Opens `query` on the built app whatever its length (the page is fetched without it: the server limits the request line, the browser does not). */
async function openLong(page: Page, baseURL: string, query: string): Promise<void> {
  await page.route((url) => url.origin === new URL(baseURL).origin && url.pathname === new URL(baseURL).pathname && url.search !== '', async (route) =>
    route.fulfill({ response: await route.fetch({ url: baseURL }) }),
  );
  await page.goto(`${baseURL}?${query}`);
}

/** The notes about the address, as the learner reads them. */
const notes = (page: Page) => page.getByRole('status', { name: 'Notes about the address' }).getByRole('listitem');

test('the page carries a strict policy: no inline script, no eval, in the <meta> and the header (with frame-ancestors)', async ({ page }) => {
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self'");
  expect(header).toContain('frame-ancestors *');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('frame-ancestors');
  for (const policy of [header, meta!]) expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  // Script this page did not ship is refused: an inline <script> and an inline event handler do not run.
  // (Eval is refused by the policy's silence on 'unsafe-eval'; the browser exempts code run from its devtools, so it is not tried here.)
  const refused = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = 1');
    document.body.append(button);
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    return { ran: ['__inline', '__handler'].filter((name) => name in window), violations };
  });
  expect(refused.ran).toEqual([]);
  expect(refused.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

for (const value of HOSTILE) {
  const label = JSON.stringify(value.length > 40 ? `${value.slice(0, 12)}… (${value.length} characters)` : value);
  test(`every URL key set to ${label}: nothing runs, the picture stays, each key's note says what it takes`, async ({ page, baseURL }) => {
    const { errors } = guard(page);
    const query = new URLSearchParams(URL_KEYS.map((key) => [key, value])).toString();
    await openLong(page, baseURL!, query);
    // Every value was refused, so the page is the default picture.
    await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
    await expect(notes(page)).toHaveCount(URL_KEYS.length);
    const texts = await notes(page).allTextContents();
    for (const key of URL_KEYS) {
      const note = texts.find((text) => text.startsWith(`Ignored ${key}=`));
      expect(note, `a note about ${key}`).toBeDefined();
      // What the key takes is named (a range, a list of values, a count, an example)…
      expect(note).toMatch(/from -?\d+ to \d+|one of |numbers separated by commas|worked example|https:\/\/example\.org/);
      // …a long value is cut, visibly, and invisible characters are spelled out.
      expect(note!.length).toBeLessThan(400);
      if (value === LONG) expect(note).toContain('(10000 characters)');
      const invisible = ['\u0000', '\u200B', '\u202E'].find((c) => value.includes(c));
      if (invisible) expect(note).toContain(`<U+${invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
    }
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
    if (value === LONG || value === HOSTILE[0] || value.startsWith('\u202E')) await page.screenshot({ path: `test-results/screens/hostile-${HOSTILE.indexOf(value)}.png` });
    expect(errors).toEqual([]);
  });
}

test('hostile keys and an embedded page with hostile values: the notes name them, the picture stays', async ({ page, baseURL }) => {
  const { errors } = guard(page);
  const query = new URLSearchParams([
    ['embed', '1'], ['__proto__', '1'], ['constructor', 'x'], [`<img src=x onerror="${PROBE}">`, '1'], ...URL_KEYS.filter((k) => k !== 'embed').map((k) => [k, `<script>${PROBE}</script>`]),
  ]).toString();
  await openLong(page, baseURL!, query);
  await expect(page.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  await expect(notes(page)).toHaveCount(URL_KEYS.length - 1 + 3);
  await expect(notes(page).filter({ hasText: 'Ignored __proto__ in the address' })).toHaveCount(1);
  expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  expect(errors).toEqual([]);
});

/** A hostile message and what it tries. */
interface Attempt {
  readonly label: string;
  readonly message: unknown;
}

function attempts(): Attempt[] {
  const envelope = { source: 'convarith', version: 1 };
  const odd: readonly unknown[] = [...HOSTILE, -1, 2, 1.5, NaN, Infinity, -Infinity, 1e308, null, true, [], {}, [1, 2], { toString: 'x' }];
  const list: Attempt[] = [
    { label: 'a string', message: 'set in=6' },
    { label: 'null', message: null },
    { label: 'an array', message: [envelope] },
  ];
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 20) : JSON.stringify(v) ?? String(v));
  for (const v of odd) {
    list.push({ label: `type ${text(v)}`, message: { ...envelope, type: v } });
    list.push({ label: `version ${text(v)}`, message: { ...envelope, version: v, type: 'set', state: { in: '6' } } });
    list.push({ label: `source ${text(v)}`, message: { ...envelope, source: v, type: 'set', state: { in: '6' } } });
    // An empty state is a set that changes nothing (answered with the state alone); 2 is a step number and a size.
    if (!(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) {
      list.push({ label: `state ${text(v)}`, message: { ...envelope, type: 'set', state: v } });
    }
    if (v !== 2) list.push({ label: `step to ${text(v)}`, message: { ...envelope, type: 'step', to: v } });
    if (v !== 2 && v !== -1) list.push({ label: `step by ${text(v)}`, message: { ...envelope, type: 'step', by: v } });
    if (typeof v === 'string') list.push({ label: `state key ${text(v)}`, message: { ...envelope, type: 'set', state: { [v]: '6' } } });
    if (v !== 2) for (const key of URL_KEYS) list.push({ label: `state ${key}=${text(v)}`, message: { ...envelope, type: 'set', state: { [key]: v } } });
  }
  list.push({ label: 'step with both to and by', message: { ...envelope, type: 'step', to: 1, by: 1 } });
  list.push({ label: 'step with neither', message: { ...envelope, type: 'step' } });
  return list;
}

test('hostile messages in every field are each answered with an error and change nothing', async ({ page, baseURL }) => {
  const { errors } = guard(page);
  await page.route('**/hostile-host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe id="app" title="app" sandbox="allow-scripts" width="900" height="600" src="${baseURL}?embed=1&vals=ones"></iframe>` }),
  );
  await page.goto('hostile-host.html');
  const frame = page.frameLocator('#app');
  await expect(frame.getByRole('grid', { name: 'Output', exact: true })).toBeVisible();
  const before = await readGrid(frame, 'Output');
  const list = attempts();
  const results = await page.evaluate(async (messages) => {
    const app = (document.getElementById('app') as HTMLIFrameElement).contentWindow!;
    const inbox: { type: string; code?: string; query?: string }[] = [];
    window.addEventListener('message', (e) => {
      if (e.source === app) inbox.push(e.data as { type: string });
    });
    /** Posts `m`, then a `get`, and returns what came back until the get's state. */
    const exchange = (m: unknown) =>
      new Promise<{ type: string; code?: string; query?: string }[]>((resolve) => {
        const start = inbox.length;
        app.postMessage(m, '*');
        app.postMessage({ source: 'convarith', version: 1, type: 'get' }, '*');
        const check = () => {
          const got = inbox.slice(start);
          if (got.some((x) => x.type === 'state')) resolve(got);
          else setTimeout(check, 5);
        };
        check();
      });
    const first = await exchange({ source: 'convarith', version: 1, type: 'get' });
    const query = first.find((x) => x.type === 'state')!.query;
    const out: { label: string; errors: number; codes: string[]; stateChanged: boolean }[] = [];
    for (const { label, message } of messages) {
      const got = await exchange(message);
      const state = got.find((x) => x.type === 'state')!;
      out.push({ label, errors: got.filter((x) => x.type === 'error').length, codes: got.filter((x) => x.type === 'error').map((x) => x.code!), stateChanged: state.query !== query });
    }
    return out;
  }, list);
  expect(results).toHaveLength(list.length);
  for (const r of results) {
    expect(r.errors, `${r.label}: answered with an error`).toBeGreaterThan(0);
    expect(r.stateChanged, `${r.label}: nothing changed`).toBe(false);
  }
  expect(await readGrid(frame, 'Output')).toEqual(before);
  const app = page.frames().find((f) => f.url().startsWith(baseURL!))!;
  expect(await app.evaluate(() => '__pwned' in window)).toBe(false);
  expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  expect(errors).toEqual([]);
});
