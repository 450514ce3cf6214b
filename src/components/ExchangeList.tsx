/**
 * Exchanges as a keyboard-navigable listbox: method, host and path, outcome and duration, with
 * the exchange's label and step beneath. Used for one step's exchanges (step detail) and for
 * the whole run's (network panel). Virtualised: only the visible rows are in the DOM, so a
 * 2,000-exchange run renders as fast as a short one.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Exchange } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { useEngineText } from '../i18n/engine-text.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { formatClockTime, formatDuration, hostAndPath } from '../ui-logic/http-format.js';
import { ExchangeStatusBadge } from './ExchangeStatusBadge.js';

export interface ExchangeListProps {
  exchanges: readonly Exchange[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** Tallest the list grows before it scrolls, in pixels. */
  maxHeight?: number;
  /** The listbox's accessible name, when "Exchanges" does not say which ones. */
  label?: string;
  /** Each row also says when its request started (a list of the whole run, ordered other than by time). */
  showStartTime?: boolean;
}

const ROW_HEIGHT = 44;
const PAGE_STEP = 10;

export function ExchangeList({ exchanges, selectedId, onSelect, maxHeight = 480, label, showStartTime = false }: ExchangeListProps) {
  const t = useT();
  const engineText = useEngineText();
  const language = useDebugger((state) => state.language);
  const listId = useId();
  const hintId = `${listId}-keys`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = selectedId === undefined ? -1 : exchanges.findIndex((exchange) => exchange.id === selectedId);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = selectedIndex >= 0 ? selectedIndex : Math.min(activeIndex, exchanges.length - 1);

  const virtualizer = useVirtualizer({
    count: exchanges.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Keep the selected row in view when it is chosen elsewhere (sequence diagram, "show evidence").
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (exchanges.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t('inspect.list.empty')}</p>;
  }

  const move = (index: number) => {
    const next = Math.max(0, Math.min(exchanges.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const exchange = exchanges[next];
    if (exchange) onSelect(exchange.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + PAGE_STEP,
      PageUp: active - PAGE_STEP,
      Home: 0,
      End: exchanges.length - 1,
    };
    // With nothing selected yet, the first move selects the row the list starts on.
    const target = selectedIndex < 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp') ? active : keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      move(active);
    }
  };

  const items = virtualizer.getVirtualItems();
  const optionId = (index: number) => `${listId}-option-${index}`;
  // Only point at an option that is rendered; a virtualised list may have scrolled it away.
  const activeRendered = items.some((item) => item.index === active);

  return (
    <div>
      <p id={hintId} className="sr-only">
        {t('inspect.list.keys', { count: exchanges.length })}
      </p>
      <div
        ref={scrollRef}
        role="listbox"
        tabIndex={0}
        aria-label={label ?? t('inspect.list.label')}
        aria-describedby={hintId}
        aria-activedescendant={activeRendered ? optionId(active) : undefined}
        onKeyDown={onKeyDown}
        className="group/list overflow-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900"
        style={{ maxHeight, height: Math.min(maxHeight, exchanges.length * ROW_HEIGHT + 2) }}
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const exchange = exchanges[item.index];
            if (!exchange) return null;
            const selected = item.index === selectedIndex;
            const isActive = item.index === active;
            return (
              <div
                key={exchange.id}
                id={optionId(item.index)}
                role="option"
                aria-selected={selected}
                aria-setsize={exchanges.length}
                aria-posinset={item.index + 1}
                onClick={() => move(item.index)}
                className={`absolute top-0 left-0 flex w-full cursor-pointer items-center gap-2 border-b border-slate-100 px-2 text-xs dark:border-slate-800 ${
                  selected ? 'bg-sky-100 dark:bg-sky-900/50' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
                } ${isActive ? 'group-focus-visible/list:outline-2 group-focus-visible/list:-outline-offset-2 group-focus-visible/list:outline-sky-600' : ''}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span className="w-12 shrink-0 font-mono font-semibold text-slate-800 dark:text-slate-100">{exchange.request.method.toUpperCase()}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-mono text-slate-900 dark:text-slate-50" title={exchange.request.url}>
                    {hostAndPath(exchange.request.url)}
                  </span>
                  <span className="block truncate text-slate-600 dark:text-slate-300">
                    {showStartTime ? <span className="font-mono tabular-nums">{formatClockTime(exchange.timings.startedAt)} · </span> : null}
                    {exchange.label !== undefined ? `${engineText.text({ english: exchange.label, id: exchange.labelId, params: exchange.labelParams })} · ` : ''}
                    {stepTitle(exchange.stepId, language)}
                  </span>
                </span>
                <ExchangeStatusBadge exchange={exchange} />
                <span className="w-14 shrink-0 text-right font-mono text-slate-600 tabular-nums dark:text-slate-300">{formatDuration(exchange.timings.durationMs)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
