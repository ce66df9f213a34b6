/**
 * An ARIA tab list: one tab stop (the selected tab), ←/→ move between tabs (wrapping) and
 * select them, Home/End jump to the first/last. The page's ←/→ step the animation; on a tab they
 * move between tabs only. The parent draws the panel, naming it with `tabIds`.
 */
import { useRef, type KeyboardEvent } from 'react';

/** The ids that tie tab `id` of the list `prefix` to its panel. */
export function tabIds(prefix: string, id: string): { readonly tab: string; readonly panel: string } {
  return { tab: `${prefix}-tab-${id}`, panel: `${prefix}-panel-${id}` };
}

export interface TabsProps<T extends string> {
  /** The tab list's accessible name. */
  readonly label: string;
  /** Prefix of the tab and panel ids (see tabIds). */
  readonly prefix: string;
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
}

export function Tabs<T extends string>({ label, prefix, tabs, selected, onSelect }: TabsProps<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const n = tabs.length;
    const to = ({ ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: n - 1 } as Partial<Record<string, number>>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const j = (to + n) % n;
    onSelect(tabs[j].id);
    buttons.current[j]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => {
        const on = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            id={tabIds(prefix, tab.id).tab}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={on}
            aria-controls={on ? tabIds(prefix, tab.id).panel : undefined}
            tabIndex={on ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
