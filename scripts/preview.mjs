// What the scripts that open the built app in a browser share (size.mjs, bench-ui.mjs, lighthouse.mjs): Debian's
// Chromium with the flags that keep it quiet on a machine with no outside network, and
// `vite preview` of a build on a free port.
//   import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './preview.mjs'
import { spawn } from 'node:child_process';
import { freePort } from './free-port.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Serves `dist` with `vite preview` on a free port; resolves once it answers. */
export async function startPreview(dist = 'dist') {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // The binary itself, not through npx, which leaves a child process behind.
  const server = spawn('./node_modules/.bin/vite', ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
  });
  const stop = () => server.kill();
  try {
    for (let i = 0; i < 150; i++) {
      if (server.exitCode !== null) throw new Error('vite preview exited before it listened');
      try {
        if ((await fetch(url)).ok) return { url, stop };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('vite preview did not start');
  } catch (e) {
    stop();
    throw e;
  }
}
