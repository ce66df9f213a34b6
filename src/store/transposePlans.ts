/**
 * The transposed convolution's plans (scatter and direct form) of the picture on screen. Only
 * the transposed views import this module, so its trace code loads with them; loading it
 * tells the keyboard their step counts.
 */
import {
  convTransposeDirectPlan, convTransposeDirectStepCount, convTransposeScatterPlan, convTransposeScatterStepCount,
  type ConvTransposeDirectPlan, type ConvTransposeScatterPlan,
} from '../engine';
import { byOutputChannel, planSelector, registerStepCount } from './plans';

/** Both views' plans on the chosen output channel, every output channel's, and their step counts. */
export interface TransposePlans {
  readonly scatter: ConvTransposeScatterPlan;
  readonly direct: ConvTransposeDirectPlan;
  /** Each form's plans, indexed by output channel (`scatter` and `direct` are among them). */
  readonly channels: { readonly scatter: readonly ConvTransposeScatterPlan[]; readonly direct: readonly ConvTransposeDirectPlan[] };
  readonly counts: { readonly scatter: number; readonly direct: number };
}

/** The transposed convolution's plans of the picture on screen, or null (no picture, or another operation). */
export const selectTransposePlans = planSelector<TransposePlans>((p, channel) => {
  const e = p.explored;
  if (e.op !== 'convT') return null;
  const channels = {
    scatter: byOutputChannel(e.info.outChannels, (c) => convTransposeScatterPlan(e.info, { channel: c })),
    direct: byOutputChannel(e.info.outChannels, (c) => convTransposeDirectPlan(e.info, { channel: c })),
  };
  const scatter = channels.scatter[channel];
  const direct = channels.direct[channel];
  return { scatter, direct, channels, counts: { scatter: convTransposeScatterStepCount(scatter), direct: convTransposeDirectStepCount(direct) } };
});

registerStepCount('scatter', (s) => selectTransposePlans(s)?.counts.scatter ?? 0);
registerStepCount('direct', (s) => selectTransposePlans(s)?.counts.direct ?? 0);
