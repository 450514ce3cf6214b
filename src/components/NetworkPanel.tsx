/**
 * The network panel: every exchange of the run (live or opened from a file) in one list, with a
 * search over URLs, headers and bodies, filters by step, status class, host and failure, an
 * order, the selected exchange in the inspector, and an export of exactly what is listed.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { STEP_IDS, type StepId } from '../engine/types.js';
import type { ExportFormat } from '../export/formats.js';
import { useT } from '../i18n/index.js';
import { stepTitle } from '../i18n/steps.js';
import { useDebugger } from '../store/index.js';
import { sessionExchanges } from '../store/selectors.js';
import {
  hostsOf,
  isNetworkFilterActive,
  NETWORK_SORT_KEYS,
  shownExchanges,
  STATUS_CLASSES,
  stepsOf,
  type NetworkSortKey,
} from '../ui-logic/network-filter.js';
import { ExchangeInspector } from './ExchangeInspector.js';
import { ExchangeList } from './ExchangeList.js';
import { download } from './SessionFiles.js';
import '../i18n/messages/network.js';

const SHOWN_FORMATS: readonly ExportFormat[] = ['har', 'curl'];

export function NetworkPanel() {
  const t = useT();
  const language = useDebugger((s) => s.language);
  const session = useDebugger((s) => s.session);
  const running = useDebugger((s) => s.running);
  const filter = useDebugger((s) => s.networkFilter);
  const sort = useDebugger((s) => s.networkSort);
  const selectedId = useDebugger((s) => s.networkExchangeId);
  const setFilter = useDebugger((s) => s.setNetworkFilter);
  const clearFilter = useDebugger((s) => s.clearNetworkFilter);
  const setSort = useDebugger((s) => s.setNetworkSort);
  const selectNetworkExchange = useDebugger((s) => s.selectNetworkExchange);
  const showInFlow = useDebugger((s) => s.selectExchange);
  const exportForDownload = useDebugger((s) => s.exportForDownload);
  const [withSecrets, setWithSecrets] = useState(false);
  const id = useId();

  const exchanges = useMemo(() => sessionExchanges(session), [session]);
  const steps = useMemo(() => stepsOf(exchanges), [exchanges]);
  const hosts = useMemo(() => hostsOf(exchanges), [exchanges]);
  // Typing stays responsive on a long run: the list follows the search when React has time.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => shownExchanges(exchanges, deferredFilter, sort), [exchanges, deferredFilter, sort]);
  const selected = selectedId === undefined ? undefined : shown.find((exchange) => exchange.id === selectedId);
  const filtering = isNetworkFilterActive(filter);

  async function exportShown(format: ExportFormat) {
    const file = await exportForDownload(
      format,
      withSecrets,
      shown.map((exchange) => exchange.id),
    );
    if (file) download(file.text, file.fileName, file.type);
  }

  const field = (name: string) => `${id}-${name}`;
  const direction = t(`network.sort.${sort.direction}`);

  return (
    <section aria-labelledby={field('title')} className="space-y-3">
      <h2 id={field('title')} className="sr-only">
        {t('network.title')}
      </h2>
      <div role="group" aria-label={t('network.controls.label')} className="panel flex flex-wrap items-end gap-x-3 gap-y-2 p-3">
        <div className="min-w-48 flex-[2_1_16rem]">
          <label htmlFor={field('search')} className="field-label">
            {t('network.search.label')}
          </label>
          <input
            id={field('search')}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('network.search.placeholder')}
            value={filter.query}
            onChange={(event) => setFilter({ query: event.currentTarget.value })}
            className="field-input font-mono"
          />
        </div>
        <div className="min-w-36 flex-1">
          <label htmlFor={field('step')} className="field-label">
            {t('network.filter.step')}
          </label>
          <select id={field('step')} value={filter.stepId ?? ''} onChange={(event) => setFilter({ stepId: STEP_IDS.find((step) => step === event.currentTarget.value) })} className="field-input">
            <option value="">{t('network.filter.step.all')}</option>
            {/* A step chosen for an earlier run stays selectable, so the filter never hides itself. */}
            {[...steps, ...(filter.stepId && !steps.includes(filter.stepId) ? [filter.stepId] : [])].map((step: StepId) => (
              <option key={step} value={step}>
                {stepTitle(step, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-32 flex-1">
          <label htmlFor={field('status')} className="field-label">
            {t('network.filter.status')}
          </label>
          <select id={field('status')} value={filter.status ?? ''} onChange={(event) => setFilter({ status: STATUS_CLASSES.find((status) => status === event.currentTarget.value) })} className="field-input">
            <option value="">{t('network.filter.status.all')}</option>
            {STATUS_CLASSES.map((status) => (
              <option key={status} value={status}>
                {t(`network.filter.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-36 flex-1">
          <label htmlFor={field('host')} className="field-label">
            {t('network.filter.host')}
          </label>
          <select id={field('host')} value={filter.host ?? ''} onChange={(event) => setFilter({ host: event.currentTarget.value || undefined })} className="field-input font-mono">
            <option value="">{t('network.filter.host.all')}</option>
            {[...hosts, ...(filter.host && !hosts.includes(filter.host) ? [filter.host] : [])].map((host) => (
              <option key={host} value={host}>
                {host}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-36 flex-1">
          <label htmlFor={field('sort')} className="field-label">
            {t('network.sort.label')}
          </label>
          <div className="flex gap-1">
            <select
              id={field('sort')}
              value={sort.key}
              onChange={(event) => setSort({ ...sort, key: NETWORK_SORT_KEYS.find((key) => key === event.currentTarget.value) ?? sort.key })}
              className="field-input"
            >
              {NETWORK_SORT_KEYS.map((key: NetworkSortKey) => (
                <option key={key} value={key}>
                  {t(`network.sort.${key}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn-secondary shrink-0 px-2"
              aria-label={t('network.sort.toggle', { direction })}
              title={t('network.sort.toggle', { direction })}
              onClick={() => setSort({ ...sort, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' })}
            >
              <span aria-hidden="true">{sort.direction === 'ascending' ? '↑' : '↓'}</span>
            </button>
          </div>
        </div>
        <label className="flex items-center gap-2 py-1.5 text-sm text-slate-800 dark:text-slate-200" title={t('network.filter.failuresOnly.help')}>
          <input type="checkbox" checked={filter.failuresOnly} onChange={(event) => setFilter({ failuresOnly: event.currentTarget.checked })} className="accent-sky-700" aria-describedby={field('failures-help')} />
          {t('network.filter.failuresOnly')}
          <span id={field('failures-help')} className="sr-only">
            {t('network.filter.failuresOnly.help')}
          </span>
        </label>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        <div className="flex items-baseline gap-3">
          <p role="status" className="text-slate-700 tabular-nums dark:text-slate-300">
            {t('network.count', { shown: shown.length, total: exchanges.length })}
          </p>
          {filtering && shown.length > 0 ? (
            <button type="button" className="link text-xs" onClick={clearFilter}>
              {t('network.clear')}
            </button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          <span className="text-slate-600 dark:text-slate-400">{t('network.export.label')}</span>
          {SHOWN_FORMATS.map((format) => (
            <button key={format} type="button" className="btn-secondary px-2 py-1 text-xs" disabled={shown.length === 0 || running} title={shown.length === 0 ? t('network.export.nothing') : undefined} onClick={() => void exportShown(format)}>
              {t(`network.export.${format}`)}
            </button>
          ))}
          <label className="flex items-center gap-1.5 text-slate-700 dark:text-slate-300">
            <input type="checkbox" checked={withSecrets} onChange={(event) => setWithSecrets(event.currentTarget.checked)} />
            {t('network.export.withSecrets')}
          </label>
        </div>
      </div>

      {exchanges.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t('network.noExchanges')}</p>
      ) : shown.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
          <p>{t('network.noMatch')}</p>
          <button type="button" className="btn-secondary mt-2" onClick={clearFilter}>
            {t('network.clear')}
          </button>
        </div>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-3 xl:grid-cols-[26rem_minmax(0,1fr)] xl:items-start">
          <ExchangeList exchanges={shown} selectedId={selected?.id} onSelect={selectNetworkExchange} maxHeight={640} label={t('network.list.label')} showStartTime />
          {selected ? (
            <div className="space-y-2">
              <button type="button" className="link text-xs" onClick={() => showInFlow(selected.id)}>
                {t('network.showInFlow')}
              </button>
              <ExchangeInspector exchange={selected} />
            </div>
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{t('network.pick')}</p>
          )}
        </div>
      )}
    </section>
  );
}
