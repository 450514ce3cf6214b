/**
 * A session in the forms it leaves the debugger in besides the session file: HAR 1.2, a curl
 * script of the whole flow, a Markdown report, a Playwright test that runs it again. The one
 * entry point for the CLI's `export` and the page's Export buttons, so both redact and write the
 * same way.
 */
import { redactSession } from '../engine/redact.js';
import type { Session } from '../engine/session.js';
import { sessionToCurlScript } from './curl-script.js';
import { sessionToHar } from './har.js';
import type { ExportFormat } from './formats.js';
import { sessionToMarkdown } from './markdown.js';
import { sessionToPlaywrightTest } from './playwright.js';

export { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat } from './formats.js';

export interface ExportOptions {
  /** The version that recorded the session, named in HAR's creator and the report. */
  toolVersion: string;
  /** Keep tokens, codes and secrets (only what the session itself still holds). */
  includeSecrets: boolean;
  /** Only the exchanges with these ids (the page's "export shown"); every exchange when absent. */
  exchangeIds?: Iterable<string>;
}

/** The session with only the exchanges named; its steps, findings and data stay as they are. */
function withExchangesOnly(session: Session, ids: Iterable<string>): Session {
  const kept = new Set(ids);
  return { ...session, results: session.results.map((result) => ({ ...result, exchanges: result.exchanges.filter((exchange) => kept.has(exchange.id)) })) };
}

export function exportSession(session: Session, format: ExportFormat, options: ExportOptions): string {
  const chosen = options.exchangeIds === undefined ? session : withExchangesOnly(session, options.exchangeIds);
  const shown = options.includeSecrets ? chosen : redactSession(chosen);
  if (format === 'har') return `${JSON.stringify(sessionToHar(shown, options.toolVersion), null, 2)}\n`;
  if (format === 'curl') return sessionToCurlScript(shown);
  // The test never holds a secret, whatever was asked: it reads them from the environment.
  if (format === 'playwright') return sessionToPlaywrightTest(shown, options.toolVersion);
  return sessionToMarkdown(shown, options.toolVersion);
}
