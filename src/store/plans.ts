/**
 * The animation plans of the picture on screen (index relations from the engine's trace
 * module), derived once per picture.
 */
import {
  avgPoolPlan, avgUnpoolPlan, convPlan, convTransposeDirectPlan, convTransposeScatterPlan, maxPoolPlan, maxUnpoolPlan, stepCount,
  type AvgPoolPlan, type AvgUnpoolPlan, type ConvPlan, type ConvTransposeDirectPlan, type ConvTransposeScatterPlan, type MaxPoolPlan, type MaxUnpoolPlan,
} from '../engine';
import type { Picture } from './resultsSlice';
import type { State } from './index';

export type Plans =
  | { readonly op: 'conv'; readonly conv: ConvPlan; readonly counts: { readonly conv: number } }
  | {
      readonly op: 'convT';
      readonly scatter: ConvTransposeScatterPlan;
      readonly direct: ConvTransposeDirectPlan;
      readonly counts: { readonly scatter: number; readonly direct: number };
    }
  | {
      readonly op: 'unpool';
      /** Pooling, window by window (max: with its switch). */
      readonly pool: MaxPoolPlan | AvgPoolPlan;
      /** Unpooling, value by value. */
      readonly unpool: MaxUnpoolPlan | AvgUnpoolPlan;
      /** One animation in two phases: steps [0, poolSteps) pool, the rest unpool. */
      readonly poolSteps: number;
      readonly counts: { readonly unpool: number };
    };

let lastPicture: Picture | null = null;
let lastPlans: Plans | null = null;

/** The plans of the picture on screen, or null before the first picture. */
export function selectPlans(s: State): Plans | null {
  if (s.picture !== lastPicture) {
    lastPicture = s.picture;
    lastPlans = s.picture ? plansOf(s.picture) : null;
  }
  return lastPlans;
}

function plansOf(p: Picture): Plans {
  const e = p.explored;
  if (e.op === 'conv') {
    const conv = convPlan(e.info);
    return { op: 'conv', conv, counts: { conv: stepCount(conv) } };
  }
  if (e.op === 'convT') {
    const scatter = convTransposeScatterPlan(e.info);
    const direct = convTransposeDirectPlan(e.info);
    return { op: 'convT', scatter, direct, counts: { scatter: stepCount(scatter), direct: stepCount(direct) } };
  }
  if (p.numbers.op !== 'unpool') throw new Error('A pooling picture needs pooling numbers.');
  const indices = p.numbers.indices.data;
  const avg = e.spec.pool === 'avg';
  const pool = avg ? avgPoolPlan(e.pool, { countIncludePad: e.spec.fw === 'torch' }) : maxPoolPlan(e.pool, indices);
  const unpool = avg ? avgUnpoolPlan(e.unpool) : maxUnpoolPlan(e.unpool, indices);
  const poolSteps = stepCount(pool);
  return { op: 'unpool', pool, unpool, poolSteps, counts: { unpool: poolSteps + stepCount(unpool) } };
}
