/**
 * A scene (scene.ts) drawn on a canvas 2D context: the page's (for PNG) or a worker's
 * OffscreenCanvas (for GIF frames). Draws exactly what the scene says, at `scale` device
 * pixels per CSS pixel, like svg.ts does in SVG.
 */
import type { Scene, SceneCell, SceneGrid } from './scene';

/** What both contexts (CanvasRenderingContext2D, OffscreenCanvasRenderingContext2D) offer and this file uses. */
export type Context2D = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'strokeRect' | 'fillText' | 'measureText'
  | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setLineDash' | 'setTransform' | 'save' | 'restore'
>;

const fontOf = (scene: Scene, size: number, bold: boolean): string => `${bold ? '700 ' : ''}${size}px ${scene.font}`;

function drawCell(ctx: Context2D, scene: Scene, cell: SceneCell, size: number): void {
  ctx.fillStyle = cell.fill;
  ctx.fillRect(cell.x, cell.y, size, size);
  if (cell.stroke) {
    const w = cell.stroke.width;
    ctx.setLineDash(cell.stroke.dashed ? [4, 3] : []);
    ctx.strokeStyle = cell.stroke.color;
    ctx.lineWidth = w;
    ctx.strokeRect(cell.x + w / 2, cell.y + w / 2, size - w, size - w);
    ctx.setLineDash([]);
  }
  if (cell.text !== '') {
    const font = size * 0.36;
    ctx.font = fontOf(scene, font, cell.bold);
    ctx.fillStyle = cell.textColor;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(cell.text, cell.x + size / 2, cell.y + size / 2);
    if (cell.strike) {
      const half = ctx.measureText(cell.text).width / 2;
      ctx.strokeStyle = cell.textColor;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(cell.x + size / 2 - half, cell.y + size / 2);
      ctx.lineTo(cell.x + size / 2 + half, cell.y + size / 2);
      ctx.stroke();
    }
  }
  if (cell.note !== '') {
    const small = Math.max(8, size * 0.2);
    ctx.font = fontOf(scene, small, false);
    ctx.fillStyle = cell.textColor;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(cell.note, cell.x + size - 2, cell.y + 1);
  }
}

function drawGrid(ctx: Context2D, scene: Scene, grid: SceneGrid): void {
  for (const cell of grid.cells) drawCell(ctx, scene, cell, grid.cell);
  const w = grid.cols * grid.cell;
  const h = grid.rows * grid.cell;
  ctx.strokeStyle = scene.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let r = 1; r < grid.rows; r++) {
    ctx.moveTo(grid.x, grid.y + r * grid.cell);
    ctx.lineTo(grid.x + w, grid.y + r * grid.cell);
  }
  for (let c = 1; c < grid.cols; c++) {
    ctx.moveTo(grid.x + c * grid.cell, grid.y);
    ctx.lineTo(grid.x + c * grid.cell, grid.y + h);
  }
  ctx.stroke();
  ctx.strokeRect(grid.x, grid.y, w, h);
}

/** Draws `scene` on a context whose canvas is scene.width·scale × scene.height·scale device pixels. */
export function drawScene(ctx: Context2D, scene: Scene, scale: number): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const text of scene.texts) {
    ctx.font = fontOf(scene, text.size, text.bold);
    ctx.fillStyle = text.color;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(text.text, text.x, text.y);
  }
  for (const grid of scene.grids) drawGrid(ctx, scene, grid);
  ctx.restore();
}
