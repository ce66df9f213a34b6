// The built app served by `vite preview` on a free port, and Debian's Chromium with the flags that
// keep it quiet on a machine without outside network (TOOLING.md): what the size check and the
// Lighthouse audit share.
//   const preview = await startPreview('dist');  ...preview.url...  preview.close();
import { spawn } from 'node:child_process';
import { freePort } from './free-port.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Serves `dist` and resolves once it answers: `{ url, close }`, url ending in '/'. */
export async function startPreview(dist) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  // The binary itself, not through npx, which leaves a child process behind.
  const server = spawn('./node_modules/.bin/vite', ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
  });
  const close = () => server.kill();
  try {
    for (let i = 0; i < 100; i++) {
      if (server.exitCode !== null) throw new Error('vite preview exited before it listened');
      try {
        if ((await fetch(url)).ok) return { url, close };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('vite preview did not start');
  } catch (e) {
    close();
    throw e;
  }
}
