/**
 * The page, in the layout its page keys choose: the standalone page (controls on the side, the
 * animation in the middle, more views underneath) or, with `embed=1`, the embedded one (the
 * animation and a settings strip, loaded only then). Both draw the same Stage.
 */
import { lazy, Suspense } from 'react';
import { loadErrorSentences, t } from '../i18n';
import { useStore } from '../store';
import { Controls } from './Controls';
import { ExportButton } from './ExportButton';
import { LanguageSwitch } from './LanguageSwitch';
import { MorePanels } from './MorePanels';
import { PresetPicker } from './PresetPicker';
import { ShareButtons } from './ShareButtons';
import { Stage } from './Stage';
import { UpdateBanner } from './UpdateBanner';
import { useKeyboard } from './useKeyboard';
import { useLanguage, useWords } from './useLanguage';

const EmbedLayout = lazy(() => import('../embed/EmbedLayout').then((m) => ({ default: m.EmbedLayout })));
// Only an address with something to note loads the notes (and their words).
const Notices = lazy(() => import('./Notices').then((m) => ({ default: m.Notices })));

export function App() {
  useKeyboard();
  // New words re-render the page; a new language also draws the body afresh, so no text
  // computed earlier (memoised captions, generated code) stays in the old language.
  useWords();
  const lang = useLanguage();
  const embed = useStore((s) => s.page.embed === true);
  const noted = useStore((s) => s.notices.length > 0);
  const notices = noted ? <Suspense fallback={null}><Notices /></Suspense> : null;
  return (
    // The engine-error sentences load at the learner's first touch, before any choice can be refused.
    <div className={embed ? 'app app--embed' : 'app'} onFocusCapture={() => void loadErrorSentences()}>
      {embed ? (
        <Suspense fallback={null}>
          <EmbedLayout notices={notices} />
        </Suspense>
      ) : (
        <>
          <header className="app__header">
            <h1 className="app__title">{t('app.title')}</h1>
            <p className="app__tagline">{t('app.tagline')}</p>
            <PresetPicker />
            <ShareButtons />
            <ExportButton />
            <LanguageSwitch />
          </header>
          {notices}
          <UpdateBanner />
          <div className="app__body" key={lang}>
            <aside className="app__controls">
              <Controls />
            </aside>
            <main className="app__stage">
              <Stage />
              <MorePanels />
            </main>
          </div>
        </>
      )}
    </div>
  );
}
