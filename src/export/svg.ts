/**
 * A scene (scene.ts) as a standalone SVG document: every style written on its element (no
 * stylesheet, no script), every piece of text escaped, so nothing a learner typed or an address
 * carried can become markup. Vector, so it stays crisp at any projector size.
 */
import type { Scene, SceneCell, SceneGrid } from './scene';
import { textWidth } from './scene';

/** Whether XML 1.0 allows the character (tab, newlines, and everything from space up, except U+FFFE and U+FFFF). */
function xmlChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff);
}

/** Text as XML character data or an attribute value: & < > " ' escaped, and control characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return Array.from(text)
    .filter(xmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (v: number): string => String(Math.round(v * 100) / 100);
const attr = (name: string, value: string | number): string => ` ${name}="${typeof value === 'number' ? n(value) : escapeXml(value)}"`;

function cellSvg(cell: SceneCell, size: number): string {
  const parts = [`<rect${attr('x', cell.x)}${attr('y', cell.y)}${attr('width', size)}${attr('height', size)}${attr('fill', cell.fill)}/>`];
  if (cell.stroke) {
    const w = cell.stroke.width;
    parts.push(
      `<rect${attr('x', cell.x + w / 2)}${attr('y', cell.y + w / 2)}${attr('width', size - w)}${attr('height', size - w)} fill="none"${attr('stroke', cell.stroke.color)}${attr('stroke-width', w)}${cell.stroke.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
  }
  const font = size * 0.36;
  if (cell.text !== '') {
    parts.push(
      `<text${attr('x', cell.x + size / 2)}${attr('y', cell.y + size / 2 + font * 0.35)} text-anchor="middle"${attr('font-size', font)}${cell.bold ? ' font-weight="700"' : ''}${attr('fill', cell.textColor)}>${escapeXml(cell.text)}</text>`,
    );
    if (cell.strike) {
      const half = textWidth(cell.text, font) / 2;
      parts.push(`<line${attr('x1', cell.x + size / 2 - half)}${attr('x2', cell.x + size / 2 + half)}${attr('y1', cell.y + size / 2)}${attr('y2', cell.y + size / 2)}${attr('stroke', cell.textColor)} stroke-width="1"/>`);
    }
  }
  if (cell.note !== '') {
    const small = Math.max(8, size * 0.2);
    parts.push(`<text${attr('x', cell.x + size - 2)}${attr('y', cell.y + small + 1)} text-anchor="end"${attr('font-size', small)}${attr('fill', cell.textColor)}>${escapeXml(cell.note)}</text>`);
  }
  return parts.join('');
}

function gridSvg(grid: SceneGrid, line: string): string {
  const w = grid.cols * grid.cell;
  const h = grid.rows * grid.cell;
  const lines: string[] = [];
  for (let r = 1; r < grid.rows; r++) lines.push(`M${n(grid.x)} ${n(grid.y + r * grid.cell)}h${n(w)}`);
  for (let c = 1; c < grid.cols; c++) lines.push(`M${n(grid.x + c * grid.cell)} ${n(grid.y)}v${n(h)}`);
  return [
    `<g${attr('aria-label', grid.name)} role="group">`,
    ...grid.cells.map((cell) => cellSvg(cell, grid.cell)),
    lines.length > 0 ? `<path${attr('d', lines.join(''))} fill="none"${attr('stroke', line)} stroke-width="1"/>` : '',
    `<rect${attr('x', grid.x)}${attr('y', grid.y)}${attr('width', w)}${attr('height', h)} fill="none"${attr('stroke', line)} stroke-width="1"/>`,
    '</g>',
  ].join('');
}

/** The scene as an SVG document (UTF-8 text), `scale` times its size in CSS pixels (the drawing is vector either way). */
export function sceneToSvg(scene: Scene, scale = 1): string {
  const texts = scene.texts.map(
    (tx) => `<text${attr('x', tx.x)}${attr('y', tx.y)}${attr('font-size', tx.size)}${tx.bold ? ' font-weight="700"' : ''}${attr('fill', tx.color)}>${escapeXml(tx.text)}</text>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg"${attr('width', scene.width * scale)}${attr('height', scene.height * scale)}${attr('viewBox', `0 0 ${scene.width} ${scene.height}`)}${attr('xml:lang', scene.lang === 'zh' ? 'zh-CN' : 'en')}${attr('font-family', scene.font)}>`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect width="100%" height="100%"${attr('fill', scene.background)}/>`,
    ...texts,
    ...scene.grids.map((g) => gridSvg(g, scene.line)),
    '</svg>',
    '',
  ].join('\n');
}
