import { protocolSummary } from '../engine/mcp/protocol-summary.js';
import { countKey, useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { runFindingCounts } from '../store/timeline.js';

const TONE = {
  error: 'text-red-700 dark:text-red-300',
  warning: 'text-amber-800 dark:text-amber-300',
  info: 'text-slate-700 dark:text-slate-300',
} as const;

/** The run in one line: where it stands, findings by severity, and the way to all of them. */
export function RunSummary() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const setTab = useDebugger((s) => s.setTab);
  if (!session) return null;
  const counts = runFindingCounts(session);
  const exchanges = session.results.reduce((n, r) => n + r.exchanges.length, 0);
  const protocol = protocolSummary(session);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="font-medium">{t(`app.summary.${session.status.kind}`)}</span>
      <span className={TONE.error}>{t(countKey('app.count.errors', counts.error), { count: counts.error })}</span>
      <span className={TONE.warning}>{t(countKey('app.count.warnings', counts.warning), { count: counts.warning })}</span>
      <span className={TONE.info}>{t(countKey('app.count.info', counts.info), { count: counts.info })}</span>
      <span className="text-slate-600 dark:text-slate-400">{t(countKey('app.count.exchanges', exchanges), { count: exchanges })}</span>
      {protocol ? (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100" data-testid="run-protocol">
          {t('mcp.summary.protocol', { version: protocol.version, era: t(`mcp.era.${protocol.era}`) })}
        </span>
      ) : null}
      <button type="button" className="link" onClick={() => setTab('findings')}>
        {t('app.summary.allFindings')}
      </button>
    </div>
  );
}
