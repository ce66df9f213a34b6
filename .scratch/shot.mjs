import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../scripts/preview.mjs';
const [,, query, out, w = '1920', h = '1080'] = process.argv;
const { url, stop } = await startPreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(`${url}?${query}`);
  await page.getByText(/^Step \d+ of \d+$|^第/).first().waitFor({ timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, fullPage: true });
} finally { await browser.close(); stop(); }
