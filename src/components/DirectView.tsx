/**
 * The transposed convolution as an ordinary convolution, in the stages a learner steps
 * through: (1) insert s − 1 zeros between input cells, (2) pad p' = d(k − 1) − p per side
 * (plus the output padding on the bottom/right), (3) flip the kernel 180°, (4) slide the
 * flipped kernel with stride 1. Every grid shows the engine's own intermediate tensors.
 */
import { useCallback, useMemo, useRef } from 'react';
import { directGridCell, evaluateTerms, step, type ConvTransposeDirectPlan, type PadSide, type Tensor } from '../engine';
import { t, type MessageKey } from '../i18n';
import { useStore } from '../store';
import type { CellRef } from '../store/uiSlice';
import { maxAbs, valueColor } from '../viz/color';
import { directLooks, plainValue, progressiveValue, spreadMoves, sweepIndex, type DirectStage } from '../viz/looks';
import { Equation } from './Equation';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { GridSlot, TALL_ROWS } from './views/GridSlot';
import { useHoverHandlers } from './views/hover';
import { useSpreadAnimation } from './views/motion';
import { Legend } from './views/Legend';

const MAX_CELL = 2.4;

/** The engine's tensors the direct view draws. */
export interface DirectNumbers {
  readonly zeroInserted: Tensor;
  readonly padded: Tensor;
  readonly flippedWeight: Tensor;
  readonly directOutput: Tensor;
}

export interface DirectViewProps {
  readonly plan: ConvTransposeDirectPlan;
  readonly count: number;
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly numbers: DirectNumbers;
}

const STAGES: readonly { readonly stage: DirectStage; readonly key: MessageKey }[] = [
  { stage: 'zero-insert', key: 'direct.stage.zero' },
  { stage: 'pad', key: 'direct.stage.pad' },
  { stage: 'flip', key: 'direct.stage.flip' },
  { stage: 'sweep', key: 'direct.stage.sweep' },
];

