/**
 * English: the reference catalogue. `{name}` is replaced. `en` holds the words of the first
 * page; the views that load on demand add theirs (en-canvas, en-code, en-errors, en-export, en-help, en-image, en-impossible, en-names, en-narration, en-notices, en-panels, en-presets, en-share, en-transpose, en-unpool, en-weights)
 * through addMessages when their module loads, so only their types are imported here and
 * MessageKey still names every word the app shows.
 */
import type { enCanvas } from './en-canvas';
import { enChannels } from './en-channels';
import type { enCode } from './en-code';
import type { enErrors } from './en-errors';
import type { enExport } from './en-export';
import type { enImage } from './en-image';
import type { enHelp } from './en-help';
import type { enNarration } from './en-narration';
import type { enImpossible } from './en-impossible';
import type { enNames } from './en-names';
import type { enNotices } from './en-notices';
import type { enPanels } from './en-panels';
import type { enShare } from './en-share';
import type { enPresets } from './en-presets';
import type { enTranspose } from './en-transpose';
import type { enUnpool } from './en-unpool';
import type { enWeights } from './en-weights';

export const en = {
  ...enChannels,
  'app.title': 'ConvArith',
  'presets.label': 'Worked examples',
  'presets.choose': 'Choose a worked example…',
  'page.title': 'ConvArith — convolution arithmetic, animated',
  'page.description': 'ConvArith animates convolution, transposed convolution and unpooling step by step with real numbers, exactly as PyTorch and TensorFlow compute them.',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.zh': '中文',
  'list.sep': ', ',
  'list.perAxis': 'height {h}; width {w}',
  'list.clauseSep': '; ',
  'app.tagline': 'Convolution arithmetic, step by step, with real numbers',
  'op.label': 'Operation',
  'op.conv': 'Convolution',
  'op.convT': 'Transposed convolution',
  // ---- image: the operation choice that opens image mode (its other words: en-image.ts) ----
  'op.image': 'Image',
  // Image mode's heading and introduction, shown while its chunk loads (ImageIntro).
  'image.title': 'Image mode',
  'image.intro': 'The same operations on a real picture. Each colour channel, or the grey picture, is one plane of numbers from 0 (dark) to 255 (bright), and the engine works on it exactly as on the small grids.',
  // ---- tutorials: the names of the transposed convolution (tooltip and the note's summary) ----
  'op.convT.tip': 'Also called deconvolution (反卷积), 逆卷积, 解卷积, or fractionally-strided convolution',
  'names.summary': 'Other names: 反卷积, deconvolution…',
  'app.refused': 'This setting is not possible: {message}',
  'fw.label': 'Semantics',
  'fw.torch': 'PyTorch',
  'fw.tf': 'TensorFlow',
  'field.in': 'Input',
  'field.k': 'Kernel',
  'field.s': 'Stride',
  'field.p': 'Padding',
  'field.d': 'Dilation',
  'field.a': 'Output padding',
  'field.out': 'output_shape',
  'axis.h': 'height',
  'axis.w': 'width',
  'field.axis': '{field} ({axis})',
  'pad.same': 'SAME',
  'pad.valid': 'VALID',
  'vals.label': 'Values',
  'vals.ones': 'All ones',
  'vals.int': 'Small integers',
  'vals.rand': 'Random',
  'vals.seed': 'Seed',
  'vals.reset': 'Reset edited values',
  'vals.edit': 'Type a value for {grid} row {row}, column {col}',
  'field.bad': '{field} must be a whole number from {min} to {max}.',
  'cell.bad': 'A cell value must be a number.',
  'grid.input': 'Input',
  'grid.kernel': 'Kernel',
  'grid.output': 'Output',
  'grid.channel': '{name}, channel {c}',
  'grid.size': '{name} {h} × {w}',
  'transport.label': 'Playback',
  'transport.play': 'Play',
  'transport.pause': 'Pause',
  'transport.first': 'First step',
  'transport.prev': 'Previous step',
  'transport.next': 'Next step',
  'transport.last': 'Last step',
  'transport.scrub': 'Step',
  'transport.speed': 'Speed',
  'transport.position': 'Step {i} of {n}',
  'step.conv': 'Output cell ({row}, {col}) = sum of input × kernel over the window',
  'formula.title': 'Sizes',
  'formula.conv': 'o = ⌊(i + 2p − d(k − 1) − 1) / s⌋ + 1',
  'formula.convT': 'o = (i − 1)s − 2p + d(k − 1) + a + 1',
  'formula.tfSame': 'o = ⌈i / s⌉',
  'formula.tfValid': 'o = ⌈(i − d(k − 1)) / s⌉',
  'formula.siblingsConv': 'Input sizes that give the same {axis} {o}: {sizes}.',
  'formula.siblingsWhy': 'So going back, a transposed convolution cannot know which one you came from: PyTorch asks for output_padding, TensorFlow for output_shape.',
  'formula.outputPadding': 'output_padding {a} → {size}',
  'formula.legalOut': 'Legal output_shape {axis}: {sizes}',
  'formula.samePads': 'SAME pads ({axis}): {before} before, {after} after (the odd one goes bottom/right)',
  'hover.receptive': 'Output ({row}, {col}) reads these input cells',
  'hover.feeds': 'Input ({row}, {col}) feeds these output cells',
  'hover.pin': 'Click to pin, click again to unpin.',
  'error.title': 'Not possible',
  'error.kept': 'The picture shows the last valid setting.',
  'worker.failed': 'The engine could not compute this: {message}',
  'loading': 'Computing…',
  'controls.label': 'Settings',
  'controls.sizes': 'Sizes (height × width)',
  'field.outDefault': '{size} (default)',
  'formula.height': 'Height',
  'formula.width': 'Width',
  'formula.rule': 'Rule',
  'formula.convSub': '⌊({i} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {o}',
  'formula.tfSameSub': '⌈{i} / {s}⌉ = {o}',
  'formula.tfValidSub': '⌈({i} − {d}·({k} − 1)) / {s}⌉ = {o}',
  'formula.convTSub': '({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = {o}',
  'formula.convTPads': 'o = (i − 1)s − p_before − p_after + d(k − 1) + a + 1',
  'formula.convTPadsSub': '({i} − 1)·{s} − {before} − {after} + {d}·({k} − 1) + {a} + 1 = {o}',
  'formula.tfOutLegal': 'output_shape {axis} {o} is legal because the forward convolution maps it back to the input {axis}: {sub}.',
  'formula.tfHiddenPaddingH': 'To reach it TensorFlow adds {a} row(s) at the bottom: an output padding it works out by itself.',
  'formula.tfHiddenPaddingW': 'To reach it TensorFlow adds {a} column(s) at the right: an output padding it works out by itself.',
  'formula.reach': 'Output sizes an input {axis} of {i} can reach: {sizes}.',
  'formula.outputPaddingTitle': 'output_padding choices ({axis}):',
  'formula.current': '(current)',
  'formula.whyConvT': 'A convolution maps several input sizes to the same output size, so a transposed convolution has to be told which one to produce: PyTorch picks it with output_padding, TensorFlow with output_shape.',
  // MorePanels: the tabs are on the first page; each panel's words load with it (en-panels.ts)
  'panels.label': 'More views',
  'panels.tab.sizes': 'Sizes',
  'panels.tab.matrix': 'Matrix',
  'panels.tab.checkerboard': 'Checkerboard',
  'panels.tab.roundtrip': 'Round trip',
  'panels.tab.gradient': 'Gradient',
  'panels.tab.code': 'Code',
  'panels.loading': 'Loading…',
  // Views: the convolution's and what the transposed views share with it (their own words: en-transpose.ts)
  'view.conv': 'Convolution',
  'equation.label': 'Equation',
  'grid.withPadding': '{name} {h} × {w} with its padding ({ph} × {pw})',
  'grid.dilated': 'Dilated kernel',
  'grid.dilatedCaption': 'Dilated kernel {h} × {w} (d = {dh}×{dw})',
  'hover.hint': 'Point at an output cell to see the input cells it reads, or at an input cell to see the output cells it feeds.',
  'hover.pinned': 'Pinned: click the cell again to unpin.',
  'hover.pinKey': 'Press Space on a cell to pin it (a click edits its value).',
  'legend.label': 'Legend',
  'legend.window': 'window and kernel in use',
  'legend.active': 'cell being computed',
  'legend.linked': 'linked to the cell you point at',
  'legend.padding': 'padding (reads 0)',
  'legend.zero': 'inserted zero',
  'legend.cropped': 'cropped away',
  // ShareButtons: the rest of sharing and embedding loads on the first click (en-share.ts)
  'share.link': 'Share',
  'share.embed': 'Embed',
  // ---- export: the Download menu's button (its panel's words load on the first click: en-export.ts) ----
  'export.open': 'Download',
  // ---- end export ----
  // UpdateBanner: a new version was installed for offline use
  'update.label': 'Updates',
  'update.ready': 'A new version of ConvArith is ready.',
  'update.reload': 'Reload',
  'update.dismiss': 'Dismiss: keep this version until the next visit',
  // ---- shell: narration (live region), presentation mode, phone settings sheet, keyboard-help button ----
  'narr.step': 'Step {i}, of {n}:',
  'narr.conv': 'Output row {row}, column {col}: {terms} = {result}',
  'narr.convChannel': 'Output channel {co}, row {row}, column {col}: {terms} = {result}',
  'picture.label': 'The picture',
  'present.enter': 'Present',
  'present.exit': 'Leave presentation',
  'sheet.open': 'Settings',
  'sheet.close': 'Close settings',
  'help.open': 'Shortcuts',
  'help.openLabel': 'Keyboard shortcuts',
  // ---- end shell ----
} as const;

/** Every message key: the first page's and those the lazily loaded views add. */
export type MessageKey =
  | keyof typeof en
  | keyof typeof enCanvas
  | keyof typeof enCode
  | keyof typeof enErrors
  | keyof typeof enExport
  | keyof typeof enImage
  | keyof typeof enHelp
  | keyof typeof enNarration
  | keyof typeof enImpossible
  | keyof typeof enNames
  | keyof typeof enNotices
  | keyof typeof enPanels
  | keyof typeof enPresets
  | keyof typeof enShare
  | keyof typeof enTranspose
  | keyof typeof enUnpool
  | keyof typeof enWeights;
