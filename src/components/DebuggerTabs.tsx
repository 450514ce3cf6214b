import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import type { FlowTab } from '../store/flow-slice.js';
import { useDebugger } from '../store/index.js';

export interface TabContent {
  id: FlowTab;
  /** Extra text after the tab's name (a count). */
  badge?: string;
  render: () => ReactNode;
}

/** The centre's tabs (Flow, Network, Tokens, Tools, Findings) as an ARIA tablist: arrows, Home and End move. */
export function DebuggerTabs({ tabs }: { tabs: TabContent[] }) {
  const t = useT();
  const current = useDebugger((s) => s.tab);
  const setTab = useDebugger((s) => s.setTab);
  const id = useId();
  const buttons = useRef(new Map<FlowTab, HTMLButtonElement>());
  const active = tabs.find((tab) => tab.id === current) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === active?.id);
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? last : undefined;
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    setTab(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={t('app.tabs.label')} onKeyDown={onKeyDown} className="flex flex-wrap gap-x-1 border-b border-slate-200 dark:border-slate-700">
        {tabs.map((tab) => {
          const selected = tab.id === active?.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) buttons.current.set(tab.id, el);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${id}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setTab(tab.id)}
              className={`-mb-px border-b-2 px-2 py-1.5 text-sm font-medium sm:px-3 ${
                selected
                  ? 'border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-200'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              {t(`app.tabs.${tab.id}`)}
              {tab.badge ? <span className="ml-1 rounded-full bg-slate-200 px-1.5 text-xs text-slate-800 dark:bg-slate-700 dark:text-slate-100">{tab.badge}</span> : null}
            </button>
          );
        })}
      </div>
      {active ? (
        <div role="tabpanel" id={`${id}-panel-${active.id}`} aria-labelledby={`${id}-tab-${active.id}`} tabIndex={0} className="pt-4 focus-visible:outline-none">
          {active.render()}
        </div>
      ) : null}
    </div>
  );
}
