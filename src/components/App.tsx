/**
 * The page, in the layout its page keys choose: the standalone page (controls on the side, the
 * animation in the middle, more views underneath; on a phone the picture first and the settings
 * in a sheet one tap away), its presentation mode (`present=1`: the picture alone, large, with
 * its transport) or, with `embed=1`, the embedded one (the animation and a settings strip,
 * loaded only then). All draw the same Stage; the narration's live region and the keyboard help
 * belong to every layout.
 */
import { lazy, Suspense, useState } from 'react';
import { loadErrorSentences, t } from '../i18n';
import { selectValidated, useStore } from '../store';
import { Controls } from './Controls';
import { ExportButton } from './ExportButton';
import { LanguageSwitch } from './LanguageSwitch';
import { Narration } from './Narration';
import { HelpButton, HelpDialog, PresentButton, SheetButton } from './PageModes';
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
  const present = useStore((s) => s.page.present === true) && !embed;
  // The phone's settings sheet (wider screens always show the settings beside the picture): open
  // or closed as the learner chose, else open while the setting is refused, so its message shows.
  const refused = useStore((s) => !selectValidated(s).ok);
  const [chosen, setSheet] = useState<boolean | null>(null);
  const sheet = chosen ?? refused;
  const notices = noted ? <Suspense fallback={null}><Notices /></Suspense> : null;
  return (
    // The engine-error sentences load at the learner's first touch, before any choice can be refused.
    <div className={embed ? 'app app--embed' : present ? 'app app--present' : 'app'} onFocusCapture={() => void loadErrorSentences()}>
      {embed ? (
        <Suspense fallback={null}>
          <EmbedLayout notices={notices} />
        </Suspense>
      ) : (
        <>
          {present ? null : (
            <header className="app__header">
              <h1 className="app__title">{t('app.title')}</h1>
              <p className="app__tagline">{t('app.tagline')}</p>
              <PresetPicker />
              <div className="page-mode">
                <SheetButton open={sheet} onToggle={() => setSheet(!sheet)} controls="settings" />
                <PresentButton />
                <HelpButton />
              </div>
              <ShareButtons />
              <ExportButton />
              <LanguageSwitch />
            </header>
          )}
          {notices}
          <UpdateBanner />
          <div className="app__body" key={lang}>
            {present ? null : (
              <aside id="settings" className={sheet ? 'app__controls app__controls--open' : 'app__controls'}>
                <Controls />
              </aside>
            )}
            <main id="picture" className="app__stage" tabIndex={-1} aria-label={t('picture.label')}>
              {present ? (
                <div className="app__present-bar">
                  <h1 className="visually-hidden">{t('app.title')}</h1>
                  <PresentButton />
                  <HelpButton />
                </div>
              ) : null}
              <Stage panels={!present} />
            </main>
          </div>
        </>
      )}
      <Narration />
      <HelpDialog />
    </div>
  );
}
