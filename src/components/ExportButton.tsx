/**
 * "Download" in the header: opens the export menu (PNG, SVG, GIF of the picture on screen).
 * Only this button is on the first page; the menu and everything it does (src/export/) load on
 * the first click. Closing the menu cancels a GIF being made.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { t } from '../i18n';

const ExportPanel = lazy(() => import('../export/ExportPanel').then((m) => ({ default: m.ExportPanel })));

export function ExportButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="export-menu">
      <button ref={button} type="button" className="share__button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{t('export.open')}</button>
      {open ? (
        <Suspense fallback={null}>
          <ExportPanel
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
