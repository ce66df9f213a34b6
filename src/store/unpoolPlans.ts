/**
 * Pooling and unpooling's plans of the picture on screen. Only the pooling view imports this
 * module, so its trace code loads with it; loading it tells the keyboard its step count.
 */
import { avgPoolPlan, avgUnpoolPlan, maxPoolPlan, maxUnpoolPlan, stepCount } from '../engine';
import type { ChannelPlans } from '../viz/unpoolLooks';
import { planSelector, registerStepCount } from './plans';

/** One animation in two phases: steps [0, poolSteps) pool, the rest unpool. */
export interface UnpoolPlans {
  /** Pooling, window by window (max: with its switch), and unpooling, value by value, per channel (all in step). */
  readonly channels: readonly ChannelPlans[];
  /** Steps per channel's pooling. */
  readonly poolSteps: number;
  readonly counts: { readonly unpool: number };
}

/**
 * The pooling picture's plans, one pair per channel (the view draws every channel), or null
 * (no picture, or another operation).
 */
export const selectUnpoolPlans = planSelector<UnpoolPlans>((p) => {
  const e = p.explored;
  if (e.op !== 'unpool') return null;
  if (p.numbers.op !== 'unpool') throw new Error('A pooling picture needs pooling numbers.');
  const indices = p.numbers.indices.data;
  const avg = e.spec.pool === 'avg';
  const channels = Array.from({ length: e.pool.channels }, (_, channel): ChannelPlans => ({
    pool: avg ? avgPoolPlan(e.pool, { channel, countIncludePad: e.spec.fw === 'torch' }) : maxPoolPlan(e.pool, indices, { channel }),
    unpool: avg ? avgUnpoolPlan(e.unpool, { channel }) : maxUnpoolPlan(e.unpool, indices, { channel }),
  }));
  const poolSteps = stepCount(channels[0].pool);
  return { channels, poolSteps, counts: { unpool: poolSteps + stepCount(channels[0].unpool) } };
});

registerStepCount('unpool', (s) => selectUnpoolPlans(s)?.counts.unpool ?? 0);
