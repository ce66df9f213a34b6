/**
 * The weight tensor's layout in both conventions, with the current numbers: PyTorch conv
 * `[Cout, Cin/g, kH, kW]` and ConvTranspose `[Cin, Cout/g, kH, kW]`; TensorFlow conv2d
 * `[kh, kw, in, out]` and conv2d_transpose `[kh, kw, out, in]`. The transposed column marks the
 * channel axes that trade places (the swap that confuses everyone) and says why. Open by
 * default when the picture has several channels, a one-line summary otherwise; the table
 * (WeightTable) loads when it first opens, so a closed summary costs the first page little.
 * Every number is read from the engine's record; nothing is computed here.
 */
import { lazy, memo, Suspense, useState } from 'react';
import { t } from '../i18n';
import { layouts, plain, type WeightInfo } from './weightLayouts';

const WeightTable = lazy(() => import('./WeightTable').then((m) => ({ default: m.WeightTable })));

/** Props of WeightLayout. */
export interface WeightLayoutProps {
  /** The picture's record (conv or transposed conv: both carry channels, groups and kernel size). */
  readonly info: WeightInfo;
  /** The operation on screen (its column is marked). */
  readonly op: 'conv' | 'convT';
}

function WeightLayoutImpl({ info, op }: WeightLayoutProps) {
  const l = layouts(info);
  const several = info.inChannels > 1 || info.outChannels > 1;
  const [open, setOpen] = useState(several);
  const summary = t('ch.weights.summary', {
    torch: plain(op === 'conv' ? l.torchConv : l.torchConvT),
    tf: plain(op === 'conv' ? l.tfConv : l.tfConvT),
  });
  return (
    <details className="weights" open={several || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="weights__summary">{summary}</summary>
      {open ? (
        <Suspense fallback={null}>
          <WeightTable info={info} op={op} layouts={l} />
        </Suspense>
      ) : null}
    </details>
  );
}

/** See WeightLayoutImpl. Memoised: the record changes only with a new picture, not with each step. */
export const WeightLayout = memo(WeightLayoutImpl);
