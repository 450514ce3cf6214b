/**
 * The "Client compatibility" section every report shares (text, JUnit, Markdown, JSON): one row
 * per real SDK client, with how far it got and how that compares with the debugger's verdict.
 * English; the page renders the same data through its message catalogue.
 */
import { clientName, compareClient, type ClientComparison } from '../engine/clients.js';
import type { Session } from '../engine/session.js';
import type { ClientStage } from '../wire/clients-constants.js';

export interface ClientReportRow {
  client: string;
  connected: boolean;
  /** "connected (2025-11-25, 2 tools)" or "stopped at the token request". */
  result: string;
  stoppedAt?: ClientStage;
  error?: string;
  comparison: ClientComparison;
  /** The comparison in words. */
  versus: string;
}

const CLIENT_STAGE_NAMES: Record<ClientStage, string> = {
  'protected-resource-metadata': 'protected resource metadata',
  'authorization-server-metadata': 'authorization server metadata',
  'client-registration': 'client registration',
  authorization: 'authorization',
  token: 'token request',
  connect: 'connect (initialize)',
  'list-tools': 'list tools',
};

const CLIENT_COMPARISON_TEXT: Record<ClientComparison, string> = {
  agrees: 'agrees: no error, and the client connects',
  looser: 'looser than the spec: connects although the debugger found errors',
  stopped: 'agrees: the debugger found errors too',
  stricter: 'stricter than the spec: the debugger found no error',
  'debugger-limit': 'the debugger’s limit: a sign-in page needs a person',
};

/** The rows, or none when the clients did not run. */
export function clientReportRows(session: Pick<Session, 'results' | 'clients'>): ClientReportRow[] {
  return (session.clients?.results ?? []).map((result) => {
    const comparison = compareClient(result, session);
    const tools = result.tools === undefined ? '' : `, ${result.tools} tool${result.tools === 1 ? '' : 's'}`;
    const stage = result.stoppedAt ? CLIENT_STAGE_NAMES[result.stoppedAt] : 'the start';
    return {
      client: clientName(result),
      connected: result.connected,
      result: result.connected ? `connected (${result.protocolVersion ?? 'unknown version'}${tools})` : `stopped at ${stage}`,
      ...(result.stoppedAt ? { stoppedAt: result.stoppedAt } : {}),
      ...(result.error !== undefined ? { error: result.error } : {}),
      comparison,
      versus: CLIENT_COMPARISON_TEXT[comparison],
    };
  });
}

/** The Markdown section; empty when the clients did not run. `text` escapes server text. */
export function clientsMarkdown(session: Pick<Session, 'results' | 'clients'>, text: (value: string) => string): string[] {
  const rows = clientReportRows(session);
  if (!session.clients) return [];
  return [
    '## Client compatibility',
    '',
    'The real MCP TypeScript SDK clients against the same server, headless.',
    '',
    '| Client | Result | Error | Against the debugger |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${text(row.client)} | ${row.connected ? '✅' : '❌'} ${text(row.result)} | ${text(row.error ?? '–')} | ${text(row.versus)} |`),
    '',
  ];
}
