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
let lastChannel = -1;
let lastPlans: Plans | null = null;

/**
 * How many output channels the picture's animation can follow (convolutions). Pooling plans
 * stay on channel 0: its view draws every channel from there.
 */
export function channelCount(p: Picture): number {
  const e = p.explored;
  return e.op === 'unpool' ? 1 : e.info.outChannels;
}

/** The store's channel choice clamped to the picture's channel count (0 before the first picture). */
export function selectChannel(s: State): number {
  return s.picture ? Math.min(Math.max(0, s.channel), channelCount(s.picture) - 1) : 0;
}

/** The plans of the picture on screen (on the chosen channel), or null before the first picture. */
export function selectPlans(s: State): Plans | null {
  const channel = selectChannel(s);
  if (s.picture !== lastPicture || channel !== lastChannel) {
    lastPicture = s.picture;
    lastChannel = channel;
    lastPlans = s.picture ? plansOf(s.picture, channel) : null;
  }
  return lastPlans;
}

function plansOf(p: Picture, channel: number): Plans {
  const e = p.explored;
  if (e.op === 'conv') {
    const conv = convPlan(e.info, { channel });
    return { op: 'conv', conv, counts: { conv: stepCount(conv) } };
  }
  if (e.op === 'convT') {
    const scatter = convTransposeScatterPlan(e.info, { channel });
    const direct = convTransposeDirectPlan(e.info, { channel });
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
