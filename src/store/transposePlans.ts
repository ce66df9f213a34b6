/**
 * The transposed convolution's plans (scatter and direct form) of the picture on screen. Only
 * the transposed views import this module, so its trace code loads with them; loading it
 * tells the keyboard their step counts.
 */
import {
  convTransposeDirectPlan, convTransposeDirectStepCount, convTransposeScatterPlan, convTransposeScatterStepCount,
  type ConvTransposeDirectPlan, type ConvTransposeScatterPlan,
} from '../engine';
import { planSelector, registerStepCount } from './plans';

/** Both views' plans on the chosen output channel, and their step counts. */
export interface TransposePlans {
  readonly scatter: ConvTransposeScatterPlan;
  readonly direct: ConvTransposeDirectPlan;
  readonly counts: { readonly scatter: number; readonly direct: number };
}

/** The transposed convolution's plans of the picture on screen, or null (no picture, or another operation). */
export const selectTransposePlans = planSelector<TransposePlans>((p, channel) => {
  const e = p.explored;
  if (e.op !== 'convT') return null;
  const scatter = convTransposeScatterPlan(e.info, { channel });
  const direct = convTransposeDirectPlan(e.info, { channel });
  return { scatter, direct, counts: { scatter: convTransposeScatterStepCount(scatter), direct: convTransposeDirectStepCount(direct) } };
});

registerStepCount('scatter', (s) => selectTransposePlans(s)?.counts.scatter ?? 0);
registerStepCount('direct', (s) => selectTransposePlans(s)?.counts.direct ?? 0);
