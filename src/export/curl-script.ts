/**
 * The whole flow as a shell script of curl commands, one per recorded exchange, in order, each
 * under a comment naming its step and what came back. The requests are as recorded: codes,
 * tokens and DPoP proofs in them are single-use or expire, and redacted values read
 * "[redacted]", so the script documents the flow and repeats its discovery requests; it does
 * not sign in again.
 */
import type { Session } from '../engine/session.js';
import type { Exchange } from '../engine/types.js';
import { buildCurlCommand } from '../ui-logic/curl.js';

export function sessionToCurlScript(session: Session): string {
  const lines = [
    '#!/bin/sh',
    `# The MCP authorization flow against ${oneLine(session.options.serverUrl)}, as mcp-auth-debugger recorded it`,
    `# (judged by MCP ${session.options.spec}; outcome: ${session.status.kind}).`,
    '# Requests are as recorded: codes, tokens and proofs in them were single-use or have expired,',
    '# and values redacted when the session was saved read [redacted].',
    '',
  ];
  for (const exchange of session.results.flatMap((r) => r.exchanges)) {
    lines.push(`# ${oneLine(exchange.stepId)}${exchange.label ? `: ${oneLine(exchange.label)}` : ''} -> ${answer(exchange)}`);
    lines.push(buildCurlCommand(exchange.request), '');
  }
  return `${lines.join('\n')}\n`;
}

function answer(exchange: Exchange): string {
  if (exchange.response) return `HTTP ${exchange.response.status}`;
  return exchange.error ? `no answer (${exchange.error.kind})` : 'no answer';
}

/** A comment line ends at a line break; what a server sent must not start a command. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
