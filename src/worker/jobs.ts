/**
 * The worker's long jobs: generators that yield the fraction done after each piece of work, so
 * the worker can report progress and hear a cancel between pieces. The protocol's job types are
 * derived from this object, and the main-thread fallback drives the same generators.
 */
import { imageJob, type ImageJobSpec } from '../engine';

export { cancelledError, drive, macrotask } from './jobControl';

export const jobs = {
  /** Image mode: a picture's planes through a convolution, the ×2 transposed convolutions, or pooling and unpooling. */
  image: (spec: ImageJobSpec, rgba: Uint8ClampedArray, width: number, height: number) => imageJob(spec, rgba, width, height),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
/** What a job returns when it finishes. */
export type JobResult<J extends JobName> = ReturnType<Jobs[J]> extends Generator<number, infer R> ? R : never;

