/**
 * The formulas of the direct view's three steps, each with the current numbers, as the
 * tutorials write them: (1) H′ = H + (H − 1)(s − 1); (2) k′ = k, s′ = 1 and p′ = d(k − 1) − p
 * per side, with the tutorials' p′ = k − p − 1 beside it when d = 1, the output padding on the
 * bottom/right and a short, expandable derivation of p′; (3) the stride-1 convolution's size,
 * with the tutorials' one-line (H − 1)s − 2p + k beside it where it holds. Every number comes
 * from the engine's `directAxis` (src/engine/shape.ts); this component only fills sentences.
 * Where a tutorial says something misleading (output padding "fills zeros"; the stride
 * parameter "is the stride of step 3"), a short note says what happens instead.
 */
import { directAxis, type ConvTranspose2DInfo, type DirectAxis } from '../engine';
import { t, type MessageKey } from '../i18n';

type Stage = 'zero-insert' | 'kernel' | 'sweep';

/** The axes to write: one line named H when both axes hold the same numbers, else H and W. */
function axesOf(info: ConvTranspose2DInfo): readonly { readonly name: string; readonly axis: DirectAxis }[] {
  const h = directAxis(info, 0);
  const w = directAxis(info, 1);
  return JSON.stringify(h) === JSON.stringify(w) ? [{ name: 'H', axis: h }] : [{ name: 'H', axis: h }, { name: 'W', axis: w }];
}

/** The sides an axis's p′ before / after name: both axes at once, or the height's top/bottom, the width's left/right. */
function sideKeys(axes: number, name: string): readonly [MessageKey, MessageKey] {
  if (axes === 1) return ['side.topLeft', 'side.bottomRight'];
  return name === 'H' ? ['side.top', 'side.bottom'] : ['side.left', 'side.right'];
}

function Line({ text, note }: { readonly text: string; readonly note?: MessageKey }) {
  return (
    <li>
      <code className="direct__formula">{text}</code>
      {note ? <span className="direct__formula-note"> {t(note)}</span> : null}
    </li>
  );
}

function ZeroFormulas({ info }: { readonly info: ConvTranspose2DInfo }) {
  return (
    <ul className="direct__formulas">
      {axesOf(info).map(({ name, axis }) => (
        <Line key={name} text={t('stage.zeroFormula', { n: name, i: axis.i, s: axis.s, zero: axis.zero })} />
      ))}
    </ul>
  );
}

function KernelFormulas({ info }: { readonly info: ConvTranspose2DInfo }) {
  const axes = axesOf(info);
  const outputPadding = axes.some(({ axis }) => axis.a > 0);
  const first = axes[0].axis;
  return (
    <>
      <ul className="direct__formulas">
        {axes.map(({ name, axis }) => (
          <li key={name} className="direct__axis">
            {axes.length > 1 ? <span className="direct__axis-name">{t(name === 'H' ? 'axis.h' : 'axis.w')}</span> : null}
            <ul>
              <Line
                text={axis.d === 1 ? t('stage.kPrime', { k: axis.k }) : t('stage.kPrimeDilated', { k: axis.k, d: axis.d, kPrime: axis.kPrime })}
              />
              {axis.p[0] === axis.p[1] && axis.a === 0 ? (
                <>
                  <Line text={t('stage.pPrimeGeneral', { d: axis.d, k: axis.k, p: axis.p[0], value: axis.pPrime[0] })} />
                  {axis.d === 1 ? <Line text={t('stage.pPrimeSimple', { k: axis.k, p: axis.p[0], value: axis.pPrime[0] })} note="stage.simpleNote" /> : null}
                </>
              ) : (
                <>
                  <Line text={t('stage.pPrimeSide', { side: t(sideKeys(axes.length, name)[0]), d: axis.d, k: axis.k, p: axis.p[0], value: axis.pPrime[0] })} />
                  <Line
                    text={axis.a > 0
                      ? t('stage.pPrimeSideOut', { side: t(sideKeys(axes.length, name)[1]), d: axis.d, k: axis.k, p: axis.p[1], a: axis.a, value: axis.pPrime[1] })
                      : t('stage.pPrimeSide', { side: t(sideKeys(axes.length, name)[1]), d: axis.d, k: axis.k, p: axis.p[1], value: axis.pPrime[1] })}
                  />
                </>
              )}
              <Line text={t('stage.paddedSize', { n: name, zero: axis.zero, before: axis.pPrime[0], after: axis.pPrime[1], padded: axis.padded })} />
            </ul>
          </li>
        ))}
      </ul>
      {axes.some(({ axis }) => axis.pPrime[0] < 0 || axis.pPrime[1] < 0) ? <p className="direct__note">{t('stage.padNegative')}</p> : null}
      {outputPadding ? <p className="direct__note">{t('stage.outputPaddingNote')}</p> : null}
      <details className="direct__derive">
        <summary>{t('derive.title')}</summary>
        <ol>
          <li>{t('derive.1')}</li>
          <li>{t('derive.2')}</li>
          <li>{t('derive.3')}</li>
          <li>{t('derive.4')}</li>
        </ol>
        <p>{t(first.d === 1 ? 'derive.here' : 'derive.hereDilated', { k: first.k, p: first.p[0], d: first.d, value: first.pPrime[0] })}</p>
      </details>
    </>
  );
}

function SweepFormulas({ info }: { readonly info: ConvTranspose2DInfo }) {
  return (
    <>
      <ul className="direct__formulas">
        {axesOf(info).map(({ name, axis }) => (
          <li key={name} className="direct__axis">
            <ul>
              <Line text={t('stage.sweepFormula', { n: name, zero: axis.zero, before: axis.pPrime[0], after: axis.pPrime[1], kPrime: axis.kPrime, out: axis.out })} />
              {axis.simple ? (
                <Line text={t('stage.shortcut', { n: name, i: axis.i, s: axis.s, p: axis.p[0], k: axis.k, out: axis.out })} note="stage.simpleNote" />
              ) : null}
            </ul>
          </li>
        ))}
      </ul>
      <p className="direct__note">{t('stage.strideNote')}</p>
    </>
  );
}

export function DirectFormulas({ info, stage }: { readonly info: ConvTranspose2DInfo; readonly stage: Stage }) {
  if (stage === 'zero-insert') return <ZeroFormulas info={info} />;
  if (stage === 'kernel') return <KernelFormulas info={info} />;
  return <SweepFormulas info={info} />;
}
