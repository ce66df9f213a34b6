/**
 * The Chinese terms, written down once: the words Chinese textbooks and the tutorials learners
 * come from use. The Chinese catalogue (zh.ts) builds its sentences from these, so a term reads
 * the same everywhere and changes in one place. Loaded with the Chinese catalogue only.
 *
 * Names that stay in Latin letters in both languages (never translated, never inflected):
 * the frameworks and their API words, written exactly as in code — see LATIN.
 */
export const G = {
  // Operations
  conv: '卷积',
  convT: '转置卷积',
  /** Other names of the transposed convolution (the tutorials use all of them). */
  deconv: '反卷积',
  inverseConv: '逆卷积',
  deconvAlt: '解卷积',
  dilatedConv: '空洞卷积',
  dilatedConvAlt: '膨胀卷积',
  groupConv: '分组卷积',
  pool: '池化',
  maxPool: '最大池化',
  avgPool: '平均池化',
  unpool: '反池化',
  maxUnpool: '最大反池化',
  avgUnpool: '平均反池化',
  checkerboard: '棋盘效应',
  // Parameters
  stride: '步长',
  padding: '填充',
  kernel: '卷积核',
  /** The dilation of a dilated (空洞) convolution. */
  dilation: '空洞率',
  outputPadding: '输出填充',
  window: '窗口',
  channel: '通道',
  groups: '分组数',
  // Data and steps
  input: '输入',
  output: '输出',
  featureMap: '特征图',
  /** One number of a grid. */
  cell: '元素',
  zeroPad: '补零',
  zeroInsert: '插零',
  flip: '翻转',
  /** Where each maximum of max pooling sat (Zeiler's "switches"). */
  switches: '最大值位置',
  /** The transposed convolution seen as each input cell stamping the kernel onto the output. */
  scatter: '散射',
  crop: '裁剪',
  matrix: '矩阵',
  gradient: '梯度',
  innerProduct: '内积',
  height: '高度',
  width: '宽度',
} as const;

/** Kept in Latin letters in Chinese text, exactly as in code (the catalogue test checks it). */
export const LATIN = [
  'PyTorch', 'TensorFlow', 'Keras', 'DCGAN', 'output_shape', 'output_padding', 'output_size', 'SAME', 'VALID',
  'NCHW', 'NHWC', 'argmax', 'conv2d_transpose', 'ConvTranspose2d', 'Conv2DTranspose',
] as const;
