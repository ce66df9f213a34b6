/**
 * The keyboard-help dialog (`?`, or the header's "Shortcuts" button): every shortcut of the page,
 * in a table, in the page's language. Loaded on first use, with its words (en-help.ts).
 */
import { useId } from 'react';
import { addMessages, t, type MessageKey } from '../i18n';
import { enHelp } from '../i18n/en-help';
import { Modal } from './Modal';

addMessages(enHelp);

/** Key, where it works, what it does: the README's keyboard table says the same. */
export const SHORTCUTS: readonly (readonly [MessageKey, MessageKey, MessageKey])[] = [
  ['help.key.space', 'help.where.page', 'help.do.play'],
  ['help.key.arrows', 'help.where.page', 'help.do.step'],
  ['help.key.homeEnd', 'help.where.page', 'help.do.ends'],
  ['help.key.f', 'help.where.page', 'help.do.present'],
  ['help.key.esc', 'help.where.present', 'help.do.leave'],
  ['help.key.help', 'help.where.page', 'help.do.help'],
  ['help.key.gridMove', 'help.where.grid', 'help.do.gridMove'],
  ['help.key.edit', 'help.where.cellIdle', 'help.do.edit'],
  ['help.key.commit', 'help.where.cell', 'help.do.commit'],
  ['help.key.space', 'help.where.grid', 'help.do.pin'],
  ['help.key.gridMove', 'help.where.tabs', 'help.do.tabs'],
  ['help.key.tab', 'help.where.dialog', 'help.do.dialog'],
  ['help.key.esc', 'help.where.dialog', 'help.do.close'],
];

export interface KeyboardHelpProps {
  readonly onClose: () => void;
}

export function KeyboardHelp({ onClose }: KeyboardHelpProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} className="help-dialog" onClose={onClose}>
      <div className="help-dialog__head">
        <h2 id={titleId} className="help-dialog__title">{t('help.title')}</h2>
        <button type="button" className="help-dialog__close" onClick={onClose}>{t('help.close')}</button>
      </div>
      <p className="help-dialog__intro">{t('help.intro')}</p>
      <table className="help-dialog__table">
        <thead>
          <tr>
            <th scope="col">{t('help.col.key')}</th>
            <th scope="col">{t('help.col.where')}</th>
            <th scope="col">{t('help.col.what')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([key, where, what]) => (
            <tr key={`${key}-${where}`}>
              <td><kbd>{t(key)}</kbd></td>
              <td>{t(where)}</td>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
