import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../scripts/preview.mjs';
const [,, query, mode = 'step', n = '20'] = process.argv;
const { url, stop } = await startPreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  if (process.env.NOHIST) await page.addInitScript(() => { history.replaceState = () => {}; });
  if (process.env.NOICON) await page.addInitScript(() => { new MutationObserver(() => document.querySelector('link[rel=icon]')?.remove()).observe(document, { childList: true, subtree: true }); });
  await page.goto(`${url}?${query}`);
  await page.getByText(/^Step \d+ of \d+$/).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  await page.evaluate(() => document.activeElement?.blur());
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'cc', 'gpu', 'v8'] });
  if (mode === 'step') {
    for (let i = 0; i < Number(n); i++) { await page.keyboard.press('ArrowRight'); await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))); }
  } else {
    const h = page.getByRole('spinbutton', { name: 'Input (height)' });
    const size = Number(await h.inputValue());
    for (let i = 0; i < Number(n); i++) { await h.fill(String(i % 2 ? size : size - 1)); await page.waitForTimeout(800); }
  }
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString());
  const agg = new Map();
  for (const e of traceEvents) if (e.ph === 'X' && e.dur) { const k = e.name; agg.set(k, (agg.get(k) ?? 0) + e.dur / 1000); }
  const count = (name) => traceEvents.filter((e) => e.name === name && e.ph === 'X').length;
  console.log('svg hosts', count('IsolatedSVGDocumentHost::IsolatedSVGDocumentHost'), 'same-doc navs', count('FrameLoader::updateForSameDocumentNavigation'));
  [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(v.toFixed(1).padStart(9), k));
} finally { await browser.close(); stop(); }
