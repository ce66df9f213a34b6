/** A box's or a cell's extent along a row (CSS px, as getBoundingClientRect gives them). */
export interface Span {
  readonly left: number;
  readonly right: number;
  readonly width: number;
}

/**
 * How far (px) a box that scrolls sideways must scroll to show `cell`: 0 while the cell shows
 * whole, else the distance that centres it (a grid wider than the screen follows the step).
 */
export function followScroll(cell: Span, box: Span): number {
  return cell.left < box.left || cell.right > box.right ? cell.left - box.left - (box.width - cell.width) / 2 : 0;
}
