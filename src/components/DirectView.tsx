/**
 * The transposed convolution as an ordinary convolution, in the three steps the tutorials
 * teach: (1) the new input, s − 1 zeros inserted between input cells; (2) the transposed
 * kernel, flipped 180° with k′ = k, s′ = 1 and padding p′ = d(k − 1) − p per side (plus the
 * output padding on the bottom/right); (3) an ordinary stride-1 convolution of the padded map
 * with the flipped kernel. Each step shows its formula with the current numbers (DirectSteps);
 * every grid shows the engine's own intermediate tensors.
 * With several channels each stage shows one grid per input channel of the followed output
 * channel's group (its zero-inserted and padded plane, its kernel and flipped kernel), a direct
 * output per output channel, and the sweep's equation summed per channel, then over channels.
 */
import { useCallback, useDeferredValue, useMemo, useRef } from 'react';
import {
  evaluateTerms, step, type ConvTransposeDirectPlan, type Tensor, type TransposeNumbers,
} from '../engine';
import { t, type MessageKey } from '../i18n';
import { useStore } from '../store';
import { maxAbs, valueColor } from '../viz/color';
import { tensorPlaneBase } from '../viz/planes';
import { drawsOnCanvas, plainValue, progressiveValue, quietLook, weightPlaneBase, type GridCell, type HoverCell, type LookFn, type ValueFn } from '../viz/looks';
import { directInputCell, directLooks, flippedPlaneBase, spreadMoves, sweepIndex, type DirectStage } from '../viz/transposeLooks';
import { DirectFormulas } from './DirectSteps';
import { Equation } from './Equation';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { boxBasis, channelEquation, channelName, channelRef, ChannelBox } from './views/channels';
import { GridSlot, TALL_ROWS } from './views/GridSlot';
import { useHoverHandlers, useHoverHandlersEach } from './views/hover';
import { useSpreadAnimation } from './views/motion';
import { Legend } from './views/Legend';

const MAX_CELL = 2.4;

export interface DirectViewProps {
  readonly plan: ConvTransposeDirectPlan;
  /** Every output channel's plan (the store's; `plan` is one of them). */
  readonly channels: readonly ConvTransposeDirectPlan[];
  readonly count: number;
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly numbers: TransposeNumbers;
}

const STAGES: readonly { readonly stage: DirectStage; readonly key: MessageKey }[] = [
  { stage: 'zero-insert', key: 'direct.stage.zero' },
  { stage: 'kernel', key: 'direct.stage.kernel' },
  { stage: 'sweep', key: 'direct.stage.sweep' },
];

