/**
 * A dumb ARIA grid: it draws rows × cols cells and asks functions what each cell holds and
 * looks like. Arrow keys move between cells (one tab stop per grid); on an editable grid,
 * Enter or a digit starts typing, Enter commits, Escape cancels. Focus counts as hover, so
 * the linking between grids works from the keyboard too. A touch screen has no hover: there
 * the first tap on an editable cell pins its links (what it feeds), a second tap edits it.
 *
 * Cells are memoised components with plain props and the grid listens once (event
 * delegation), so a step that changes a few cells re-renders only those: a 32×32 grid steps
 * without re-rendering a thousand cells. Grids of more cells than that are drawn on a canvas
 * instead (CanvasGrid, a lazily loaded chunk), which repaints only the cells a step changes.
 */
import { lazy, memo, Suspense, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { formatFull, formatValue } from '../viz/format';
import { drawsOnCanvas, type GridCell, type LookFn, type Mark, type Tone, type ValueFn } from '../viz/looks';
import { t } from '../i18n';
import { CellEditor, onCellKey, useCellEditing } from './CellEditor';

export interface GridProps {
  /** The accessible name ("Input", "Kernel", "Output", …). */
  readonly name: string;
  /** Visible caption; defaults to "name h × w". */
  readonly caption?: string;
  readonly rows: number;
  readonly cols: number;
  /** The number in a cell, or null for a blank one. */
  readonly value: ValueFn;
  readonly look?: LookFn;
  readonly color?: (v: number) => string;
  readonly onHover?: (cell: GridCell | null) => void;
  readonly onPick?: (cell: GridCell) => void;
  /** Makes cells editable: called with a parsed number when the learner commits. */
  readonly onEdit?: (row: number, col: number, value: number) => void;
  /** Cells of the largest grids shrink; a smaller `maxCell` (rem) keeps small ones modest. */
  readonly maxCell?: number;
}

interface CellProps {
  readonly id: string;
  readonly text: string;
  readonly full: string | undefined;
  readonly tone: Tone;
  readonly mark: Mark;
  readonly note: string | undefined;
  readonly background: string | undefined;
  readonly focusable: boolean;
}

/** One cell; re-renders only when one of its plain props changes. */
const Cell = memo(function Cell({ id, text, full, tone, mark, note, background, focusable }: CellProps) {
  return (
    <div
      role="gridcell"
      data-cell={id}
      className={`cell cell--${tone}${mark ? ` cell--${mark}` : ''}`}
      style={background ? { background } : undefined}
      tabIndex={focusable ? 0 : -1}
      title={full}
      aria-selected={mark === 'active' || mark === 'linked' ? true : undefined}
    >
      {text}
      {note ? <span className="cell__note" aria-hidden="true">{note}</span> : null}
    </div>
  );
});

/** The (row, col) of the cell an event happened in, if any. */
function cellOf(e: SyntheticEvent): [number, number] | null {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
  if (!el?.dataset.cell) return null;
  const [r, c] = el.dataset.cell.split('-').map(Number);
  return [r, c];
}

function GridImpl(props: GridProps) {
  const { name, rows, cols, value, look, color, onHover, onPick, onEdit } = props;
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const root = useRef<HTMLDivElement>(null);
  const last = useRef<string | null>(null);
  // Touch (no hover): the first tap on an editable cell shows its links, a second tap on it edits.
  const touch = useRef(false);
  const tapped = useRef<string | null>(null);
  const fr = Math.min(focus[0], rows - 1);
  const fc = Math.min(focus[1], cols - 1);

  const moveTo = (r: number, c: number) => {
    const nr = Math.max(0, Math.min(rows - 1, r));
    const nc = Math.max(0, Math.min(cols - 1, c));
    setFocus([nr, nc]);
    root.current?.querySelector<HTMLElement>(`[data-cell="${nr}-${nc}"]`)?.focus();
  };

  const { editing, setEditing, startEdit, commit, cancel } = useCellEditing(onEdit, value, look, moveTo);

  const hoverAt = (cell: [number, number] | null) => {
    const key = cell ? `${cell[0]}-${cell[1]}` : null;
    if (key === last.current) return;
    last.current = key;
    onHover?.(cell ? { row: cell[0], col: cell[1] } : null);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = cellOf(e);
    if (!at || (e.target as HTMLElement).tagName === 'INPUT') return;
    onCellKey(e, at[0], at[1], cols, { moveTo, startEdit: onEdit ? startEdit : null, value, onPick });
  };

  const rowsOut = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const id = `${r}-${c}`;
      if (editing && editing.r === r && editing.c === c) {
        cells.push(
          <div key={c} role="gridcell" data-cell={id} className="cell cell--value cell--active">
            <CellEditor
              grid={name}
              editing={editing}
              onChange={setEditing}
              onCommit={commit}
              onCancel={cancel}
            />
          </div>,
        );
        continue;
      }
      const v = value(r, c);
      const l = look?.(r, c) ?? {};
      const tone = l.tone ?? 'value';
      cells.push(
        <Cell
          key={c}
          id={id}
          text={v === null ? '' : formatValue(v)}
          full={v === null ? undefined : formatFull(v)}
          tone={tone}
          mark={l.mark ?? null}
          note={l.note}
          background={v !== null && tone === 'value' && color ? color(v) : undefined}
          focusable={r === fr && c === fc}
        />,
      );
    }
    rowsOut.push(
      <div role="row" key={r} className="grid__row">
        {cells}
      </div>,
    );
  }

  return (
    <figure className="grid-figure">
      <figcaption className="grid-figure__caption">{props.caption ?? t('grid.size', { name, h: rows, w: cols })}</figcaption>
      <div
        ref={root}
        role="grid"
        aria-label={name}
        aria-rowcount={rows}
        aria-colcount={cols}
        className="grid"
        style={{ ['--cols' as string]: cols, ['--max-cell' as string]: `${props.maxCell ?? 2.6}rem` }}
        onPointerOver={onHover ? (e) => hoverAt(cellOf(e)) : undefined}
        onPointerLeave={onHover ? () => hoverAt(null) : undefined}
        onPointerDown={(e) => {
          touch.current = e.pointerType === 'touch';
        }}
        onFocus={(e) => {
          const at = cellOf(e);
          if (!at || (e.target as HTMLElement).tagName === 'INPUT') return;
          setFocus(at);
          hoverAt(at);
        }}
        onClick={(e) => {
          const at = cellOf(e);
          if (!at || (e.target as HTMLElement).tagName === 'INPUT') return;
          const key = `${at[0]}-${at[1]}`;
          if (onEdit && onPick && touch.current && tapped.current !== key) {
            tapped.current = key;
            onPick({ row: at[0], col: at[1] });
          } else if (onEdit) {
            tapped.current = null;
            startEdit(at[0], at[1], String(value(at[0], at[1]) ?? ''));
          } else onPick?.({ row: at[0], col: at[1] });
        }}
        onKeyDown={onKey}
      >
        {rowsOut}
      </div>
      {editing?.bad ? (
        <p className="grid-figure__error" role="alert">
          {t('cell.bad')}
        </p>
      ) : null}
    </figure>
  );
}

/** Large grids: a canvas, loaded (with its pan/zoom) the first time one shows. */
const CanvasGrid = lazy(() => import('./CanvasGrid'));

/** A grid drawn cell by cell (GridImpl), or on a canvas past CANVAS_FROM_CELLS cells (CanvasGrid). */
function GridSwitch(props: GridProps) {
  if (!drawsOnCanvas(props.rows, props.cols)) return <GridImpl {...props} />;
  const caption = props.caption ?? t('grid.size', { name: props.name, h: props.rows, w: props.cols });
  return (
    <Suspense fallback={<figure className="grid-figure"><figcaption className="grid-figure__caption">{caption}</figcaption></figure>}>
      <CanvasGrid {...props} />
    </Suspense>
  );
}

/** See GridImpl and CanvasGrid. Memoised: grids re-render only when their functions change. */
export const Grid = memo(GridSwitch);
