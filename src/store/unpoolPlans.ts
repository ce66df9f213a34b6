/**
 * Pooling and unpooling's plans of the picture on screen. Only the pooling view imports this
 * module, so its trace code loads with it; loading it tells the keyboard its step count.
 */
import {
  avgPoolPlan, avgUnpoolPlan, maxPoolPlan, maxUnpoolPlan, stepCount,
  type AvgPoolPlan, type AvgUnpoolPlan, type MaxPoolPlan, type MaxUnpoolPlan,
} from '../engine';
import { planSelector, registerStepCount } from './plans';

/** One animation in two phases: steps [0, poolSteps) pool, the rest unpool. */
export interface UnpoolPlans {
  /** Pooling, window by window (max: with its switch). */
  readonly pool: MaxPoolPlan | AvgPoolPlan;
  /** Unpooling, value by value. */
  readonly unpool: MaxUnpoolPlan | AvgUnpoolPlan;
  readonly poolSteps: number;
  readonly counts: { readonly unpool: number };
}

/**
 * The pooling picture's plans (on channel 0: the view draws every channel from there), or null
 * (no picture, or another operation).
 */
export const selectUnpoolPlans = planSelector<UnpoolPlans>((p) => {
  const e = p.explored;
  if (e.op !== 'unpool') return null;
  if (p.numbers.op !== 'unpool') throw new Error('A pooling picture needs pooling numbers.');
  const indices = p.numbers.indices.data;
  const avg = e.spec.pool === 'avg';
  const pool = avg ? avgPoolPlan(e.pool, { countIncludePad: e.spec.fw === 'torch' }) : maxPoolPlan(e.pool, indices);
  const unpool = avg ? avgUnpoolPlan(e.unpool) : maxUnpoolPlan(e.unpool, indices);
  const poolSteps = stepCount(pool);
  return { pool, unpool, poolSteps, counts: { unpool: poolSteps + stepCount(unpool) } };
});

registerStepCount('unpool', (s) => selectUnpoolPlans(s)?.counts.unpool ?? 0);
