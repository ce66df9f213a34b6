/**
 * The transposed convolution's two views on the same numbers, the scatter and the equivalent
 * direct convolution: side by side where the screen allows, otherwise as tabs. Each view keeps
 * its own step, so stepping one never loses the other's place; the one last clicked is the
 * active one (the keyboard drives it and the URL's `view` names it). Underneath, the page
 * says whether the two engine results agree (the engine's verdict). With several output
 * channels a picker above both views chooses the output channel they follow; the weight's
 * layout in both frameworks sits underneath.
 */
import { useRef, type KeyboardEvent } from 'react';
import { addMessages, t } from '../i18n';
import { enTranspose } from '../i18n/en-transpose';
import { selectEditable, useStore } from '../store';
import { selectTransposePlans } from '../store/transposePlans';
import { selectFormsAgree } from '../store/verdicts';
import type { View } from '../store/urlParams';
import { DirectView } from './DirectView';
import { ScatterView } from './ScatterView';
import { WeightLayout } from './WeightLayout';
import { ChannelNote, ChannelPicker } from './views/channels';
import { useMediaQuery } from './views/useMediaQuery';

// These views load on demand, so their words (ScatterView's and DirectView's too) come with them.
addMessages(enTranspose);

/** Width from which both views fit side by side. */
export const SIDE_BY_SIDE_QUERY = '(min-width: 1100px)';

const VIEWS: readonly View[] = ['scatter', 'direct'];

export function TransposeViews() {
  const picture = useStore((s) => s.picture);
  const plans = useStore(selectTransposePlans);
  const view = useStore((s) => s.params.view);
  const change = useStore((s) => s.change);
  const editable = useStore(selectEditable);
  const agree = useStore(selectFormsAgree) ?? false;
  const wide = useMediaQuery(SIDE_BY_SIDE_QUERY);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!picture || !plans || picture.numbers.op !== 'convT') return null;
  const numbers = picture.numbers;

  const activate = (v: View) => {
    if (useStore.getState().params.view !== v) change({ view: v });
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    const j = (to + VIEWS.length) % VIEWS.length;
    activate(VIEWS[j]);
    tabs.current[j]?.focus();
  };

  const panel = (v: View) => (
    <section
      key={v}
      id={`transpose-${v}`}
      className={`transpose__view${v === view ? ' transpose__view--active' : ''}`}
      role={wide ? 'region' : 'tabpanel'}
      aria-label={wide ? t(v === 'scatter' ? 'view.scatter' : 'view.direct') : undefined}
      aria-labelledby={wide ? undefined : `transpose-tab-${v}`}
      onPointerDownCapture={() => activate(v)}
      onFocusCapture={() => activate(v)}
    >
      {wide ? <h2 className="transpose__title">{t(v === 'scatter' ? 'view.scatter' : 'view.direct')}</h2> : null}
      {v === 'scatter' ? (
        <ScatterView picture={picture} plan={plans.scatter} channels={plans.channels.scatter} count={plans.counts.scatter} editable={editable} />
      ) : (
        <DirectView plan={plans.direct} channels={plans.channels.direct} count={plans.counts.direct} x={picture.x} w={picture.w} numbers={numbers} />
      )}
    </section>
  );

  const { info } = plans.scatter;
  return (
    <div className={`transpose${wide ? ' transpose--wide' : ''}`}>
      <ChannelPicker count={info.outChannels} value={plans.scatter.outChannel} />
      <ChannelNote
        inChannels={info.inChannels} groups={info.groups} outChannel={plans.scatter.outChannel} group={plans.scatter.group}
        inputChannels={plans.scatter.inputChannels} transposed
      />
      {wide ? null : (
        <div className="transpose__tabs" role="tablist" aria-label={t('view.tabs')}>
          {VIEWS.map((v, i) => (
            <button
              key={v}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              id={`transpose-tab-${v}`}
              type="button"
              role="tab"
              className="transpose__tab"
              aria-selected={v === view}
              aria-controls={v === view ? `transpose-${v}` : undefined}
              tabIndex={v === view ? 0 : -1}
              onClick={() => activate(v)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t(v === 'scatter' ? 'view.scatter' : 'view.direct')}
            </button>
          ))}
        </div>
      )}
      <div className="transpose__views">{wide ? VIEWS.map(panel) : panel(view)}</div>
      <p className={`transpose__agree${agree ? '' : ' transpose__agree--bug'}`} role={agree ? 'status' : 'alert'}>
        {agree ? t('view.same') : t('view.differ')}
      </p>
      <WeightLayout info={info} op="convT" />
    </div>
  );
}
