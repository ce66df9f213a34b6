// A TCP port on 127.0.0.1 that nothing listens on right now, chosen by the system (port 0), so
// the end-to-end tests, the size check and the benchmarks never fail because a fixed port is
// taken (a `npm run preview` left open, another checkout's tests).
//   import { freePort } from './free-port.mjs'    or    node scripts/free-port.mjs  (prints it)
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

/** Resolves to a port the system just handed out and released. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await freePort());
