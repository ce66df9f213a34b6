// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../src/components/Notices';
import { t } from '../../src/i18n';
import { loadQuery, useStore } from '../../src/store';
import { BOUNDS } from '../../src/store/urlParams';

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
    const bad = t('notice.bad-value', { key: 'k', value: badK });
    const unknown = t('notice.unknown-key', { key: 'colour', value: 'red' });
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
});
