// @vitest-environment jsdom
/**
 * The page's modes in the standalone page: the keyboard help (`?` or its button; a modal dialog
 * listing every shortcut; Esc closes it and the focus goes back), presentation mode (the
 * `present` page key, F and Esc; settings and the panels hidden, the picture and its transport
 * kept) and the phone's settings sheet; and ←/→ after choosing an example or an operation.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/components/App';
import { SHORTCUTS } from '../../src/components/KeyboardHelp';
import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { PAGE_DEFAULTS, parseQuery, writeQuery } from '../../src/store/urlParams';
import '../../src/store/transposePlans';
import { showQuery } from './showQuery';

// jsdom has no modal dialogs: the parts of <dialog> the page uses.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event('close'));
};

beforeEach(() => {
  useStore.setState({ page: PAGE_DEFAULTS, help: false });
  showQuery('?preset=guide-numeric-stride1');
});
afterEach(cleanup);

describe('keyboard help', () => {
  it('? opens a modal dialog listing every shortcut; Esc closes it and focus returns to where it was', async () => {
    const user = userEvent.setup();
    render(<App />);
    const button = screen.getByRole('button', { name: t('help.openLabel') });
    button.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: t('help.title') });
    expect(within(dialog).getAllByRole('row')).toHaveLength(SHORTCUTS.length + 1);
    for (const [key, , what] of SHORTCUTS) {
      expect(within(dialog).getAllByText(t(key)).length).toBeGreaterThan(0);
      expect(within(dialog).getByText(t(what))).toBeInTheDocument();
    }
    // Esc closes a modal dialog (the browser's part: here, its close()).
    act(() => (dialog as HTMLDialogElement).close());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
    expect(useStore.getState().help).toBe(false);
  });

  it('the button opens it, its Close button closes it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: t('help.openLabel') }));
    const dialog = await screen.findByRole('dialog', { name: t('help.title') });
    await user.click(within(dialog).getByRole('button', { name: t('help.close') }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('presentation mode', () => {
  it('F enters it (settings, header and panels hidden; picture, transport and narration kept), Esc leaves it, and the address says so', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(screen.getByRole('form', { name: t('controls.label') })).toBeInTheDocument();
    screen.getByRole('main').focus();
    await user.keyboard('f');
    expect(useStore.getState().page.present).toBe(true);
    expect(writeQuery(useStore.getState().params, {}, useStore.getState().page)).toContain('present=1');
    expect(screen.queryByRole('form', { name: t('controls.label') })).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.getByRole('group', { name: t('transport.label') })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: t('grid.output') })).toBeInTheDocument();
    expect(screen.getByTestId('narration')).toHaveTextContent(/= 12$/);
    await user.keyboard('{Escape}');
    expect(useStore.getState().page.present).toBeNull();
    expect(screen.getByRole('form', { name: t('controls.label') })).toBeInTheDocument();
  });

  it('present=1 in the address opens it; its button leaves it', async () => {
    const user = userEvent.setup();
    expect(parseQuery('present=1').page.present).toBe(true);
    expect(parseQuery('present=2').notices.map((n) => n.key)).toEqual(['present']);
    useStore.setState({ page: parseQuery('present=1').page });
    render(<App />);
    expect(screen.queryByRole('form', { name: t('controls.label') })).toBeNull();
    await user.click(screen.getByRole('button', { name: t('present.exit') }));
    expect(screen.getByRole('form', { name: t('controls.label') })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('present.enter') }));
    expect(useStore.getState().page.present).toBe(true);
  });

  it('is not offered in the embedded page (F does nothing there)', async () => {
    const user = userEvent.setup();
    useStore.setState({ page: { ...PAGE_DEFAULTS, embed: true } });
    render(<App />);
    await user.keyboard('f');
    expect(useStore.getState().page.present).toBeNull();
  });
});

describe('the phone’s settings sheet', () => {
  it('one button opens and closes it (aria-expanded follows)', async () => {
    const user = userEvent.setup();
    render(<App />);
    const open = screen.getByRole('button', { name: t('sheet.open') });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(open).toHaveAttribute('aria-controls', 'settings');
    await user.click(open);
    const close = screen.getByRole('button', { name: t('sheet.close') });
    expect(close).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('settings')).toHaveClass('app__controls--open');
    await user.click(close);
    expect(document.getElementById('settings')).not.toHaveClass('app__controls--open');
  });
});

describe('the phone’s settings sheet, when a setting is refused', () => {
  it('opens by itself so the refusal shows next to its field, and the learner may still close it', async () => {
    const user = userEvent.setup();
    act(() => loadQuery('?in=3&k=7'));
    render(<App />);
    expect(document.getElementById('settings')).toHaveClass('app__controls--open');
    await user.click(screen.getByRole('button', { name: t('sheet.close') }));
    expect(document.getElementById('settings')).not.toHaveClass('app__controls--open');
  });
});

describe('arrow keys after a choice', () => {
  it('after choosing a worked example, → steps its animation instead of choosing the next example', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.selectOptions(screen.getByRole('combobox', { name: t('presets.label') }), 'guide-numeric-stride2-pad1');
    expect(screen.getByRole('main')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().params.preset).toBe('guide-numeric-stride2-pad1');
    expect(useStore.getState().steps.conv).toBe(1);
  });

  it('after choosing an operation, → steps its animation', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('radio', { name: t('op.convT') }));
    expect(useStore.getState().params.op).toBe('convT');
    expect(screen.getByRole('main')).toHaveFocus();
    act(() => {
      showQuery(`?${writeQuery(useStore.getState().params)}`);
    });
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().params.op).toBe('convT');
    expect(useStore.getState().steps.scatter).toBe(1);
  });
});
