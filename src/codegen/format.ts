/**
 * Python literal writers shared by the PyTorch and TensorFlow generators. They only format:
 * a value is written exactly as JavaScript holds it (integers as integers, other numbers with
 * every digit `String` keeps), so the script computes on the page's own numbers.
 */
import type { Explored, HW, Unpool2DInfo } from '../engine';
import { listOf, t, type MessageKey, type Vars } from '../i18n';

/** One number as a Python literal: `3`, `-0.25`, `1e-7` (never NaN: non-finite values are spelled out). */
export function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
  // String(-0) is "0" already; String keeps the shortest text that reads back as the same double.
  return String(v);
}

/** `(a, b)`: a Python tuple of two integers (per-axis arguments, height first). */
export function pyPair(pair: HW): string {
  return `(${pyNumber(pair[0])}, ${pyNumber(pair[1])})`;
}

/** `[a, b, …]`: a flat Python list. */
export function pyList(values: readonly number[]): string {
  return `[${values.map(pyNumber).join(', ')}]`;
}

/**
 * A row-major array as a nested Python list, one innermost row per line, numbers right-aligned
 * within the array and blank lines between planes (like numpy prints). `values` holds
 * product(shape) numbers; `indent` is the column the opening bracket sits at (continuation lines
 * line up under it). Returns the text without a trailing newline; allocates the strings.
 */
export function pyNested(values: ArrayLike<number>, shape: readonly number[], indent = 0): string {
  const size = shape.reduce((a, b) => a * b, 1);
  if (values.length !== size) throw new RangeError(`pyNested: ${values.length} values for shape [${shape.join(', ')}]`);
  const texts = Array.from(values, (v) => pyNumber(v));
  const width = texts.reduce((w, s) => Math.max(w, s.length), 0);
  const cells = texts.map((s) => s.padStart(width));
  if (shape.length === 0) return cells[0];
  const pad = ' '.repeat(indent);
  // Writes dims[depth…] starting at flat index `at`; `col` is the column of this level's "[".
  const write = (depth: number, at: number, col: number): string => {
    const n = shape[depth];
    if (depth === shape.length - 1) return `[${cells.slice(at, at + n).join(', ')}]`;
    const stride = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(write(depth + 1, at + i * stride, col + 1));
    // A blank line between blocks of rank ≥ 2 (planes), a plain line break between rows.
    const gap = shape.length - depth - 1 >= 2 ? '\n\n' : '\n';
    return `[${parts.join(`,${gap}${pad}${' '.repeat(col + 1)}`)}]`;
  };
  return write(0, 0, 0);
}

/** The column a comment wraps at, so a script reads without scrolling sideways. */
export const COMMENT_WIDTH = 96;

/** Characters an editor draws two columns wide: CJK ideographs, kana, hangul, full-width forms and punctuation. */
const WIDE = '\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
/** A space, one wide character, or a run of narrow ones (a word). */
const TOKEN = new RegExp(`(\\s+)|[${WIDE}]|[^\\s${WIDE}]+`, 'gu');
const IS_WIDE = new RegExp(`[${WIDE}]`, 'u');
/** Wide punctuation that may not start a line, and that may not end one. */
const NO_LINE_START = /^[，。、；：！？）》」』”’…]/u;
const NO_LINE_END = /[（《「『“‘]$/u;

/** Columns `text` takes in a monospaced editor. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += IS_WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * `# comment` lines at `indent` spaces, wrapped at COMMENT_WIDTH columns: between words, and
 * between Chinese characters (which have no spaces and take two columns each), never before a
 * closing or after an opening punctuation mark. A line break inside the text (a translator's)
 * cannot end the comment. Returns the lines joined by newlines.
 */
