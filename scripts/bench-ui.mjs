// `npm run bench:ui`: how fast the BUILT app answers, measured in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core) on `vite preview` at a free port. Prints figures
// only; slowness never fails it (a broken page does).
//
//   node scripts/bench-ui.mjs [--cpu 4] [--steps 50] [--warmup 10] [--changes 12] [--play 5] [--only conv] [--dist dist]
//
// - One step: ArrowRight → the first frame after the DOM changed. In the page, a capture-phase
//   keydown listener starts the clock at the event's time stamp, a MutationObserver on the page
//   waits for the first change, then requestAnimationFrame + setTimeout(0) stop it after the
//   frame that shows it. p50 / p95 over `--steps` steps after `--warmup` unmeasured ones, per
//   scenario (a scenario is a URL: operation, sizes, view).
// - A parameter change: typing a new input height in the form → the frame after the last DOM
//   change it causes (the shape at once, the numbers when the worker answers), waiting until
//   the page has been quiet for QUIET_MS. Each change is to a size not shown before (n − 1,
//   n − 2, …), so the worker computes every one and every grid is drawn at a new size.
// - Playback from the first step at the top speed for `--play` seconds: the long tasks (> 50 ms, PerformanceObserver
//   'longtask') and how many steps the animation really advanced.
// - Image mode (op=image, the 512×512 RGB scene): a 3×3 convolution and the ×2 transposed
//   convolutions (k = 3 and k = 4) computed in the worker, `--image-runs` times each: the job's
//   milliseconds in the worker (as the page reports them), and the long tasks on the main thread
//   from the change of setting to the drawn result (drawing the pictures included). Budgets
//   printed beside the figures (conv ≤ 150 ms, ×2 ≤ 300 ms); they never fail the run.
// - CPU time beside the clock: on a shared machine a task's wall time counts the time the
//   page's thread waited for a core, so the playback and the parameter changes are also traced
//   (Chromium's trace, 'devtools.timeline') and the page's main thread's own CPU time is printed:
//   per change (main thread and engine worker), and per long task (how many of the long tasks
//   also took > 50 ms of CPU, i.e. would be long on an idle machine). The wall figures stay the
//   measure; the CPU figures say how much of them is the page's own work.
// - `--cpu 4` slows the page's CPU 4× (CDP Emulation.setCPUThrottlingRate): a weak school laptop.
//
// Scenarios the page does not offer (an input above the URL's bound, a grid too large to draw)
// are printed as "not available" with the page's reason, never measured half-way.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './preview.mjs';

const VIEWPORT = { width: 1920, height: 1080 };
/** A parameter change is over once the DOM has not changed for this long. */
const QUIET_MS = 1000;
/** The longest a step or a change may take before it counts as broken (not slow: broken). */
const STALL_MS = 30_000;

const { values: opts } = parseArgs({
  options: {
    cpu: { type: 'string', default: '1' },
    steps: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '10' },
    changes: { type: 'string', default: '12' },
    play: { type: 'string', default: '5' },
    /** Runs of each image-mode job. */
    'image-runs': { type: 'string', default: '5' },
    /** Only the scenarios whose name contains this text. */
    only: { type: 'string', default: '' },
    /** The build to serve. */
    dist: { type: 'string', default: 'dist' },
  },
});
const CPU_RATE = Number(opts.cpu);
const STEPS = Number(opts.steps);
const WARMUP = Number(opts.warmup);
const CHANGES = Number(opts.changes);
const PLAY_S = Number(opts.play);
for (const [name, v] of Object.entries({ cpu: CPU_RATE, steps: STEPS, warmup: WARMUP, changes: CHANGES, play: PLAY_S })) {
  if (!Number.isFinite(v) || v < (name === 'cpu' ? 1 : 0)) {
    console.error(`bench:ui: --${name} must be a number${name === 'cpu' ? ' ≥ 1' : ' ≥ 0'}`);
    process.exit(2);
  }
}

