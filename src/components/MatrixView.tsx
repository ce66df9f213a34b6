/**
 * The matrix view: a convolution is a sparse matrix C (one row per output cell, one column per
 * input cell) times the flattened input; a transposed convolution multiplies by Cᵀ. The matrix
 * comes from the worker (numbers.matrix, null past 6×6 inputs); the product is the engine's
 * output. Hovering a matrix entry lights the input and output cells it links, in the vectors
 * and in small 2-D copies; hovering an input (output) cell lights its column (row). Click pins.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ConvMatrix, MatrixEntry, MatrixGrid } from '../engine';
import { addMessages, t, type MessageKey } from '../i18n';
import { enPanels } from '../i18n/en-panels';
import { useStore } from '../store';
import { maxAbs, valueColor } from '../viz/color';
import { formatValue } from '../viz/format';
import { cellText, entryAt, entryIndex, flatIndex, matrixLinks, matrixLooks, matrixValue, type MatrixHover } from '../viz/matrixLooks';
import { Grid } from './Grid';
import type { GridCell } from '../viz/looks';
import { channelGridName } from './views/channels';
import { GridSlot } from './views/GridSlot';
import { Legend } from './views/Legend';

// The panels load on demand, so their words come with them rather than with the first page.
addMessages(enPanels);

/** The most matrix cells drawn as DOM cells (4 channels of a 6×6 transposed convolution exceed it). */
export const MATRIX_MAX_CELLS = 12_000;

const MATRIX_CELL = { max: 2, min: 1.35 };
const VECTOR_CELL = { max: 1.9, min: 1.35 };
/** Vectors longer than this use the smallest cells: a 72-cell column is tall enough already. */
const LONG_VECTOR = 16;
const vectorCell = (length: number) => (length > LONG_VECTOR ? { max: VECTOR_CELL.min, min: VECTOR_CELL.min } : VECTOR_CELL);
const SMALL_CELL = { max: 1.8, min: 1.35 };

export function MatrixView() {
  const picture = useStore((s) => s.picture);
  if (!picture || picture.numbers.op === 'unpool' || picture.explored.op === 'unpool') return null;
  const { numbers, explored } = picture;
  const intro = <p className="matrix-view__intro">{t(explored.op === 'conv' ? 'matrix.introConv' : 'matrix.introConvT')}</p>;
  if (!numbers.matrix) {
    const { inH, inW } = explored.info;
    return (
      <div className="matrix-view">
        {intro}
        <p className="matrix-view__limit" role="status">{t('matrix.tooLarge', { h: inH, w: inW })}</p>
      </div>
    );
  }
  const m = numbers.matrix;
  if (m.rows * m.cols > MATRIX_MAX_CELLS) {
    return (
      <div className="matrix-view">
        {intro}
        <p className="matrix-view__limit" role="status">{t('matrix.tooManyCells', { rows: m.rows, cols: m.cols })}</p>
      </div>
    );
  }
  return <MatrixBody key={`${m.rows}x${m.cols}`} m={m} x={picture.x} y={numbers.output.data} intro={intro} />;
}

interface BodyProps {
  readonly m: ConvMatrix;
  /** The flattened input (NCHW, one batch item): the matrix's columns. */
  readonly x: ArrayLike<number>;
  /** The engine's output, flattened: the matrix's rows. */
  readonly y: ArrayLike<number>;
  readonly intro: ReactNode;
}

/** Hover with a pin: a click keeps the cell lit until it is clicked again. */
function usePinnedHover() {
  const [state, setState] = useState<{ hover: MatrixHover | null; pinned: boolean }>({ hover: null, pinned: false });
  const same = (a: MatrixHover | null, b: MatrixHover) => JSON.stringify(a) === JSON.stringify(b);
  const hoverTo = useCallback((h: MatrixHover | null) => setState((s) => (s.pinned ? s : { hover: h, pinned: false })), []);
  const pin = useCallback((h: MatrixHover) => setState((s) => (s.pinned && same(s.hover, h) ? { hover: null, pinned: false } : { hover: h, pinned: true })), []);
  return { ...state, hoverTo, pin };
}

