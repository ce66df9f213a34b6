/**
 * The app's engine client: a module worker; where that cannot start (a sandboxed iframe has
 * origin null and `new Worker(url)` throws) Vite's inline blob worker, loaded only then;
 * failing both, the main thread.
 */
import { createEngineClient, type EngineClient, type WorkerLike } from './client';

export function createBrowserClient(): EngineClient {
  if (typeof Worker === 'undefined') return createEngineClient();
  return createEngineClient({
    createWorker: () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
    fallbackWorker: () => import('./engine.worker.ts?worker&inline').then((m) => new m.default() as WorkerLike),
  });
}
