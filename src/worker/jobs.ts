/**
 * The worker's long jobs: generators that yield the fraction done after each piece of work, so
 * the worker can report progress and hear a cancel between pieces (a job may first wait for
 * something, such as its picture's decoding, and then give its generator). The protocol's job
 * types are derived from this object, and the main-thread fallback drives the same generators.
 */
import { imageJob, type ImageJobSpec } from '../engine';
import { picture, pictureSize, type PictureRef, type PictureSize } from './picture';

export { cancelledError, drive, macrotask } from './jobControl';

/** A job of one piece, already done: reports it (1), then gives its value. */
function* only<R>(value: R): Generator<number, R> {
  yield 1;
  return value;
}

export const jobs = {
  /** Image mode: the picture `ref` names (decoded here once, then kept) through a convolution, the ×2 transposed convolutions, or pooling and unpooling. */
  image: async (spec: ImageJobSpec, ref: PictureRef) => {
    const { rgba, width, height } = await picture(ref);
    return imageJob(spec, rgba, width, height);
  },
  /** Image mode: decodes and keeps the picture `ref` names, for the jobs that follow; its sizes (it rejects when the file is no picture). */
  picture: async (ref: PictureRef): Promise<Generator<number, PictureSize>> => only(await pictureSize(ref)),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
/** What a job returns when it finishes. */
export type JobResult<J extends JobName> = Awaited<ReturnType<Jobs[J]>> extends Generator<number, infer R> ? R : never;
