/**
 * The audit's session probe (legacy protocol only): a session opened with the valid token must
 * not stand in for the token. 2025-11-25 Security Best Practices, Session Hijacking: "MCP servers
 * that implement authorization MUST verify all inbound requests" and "MUST NOT use sessions for
 * authentication". The debugger opens a session of its own with the run's token (initialize and
 * the initialized notification), sends tools/list with the session's Mcp-Session-Id and no
 * Authorization header, which must be refused with 401, and ends the session with the token.
 * The run's own session and tokens are not touched.
 *
 * 2026-07-28 has no sessions, and a legacy server may keep none: then the probe is reported
 * untested, with the reason.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices#session-hijacking
 */
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import { DEFAULT_LEGACY_VERSION } from '../mcp/era-negotiation.js';
import { legacyRequest } from '../mcp/request-metadata.js';
import type { StepContext } from '../step.js';
import type { HeaderList } from '../types.js';
import { judge, sendWithToken, type RefusalAnswer } from './audit-requests.js';
import { headerValue } from './json-document.js';
import { eraForSpec } from './probe.js';
import { exchangeLabel } from '../checks/engine-phrases.js';

/** Streamable HTTP (2025-11-25): a session id "MUST only contain visible ASCII characters (ranging from 0x21 to 0x7E)". */
const SESSION_ID = /^[\x21-\x7e]{1,1024}$/;

export async function sessionWithoutTokenProbe(ctx: StepContext, accessToken: string): Promise<RefusalAnswer | undefined> {
  const url = ctx.options.serverUrl;
  const untested = (reason: PhraseId, details: Record<string, string> = {}): undefined => {
    ctx.report('audit.session-untested', { params: { url, reason: phrase(reason), ...details } });
    return undefined;
  };
  const era = ctx.data.mcp?.era ?? ctx.data.probe?.era ?? eraForSpec(ctx.options);
  if (era !== 'legacy') return untested('audit.session.untested.modern');

  // In the legacy era the audit's requests are initialize: this one, with the valid token, opens a session.
  const opened = await sendWithToken(ctx, accessToken, exchangeLabel('label.audit.session-open'));
  const status = opened.response?.status;
  if (status === undefined) return untested('audit.session.untested.no-answer');
  if (status < 200 || status >= 300) return untested('audit.session.untested.not-opened', { status: String(status) });
  const sessionId = opened.response ? headerValue(opened.response, 'mcp-session-id') : undefined;
  if (sessionId === undefined) return untested('audit.session.untested.no-session');
  if (!SESSION_ID.test(sessionId)) return untested('audit.session.untested.invalid-session-id');

  const version = ctx.data.mcp?.era === 'legacy' && ctx.data.mcp.protocolVersion ? ctx.data.mcp.protocolVersion : ctx.options.spec === '2026-07-28' ? DEFAULT_LEGACY_VERSION : ctx.options.spec;
  const extraHeaders = ctx.options.extraHeaders.filter(([name]) => name.toLowerCase() !== 'authorization');
  const withToken: HeaderList = [...extraHeaders, ['authorization', `Bearer ${accessToken}`]];
  await ctx.http.send(legacyRequest({ url, method: 'notifications/initialized', version, sessionId, headers: withToken }), exchangeLabel('label.audit.session-initialized'));
  const sent = await ctx.http.send(legacyRequest({ url, id: 2, method: 'tools/list', version, sessionId, headers: extraHeaders }), exchangeLabel('label.audit.session-without-token'));
  const answer = judge(ctx, sent, { accepted: 'audit.session-without-token', refused: 'audit.rejects-session-without-token', what: 'audit.session-without-token', params: {} });
  // The session is the audit's own: ended, with the token (a server may refuse with 405, which it may).
  await ctx.http.send({ method: 'DELETE', url, headers: [['mcp-session-id', sessionId], ['mcp-protocol-version', version], ...withToken] }, exchangeLabel('label.audit.session-end'));
  return answer && { ...answer, withToken: false };
}
