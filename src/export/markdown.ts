/**
 * A Markdown report of a session for a bug tracker: the verdict, the steps, every error and
 * warning with its fix and spec links, and the exchange the run stopped on, abridged. Text from
 * servers is escaped so it cannot add HTML, links or table cells of its own.
 */
import type { Session } from '../engine/session.js';
import type { Exchange, Finding } from '../engine/types.js';
import { protocolSummary } from '../engine/mcp/protocol-summary.js';
import { scorecard, type ScoreVerdict } from '../engine/scorecard.js';
import { pitfallChecklist, type PitfallResult } from '../engine/pitfalls.js';
import { hintsMarkdown } from './markdown-hints.js';
import { corsMarkdown } from './cors-report.js';
import { clientsMarkdown } from './clients-report.js';

const BODY_CHARS = 2000;

function pitfallCell(row: PitfallResult): string {
  if (row.status === 'broken') return `❌ broken: ${row.findingIds.join(', ')}`;
  if (row.status === 'held') return '✅ held';
  if (row.status === 'not-tested') return `not tested: ${row.howToTest?.en ?? ''}`;
  return `not observable from outside: ${row.advice.en}`;
}

const VERDICT_MARKS: Record<ScoreVerdict, string> = { failed: '❌ failed', warnings: '⚠️ warnings', passed: '✅ passed', 'not-run': '· not run' };

export function sessionToMarkdown(session: Session, toolVersion: string): string {
  const findings = session.results.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const status = session.status;
  const verdict =
    status.kind === 'completed' && errors.length === 0
      ? '✅ The flow completed with no errors.'
      : status.kind === 'stopped'
        ? `❌ The flow stopped at **${status.stepId}**: ${text(status.reason)}`
        : status.kind === 'completed'
          ? `❌ The flow completed with ${errors.length} error${errors.length === 1 ? '' : 's'}.`
          : `⏸ The flow is ${status.kind === 'waiting' ? `waiting at **${status.stepId}** for a person` : 'not finished'}.`;
  const protocol = protocolSummary(session);
  const out = [
    `# MCP authorization: ${text(session.options.serverUrl)}`,
    '',
    verdict,
    '',
    `- Judged by: MCP ${session.options.spec}`,
    ...(protocol?.version ? [`- Spoken: MCP ${protocol.version} (${protocol.era})`] : []),
    `- Findings: ${errors.length} error(s), ${warnings.length} warning(s)`,
    `- Recorded with mcp-auth-debugger ${text(toolVersion)}`,
    '',
    '## Scorecard',
    '',
    '| Area | Verdict | Errors | Warnings | Findings |',
    '| --- | --- | --- | --- | --- |',
    ...scorecard(session).map((score) => `| ${score.area} | ${VERDICT_MARKS[score.verdict]} | ${score.errors} | ${score.warnings} | ${text(score.findingIds.join(', ') || '–')} |`),
    '',
    '## Security pitfalls (the tutorial\'s 14)',
    '',
    '| # | Pitfall | In this run |',
    '| --- | --- | --- |',
    ...pitfallChecklist(session).map((row) => `| ${row.number} | ${text(row.title.en)} | ${text(pitfallCell(row))} |`),
    '',
    '## Steps',
    '',
    '| Step | Outcome | Findings |',
    '| --- | --- | --- |',
    ...session.results.map((r) => `| ${r.stepId} | ${text(outcomeText(r.outcome))} | ${text(r.findings.filter((f) => f.severity !== 'info').map((f) => f.id).join(', ') || '–')} |`),
    '',
  ];
  if (errors.length + warnings.length > 0) {
    out.push('## Findings', '');
    for (const finding of [...errors, ...warnings]) out.push(...findingSection(finding));
  }
  if (session.data.cors) out.push(...corsMarkdown(session.data.cors, text));
  out.push(...clientsMarkdown(session, text));
  out.push(...hintsMarkdown(session, text));
  const failing = failingExchange(session);
  if (failing) out.push('## The exchange it stopped on', '', ...exchangeSection(failing));
  return `${out.join('\n')}\n`;
}

function outcomeText(outcome: Session['results'][number]['outcome']): string {
  if (outcome.kind === 'failed') return `failed: ${outcome.reason}`;
  if (outcome.kind === 'skipped') return `skipped: ${outcome.reason}`;
  if (outcome.kind === 'needs-user') return 'waiting for a person';
  return 'ok';
}

function findingSection(finding: Finding): string[] {
  const refs = finding.specRefs.filter((r) => /^https?:\/\//.test(r.url)).map((r) => `[${text(r.id)}](${r.url.replace(/[()\s]/g, encodeURIComponent)})`);
  return [
    `### ${finding.severity === 'error' ? '❌' : '⚠️'} ${text(finding.title)}`,
    '',
    `\`${finding.id}\` in ${finding.stepId}. ${text(finding.detail)}`,
    '',
    ...(finding.hint ? [`**Fix:** ${text(finding.hint)}`, ''] : []),
    ...(refs.length ? [`Spec: ${refs.join(', ')}`, ''] : []),
  ];
}

/** The exchange the stopping finding points at, or the stopped step's last one. */
function failingExchange(session: Session): Exchange | undefined {
  const status = session.status;
  if (status.kind !== 'stopped') return undefined;
  const result = session.results.findLast((r) => r.stepId === status.stepId);
  const evidence = result?.findings.find((f) => f.id === status.findingId)?.evidence?.exchangeId;
  return result?.exchanges.find((e) => e.id === evidence) ?? result?.exchanges.at(-1);
}

function exchangeSection(exchange: Exchange): string[] {
  const { request, response, error } = exchange;
  const lines = [`${request.method} ${request.url}`, ...request.headers.map(([n, v]) => `${n}: ${v}`)];
  if (request.body) lines.push('', abridge(request.body));
  lines.push('');
  if (response) {
    lines.push(`HTTP ${response.status} ${response.statusText}`, ...response.headers.map(([n, v]) => `${n}: ${v}`));
    if (response.body) lines.push('', abridge(response.body));
  } else {
    lines.push(`(no answer: ${error?.kind ?? 'unknown'}: ${error?.message ?? ''})`);
  }
  return [...fenced(lines.join('\n')), ''];
}

function abridge(body: string): string {
  return body.length > BODY_CHARS ? `${body.slice(0, BODY_CHARS)}\n… (${body.length - BODY_CHARS} more characters)` : body;
}

/** A code block whose fence is longer than any run of backticks inside, so nothing closes it early. */
function fenced(content: string): string[] {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}http`, content, fence];
}

/** Server text as Markdown text: no HTML, no emphasis, links or images of its own, on one line. */
function text(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}
