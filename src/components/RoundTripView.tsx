/**
 * The round trip: convolve, then transposed-convolve with the same kernel and parameters (for a
 * transposed convolution: the convolution after it). The worker computes it (numbers.roundTrip);
 * the page puts the original and the result side by side with their shapes: the shape comes
 * back, the values do not, and the cells that differ (the engine's verdict) are marked.
 */
import { useMemo } from 'react';
import type { Tensor } from '../engine';
import { addMessages, listOf, t } from '../i18n';
import { enPanels } from '../i18n/en-panels';
import { useStore } from '../store';
import { selectRoundTripChanges } from '../store/verdicts';
import { maxAbs, valueColor } from '../viz/color';
import type { LookFn, ValueFn } from '../viz/looks';
import { tensorPlanes } from '../viz/planes';
import { cellOf, changedLooks, shapeText } from '../viz/matrixLooks';
import { Grid } from './Grid';
import { GridSlot } from './views/GridSlot';
import { channelGridName } from './views/channels';

// The panels load on demand, so their words come with them rather than with the first page.
addMessages(enPanels);

const MAX_CELL = 2.4;
/** Cells listed by position in the sentence before "and n more". */
const LISTED = 8;

export function RoundTripView() {
  const picture = useStore((s) => s.picture);
  const changed = useStore(selectRoundTripChanges);
  const numbers = picture?.numbers;
  const view = useMemo(() => {
    if (!picture || !numbers || numbers.op === 'unpool' || !changed) return null;
    const original: Tensor = { shape: numbers.roundTrip.shape, data: Float64Array.from(picture.x) };
    const color = valueColor(Math.max(maxAbs(original.data), maxAbs(numbers.roundTrip.data)));
    return {
      original,
      middle: numbers.output,
      back: numbers.roundTrip,
      differ: changed,
      values: { original: tensorPlanes(original), middle: tensorPlanes(numbers.output), back: tensorPlanes(numbers.roundTrip) },
      looks: changedLooks(original.shape, changed),
      color,
      middleColor: valueColor(maxAbs(numbers.output.data)),
    };
  }, [picture, numbers, changed]);
  if (!picture || !view || picture.explored.op === 'unpool') return null;
  const conv = picture.explored.op === 'conv';
  const { original, middle, back, differ } = view;
  const [, channels, h, w] = original.shape;
  const middleName = t(conv ? 'panels.grid.convOfX' : 'panels.grid.convTOfX');
  const listed = differ.slice(0, LISTED).map((i) => {
    const { channel, y, x } = cellOf({ channels, h, w }, i);
    return channels > 1 ? t('matrix.cellChannel', { c: channel + 1, y, x }) : t('matrix.cell', { y, x });
  });
  const cells = differ.length > LISTED ? t('roundtrip.more', { cells: listOf(listed), n: differ.length - LISTED }) : listOf(listed);

  const row = (name: string, tensor: Tensor, values: ValueFn[], looks: LookFn[] | null, color: (v: number) => string) =>
    values.map((value, ch) => {
      const [, planes, rows, cols] = tensor.shape;
      const n = channelGridName(name, ch, planes > 1);
      return (
        <GridSlot key={n} cols={cols} maxCell={MAX_CELL}>
          <Grid name={n} rows={rows} cols={cols} value={value} look={looks?.[ch]} color={color} maxCell={MAX_CELL} />
        </GridSlot>
      );
    });

  return (
    <div className="round-trip">
      <p className="round-trip__text">{t(conv ? 'roundtrip.introConv' : 'roundtrip.introConvT')}</p>
      <div className="round-trip__grids">
        {row(t('grid.input'), original, view.values.original, null, view.color)}
        <span className="round-trip__arrow" aria-hidden="true">{conv ? '→ conv →' : '→ convT →'}</span>
        {row(middleName, middle, view.values.middle, null, view.middleColor)}
        <span className="round-trip__arrow" aria-hidden="true">{conv ? '→ convT →' : '→ conv →'}</span>
        {row(t('panels.grid.roundTrip'), back, view.values.back, view.looks, view.color)}
      </div>
      <p className="round-trip__verdict" role="status">
        <strong>{t('roundtrip.shape', { a: shapeText(original.shape), b: shapeText(middle.shape), c: shapeText(back.shape) })}</strong>{' '}
        {differ.length === 0 ? t('roundtrip.same') : t('roundtrip.differ', { n: differ.length, total: original.data.length, cells })}
      </p>
      <p className="round-trip__text">{t('roundtrip.why')}</p>
    </div>
  );
}
