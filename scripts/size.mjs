// Prints the gzipped JavaScript the first page loads (entry script + its modulepreloads) and
// fails above the budget. Workers and lazily imported chunks are not part of the first load.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 100;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
if (refs.length === 0) {
  console.error('size: no script found in dist/index.html (run `npm run build` first)');
  process.exit(1);
}
let total = 0;
for (const ref of new Set(refs)) {
  const bytes = gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
  total += bytes;
  console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${ref}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} KB  gzipped JavaScript on first load (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`size: over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
