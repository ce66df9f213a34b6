/**
 * The embedded page (`embed=1`): the notes about its address, a compact settings strip (unless
 * `controls=0`) and the picture with its transport, nothing else, so an 800×500 frame shows the
 * animation. Its pieces (Controls, Stage) are the standalone page's, so other layouts can
 * arrange the same ones.
 */
import { Fragment, useEffect, type ReactNode } from 'react';
import { Controls } from '../components/Controls';
import { Stage } from '../components/Stage';
import { useLanguage } from '../components/useLanguage';
import { t } from '../i18n';
import { useStore } from '../store';
import { connectEmbed } from './api';
import './embed.css';

export interface EmbedLayoutProps {
  /** The notes about the address (App's, loaded only when there are some). */
  readonly notices: ReactNode;
}

export function EmbedLayout({ notices }: EmbedLayoutProps) {
  const controls = useStore((s) => s.page.controls !== false);
  const lang = useLanguage();
  // The API starts with the embedded page and stops with it (its `ready` tells the host it listens).
  useEffect(() => connectEmbed(), []);
  return (
    <>
      {notices}
      {/* A new language draws the strip and the picture afresh (as the standalone page's body); the API stays connected. */}
      <Fragment key={lang}>
        {controls ? (
          <div className="embed__strip">
            <Controls compact />
          </div>
        ) : null}
        <main id="picture" className="app__stage embed__stage" tabIndex={-1}>
          {/* The framed page is a document of its own: it is named by a heading (read, not shown). */}
          <h1 className="visually-hidden">{t('app.title')}</h1>
          <Stage />
        </main>
      </Fragment>
    </>
  );
}
