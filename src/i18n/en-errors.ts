/**
 * English sentences for the engine's refusals, chosen and filled by shapeErrors.ts from an
 * error's code and details. They load with the translator, in its own chunk: before the first
 * render when the first choice is already refused or the page is in Chinese, else as soon as
 * the learner touches a control (see `loadErrorSentences` in index.ts).
 */
export const enErrors = {
  'list.or': '{head} or {last}',
  'err.notNumber': '{name} must be a number; got {got}.',
  'err.notWhole': '{name} must be a whole number; got {got}. Try {suggest}.',
  'err.range': '{name} must be between {min} and {max}; got {got}.',
  'err.dimension': 'Every dimension of {name} must be a whole number of at least 1; dimension {dim} is {got}.',
  'err.notAccepted': '{name} does not accept {got}.',
  'err.valueNotFinite': '{name} holds {got} at position {index}; every value must be a finite number.',
  'err.tfPadding': 'With TensorFlow semantics padding is SAME or VALID.',
  'err.torchPadding': 'With PyTorch semantics padding is a number of cells per side.',
  'err.rank': '{name} must be one number or a pair (height, width).',
  'err.dataLength': '{name} needs {expected} values, but {got} were given.',
  'err.tooLargeToDraw': 'The output would be {output}, its scatter canvas {canvas} and its padded, zero-inserted grid {padded}: too large to draw cell by cell (at most {side} × {side}). Use a smaller input, stride, kernel or dilation.',
  'err.tooMuchWork': 'This would take {got} multiply-adds; the limit is {max}. Use smaller sizes or fewer channels.',
  'err.tooManyNumbers': '{name} would hold {got} numbers; the limit is {max}. Use smaller sizes.',
  'err.kernelTooLarge': 'The kernel’s {axis} {kernel} is larger than the padded input’s {axis} {padded} ({input} + padding {padding}). Use a kernel of at most {padded}, or pad {perSide} more on each side.',
  'err.dilatedKernelTooLarge': 'The dilated kernel’s {axis} {kernel} (kernel {size} spread by dilation {dilation}) is larger than the padded input’s {axis} {padded} ({input} + padding {padding}). Use a dilated kernel of at most {padded}, or pad {perSide} more on each side.',
  'err.windowTooLarge': 'The pooling window’s {axis} {kernel} is larger than the padded input’s {axis} {padded}. Use a window of at most {padded}.',
  'err.emptyOutput': 'Padding crops {padding} from the {axis} of a {full}-cell result, leaving {got}. Use padding of at most {maxPad} per side.',
  'err.groupsIn': '{channels} input channels cannot be split into {groups} groups: the channel count must be divisible by the groups.',
  'err.groupsOut': '{channels} output channels cannot be split into {groups} groups: the channel count must be divisible by the groups.',
  'err.channels': 'The weight has {got} input channels where {expected} are needed.',
  'err.bias': 'bias must have shape [{expected}] (one value per output channel).',
  'err.outputPadding': 'Output padding ({axis}) {got} must be smaller than the stride ({stride}) or the dilation ({dilation}): use a value from 0 to {max}.',
  'err.poolPadding': 'Pooling padding ({axis}) {got} is more than half the window {kernel}: a window would see only padding. Use at most {max}.',
  'err.windowOnlyPadding': 'Pooling window {window} along the {axis} sees only padding (window {kernel}, dilation {dilation}, padding {padding}). Use less padding or dilation.',
  'err.sameStride': "padding 'same' works only with stride 1 (as in PyTorch); the stride is {stride}.",
  'err.tfUnpoolSize': 'With TensorFlow the unpooled size is the input’s, {expected} (the argmax indices point into it); got {got}.',
  'err.unpoolSize': 'An unpooled {axis} of {got} is not possible here: the default is {default}, and the sizes that work are {legal}.',
  'err.unpoolEmpty': 'Unpooling gives no cells along the {axis}: the padding is too large for this window and stride.',
  'err.outputShape': 'output_shape {requested} is impossible: a {requested} input convolved with k = {k}, s = {s}, {padding} gives {forward}, not {value}. {legal}',
  'err.outputShapeLegal': 'Sizes that give {value}: {sizes}.',
  'err.outputShapeNone': 'No size gives {value} with this kernel and stride.',
  'err.indices': 'indices holds {got} at position {index}, outside 0 to {max}.',
} as const;
