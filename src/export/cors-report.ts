/**
 * The CORS readiness of a run as report rows, in English: one row per endpoint with the
 * preflight, the Allow-Origin and, for the MCP endpoint, the headers a page can read. Shared by
 * the text, JUnit and Markdown reports; each cell starts with ✓ or ✗ and says why in words, so
 * it reads without colour.
 */
import type { McpExposedHeader } from '../engine/cors.js';
import type { CorsData, CorsEndpointCheck, CorsEndpointKind } from '../engine/flow-data.js';

const CORS_ENDPOINT_NAMES: Record<CorsEndpointKind, string> = {
  'protected-resource-metadata': 'Protected resource metadata',
  'authorization-server-metadata': 'Authorization server metadata',
  registration: 'Registration endpoint',
  token: 'Token endpoint',
  mcp: 'MCP endpoint',
};

export const EXPOSED_HEADER_NAMES: Record<McpExposedHeader, string> = {
  'www-authenticate': 'WWW-Authenticate',
  'mcp-session-id': 'Mcp-Session-Id',
  'mcp-protocol-version': 'MCP-Protocol-Version',
};

export interface CorsReportRow {
  kind: CorsEndpointKind;
  endpoint: string;
  url: string;
  preflight: string;
  allowOrigin: string;
  /** MCP endpoint only. */
  exposes?: Record<McpExposedHeader, string>;
  /** A browser client gets through this endpoint. */
  ready: boolean;
}

export function corsReportRows(cors: CorsData): CorsReportRow[] {
  return cors.endpoints.map((endpoint) => ({
    kind: endpoint.kind,
    endpoint: CORS_ENDPOINT_NAMES[endpoint.kind],
    url: endpoint.url,
    preflight: preflightCell(endpoint),
    allowOrigin: allowOriginCell(endpoint),
    ...(endpoint.exposed ? { exposes: exposedCells(endpoint.exposed) } : {}),
    ready: endpointReady(endpoint),
  }));
}

/** The origin is allowed, the preflight passes where one is needed, and the MCP headers are readable. */
function endpointReady(endpoint: CorsEndpointCheck): boolean {
  const preflightOk = !endpoint.preflightRequired || endpoint.preflight.verdict?.passed === true;
  const exposedOk = !endpoint.exposed || Object.values(endpoint.exposed).every(Boolean);
  return endpoint.originAllowed && preflightOk && exposedOk;
}

function preflightCell(endpoint: CorsEndpointCheck): string {
  const verdict = endpoint.preflight.verdict;
  const needed = endpoint.preflightRequired ? '' : ' (not needed)';
  if (!verdict) return `✗ no answer${needed}`;
  if (verdict.passed) return `✓ ${verdict.status}${needed}`;
  const reasons = [
    ...(verdict.status < 200 || verdict.status > 299 ? [`status ${verdict.status}`] : []),
    ...(verdict.originAllowed ? [] : ['origin not allowed']),
    ...(verdict.methodAllowed ? [] : [`${endpoint.method} not allowed`]),
    ...(verdict.headersRefused.length > 0 ? [`headers not allowed: ${verdict.headersRefused.join(', ')}`] : []),
  ];
  return `✗ ${verdict.status}: ${reasons.join('; ')}${needed}`;
}

function allowOriginCell(endpoint: CorsEndpointCheck): string {
  const verdict = endpoint.answer ? endpoint.answer.verdict : endpoint.preflight.verdict;
  const source = endpoint.answer ? '' : ' (on the preflight)';
  if (!verdict) return `✗ no answer${source}`;
  const value = verdict.allowOrigin ?? 'none';
  return `${endpoint.originAllowed ? '✓' : '✗'} ${value}${source}`;
}

function exposedCells(exposed: Record<McpExposedHeader, boolean>): Record<McpExposedHeader, string> {
  const cell = (yes: boolean) => (yes ? '✓ exposed' : '✗ hidden');
  return { 'www-authenticate': cell(exposed['www-authenticate']), 'mcp-session-id': cell(exposed['mcp-session-id']), 'mcp-protocol-version': cell(exposed['mcp-protocol-version']) };
}

/** A Markdown section; `escape` makes server-supplied text inert (the report's own escaping). */
export function corsMarkdown(cors: CorsData, escape: (value: string) => string): string[] {
  const rows = corsReportRows(cors);
  const headers = Object.values(EXPOSED_HEADER_NAMES);
  return [
    '## CORS for browser-based clients',
    '',
    `Asked as a page on ${escape(cors.origin)} would.`,
    '',
    `| Endpoint | Preflight | Access-Control-Allow-Origin | ${headers.map((name) => `Exposes ${name}`).join(' | ')} |`,
    `| --- | --- | --- | ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const exposes = row.exposes ? Object.values(row.exposes) : headers.map(() => '–');
      return `| ${row.endpoint}: ${escape(row.url)} | ${escape(row.preflight)} | ${escape(row.allowOrigin)} | ${exposes.join(' | ')} |`;
    }),
    '',
  ];
}
