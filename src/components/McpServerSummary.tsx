/**
 * What the run learned about the MCP server: the era and version it speaks, its identity, what
 * server/discover said (supported versions, capabilities, instructions, caching), and the tools
 * set aside because their definition is invalid.
 */
import { useId } from 'react';
import { protocolSummary } from '../engine/mcp/protocol-summary.js';
import type { Session } from '../engine/session.js';
import { useT } from '../i18n/index.js';
import { DefinitionRows } from './DefinitionRows.js';
import { CARD, CARD_HEADING } from './card-styles.js';

export function McpServerSummary({ session }: { session: Session }) {
  const t = useT();
  const headingId = useId();
  const protocol = protocolSummary(session);
  if (!protocol) return null;
  const mcp = session.data.mcp;
  const notSaid = t('mcp.protocol.notSaid');
  const cache = (hint: { ttlMs?: number; cacheScope?: string } | undefined) =>
    hint && (hint.ttlMs !== undefined || hint.cacheScope !== undefined) ? t('mcp.protocol.cacheValue', { ttl: hint.ttlMs ?? '?', scope: hint.cacheScope ?? notSaid }) : notSaid;
  const rows: [string, React.ReactNode][] = [];
  // The server's name and instructions are its own words, shown as sent.
  rows.push([t('mcp.protocol.server'), protocol.server ? <span translate="no">{`${protocol.server.name} ${protocol.server.version}`}</span> : notSaid]);
  if (protocol.supportedVersions) rows.push([t('mcp.protocol.supported'), protocol.supportedVersions.join(', ') || notSaid]);
  rows.push([t('mcp.protocol.capabilities'), Object.keys(protocol.capabilities ?? {}).join(', ') || notSaid]);
  if (protocol.instructions) rows.push([t('mcp.protocol.instructions'), <span className="whitespace-pre-wrap" translate="no">
        {protocol.instructions}
      </span>]);
  if (protocol.era === 'modern') {
    rows.push([t('mcp.protocol.cache'), cache(protocol.cache)]);
    if (mcp?.toolsCache) rows.push([t('mcp.protocol.toolsCache'), cache(mcp.toolsCache)]);
  }
  if (mcp?.rejectedTools && mcp.rejectedTools.length > 0) {
    rows.push([
      t('mcp.protocol.rejected'),
      <ul>
        {mcp.rejectedTools.map((tool) => (
          <li key={tool.name}>
            <span className="font-mono">{tool.name}</span>: {tool.reason}
          </li>
        ))}
      </ul>,
    ]);
  }
  return (
    <section aria-labelledby={headingId} className={CARD} data-testid="mcp-server-summary">
      <h3 id={headingId} className={CARD_HEADING}>
        {t('mcp.protocol.heading')}
      </h3>
      <p className="mt-1 text-sm">
        <span className="font-semibold">{t('mcp.protocol.spoke', { version: protocol.version })}</span>{' '}
        <span className="text-slate-700 dark:text-slate-300">({t(protocol.era === 'modern' ? 'mcp.protocol.era.modern' : 'mcp.protocol.era.legacy')})</span>
      </p>
      {protocol.judgedBy !== protocol.version ? <p className="text-xs text-slate-600 dark:text-slate-300">{t('mcp.protocol.judgedBy', { spec: protocol.judgedBy })}</p> : null}
      {protocol.era === 'legacy' ? <p className="text-xs text-slate-600 dark:text-slate-300">{t('mcp.protocol.legacyNote')}</p> : null}
      <DefinitionRows rows={rows} size="sm" />
    </section>
  );
}
