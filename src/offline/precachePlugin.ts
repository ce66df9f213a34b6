/**
 * The build-time half of offline mode (runs in Node, inside `vite build`): emits the service
 * worker (sw.ts) as `sw.js` at the root of the build, and once every file is written, puts the
 * list of them into it — every file of the build, the public/ folder included — each with a hash
 * of its content. Any change to any file changes the bytes of sw.js, which is how the browser
 * notices a new version and installs it beside the one in use.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The service worker's file name in the build; it sits at the root so its scope is the app. */
export const SW_FILE = 'sw.js';
/** The identifier in sw.ts that this plugin replaces by the list of files. */
const PLACEHOLDER = '__PRECACHE__';

/** What sw.ts receives: a version naming its cache, and each file's path with a hash of its content. */
export interface Precache {
  version: string;
  files: ReadonlyArray<readonly [path: string, hash: string]>;
}

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 12);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The precache list of the build in `outDir` (every file but the service worker), in a stable order. */
export function precacheOf(outDir: string): Precache {
  const files = filesUnder(outDir)
    .filter((path) => path !== SW_FILE)
    .sort()
    .map((path) => [path, hash(readFileSync(join(outDir, path)))] as const);
  return { version: hash(JSON.stringify(files)), files };
}

/** The Vite plugin: `plugins: [react(), precache()]`. Client builds only (not dev, not SSR). */
export function precache(): Plugin {
  let outDir = '';
  let swSource = '';
  return {
    name: 'convarith:precache',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      swSource = resolve(config.root, 'src/offline/sw.ts');
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: swSource, fileName: SW_FILE });
    },
    writeBundle(_options, bundle) {
      const chunk = bundle[SW_FILE];
      if (chunk?.type !== 'chunk') return this.error(`${SW_FILE} is missing from the build`);
      if (chunk.imports.length + chunk.dynamicImports.length > 0) {
        this.error(`${SW_FILE} imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}: a classic service worker cannot, so sw.ts may import types only`);
      }
      const swPath = join(outDir, SW_FILE);
      const code = readFileSync(swPath, 'utf8');
      if (!code.includes(PLACEHOLDER)) this.error(`${SW_FILE} has no ${PLACEHOLDER} to fill in`);
      writeFileSync(swPath, code.replaceAll(PLACEHOLDER, JSON.stringify(precacheOf(outDir))));
    },
  };
}
