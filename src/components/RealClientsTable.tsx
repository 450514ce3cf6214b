/**
 * The real MCP SDK clients beside the run: one row per client with its version, whether it
 * connected, the stage it stopped at, what it raised, and how that compares with the debugger's
 * verdict. Each result is in words as well as a mark, so it does not rest on colour. What a
 * client raised quotes the server: it is rendered as text only.
 */
import { useId } from 'react';
import { compareClient } from '../engine/clients.js';
import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { CARD, CARD_HEADING } from './card-styles.js';

const CLIENT_LABELS = { 'sdk-v1': 'MCP TypeScript SDK v1', 'sdk-v2': 'MCP TypeScript SDK v2' } as const;

export function RealClientsTable() {
  const t = useT();
  const headingId = useId();
  const session = useDebugger((s) => s.session);
  const clientsRun = useDebugger((s) => s.clientsRun);
  const clients = session?.clients;
  return (
    <section aria-labelledby={headingId} className={`${CARD} mt-2`} data-testid="real-clients">
      <h3 id={headingId} className={CARD_HEADING}>
        {t('clients.title')}
      </h3>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t('clients.caption')}</p>
      {clientsRun.kind === 'running' ? (
        <p role="status" className="mt-2 text-sm">
          {t('clients.running')}
        </p>
      ) : null}
      {clientsRun.kind === 'failed' ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {t('clients.failed', { message: clientsRun.message })}
        </p>
      ) : null}
      {clients && session ? (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-xs">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-3">{t('clients.column.client')}</th>
                <th scope="col" className="py-1 pr-3">{t('clients.column.version')}</th>
                <th scope="col" className="py-1 pr-3">{t('clients.column.result')}</th>
                <th scope="col" className="py-1 pr-3">{t('clients.column.stoppedAt')}</th>
                <th scope="col" className="py-1 pr-3">{t('clients.column.error')}</th>
                <th scope="col" className="py-1 pr-3">{t('clients.column.versus')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.results.map((result) => {
                const comparison = compareClient(result, session);
                const outcome = result.connected
                  ? `✓ ${t('clients.result.connected', { protocol: result.protocolVersion ?? '?', tools: result.tools ?? 0 })}`
                  : result.limit === 'sign-in-page'
                    ? `· ${t('clients.result.limit')}`
                    : `✗ ${t('clients.result.stopped')}`;
                return (
                  <tr key={result.client} className="border-t border-slate-100 align-top dark:border-slate-800" data-client={result.client} data-connected={result.connected} data-comparison={comparison}>
                    <th scope="row" className="py-1 pr-3 font-semibold">
                      {CLIENT_LABELS[result.client]}
                    </th>
                    <td className="py-1 pr-3 font-mono">
                      {result.package} {result.version}
                    </td>
                    <td className={`py-1 pr-3 ${result.connected ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>{outcome}</td>
                    <td className="py-1 pr-3">{result.stoppedAt ? t(`clients.stage.${result.stoppedAt}`) : '–'}</td>
                    <td className="py-1 pr-3 break-words">{result.limit === 'sign-in-page' ? t('clients.error.signIn') : (result.error ?? '–')}</td>
                    <td className="py-1 pr-3">{t(`clients.versus.${comparison}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
