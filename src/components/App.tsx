/** The page: controls on the side, the animation in the middle, the sizes underneath. */
import { t } from '../i18n';
import { useStore } from '../store';
import { Controls } from './Controls';
import { ConvView } from './ConvView';
import { FormulaPanel } from './FormulaPanel';
import { Notices } from './Notices';
import { TransposeViews } from './TransposeViews';
import { useKeyboard } from './useKeyboard';

export function App() {
  useKeyboard();
  const op = useStore((s) => s.picture?.explored.op ?? null);
  const engineError = useStore((s) => s.engineError);
  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">{t('app.title')}</h1>
        <p className="app__tagline">{t('app.tagline')}</p>
      </header>
      <Notices />
      <div className="app__body">
        <aside className="app__controls">
          <Controls />
        </aside>
        <main className="app__stage">
          {engineError ? (
            <p className="app__engine-error" role="alert">
              {t('worker.failed', { message: engineError })}
            </p>
          ) : null}
          {op === null ? <p className="app__loading">{t('loading')}</p> : op === 'conv' ? <ConvView /> : <TransposeViews />}
          <FormulaPanel />
        </main>
      </div>
    </div>
  );
}
