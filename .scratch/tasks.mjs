import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../scripts/preview.mjs';
const [,, query] = process.argv;
const { url, stop } = await startPreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}?${query}`);
  await page.getByText(/^Step \d+ of \d+$/).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500);
  const h = page.getByRole('spinbutton', { name: 'Input (height)' });
  const size = Number(await h.inputValue());
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'] });
  await h.fill(String(size - 1));
  await page.waitForTimeout(1500);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const main = traceEvents.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 5000).sort((a, b) => a.ts - b.ts);
  const t0 = main[0]?.ts ?? 0;
  for (const task of main) {
    const kids = traceEvents.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e.ph === 'X' && e.dur > 2000 && !e.name.includes('RunTask'));
    console.log(`+${((task.ts - t0) / 1000).toFixed(0)} ms: task ${(task.dur / 1000).toFixed(1)} ms tid ${task.tid}: ` + kids.map((k) => `${k.name}${k.args?.data?.functionName ? '(' + k.args.data.functionName + ')' : ''} ${(k.dur / 1000).toFixed(1)}`).slice(0, 8).join(', '));
  }
} finally { await browser.close(); stop(); }
