/**
 * The page: controls on the side, the animation in the middle, more views underneath. Views
 * other than the convolution load on demand, so the first page stays light.
 */
import { lazy, Suspense } from 'react';
import { isShapeError } from '../engine';
import { errorText, loadErrorSentences, t } from '../i18n';
import { selectValidated, useStore } from '../store';
import { Controls } from './Controls';
import { ConvView } from './ConvView';
import { LanguageSwitch } from './LanguageSwitch';
import { UpdateBanner } from './UpdateBanner';
import { MorePanels } from './MorePanels';
import { Notices } from './Notices';
import { PresetPicker } from './PresetPicker';
import { useKeyboard } from './useKeyboard';
import { useLanguage, useWords } from './useLanguage';

const TransposeViews = lazy(() => import('./TransposeViews').then((m) => ({ default: m.TransposeViews })));
const UnpoolView = lazy(() => import('./UnpoolView').then((m) => ({ default: m.UnpoolView })));

export function App() {
  useKeyboard();
  // New words re-render the page; a new language also draws the body afresh, so no text
  // computed earlier (memoised captions, generated code) stays in the old language.
  useWords();
  const lang = useLanguage();
  const op = useStore((s) => s.picture?.explored.op ?? null);
  const engineError = useStore((s) => s.engineError);
  // Before any picture, an impossible first choice leaves nothing to draw: say so instead of "Computing…".
  const impossible = useStore((s) => !selectValidated(s).ok);
  const loading = <p className="app__loading">{t(impossible ? 'app.nothingYet' : 'loading')}</p>;
  return (
    // The engine-error sentences load at the learner's first touch, before any choice can be refused.
    <div className="app" onFocusCapture={() => void loadErrorSentences()}>
      <header className="app__header">
        <h1 className="app__title">{t('app.title')}</h1>
        <p className="app__tagline">{t('app.tagline')}</p>
        <PresetPicker />
        <LanguageSwitch />
      </header>
      <Notices />
      <UpdateBanner />
      <div className="app__body" key={lang}>
        <aside className="app__controls">
          <Controls />
        </aside>
        <main className="app__stage">
          {engineError ? (
            <p className="app__engine-error" role="alert">
              {t('worker.failed', { message: isShapeError(engineError) ? errorText(engineError) : engineError.message })}
            </p>
          ) : null}
          <Suspense fallback={loading}>
            {op === null ? loading : op === 'conv' ? <ConvView /> : op === 'convT' ? <TransposeViews /> : <UnpoolView />}
          </Suspense>
          <MorePanels />
        </main>
      </div>
    </div>
  );
}
