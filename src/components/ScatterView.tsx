/**
 * The transposed convolution as a scatter, one input cell per step: the cell multiplies the
 * whole kernel and stamps it onto the uncropped canvas, sums accumulating where stamps
 * overlap; the rows/columns the padding crops away are drawn, then cut; the output is the
 * canvas inside the crop (partial sums until the last stamp, the engine's output from then on).
 * With several channels: each input channel of the followed output channel's group stamps its
 * value times its own kernel (weight [Cin, Cout/g, kH, kW]); the canvas is the followed output
 * channel's; every output channel's grid fills in step.
 */
import { useCallback, useMemo } from 'react';
import { hasPadding, scatterCanvasAfter, step, type ConvTransposeScatterPlan } from '../engine';
import { listOf, t } from '../i18n';
import { editCell, useStore } from '../store';
import type { Picture } from '../store/resultsSlice';
import { formatValue } from '../viz/format';
import { maxAbs, valueColor } from '../viz/color';
import { inputCellIndex, inputPlaneBase, plainValue, quietLook, weightCellIndex, weightPlaneBase, type GridCell } from '../viz/looks';
import { canvasOutputCell, canvasSize, canvasValue, scatterLooks, scatterOutputValue, scatterReached } from '../viz/transposeLooks';
import { Grid } from './Grid';
import { Transport } from './Transport';
import { boxBasis, channelName, channelRef, ChannelBox } from './views/channels';
import { GridSlot } from './views/GridSlot';
import { useHoverHandlers, useHoverHandlersEach } from './views/hover';
import { Legend } from './views/Legend';

const MAX_CELL = 2.4;

export interface ScatterViewProps {
  readonly picture: Picture;
  readonly plan: ConvTransposeScatterPlan;
  /** Every output channel's plan (the store's; `plan` is one of them). */
  readonly channels: readonly ConvTransposeScatterPlan[];
  readonly count: number;
  /** True when the picture's sizes are the params' sizes, so edits land on the cells shown. */
  readonly editable: boolean;
}

