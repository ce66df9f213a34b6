/**
 * English words of the pictures of an impossible choice (ImpossiblePicture: an output_shape
 * TensorFlow refuses, a kernel larger than the padded input), added when that chunk loads.
 */
export const enImpossible = {
  'impossible.title': 'Why this is not possible',
  'impossible.outputShape.intro': 'conv2d_transpose runs a convolution backwards, so output_shape must be a size that the forward convolution (k = {k}, s = {s}, {padding}) takes back to the value’s {value}. Convolved forward, {requested} gives {forward}:',
  'impossible.box.requested': 'output_shape {size}',
  'impossible.box.forward': 'convolved forward: {size}',
  'impossible.box.value': 'the value: {size}',
  'impossible.arrow': 'k = {k}, s = {s}, {padding}',
  'impossible.mismatch': '{forward} is not {value}',
  'impossible.legal': 'Sizes that work (one click):',
  'impossible.legalNone': 'No output_shape gives {value} with this kernel and stride: change the kernel, the stride or the padding.',
  'impossible.choose': 'output_shape {size}',
  'impossible.tfSays': 'TensorFlow’s own messages for this, as it prints them:',
  'impossible.tfStatic': 'when the shapes are known while the graph is built',
  'impossible.tfRuntime': 'when they are known only as it runs',
  'impossible.ours': 'In ConvArith’s words: {message}',
  'impossible.kernel.intro': 'A convolution needs the kernel to fit inside the padded input at least once. Here the kernel sits at the top-left corner of the padded input and reaches past it:',
  'impossible.kernel.picture': 'The padded input ({h} × {w}) with the kernel ({kh} × {kw}) at its top-left corner',
  'impossible.kernel.axis': '{axis}: kernel {kernel}, padded input {input} + {before} + {after} = {padded}',
  'impossible.kernel.fits': 'fits',
  'impossible.kernel.over': 'sticks out by {over}',
  'impossible.legend.input': 'input',
  'impossible.legend.pad': 'padding',
  'impossible.legend.kernel': 'kernel over the input',
  'impossible.legend.over': 'kernel outside the input',
  'impossible.sizes.outputShape': '{axis}: output_shape {requested} convolved forward: {sub}; the value has {value}',
  'impossible.sizes.kernelFits': '{axis}: d(k − 1) + 1 = {kernel} ≤ i + p + p = {input} + {before} + {after} = {padded}',
  'impossible.sizes.kernelOver': '{axis}: d(k − 1) + 1 = {kernel} > i + p + p = {input} + {before} + {after} = {padded}: no window fits',
} as const;
