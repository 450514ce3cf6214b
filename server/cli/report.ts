/**
 * Machine-readable reports of a finished `check`: the JSON object (the CLI contract) and JUnit
 * XML for CI dashboards. Both are built from a session that was already redacted unless the
 * person asked for secrets.
 */
import { protocolSummary, type ProtocolSummary } from '../../src/engine/mcp/protocol-summary.js';
import type { SessionComparison, SessionDifference } from '../../src/engine/compare.js';
import type { Session } from '../../src/engine/session.js';
import { scorecard, type AreaScore } from '../../src/engine/scorecard.js';
import { pitfallChecklist, type PitfallResult } from '../../src/engine/pitfalls.js';
import { STEP_IDS } from '../../src/engine/types.js';
import type { Finding } from '../../src/engine/types.js';
import type { HintGroup } from '../../src/engine/hints/hints.js';
import { hintReport, hintsPlainText } from './format-hints.js';
import type { CorsData } from '../../src/engine/flow-data.js';
import { corsJunitProperties } from './format-cors.js';
import { findingReferenceUrl } from './finding-reference.js';
import { clientsJunitSuite } from './format-clients.js';
import type { ClientCompatibility } from '../../src/engine/clients.js';

export interface CheckReport {
  tool: 'mcp-auth-debugger';
  serverUrl: string;
  spec: string;
  /** True when the flow completed with no error findings (exit code 0). */
  ok: boolean;
  outcome: Session['status'];
  steps: { stepId: string; outcome: Session['results'][number]['outcome']; findings: string[]; exchanges: string[] }[];
  findings: Finding[];
  exchanges: Session['results'][number]['exchanges'];
  /** The era and version the server speaks, as the run found them (null when it never got there). */
  protocol: ProtocolSummary | null;
  tools: NonNullable<NonNullable<Session['data']['mcp']>['tools']>;
  toolCalls: NonNullable<Session['data']['mcp']>['toolCalls'];
  /** One verdict per area (discovery, registration, …), with counts and the finding ids. */
  scorecard: AreaScore[];
  /** The tutorial's 14 security pitfalls: held, broken, not tested in this run, or not observable. */
  pitfalls: PitfallResult[];
  /** Known products the run talked to, with the fix steps for the findings they explain (English). */
  hints: HintGroup[];
  /** Per endpoint, whether a browser-based client on another origin could call it (null without --cors). */
  cors: CorsData | null;
  /** The real MCP SDK clients' results and their comparison with this run (null without --clients). */
  clients: ClientCompatibility | null;
}

export function checkSucceeded(session: Session): boolean {
  return session.status.kind === 'completed' && !session.results.some((r) => r.findings.some((f) => f.severity === 'error'));
}

export function buildCheckReport(session: Session): CheckReport {
  return {
    tool: 'mcp-auth-debugger',
    serverUrl: session.options.serverUrl,
    spec: session.options.spec,
    ok: checkSucceeded(session),
    outcome: session.status,
    steps: session.results.map((r) => ({
      stepId: r.stepId,
      outcome: r.outcome,
      findings: r.findings.map((f) => f.id),
      exchanges: r.exchanges.map((e) => e.id),
    })),
    findings: session.results.flatMap((r) => r.findings),
    exchanges: session.results.flatMap((r) => r.exchanges),
    protocol: protocolSummary(session) ?? null,
    tools: session.data.mcp?.tools ?? [],
    toolCalls: session.data.mcp?.toolCalls ?? [],
    scorecard: scorecard(session),
    pitfalls: pitfallChecklist(session),
    hints: hintReport(session),
    cors: session.data.cors ?? null,
    clients: session.clients ?? null,
  };
}

/**
 * Text for an XML attribute or element. Findings quote what servers sent (error descriptions,
 * page excerpts), which may hold characters XML 1.0 cannot carry at all, even escaped; they
 * become U+FFFD so CI tools can still parse the report.
 */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** One testcase per step run; error findings and a stopped step are failures. */
