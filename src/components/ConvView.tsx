/**
 * The convolution, one output cell per step: the input with its padding ring, the kernel (and
 * the spread kernel when dilated), the output filling up, and the step's equation. Hover an
 * output cell for its receptive field, an input cell for the output cells it feeds; click pins.
 * Everything is drawn from the last valid picture, so an impossible setting keeps it on screen.
 */
import { useCallback, useMemo } from 'react';
import { evaluateTerms, step, type ConvPlan, type Tensor } from '../engine';
import { t } from '../i18n';
import { selectValues, useStore } from '../store';
import { selectPlans } from '../store/plans';
import type { Picture } from '../store/resultsSlice';
import { maxAbs, valueColor } from '../viz/color';
import {
  convLooks, dilatedSize, dilatedValue, paddedInputValue, paddedSize, paddedToInput, plainValue, progressiveValue,
} from '../viz/looks';
import { Equation } from './Equation';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { GridSlot, TALL_ROWS } from './views/GridSlot';
import { hoverSentence, useHoverHandlers } from './views/hover';
import { Legend } from './views/Legend';

/** Cell size caps (rem): the main grids, and the small spread-kernel aside. */
const MAX_CELL = 2.6;
const MAX_CELL_SMALL = 1.8;

export function ConvView() {
  const picture = useStore((s) => s.picture);
  const plans = useStore(selectPlans);
  if (!picture || !plans || plans.op !== 'conv' || picture.numbers.op !== 'conv') return null;
  return <ConvBody picture={picture} plan={plans.conv} count={plans.counts.conv} output={picture.numbers.output} />;
}

interface BodyProps {
  readonly picture: Picture;
  readonly plan: ConvPlan;
  readonly count: number;
  readonly output: Tensor;
}

function ConvBody({ picture, plan, count, output }: BodyProps) {
  const at = useStore((s) => Math.min(s.steps.conv, count - 1));
  const hover = useStore((s) => s.hover);
  const pinned = useStore((s) => s.pinned);
  // Edits go to the current params' values; only offer them while those are the picture's sizes.
  const editable = useStore((s) => s.params.in[0] === plan.info.inH && s.params.in[1] === plan.info.inW && s.params.k[0] === plan.info.kH && s.params.k[1] === plan.info.kW);
  const setCell = useStore((s) => s.setCell);
  const { info } = plan;
  const { x, w } = picture;

  const current = useMemo(() => step(plan, at), [plan, at]);
  const looks = useMemo(() => convLooks(plan, current, hover, w), [plan, current, hover, w]);
  const values = useMemo(
    () => ({
      input: paddedInputValue(plan, x),
      kernel: plainValue(w, info.kW),
      dilated: dilatedValue(plan, w),
    }),
    [plan, x, w, info.kW],
  );
  const outputValue = useMemo(() => progressiveValue(plan, output.data, at), [plan, output, at]);
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(output.data)) }),
    [x, w, output],
  );

  const inputRef = useCallback((cell: { row: number; col: number }) => ({ grid: 'input' as const, ...paddedToInput(plan, cell.row, cell.col) }), [plan]);
  const outputRef = useCallback((cell: { row: number; col: number }) => ({ grid: 'output' as const, row: cell.row, col: cell.col }), []);
  const inputHover = useHoverHandlers(inputRef);
  const outputHover = useHoverHandlers(outputRef);

  const editInput = useCallback(
    (r: number, c: number, v: number) => {
      const { row, col } = paddedToInput(plan, r, c);
      if (row < 0 || row >= info.inH || col < 0 || col >= info.inW) return;
      setCell('x', row * info.inW + col, v, selectValues(useStore.getState()).x);
    },
    [plan, info.inH, info.inW, setCell],
  );
  const editKernel = useCallback(
    (r: number, c: number, v: number) => setCell('w', r * info.kW + c, v, selectValues(useStore.getState()).w),
    [info.kW, setCell],
  );

  const { products } = evaluateTerms(current.terms, x, w);
  const muted = current.terms.map((term) => term.padding);
  const padded = paddedSize(plan);
  const dilated = dilatedSize(plan);
  const isDilated = info.dilationH > 1 || info.dilationW > 1;
  const hasPadding = info.pad.top + info.pad.bottom + info.pad.left + info.pad.right > 0;
  const sentence = hoverSentence(hover, pinned);

  return (
    <section className={`conv-view${padded.rows >= TALL_ROWS ? ' conv-view--tall' : ''}`} aria-label={t('view.conv')}>
      <Transport view="conv" count={count} />
      <div className="conv-view__grids">
        <GridSlot cols={padded.cols} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.input')}
            caption={hasPadding ? t('grid.withPadding', { name: t('grid.input'), h: info.inH, w: info.inW, ph: padded.rows, pw: padded.cols }) : undefined}
            rows={padded.rows}
            cols={padded.cols}
            value={values.input}
            look={looks.input}
            color={colors.x}
            onHover={inputHover.onHover}
            onPick={inputHover.onPick}
            onEdit={editable ? editInput : undefined}
            maxCell={MAX_CELL}
          />
        </GridSlot>
        <GridSlot cols={info.kW} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.kernel')}
            rows={info.kH}
            cols={info.kW}
            value={values.kernel}
            look={looks.kernel}
            color={colors.w}
            onEdit={editable ? editKernel : undefined}
            maxCell={MAX_CELL}
          />
        </GridSlot>
        {isDilated ? (
          <GridSlot cols={dilated.cols} maxCell={MAX_CELL_SMALL}>
            <Grid
              name={t('grid.dilated')}
              caption={t('grid.dilatedCaption', { h: dilated.rows, w: dilated.cols, dh: info.dilationH, dw: info.dilationW })}
              rows={dilated.rows}
              cols={dilated.cols}
              value={values.dilated}
              look={looks.dilated}
              color={colors.w}
              maxCell={MAX_CELL_SMALL}
            />
          </GridSlot>
        ) : null}
        <GridSlot cols={info.outW} maxCell={MAX_CELL}>
          <Grid
            name={t('grid.output')}
            rows={info.outH}
            cols={info.outW}
            value={outputValue}
            look={looks.output}
            color={colors.out}
            onHover={outputHover.onHover}
            onPick={outputHover.onPick}
            maxCell={MAX_CELL}
          />
        </GridSlot>
      </div>
      <Equation
        title={t('step.conv', { row: current.target.oy, col: current.target.ox })}
        products={products}
        muted={muted}
        result={output.data[current.target.outIndex]}
      />
      <p className="conv-view__hover" aria-live="polite">{sentence ?? t('hover.hint')}</p>
      <Legend items={hasPadding ? ['window', 'active', 'linked', 'padding'] : ['window', 'active', 'linked']} />
    </section>
  );
}
