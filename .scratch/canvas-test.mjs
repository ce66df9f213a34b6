import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/preview.mjs';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.setContent('<canvas id=c></canvas>');
console.log(await page.evaluate(async () => {
  const c = document.getElementById('c'); const out = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    c.width = 910 + (i % 2); c.height = 910 + (i % 2);
    const ctx = c.getContext('2d');
    const t1 = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const t2 = performance.now();
    for (let k = 0; k < 5000; k++) { ctx.fillStyle = `hsl(28 85% ${(k % 30) + 70}%)`; ctx.fillRect(k % 70 * 13, Math.floor(k / 70) * 13, 12, 12); }
    const t3 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    out.push([t1 - t0, t2 - t1, t3 - t2, performance.now() - t3].map((x) => x.toFixed(1)).join(' '));
  }
  return out.join('\n');
}));
await browser.close();
