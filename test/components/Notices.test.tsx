// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../src/components/Notices';
import { listOf, t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { BOUNDS, URL_KEYS } from '../../src/store/urlParams';

const region = () => screen.getByRole('status', { name: t('notice.label') });

beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('Notices', () => {
  it('says nothing for a clean address', () => {
    render(<Notices />);
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('lists the ignored keys and dismisses them one by one', async () => {
    const badK = String(BOUNDS.k.max + 1);
    loadQuery(`k=${badK}&colour=red`);
    const user = userEvent.setup();
    render(<Notices />);
    const bad = t('notice.bad-value', { key: 'k', value: badK, allowed: t('notice.allowed.hw', BOUNDS.k) });
    const unknown = t('notice.unknown-key', { key: 'colour', value: 'red', allowed: listOf(URL_KEYS) });
    const items = within(region()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText(bad)).toBeInTheDocument();
    expect(within(items[1]).getByText(unknown)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t('notice.dismissOne', { key: 'k' }) }));
    const left = within(region()).getAllByRole('listitem');
    expect(left).toHaveLength(1);
    expect(within(left[0]).getByText(unknown)).toBeInTheDocument();
    expect(within(region()).queryByText(bad)).toBeNull();
    expect(useStore.getState().notices.map((n) => n.key)).toEqual(['colour']);
    // Focus moves to the note that took the dismissed one's place.
    const next = screen.getByRole('button', { name: t('notice.dismissOne', { key: 'colour' }) });
    expect(next).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0);
    expect(useStore.getState().notices).toEqual([]);
  });

  it('says what each key takes, from the URL table: bounds, choices, how many numbers (issue 8, "Hostile input")', () => {
    loadQuery('in=0&op=deconv&x=1,2&origin=javascript:alert(1)');
    render(<Notices />);
    const texts = within(region()).getAllByRole('listitem').map((li) => li.textContent);
    expect(texts).toEqual([
      t('notice.bad-value', { key: 'op', value: 'deconv', allowed: t('notice.allowed.oneOf', { values: listOf(['conv', 'convT', 'unpool', 'image']) }) }),
      t('notice.bad-value', { key: 'in', value: '0', allowed: t('notice.allowed.hw', BOUNDS.in) }),
      // 25 values fill the default 5×5 input
      t('notice.bad-value', { key: 'x', value: '1,2', allowed: t('notice.allowed.numbers', { count: 25 }) }),
      t('notice.bad-value', { key: 'origin', value: 'javascript:alert(1)', allowed: t('notice.allowed.origin') }),
    ].map((text) => `${text}×`));
  });

  it('cuts a long value visibly and spells out invisible characters instead of obeying them', () => {
    const long = 'a'.repeat(10_000);
    loadQuery(`k=${long}&s=${encodeURIComponent('2\u202Eevil\u200B\u0000')}`);
    render(<Notices />);
    const [k, s] = within(region()).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(k).toContain(t('notice.long', { start: 'a'.repeat(40), n: 10_000 }));
    expect(k.length).toBeLessThan(400);
    expect(s).toContain('2<U+202E>evil<U+200B><U+0000>');
    for (const c of ['\u202E', '\u200B', '\u0000']) expect(s).not.toContain(c);
  });
});