export function DirectView({ plan, channels, count, x, w, numbers }: DirectViewProps) {
  const at = useStore((s) => Math.min(s.steps.direct, count - 1));
  const setStep = useStore((s) => s.setStep);
  const setChannel = useStore((s) => s.setChannel);
  const hover = useStore((s) => s.hover);
  const { info, inputChannels } = plan;
  const { direct } = info;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;

  const current = useMemo(() => step(plan, at), [plan, at]);
  const looks = useMemo(() => inputChannels.map((ci) => directLooks(plan, current, hover, w, ci)), [plan, inputChannels, current, hover, w]);
  const shared = looks[hover?.grid === 'input' && hover.channel !== undefined ? Math.max(0, inputChannels.indexOf(hover.channel)) : 0];
  const cur = sweepIndex(current);
  const values = useMemo(
    () => inputChannels.map((ci) => ({
      zeroInserted: plainValue(numbers.zeroInserted.data, direct.zeroW, tensorPlaneBase(numbers.zeroInserted.shape, plan.n, ci)),
      padded: plainValue(numbers.padded.data, direct.paddedW, tensorPlaneBase(numbers.padded.shape, plan.n, ci)),
      kernel: plainValue(w, info.kW, weightPlaneBase(plan, ci)),
      flipped: plainValue(numbers.flippedWeight.data, info.kW, flippedPlaneBase(plan, ci)),
    })),
    [plan, inputChannels, numbers, direct.zeroW, w, info.kW],
  );
  // Every output channel's direct output fills in step; only the followed one is marked.
  const outputs = useMemo(
    () => channels.map((other) => {
      if (other === plan) return { value: progressiveValue(plan, numbers.directOutput.data, cur), look: null };
      return { value: progressiveValue(other, numbers.directOutput.data, cur), look: quietLook(directLooks(other, step(other, at), null, w).output) };
    }),
    [plan, channels, numbers, cur, at, w],
  );
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(numbers.directOutput.data)) }),
    [x, w, numbers],
  );

  // Cells of the stage grids that hold an input value hover as that input cell (of their channel).
  const refsOf = useCallback(
    (zeroInserted: boolean) => inputChannels.map((ci) => (cell: GridCell): HoverCell | null => {
      const input = directInputCell(plan, cell.row, cell.col, zeroInserted);
      return input ? { grid: 'input', ...input, ...channelRef(ci, severalIn) } : null;
    }),
    [plan, inputChannels, severalIn],
  );
  const paddedRefs = useMemo(() => refsOf(false), [refsOf]);
  const zeroRefs = useMemo(() => refsOf(true), [refsOf]);
  const outputRef = useCallback(
    (cell: GridCell): HoverCell => ({ grid: 'output', row: cell.row, col: cell.col, ...channelRef(plan.outChannel, severalOut) }),
    [plan.outChannel, severalOut],
  );
  const paddedHovers = useHoverHandlersEach(paddedRefs);
  const zeroHovers = useHoverHandlersEach(zeroRefs);
  const outputHover = useHoverHandlers(outputRef);
  const name = (key: MessageKey, ci: number) => channelName(key, ci, severalIn);
  const flipBasis = boxBasis([{ cols: info.kW, maxCell: MAX_CELL }, { cols: 1, maxCell: 1.6 }, { cols: info.kW, maxCell: MAX_CELL }]);
  const sweepBasis = boxBasis([{ cols: direct.paddedW, maxCell: MAX_CELL }, { cols: info.kW, maxCell: MAX_CELL }]);
  const outputsBasis = boxBasis(outputs.map(() => ({ cols: info.outW, maxCell: MAX_CELL })));

  const spreadRoot = useRef<HTMLDivElement>(null);
  const moves = useMemo(() => spreadMoves(plan), [plan]);
  useSpreadAnimation(spreadRoot, moves, current.kind === 'zero-insert');

  const stageIndex = STAGES.findIndex((s) => s.stage === current.kind);
  const zero = current.kind === 'zero-insert';
  const kernel = current.kind === 'kernel';
  const sweep = current.kind === 'sweep';
  // A stage's new grids (the kernel pair; the output canvas) mount in a render of their own, just
  // after the one that changes the stage: mounted with the rest, a stage change at 32 × 32 was
  // one task of 55–90 ms during playback (layout, a new canvas's first paint and layer).
  const kernelShown = useDeferredValue(kernel) && kernel;
  const outputsShown = useDeferredValue(sweep) && sweep;
  // The new input: zero-inserted in the first stage, padded by p′ from the second on.
  const input = zero
    ? { key: 'grid.zeroInserted', value: 'zeroInserted', rows: direct.zeroH, cols: direct.zeroW, hovers: zeroHovers } as const
    : { key: 'grid.paddedZero', value: 'padded', rows: direct.paddedH, cols: direct.paddedW, hovers: paddedHovers } as const;
  // Several channels in or out: the sweep boxes each channel's pair and the outputs.
  const several = severalIn || severalOut;

  return (
    <div className={`direct${direct.paddedH >= TALL_ROWS ? ' direct--tall' : ''}`}>
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

      {zero ? (
        <p className="direct__detail">
          {t('stage.zeroDetail', {
            zh: current.zerosBetweenH, zw: current.zerosBetweenW, ih: current.inH, iw: current.inW, oh: current.zeroH, ow: current.zeroW,
          })}
        </p>
      ) : null}
      {zero ? <DirectFormulas info={info} stage="zero-insert" /> : null}
      {kernel ? <p className="direct__detail">{t('stage.kernelDetail')}</p> : null}
      {kernel ? <DirectFormulas info={info} stage="kernel" /> : null}
      {kernelShown ? (
        <div className="direct__grids">
          {inputChannels.map((ci, i) => (
            <ChannelBox key={ci} kind="pair" boxed={severalIn} style={flipBasis}>
              <GridSlot cols={info.kW} maxCell={MAX_CELL}>
                <Grid name={name('grid.kernel', ci)} rows={info.kH} cols={info.kW} value={values[i].kernel} look={looks[i].kernel} color={colors.w} maxCell={MAX_CELL} />
              </GridSlot>
              <span className="direct__arrow" aria-hidden="true">⟳</span>
              <GridSlot cols={info.kW} maxCell={MAX_CELL}>
                <div className="direct__flip">
                  <Grid name={name('grid.flipped', ci)} rows={info.kH} cols={info.kW} value={values[i].flipped} look={looks[i].flipped} color={colors.w} maxCell={MAX_CELL} />
                </div>
              </GridSlot>
            </ChannelBox>
          ))}
        </div>
      ) : null}
      {/* The new input's row is one element in every stage, and on a canvas so is its grid: the
          zero-inserted map turns into the padded one (one ring of p′ larger, repainted whole either
          way) instead of a new canvas being mounted, measured and composited mid-playback, and it
          stays for the sweep. A grid of DOM cells is small, so it mounts afresh per stage as before
          (kept, its cells would fade between unrelated numbers). The boxes are layout-free where a
          stage shows none (.channels__flat). */}
      <div ref={spreadRoot} className={`direct__grids${zero ? ' direct__spread' : ''}${sweep && several ? ' channels__grids' : ''}`}>
        {inputChannels.map((ci, i) => (
          <ChannelBox key={ci} kind="pair" boxed={sweep && several} style={sweepBasis}>
            <InputGrid
              key={drawsOnCanvas(input.rows, input.cols) ? 'canvas' : input.key}
              name={name(input.key, ci)} rows={input.rows} cols={input.cols} value={values[i][input.value]}
              look={looks[i][input.value]} color={colors.x} hover={input.hovers[i]}
            />
            {sweep ? (
              <GridSlot cols={info.kW} maxCell={MAX_CELL}>
                <Grid name={name('grid.flipped', ci)} rows={info.kH} cols={info.kW} value={values[i].flipped} look={looks[i].flipped} color={colors.w} maxCell={MAX_CELL} />
              </GridSlot>
            ) : null}
          </ChannelBox>
        ))}
        {outputsShown ? (
          <ChannelBox kind="outputs" boxed={several} label={severalOut ? t('ch.outputs.label') : undefined} style={outputsBasis}>
            {outputs.map((o, co) => (
              <OutputGrid
                key={co} name={channelName('grid.directOutput', co, severalOut)} followed={co === plan.outChannel} several={severalOut}
                rows={info.outH} cols={info.outW} value={o.value} look={o.look ?? shared.output} color={colors.out}
                hover={co === plan.outChannel ? outputHover : { onHover: undefined, onPick: () => setChannel(co) }}
              />
            ))}
          </ChannelBox>
        ) : null}
      </div>
      {sweep ? <SweepEquation plan={plan} at={at} x={x} w={w} directOutput={numbers.directOutput} several={several} /> : null}
      {sweep ? <DirectFormulas info={info} stage="sweep" /> : null}
      <Legend items={['window', 'active', 'linked', 'zero', 'padding']} />
    </div>
  );
}

