/**
 * A dumb ARIA grid: it draws rows × cols cells and asks functions what each cell holds and
 * looks like. Arrow keys move between cells (one tab stop per grid); on an editable grid,
 * Enter or a digit starts typing, Enter commits, Escape cancels. Focus counts as hover, so
 * the linking between grids works from the keyboard too.
 */
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { formatFull, formatValue } from '../viz/format';
import { t } from '../i18n';

/** What a cell is: a real value, a padding cell, an inserted zero, a cell cropped away, or nothing. */
export type CellTone = 'value' | 'padding' | 'zero' | 'cropped' | 'empty';

/** Highlights, from strongest: the cell being computed, the window it reads, cells linked by hover, cells already done. */
export type CellMark = 'active' | 'window' | 'linked' | 'done' | 'switch' | null;

export interface CellLook {
  readonly tone?: CellTone;
  readonly mark?: CellMark;
  /** A small label in the corner (the kernel tap or the multiplier). */
  readonly note?: string;
}

export interface GridProps {
  /** The accessible name ("Input", "Kernel", "Output", …). */
  readonly name: string;
  /** Visible caption; defaults to "name h × w". */
  readonly caption?: string;
  readonly rows: number;
  readonly cols: number;
  /** The number in a cell, or null for a blank one. */
  readonly value: (r: number, c: number) => number | null;
  readonly look?: (r: number, c: number) => CellLook;
  readonly color?: (v: number) => string;
  readonly onHover?: (cell: { row: number; col: number } | null) => void;
  readonly onPick?: (cell: { row: number; col: number }) => void;
  /** Makes cells editable: called with a parsed number when the learner commits. */
  readonly onEdit?: (row: number, col: number, value: number) => void;
  /** Cells of the largest grids shrink; a smaller `maxCell` (rem) keeps small ones modest. */
  readonly maxCell?: number;
}

const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i;

function GridImpl(props: GridProps) {
  const { name, rows, cols, value, look, color, onHover, onPick, onEdit } = props;
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [editing, setEditing] = useState<{ r: number; c: number; text: string; bad: boolean } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const fr = Math.min(focus[0], rows - 1);
  const fc = Math.min(focus[1], cols - 1);

  const moveTo = (r: number, c: number) => {
    const nr = Math.max(0, Math.min(rows - 1, r));
    const nc = Math.max(0, Math.min(cols - 1, c));
    setFocus([nr, nc]);
    root.current?.querySelector<HTMLElement>(`[data-cell="${nr}-${nc}"]`)?.focus();
  };

  const startEdit = (r: number, c: number, text: string) => {
    if (!onEdit || value(r, c) === null || (look?.(r, c).tone ?? 'value') !== 'value') return;
    setEditing({ r, c, text, bad: false });
  };

  const commit = () => {
    if (!editing || !onEdit) return;
    if (!NUMBER.test(editing.text) || !Number.isFinite(Number(editing.text))) {
      setEditing({ ...editing, bad: true });
      return;
    }
    onEdit(editing.r, editing.c, Number(editing.text));
    setEditing(null);
    moveTo(editing.r, editing.c);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, cols - 1],
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      e.stopPropagation();
      moveTo(to[0], to[1]);
    } else if (onEdit && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      e.stopPropagation();
      startEdit(r, c, String(value(r, c) ?? ''));
    } else if (onEdit && /^[-\d.]$/.test(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      startEdit(r, c, e.key);
    } else if (onPick && e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onPick({ row: r, col: c });
    }
  };

  const cellsRows = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const v = value(r, c);
      const l = look?.(r, c) ?? {};
      const tone = l.tone ?? 'value';
      const isEditing = editing && editing.r === r && editing.c === c;
      cells.push(
        <div
          key={c}
          role="gridcell"
          data-cell={`${r}-${c}`}
          className={`cell cell--${tone}${l.mark ? ` cell--${l.mark}` : ''}`}
          style={v !== null && tone === 'value' && color ? { background: color(v) } : undefined}
          tabIndex={r === fr && c === fc ? 0 : -1}
          title={v !== null ? formatFull(v) : undefined}
          aria-selected={l.mark === 'active' || l.mark === 'linked' ? true : undefined}
          onPointerEnter={onHover ? () => onHover({ row: r, col: c }) : undefined}
          onFocus={() => {
            setFocus([r, c]);
            onHover?.({ row: r, col: c });
          }}
          onClick={() => {
            if (onEdit) startEdit(r, c, String(v ?? ''));
            else onPick?.({ row: r, col: c });
          }}
          onKeyDown={(e) => onKey(e, r, c)}
        >
          {isEditing ? (
            <input
              className="cell__edit"
              autoFocus
              inputMode="decimal"
              aria-label={t('vals.edit', { grid: name, row: r + 1, col: c + 1 })}
              aria-invalid={editing.bad || undefined}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value, bad: false })}
              onBlur={commit}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter') commit();
                if (e.key === 'Escape') {
                  setEditing(null);
                  moveTo(r, c);
                }
              }}
            />
          ) : v === null ? (
            ''
          ) : (
            formatValue(v)
          )}
          {l.note && !isEditing ? <span className="cell__note" aria-hidden="true">{l.note}</span> : null}
        </div>,
      );
    }
    cellsRows.push(
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
        onPointerLeave={onHover ? () => onHover(null) : undefined}
      >
        {cellsRows}
      </div>
      {editing?.bad ? (
        <p className="grid-figure__error" role="alert">
          {t('cell.bad')}
        </p>
      ) : null}
    </figure>
  );
}

/** See GridImpl. Memoised: grids re-render only when their functions change. */
export const Grid = memo(GridImpl);
