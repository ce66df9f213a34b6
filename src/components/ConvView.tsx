/**
 * The convolution, one output cell per step: the input with its padding ring, the kernel (and
 * the spread kernel when dilated), the output filling up, and the step's equation. Hover an
 * output cell for its receptive field, an input cell for the output cells it feeds; click pins.
 * With several channels: one input grid and one kernel per input channel the followed output
 * channel reads (its group), an output grid per output channel (all fill in step; the followed
 * one is the animated one), and the equation summed per channel, then over the channels.
 * Everything is drawn from the last valid picture, so an impossible setting keeps it on screen.
 */
import { useCallback, useMemo } from 'react';
import { convStep, evaluateTerms, hasPadding, paddedInputSize, type ConvPlan, type Tensor } from '../engine';
import { t } from '../i18n';
import { editCell, selectEditable, useStore } from '../store';
import { selectConvPlans } from '../store/plans';
import type { Picture } from '../store/resultsSlice';
import { maxAbs, valueColor } from '../viz/color';
import {
  convLooks, dilatedSize, dilatedValue, paddedCellIndex, paddedInputValue, paddedToInput, plainValue, progressiveValue, quietLook,
  weightCellIndex, weightPlaneBase, type GridCell,
} from '../viz/looks';
import { Equation } from './Equation';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { WeightLayout } from './WeightLayout';
import { ChannelNote, ChannelPicker, boxBasis, channelEquation, channelName, channelRef, ChannelBox } from './views/channels';
import { GridSlot, TALL_ROWS } from './views/GridSlot';
import { hoverSentence, useHoverHandlers, useHoverHandlersEach } from './views/hover';
import { Legend } from './views/Legend';

/** Cell size caps (rem): the main grids, and the small spread-kernel aside. */
const MAX_CELL = 2.6;
const MAX_CELL_SMALL = 1.8;

export function ConvView() {
  const picture = useStore((s) => s.picture);
  const plans = useStore(selectConvPlans);
  if (!picture || !plans || picture.numbers.op !== 'conv') return null;
  return <ConvBody picture={picture} plan={plans.conv} channels={plans.channels} count={plans.counts.conv} output={picture.numbers.output} />;
}

interface BodyProps {
  readonly picture: Picture;
  readonly plan: ConvPlan;
  /** Every output channel's plan (the store's; `plan` is one of them). */
  readonly channels: readonly ConvPlan[];
  readonly count: number;
  readonly output: Tensor;
}