export function buildJunitReport(session: Session): string {
  const cases = session.results.map((result, index) => {
    const errors = result.findings.filter((f) => f.severity === 'error');
    const seconds = (result.exchanges.reduce((s, e) => s + e.timings.durationMs, 0) / 1000).toFixed(3);
    const name = `${index + 1}. ${result.stepId}`;
    const body: string[] = [];
    for (const finding of errors) {
      const links = [...finding.specRefs.map((r) => r.url), findingReferenceUrl(finding.id) ?? []].flat();
      body.push(`      <failure type="${xml(finding.id)}" message="${xml(finding.title)}">${xml(`${finding.detail}\n${links.join('\n')}`)}</failure>`);
    }
    if (result.outcome.kind === 'failed' && errors.length === 0) {
      body.push(`      <failure type="step-failed" message="${xml(result.outcome.reason)}"/>`);
    }
    if (result.outcome.kind === 'skipped') body.push(`      <skipped message="${xml(result.outcome.reason)}"/>`);
    const others = result.findings.filter((f) => f.severity !== 'error');
    if (others.length > 0) body.push(`      <system-out>${xml(others.map((f) => `${f.severity} ${f.id}: ${f.detail}`).join('\n'))}</system-out>`);
    return body.length > 0
      ? `    <testcase classname="mcp-auth-debugger" name="${xml(name)}" time="${seconds}">\n${body.join('\n')}\n    </testcase>`
      : `    <testcase classname="mcp-auth-debugger" name="${xml(name)}" time="${seconds}"/>`;
  });
  const failures = session.results.filter((r) => r.outcome.kind === 'failed' || r.findings.some((f) => f.severity === 'error')).length;
  const skipped = session.results.filter((r) => r.outcome.kind === 'skipped').length;
  const protocol = protocolSummary(session);
  const properties: [string, string][] = [
    ['spec', session.options.spec],
    ...(protocol ? ([['mcp.era', protocol.era], ['mcp.protocolVersion', protocol.version]] as [string, string][]) : []),
    ...(protocol?.server ? ([['mcp.server', `${protocol.server.name} ${protocol.server.version}`]] as [string, string][]) : []),
    ...(protocol?.supportedVersions ? ([['mcp.supportedVersions', protocol.supportedVersions.join(' ')]] as [string, string][]) : []),
    ...scorecard(session).map((score): [string, string] => [`scorecard.${score.area}`, `${score.verdict} (${score.errors} errors, ${score.warnings} warnings)`]),
    ...pitfallChecklist(session).map((row): [string, string] => [`pitfall.${row.number}`, `${row.status}${row.findingIds.length > 0 ? ` (${row.findingIds.join(', ')})` : ''}: ${row.title.en}`]),
    ...hintReport(session).map(({ recognition }) => [`recognised.${recognition.product}`, recognition.certainty] as [string, string]),
    ...corsJunitProperties(session),
  ];
  const hints = hintsPlainText(session);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-auth-debugger" tests="${session.results.length + (session.clients?.results.length ?? 0)}" failures="${failures}">`,
    `  <testsuite name="${xml(session.options.serverUrl)}" tests="${session.results.length}" failures="${failures}" skipped="${skipped}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${xml(name)}" value="${xml(value)}"/>`),
    '    </properties>',
    ...cases,
    ...(hints ? [`    <system-out>${xml(hints)}</system-out>`] : []),
    '  </testsuite>',
    ...clientsJunitSuite(session, xml),
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * JUnit for `check --expect`: one testcase per step either run reached, failing where the run
 * regressed against the recording there, and one for the run as a whole (its outcome, the
 * discovery path). A recorded failure that happens again is no failure here.
 */
export function buildRegressionJunit(session: Session, comparison: Extract<SessionComparison, { comparable: true }>): string {
  const reached = new Set([...session.results.map((r) => r.stepId), ...comparison.differences.flatMap((d) => (d.stepId ? [d.stepId] : []))]);
  const groups: [string, SessionDifference[]][] = [
    ['the run', comparison.differences.filter((d) => !d.stepId)],
    ...STEP_IDS.filter((id) => reached.has(id)).map((id) => [id, comparison.differences.filter((d) => d.stepId === id)] as [string, SessionDifference[]]),
  ];
  const cases = groups.map(([name, differences]) => {
    const regressions = differences.filter((d) => d.regression);
    const changes = differences.filter((d) => !d.regression);
    const body = [
      ...regressions.map((d) => `      <failure type="regression" message="${xml(d.message)}"/>`),
      ...(changes.length ? [`      <system-out>${xml(changes.map((d) => d.message).join('\n'))}</system-out>`] : []),
    ];
    return body.length
      ? `    <testcase classname="mcp-auth-debugger.expect" name="${xml(name)}">\n${body.join('\n')}\n    </testcase>`
      : `    <testcase classname="mcp-auth-debugger.expect" name="${xml(name)}"/>`;
  });
  const failures = groups.filter(([, differences]) => differences.some((d) => d.regression)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-auth-debugger" tests="${groups.length}" failures="${failures}">`,
    `  <testsuite name="${xml(session.options.serverUrl)} (against the recording)" tests="${groups.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
