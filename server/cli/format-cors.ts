/**
 * The CORS section of `check`'s reports: lines for the terminal, properties for JUnit. Both
 * come from the rows every report shares (src/export/cors-report.ts).
 */
import type { McpExposedHeader } from '../../src/engine/cors.js';
import type { Session } from '../../src/engine/session.js';
import { corsReportRows, EXPOSED_HEADER_NAMES } from '../../src/export/cors-report.js';
import { terminalSafe, type Style } from './terminal.js';
import { redactText } from '../../src/engine/redact.js';

/** The terminal section; empty when the CORS check did not run. */
export function formatCors(session: Session, style: Style): string[] {
  const cors = session.data.cors;
  if (!cors) return [];
  const safe = (text: string) => terminalSafe(redactText(text));
  const lines = [`${style.bold('CORS')} as a page on ${safe(cors.origin)} would see it`];
  for (const row of corsReportRows(cors)) {
    lines.push(`  ${row.ready ? style.green('✓') : style.yellow('✗')} ${row.endpoint}  ${style.dim(safe(row.url))}`);
    const parts = [`preflight ${safe(row.preflight)}`, `Allow-Origin ${safe(row.allowOrigin)}`];
    if (row.exposes) {
      const exposes = row.exposes;
      parts.push(`exposes ${(Object.keys(EXPOSED_HEADER_NAMES) as McpExposedHeader[]).map((name) => `${EXPOSED_HEADER_NAMES[name]} ${exposes[name].slice(0, 1)}`).join(', ')}`);
    }
    lines.push(`      ${parts.join(' · ')}`);
  }
  return [...lines, ''];
}

/** JUnit properties: one per endpoint, `ready` or what stands in a browser client's way. */
export function corsJunitProperties(session: Session): [string, string][] {
  const cors = session.data.cors;
  if (!cors) return [];
  return corsReportRows(cors).map((row) => {
    const hidden = row.exposes ? (Object.keys(row.exposes) as McpExposedHeader[]).filter((name) => row.exposes?.[name].startsWith('✗')).map((name) => EXPOSED_HEADER_NAMES[name]) : [];
    const value = row.ready ? 'ready' : [`preflight ${row.preflight}`, `Allow-Origin ${row.allowOrigin}`, ...(hidden.length > 0 ? [`hidden ${hidden.join(' ')}`] : [])].join('; ');
    return [`cors.${row.kind}`, value];
  });
}
