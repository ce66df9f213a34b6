// Lighthouse (mobile preset, Debian's Chromium) on the built app: the four category scores of
// each page against the budgets, then the audits that cost points. Builds nothing: run it after
// `vite build` (`npm run lighthouse` does both). Scores move with the machine's load, so it only
// prints, unless --check makes a score under budget an error; --runs=N audits each page N times
// and keeps the run with the median performance score. Full reports: test-results/lighthouse/.
//   node scripts/lighthouse.mjs [--check] [--runs=N] [dist]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './preview.mjs';

const PAGES = ['', '?op=image', '?lang=zh'];
const BUDGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 90 };
const REPORTS = 'test-results/lighthouse';

const args = process.argv.slice(2);
const check = args.includes('--check');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
if (!Number.isInteger(runs) || runs < 1) {
  console.error('lighthouse: --runs=N needs a whole number N ≥ 1');
  process.exit(1);
}
if (!existsSync(`${dist}/index.html`)) {
  console.error(`lighthouse: no ${dist}/index.html (run \`vite build\` first)`);
  process.exit(1);
}

/** One Lighthouse run on `url`: its JSON report (the CLI, as a person would run it). */
function audit(url) {
  const cli = spawn(
    './node_modules/.bin/lighthouse',
    [url, '--quiet', `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`, `--only-categories=${Object.keys(BUDGETS).join(',')}`, '--output=json', '--output-path=stdout'],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  cli.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    cli.on('error', reject);
    cli.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`lighthouse exited with ${code} on ${url}`))));
  });
}

/** The audits of `category` that lost points, with what Lighthouse says about each. */
function losses(report, category) {
  return report.categories[category].auditRefs
    .map((ref) => report.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
}

mkdirSync(REPORTS, { recursive: true });
const preview = await startPreview(dist);
let missed = 0;
try {
  for (const query of PAGES) {
    const url = preview.url + query;
    const reports = [];
    for (let i = 0; i < runs; i++) reports.push(await audit(url));
    reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const report = reports[Math.floor(runs / 2)];
    writeFileSync(`${REPORTS}/${query.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'index'}.json`, JSON.stringify(report));
    console.log(`\n/${query}${runs > 1 ? `  (the median of ${runs} runs; performance ${reports.map((r) => Math.round(r.categories.performance.score * 100)).join(', ')})` : ''}`);
    for (const [category, budget] of Object.entries(BUDGETS)) {
      const score = Math.round(report.categories[category].score * 100);
      const ok = score >= budget;
      if (!ok) missed++;
      console.log(`  ${report.categories[category].title.padEnd(15)} ${String(score).padStart(3)}  (budget ${budget}) ${ok ? 'ok' : 'UNDER BUDGET'}`);
      for (const loss of losses(report, category)) console.log(`      - ${loss}`);
    }
  }
} finally {
  preview.stop();
}
console.log(`\n${missed === 0 ? 'every score within budget' : `${missed} score(s) under budget`}${check ? '' : ' (pass --check to fail on that)'}`);
if (check && missed > 0) process.exit(1);
