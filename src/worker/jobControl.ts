/**
 * Driving a job (jobs.ts) piece by piece, and stopping it: small, so the page's client can
 * import it without the jobs (the engine) themselves.
 */

/** The error a cancelled job rejects with. */
export function cancelledError(): Error {
  const e = new Error('The job was cancelled.');
  e.name = 'AbortError';
  return e;
}

/**
 * Runs `gen` to its end: after each piece, reports the fraction done and lets the event loop run
 * (`pause`), so a cancel can arrive; stops with an AbortError once `cancelled()` says so.
 * Resolves to the job's value and its wall-clock milliseconds.
 */
export async function drive<R>(
  gen: Generator<number, R>,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean,
  pause: () => Promise<void>,
): Promise<{ value: R; ms: number }> {
  const start = performance.now();
  for (;;) {
    const step = gen.next();
    if (step.done) return { value: step.value, ms: performance.now() - start };
    onProgress(step.value);
    await pause();
    if (cancelled()) {
      gen.return(undefined as R);
      throw cancelledError();
    }
  }
}

/** Lets queued messages (a cancel) in before the next piece of work. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
