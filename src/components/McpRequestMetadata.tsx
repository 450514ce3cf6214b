/**
 * The MCP side of a request: in 2026-07-28 the `_meta` envelope and the headers that mirror it
 * (Base64 values decoded, a disagreement between the two marked); in the legacy protocol the
 * negotiated version and the session.
 */
import type { ExchangeRequest } from '../engine/types.js';
import { useT } from '../i18n/index.js';
import { explainMcpRequest, type MirroredValue } from '../ui-logic/mcp-request.js';
import { DefinitionRows } from './DefinitionRows.js';
import { SUBHEADING } from './card-styles.js';

function Mirrored({ value }: { value: MirroredValue }) {
  const t = useT();
  return (
    <>
      <span className="font-mono break-all">{value.value}</span>
      {value.decoded !== undefined ? <span className="ml-2 text-slate-600 dark:text-slate-300">{t('mcp.request.decoded', { value: JSON.stringify(value.decoded) })}</span> : null}
    </>
  );
}

export function McpRequestMetadata({ request }: { request: ExchangeRequest }) {
  const t = useT();
  const explained = explainMcpRequest(request);
  if (!explained) return null;
  const none = t('mcp.request.none');
  const versionMismatch = explained.era === 'modern' && explained.headerVersion !== explained.bodyVersion;
  const methodMismatch = explained.era === 'modern' && explained.headerMethod !== explained.method;
  const rows: [string, React.ReactNode][] = [
    [
      t('mcp.request.version'),
      [
        explained.headerVersion !== undefined ? t('mcp.request.versionHeader', { value: explained.headerVersion }) : undefined,
        explained.bodyVersion !== undefined ? t('mcp.request.versionBody', { value: explained.bodyVersion }) : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || none,
    ],
  ];
  if (explained.era === 'modern') {
    rows.push([t('mcp.request.method'), explained.headerMethod ?? none]);
    if (explained.name) rows.push([t('mcp.request.name'), <Mirrored value={explained.name} />]);
    if (explained.parameters.length > 0) {
      rows.push([
        t('mcp.request.parameters'),
        <ul className="space-y-0.5">
          {explained.parameters.map((parameter) => (
            <li key={parameter.header}>
              <span className="font-mono font-semibold">{parameter.header}</span>: <Mirrored value={parameter} />
            </li>
          ))}
        </ul>,
      ]);
    }
  }
  if (explained.clientInfo) rows.push([t('mcp.request.client'), explained.clientInfo]);
  if (explained.method === 'initialize' || explained.era === 'modern') rows.push([t('mcp.request.capabilities'), explained.capabilities.join(', ') || none]);
  if (explained.sessionId !== undefined) rows.push([t('mcp.request.session'), <span className="font-mono break-all">{explained.sessionId}</span>]);

  return (
    <div data-testid="mcp-request-metadata">
      <h4 className={SUBHEADING}>{t('mcp.request.heading')}</h4>
      <p className="mb-1 text-xs text-slate-700 dark:text-slate-300">{t(explained.era === 'modern' ? 'mcp.request.era.modern' : 'mcp.request.era.legacy')}</p>
      <DefinitionRows rows={rows} size="xs" />
      {versionMismatch || methodMismatch ? <p className="mt-1 text-xs text-red-800 dark:text-red-300">{t('mcp.request.mismatch')}</p> : null}
    </div>
  );
}
