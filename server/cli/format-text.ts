/**
 * The `check` command's terminal report: one line per step with its status, the findings
 * indented under it, the tools at the end. Written step by step as the flow runs.
 *
 * Every value that is not this program's own words (URLs, what servers said in findings and
 * outcomes, tool names, descriptions and results) goes through `safe` before it is styled, so a
 * server cannot colour, move, retitle or fake a line of the report, and a credential in a URL
 * (`?api_key=`, `user:password@`) is not printed.
 */
import type { Session } from '../../src/engine/session.js';
import type { Exchange, Finding, StepResult } from '../../src/engine/types.js';
import { protocolSummary } from '../../src/engine/mcp/protocol-summary.js';
import { redactText, redactUrl } from '../../src/engine/redact.js';
import { scorecard } from '../../src/engine/scorecard.js';
import { findingReferenceUrl } from './finding-reference.js';
import { formatClients } from './format-clients.js';
import { formatScorecard } from './format-scorecard.js';
import { formatPitfalls } from './format-pitfalls.js';
import { pitfallChecklist } from '../../src/engine/pitfalls.js';
import { formatCors } from './format-cors.js';
import { terminalSafe, type Style } from './terminal.js';
import { formatHints } from './format-hints.js';
import type { SessionComparison } from '../../src/engine/compare.js';
import type { SessionFile } from '../../src/engine/session-file.js';

/** A value for the terminal: inert (no control sequence), and no credential a URL or text carried. */
const safe = (text: string, secretParameters?: ReadonlySet<string>): string => terminalSafe(redactText(text, secretParameters));

/** The query parameters the person named as secret, as redaction wants them. */
export function secretParameterNames(session: Pick<Session, 'options'>): ReadonlySet<string> {
  return new Set((session.options.secretParameters ?? []).map((name) => name.toLowerCase()));
}

const STEP_COLUMN = 31;

export function formatHeader(session: Session, style: Style): string {
  const serverUrl = redactUrl(session.options.serverUrl, secretParameterNames(session));
  return `${style.bold('mcp-auth-debugger check')} ${safe(serverUrl)} ${style.dim(`(spec ${session.options.spec})`)}\n`;
}

export function formatStep(result: StepResult, style: Style, verbose: boolean, secretParameters?: ReadonlySet<string>): string {
  const safeText = (text: string) => safe(text, secretParameters);
  const worst = worstSeverity(result.findings);
  const { outcome } = result;
  let mark: string;
  if (outcome.kind === 'failed' || worst === 'error') mark = style.red('✗');
  else if (outcome.kind === 'skipped') mark = style.dim('–');
  else if (outcome.kind === 'needs-user') mark = style.cyan('…');
  else if (worst === 'warning') mark = style.yellow('!');
  else mark = style.green('✓');

  const duration = result.exchanges.reduce((sum, e) => sum + e.timings.durationMs, 0);
  const summary = stepSummary(result, secretParameters);
  const lines = [`  ${mark} ${result.stepId.padEnd(STEP_COLUMN)}${summary}${result.exchanges.length > 0 ? style.dim(` · ${Math.round(duration)} ms`) : ''}`];
  if (verbose) {
    for (const exchange of result.exchanges) lines.push(style.dim(`      ${exchangeLine(exchange)}`));
  }
  // Info findings (what was verified, which path was taken) are for the curious: --verbose.
  const shown = verbose ? result.findings : result.findings.filter((f) => f.severity !== 'info');
  for (const finding of shown) lines.push(...formatFinding(finding, style, secretParameters));
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) lines.push(style.dim(`      ${hidden} info finding${hidden === 1 ? '' : 's'} (--verbose shows them)`));
  if (outcome.kind === 'failed') lines.push(`      ${style.red('stopped:')} ${safeText(outcome.reason)}`);
  return `${lines.join('\n')}\n`;
}

function stepSummary(result: StepResult, secretParameters?: ReadonlySet<string>): string {
  const { outcome } = result;
  if (outcome.kind === 'skipped') return `skipped: ${safe(outcome.reason, secretParameters)}`;
  if (outcome.kind === 'needs-user') return `waiting for a person: open ${safe(outcome.action.url, secretParameters)}`;
  const last = result.exchanges[result.exchanges.length - 1];
  const count = result.exchanges.length;
  if (!last) return outcome.kind === 'ok' ? 'ok' : 'failed';
  const plural = count === 1 ? '' : 's';
  return `${exchangeLine(last)}${count > 1 ? ` (${count} exchange${plural})` : ''}`;
}

