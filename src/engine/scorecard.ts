/**
 * The scorecard: one verdict per area of an MCP server's authorization setup, with counts, so a
 * person sees in two seconds what to look at first. Computed from the session (a saved one
 * too), never stored.
 *
 * A finding belongs to an area by its id's family where that names one (`cors.*`, `audit.*`,
 * `mcp.*`, `compat.*`), else by the step it was found in. An area fails on an error finding or
 * when the run stopped in it, warns on a warning, passes when its steps ran clean, and is "not
 * run" when none of its steps ran (the audit switched off, a run that stopped earlier).
 *
 * Client compatibility is scored from the real SDK clients' results when they ran (`clients`):
 * passed when every client connected, warnings for each client that stopped (`clients.*`
 * warnings), failed when no client connected and the debugger's errors stopped them too, not run
 * when they did not run or only reached a sign-in page (the headless run's own limit).
 */

export const SCORE_AREAS = ['discovery', 'registration', 'authorization', 'tokens', 'mcp', 'audit', 'cors', 'clients'] as const;
export type ScoreArea = (typeof SCORE_AREAS)[number];

export type ScoreVerdict = 'failed' | 'warnings' | 'passed' | 'not-run';

export interface AreaScore {
  area: ScoreArea;
  verdict: ScoreVerdict;
  errors: number;
  warnings: number;
  /** The ids of the area's error and warning findings, errors first, each once. */
  findingIds: string[];
}

/** What the scorecard reads of a run: a Session is one. */
export interface ScoredRun {
  status: { kind: string; stepId?: string };
  results: readonly {
    stepId: string;
    outcome: { kind: string };
    findings: readonly { id: string; severity: 'error' | 'warning' | 'info'; stepId?: string }[];
  }[];
  clients?: {
    results: readonly { connected: boolean; limit?: string }[];
    findings: readonly { id: string; severity: 'error' | 'warning' | 'info' }[];
  };
}

const STEP_AREAS: Readonly<Record<string, ScoreArea>> = {
  probe: 'discovery',
  'protected-resource-metadata': 'discovery',
  'authorization-server-metadata': 'discovery',
  'client-registration': 'registration',
  'authorization-request': 'authorization',
  'authorization-response': 'authorization',
  'token-request': 'tokens',
  'token-inspection': 'tokens',
  refresh: 'tokens',
  'authenticated-mcp': 'mcp',
  audit: 'audit',
  cors: 'cors',
  clients: 'clients',
};

const FAMILY_AREAS: Readonly<Record<string, ScoreArea>> = { cors: 'cors', audit: 'audit', mcp: 'mcp', compat: 'clients', clients: 'clients' };

/** The area a finding counts in. */
export function findingArea(finding: { id: string; stepId?: string }, stepId: string): ScoreArea {
  const family = finding.id.split('.')[0] ?? '';
  return FAMILY_AREAS[family] ?? STEP_AREAS[finding.stepId ?? stepId] ?? STEP_AREAS[stepId] ?? 'discovery';
}

export function scorecard(run: ScoredRun): AreaScore[] {
  const tally = new Map<ScoreArea, { errors: Set<string>; warnings: Set<string>; ran: boolean; errorCount: number; warningCount: number }>(
    SCORE_AREAS.map((area) => [area, { errors: new Set(), warnings: new Set(), ran: false, errorCount: 0, warningCount: 0 }]),
  );
  for (const result of run.results) {
    const stepArea = STEP_AREAS[result.stepId];
    // A skipped step did not run (the audit switched off), one waiting for a person has not
    // finished; a step that ran, ran its area.
    if (stepArea && result.outcome.kind !== 'skipped' && result.outcome.kind !== 'needs-user') (tally.get(stepArea) as { ran: boolean }).ran = true;
    for (const finding of result.findings) {
      if (finding.severity === 'info') continue;
      const entry = tally.get(findingArea(finding, result.stepId));
      if (!entry) continue;
      entry.ran = true;
      if (finding.severity === 'error') {
        entry.errors.add(finding.id);
        entry.errorCount++;
      } else {
        entry.warnings.add(finding.id);
        entry.warningCount++;
      }
    }
  }
  const clients = run.clients ? clientsScore(run.clients) : undefined;
  const stoppedIn = run.status.kind === 'stopped' && run.status.stepId ? STEP_AREAS[run.status.stepId] : undefined;
  return SCORE_AREAS.map((area) => {
    if (area === 'clients' && clients) return clients;
    const entry = tally.get(area) ?? { errors: new Set<string>(), warnings: new Set<string>(), ran: false, errorCount: 0, warningCount: 0 };
    const verdict: ScoreVerdict = entry.errorCount > 0 || stoppedIn === area ? 'failed' : entry.warningCount > 0 ? 'warnings' : entry.ran ? 'passed' : 'not-run';
    return { area, verdict, errors: entry.errorCount, warnings: entry.warningCount, findingIds: [...entry.errors, ...[...entry.warnings].filter((id) => !entry.errors.has(id))] };
  });
}

function clientsScore(clients: NonNullable<ScoredRun['clients']>): AreaScore {
  const warnings = clients.findings.filter((finding) => finding.severity === 'warning');
  const findingIds = [...new Set(warnings.map((finding) => finding.id))];
  const ran = clients.results.some((result) => result.limit === undefined);
  const noneConnected = !clients.results.some((result) => result.connected);
  const verdict: ScoreVerdict = !ran ? 'not-run' : noneConnected && findingIds.includes('clients.stopped') ? 'failed' : warnings.length > 0 ? 'warnings' : 'passed';
  return { area: 'clients', verdict, errors: 0, warnings: warnings.length, findingIds };
}
