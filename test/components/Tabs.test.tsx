// @vitest-environment jsdom
/** The one tab list (views/Tabs.tsx) MorePanels and TransposeViews use: roles, one tab stop, keys. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { tabIds, Tabs } from '../../src/components/views/Tabs';

afterEach(cleanup);

function Three() {
  const [selected, setSelected] = useState<'a' | 'b' | 'c'>('b');
  const ids = tabIds('demo', selected);
  return (
    <>
      <Tabs label="Demo" prefix="demo" tabs={[{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }]} selected={selected} onSelect={setSelected} />
      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab}>{selected}</div>
    </>
  );
}

describe('Tabs', () => {
  it('names the list, selects one tab, links it to its panel, and keeps only that tab in the tab order', () => {
    render(<Three />);
    expect(screen.getByRole('tablist', { name: 'Demo' })).toBeInTheDocument();
    const b = screen.getByRole('tab', { name: 'B' });
    expect(b).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'B' })).toHaveTextContent('b');
    expect(b).toHaveAttribute('aria-controls', tabIds('demo', 'b').panel);
    expect(screen.getAllByRole('tab').filter((tab) => tab.tabIndex === 0)).toEqual([b]);
  });

  it('→ and ← move and select, wrapping; Home and End jump; focus follows; a click selects', async () => {
    const user = userEvent.setup();
    render(<Three />);
    screen.getByRole('tab', { name: 'B' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'C' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'A' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('c');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'A' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'C' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'B' }));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('b');
  });
});