/** The new input (zero-inserted, then padded): one grid whose numbers and size follow the stage. */
function InputGrid(props: {
  name: string;
  rows: number;
  cols: number;
  value: ValueFn;
  look: LookFn;
  color: (v: number) => string;
  hover: ReturnType<typeof useHoverHandlers>;
}) {
  return (
    <GridSlot cols={props.cols} maxCell={MAX_CELL}>
      <Grid
        name={props.name} rows={props.rows} cols={props.cols} value={props.value} look={props.look} color={props.color}
        onHover={props.hover.onHover} onPick={props.hover.onPick} maxCell={MAX_CELL}
      />
    </GridSlot>
  );
}

/** One direct output grid; with several output channels its caption says whether it is the one being computed. */
function OutputGrid(props: {
  name: string;
  followed: boolean;
  several: boolean;
  rows: number;
  cols: number;
  value: ValueFn;
  look: LookFn;
  color: (v: number) => string;
  hover: { onHover?: (cell: GridCell | null) => void; onPick: (cell: GridCell) => void };
}) {
  const { name, rows, cols } = props;
  return (
    <GridSlot cols={cols} maxCell={MAX_CELL}>
      <Grid
        name={name}
        caption={props.several ? t(props.followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: rows, w: cols }) : undefined}
        rows={rows} cols={cols} value={props.value} look={props.look} color={props.color}
        onHover={props.hover.onHover} onPick={props.hover.onPick} maxCell={MAX_CELL}
      />
    </GridSlot>
  );
}

function SweepEquation({ plan, at, x, w, directOutput, several }: {
  plan: ConvTransposeDirectPlan; at: number; x: readonly number[]; w: readonly number[]; directOutput: Tensor; several: boolean;
}) {
  const current = step(plan, at);
  if (current.kind !== 'sweep') return null;
  const { products } = evaluateTerms(current.terms, x, w);
  const target = { row: current.target.oy, col: current.target.ox };
  const isZero = (term: { readonly source: string }) => term.source !== 'input';
  return (
    <Equation
      title={several ? t('ch.step.direct', { co: plan.outChannel + 1, ...target }) : t('step.direct', target)}
      products={products}
      muted={current.terms.map(isZero)}
      result={directOutput.data[current.target.outIndex]}
      channels={channelEquation(current.terms, x, w, isZero)}
    />
  );
}
