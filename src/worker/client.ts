/**
 * The typed way to reach the engine: requests carry ids, the latest request of a kind wins,
 * typed-array buffers are transferred, a crashed worker is restarted and its requests re-sent,
 * and where no Worker can start (a sandboxed iframe, tests, old browsers) the same handlers
 * run on the main thread.
 */
import { fromWire } from './wire';
import { cancelledError, macrotask } from './jobControl';
import type { JobName, JobResult, Jobs } from './jobs';
import type { Api, FromWorker, JobRequest, Method, ToWorker, WorkerRequest } from './protocol';

type Result<M extends Method> = ReturnType<Api[M]>;

/** What `latest` resolves to: the value, or a note that a newer request replaced this one. */
export type Latest<T> = { readonly stale: false; readonly value: T } | { readonly stale: true };

export interface EngineClient {
  /** One request; resolves with the handler's result or rejects with its error (ShapeError kept). */
  call<M extends Method>(method: M, ...args: Parameters<Api[M]>): Promise<Result<M>>;
  /** Like call, but only the newest request per method delivers its value; older ones resolve stale. */
  latest<M extends Method>(method: M, ...args: Parameters<Api[M]>): Promise<Latest<Result<M>>>;
  /**
   * Starts a long job (jobs.ts): `onProgress` hears the fraction done after each piece; the
   * promise resolves with the value and the job's milliseconds, or rejects (an AbortError after
   * `cancel`, which stops the job between two pieces).
   */
  job<J extends JobName>(name: J, args: Parameters<Jobs[J]>, onProgress?: (fraction: number) => void): RunningJob<J>;
  /**
   * Hands buffers of a job's value back to the worker (transferred: they are detached here),
   * which writes the next jobs' results into them: call it once nothing reads them any more.
   * Each buffer must be whole and not yet detached. On the main thread it does nothing.
   */
  recycle(buffers: ArrayBuffer[]): void;
  /** Where requests run now. */
  readonly mode: () => 'worker' | 'main';
  dispose(): void;
}

/** A job on its way: its result, and the way to stop it. */
export interface RunningJob<J extends JobName> {
  readonly promise: Promise<{ readonly value: JobResult<J>; readonly ms: number }>;
  cancel(): void;
}

/** A Worker-like object (the real one, or a test double). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: Event) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface ClientOptions {
  /** Makes a worker; may throw (then `fallbackWorker`, then the main thread, are tried). */
  readonly createWorker?: () => WorkerLike;
  /** A second way to make one (Vite's inline blob worker), tried when createWorker throws. */
  readonly fallbackWorker?: () => Promise<WorkerLike>;
  /** Restarts allowed after crashes before the main thread takes over. */
  readonly maxRestarts?: number;
}

interface Pending {
  readonly req: WorkerRequest | JobRequest;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress?: (fraction: number) => void;
}

/** Creates the client. Without `createWorker` everything runs on the main thread. */
export function createEngineClient(options: ClientOptions = {}): EngineClient {
  const pending = new Map<number, Pending>();
  const newest = new Map<Method, number>();
  const maxRestarts = options.maxRestarts ?? 2;
  let nextId = 1;
  let restarts = 0;
  let worker: WorkerLike | null = null;
  let starting: Promise<void> | null = null;
  let disposed = false;

  // Jobs cancelled while they run on the main thread.
  const cancelledOnMain = new Set<number>();

  // The handlers (the whole numeric engine) load only when the main thread has to run them.
  const runOnMain = (p: Pending) => {
    const req = p.req;
    if ('job' in req) {
      void import('./respond')
        .then(({ respondJob }) => respondJob(req, settle, () => cancelledOnMain.has(req.id), macrotask))
        .then((r) => settle(r.message));
    } else {
      void import('./respond').then(({ respond }) => settle(respond(req).message));
    }
  };

  const settle = (res: FromWorker) => {
    const p = pending.get(res.id);
    if (!p) return;
    if ('progress' in res) {
      p.onProgress?.(res.progress);
      return;
    }
    pending.delete(res.id);
    if (res.ok) p.resolve('job' in p.req ? { value: res.value, ms: res.ms ?? 0 } : res.value);
    else p.reject(fromWire(res.error));
  };

  const attach = (w: WorkerLike) => {
    worker = w;
    w.onmessage = (e) => settle(e.data);
    w.onerror = () => crashed(w);
  };

  const crashed = (w: WorkerLike) => {
    if (worker !== w) return;
    w.terminate();
    worker = null;
    restarts++;
    if (restarts <= maxRestarts && options.createWorker) {
      try {
        attach(options.createWorker());
        for (const p of pending.values()) worker!.postMessage(p.req);
        return;
      } catch {
        // fall through to the main thread
      }
    }
    for (const p of pending.values()) runOnMain(p);
  };

  if (options.createWorker) {
    try {
      attach(options.createWorker());
    } catch {
      if (options.fallbackWorker) {
        starting = Promise.resolve().then(options.fallbackWorker).then(attach, () => undefined).finally(() => {
          starting = null;
        });
      }
    }
  }

  const send = (p: Pending) => {
    if (worker) worker.postMessage(p.req);
    else runOnMain(p);
  };

  const call = <M extends Method>(method: M, ...args: Parameters<Api[M]>): Promise<Result<M>> => {
    if (disposed) return Promise.reject(new Error('The engine client was disposed.'));
    const req: WorkerRequest = { id: nextId++, method, args } as WorkerRequest;
    return new Promise<Result<M>>((resolve, reject) => {
      const p: Pending = { req, resolve: resolve as (v: unknown) => void, reject };
      pending.set(req.id, p);
      if (starting) void starting.then(() => send(p));
      else send(p);
    });
  };

  return {
    call,
    latest: async <M extends Method>(method: M, ...args: Parameters<Api[M]>): Promise<Latest<Result<M>>> => {
      const ticket = nextId;
      newest.set(method, ticket);
      try {
        const value = await call(method, ...args);
        return newest.get(method) === ticket ? { stale: false, value } : { stale: true };
      } catch (e) {
        if (newest.get(method) !== ticket) return { stale: true };
        throw e;
      }
    },
    job: <J extends JobName>(name: J, args: Parameters<Jobs[J]>, onProgress?: (fraction: number) => void): RunningJob<J> => {
      const req: JobRequest = { id: nextId++, job: name, args } as JobRequest;
      let rejectNow: (e: Error) => void = () => undefined;
      const promise = new Promise<{ value: JobResult<J>; ms: number }>((resolve, reject) => {
        rejectNow = reject;
        if (disposed) return reject(new Error('The engine client was disposed.'));
        const p: Pending = { req, resolve: resolve as (v: unknown) => void, reject, onProgress };
        pending.set(req.id, p);
        if (starting) void starting.then(() => send(p));
        else send(p);
      });
      return {
        promise,
        cancel: () => {
          if (!pending.has(req.id)) return;
          pending.delete(req.id);
          if (worker) worker.postMessage({ id: req.id, cancel: true });
          else cancelledOnMain.add(req.id);
          rejectNow(cancelledError());
        },
      };
    },
    recycle: (buffers: ArrayBuffer[]) => worker?.postMessage({ recycle: buffers }, buffers),
    mode: () => (worker ? 'worker' : 'main'),
    dispose: () => {
      disposed = true;
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('The engine client was disposed.'));
      pending.clear();
    },
  };
}
