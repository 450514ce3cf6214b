import { useT } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';
import { sessionFindings } from '../store/selectors.js';
import { FindingsList } from './FindingsList.js';
import { KnownServerHints } from './KnownServerHints.js';

/** The Findings tab: every finding of the run; evidence opens its exchange in the Flow tab. */
export function FindingsView() {
  const t = useT();
  const session = useDebugger((s) => s.session);
  const selectExchange = useDebugger((s) => s.selectExchange);
  const findings = sessionFindings(session);
  if (findings.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('app.findings.none')}</p>;
  return (
    <>
      {session && <KnownServerHints session={session} />}
      <FindingsList findings={findings} onShowEvidence={selectExchange} specVersion={session?.options.spec} />
    </>
  );
}
