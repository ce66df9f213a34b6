/**
 * "More views" of the same numbers under the animation, as ARIA tabs driven by the URL's
 * `panel`: Sizes, Matrix, Checkerboard, Round trip, Gradient, Code (pooling has Sizes and
 * Code only). ←/→ (Home/End) move between tabs and select them, like TransposeViews' tabs; a
 * panel the operation lacks falls back to Sizes on screen while the URL keeps what was asked.
 */
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { t, type MessageKey } from '../i18n';
import { useStore } from '../store';
import type { Op, Panel } from '../store/urlParams';
import { FormulaPanel } from './FormulaPanel';

// Sizes is the default and stays in the first load; the other panels load when first chosen,
// which keeps about 10 KB of gzipped script (code generation included) off the first page.
const MatrixView = lazy(() => import('./MatrixView').then((m) => ({ default: m.MatrixView })));
const CheckerboardView = lazy(() => import('./CheckerboardView').then((m) => ({ default: m.CheckerboardView })));
const RoundTripView = lazy(() => import('./RoundTripView').then((m) => ({ default: m.RoundTripView })));
const GradientView = lazy(() => import('./GradientView').then((m) => ({ default: m.GradientView })));
const CodePanel = lazy(() => import('./CodePanel').then((m) => ({ default: m.CodePanel })));

const LABELS: Record<Panel, MessageKey> = {
  sizes: 'panels.tab.sizes',
  matrix: 'panels.tab.matrix',
  checkerboard: 'panels.tab.checkerboard',
  roundtrip: 'panels.tab.roundtrip',
  gradient: 'panels.tab.gradient',
  code: 'panels.tab.code',
};

/** The panels an operation offers, in tab order. */
export function panelsFor(op: Op): readonly Panel[] {
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
  // The tabs follow the picture on screen (what the panels draw), else the current choice.
  const op = useStore((s) => s.picture?.explored.op ?? s.params.op);
  const asked = useStore((s) => s.params.panel);
  const change = useStore((s) => s.change);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const panels = panelsFor(op);
  const shown = panels.includes(asked) ? asked : 'sizes';

  const activate = (p: Panel) => {
    if (useStore.getState().params.panel !== p) change({ panel: p });
  };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = panels.length;
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (to === null) return;
    // The page's ←/→ step the animation; on a tab they move between tabs only.
    e.preventDefault();
    e.stopPropagation();
    const j = (to + n) % n;
    activate(panels[j]);
    tabs.current[j]?.focus();
  };

  return (
    <div className="more-panels">
      <div className="more-panels__tabs" role="tablist" aria-label={t('panels.label')}>
        {panels.map((p, i) => (
          <button
            key={p}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`more-tab-${p}`}
            type="button"
            role="tab"
            className="more-panels__tab"
            aria-selected={p === shown}
            aria-controls={p === shown ? `more-panel-${p}` : undefined}
            tabIndex={p === shown ? 0 : -1}
            onClick={() => activate(p)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t(LABELS[p])}
          </button>
        ))}
      </div>
      <div className="more-panels__panel" role="tabpanel" id={`more-panel-${shown}`} aria-labelledby={`more-tab-${shown}`} tabIndex={0}>
        <Suspense fallback={<p className="more-panels__loading">{t('panels.loading')}</p>}>
          <PanelBody panel={shown} />
        </Suspense>
      </div>
    </div>
  );
}
