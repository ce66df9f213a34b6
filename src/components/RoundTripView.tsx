/**
 * The round trip: convolve, then transposed-convolve with the same kernel and parameters (for a
 * transposed convolution: the convolution after it). The worker computes it (numbers.roundTrip);
 * the page puts the original and the result side by side with their shapes: the shape comes
 * back, the values do not, and the cells that differ are marked.
 */
import { useMemo } from 'react';
import type { Tensor } from '../engine';
import { addMessages, listOf, t } from '../i18n';
import { enPanels } from '../i18n/en-panels';
import { useStore } from '../store';
import { maxAbs, valueColor } from '../viz/color';
import type { LookFn, ValueFn } from '../viz/looks';
import { cellOf, differingCells, shapeText } from '../viz/matrixLooks';
import { Grid } from './Grid';
import { PanelSlot } from './MatrixView';
import { channelGridName } from './views/channels';

// The panels load on demand, so their words come with them rather than with the first page.
addMessages(enPanels);

const CELL = { max: 2.4, min: 1.6 };
/** Cells listed by position in the sentence before "and n more". */
const LISTED = 8;

/** Per-channel value functions of an NCHW tensor (batch item 0). */
function planesOf(tensor: { readonly shape: readonly number[]; readonly data: ArrayLike<number> }): ValueFn[] {
  const [, channels, h, w] = tensor.shape;
  return Array.from({ length: channels }, (_, ch) => (r: number, c: number) => tensor.data[(ch * h + r) * w + c]);
}

export function RoundTripView() {
  const picture = useStore((s) => s.picture);
  const numbers = picture?.numbers;
  const view = useMemo(() => {
    if (!picture || !numbers || numbers.op === 'unpool') return null;
    const original: Tensor = { shape: numbers.roundTrip.shape, data: Float64Array.from(picture.x) };
    const differ = differingCells(original.data, numbers.roundTrip.data);
    const marked = new Set(differ);
    const [, , h, w] = original.shape;
    const roundLook = (ch: number): LookFn => (r, c) => (marked.has((ch * h + r) * w + c) ? { note: '≠' } : {});
    const color = valueColor(Math.max(maxAbs(original.data), maxAbs(numbers.roundTrip.data)));
    return {
      original,
      middle: numbers.output,
      back: numbers.roundTrip,
      differ,
      values: { original: planesOf(original), middle: planesOf(numbers.output), back: planesOf(numbers.roundTrip) },
      looks: Array.from({ length: original.shape[1] }, (_, ch) => roundLook(ch)),
      color,
      middleColor: valueColor(maxAbs(numbers.output.data)),
    };
  }, [picture, numbers]);
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
        <PanelSlot key={n} cols={cols} {...CELL}>
          <Grid name={n} rows={rows} cols={cols} value={value} look={looks?.[ch]} color={color} maxCell={CELL.max} />
        </PanelSlot>
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
