/**
 * One channel of the pooling view: its Input (with the pooling padding), Pooled, Switches
 * (PyTorch and TensorFlow indices, max pooling only) and Output grids in a row, the step's
 * sentences under them, and at the end what survived. At the comparison the Output moves
 * next to the Input, so the original and the result sit side by side.
 */
import { useMemo, type ReactNode } from 'react';
import { paddedInputSize, type PoolingNumbers } from '../../engine';
import { t } from '../../i18n';
import { editCell } from '../../store';
import { formatValue } from '../../viz/format';
import { tensorPlaneBase } from '../../viz/planes';
import {
  averageTerms, inputLook, outputLook, planeValue, poolStep, pooledLook, unpoolStep, poolInputIndex, poolInputValue, toPaddedCell, unpoolOutputValue, unpoolWindowSpan,
  windowHasPadding, windowValues,
  type ChannelPlans, type PhaseAt, type Survival, type UnpoolProgress,
} from '../../viz/unpoolLooks';
import { Grid } from '../Grid';
import { GridSlot } from '../views/GridSlot';
import { TravelToken, type CellAddress } from './TravelToken';
import { channelGridName } from '../views/channels';

/** Cell size caps (rem): values, and the index grids (their numbers run to four digits). */
const MAX_CELL = 2.6;
const MAX_CELL_INDEX = 2.2;

export interface ChannelRowProps {
  readonly plans: ChannelPlans;
  /** 0-based. */
  readonly channel: number;
  readonly channels: number;
  readonly at: PhaseAt;
  readonly numbers: PoolingNumbers;
  /** The whole input [1, C, H, W], row-major. */
  readonly x: readonly number[];
  readonly progress: UnpoolProgress | null;
  /** Set at the comparison. */
  readonly survival: Survival | null;
  readonly color: (v: number) => string;
  /** Whether the input's cells take edits (the params' sizes are the picture's). */
  readonly editable: boolean;
  readonly tokenMs: number;
}

