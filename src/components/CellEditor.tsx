/**
 * Typing values into a grid's cells, for the DOM grid and the canvas grid alike: the field that
 * replaces a cell while the learner types (Enter keeps the value, Escape cancels, leaving the
 * field keeps it), the editing state behind it, and what the grid keys do on a cell.
 */
import { useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import type { LookFn, ValueFn } from '../viz/looks';

const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i;

/** The number typed, or null when the text is not one. */
export function parseCellValue(text: string): number | null {
  return NUMBER.test(text) && Number.isFinite(Number(text)) ? Number(text) : null;
}

/** A value being typed into cell (r, c); `bad` once a commit found no number in it. */
export interface Editing {
  readonly r: number;
  readonly c: number;
  readonly text: string;
  readonly bad: boolean;
}

interface CellEditorProps {
  /** The grid's accessible name. */
  readonly grid: string;
  readonly editing: Editing;
  readonly onChange: (editing: Editing) => void;
  readonly onCommit: () => void;
  readonly onCancel: () => void;
}

export function CellEditor({ grid, editing, onChange, onCommit, onCancel }: CellEditorProps) {
  return (
    <input
      className="cell__edit"
      autoFocus
      inputMode="decimal"
      aria-label={t('vals.edit', { grid, row: editing.r + 1, col: editing.c + 1 })}
      aria-invalid={editing.bad || undefined}
      value={editing.text}
      onChange={(e) => onChange({ ...editing, text: e.target.value, bad: false })}
      onBlur={onCommit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') onCommit();
        if (e.key === 'Escape') onCancel();
      }}
    />
  );
}

/**
 * The editing state of a grid: which cells take a typed value (a value cell, when the grid has
 * `onEdit`), starting, committing (a text that is no number stays, marked bad) and cancelling; the
 * focus returns to the cell through `moveTo`.
 */
export function useCellEditing(
  onEdit: ((row: number, col: number, value: number) => void) | undefined,
  value: ValueFn,
  look: LookFn | undefined,
  moveTo: (r: number, c: number) => void,
) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const editable = (r: number, c: number) => !!onEdit && value(r, c) !== null && (look?.(r, c).tone ?? 'value') === 'value';
  const startEdit = (r: number, c: number, text: string) => {
    if (editable(r, c)) setEditing({ r, c, text, bad: false });
  };
  const commit = () => {
    if (!editing || !onEdit) return;
    const v = parseCellValue(editing.text);
    if (v === null) {
      setEditing({ ...editing, bad: true });
      return;
    }
    onEdit(editing.r, editing.c, v);
    setEditing(null);
    moveTo(editing.r, editing.c);
  };
  const cancel = () => {
    if (!editing) return;
    setEditing(null);
    moveTo(editing.r, editing.c);
  };
  return { editing, setEditing, startEdit, commit, cancel };
}

/**
 * The grid keys on cell (r, c) of a grid with `cols` columns: arrows, Home and End move; Enter, F2
 * or a digit start typing (where the grid takes values); Space pins. A key it uses goes no further.
 */
export function onCellKey(
  e: KeyboardEvent,
  r: number,
  c: number,
  cols: number,
  grid: {
    readonly moveTo: (r: number, c: number) => void;
    readonly startEdit: ((r: number, c: number, text: string) => void) | null;
    readonly value: ValueFn;
    readonly onPick?: (cell: { row: number; col: number }) => void;
  },
): void {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
    Home: [r, 0], End: [r, cols - 1],
  };
  const to = moves[e.key];
  const { startEdit, onPick } = grid;
  let handled = true;
  if (to) grid.moveTo(to[0], to[1]);
  else if (startEdit && (e.key === 'Enter' || e.key === 'F2')) startEdit(r, c, String(grid.value(r, c) ?? ''));
  else if (startEdit && /^[-\d.]$/.test(e.key)) startEdit(r, c, e.key);
  else if (onPick && e.key === ' ') onPick({ row: r, col: c });
  else handled = false;
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}
