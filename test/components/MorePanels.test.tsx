// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MorePanels } from '../../src/components/MorePanels';
import { useKeyboard } from '../../src/components/useKeyboard';

import { addMessages, t } from '../../src/i18n';
import { enPanels } from '../../src/i18n/en-panels';
import { loadQuery, useStore } from '../../src/store';
import { showQuery } from './showQuery';

// The expectations below name the panels' grids before the panels' chunks (which bring those
// words) have loaded, so the words are added up front, as the panels add them when they load.
addMessages(enPanels);

// The Code tab's panel is another component's subject (its own tests); here it only has to appear.
vi.mock('../../src/components/CodePanel', () => ({ CodePanel: () => <p>code panel</p> }));

const tabNames = () => within(screen.getByRole('tablist', { name: t('panels.label') })).getAllByRole('tab').map((tab) => tab.textContent);
const tab = (key: Parameters<typeof t>[0]) => screen.getByRole('tab', { name: t(key) });
/** The panels with the page's shortcuts listening, as in the app. */
function WithShortcuts() {
  useKeyboard();
  return <MorePanels />;
}
const ALL = ['sizes', 'matrix', 'checkerboard', 'roundtrip', 'gradient', 'code'] as const;

// The panels load on demand (React.lazy). Loading their modules is not what these tests are
// about, and on a busy machine transforming a panel's module graph for its first import outlasts
// the 1 s a findBy waits: load the same modules first, so the tests wait for React only.
beforeAll(() =>
  Promise.all([
    import('../../src/components/MatrixView'),
    import('../../src/components/CheckerboardView'),
    import('../../src/components/RoundTripView'),
    import('../../src/components/GradientView'),
    import('../../src/components/CodePanel'),
  ]),
);
beforeEach(() => loadQuery(''));
afterEach(cleanup);

describe('MorePanels', () => {
  it('come with the first picture, never before it (the picture arriving above would push them down: a layout shift)', () => {
    useStore.setState({ picture: null });
    const { rerender } = render(<MorePanels />);
    expect(screen.queryByRole('tablist', { name: t('panels.label') })).toBeNull();
    showQuery('?op=conv&in=4&k=3');
    rerender(<MorePanels />);
    expect(screen.getByRole('tablist', { name: t('panels.label') })).toBeInTheDocument();
  });

  it('a refused first choice has no picture to wait for: the Sizes panel explains it at once', () => {
    useStore.setState({ picture: null });
    loadQuery('?op=conv&in=3&k=5');
    render(<MorePanels />);
    expect(screen.getByRole('tablist', { name: t('panels.label') })).toBeInTheDocument();
  });

  it('convolution: six tabs, Sizes selected by default, showing the formula panel', () => {
    showQuery('?op=conv&in=4&k=3');
    render(<MorePanels />);
    expect(tabNames()).toEqual(ALL.map((p) => t(`panels.tab.${p}`)));
    expect(tab('panels.tab.sizes')).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: t('panels.tab.sizes') });
    expect(within(panel).getByRole('region', { name: t('formula.title') })).toBeInTheDocument();
  });

  it('the URL’s panel picks the tab: panel=matrix shows the matrix (loaded on demand)', async () => {
    showQuery('?op=conv&in=4&k=3&panel=matrix');
    render(<MorePanels />);
    expect(tab('panels.tab.matrix')).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: t('panels.tab.matrix') });
    expect(await within(panel).findByRole('grid', { name: t('panels.grid.matrix') })).toBeInTheDocument();
  });

  it('a click selects a tab and sets params.panel; every panel renders its view', async () => {
    const user = userEvent.setup();
    showQuery('?op=convT&in=3&k=3&s=2');
    render(<MorePanels />);
    const expectations: [typeof ALL[number], (panel: HTMLElement) => Promise<HTMLElement>][] = [
      ['checkerboard', (panel) => within(panel).findByRole('grid', { name: t('panels.grid.overlap') })],
      ['roundtrip', (panel) => within(panel).findByRole('grid', { name: t('panels.grid.roundTrip') })],
      ['gradient', (panel) => within(panel).findByRole('grid', { name: t('panels.grid.upstream') })],
      ['code', (panel) => within(panel).findByText('code panel')],
      ['matrix', (panel) => within(panel).findByRole('grid', { name: t('panels.grid.flatInput') })],
      ['sizes', (panel) => within(panel).findByRole('region', { name: t('formula.title') })],
    ];
    for (const [p, find] of expectations) {
      await user.click(tab(`panels.tab.${p}`));
      expect(useStore.getState().params.panel).toBe(p);
      expect(tab(`panels.tab.${p}`)).toHaveAttribute('aria-selected', 'true');
      expect(await find(screen.getByRole('tabpanel', { name: t(`panels.tab.${p}`) }))).toBeInTheDocument();
    }
  });

  it('←/→ move between tabs (wrapping), select them and keep focus on the tab; the animation’s step does not move', async () => {
    const user = userEvent.setup();
    showQuery('?op=conv&in=4&k=3');
    render(<WithShortcuts />);
    const stepBefore = useStore.getState().steps.conv;
    tab('panels.tab.sizes').focus();
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().params.panel).toBe('matrix');
    expect(tab('panels.tab.matrix')).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(useStore.getState().params.panel).toBe('code');
    expect(tab('panels.tab.code')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(useStore.getState().params.panel).toBe('sizes');
    await user.keyboard('{End}');
    expect(useStore.getState().params.panel).toBe('code');
    expect(useStore.getState().steps.conv).toBe(stepBefore);
    // Elsewhere on the page the same key steps the animation (the shortcut is live in this test).
    tab('panels.tab.code').blur();
    await user.keyboard('{ArrowRight}');
    expect(useStore.getState().steps.conv).toBe(stepBefore + 1);
    // Only the selected tab is in the tab order.
    expect(screen.getAllByRole('tab').filter((el) => el.tabIndex === 0)).toEqual([tab('panels.tab.code')]);
  });

  it('pooling offers only Sizes and Code; an unavailable panel in the URL shows Sizes', () => {
    showQuery('?op=unpool&in=4&k=2&s=2&panel=matrix');
    render(<MorePanels />);
    expect(tabNames()).toEqual([t('panels.tab.sizes'), t('panels.tab.code')]);
    expect(tab('panels.tab.sizes')).toHaveAttribute('aria-selected', 'true');
    expect(useStore.getState().params.panel).toBe('matrix');
  });
});
