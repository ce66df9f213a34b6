/**
 * The transposed convolution's two views on the same numbers, the scatter and the equivalent
 * direct convolution: side by side where the screen allows, otherwise as tabs. Each view keeps
 * its own step, so stepping one never loses the other's place; the one last clicked is the
 * active one (the keyboard drives it and the URL's `view` names it). Underneath, the page
 * says whether the two engine results agree (the engine's verdict). With several output
 * channels a picker above both views chooses the output channel they follow; the weight's
 * layout in both frameworks sits underneath.
 */
import { addMessages, t, type MessageKey } from '../i18n';
import { enTranspose } from '../i18n/en-transpose';
import { selectEditable, useStore } from '../store';
import { selectTransposePlans } from '../store/transposePlans';
// Loading the view tells the page's narration what its steps say.
import '../store/transposeNarration';
import { selectFormsAgree } from '../store/verdicts';
import type { View } from '../store/urlParams';
import { DirectView } from './DirectView';
import { ScatterView } from './ScatterView';
import { WeightLayout } from './WeightLayout';
import { ChannelNote, ChannelPicker } from './views/channels';
import { tabIds, Tabs } from './views/Tabs';
import { useMediaQuery } from './views/useMediaQuery';

// These views load on demand, so their words (ScatterView's and DirectView's too) come with them.
addMessages(enTranspose);

/**
 * Width from which both views fit side by side with their input, kernel and output on screen
 * (narrower, a laptop included, shows one at a time in tabs, so the stepping view has the width).
 */
export const SIDE_BY_SIDE_QUERY = '(min-width: 1600px)';

const VIEWS: readonly View[] = ['scatter', 'direct'];
const VIEW_LABELS = { scatter: 'view.scatter', direct: 'view.direct' } as const satisfies Record<View, MessageKey>;
const PREFIX = 'transpose';

export function TransposeViews() {
  const picture = useStore((s) => s.picture);
  const plans = useStore(selectTransposePlans);
  const view = useStore((s) => s.params.view);
  const change = useStore((s) => s.change);
  const editable = useStore(selectEditable);
  const agree = useStore(selectFormsAgree) ?? false;
  // Presentation mode shows one view at a time, large.
  const present = useStore((s) => s.page.present === true && s.page.embed !== true);
  const wide = useMediaQuery(SIDE_BY_SIDE_QUERY) && !present;
  if (!picture || !plans || picture.numbers.op !== 'convT') return null;
  const numbers = picture.numbers;

  const activate = (v: View) => {
    if (useStore.getState().params.view !== v) change({ view: v });
  };
  const panel = (v: View) => (
    <section
      key={v}
      id={tabIds(PREFIX, v).panel}
      className={`transpose__view${v === view ? ' transpose__view--active' : ''}`}
      role={wide ? 'region' : 'tabpanel'}
      aria-label={wide ? t(VIEW_LABELS[v]) : undefined}
      aria-labelledby={wide ? undefined : tabIds(PREFIX, v).tab}
      onPointerDownCapture={() => activate(v)}
      onFocusCapture={() => activate(v)}
    >
      {wide ? <h2 className="transpose__title">{t(VIEW_LABELS[v])}</h2> : null}
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
        <Tabs label={t('view.tabs')} prefix={PREFIX} tabs={VIEWS.map((v) => ({ id: v, label: t(VIEW_LABELS[v]) }))} selected={view} onSelect={activate} />
      )}
      <div className="transpose__views">{wide ? VIEWS.map(panel) : panel(view)}</div>
      <p className={`transpose__agree${agree ? '' : ' transpose__agree--bug'}`} role={agree ? 'status' : 'alert'}>
        {agree ? t('view.same') : t('view.differ')}
      </p>
      <WeightLayout info={info} op="convT" />
    </div>
  );
}