export function exchangeLine(exchange: Exchange): string {
  // The query is left out, parsable or not: it may carry a code or a token.
  const { url } = exchange.request;
  const target = URL.canParse(url) ? `${new URL(url).origin}${new URL(url).pathname}` : (url.split(/[?#]/)[0] ?? url);
  const answer = exchange.error ? exchange.error.kind : String(exchange.response?.status ?? '—');
  return safe(`${exchange.request.method} ${target} → ${answer}`);
}

function formatFinding(finding: Finding, style: Style, secretParameters?: ReadonlySet<string>): string[] {
  const safe = (text: string) => terminalSafe(redactText(text, secretParameters));
  const tag =
    finding.severity === 'error' ? style.red('error  ') : finding.severity === 'warning' ? style.yellow('warning') : style.cyan('info   ');
  const lines = [`      ${tag} ${style.bold(safe(finding.title))} ${style.dim(`[${safe(finding.id)}]`)}`];
  lines.push(`              ${safe(finding.detail)}`);
  if (finding.hint) lines.push(`              ${style.dim('fix:')} ${safe(finding.hint)}`);
  const ref = finding.specRefs[0];
  if (ref) lines.push(`              ${style.dim(safe(ref.url))}`);
  const reference = findingReferenceUrl(finding.id);
  if (reference) lines.push(`              ${style.dim('more:')} ${style.dim(safe(reference))}`);
  return lines;
}

function worstSeverity(findings: Finding[]): Finding['severity'] | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return findings.length > 0 ? 'info' : undefined;
}

/**
 * The protocol the server speaks, as the run found it: era and version spoken, the spec version
 * judged by when they differ, the server's identity and what server/discover offered.
 */
function formatProtocol(session: Session, style: Style): string[] {
  const protocol = protocolSummary(session);
  if (!protocol) return [];
  const era = protocol.era === 'modern' ? 'modern: stateless, _meta on every request' : 'legacy: initialize handshake';
  const judged = protocol.judgedBy !== protocol.version ? style.dim(` · judged by ${protocol.judgedBy}`) : '';
  const lines = [`${style.bold('MCP')} ${safe(protocol.version)} (${era})${judged}`];
  if (protocol.server) lines.push(`  server ${safe(`${protocol.server.name} ${protocol.server.version}`)}`);
  if (protocol.supportedVersions) {
    const cache = protocol.cache ? style.dim(safe(` · cache ${protocol.cache.ttlMs ?? '?'} ms, ${protocol.cache.cacheScope ?? '?'}`)) : '';
    const supported = safe(protocol.supportedVersions.join(', ') || '(none)');
    lines.push(`  server/discover: supports ${supported}; capabilities ${safe(Object.keys(protocol.capabilities ?? {}).join(', ') || '(none)')}${cache}`);
  }
  return [...lines, ''];
}

export function formatFooter(session: Session, style: Style): string {
  const lines: string[] = ['', ...formatProtocol(session, style), ...formatCors(session, style), ...formatClients(session, style), ...formatHints(session, style)];
  const tools = session.data.mcp?.tools ?? [];
  if (tools.length > 0) {
    lines.push(style.bold(`Tools (${tools.length})`));
    for (const tool of tools) {
      const properties = tool.inputSchema.properties;
      const args = properties && typeof properties === 'object' ? Object.keys(properties).join(', ') : '';
      lines.push(`  ${safe(tool.name)}(${safe(args)})${tool.description ? style.dim(` — ${safe(tool.description)}`) : ''}`);
    }
    lines.push('');
  }
  for (const call of session.data.mcp?.toolCalls ?? []) {
    lines.push(`${style.bold('Called')} ${safe(call.name)}(${safe(JSON.stringify(call.arguments))}) → ${safe(call.error ?? JSON.stringify(call.result))}`);
  }
  const findings = session.results.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const status = session.status;
  let verdict: string;
  if (status.kind === 'completed') verdict = errors === 0 ? style.green('flow completed') : style.red('flow completed with errors');
  else if (status.kind === 'stopped') verdict = style.red(`flow stopped at ${status.stepId}`);
  else if (status.kind === 'waiting') verdict = style.cyan(`flow waits at ${status.stepId}`);
  else verdict = 'flow not finished';
  lines.push(...formatPitfalls(pitfallChecklist(session), style));
  lines.push(...formatScorecard(scorecard(session), style));
  lines.push(`${style.bold('Result:')} ${verdict}, ${counts}`);
  return `${lines.join('\n')}\n`;
}

/** What `--expect` and `diff` found: the regressions first, then the other changes. */
export function formatComparison(comparison: SessionComparison, recording: SessionFile, style: Style): string {
  const when = recording.savedAt ? `saved ${recording.savedAt}` : 'undated';
  const head = `${style.bold('Compared with the recording')} ${style.dim(safe(`(${when})`))}`;
  if (!comparison.comparable) return `\n${head}\n  ${style.yellow(safe(comparison.reason))}\n`;
  const lines = ['', head];
  if (comparison.same) lines.push(`  ${style.green('the same run: every step, outcome, discovery path and tool as recorded')}`);
  const ordered = [...comparison.differences].sort((a, b) => Number(b.regression) - Number(a.regression));
  for (const difference of ordered) {
    const where = difference.stepId ? `${difference.stepId}: ` : '';
    lines.push(`  ${difference.regression ? style.red('✗ regression') : style.cyan('· change')}  ${safe(where + difference.message)}`);
  }
  if (!comparison.same) lines.push(comparison.regressed ? style.red('  regressed') : style.green('  no regression'));
  return `${lines.join('\n')}\n`;
}
