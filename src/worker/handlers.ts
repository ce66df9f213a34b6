/**
 * What the worker can do: a plain object of pure functions (request → response). The
 * protocol's types are derived from it, and the main-thread fallback calls the same object.
 */
import { computeExplore, type ExploreNumbers, type ExploreSpec } from '../engine';

export const handlers = {
  /** The numbers of one exploration (x: inH·inW values, w: kH·kW values, row-major). */
  explore(spec: ExploreSpec, x: readonly number[], w: readonly number[]): ExploreNumbers {
    return computeExplore(spec, x, w);
  },
};