function MatrixBody({ m, x, y, intro }: BodyProps) {
  const { hover, pinned, hoverTo, pin } = usePinnedHover();
  const entries = useMemo(() => entryIndex(m), [m]);
  const looks = useMemo(() => {
    const l = matrixLooks(m, entries, hover);
    return { ...l, x2d: planes(m.colGrid).map(l.input2d), y2d: planes(m.rowGrid).map(l.output2d) };
  }, [m, entries, hover]);
  const values = useMemo(
    () => ({
      matrix: matrixValue(m, entries),
      x: (r: number) => x[r],
      y: (r: number) => y[r],
      x2d: planes(m.colGrid).map((ch) => (r: number, c: number) => x[flatIndex(m.colGrid, ch, r, c)]),
      y2d: planes(m.rowGrid).map((ch) => (r: number, c: number) => y[flatIndex(m.rowGrid, ch, r, c)]),
    }),
    [m, entries, x, y],
  );
  const colors = useMemo(
    () => ({ m: valueColor(maxAbs(m.entries.map((e) => e.value))), x: valueColor(maxAbs(x)), y: valueColor(maxAbs(y)) }),
    [m, x, y],
  );
  const handlers = useMemo(() => {
    const on = (to: (cell: GridCell) => MatrixHover) => ({
      onHover: (cell: GridCell | null) => hoverTo(cell ? to(cell) : null),
      onPick: (cell: GridCell) => pin(to(cell)),
    });
    return {
      matrix: on(({ row, col }) => ({ on: 'entry', row, col })),
      x: on(({ row }) => ({ on: 'input', index: row })),
      y: on(({ row }) => ({ on: 'output', index: row })),
      x2d: planes(m.colGrid).map((ch) => on(({ row, col }) => ({ on: 'input', index: flatIndex(m.colGrid, ch, row, col) }))),
      y2d: planes(m.rowGrid).map((ch) => on(({ row, col }) => ({ on: 'output', index: flatIndex(m.rowGrid, ch, row, col) }))),
    };
  }, [hoverTo, pin, m]);

  const transposed = m.kind === 'convTranspose';
  const name = transposed ? 'Cᵀ' : 'C';
  const channels = m.colGrid.channels > 1 || m.rowGrid.channels > 1;
  const sentence = hover ? hoverSentence(m, entries, hover, name) : t('matrix.hint');

  return (
    <div className="matrix-view">
      {intro}
      {channels ? <p className="matrix-view__note">{t('matrix.channels')}</p> : null}
      <div className="matrix-view__product">
        <GridSlot cols={m.cols} maxCell={MATRIX_CELL.max} minCell={MATRIX_CELL.min}>
          <Grid
            name={t('panels.grid.matrix')}
            caption={t('matrix.caption', { m: name, rows: m.rows, cols: m.cols })}
            rows={m.rows}
            cols={m.cols}
            value={values.matrix}
            look={looks.matrix}
            color={colors.m}
            onHover={handlers.matrix.onHover}
            onPick={handlers.matrix.onPick}
            maxCell={MATRIX_CELL.max}
          />
        </GridSlot>
        <span className="matrix-view__op" aria-hidden="true">×</span>
        <GridSlot cols={1} maxCell={vectorCell(m.cols).max} minCell={vectorCell(m.cols).min}>
          <Grid
            name={t('panels.grid.flatInput')}
            caption={t('matrix.vectorCaption', { name: t('panels.grid.flatInput'), n: m.cols })}
            rows={m.cols}
            cols={1}
            value={values.x}
            look={looks.inputVector}
            color={colors.x}
            onHover={handlers.x.onHover}
            onPick={handlers.x.onPick}
            maxCell={vectorCell(m.cols).max}
          />
        </GridSlot>
        <span className="matrix-view__op" aria-hidden="true">=</span>
        <GridSlot cols={1} maxCell={vectorCell(m.rows).max} minCell={vectorCell(m.rows).min}>
          <Grid
            name={t('panels.grid.flatOutput')}
            caption={t('matrix.vectorCaption', { name: t('panels.grid.flatOutput'), n: m.rows })}
            rows={m.rows}
            cols={1}
            value={values.y}
            look={looks.outputVector}
            color={colors.y}
            onHover={handlers.y.onHover}
            onPick={handlers.y.onPick}
            maxCell={vectorCell(m.rows).max}
          />
        </GridSlot>
      </div>
      <div className="matrix-view__planes">
        {planes(m.colGrid).map((ch) => (
          <GridSlot key={`in${ch}`} cols={m.colGrid.w} maxCell={SMALL_CELL.max} minCell={SMALL_CELL.min}>
            <Grid
              name={channelGridName(t('panels.grid.input2d'), ch, m.colGrid.channels > 1)}
              rows={m.colGrid.h}
              cols={m.colGrid.w}
              value={values.x2d[ch]}
              look={looks.x2d[ch]}
              color={colors.x}
              onHover={handlers.x2d[ch].onHover}
              onPick={handlers.x2d[ch].onPick}
              maxCell={SMALL_CELL.max}
            />
          </GridSlot>
        ))}
        {planes(m.rowGrid).map((ch) => (
          <GridSlot key={`out${ch}`} cols={m.rowGrid.w} maxCell={SMALL_CELL.max} minCell={SMALL_CELL.min}>
            <Grid
              name={channelGridName(t('panels.grid.output2d'), ch, m.rowGrid.channels > 1)}
              rows={m.rowGrid.h}
              cols={m.rowGrid.w}
              value={values.y2d[ch]}
              look={looks.y2d[ch]}
              color={colors.y}
              onHover={handlers.y2d[ch].onHover}
              onPick={handlers.y2d[ch].onPick}
              maxCell={SMALL_CELL.max}
            />
          </GridSlot>
        ))}
      </div>
      {/* Below the grids: its length changes with the hover, and nothing under the pointer may move. */}
      <p className="matrix-view__hover" aria-live="polite">
        {sentence}
        {pinned ? ` ${t('hover.pinned')}` : ''}
      </p>
      <Legend items={[{ swatch: 'zero', label: 'matrix.legendZero' }, { swatch: 'active', label: 'matrix.legendActive' }, 'linked']} />
    </div>
  );
}

