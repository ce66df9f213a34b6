/**
 * The four tutorials ConvArith accompanies (../shared/seeds/README.md), by their own titles:
 * names, shown as their authors wrote them in both languages (credits and the picker's groups).
 */
export const TUTORIAL_TITLES = [
  'TensorFlow tf.nn.conv2d_transpose是怎样实现反卷积的',
  '第十四节,TensorFlow中的反卷积,反池化操作以及gradients的使用',
  '深入浅出理解转置卷积Conv2DTranspose',
  'tensorflow学习笔记(三十二):conv2d_transpose ("解卷积")',
] as const;