export function ChannelRow(props: ChannelRowProps) {
  const { plans, channel, channels, at, numbers, x, progress, survival, color, editable, tokenMs } = props;
  const info = plans.pool.info;
  const unInfo = plans.unpool.info;
  const isMax = plans.pool.kind === 'maxPool';
  const name = (key: 'grid.input' | 'unpool.grid.pooled' | 'unpool.grid.switches' | 'unpool.grid.tfArgmax' | 'grid.output') => channelGridName(t(key), channel, channels > 1);
  const names = {
    input: name('grid.input'), pooled: name('unpool.grid.pooled'), switches: name('unpool.grid.switches'),
    tf: name('unpool.grid.tfArgmax'), output: name('grid.output'),
  };

  const fates = survival ? survival.fates : null;
  const { phase, poolIndex, unpoolIndex } = at;
  // Each grid's functions are memoised on what they depend on, so a step re-renders only the
  // grids it changes (the input sits still while unpooling, the output while pooling).
  const looks = {
    input: useMemo(() => inputLook(plans, phase, poolIndex, fates), [plans, phase, poolIndex, fates]),
    pooled: useMemo(() => pooledLook(plans, { phase, poolIndex, unpoolIndex }), [plans, phase, poolIndex, unpoolIndex]),
    output: useMemo(() => outputLook(plans, { phase, poolIndex, unpoolIndex }, progress, fates), [plans, phase, poolIndex, unpoolIndex, progress, fates]),
  };
  const padded = paddedInputSize(info);
  const hasPadding = padded.rows !== info.inH || padded.cols !== info.inW;
  // Padding reads 0 only where PyTorch's average counts it; elsewhere it never takes part.
  const paddingValue = plans.pool.kind === 'avgPool' && plans.pool.countIncludePad ? 0 : null;
  const pooledBase = tensorPlaneBase(numbers.pooled.shape, 0, channel);
  const upTo = phase === 'pool' ? poolIndex : Number.POSITIVE_INFINITY;
  const values = {
    input: useMemo(() => poolInputValue(info, x, channel, paddingValue), [info, x, channel, paddingValue]),
    pooled: useMemo(() => planeValue(numbers.pooled.data, pooledBase, info.outW, upTo), [numbers.pooled, pooledBase, info.outW, upTo]),
    switches: useMemo(() => planeValue(numbers.indices.data, pooledBase, info.outW, upTo), [numbers.indices, pooledBase, info.outW, upTo]),
    tf: useMemo(() => planeValue(numbers.tfArgmax.data, pooledBase, info.outW, upTo), [numbers.tfArgmax, pooledBase, info.outW, upTo]),
    output: useMemo(() => unpoolOutputValue(plans.unpool, numbers.output.data, progress), [plans.unpool, numbers.output, progress]),
  };

  const sentences: ReactNode[] = [];
  let token: { from: CellAddress; to: CellAddress; text: string } | null = null;
  if (at.phase === 'pool') {
    const current = poolStep(plans.pool, at.poolIndex);
    const { oy, ox, outIndex } = current.target;
    const result = formatValue(numbers.pooled.data[outIndex]);
    if (current.kind === 'maxPool') {
      const sw = current.switch;
      sentences.push(
        t('unpool.step.max', { oy, ox, values: windowValues(current, x), max: result, iy: sw.iy, ix: sw.ix }) +
          (windowHasPadding(current) ? ` ${t('unpool.step.maxPadding')}` : ''),
        t('unpool.index', {
          c1: channel + 1, y: sw.iy, x: sw.ix, W: info.inW, H: info.inH, C: info.channels, c: channel, b: 0,
          pt: sw.planeIndex, tf: sw.tfIndexWithBatch,
        }),
      );
      token = {
        from: { grid: names.input, ...toPaddedCell(info, sw.iy, sw.ix) },
        to: { grid: names.pooled, row: oy, col: ox },
        text: result,
      };
    } else {
      const countsPad = plans.pool.kind === 'avgPool' && plans.pool.countIncludePad;
      sentences.push(
        t('unpool.step.avg', { oy, ox, terms: averageTerms(current, x, countsPad), divisor: current.divisor, mean: result }) +
          (windowHasPadding(current) ? ` ${t(countsPad ? 'unpool.step.avgPadIncluded' : 'unpool.step.avgPadExcluded')}` : ''),
      );
    }
  } else {
    const current = unpoolStep(plans.unpool, at.unpoolIndex);
    const { iy, ix, xIndex } = current.source;
    const v = formatValue(numbers.pooled.data[xIndex]);
    if (current.kind === 'maxUnpool') {
      const d = current.destination;
      sentences.push(t('unpool.step.maxUnpool', { v, iy, ix, index: d.planeIndex, oy: d.oy, ox: d.ox }));
      token = { from: { grid: names.pooled, row: iy, col: ix }, to: { grid: names.output, row: d.oy, col: d.ox }, text: v };
    } else {
      const span = unpoolWindowSpan(current);
      sentences.push(span ? t('unpool.step.avgUnpool', { v, iy, ix, ...span }) : t('unpool.step.avgUnpoolOutside', { v, iy, ix }));
    }
  }
  if (survival) {
    const parts: string[] = [t('unpool.summary', { kept: survival.kept, total: survival.total, lost: survival.lost })];
    if (survival.zero > 0) parts.push(t('unpool.summary.zero', { n: survival.zero }));
    if (survival.changed > 0) parts.push(t('unpool.summary.changed', { n: survival.changed }));
    parts.push(t(isMax ? 'unpool.summary.max' : 'unpool.summary.avg'));
    sentences.push(
      <>
        <strong className="unpool__summary">{parts[0]}</strong> {parts.slice(1).join(' ')}
      </>,
    );
  }

  const editInput = useMemo(
    () =>
      editable
        ? (r: number, c: number, v: number) => {
            const index = poolInputIndex(info, channel, r, c);
            if (index !== null) editCell('x', index, v);
          }
        : undefined,
    [editable, info, channel],
  );

  const slots = {
    input: (
      <GridSlot key="input" cols={padded.cols} maxCell={MAX_CELL}>
        <Grid
          name={names.input}
          caption={hasPadding ? t('grid.withPadding', { name: t('grid.input'), h: info.inH, w: info.inW, ph: padded.rows, pw: padded.cols }) : t('grid.size', { name: t('grid.input'), h: info.inH, w: info.inW })}
          rows={padded.rows}
          cols={padded.cols}
          value={values.input}
          look={looks.input}
          color={color}
          onEdit={editInput}
          maxCell={MAX_CELL}
        />
      </GridSlot>
    ),
    pooled: (
      <GridSlot key="pooled" cols={info.outW} maxCell={MAX_CELL}>
        <Grid name={names.pooled} caption={t('grid.size', { name: t('unpool.grid.pooled'), h: info.outH, w: info.outW })} rows={info.outH} cols={info.outW} value={values.pooled} look={looks.pooled} color={color} maxCell={MAX_CELL} />
      </GridSlot>
    ),
    switches: isMax ? (
      <GridSlot key="switches" cols={info.outW} maxCell={MAX_CELL_INDEX}>
        <Grid
          name={names.switches}
          caption={t('unpool.caption.switches', { h: info.outH, w: info.outW })}
          rows={info.outH}
          cols={info.outW}
          value={values.switches}
          look={looks.pooled}
          maxCell={MAX_CELL_INDEX}
        />
      </GridSlot>
    ) : null,
    tf: isMax ? (
      <GridSlot key="tf" cols={info.outW} maxCell={MAX_CELL_INDEX}>
        <Grid
          name={names.tf}
          caption={t('unpool.caption.tfArgmax', { h: info.outH, w: info.outW })}
          rows={info.outH}
          cols={info.outW}
          value={values.tf}
          look={looks.pooled}
          maxCell={MAX_CELL_INDEX}
        />
      </GridSlot>
    ) : null,
    output: (
      <GridSlot key="output" cols={unInfo.outW} maxCell={MAX_CELL}>
        <Grid
          name={names.output}
          caption={t('grid.size', { name: t('grid.output'), h: unInfo.outH, w: unInfo.outW })}
          rows={unInfo.outH}
          cols={unInfo.outW}
          value={values.output}
          look={looks.output}
          color={color}
          maxCell={MAX_CELL}
        />
      </GridSlot>
    ),
  };
  // Keyed slots: React moves the Output next to the Input at the comparison instead of remounting it.
  const order = survival ? [slots.input, slots.output, slots.pooled, slots.switches, slots.tf] : [slots.input, slots.pooled, slots.switches, slots.tf, slots.output];

  return (
    <div className="unpool__channel" role={channels > 1 ? 'group' : undefined} aria-label={channels > 1 ? t('unpool.channel', { c: channel + 1 }) : undefined}>
      {channels > 1 ? <h3 className="unpool__channel-title">{t('unpool.channel', { c: channel + 1 })}</h3> : null}
      <div className="unpool__grids">{order}</div>
      {/* Not a live region: the page's narration (Narration.tsx) says each step. */}
      <div className="unpool__sentences">
        {sentences.map((s, i) => (
          <p key={i} className="unpool__sentence">{s}</p>
        ))}
      </div>
      <TravelToken from={token?.from ?? null} to={token?.to ?? null} text={token?.text ?? ''} duration={tokenMs} />
    </div>
  );
}
