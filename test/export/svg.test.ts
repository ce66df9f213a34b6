// @vitest-environment jsdom
/**
 * The SVG renderer: a well-formed, standalone document whose text is the scene's text, escaped;
 * nothing in a scene's words becomes markup (issue 8: nothing from the URL reaches the page as HTML).
 */
import { describe, expect, it } from 'vitest';
import { escapeXml, sceneToSvg } from '../../src/export/svg';
import { FONT, type Scene } from '../../src/export/scene';
import { DEFAULT_PALETTE } from '../../src/viz/palette';

const HOSTILE = `<script>alert(1)</script> & "quoted" 'single' </text><svg onload="alert(2)"> \u0000\u0007\u202e 转置卷积`;

function sceneWith(text: string): Scene {
  const cell = { row: 0, col: 0, x: 10, y: 40, fill: '#fff', text, textColor: '#000', bold: false, strike: true, note: text, stroke: null };
  return {
    width: 200, height: 100, lang: 'zh', font: FONT, background: '#fff', line: DEFAULT_PALETTE.line, title: text,
    texts: [{ x: 10, y: 20, text, size: 14, bold: true, color: '#000' }],
    grids: [{ name: text, caption: text, captionY: 30, x: 10, y: 40, rows: 1, cols: 1, cell: 40, cells: [cell] }],
  };
}

describe('scene → SVG', () => {
  it('escapes &, <, >, quotes and drops characters XML forbids', () => {
    expect(escapeXml(`a<b>&"c"'d'\u0001\uffff`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  });

  it('hostile words stay text: the document parses, has no element but svg’s own, and reads back the words', () => {
    const svg = sceneToSvg(sceneWith(HOSTILE));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const names = new Set(Array.from(doc.getElementsByTagName('*'), (el) => el.localName));
    expect([...names].sort()).toEqual(['g', 'line', 'path', 'rect', 'svg', 'text', 'title'].filter((n) => names.has(n)).sort());
    expect(names.has('script')).toBe(false);
    const attributes = Array.from(doc.getElementsByTagName('*')).flatMap((el) => el.getAttributeNames());
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    const clean = HOSTILE.replaceAll('\u0000', '').replaceAll('\u0007', '');
    const words = Array.from(doc.getElementsByTagName('text'), (el) => el.textContent);
    expect(words).toContain(clean);
    expect(doc.getElementsByTagName('title')[0].textContent).toBe(clean);
    expect(doc.documentElement.getAttribute('xml:lang')).toBe('zh-CN');
  });

  it('is sized in CSS pixels times the scale, the drawing in the scene’s own units', () => {
    const doc = new DOMParser().parseFromString(sceneToSvg(sceneWith('1'), 2), 'image/svg+xml');
    const root = doc.documentElement;
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['400', '200', '0 0 200 100']);
  });
});