export function ScatterView({ picture, plan, channels, count, editable }: ScatterViewProps) {
  const at = useStore((s) => Math.min(s.steps.scatter, count - 1));
  const hover = useStore((s) => s.hover);
  const setChannel = useStore((s) => s.setChannel);
  const { info, inputChannels } = plan;
  const { x, w, numbers } = picture;
  const output = numbers.output;
  const final = at === count - 1;
  const severalIn = info.inChannels > 1;
  const severalOut = info.outChannels > 1;
  const severalChannels = severalIn || severalOut;

  const current = useMemo(() => step(plan, at), [plan, at]);
  const canvas = useMemo(() => scatterCanvasAfter(plan, at, x, w), [plan, at, x, w]);
  const reached = useMemo(() => scatterReached(plan, at), [plan, at]);
  const looks = useMemo(
    () => inputChannels.map((ci) => scatterLooks(plan, current, hover, w, reached, final, ci)),
    [plan, inputChannels, current, hover, w, reached, final],
  );
  // Canvas and output notes follow the input channel under the pointer (its kernel), else the first.
  const shared = looks[hover?.grid === 'input' && hover.channel !== undefined ? Math.max(0, inputChannels.indexOf(hover.channel)) : 0];
  const values = useMemo(
    () => inputChannels.map((ci) => ({
      input: plainValue(x, info.inW, inputPlaneBase(plan, ci)),
      kernel: plainValue(w, info.kW, weightPlaneBase(plan, ci)),
    })),
    [plan, inputChannels, x, w, info.inW, info.kW],
  );
  const canvasCells = useMemo(() => canvasValue(plan, canvas, reached), [plan, canvas, reached]);
  // Every output channel receives its stamps in step with the followed one; only that one is marked.
  const outputs = useMemo(
    () => channels.map((other) => {
      if (other === plan) return { value: scatterOutputValue(plan, output.data, canvas, reached, final), look: null };
      const otherCanvas = scatterCanvasAfter(other, at, x, w);
      return {
        value: scatterOutputValue(other, output.data, otherCanvas, reached, final),
        look: quietLook(scatterLooks(other, step(other, at), null, w, reached, final).output),
      };
    }),
    [plan, channels, output, canvas, reached, final, at, x, w],
  );
  // One scale for canvas and output so a partial sum and its final value share a colour.
  const colors = useMemo(
    () => ({ x: valueColor(maxAbs(x)), w: valueColor(maxAbs(w)), out: valueColor(Math.max(maxAbs(output.data), maxAbs(numbers.op === 'convT' ? numbers.full.data : []))) }),
    [x, w, output, numbers],
  );

  const inputRefs = useMemo(
    () => inputChannels.map((ci) => (cell: GridCell) => ({ grid: 'input' as const, row: cell.row, col: cell.col, ...channelRef(ci, severalIn) })),
    [inputChannels, severalIn],
  );
  const inputHovers = useHoverHandlersEach(inputRefs);
  const outputRef = useCallback(
    (cell: GridCell) => ({ grid: 'output' as const, row: cell.row, col: cell.col, ...channelRef(plan.outChannel, severalOut) }),
    [plan.outChannel, severalOut],
  );
  const canvasRef = useCallback(
    (cell: GridCell) => {
      const out = canvasOutputCell(plan, cell.row, cell.col);
      return out ? { grid: 'output' as const, ...out, ...channelRef(plan.outChannel, severalOut) } : null;
    },
    [plan, severalOut],
  );
  const outputHover = useHoverHandlers(outputRef);
  const canvasHover = useHoverHandlers(canvasRef);

  const edits = useMemo(
    () => inputChannels.map((ci) => ({
      input: (r: number, c: number, v: number) => editCell('x', inputCellIndex(plan, ci, r, c), v),
      kernel: (r: number, c: number, v: number) => editCell('w', weightCellIndex(plan, ci, r, c), v),
    })),
    [plan, inputChannels],
  );

  const size = canvasSize(plan);
  const pairBasis = boxBasis([{ cols: info.inW, maxCell: MAX_CELL }, { cols: info.kW, maxCell: MAX_CELL }]);
  const canvasBasis = boxBasis([{ cols: size.cols, maxCell: MAX_CELL }]);
  const outputsBasis = boxBasis(outputs.map(() => ({ cols: info.outW, maxCell: MAX_CELL })));
  const cropped = current.terms.some((term) => term.cropped);
  const crops = hasPadding(info.pad);
  // The value each input channel stamps this step (one per channel: the first term of each).
  const sources = inputChannels.map((ci) => ({ ci, value: x[current.terms.find((term) => term.inputChannel === ci)?.xIndex ?? 0] }));
  const stepText = inputChannels.length > 1
    ? t('ch.scatter.step', {
      row: current.source.iy,
      col: current.source.ix,
      co: plan.outChannel + 1,
      values: listOf(sources.map((src) => t('ch.scatter.value', { c: src.ci + 1, value: formatValue(src.value) }))),
    })
    : severalOut
      ? t('ch.scatter.stepOne', { row: current.source.iy, col: current.source.ix, value: formatValue(sources[0].value), co: plan.outChannel + 1 })
      : t('step.scatter', { row: current.source.iy, col: current.source.ix, value: formatValue(sources[0].value) });

  return (
    <div className="scatter">
      <Transport view="scatter" count={count} />
      <p className="scatter__step">
        {stepText}
        {cropped ? ` ${t('step.scatter.cropped')}` : ''}
      </p>
      <div className={`scatter__grids${severalChannels ? ' channels__grids' : ''}`}>
        {inputChannels.map((ci, i) => (
          <ChannelBox key={ci} kind="pair" boxed={severalChannels} label={severalChannels ? t('ch.pair.label', { c: ci + 1 }) : undefined} style={pairBasis}>
            <GridSlot cols={info.inW} maxCell={MAX_CELL}>
              <Grid
                name={channelName('grid.input', ci, severalIn)} rows={info.inH} cols={info.inW} value={values[i].input} look={looks[i].input} color={colors.x}
                onHover={inputHovers[i].onHover} onPick={inputHovers[i].onPick} onEdit={editable ? edits[i].input : undefined} maxCell={MAX_CELL}
              />
            </GridSlot>
            <GridSlot cols={info.kW} maxCell={MAX_CELL}>
              <Grid
                name={channelName('grid.kernel', ci, severalIn)}
                caption={severalChannels ? t('ch.grid.kernelCaption', { h: info.kH, w: info.kW, ci: ci + 1, co: plan.outChannel + 1 }) : undefined}
                rows={info.kH} cols={info.kW} value={values[i].kernel} look={looks[i].kernel} color={colors.w}
                onEdit={editable ? edits[i].kernel : undefined} maxCell={MAX_CELL}
              />
            </GridSlot>
          </ChannelBox>
        ))}
        <ChannelBox kind="outputs" boxed={severalChannels} style={canvasBasis}>
          <GridSlot cols={size.cols} maxCell={MAX_CELL}>
            <Grid
              name={channelName('grid.canvas', plan.outChannel, severalOut)} rows={size.rows} cols={size.cols} value={canvasCells} look={shared.canvas} color={colors.out}
              onHover={canvasHover.onHover} onPick={canvasHover.onPick} maxCell={MAX_CELL}
            />
          </GridSlot>
        </ChannelBox>
        <ChannelBox kind="outputs" boxed={severalChannels} label={severalOut ? t('ch.outputs.label') : undefined} style={outputsBasis}>
          {outputs.map((o, co) => {
            const name = channelName('grid.output', co, severalOut);
            const followed = co === plan.outChannel;
            const state = final ? t('scatter.final') : t('scatter.partial');
            const size = t('grid.size', { name, h: info.outH, w: info.outW });
            const caption = severalOut
              ? `${t(followed ? 'ch.grid.outputFollowed' : 'ch.grid.outputOther', { name, h: info.outH, w: info.outW })} · ${state}`
              : `${size} · ${state}`;
            return (
              <GridSlot key={co} cols={info.outW} maxCell={MAX_CELL}>
                <Grid
                  name={name}
                  caption={caption}
                  rows={info.outH} cols={info.outW} value={o.value} look={o.look ?? shared.output} color={colors.out}
                  onHover={followed ? outputHover.onHover : undefined}
                  onPick={followed ? outputHover.onPick : () => setChannel(co)}
                  maxCell={MAX_CELL}
                />
              </GridSlot>
            );
          })}
        </ChannelBox>
      </div>
      <p className="scatter__note">
        {crops ? t('scatter.cropNote', { top: info.pad.top, bottom: info.pad.bottom, left: info.pad.left, right: info.pad.right }) : t('scatter.noCrop')}
        {info.outputPaddingH + info.outputPaddingW > 0 ? ` ${t('scatter.outputPadding', { ah: info.outputPaddingH, aw: info.outputPaddingW })}` : ''}
      </p>
      <Legend items={['active', 'linked', 'cropped', 'padding']} />
    </div>
  );
}
