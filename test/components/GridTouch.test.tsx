// @vitest-environment jsdom
/**
 * Touch replaces hover on an editable grid: the first tap on a cell pins its links (what it
 * feeds), a second tap on the same cell edits it; a mouse click edits at once, as before.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Grid } from '../../src/components/Grid';

afterEach(cleanup);

function setup() {
  const onPick = vi.fn();
  const onEdit = vi.fn();
  render(<Grid name="Input" rows={2} cols={2} value={(r, c) => r * 2 + c + 1} onPick={onPick} onEdit={onEdit} onHover={() => {}} />);
  const cell = (i: number) => within(screen.getByRole('grid', { name: 'Input' })).getAllByRole('gridcell')[i];
  return { onPick, cell };
}

const tap = (el: HTMLElement) => {
  fireEvent.pointerDown(el, { pointerType: 'touch' });
  fireEvent.click(el);
};

describe('Grid on a touch screen', () => {
  it('first tap pins the cell’s links, a second tap on it edits it', () => {
    const { onPick, cell } = setup();
    tap(cell(3));
    expect(onPick).toHaveBeenCalledWith({ row: 1, col: 1 });
    expect(screen.queryByRole('textbox')).toBeNull();
    tap(cell(3));
    expect(screen.getByRole('textbox')).toHaveValue('4');
    expect(onPick).toHaveBeenCalledTimes(1);
  });

  it('a tap on another cell pins that one instead of editing', () => {
    const { onPick, cell } = setup();
    tap(cell(0));
    tap(cell(1));
    expect(onPick.mock.calls).toEqual([[{ row: 0, col: 0 }], [{ row: 0, col: 1 }]]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('a mouse click still edits at once', () => {
    const { onPick, cell } = setup();
    fireEvent.pointerDown(cell(2), { pointerType: 'mouse' });
    fireEvent.click(cell(2));
    expect(screen.getByRole('textbox')).toHaveValue('3');
    expect(onPick).not.toHaveBeenCalled();
  });
});