/** The scenarios: a name and the query string that opens it. */
const SIZES = [32, 64];
// Each change is one size smaller, from the smallest scenario's size (the scatter's 24).
if (!Number.isInteger(CHANGES) || CHANGES < 1 || CHANGES > 20) {
  console.error('bench:ui: --changes must be a whole number from 1 to 20 (each change is one size smaller)');
  process.exit(2);
}
const scenarios = SIZES.flatMap((n) => [
  { name: `conv ${n}×${n} k7 p3`, query: `op=conv&in=${n}&k=7&p=3`, size: n },
  { name: `transposed direct ${n}×${n} k7`, query: `op=convT&in=${n}&k=7&view=direct`, size: n },
  { name: `scatter ${n === 32 ? 24 : n}×${n === 32 ? 24 : n} k5 s2`, query: `op=convT&in=${n === 32 ? 24 : n}&k=5&s=2&view=scatter`, size: n === 32 ? 24 : n },
  { name: `unpooling ${n}×${n}`, query: `op=unpool&in=${n}`, size: n },
]).filter((s) => s.name.includes(opts.only));

/**
 * Image mode's jobs: the address, and the settings the bench switches between so that each run
 * is a fresh job (the first differs from the address); only the `measured` ones count.
 */
const IMAGE_RUNS = Math.max(1, Number(opts['image-runs']) || 5);
const imageScenarios = [
  { name: 'image conv 512×512 RGB 3×3', query: 'op=image&kern=gauss&p=1', budget: 150, cycle: [['kernel', 'box', true], ['kernel', 'gauss', true]] },
  { name: 'image ×2 transposed 512×512 RGB', query: 'op=image&task=convT', budget: 300, cycle: [['color', 'grey', false], ['color', 'rgb', true]] },
].filter((s) => s.name.includes(opts.only));

