/**
 * The page's modes and their buttons, on the first page: "Shortcuts" (the keyboard-help dialog,
 * loaded on first use, also opened by `?`), "Present" / "Leave presentation" (the `present` page
 * key: the picture alone, large; F and Esc do the same) and, on a phone, "Settings" (the sheet
 * that holds the settings, so the picture comes first).
 */
import { lazy, Suspense } from 'react';
import { t } from '../i18n';
import { useStore } from '../store';

const KeyboardHelp = lazy(() => import('./KeyboardHelp').then((m) => ({ default: m.KeyboardHelp })));

/** The button that opens the keyboard help. */
export function HelpButton() {
  const setHelp = useStore((s) => s.setHelp);
  return (
    <button type="button" className="page-mode__button page-mode__help" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
      <span aria-hidden="true">{t('help.open')}</span>
      <span className="visually-hidden">{t('help.openLabel')}</span>
    </button>
  );
}

/** The keyboard-help dialog while it is open (one per page, whichever way it was opened). */
export function HelpDialog() {
  const open = useStore((s) => s.help);
  const setHelp = useStore((s) => s.setHelp);
  return open ? (
    <Suspense fallback={null}>
      <KeyboardHelp onClose={() => setHelp(false)} />
    </Suspense>
  ) : null;
}

/** "Present" in the header, "Leave presentation" in presentation mode. */
export function PresentButton() {
  const present = useStore((s) => s.page.present === true);
  const setPage = useStore((s) => s.setPage);
  return (
    <button
      type="button"
      className="page-mode__button"
      aria-keyshortcuts={present ? 'F Escape' : 'F'}
      onClick={() => setPage({ present: present ? null : true })}
    >
      {t(present ? 'present.exit' : 'present.enter')}
    </button>
  );
}

export interface SheetButtonProps {
  readonly open: boolean;
  readonly onToggle: () => void;
  /** The id of the settings' container. */
  readonly controls: string;
}

/** On a phone: opens and closes the settings sheet (hidden on wider screens, where the settings are beside the picture). */
export function SheetButton({ open, onToggle, controls }: SheetButtonProps) {
  return (
    <button type="button" className="page-mode__button page-mode__sheet" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {t(open ? 'sheet.close' : 'sheet.open')}
    </button>
  );
}
