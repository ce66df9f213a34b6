/**
 * "More views" of the same numbers under the animation, as ARIA tabs driven by the URL's
 * `panel`: Sizes, Matrix, Checkerboard, Round trip, Gradient, Code (pooling has Sizes and
 * Code only). ←/→ (Home/End) move between tabs and select them (the Tabs component); a panel
 * the operation lacks falls back to Sizes on screen while the URL keeps what was asked.
 */
import { lazy, Suspense } from 'react';
import { t } from '../i18n';
import { selectValidated, useStore } from '../store';
import type { Op, Panel } from '../store/urlParams';
import { FormulaPanel } from './FormulaPanel';
import { tabIds, Tabs } from './views/Tabs';

// Sizes is the default and stays in the first load; the other panels load when first chosen,
// which keeps about 10 KB of gzipped script (code generation included) off the first page.
const MatrixView = lazy(() => import('./MatrixView').then((m) => ({ default: m.MatrixView })));
const CheckerboardView = lazy(() => import('./CheckerboardView').then((m) => ({ default: m.CheckerboardView })));
const RoundTripView = lazy(() => import('./RoundTripView').then((m) => ({ default: m.RoundTripView })));
const GradientView = lazy(() => import('./GradientView').then((m) => ({ default: m.GradientView })));
const CodePanel = lazy(() => import('./CodePanel').then((m) => ({ default: m.CodePanel })));

const PREFIX = 'more';

/** The panels an operation offers, in tab order. */
function panelsFor(op: Op): readonly Panel[] {
  return op === 'unpool' ? ['sizes', 'code'] : ['sizes', 'matrix', 'checkerboard', 'roundtrip', 'gradient', 'code'];
}

function PanelBody({ panel }: { readonly panel: Panel }) {
  switch (panel) {
    case 'sizes':
      return <FormulaPanel />;
    case 'matrix':
      return <MatrixView />;
    case 'checkerboard':
      return <CheckerboardView />;
    case 'roundtrip':
      return <RoundTripView />;
    case 'gradient':
      return <GradientView />;
    case 'code':
      return <CodePanel />;
  }
}

export function MorePanels() {
  // Image mode has no numeric picture to show more views of. The panels come with the first
  // picture (or with a first choice that is refused, which the Sizes panel explains): shown
  // earlier, the picture arriving above would push them down the page.
  const shown = useStore((s) => s.params.op !== 'image' && (s.picture !== null || !selectValidated(s).ok));
  return shown ? <Panels /> : null;
}

function Panels() {
  // The tabs follow the picture on screen (what the panels draw), else the current choice.
  const op = useStore((s) => s.picture?.explored.op ?? s.params.op);
  const asked = useStore((s) => s.params.panel);
  const change = useStore((s) => s.change);
  const panels = panelsFor(op);
  const shown = panels.includes(asked) ? asked : 'sizes';
  const ids = tabIds(PREFIX, shown);

  const activate = (p: Panel) => {
    if (useStore.getState().params.panel !== p) change({ panel: p });
  };

  return (
    <div className="more-panels">
      <Tabs label={t('panels.label')} prefix={PREFIX} tabs={panels.map((p) => ({ id: p, label: t(`panels.tab.${p}`) }))} selected={shown} onSelect={activate} />
      <div className="more-panels__panel" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} tabIndex={0}>
        <Suspense fallback={<p className="more-panels__loading">{t('panels.loading')}</p>}>
          <PanelBody panel={shown} />
        </Suspense>
      </div>
    </div>
  );
}
