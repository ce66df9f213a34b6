/**
 * A modal dialog (native <dialog> shown with showModal: the page behind is inert, Esc closes it),
 * with what the native one lacks: Tab and Shift+Tab go round its own controls instead of leaving
 * for the browser's, and on closing the focus goes back to what had it before. Loaded only with
 * the dialogs that use it (the keyboard help, the embed dialog).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ModalProps {
  /** The id of the dialog's title (its accessible name). */
  readonly labelledBy: string;
  readonly className: string;
  /** Called when the dialog closes (Esc, or a close button that calls it). */
  readonly onClose: () => void;
  readonly children: ReactNode;
}

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

export function Modal({ labelledBy, className, onClose, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    el?.showModal();
    return () => {
      if (el?.open) el.close();
      opener?.focus();
    };
  }, []);

  // Tab and Shift+Tab go round the dialog's controls instead of leaving the page (the page behind is inert).
  const keepFocus = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const [first, last] = [controls[0], controls[controls.length - 1]];
    const leaving = e.shiftKey ? document.activeElement === first : document.activeElement === last;
    if (!leaving) return;
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  };

  return (
    <dialog ref={dialog} className={className} aria-labelledby={labelledBy} onClose={onClose} onKeyDown={keepFocus}>
      {children}
    </dialog>
  );
}
