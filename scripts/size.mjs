// Prints the gzipped JavaScript the first page loads and fails above the budget, measured twice:
// statically (the entry script and its modulepreloads in index.html) and in Chromium, which opens
// the default page (/) of the built app and sums every script the page itself requests until the
// picture is drawn and the network is idle. The second catches a lazily imported chunk the first
// page loads anyway right after start, which the static check cannot see. The engine's worker
// runs off the main thread and is printed beside the total, not counted in it.
//   node scripts/size.mjs [dist]        (after `vite build`; needs /usr/bin/chromium)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './preview.mjs';

const BUDGET_KB = 100;
const dist = process.argv[2] ?? 'dist';
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);

function staticCheck() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  if (refs.length === 0) {
    console.error(`size: no script found in ${dist}/index.html (run \`vite build\` first)`);
    process.exit(1);
  }
  let total = 0;
  for (const ref of new Set(refs)) {
    const bytes = gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
    total += bytes;
    console.log(`${kb(bytes)} KB  ${ref}`);
  }
  console.log(`${kb(total)} KB  gzipped JavaScript in index.html (entry + modulepreloads)`);
  return total;
}

async function browserCheck() {
  const { chromium } = await import('playwright-core');
  const { url, stop } = await startPreview(dist);
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const workers = new Set();
    page.on('worker', (w) => workers.add(w.url()));
    const bodies = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) bodies.push(r.body().then((b) => ({ url: r.url(), bytes: gzipSync(b).length })));
    });
    await page.goto(url);
    await page.getByRole('grid', { name: 'Output', exact: true }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    let pageTotal = 0;
    let workerTotal = 0;
    for (const { url: u, bytes } of await Promise.all(bodies)) {
      const worker = workers.has(u);
      if (worker) workerTotal += bytes;
      else pageTotal += bytes;
      console.log(`${kb(bytes)} KB  ${new URL(u).pathname}${worker ? '  (worker, not counted)' : ''}`);
    }
    console.log(`${kb(pageTotal)} KB  gzipped JavaScript the default page loads in Chromium (plus ${kb(workerTotal).trim()} KB in its worker)`);
    return pageTotal;
  } finally {
    await browser?.close();
    stop();
  }
}

const staticBytes = staticCheck();
let measured = staticBytes;
if (existsSync(CHROMIUM)) measured = await browserCheck();
else console.warn(`size: no ${CHROMIUM} (sh scripts/ensure-chromium.sh installs it): only the static check ran`);
const worst = Math.max(staticBytes, measured) / 1024;
console.log(`${worst.toFixed(1).padStart(7)} KB  gzipped JavaScript on first load (budget ${BUDGET_KB} KB)`);
if (worst > BUDGET_KB) {
  console.error(`size: over budget by ${(worst - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
