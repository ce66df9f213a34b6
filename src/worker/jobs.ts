/**
 * The worker's long jobs: generators that yield the fraction done after each piece of work, so
 * the worker can report progress and hear a cancel between pieces. The protocol's job types are
 * derived from this object, and the main-thread fallback drives the same generators.
 */
import { imageJob, type ImageJobSpec } from '../engine';

export const jobs = {
  /** Image mode: a picture's planes through a convolution, the ×2 transposed convolutions, or pooling and unpooling. */
  image: (spec: ImageJobSpec, rgba: Uint8ClampedArray, width: number, height: number) => imageJob(spec, rgba, width, height),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
/** What a job returns when it finishes. */
export type JobResult<J extends JobName> = ReturnType<Jobs[J]> extends Generator<number, infer R> ? R : never;

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
