/**
 * An impossible choice drawn as the reason it is impossible, in place of a picture that cannot
 * exist (issue 7): for an output_shape TensorFlow refuses, the requested size convolved forward
 * beside the value's size (10×10 → 5×5 ≠ 3×3), the sizes that work as one-click choices, and
 * TensorFlow's own two messages for it beside ours; for a kernel larger than the padded input,
 * the padded input with the kernel overhanging it. `ImpossibleSizes` is the Sizes panel's
 * formula with the same numbers. Records come from src/viz/impossible.ts; this only draws.
 */
import type { CSSProperties } from 'react';
import type { HW, ShapeError } from '../engine';
import { addMessages, errorText, t } from '../i18n';
import { enImpossible } from '../i18n/en-impossible';
import { specOf, useStore } from '../store';
import { overhangCell, overhangPicture, outputShapePicture, type OutputShapePicture, type OverhangPicture } from '../viz/impossible';

addMessages(enImpossible);

const size = (v: HW): string => `${v[0]} × ${v[1]}`;
const AXES = ['axis.h', 'axis.w'] as const;

function SizeBox({ label, dims, largest, tone }: { readonly label: string; readonly dims: HW; readonly largest: number; readonly tone: 'requested' | 'forward' | 'value' }) {
  const style = { '--h': dims[0], '--w': dims[1], '--largest': largest } as CSSProperties;
  return (
    <figure className={`impossible__box impossible__box--${tone}`}>
      <div className="impossible__lattice" role="img" aria-label={label} style={style} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

function OutputShape({ p, error }: { readonly p: OutputShapePicture; readonly error: ShapeError }) {
  const change = useStore((s) => s.change);
  const k = p.kernel[0] === p.kernel[1] ? String(p.kernel[0]) : size(p.kernel);
  const s = p.stride[0] === p.stride[1] ? String(p.stride[0]) : size(p.stride);
  return (
    <>
      <p>{t('impossible.outputShape.intro', { k, s, padding: p.padding, value: size(p.value), requested: size(p.requested), forward: size(p.forward) })}</p>
      <div className="impossible__row">
        <SizeBox label={t('impossible.box.requested', { size: size(p.requested) })} dims={p.requested} largest={p.largest} tone="requested" />
        <span className="impossible__arrow">
          <span aria-hidden="true">→</span> {t('impossible.arrow', { k, s, padding: p.padding })}
        </span>
        <SizeBox label={t('impossible.box.forward', { size: size(p.forward) })} dims={p.forward} largest={p.largest} tone="forward" />
        <span className="impossible__neq" aria-hidden="true">≠</span>
        <SizeBox label={t('impossible.box.value', { size: size(p.value) })} dims={p.value} largest={p.largest} tone="value" />
      </div>
      <p className="visually-hidden">{t('impossible.mismatch', { forward: size(p.forward), value: size(p.value) })}</p>
      {p.legal.length > 0 ? (
        <div className="impossible__legal">
          <p>{t('impossible.legal')}</p>
          <ul>
            {p.legal.map((hw) => (
              <li key={size(hw)}>
                <button type="button" className="impossible__choice" onClick={() => change({ out: hw })}>
                  {t('impossible.choose', { size: size(hw) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t('impossible.legalNone', { value: size(p.value) })}</p>
      )}
      <div className="impossible__tf">
        <p>{t('impossible.tfSays')}</p>
        <dl>
          <dt>{t('impossible.tfStatic')}</dt>
          <dd>
            <code lang="en">{p.tf.shapes}</code>
          </dd>
          <dt>{t('impossible.tfRuntime')}</dt>
          <dd>
            <code lang="en">{p.tf.backprop}</code>
          </dd>
        </dl>
        <p>{t('impossible.ours', { message: errorText(error) })}</p>
      </div>
    </>
  );
}

function Overhang({ p }: { readonly p: OverhangPicture }) {
  const cells = [];
  for (let r = 0; r < p.h.span; r++) {
    for (let c = 0; c < p.w.span; c++) {
      const cell = overhangCell(p, r, c);
      const cls = `impossible__cell impossible__cell--${cell.kind}${cell.kernel ? (cell.kind === 'none' ? ' impossible__cell--over' : ' impossible__cell--kernel') : ''}`;
      cells.push(<span key={`${r},${c}`} className={cls} />);
    }
  }
  const style = { '--cols': p.w.span } as CSSProperties;
  return (
    <>
      <p>{t('impossible.kernel.intro')}</p>
      <div
        className="impossible__overhang"
        role="img"
        aria-label={t('impossible.kernel.picture', { h: p.h.padded, w: p.w.padded, kh: p.h.kernel, kw: p.w.kernel })}
        style={style}
      >
        {cells}
      </div>
      <ul className="impossible__legend">
        {(['input', 'pad', 'kernel', 'over'] as const).map((k) => (
          <li key={k}>
            <span className={`impossible__swatch impossible__cell--${k === 'pad' ? 'pad' : k === 'input' ? 'input' : k}`} aria-hidden="true" /> {t(`impossible.legend.${k}`)}
          </li>
        ))}
      </ul>
      <ul className="impossible__axes">
        {([p.h, p.w] as const).map((a, i) => (
          <li key={AXES[i]}>
            {t('impossible.kernel.axis', { axis: t(AXES[i]), kernel: a.kernel, input: a.input, before: a.before, after: a.after, padded: a.padded })}
            {': '}
            <strong>{a.fits ? t('impossible.kernel.fits') : t('impossible.kernel.over', { over: a.over })}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The picture of why the current choice is impossible (for the refusals `drawsRefusal` names). */
export function ImpossiblePicture({ error }: { readonly error: ShapeError }) {
  const params = useStore((s) => s.params);
  const shape = outputShapePicture(error, params.cin);
  const overhang = shape ? null : overhangPicture(error, specOf(params));
  return (
    <section className="impossible" aria-label={t('impossible.title')}>
      <h2 className="impossible__title">{t('impossible.title')}</h2>
      {shape ? <OutputShape p={shape} error={error} /> : overhang ? <Overhang p={overhang} /> : <p>{errorText(error)}</p>}
    </section>
  );
}

/** The Sizes panel's formula for the refused choice, with its numbers. */
export function ImpossibleSizes({ error }: { readonly error: ShapeError }) {
  const params = useStore((s) => s.params);
  const shape = outputShapePicture(error, params.cin);
  if (shape) {
    return (
      <ul className="impossible__sizes">
        {([0, 1] as const).map((i) => {
          const sub =
            shape.padding === 'SAME'
              ? t('formula.tfSameSub', { i: shape.requested[i], s: shape.stride[i], o: shape.forward[i] })
              : t('formula.tfValidSub', { i: shape.requested[i], d: shape.dilation[i], k: shape.kernel[i], s: shape.stride[i], o: shape.forward[i] });
          return (
            <li key={AXES[i]}>
              <code className="formula__math">{t('impossible.sizes.outputShape', { axis: t(AXES[i]), requested: shape.requested[i], sub, value: shape.value[i] })}</code>
            </li>
          );
        })}
      </ul>
    );
  }
  const overhang = overhangPicture(error, specOf(params));
  if (!overhang) return <p>{errorText(error)}</p>;
  return (
    <ul className="impossible__sizes">
      {([overhang.h, overhang.w] as const).map((a, i) => (
        <li key={AXES[i]}>
          <code className="formula__math">
            {t(a.fits ? 'impossible.sizes.kernelFits' : 'impossible.sizes.kernelOver', {
              axis: t(AXES[i]), kernel: a.kernel, input: a.input, before: a.before, after: a.after, padded: a.padded,
            })}
          </code>
        </li>
      ))}
    </ul>
  );
}
