/**
 * English words of the "Names" note (NamesBody, loaded when the note is opened): what else the
 * transposed convolution is called, why "deconvolution" misleads, and what it is used for.
 */
export const enNames = {
  'names.title': 'Names of the transposed convolution',
  'names.aka': 'Transposed convolution goes by several names: 反卷积 and deconvolution, 逆卷积 (inverse convolution), 解卷积, and in papers fractionally-strided convolution. The frameworks call it conv_transpose: ConvTranspose2d in PyTorch, Conv2DTranspose and conv2d_transpose in TensorFlow.',
  'names.why': '“Deconvolution” misleads. A true deconvolution would undo a convolution and give its input’s values back; a transposed convolution gives back only the input’s shape, with other values. The round trip shows it on the numbers on screen.',
  'names.roundTrip': 'Show the round trip',
  'names.uses': 'What it is for: upsampling that the network learns — in segmentation networks that bring feature maps back to the image’s size, in the decoders of autoencoders, and in GAN generators (DCGAN grows 7 × 7 into 28 × 28). Earlier, Zeiler and Fergus used it to show what the layers of a trained CNN respond to.',
  'names.dcgan': 'Open the DCGAN generator',
} as const;
