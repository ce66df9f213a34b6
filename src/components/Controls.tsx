/**
 * The learner's choices: operation, semantics, sizes per axis, channels and groups (pooling:
 * its kind, window, stride, padding, unpooled size and channels) and values. Every change goes
 * through the store's `change` (which applies the rules that keep params meaningful), and from
 * there into the URL. Text that does not parse stays in its field as a draft; a combination the
 * engine refuses shows the engine's sentence next to the field it blames, while the picture
 * keeps the last valid setting (the store keeps it).
 */
import { lazy, Suspense, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorText, t } from '../i18n';
import { selectValidated, useStore } from '../store';
import type { SizeKey } from '../store/paramsSlice';
import { hasOutputSize, legalOutputShape } from '../store/transitions';
import { BOUNDS, type Fw, type HW, type Op, type Params, type Pool, type Vals } from '../store/urlParams';
import { faultOf, type FormField } from '../viz/fieldErrors';
import { EngineError } from './controls/EngineError';
import { HWField } from './controls/HWField';
import { NamesNote } from './NamesNote';
import { NumberField } from './controls/NumberField';
import { RadioGroup } from './controls/RadioGroup';
import { focusPicture } from './useKeyboard';

// TensorFlow's output_shape (and the unpooled size) is asked for only by some operations: its field loads then.
const OutputShapeField = lazy(() => import('./controls/OutputShapeField').then((m) => ({ default: m.OutputShapeField })));

/** The whole-number fields: channels and groups. */
type CountKey = 'cin' | 'cout' | 'g';

/** Applies the learner's patch with its consequences (see transitions.ts). */
const apply = (patch: Partial<Params>): void => useStore.getState().change(patch);

/** A one-key patch for a channel or group count. */
function countPatch(field: CountKey, value: number): Partial<Params> {
  const patch: { readonly [K in CountKey]?: number } = { [field]: value };
  return patch;
}

export interface ControlsProps {
  /**
   * The embedded page's strip: operation, semantics and the four main sizes only, in a row
   * (the other keys keep what the address or the host set).
   */
  readonly compact?: boolean;
}