const machine = () => {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min) on ${availableParallelism()} CPUs`;
};
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/**
 * Installed in the page before its own scripts: the step clock (keydown → first DOM change →
 * next frame), the change clock (input → the frame after the last DOM change), long tasks.
 */
function instrument(quietMs) {
  const bench = { steps: [], changes: [], changeStarts: [], longTasks: [] };
  window.__bench = bench;
  const afterFrame = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  const watch = (onMutation) => {
    const observer = new MutationObserver(onMutation);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    return observer;
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'ArrowRight') return;
      const t0 = e.timeStamp;
      const observer = watch(() => {
        observer.disconnect();
        afterFrame(() => bench.steps.push(performance.now() - t0));
      });
    },
    { capture: true },
  );
  // One change may fire several input events (a field cleared, then filled): the first starts
  // the clock, the others only extend the wait for quiet.
  let changing = false;
  document.addEventListener(
    'input',
    (e) => {
      if (changing) return;
      changing = true;
      const t0 = e.timeStamp;
      let last = null;
      let quiet = 0;
      const settle = () => {
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          observer.disconnect();
          changing = false;
          bench.changeStarts.push(t0);
          bench.changes.push(last === null ? null : last - t0);
        }, quietMs);
      };
      const observer = watch(() => afterFrame(() => {
        last = performance.now();
        settle();
      }));
      settle();
    },
    { capture: true },
  );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * The top-level tasks (start in the page's performance.now() ms, wall and CPU ms) of the page's
 * main thread and of its dedicated workers (the engine), from a trace taken with
 * TRACE_CATEGORIES. `offsetUs` turns the trace's clock into performance.now() (see `traced`).
 */
function traceTasks(traceEvents, offsetUs) {
  const names = new Map();
  for (const e of traceEvents) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's main thread: the renderer main thread that ran the page's script.
  const mainKey = [...names].find(([k, v]) => v === 'CrRendererMain' && traceEvents.some((e) => `${e.pid}:${e.tid}` === k && e.name === 'FunctionCall'))?.[0];
  const pid = mainKey?.split(':')[0];
  const tasks = { main: [], worker: [] };
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || typeof e.tdur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    const into = key === mainKey ? tasks.main : String(e.pid) === pid && /DedicatedWorker/.test(names.get(key) ?? '') ? tasks.worker : null;
    into?.push({ start: (e.ts - offsetUs) / 1000, wall: e.dur / 1000, cpu: e.tdur / 1000 });
  }
  return tasks;
}

/**
 * Runs `what` with the page traced; resolves with its result and the traced tasks. A user
 * timing mark made during the trace ties the trace's clock to the page's performance.now().
 */
async function traced(page, what) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'blink.user_timing'] });
  const markNow = await page.evaluate(() => performance.mark('bench-anchor').startTime);
  const result = await what();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const mark = traceEvents.find((e) => e.name === 'bench-anchor' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'n' || e.ph === 'b'));
  if (!mark) throw new Error('the trace has no bench-anchor mark');
  return { result, tasks: traceTasks(traceEvents, mark.ts - markNow * 1000) };
}

/** Resolves with `window.__bench[key][index]` once it exists (null: a change that changed nothing). */
async function nextSample(page, key, index) {
  await page.waitForFunction(([k, i]) => window.__bench[k].length > i, [key, index], { timeout: STALL_MS, polling: 50 });
  return page.evaluate(([k, i]) => window.__bench[k][i], [key, index]);
}

/** Why the page cannot show `scenario`, or null when its picture is there. */
async function unavailable(page, scenario) {
  const output = page.getByRole('grid', { name: 'Output', exact: true }).first();
  const refusal = page.locator('form [role="alert"]').first();
  await Promise.race([output.waitFor({ timeout: STALL_MS }), refusal.waitFor({ timeout: STALL_MS })]);
  const height = page.getByRole('spinbutton', { name: 'Input (height)' });
  const shown = Number(await height.inputValue());
  if (shown !== scenario.size) {
    const max = await height.getAttribute('max');
    return `input capped at ${max}`;
  }
  if (await refusal.isVisible()) {
    const text = (await refusal.locator('p').first().textContent()) ?? '';
    return `the page refuses it: ${text.split(/(?<=\.)\s/)[0]}`;
  }
  return null;
}

/**
 * Opens a scenario fresh (throttled again when asked), with nothing focused, once it can step:
 * the keyboard ignores keys until the view's step plan has loaded, which its transport's
 * "Step i of n" shows.
 */
async function open(page, cdp, base, scenario) {
  await page.goto(`${base}?${scenario.query}`);
  if (CPU_RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  const reason = await unavailable(page, scenario);
  if (!reason) await page.getByText(/^Step \d+ of \d+$/).first().waitFor({ timeout: STALL_MS });
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  return reason;
}

/**
 * The active view's step, read from the address once it has caught up: it takes fast steps at
 * most every 250 ms, each when the page is idle or 250 ms later (400 ms read a step behind).
 */
const activeStep = async (page) => {
  await page.waitForTimeout(700);
  return Number(new URL(page.url()).searchParams.get('step') ?? 0);
};

async function measureSteps(page) {
  const from = await activeStep(page);
  const times = [];
  for (let i = 0; i < WARMUP + STEPS; i++) {
    await page.keyboard.press('ArrowRight');
    const t = await nextSample(page, 'steps', i);
    if (i >= WARMUP) times.push(t);
  }
  return { times, from, to: await activeStep(page) };
}

/** The CPU ms of the traced `tasks` that overlap [from, to] (page ms), or null when none does. */
function cpuOver(tasks, from, to) {
  const overlapping = tasks.filter((t) => t.start < to && t.start + t.wall > from);
  return overlapping.length ? overlapping.reduce((sum, t) => sum + t.cpu, 0) : null;
}

/**
 * Types the input height one less each time (every change a picture not shown before): each
 * change's time, and the CPU the page's main thread and the engine worker spent on it (input →
 * its last frame).
 */
async function measureChanges(page, scenario) {
  const height = page.getByRole('spinbutton', { name: 'Input (height)' });
  const { tasks } = await traced(page, async () => {
    for (let i = 0; i < CHANGES; i++) {
      await height.fill(String(scenario.size - 1 - i));
      await nextSample(page, 'changes', i);
    }
  });
  const { changes, changeStarts } = await page.evaluate(() => window.__bench);
  const seen = changes.flatMap((t, i) => (t === null ? [] : [{ t, from: changeStarts[i] }]));
  return {
    times: seen.map(({ t }) => t),
    cpu: {
      main: seen.map(({ t, from }) => cpuOver(tasks.main, from, from + t) ?? 0),
      worker: seen.map(({ t, from }) => cpuOver(tasks.worker, from, from + t) ?? 0),
    },
  };
}

/** Plays the active view from its first step at the top speed for PLAY_S seconds (Space starts and stops it). */
async function measurePlayback(page) {
  const speed = page.getByRole('combobox', { name: 'Speed' }).first();
  const options = await speed.locator('option').evaluateAll((els) => els.map((el) => Number(el.value)));
  const top = Math.max(...options);
  await speed.selectOption(String(top));
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  // From the first step: a view's stages (zero insertion, the kernel, the sweep) all play.
  await page.keyboard.press('Home');
  const from = await activeStep(page);
  const { result: before, tasks: trace } = await traced(page, async () => {
    const before = await page.evaluate(() => ({ now: performance.now(), tasks: window.__bench.longTasks.length }));
    await page.keyboard.press('Space');
    await page.waitForTimeout(PLAY_S * 1000);
    await page.keyboard.press('Space');
    // Long tasks are reported after they end: give the last one a moment.
    await page.waitForTimeout(200);
    return before;
  });
  const tasks = await page.evaluate(({ now, tasks }) => window.__bench.longTasks.slice(tasks).filter((t) => t.start >= now), before);
  // Each long task's own CPU: the traced main-thread tasks it spans (a long task the trace does
  // not show counts as the page's own, never as contention).
  const cpu = tasks.map((lt) => cpuOver(trace.main.filter((t) => t.wall > 5), lt.start, lt.start + lt.duration));
  const busiest = Math.max(0, ...trace.main.filter((t) => t.start >= before.now).map((t) => t.cpu));
  return { top, tasks, cpu, busiest, advanced: (await activeStep(page)) - from };
}

/** Switches image mode's setting `[what, value]` and waits for the new result: its worker time and the long tasks meanwhile. */
async function imageRun(page, [what, value]) {
  const t0 = await page.evaluate(() => {
    document.querySelector('[data-ms]')?.setAttribute('data-seen', '');
    return performance.now();
  });
  if (what === 'kernel') await page.getByRole('combobox', { name: 'Kernel' }).selectOption(value);
  else await page.getByRole('region', { name: 'Image mode' }).locator(`input[type="radio"][value="${value}"]`).check();
  const done = page.locator('[data-ms]:not([data-seen])');
  await done.waitFor({ timeout: 120_000 });
  const workerMs = Number(await done.getAttribute('data-ms'));
  // Long tasks are reported after they end: give the last one a moment.
  await page.waitForTimeout(200);
  const tasks = await page.evaluate((from) => window.__bench.longTasks.filter((t) => t.start >= from).map((t) => t.duration), t0);
  return { workerMs, tasks };
}

/** Image mode's figures for one scenario. */
async function measureImage(page, cdp, base, scenario) {
  await page.goto(`${base}?${scenario.query}`);
  if (CPU_RATE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  await page.locator('[data-ms]').waitFor({ timeout: 120_000 });
  const runs = [];
  while (runs.length < IMAGE_RUNS) {
    for (const [what, value, measured] of scenario.cycle) {
      const run = await imageRun(page, [what, value]);
      if (measured && runs.length < IMAGE_RUNS) runs.push(run);
    }
  }
  return runs;
}

async function main() {
  if (!existsSync(`${opts.dist}/index.html`)) {
    console.error(`bench:ui: no ${opts.dist}/index.html (run \`vite build\` first, or \`npm run bench:ui\`)`);
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:ui: no ${CHROMIUM} (sh scripts/ensure-chromium.sh installs it)`);
    process.exit(1);
  }
  const { chromium } = await import('playwright-core');
  const { url: base, stop } = await startPreview(opts.dist);
  let browser = null;
  let broken = 0;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(instrument, QUIET_MS);
    const cdp = await page.context().newCDPSession(page);

    console.log(`bench:ui: the built app in headless Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, CPU ${CPU_RATE > 1 ? `slowed ${CPU_RATE}×` : 'not slowed'}`);
    console.log(`node ${process.version}; before: ${machine()}`);

    /** Runs one measurement; a failure is recorded on the scenario's line, the others still run. */
    const attempt = async (what) => {
      try {
        return await what();
      } catch (e) {
        broken++;
        return { error: String(e instanceof Error ? e.message : e).split('\n')[0] };
      }
    };
    const results = [];
    for (const scenario of scenarios) {
      const opened = await attempt(() => open(page, cdp, base, scenario));
      if (opened !== null) {
        // Not offered by the page (a reason), or broken: the same line in every table.
        const missing = typeof opened === 'string' ? { reason: opened } : opened;
        results.push({ scenario, steps: missing, play: missing, changes: missing });
        continue;
      }
      const steps = await attempt(() => measureSteps(page));
      const play = await attempt(() => measurePlayback(page));
      const changes = await attempt(async () => {
        await open(page, cdp, base, scenario);
        return measureChanges(page, scenario);
      });
      results.push({ scenario, steps, play, changes });
    }

    /** One table: a line per scenario, the measurement's own text or why there is none. */
    const table = (title, key, line) => {
      console.log(`\n${title}`);
      for (const r of results) {
        const m = r[key];
        const text = m.reason ? `not available (${m.reason})` : m.error ? `FAILED: ${m.error}` : line(m);
        console.log(`  ${r.scenario.name.padEnd(30)}${text}`);
      }
    };
    const spread = (times) =>
      times.length === 0 ? 'no DOM change seen' : `p50 ${ms(quantile(times, 0.5))}   p95 ${ms(quantile(times, 0.95))}   max ${ms(Math.max(...times))}`;
    table(`One step: ArrowRight → the first frame after the DOM changed (${WARMUP} warm-up, then ${STEPS} measured steps)`, 'steps', (m) =>
      `${spread(m.times)}   (steps ${m.from} → ${m.to})`);
    // The first change after opening pays one-time costs (the browser's first buffers for each
    // canvas, code compiled on first use): shown apart, and the others' spread without it.
    table(`Parameter change: typing the input height n − 1, n − 2, … (each a new picture) → the frame after the last DOM change (${CHANGES} changes, quiet ${QUIET_MS} ms); CPU: the page's own work per change (main thread / engine worker, p50 and max); then the first change after opening, and the spread of the others`, 'changes', (m) =>
      `${spread(m.times)}   CPU main ${ms(quantile(m.cpu.main, 0.5)).trim()} / max ${ms(Math.max(...m.cpu.main)).trim()}, worker max ${ms(Math.max(...m.cpu.worker)).trim()}` +
      (m.times.length > 1 ? `   | first ${ms(m.times[0]).trim()} (CPU ${ms(m.cpu.main[0]).trim()}), the other ${m.times.length - 1}: ${spread(m.times.slice(1))}` : ''));
    table(`Playback from the first step at the top speed for ${PLAY_S} s: long tasks (> 50 ms), how many of them took > 50 ms of CPU (the rest waited for a core), the busiest task's CPU, and the steps it really advanced`, 'play', ({ top, tasks, cpu, busiest, advanced }) => {
      const durations = tasks.map((t) => t.duration);
      const longest = durations.length ? `, longest ${ms(Math.max(...durations)).trim()}, ${ms(durations.reduce((a, b) => a + b, 0)).trim()} in all` : '';
      const ours = cpu.filter((c) => c === null || c > 50).length;
      return `${String(tasks.length).padStart(3)} long tasks${longest}; ${ours} over 50 ms of CPU, busiest task ${ms(busiest).trim()} CPU; ${advanced} of ${Math.round(top * PLAY_S)} steps at ${top}×`;
    });
    if (imageScenarios.length > 0) {
      console.log(`\nImage mode: the job in the worker (${IMAGE_RUNS} runs; the page's own figure), and long tasks (> 50 ms) on the main thread from the change to the drawn result`);
      for (const scenario of imageScenarios) {
        const runs = await attempt(() => measureImage(page, cdp, base, scenario));
        if (runs.error) {
          console.log(`  ${scenario.name.padEnd(34)}FAILED: ${runs.error}`);
          continue;
        }
        const times = runs.map((r) => r.workerMs);
        const tasks = runs.flatMap((r) => r.tasks);
        const p50 = quantile(times, 0.5);
        console.log(`  ${scenario.name.padEnd(34)}p50 ${ms(p50)}   max ${ms(Math.max(...times))}   budget ${scenario.budget} ms: ${p50 <= scenario.budget ? 'within' : 'OVER'}   ` +
          `${tasks.length} long tasks${tasks.length ? `, longest ${ms(Math.max(...tasks)).trim()}` : ''}`);
      }
    }
    for (const message of new Set(pageErrors)) console.error(`page error: ${message}`);
    broken += pageErrors.length > 0 ? 1 : 0;
    console.log(`\nafter: ${machine()}`);
  } finally {
    await browser?.close();
    stop();
  }
  if (broken > 0) {
    console.error(`bench:ui: ${broken} measurement(s) failed or the page threw an error (see above)`);
    process.exitCode = 1;
  }
}

await main();
