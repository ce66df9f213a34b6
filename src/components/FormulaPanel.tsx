/**
 * The size arithmetic of the current choice, per axis, with its numbers substituted: the
 * formula, which other sizes give the same result, and why output_padding / output_shape
 * exist. For pooling and unpooling: the pooled size, the unpooled default and the sizes
 * unpooling accepts (why output_size exists). Every number is read from the engine's Explored
 * record (the current choice when it is valid, else the picture on screen) or asked of the
 * engine's size functions; this component only puts numbers into sentences.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { unpoolSizes, type AxisFacts, type ConvTranspose2DInfo, type Conv2DInfo, type Explored } from '../engine';
import { errorText, listOf, t, type MessageKey } from '../i18n';
import { selectValidated, useStore } from '../store';
import { drawsRefusal } from '../viz/refusals';

const ImpossibleSizes = lazy(() => import('./ImpossiblePicture').then((m) => ({ default: m.ImpossibleSizes })));

/** One axis of a record, named the same way for height and width (picked, not computed). */
interface AxisNumbers {
  readonly i: number;
  readonly k: number;
  readonly s: number;
  readonly d: number;
  readonly before: number;
  readonly after: number;
  readonly o: number;
}

function axisOf(info: Conv2DInfo, axis: 0 | 1): AxisNumbers {
  return axis === 0
    ? { i: info.inH, k: info.kH, s: info.strideH, d: info.dilationH, before: info.pad.top, after: info.pad.bottom, o: info.outH }
    : { i: info.inW, k: info.kW, s: info.strideW, d: info.dilationW, before: info.pad.left, after: info.pad.right, o: info.outW };
}

const outputPaddingOf = (info: ConvTranspose2DInfo, axis: 0 | 1): number => (axis === 0 ? info.outputPaddingH : info.outputPaddingW);

const AXIS_NAME: readonly [MessageKey, MessageKey] = ['axis.h', 'axis.w'];
const AXIS_TITLE: readonly [MessageKey, MessageKey] = ['formula.height', 'formula.width'];

function Formula({ children }: { readonly children: ReactNode }) {
  return (
    <p className="formula__line">
      <code className="formula__math">{children}</code>
    </p>
  );
}

/** TensorFlow SAME's padding of one axis: before, after (the odd extra after). */
function SamePads({ axis, facts }: { readonly axis: string; readonly facts: AxisFacts }) {
  return facts.tfPad ? <p className="formula__note">{t('formula.samePads', { axis, before: facts.tfPad.before, after: facts.tfPad.after })}</p> : null;
}

/** The general rule for this operation and semantics. */
function ruleOf(e: Explored): MessageKey {
  if (e.op === 'unpool') {
    if (e.spec.fw === 'torch') return 'ch.formula.pool';
    return e.spec.padding === 'VALID' ? 'ch.formula.poolValid' : 'ch.formula.poolSame';
  }
  if (e.op === 'conv') {
    if (e.spec.fw === 'torch') return 'formula.conv';
    return e.spec.padding === 'VALID' ? 'formula.tfValid' : 'formula.tfSame';
  }
  return e.spec.fw === 'torch' ? 'formula.convT' : 'formula.convTPads';
}

function ConvAxis({ e, axis, facts }: { readonly e: Extract<Explored, { op: 'conv' }>; readonly axis: 0 | 1; readonly facts: AxisFacts }) {
  const n = axisOf(e.info, axis);
  const name = t(AXIS_NAME[axis]);
  const tf = e.spec.fw === 'tf';
  const valid = e.spec.padding === 'VALID';
  return (
    <>
      <Formula>
        {!tf
          ? t('formula.convSub', { i: n.i, p: n.before, d: n.d, k: n.k, s: n.s, o: n.o })
          : valid
            ? t('formula.tfValidSub', { i: n.i, d: n.d, k: n.k, s: n.s, o: n.o })
            : t('formula.tfSameSub', { i: n.i, s: n.s, o: n.o })}
      </Formula>
      {tf && !valid ? <SamePads axis={name} facts={facts} /> : null}
      <p className="formula__siblings">{t('formula.siblingsConv', { axis: name, o: n.o, sizes: listOf(facts.siblings) })}</p>
    </>
  );
}

function ConvTAxis({ e, axis, facts }: { readonly e: Extract<Explored, { op: 'convT' }>; readonly axis: 0 | 1; readonly facts: AxisFacts }) {
  const n = axisOf(e.info, axis);
  const a = outputPaddingOf(e.info, axis);
  const name = t(AXIS_NAME[axis]);
  if (e.spec.fw === 'torch') {
    return (
      <>
        <Formula>{t('formula.convTSub', { i: n.i, s: n.s, p: n.before, d: n.d, k: n.k, a, o: n.o })}</Formula>
        <p className="formula__siblings">{t('formula.reach', { axis: name, i: n.i, sizes: listOf(facts.siblings) })}</p>
        <p className="formula__note">{t('formula.outputPaddingTitle', { axis: name })}</p>
        <ul className="formula__choices">
          {facts.outputPaddingChoices.map((c) => (
            <li key={c.a} aria-current={c.a === a || undefined}>
              {t('formula.outputPadding', { a: c.a, size: c.size })}
              {c.a === a ? ` ${t('formula.current')}` : ''}
            </li>
          ))}
        </ul>
      </>
    );
  }
  const valid = e.spec.padding === 'VALID';
  // output_shape o is legal when the forward convolution of o gives back the input size i.
  const back = valid
    ? t('formula.tfValidSub', { i: n.o, d: n.d, k: n.k, s: n.s, o: n.i })
    : t('formula.tfSameSub', { i: n.o, s: n.s, o: n.i });
  return (
    <>
      <Formula>{t('formula.convTPadsSub', { i: n.i, s: n.s, before: n.before, after: n.after, d: n.d, k: n.k, a, o: n.o })}</Formula>
      <p className="formula__note">{t('formula.tfOutLegal', { axis: name, o: n.o, sub: back })}</p>
      <p className="formula__siblings">{t('formula.legalOut', { axis: name, sizes: listOf(facts.legalOut) })}</p>
      {!valid ? <SamePads axis={name} facts={facts} /> : null}
      {a > 0 ? <p className="formula__note">{t(axis === 0 ? 'formula.tfHiddenPaddingH' : 'formula.tfHiddenPaddingW', { a })}</p> : null}
    </>
  );
}

