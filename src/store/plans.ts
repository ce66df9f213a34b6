/**
 * The animation plans of the picture on screen (index relations from the engine's trace
 * module), derived once per picture.
 */
import {
  convPlan, convTransposeDirectPlan, convTransposeScatterPlan, stepCount,
  type ConvPlan, type ConvTransposeDirectPlan, type ConvTransposeScatterPlan,
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
  const scatter = convTransposeScatterPlan(e.info);
  const direct = convTransposeDirectPlan(e.info);
  return { op: 'convT', scatter, direct, counts: { scatter: stepCount(scatter), direct: stepCount(direct) } };
}