const planes = (g: MatrixGrid): number[] => Array.from({ length: g.channels }, (_, i) => i);

/** A cell of grid `g` as words: `(y, x)`, or `(channel c: y, x)` with several channels. */
function cellWords(g: MatrixGrid, index: number): string {
  const { channel, y, x } = cellText(g, index);
  return channel === null ? t('matrix.cell', { y, x }) : t('matrix.cellChannel', { c: channel, y, x });
}

function hoverSentence(m: ConvMatrix, entries: ReadonlyMap<number, MatrixEntry>, hover: MatrixHover, name: string): string {
  if (hover.on === 'entry') {
    const e = entryAt(m, entries, hover.row, hover.col);
    const vars = { m: name, row: hover.row, col: hover.col, input: cellWords(m.colGrid, hover.col), output: cellWords(m.rowGrid, hover.row) };
    if (!e) return t('matrix.hover.zero', vars);
    return t('matrix.hover.entry', { ...vars, value: formatValue(e.value), ky: e.ky, kx: e.kx });
  }
  const links = matrixLinks(m, entries, hover);
  const key: MessageKey = hover.on === 'input' ? 'matrix.hover.input' : 'matrix.hover.output';
  const cell = hover.on === 'input' ? cellWords(m.colGrid, hover.index) : cellWords(m.rowGrid, hover.index);
  return t(key, { m: name, cell, index: hover.index, n: hover.on === 'input' ? links.outputs.size : links.inputs.size });
}