export function DirectView({ plan, count, x, w, numbers }: DirectViewProps) {
  const at = useStore((s) => Math.min(s.steps.direct, count - 1));
  const setStep = useStore((s) => s.setStep);
  const hover = useStore((s) => s.hover);
  const { info } = plan;
  const { direct } = info;

  const current = useMemo(() => step(plan, at), [plan, at]);
  const looks = useMemo(() => directLooks(plan, current, hover, w), [plan, current, hover, w]);
  const cur = sweepIndex(current);
  const values = useMemo(
    () => ({
      zeroInserted: plainValue(numbers.zeroInserted.data, direct.zeroW),
      padded: plainValue(numbers.padded.data, plan.paddedW),
      kernel: plainValue(w, info.kW),
      flipped: plainValue(numbers.flippedWeight.data, info.kW),
    }),
    [numbers, direct.zeroW, plan.paddedW, w, info.kW],
  );
  const outputValue = useMemo(() => progressiveValue(plan, numbers.directOutput.data, cur), [plan, numbers, cur]);
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(numbers.directOutput.data)) }),
    [x, w, numbers],
  );

  // Cells of the stage grids that hold an input value hover as that input cell.
  const paddedRef = useCallback((cell: { row: number; col: number }): CellRef | null => {
    const src = directGridCell(plan, cell.row, cell.col);
    return src.source === 'input' ? { grid: 'input', row: src.iy, col: src.ix } : null;
  }, [plan]);
  const zeroRef = useCallback(
    (cell: { row: number; col: number }) => paddedRef({ row: cell.row + direct.pad.top, col: cell.col + direct.pad.left }),
    [paddedRef, direct.pad.top, direct.pad.left],
  );
  const outputRef = useCallback((cell: { row: number; col: number }): CellRef => ({ grid: 'output', row: cell.row, col: cell.col }), []);
  const paddedHover = useHoverHandlers(paddedRef);
  const zeroHover = useHoverHandlers(zeroRef);
  const outputHover = useHoverHandlers(outputRef);

  const spreadRoot = useRef<HTMLDivElement>(null);
  const moves = useMemo(() => spreadMoves(plan), [plan]);
  useSpreadAnimation(spreadRoot, moves, current.kind === 'zero-insert');

  const stageIndex = STAGES.findIndex((s) => s.stage === current.kind);

  return (
    <div className={`direct${plan.paddedH >= TALL_ROWS ? ' direct--tall' : ''}`}>
      <Transport view="direct" count={count} />
      <ol className="direct__stages" aria-label={t('stage.label')}>
        {STAGES.map((s, i) => (
          <li key={s.stage}>
            <button
              type="button"
              className="direct__stage"
              aria-current={i === stageIndex ? 'step' : undefined}
              onClick={() => setStep('direct', Math.min(count - 1, i))}
            >
              {t(s.key)}
            </button>
          </li>
        ))}
      </ol>

      {current.kind === 'zero-insert' ? (
        <>
          <p className="direct__detail">
            {t('stage.zeroDetail', {
              zh: current.zerosBetweenH, zw: current.zerosBetweenW, ih: current.inH, iw: current.inW, oh: current.zeroH, ow: current.zeroW,
            })}
          </p>
          <div className="direct__grids">
            <GridSlot cols={direct.zeroW} maxCell={MAX_CELL}>
              <div ref={spreadRoot} className="direct__spread">
                <Grid
                  name={t('grid.zeroInserted')} rows={direct.zeroH} cols={direct.zeroW} value={values.zeroInserted}
                  look={looks.zeroInserted} color={colors.x} onHover={zeroHover.onHover} onPick={zeroHover.onPick} maxCell={MAX_CELL}
                />
              </div>
            </GridSlot>
          </div>
        </>
      ) : null}

      {current.kind === 'pad' ? (
        <>
          <div className="direct__detail">
            <p>{t('stage.pad', { top: current.top.value, bottom: current.bottom.value, left: current.left.value, right: current.right.value })}</p>
            <ul className="direct__pads">
              {(['top', 'bottom', 'left', 'right'] as const).map((side) => (
                <li key={side}>{padLine(side, current[side])}</li>
              ))}
            </ul>
            {(['top', 'bottom', 'left', 'right'] as const).some((side) => current[side].value < 0) ? <p>{t('stage.padNegative')}</p> : null}
          </div>
          <div className="direct__grids">
            <PaddedGrid plan={plan} value={values.padded} look={looks.padded} color={colors.x} hover={paddedHover} />
          </div>
        </>
      ) : null}

      {current.kind === 'flip' ? (
        <>
          <p className="direct__detail">{t('stage.flipDetail')}</p>
          <div className="direct__grids">
            <GridSlot cols={info.kW} maxCell={MAX_CELL}>
              <Grid name={t('grid.kernel')} rows={info.kH} cols={info.kW} value={values.kernel} look={looks.kernel} color={colors.w} maxCell={MAX_CELL} />
            </GridSlot>
            <span className="direct__arrow" aria-hidden="true">⟳</span>
            <GridSlot cols={info.kW} maxCell={MAX_CELL}>
              <div className="direct__flip">
                <Grid name={t('grid.flipped')} rows={info.kH} cols={info.kW} value={values.flipped} look={looks.flipped} color={colors.w} maxCell={MAX_CELL} />
              </div>
            </GridSlot>
          </div>
        </>
      ) : null}

      {current.kind === 'sweep' ? (
        <>
          <div className="direct__grids">
            <PaddedGrid plan={plan} value={values.padded} look={looks.padded} color={colors.x} hover={paddedHover} />
            <GridSlot cols={info.kW} maxCell={MAX_CELL}>
              <Grid name={t('grid.flipped')} rows={info.kH} cols={info.kW} value={values.flipped} look={looks.flipped} color={colors.w} maxCell={MAX_CELL} />
            </GridSlot>
            <GridSlot cols={info.outW} maxCell={MAX_CELL}>
              <Grid
                name={t('grid.directOutput')} rows={info.outH} cols={info.outW} value={outputValue} look={looks.output} color={colors.out}
                onHover={outputHover.onHover} onPick={outputHover.onPick} maxCell={MAX_CELL}
              />
            </GridSlot>
          </div>
          <SweepEquation plan={plan} at={at} x={x} w={w} directOutput={numbers.directOutput} />
        </>
      ) : null}
      <Legend items={['window', 'active', 'linked', 'zero', 'padding']} />
    </div>
  );
}

function PaddedGrid(props: {
  plan: ConvTransposeDirectPlan;
  value: (r: number, c: number) => number | null;
  look: ReturnType<typeof directLooks>['padded'];
  color: (v: number) => string;
  hover: ReturnType<typeof useHoverHandlers>;
}) {
  const { plan } = props;
  return (
    <GridSlot cols={plan.paddedW} maxCell={MAX_CELL}>
      <Grid
        name={t('grid.paddedZero')} rows={plan.paddedH} cols={plan.paddedW} value={props.value} look={props.look} color={props.color}
        onHover={props.hover.onHover} onPick={props.hover.onPick} maxCell={MAX_CELL}
      />
    </GridSlot>
  );
}

function SweepEquation({ plan, at, x, w, directOutput }: { plan: ConvTransposeDirectPlan; at: number; x: readonly number[]; w: readonly number[]; directOutput: Tensor }) {
  const current = step(plan, at);
  if (current.kind !== 'sweep') return null;
  const { products } = evaluateTerms(current.terms, x, w);
  return (
    <Equation
      title={t('step.direct', { row: current.target.oy, col: current.target.ox })}
      products={products}
      muted={current.terms.map((term) => term.source !== 'input')}
      result={directOutput.data[current.target.outIndex]}
    />
  );
}

const SIDE_KEYS = { top: 'side.top', bottom: 'side.bottom', left: 'side.left', right: 'side.right' } as const;

/** One side of p' with its formula's numbers, e.g. "bottom: p' = 1·(3 − 1) − 1 + 1 = 2". */
function padLine(side: keyof typeof SIDE_KEYS, s: PadSide): string {
  const vars = { side: t(SIDE_KEYS[side]), d: s.dilation, k: s.kernel, p: s.padding, a: s.outputPadding, value: s.value };
  return s.outputPadding > 0 ? t('stage.padSideOut', vars) : t('stage.padSide', vars);
}
