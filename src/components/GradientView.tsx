/**
 * The gradient: the transposed convolution is the gradient of the convolution with respect to
 * its input, because the two are adjoint: ⟨conv(x), y⟩ = ⟨x, convT(y)⟩. The worker supplies a
 * probe y shaped like the output (the upstream gradient), its image convT(y) and both inner
 * products (numbers.adjoint); the page writes the products out and shows the two sums equal.
 * For a transposed convolution the roles swap: ⟨convT(x), y⟩ = ⟨x, conv(y)⟩.
 */
import { useMemo } from 'react';
import type { Tensor } from '../engine';
import { addMessages, t } from '../i18n';
import { enPanels } from '../i18n/en-panels';
import { useStore } from '../store';
import { selectAdjointHolds } from '../store/verdicts';
import { maxAbs, valueColor } from '../viz/color';
import { formatValue } from '../viz/format';
import { tensorPlanes } from '../viz/planes';
import { innerProductText } from '../viz/matrixLooks';
import { Grid } from './Grid';
import { GridSlot } from './views/GridSlot';
import { channelGridName } from './views/channels';

// The panels load on demand, so their words come with them rather than with the first page.
addMessages(enPanels);

const MAX_CELL = 2.4;

function Planes({ name, tensor }: { readonly name: string; readonly tensor: Tensor }) {
  const [, channels, h, w] = tensor.shape;
  const view = useMemo(() => ({ values: tensorPlanes(tensor), color: valueColor(maxAbs(tensor.data)) }), [tensor]);
  return (
    <>
      {view.values.map((value, ch) => (
        <GridSlot key={ch} cols={w} maxCell={MAX_CELL}>
          <Grid name={channelGridName(name, ch, channels > 1)} rows={h} cols={w} value={value} color={view.color} maxCell={MAX_CELL} />
        </GridSlot>
      ))}
    </>
  );
}

/** One side of the identity written out: `⟨…⟩ = a₀·b₀ + … = value` (the value is the engine's). */
function InnerProduct({ name, a, b, value }: { readonly name: string; readonly a: ArrayLike<number>; readonly b: ArrayLike<number>; readonly value: number }) {
  return (
    <p className="gradient__sum">
      <span className="gradient__lhs">{name}</span>
      {' = '}
      <span className="gradient__terms">{innerProductText(a, b)}</span>
      {' = '}
      <strong className="gradient__value">{formatValue(value)}</strong>
    </p>
  );
}

export function GradientView() {
  const picture = useStore((s) => s.picture);
  const equal = useStore(selectAdjointHolds) ?? false;
  if (!picture || picture.numbers.op === 'unpool' || picture.explored.op === 'unpool') return null;
  const { adjoint, output } = picture.numbers;
  const conv = picture.explored.op === 'conv';
  return (
    <div className="gradient">
      <p className="gradient__text">{t(conv ? 'gradient.introConv' : 'gradient.introConvT')}</p>
      <p className="gradient__text">{t(conv ? 'gradient.whyConv' : 'gradient.whyConvT')}</p>
      <div className="gradient__grids">
        <Planes name={t('panels.grid.upstream')} tensor={adjoint.probe} />
        <span className="gradient__arrow" aria-hidden="true">{conv ? '→ convT →' : '→ conv →'}</span>
        <Planes name={t(conv ? 'panels.grid.convTOfY' : 'panels.grid.convOfY')} tensor={adjoint.image} />
      </div>
      <div className="gradient__sums" role="group" aria-label={t('gradient.sums')}>
        <InnerProduct name={t(conv ? 'gradient.lhsConv' : 'gradient.lhsConvT')} a={output.data} b={adjoint.probe.data} value={adjoint.outputDotProbe} />
        <InnerProduct name={t(conv ? 'gradient.rhsConv' : 'gradient.rhsConvT')} a={picture.x} b={adjoint.image.data} value={adjoint.inputDotImage} />
      </div>
      <p className={`gradient__verdict${equal ? '' : ' gradient__verdict--bug'}`} role={equal ? 'status' : 'alert'}>
        {equal
          ? t('gradient.equal', { a: formatValue(adjoint.outputDotProbe), b: formatValue(adjoint.inputDotImage) })
          : t('gradient.unequal', { a: formatValue(adjoint.outputDotProbe), b: formatValue(adjoint.inputDotImage) })}
      </p>
      <p className="gradient__text">{t(conv ? 'gradient.matrixConv' : 'gradient.matrixConvT')}</p>
    </div>
  );
}
