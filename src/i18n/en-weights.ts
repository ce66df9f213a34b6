/** English messages of the weight layout's table, added by WeightTable when its chunk loads (the summary line is in en-channels.ts). */
export const enWeights = {
  'ch.weights.title': 'Weight layout',
  'ch.weights.caption': 'The weight tensor of a convolution and of a transposed convolution from {cin} to {cout} channels ({g} group(s)), kernel {kh} × {kw}',
  'ch.weights.framework': 'Framework',
  'ch.weights.conv': 'Convolution',
  'ch.weights.convT': 'Transposed convolution',
  'ch.weights.current': '(this picture)',
  'ch.weights.torch': 'PyTorch',
  'ch.weights.tf': 'TensorFlow',
  'ch.weights.torchConv': 'nn.Conv2d weight',
  'ch.weights.torchConvT': 'nn.ConvTranspose2d weight',
  'ch.weights.tfConv': 'tf.nn.conv2d filters',
  'ch.weights.tfConvT': 'tf.nn.conv2d_transpose filters',
  'ch.weights.swapped': 'swapped',
  'ch.weights.read': 'The kernel from input channel i to output channel o: convolution w[o, i] in PyTorch and filters[:, :, i, o] in TensorFlow; transposed convolution w[i, o] in PyTorch and filters[:, :, o, i] in TensorFlow (with groups, the second PyTorch index counts within the group).',
  'ch.weights.why': 'Why the channels swap: both frameworks store a transposed convolution\u2019s weight as the weight of the convolution it reverses, the one that maps {cout} channel(s) back to {cin}. That convolution\u2019s weight is [{back}] in PyTorch, exactly the transposed convolution\u2019s.',
} as const;
