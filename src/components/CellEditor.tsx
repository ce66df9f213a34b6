/**
 * The field that replaces a grid cell while the learner types its value: the DOM grid and the
 * canvas grid both use it (Enter keeps the value, Escape cancels, leaving the field keeps it).
 */
import { t } from '../i18n';

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
