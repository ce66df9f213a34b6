/**
 * The transposed convolution as a scatter, one input cell per step: the cell multiplies the
 * whole kernel and stamps it onto the uncropped canvas, sums accumulating where stamps
 * overlap; the rows/columns the padding crops away are drawn, then cut; the output is the
 * canvas inside the crop (partial sums until the last stamp, the engine's output from then on).
 */
import { useCallback, useMemo } from 'react';
import { scatterCanvasAfter, step, type ConvTransposeScatterPlan } from '../engine';
import { t } from '../i18n';
import { selectValues, useStore } from '../store';
import type { Picture } from '../store/resultsSlice';
import { formatValue } from '../viz/format';
import { maxAbs, valueColor } from '../viz/color';
import { canvasSize, canvasValue, plainValue, scatterLooks, scatterOutputValue, scatterReached } from '../viz/looks';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { GridSlot } from './views/GridSlot';
import { useHoverHandlers } from './views/hover';
import { Legend } from './views/Legend';

const MAX_CELL = 2.4;

export interface ScatterViewProps {
  readonly picture: Picture;
  readonly plan: ConvTransposeScatterPlan;
  readonly count: number;
  /** True when the picture's sizes are the params' sizes, so edits land on the cells shown. */
  readonly editable: boolean;
}

export function ScatterView({ picture, plan, count, editable }: ScatterViewProps) {
  const at = useStore((s) => Math.min(s.steps.scatter, count - 1));
  const hover = useStore((s) => s.hover);
  const setCell = useStore((s) => s.setCell);
  const { info } = plan;
  const { x, w, numbers } = picture;
  const output = numbers.output;
  const final = at === count - 1;

  const current = useMemo(() => step(plan, at), [plan, at]);
  const canvas = useMemo(() => scatterCanvasAfter(plan, at, x, w), [plan, at, x, w]);
  const reached = useMemo(() => scatterReached(plan, at), [plan, at]);
  const looks = useMemo(() => scatterLooks(plan, current, hover, w, reached, final), [plan, current, hover, w, reached, final]);
  const values = useMemo(
    () => ({
      input: plainValue(x, info.inW),
      kernel: plainValue(w, info.kW),
      canvas: canvasValue(plan, canvas, reached),
      output: scatterOutputValue(plan, output.data, canvas, reached, final),
    }),
    [plan, x, w, info.inW, info.kW, canvas, reached, output, final],
  );
  // One scale for canvas and output so a partial sum and its final value share a colour.
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(Math.max(maxAbs(output.data), maxAbs(numbers.op === 'convT' ? numbers.full.data : []))) }),
    [x, w, output, numbers],
  );

  const inputRef = useCallback((cell: { row: number; col: number }) => ({ grid: 'input' as const, row: cell.row, col: cell.col }), []);
  const outputRef = useCallback((cell: { row: number; col: number }) => ({ grid: 'output' as const, row: cell.row, col: cell.col }), []);
  const canvasRef = useCallback(
    (cell: { row: number; col: number }) => {
      const row = cell.row - info.pad.top;
      const col = cell.col - info.pad.left;
      return row >= 0 && row < info.outH && col >= 0 && col < info.outW ? { grid: 'output' as const, row, col } : null;
    },
    [info.pad.top, info.pad.left, info.outH, info.outW],
  );
  const inputHover = useHoverHandlers(inputRef);
  const outputHover = useHoverHandlers(outputRef);
  const canvasHover = useHoverHandlers(canvasRef);

  const editInput = useCallback(
    (r: number, c: number, v: number) => setCell('x', r * info.inW + c, v, selectValues(useStore.getState()).x),
    [info.inW, setCell],
  );
  const editKernel = useCallback(
    (r: number, c: number, v: number) => setCell('w', r * info.kW + c, v, selectValues(useStore.getState()).w),
    [info.kW, setCell],
  );

  const size = canvasSize(plan);
  const cropped = current.terms.some((term) => term.cropped);
  const crops = info.pad.top + info.pad.bottom + info.pad.left + info.pad.right > 0;
  const source = x[current.terms[0]?.xIndex ?? 0];

  return (
    <div className="scatter">
      <Transport view="scatter" count={count} />
      <p className="scatter__step">
        {t('step.scatter', { row: current.source.iy, col: current.source.ix, value: formatValue(source) })}
        {cropped ? ` (${t('step.scatter.cropped')})` : ''}
      </p>
      <div className="scatter__grids">
        <GridSlot cols={info.inW} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.input')} rows={info.inH} cols={info.inW} value={values.input} look={looks.input} color={colors.x}
            onHover={inputHover.onHover} onPick={inputHover.onPick} onEdit={editable ? editInput : undefined} maxCell={MAX_CELL}
          />
        </GridSlot>
        <GridSlot cols={info.kW} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.kernel')} rows={info.kH} cols={info.kW} value={values.kernel} look={looks.kernel} color={colors.w}
            onEdit={editable ? editKernel : undefined} maxCell={MAX_CELL}
          />
        </GridSlot>
        <GridSlot cols={size.cols} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.canvas')} rows={size.rows} cols={size.cols} value={values.canvas} look={looks.canvas} color={colors.out}
            onHover={canvasHover.onHover} onPick={canvasHover.onPick} maxCell={MAX_CELL}
          />
        </GridSlot>
        <GridSlot cols={info.outW} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.output')}
            caption={`${t('grid.size', { name: t('grid.output'), h: info.outH, w: info.outW })} · ${final ? t('scatter.final') : t('scatter.partial')}`}
            rows={info.outH} cols={info.outW} value={values.output} look={looks.output} color={colors.out}
            onHover={outputHover.onHover} onPick={outputHover.onPick} maxCell={MAX_CELL}
          />
        </GridSlot>
      </div>
      <p className="scatter__note">
        {crops ? t('scatter.cropNote', { top: info.pad.top, bottom: info.pad.bottom, left: info.pad.left, right: info.pad.right }) : t('scatter.noCrop')}
        {info.outputPaddingH + info.outputPaddingW > 0 ? ` ${t('scatter.outputPadding', { ah: info.outputPaddingH, aw: info.outputPaddingW })}` : ''}
      </p>
      <Legend items={['active', 'linked', 'cropped', 'padding']} />
    </div>
  );
}
