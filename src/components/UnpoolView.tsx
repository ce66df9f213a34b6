/**
 * Pooling and unpooling (op=unpool), one animation in two phases on one scrubber: pooling
 * window by window (max: the winner, its switch recorded in both frameworks' spellings;
 * average: the mean), then unpooling value by value (max: each value back to its switch,
 * zeros elsewhere; average: each value copied into its window, overlaps averaged), and at the
 * last step the original beside the result with what survived and what was lost. One row of
 * grids per channel. Everything is drawn from the last valid picture.
 */
import { useMemo } from 'react';
import { hasPadding, type PoolingNumbers } from '../engine';
import { addMessages, t, type MessageKey } from '../i18n';
import { enUnpool } from '../i18n/en-unpool';
import { selectEditable, useStore } from '../store';
import { selectUnpoolPlans, type UnpoolPlans } from '../store/unpoolPlans';
// Loading the view tells the page's narration what its steps say.
import '../store/unpoolNarration';
import type { Picture } from '../store/resultsSlice';
import { maxAbs, valueColor } from '../viz/color';
import { avgCoverage, phaseAt, phaseStarts, survival, unpoolProgress, type UnpoolPhase } from '../viz/unpoolLooks';
import { Transport } from './Transport';
import { ChannelRow } from './unpool/ChannelRow';
import { PhaseNav } from './unpool/PhaseNav';
import { UNPOOL_LEGEND, type UnpoolLegendItem } from './unpool/legend';
import { Legend } from './views/Legend';

// This view loads on demand, so its words (and its children's in unpool/) come with it.
addMessages(enUnpool);

export function UnpoolView() {
  const picture = useStore((s) => s.picture);
  const plans = useStore(selectUnpoolPlans);
  if (!picture || !plans || picture.numbers.op !== 'unpool') return null;
  return <UnpoolBody picture={picture} plans={plans} numbers={picture.numbers} />;
}

interface BodyProps {
  readonly picture: Picture;
  readonly plans: UnpoolPlans;
  readonly numbers: PoolingNumbers;
}

const CAPTIONS: Record<'max' | 'avg', Record<UnpoolPhase, MessageKey>> = {
  max: { pool: 'unpool.caption.maxPool', unpool: 'unpool.caption.maxUnpool', compare: 'unpool.caption.compare' },
  avg: { pool: 'unpool.caption.avgPool', unpool: 'unpool.caption.avgUnpool', compare: 'unpool.caption.compare' },
};

function UnpoolBody({ picture, plans, numbers }: BodyProps) {
  const { poolSteps } = plans;
  const count = plans.counts.unpool;
  const all = plans.channels;
  const base = all[0];
  const step = useStore((s) => Math.min(s.steps.unpool, count - 1));
  const speed = useStore((s) => s.speed);
  const info = base.pool.info;
  const channels = info.channels;
  const editable = useStore(selectEditable);
  const { x } = picture;
  const kind = base.pool.kind === 'maxPool' ? 'max' : 'avg';

  const at = phaseAt(step, poolSteps, count);
  const progress = useMemo(
    () => all.map((p) => (at.unpoolIndex < 0 ? null : unpoolProgress(p.unpool, at.unpoolIndex))),
    [all, at.unpoolIndex],
  );
  const compare = at.phase === 'compare';
  const survivals = useMemo(
    () => (compare ? all.map((p) => survival(x, numbers.output.data, p.pool.channel, { inH: info.inH, inW: info.inW, outH: p.unpool.info.outH, outW: p.unpool.info.outW })) : null),
    [compare, all, x, numbers.output, info.inH, info.inW],
  );
  const coverage = useMemo(() => (base.unpool.kind === 'avgUnpool' ? avgCoverage(base.unpool) : null), [base.unpool]);
  const color = useMemo(() => valueColor(Math.max(maxAbs(x), maxAbs(numbers.pooled.data), maxAbs(numbers.output.data))), [x, numbers.pooled, numbers.output]);

  const padded = hasPadding(info.pad);
  const padItem: UnpoolLegendItem = kind === 'max' ? 'paddingMax' : base.pool.kind === 'avgPool' && base.pool.countIncludePad ? 'paddingZero' : 'paddingOut';
  const legend: UnpoolLegendItem[] =
    at.phase === 'pool'
      ? [...(kind === 'max' ? (['window', 'active', 'switch'] as const) : (['window', 'active'] as const)), ...(padded ? [padItem] : [])]
      : at.phase === 'unpool'
        ? [...(['active', 'zero'] as const), ...(coverage?.overlap ? (['pending'] as const) : []), ...(kind === 'max' ? (['switch'] as const) : [])]
        : ['kept', 'lost', 'zero'];
  const notes: MessageKey[] = at.phase !== 'pool' && coverage ? [...(coverage.overlap ? (['unpool.avgOverlap'] as const) : []), ...(coverage.gaps ? (['unpool.avgGaps'] as const) : [])] : [];
  // Shorter than a step at the current speed, so a playing animation never piles tokens up.
  const tokenMs = Math.min(700, Math.round(800 / speed));

  return (
    <section className="unpool" aria-label={t('unpool.view')}>
      <Transport view="unpool" count={count} />
      <PhaseNav phase={at.phase} starts={phaseStarts(poolSteps, count)} />
      <p className="unpool__caption">{t(CAPTIONS[kind][at.phase])}</p>
      {notes.map((key) => (
        <p key={key} className="unpool__note">{t(key)}</p>
      ))}
      {all.map((plans, c) => (
        <ChannelRow
          key={c}
          plans={plans}
          channel={c}
          channels={channels}
          at={at}
          numbers={numbers}
          x={x}
          progress={progress[c]}
          survival={survivals ? survivals[c] : null}
          color={color}
          editable={editable}
          tokenMs={tokenMs}
        />
      ))}
      <Legend items={legend.map((item) => UNPOOL_LEGEND[item])} />
    </section>
  );
}
