/**
 * The weight tensor's four layouts for a convolution record (PyTorch conv `[Cout, Cin/g, kH, kW]`
 * and ConvTranspose `[Cin, Cout/g, kH, kW]`; TensorFlow conv2d `[kh, kw, in, out]` and
 * conv2d_transpose `[kh, kw, out, in]`), read from the engine's record: what WeightLayout's
 * summary line and its table (WeightTable) both show.
 */
import { t, type MessageKey } from '../i18n';
import type { Conv2DInfo, ConvTranspose2DInfo } from '../engine';

/** A convolution record (conv or transposed conv: both carry channels, groups and kernel size). */
export type WeightInfo = Conv2DInfo | ConvTranspose2DInfo;

/** One axis of a weight shape: its size, its symbol and what it counts; `swap` marks a channel axis that trades places. */
export interface Dim {
  readonly n: number;
  readonly sym: MessageKey;
  readonly title: MessageKey;
  readonly swap?: boolean;
}

/** The four layouts for this record (null: TensorFlow's transposed convolution has no groups). */
export function layouts(info: WeightInfo): { torchConv: Dim[]; torchConvT: Dim[]; tfConv: Dim[]; tfConvT: Dim[] | null } {
  const { inChannels, outChannels, inPerGroup, outPerGroup, kH, kW, groups } = info;
  const kh: Dim = { n: kH, sym: 'ch.dim.kh', title: 'ch.dimTitle.kh' };
  const kw: Dim = { n: kW, sym: 'ch.dim.kw', title: 'ch.dimTitle.kw' };
  const grouped = groups > 1;
  return {
    torchConv: [
      { n: outChannels, sym: 'ch.dim.cout', title: 'ch.dimTitle.out' },
      { n: inPerGroup, sym: 'ch.dim.cinG', title: 'ch.dimTitle.inG' },
      kh, kw,
    ],
    torchConvT: [
      { n: inChannels, sym: 'ch.dim.cin', title: 'ch.dimTitle.in', swap: true },
      { n: outPerGroup, sym: 'ch.dim.coutG', title: 'ch.dimTitle.outG', swap: true },
      kh, kw,
    ],
    tfConv: [
      kh, kw,
      grouped ? { n: inPerGroup, sym: 'ch.dim.inG', title: 'ch.dimTitle.inG' } : { n: inChannels, sym: 'ch.dim.in', title: 'ch.dimTitle.in' },
      { n: outChannels, sym: 'ch.dim.out', title: 'ch.dimTitle.out' },
    ],
    tfConvT: grouped
      ? null
      : [kh, kw, { n: outChannels, sym: 'ch.dim.out', title: 'ch.dimTitle.out', swap: true }, { n: inChannels, sym: 'ch.dim.in', title: 'ch.dimTitle.in', swap: true }],
  };
}

/** The layouts of one record. */
export type Layouts = ReturnType<typeof layouts>;

/** A shape as plain numbers, `[2, 3, 3, 3]`. */
export const plain = (dims: readonly Dim[] | null): string => (dims ? `[${dims.map((d) => d.n).join(', ')}]` : t('ch.weights.tfNoGroups'));