export function Controls({ compact = false }: ControlsProps) {
  const { params, drafts, setDraft } = useStore(useShallow((s) => ({ params: s.params, drafts: s.drafts, setDraft: s.setDraft })));
  const validated = useStore(selectValidated);
  const errorId = useId();
  const fault = validated.ok ? null : faultOf(validated.error);

  const isT = params.op === 'convT';
  const pooling = params.op === 'unpool';
  const shownFields: FormField[] = ['in', 'k', 's', 'p'];
  if (!compact) {
    if (!pooling) shownFields.push('d');
    if (isT && params.fw === 'torch') shownFields.push('a');
    if (hasOutputSize(params.op, params.fw)) shownFields.push('out');
    shownFields.push(...(pooling ? ['cin' as const] : ['cin' as const, 'cout' as const, 'g' as const]));
  }
  // A refusal about a field that is not on screen is shown above the fields instead.
  const errorAt: FormField | 'top' | null = !fault ? null : fault.field && shownFields.includes(fault.field) ? fault.field : 'top';
  // The last valid picture stays on screen (say so only when there is one).
  const kept = useStore((s) => s.picture !== null);
  const errorBlock = validated.ok ? null : <EngineError id={errorId} message={errorText(validated.error)} kept={kept} />;
  const faultyAxes = (field: FormField): readonly [boolean, boolean] =>
    errorAt === field && fault ? [fault.axis !== 1, fault.axis !== 0] : [false, false];

  const hw = (field: SizeKey, value: HW, bounds: { min: number; max: number }, label?: string) => (
    <HWField
      field={field}
      label={label}
      value={value}
      bounds={bounds}
      faulty={faultyAxes(field)}
      errorId={errorId}
    >
      {errorAt === field ? errorBlock : null}
    </HWField>
  );

  const count = (field: CountKey, label: string) => (
    <NumberField
      label={label}
      value={params[field]}
      bounds={BOUNDS[field]}
      draft={drafts[field]}
      faulty={errorAt === field}
      errorId={errorId}
      onValue={(n) => apply(countPatch(field, n))}
      onDraft={(text) => setDraft(field, text)}
    >
      {errorAt === field ? errorBlock : null}
    </NumberField>
  );

  const opChoice = (
    <RadioGroup<Op>
      legend={t('op.label')}
      value={params.op}
      options={[
        { value: 'conv', label: t('op.conv') },
        { value: 'convT', label: t('op.convT'), title: t('op.convT.tip') },
        { value: 'unpool', label: t('ch.op.unpool') },
        { value: 'image', label: t('op.image') },
      ]}
      onChange={(op) => {
        apply({ op });
        // The radios keep ←/→ for themselves: after the choice they step the animation.
        focusPicture();
      }}
    />
  );

  // Image mode draws its own settings beside its pictures: here only the way back.
  if (params.op === 'image') {
    return (
      <form className={compact ? 'controls controls--compact' : 'controls'} aria-label={t('controls.label')} onSubmit={(e) => e.preventDefault()}>
        <h2 className={compact ? 'visually-hidden' : 'controls__title'}>{t('controls.label')}</h2>
        {opChoice}
      </form>
    );
  }

  return (
    <form className={compact ? 'controls controls--compact' : 'controls'} aria-label={t('controls.label')} onSubmit={(e) => e.preventDefault()}>
      <h2 className={compact ? 'visually-hidden' : 'controls__title'}>{t('controls.label')}</h2>
      {opChoice}
      {compact ? null : <NamesNote />}
      <RadioGroup<Fw>
        legend={t('fw.label')}
        value={params.fw}
        options={[{ value: 'torch', label: t('fw.torch') }, { value: 'tf', label: t('fw.tf') }]}
        onChange={(fw) => apply({ fw })}
      />
      {pooling && !compact ? (
        <RadioGroup<Pool>
          legend={t('ch.pool.label')}
          value={params.pool}
          options={[{ value: 'max', label: t('ch.pool.max') }, { value: 'avg', label: t('ch.pool.avg') }]}
          onChange={(pool) => apply({ pool })}
        />
      ) : null}

      <div className="controls__sizes">
        <p className="controls__sizes-title" aria-hidden="true">{t('controls.sizes')}</p>
        {errorAt === 'top' ? errorBlock : null}
        {hw('in', params.in, BOUNDS.in)}
        {hw('k', params.k, BOUNDS.k, pooling ? t('ch.field.window') : undefined)}
        {hw('s', params.s, BOUNDS.s)}
        {typeof params.p === 'string' ? (
          <div className="controls__hw">
            <label className="controls__hw-label" htmlFor={`${errorId}-pad`}>{t('field.p')}</label>
            <span className="controls__hw-inputs">
              <select
                id={`${errorId}-pad`}
                className="controls__select"
                value={params.p}
                aria-invalid={errorAt === 'p' || undefined}
                aria-describedby={errorAt === 'p' ? errorId : undefined}
                onChange={(e) => apply({ p: e.target.value === 'valid' ? 'valid' : 'same' })}
              >
                <option value="same">{t('pad.same')}</option>
                <option value="valid">{t('pad.valid')}</option>
              </select>
            </span>
            {errorAt === 'p' ? errorBlock : null}
          </div>
        ) : (
          hw('p', params.p, BOUNDS.p)
        )}
        {shownFields.includes('d') ? hw('d', params.d, BOUNDS.d) : null}
        {shownFields.includes('a') ? hw('a', params.a, BOUNDS.a) : null}
        {shownFields.includes('out') ? (
          <Suspense fallback={null}>
            <OutputShapeField
              label={pooling ? t('ch.field.unpoolOut') : undefined}
              value={params.out}
              legal={legalOutputShape(params)}
              faulty={faultyAxes('out')}
              errorId={errorId}
              onChange={(out) => apply({ out })}
            >
              {errorAt === 'out' ? errorBlock : null}
            </OutputShapeField>
          </Suspense>
        ) : null}
      </div>

      {compact ? null : (
        <>
          <div className="controls__sizes" role="group" aria-labelledby={`${errorId}-channels`}>
            <p id={`${errorId}-channels`} className="controls__sizes-title">{t('ch.channels.title')}</p>
            {pooling ? count('cin', t('ch.field.channels')) : (
              <>
                {count('cin', t('ch.field.cin'))}
                {count('cout', t('ch.field.cout'))}
                {count('g', t('ch.field.g'))}
              </>
            )}
          </div>

          <RadioGroup<Vals>
            legend={t('vals.label')}
            value={params.vals}
            options={[
              { value: 'ones', label: t('vals.ones') },
              { value: 'int', label: t('vals.int') },
              { value: 'rand', label: t('vals.rand') },
            ]}
            onChange={(vals) => apply({ vals })}
          />
          {params.vals === 'rand' ? (
            <NumberField
              label={t('vals.seed')}
              value={params.seed}
              bounds={BOUNDS.seed}
              draft={drafts.seed}
              faulty={false}
              wide
              onValue={(seed) => apply({ seed })}
              onDraft={(text) => setDraft('seed', text)}
            />
          ) : null}
          {params.x || params.w ? (
            <button type="button" className="controls__reset" onClick={() => apply({ x: null, w: null })}>
              {t('vals.reset')}
            </button>
          ) : null}
        </>
      )}
    </form>
  );
}