export function pyComment(text: string, indent = 0): string {
  const lead = `${' '.repeat(indent)}# `;
  // Pieces a line may break between; `spaced` when a space separated it from the piece before.
  const pieces: { text: string; spaced: boolean }[] = [];
  let spaced = false;
  for (const m of text.trim().matchAll(TOKEN)) {
    if (m[1]) {
      spaced = true;
      continue;
    }
    const last = pieces[pieces.length - 1];
    if (last && !spaced && (NO_LINE_START.test(m[0]) || NO_LINE_END.test(last.text))) last.text += m[0];
    else pieces.push({ text: m[0], spaced });
    spaced = false;
  }
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line === '' ? piece.text : `${line}${piece.spaced ? ' ' : ''}${piece.text}`;
    if (line !== '' && columns(lead + joined) > COMMENT_WIDTH) {
      lines.push(lead + line);
      line = piece.text;
    } else line = joined;
  }
  lines.push(lead + line);
  return lines.join('\n');
}

/** The catalogue's sentence `key` as `# comment` lines (see pyComment). */
export function comment(key: MessageKey, vars?: Vars, indent = 0): string {
  return pyComment(t(key, vars), indent);
}

/** A shape as the script's comments write it: `[1, 3, 5, 5]`. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The input's NCHW shape (one image). */
export function inputShape(e: Explored): number[] {
  return e.op === 'unpool' ? [1, e.pool.channels, e.pool.inH, e.pool.inW] : [1, e.info.inChannels, e.info.inH, e.info.inW];
}

/** The numbers an average-unpooling loop reads, as the first lines of both scripts' loop. */
export function avgUnpoolSizes(u: Unpool2DInfo): string[] {
  return [
    `H, W = ${u.outH}, ${u.outW}`,
    `kH, kW, sH, sW = ${u.kH}, ${u.kW}, ${u.strideH}, ${u.strideW}`,
    `pad_top, pad_left = ${u.pad.top}, ${u.pad.left}`,
  ];
}

/** What a generator writes about: the picture on screen (its validated record and its values). */
export interface CodeSource {
  /** The engine's record of the operation (sizes, pads, legal outputs). */
  readonly explored: Explored;
  /** The input on the page: [Cin, H, W] row-major (one image, NCHW). */
  readonly x: readonly number[];
  /** The kernel on the page: conv [Cout, Cin/g, kH, kW], transposed [Cin, Cout/g, kH, kW]; empty for pooling. */
  readonly w: readonly number[];
}

/** The lines of a `name = <ctor>(\n    <nested>,\n    dtype=…,\n)` assignment. */
export function pyTensorAssign(name: string, ctor: string, values: ArrayLike<number>, shape: readonly number[], dtype: string): string[] {
  return [`${name} = ${ctor}(`, `    ${pyNested(values, shape, 4)},`, `    dtype=${dtype},`, ')'];
}

/** "height 5, 6; width 5, 6" (高度 5、6；宽度 5、6): each axis's items, from the catalogue. */
export function axisList(pick: (axis: 0 | 1) => readonly (string | number)[]): string {
  return t('list.perAxis', { h: listOf(pick(0)), w: listOf(pick(1)) });
}

/**
 * `head(arg, arg, …)tail` on one line when it fits in COMMENT_WIDTH columns, else broken after
 * the parenthesis with the arguments packed on indented lines and a trailing comma (the way
 * Python formatters write long calls). `indent` is the statement's own indentation.
 */
export function pyCall(head: string, args: readonly string[], indent = 0, tail = ''): string {
  const pad = ' '.repeat(indent);
  const one = `${pad}${head}(${args.join(', ')})${tail}`;
  if (one.length <= COMMENT_WIDTH || args.length === 0) return one;
  const inner = `${pad}    `;
  const lines = [`${pad}${head}(`];
  let line = '';
  for (const arg of args) {
    const piece = `${arg},`;
    if (line !== '' && inner.length + line.length + 1 + piece.length > COMMENT_WIDTH) {
      lines.push(inner + line);
      line = piece;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  lines.push(inner + line, `${pad})${tail}`);
  return lines.join('\n');
}
