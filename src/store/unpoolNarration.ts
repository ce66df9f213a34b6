/**
 * Pooling and unpooling's narrator (see narration.ts), registered when the pooling view loads:
 * each pooled cell with its window's values and result, then where each pooled value goes back.
 * It speaks of the first channel (every channel moves in step with it).
 */
import { addMessages } from '../i18n';
import { enNarration } from '../i18n/en-narration';
import { formatValue } from '../viz/format';
import { averageTerms, phaseAt, poolStep, unpoolStep, unpoolWindowSpan, windowValues } from '../viz/unpoolLooks';
import { registerNarrator, type Narrator } from './narration';
import { selectUnpoolPlans } from './unpoolPlans';

const unpoolNarrator: Narrator = (s, at) => {
  const plans = selectUnpoolPlans(s);
  const picture = s.picture;
  if (!plans || !picture || picture.numbers.op !== 'unpool') return null;
  const [channel] = plans.channels;
  const { pooled } = picture.numbers;
  const { phase, poolIndex, unpoolIndex } = phaseAt(at, plans.poolSteps, plans.counts.unpool);
  if (phase === 'pool') {
    const current = poolStep(channel.pool, poolIndex);
    const where = { row: current.target.oy + 1, col: current.target.ox + 1, result: formatValue(pooled.data[current.target.outIndex]) };
    if (current.kind === 'maxPool') {
      return { key: 'narr.poolMax', vars: { ...where, values: windowValues(current, picture.x), iy: current.switch.iy + 1, ix: current.switch.ix + 1 } };
    }
    const countsPad = channel.pool.kind === 'avgPool' && channel.pool.countIncludePad;
    return { key: 'narr.poolAvg', vars: { ...where, terms: averageTerms(current, picture.x, countsPad), divisor: current.divisor } };
  }
  const current = unpoolStep(channel.unpool, unpoolIndex);
  const from = { iy: current.source.iy + 1, ix: current.source.ix + 1, v: formatValue(pooled.data[current.source.xIndex]) };
  if (current.kind === 'maxUnpool') {
    return { key: 'narr.unpoolMax', vars: { ...from, oy: current.destination.oy + 1, ox: current.destination.ox + 1 } };
  }
  const span = unpoolWindowSpan(current);
  if (!span) return { key: 'narr.unpoolOutside', vars: from };
  return { key: 'narr.unpoolAvg', vars: { ...from, r0: span.r0 + 1, r1: span.r1 + 1, c0: span.c0 + 1, c1: span.c1 + 1 } };
};

addMessages(enNarration);
registerNarrator('unpool', unpoolNarrator);