function ConvBody({ picture, plan, channels, count, output }: BodyProps) {
  const at = useStore((s) => Math.min(s.steps.conv, count - 1));
  const hover = useStore((s) => s.hover);
  const pinned = useStore((s) => s.pinned);
  // Edits go to the current params' values; only offer them while those are the picture's sizes.
  const editable = useStore(selectEditable);
  const setChannel = useStore((s) => s.setChannel);
  const { info, inputChannels } = plan;
  const { x, w } = picture;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;

  // convStep rather than the engine's generic step(): that one brings every kind of plan's code.
  const current = useMemo(() => convStep(plan, at), [plan, at]);
  const looks = useMemo(() => inputChannels.map((ci) => convLooks(plan, current, hover, w, ci)), [plan, inputChannels, current, hover, w]);
  // The output grid's notes follow the input channel under the pointer (its kernel), else the first.
  const shared = looks[hover?.grid === 'input' && hover.channel !== undefined ? Math.max(0, inputChannels.indexOf(hover.channel)) : 0];
  const values = useMemo(
    () => inputChannels.map((ci) => ({
      input: paddedInputValue(plan, x, ci),
      kernel: plainValue(w, info.kW, weightPlaneBase(plan, ci)),
      dilated: dilatedValue(plan, w, weightPlaneBase(plan, ci)),
    })),
    [plan, inputChannels, x, w, info.kW],
  );
  // Every output channel fills in step with the followed one; only the followed one is marked.
  const outputs = useMemo(
    () => channels.map((other) => {
      if (other === plan) return { value: progressiveValue(plan, output.data, at), look: null };
      return { value: progressiveValue(other, output.data, at), look: quietLook(convLooks(other, convStep(other, at), null, w).output) };
    }),
    [plan, channels, output, at, w],
  );
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(maxAbs(output.data)) }),
    [x, w, output],
  );

  const inputRefs = useMemo(
    () => inputChannels.map((ci) => (cell: GridCell) => ({ grid: 'input' as const, ...paddedToInput(plan, cell.row, cell.col), ...channelRef(ci, severalIn) })),
    [plan, inputChannels, severalIn],
  );
  const inputHovers = useHoverHandlersEach(inputRefs);
  const outputRef = useCallback(
    (cell: GridCell) => ({ grid: 'output' as const, row: cell.row, col: cell.col, ...channelRef(plan.outChannel, severalOut) }),
    [plan.outChannel, severalOut],
  );
  const outputHover = useHoverHandlers(outputRef);

  const edits = useMemo(
    () => inputChannels.map((ci) => ({
      input: (r: number, c: number, v: number) => {
        const index = paddedCellIndex(plan, ci, r, c);
        if (index !== null) editCell('x', index, v);
      },
      kernel: (r: number, c: number, v: number) => editCell('w', weightCellIndex(plan, ci, r, c), v),
    })),
    [plan, inputChannels],
  );

  const equation = useMemo(
    () => ({
      products: evaluateTerms(current.terms, x, w).products,
      muted: current.terms.map((term) => term.padding),
      channels: channelEquation(current.terms, x, w, (term) => term.padding),
    }),
    [current, x, w],
  );
  const padded = paddedInputSize(info);
  const dilated = dilatedSize(plan);
  const isDilated = info.dilationH > 1 || info.dilationW > 1;
  const padding = hasPadding(info.pad);
  const sentence = hoverSentence(hover, pinned);
  const severalChannels = severalIn || severalOut;
  const target = { row: current.target.oy, col: current.target.ox };
  const pairBasis = boxBasis([
    { cols: padded.cols, maxCell: MAX_CELL }, { cols: info.kW, maxCell: MAX_CELL }, ...(isDilated ? [{ cols: dilated.cols, maxCell: MAX_CELL_SMALL }] : []),
  ]);
  const outputsBasis = boxBasis(outputs.map(() => ({ cols: info.outW, maxCell: MAX_CELL })));

  return (
    <section className={`conv-view${padded.rows >= TALL_ROWS ? ' conv-view--tall' : ''}`} aria-label={t('view.conv')}>
      <Transport view="conv" count={count} />
      <ChannelPicker count={info.outChannels} value={plan.outChannel} />
      <ChannelNote
        inChannels={info.inChannels} groups={info.groups} outChannel={plan.outChannel} group={plan.group} inputChannels={inputChannels} transposed={false}
      />
      <div className={`conv-view__grids${severalChannels ? ' channels__grids' : ''}`}>
        {inputChannels.map((ci, i) => {
          const inputName = channelName('grid.input', ci, severalIn);
          return (
            <ChannelBox key={ci} kind="pair" boxed={severalChannels} label={severalChannels ? t('ch.pair.label', { c: ci + 1 }) : undefined} style={pairBasis}>
              <GridSlot cols={padded.cols} maxCell={MAX_CELL}>
                <Grid
                  name={inputName}
                  caption={padding ? t('grid.withPadding', { name: inputName, h: info.inH, w: info.inW, ph: padded.rows, pw: padded.cols }) : undefined}
                  rows={padded.rows}
                  cols={padded.cols}
                  value={values[i].input}
                  look={looks[i].input}
                  color={colors.x}
                  onHover={inputHovers[i].onHover}
                  onPick={inputHovers[i].onPick}
                  onEdit={editable ? edits[i].input : undefined}
                  maxCell={MAX_CELL}
                />
              </GridSlot>
              <GridSlot cols={info.kW} maxCell={MAX_CELL}>
                <Grid
                  name={channelName('grid.kernel', ci, severalIn)}
                  caption={severalChannels ? t('ch.grid.kernelCaption', { h: info.kH, w: info.kW, ci: ci + 1, co: plan.outChannel + 1 }) : undefined}
                  rows={info.kH}
                  cols={info.kW}
                  value={values[i].kernel}
                  look={looks[i].kernel}
                  color={colors.w}
                  onEdit={editable ? edits[i].kernel : undefined}
                  maxCell={MAX_CELL}
                />
              </GridSlot>
              {isDilated ? (
                <GridSlot cols={dilated.cols} maxCell={MAX_CELL_SMALL}>
                  <Grid
                    name={channelName('grid.dilated', ci, severalIn)}
                    caption={t('grid.dilatedCaption', { h: dilated.rows, w: dilated.cols, dh: info.dilationH, dw: info.dilationW })}
                    rows={dilated.rows}
                    cols={dilated.cols}
                    value={values[i].dilated}
                    look={looks[i].dilated}
                    color={colors.w}
                    maxCell={MAX_CELL_SMALL}
                  />
                </GridSlot>
              ) : null}
            </ChannelBox>
          );
        })}
        <ChannelBox kind="outputs" boxed={severalChannels} label={severalOut ? t('ch.outputs.label') : undefined} style={outputsBasis}>
          {outputs.map((o, co) => {
            const name = channelName('grid.output', co, severalOut);
            const followed = co === plan.outChannel;
            return (
              <GridSlot key={co} cols={info.outW} maxCell={MAX_CELL}>
                <Grid
                  name={name}
                  caption={severalOut ? t(followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: info.outH, w: info.outW }) : undefined}
                  rows={info.outH}
                  cols={info.outW}
                  value={o.value}
                  look={o.look ?? shared.output}
                  color={colors.out}
                  onHover={followed ? outputHover.onHover : undefined}
                  onPick={followed ? outputHover.onPick : () => setChannel(co)}
                  maxCell={MAX_CELL}
                />
              </GridSlot>
            );
          })}
        </ChannelBox>
      </div>
      <Equation
        title={severalChannels ? t('ch.step.conv', { co: plan.outChannel + 1, ...target }) : t('step.conv', target)}
        products={equation.products}
        muted={equation.muted}
        result={output.data[current.target.outIndex]}
        channels={equation.channels}
      />
      <p className="conv-view__hover" aria-live="polite">{sentence ?? t('hover.hint')}</p>
      <Legend items={padding ? ['window', 'active', 'linked', 'padding'] : ['window', 'active', 'linked']} />
      <WeightLayout info={info} op="conv" />
    </section>
  );
}
