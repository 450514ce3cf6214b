/**
 * The "Client compatibility" section of `check`'s reports: lines for the terminal, a test suite
 * for JUnit. Both come from the rows every report shares (src/export/clients-report.ts). A client
 * that stops is no failure of the run: the clients are software with their own strictness, and
 * the debugger's own findings carry the verdict on the server.
 */
import { redactText } from '../../src/engine/redact.js';
import type { Session } from '../../src/engine/session.js';
import { clientReportRows } from '../../src/export/clients-report.js';
import { terminalSafe, type Style } from './terminal.js';

/** The terminal section; empty when the clients did not run. */
export function formatClients(session: Session, style: Style): string[] {
  if (!session.clients) return [];
  const safe = (text: string) => terminalSafe(redactText(text));
  const lines = [style.bold('Client compatibility') + style.dim(' (real MCP SDK clients, headless)')];
  for (const row of clientReportRows(session)) {
    const mark = row.connected ? style.green('✓') : row.comparison === 'debugger-limit' ? style.dim('·') : style.yellow('✗');
    lines.push(`  ${mark} ${safe(row.client)}  ${row.connected ? style.green(row.result) : style.yellow(row.result)}`);
    if (row.error !== undefined) lines.push(`      ${style.dim(safe(row.error))}`);
    lines.push(`      vs the debugger: ${row.versus}`);
  }
  return [...lines, ''];
}

/** A JUnit test suite with one case per client (never failing), or nothing when they did not run. */
export function clientsJunitSuite(session: Session, xml: (text: string) => string): string[] {
  if (!session.clients) return [];
  const rows = clientReportRows(session);
  const cases = rows.map((row) => {
    const out = [row.result, ...(row.error !== undefined ? [row.error] : []), `vs the debugger: ${row.versus}`].join('\n');
    return `    <testcase classname="mcp-auth-debugger.clients" name="${xml(row.client)}">\n      <system-out>${xml(out)}</system-out>\n    </testcase>`;
  });
  return [`  <testsuite name="${xml(`${session.options.serverUrl} (real SDK clients)`)}" tests="${rows.length}" failures="0">`, ...cases, '  </testsuite>'];
}