/** One axis of a pooling record, named the same way for height and width (picked, not computed). */
function poolAxisOf(e: Extract<Explored, { op: 'unpool' }>, axis: 0 | 1) {
  const { pool, unpool } = e;
  return axis === 0
    ? { i: pool.inH, k: pool.kH, s: pool.strideH, before: pool.pad.top, o: pool.outH, out: unpool.outH }
    : { i: pool.inW, k: pool.kW, s: pool.strideW, before: pool.pad.left, o: pool.outW, out: unpool.outW };
}

function UnpoolAxis({ e, axis, facts }: { readonly e: Extract<Explored, { op: 'unpool' }>; readonly axis: 0 | 1; readonly facts: AxisFacts }) {
  const n = poolAxisOf(e, axis);
  const name = t(AXIS_NAME[axis]);
  const tf = e.spec.fw === 'tf';
  const valid = e.spec.padding === 'VALID';
  return (
    <>
      <p className="formula__step">{t('ch.formula.pooling')}</p>
      <Formula>
        {!tf
          ? t('ch.formula.poolSub', { i: n.i, p: n.before, k: n.k, s: n.s, o: n.o })
          : valid
            ? t('ch.formula.poolValidSub', { i: n.i, k: n.k, s: n.s, o: n.o })
            : t('ch.formula.poolSameSub', { i: n.i, s: n.s, o: n.o })}
      </Formula>
      {tf && !valid ? <SamePads axis={name} facts={facts} /> : null}
      <p className="formula__siblings">{t('ch.formula.poolSiblings', { axis: name, o: n.o, sizes: listOf(facts.siblings) })}</p>
      <p className="formula__step">{t('ch.formula.unpooling')}</p>
      {tf ? (
        <p className="formula__note">{t('ch.formula.tfUnpool', { axis: name, o: n.out })}</p>
      ) : (
        <>
          <Formula>{t('ch.formula.unpoolSub', { i: n.o, s: n.s, p: n.before, k: n.k, o: unpoolSizes(n.o, n.k, n.s, n.before).default })}</Formula>
          <p className="formula__siblings">{t('ch.formula.unpoolLegal', { axis: name, sizes: listOf(facts.legalOut), o: n.out })}</p>
        </>
      )}
    </>
  );
}

/** The closing sentence: why the learner is told about the sizes that give the same result. */
function whyOf(e: Explored, ambiguous: boolean): MessageKey | null {
  if (e.op === 'unpool') return e.spec.fw === 'tf' ? 'ch.formula.tfUnpoolWhy' : 'ch.formula.unpoolWhy';
  if (e.op === 'conv') return ambiguous ? 'formula.siblingsWhy' : null;
  return 'formula.whyConvT';
}

export function FormulaPanel() {
  const validated = useStore(selectValidated);
  const shown = useStore((s) => s.picture?.explored ?? null);
  // A refusal the page draws (ImpossiblePicture) gets its formula with its own numbers here, not the last picture's.
  const drawn = !validated.ok && drawsRefusal(validated.error);
  const e = validated.ok ? validated.explored : drawn ? null : shown;
  const axes = [0, 1] as const;
  const ambiguous = e !== null && e.axes.some((f) => f.siblings.length > 1);
  const why = e === null ? null : whyOf(e, ambiguous);
  return (
    <section className="formula" role="region" aria-label={t('formula.title')}>
      <h2 className="formula__title">{t('formula.title')}</h2>
      {!validated.ok && drawn ? (
        <Suspense fallback={null}>
          <ImpossibleSizes error={validated.error} />
        </Suspense>
      ) : null}
      {!validated.ok && !drawn && e === null ? <p className="formula__stale">{errorText(validated.error)}</p> : null}
      {e === null ? null : (
        <>
          {!validated.ok ? <p className="formula__stale">{t('error.kept')}</p> : null}
          <p className="formula__rule">
            <span className="formula__rule-label">{t('formula.rule')}</span> <code className="formula__math">{t(ruleOf(e))}</code>
            {e.op === 'unpool' && e.spec.fw === 'torch' ? (
              <>
                {t('list.clauseSep')}
                <code className="formula__math">{t('ch.formula.unpool')}</code>
              </>
            ) : null}
          </p>
          <div className="formula__axes">
            {axes.map((axis) => (
              <div key={axis} className="formula__axis">
                <h3 className="formula__axis-title">{t(AXIS_TITLE[axis])}</h3>
                {e.op === 'conv' ? (
                  <ConvAxis e={e} axis={axis} facts={e.axes[axis]} />
                ) : e.op === 'convT' ? (
                  <ConvTAxis e={e} axis={axis} facts={e.axes[axis]} />
                ) : (
                  <UnpoolAxis e={e} axis={axis} facts={e.axes[axis]} />
                )}
              </div>
            ))}
          </div>
          {why ? <p className="formula__why">{t(why)}</p> : null}
        </>
      )}
    </section>
  );
}
