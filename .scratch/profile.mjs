import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from '../scripts/preview.mjs';
const [,, query, mode = 'step', n = '20'] = process.argv;
const { url, stop } = await startPreview();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`${url}?${query}`);
  await page.getByText(/^Step \d+ of \d+$/).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => document.activeElement?.blur());
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  if (mode === 'step') {
    for (let i = 0; i < Number(n); i++) { await page.keyboard.press('ArrowRight'); await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))); }
  } else {
    const h = page.getByRole('spinbutton', { name: 'Input (height)' });
    const size = Number(await h.inputValue());
    for (let i = 0; i < Number(n); i++) { await h.fill(String(i % 2 ? size : size - 1)); await page.waitForTimeout(800); }
  }
  const wall = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const dt = profile.timeDeltas; let total = 0;
  profile.samples.forEach((id, i) => {
    const nd = byId.get(id); const f = nd.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); total += (dt[i] ?? 0) / 1000;
  });
  const parent = new Map();
  for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd);
  const callers = new Map();
  profile.samples.forEach((id, i) => {
    const nd = byId.get(id); if (!['set value', 'matchMedia', 'measureText', '(program)'].includes(nd.callFrame.functionName || nd.callFrame.url)) return;
    const chain = []; let p = parent.get(id);
    for (let j = 0; j < 4 && p; j++) { chain.push(`${p.callFrame.functionName || '(anon)'}:${p.callFrame.lineNumber}`); p = parent.get(p.id); }
    const key = `${nd.callFrame.functionName} <- ${chain.join(' <- ')}`;
    callers.set(key, (callers.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12).forEach(([k, v]) => console.log('CALLER', v.toFixed(1).padStart(8), k));
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set(); let nd = byId.get(id);
    while (nd) { const f = nd.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`; if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0) / 1000); } nd = parent.get(nd.id); }
  });
  [...incl].filter(([k]) => !/index-[^:]*:(1[0-9]{3}|[2-9][0-9]{3}|[0-9]{1,3})$/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log('INCL', v.toFixed(1).padStart(8), k));
  console.log(`wall ${wall} ms, sampled ${total.toFixed(0)} ms`);
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
} finally { await browser.close(); stop(); }
