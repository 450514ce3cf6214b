/**
 * The security audit (opt-in): sends the MCP server tokens it must refuse, and reports the
 * ones it accepts. Two tests, each a pitfall visible from outside:
 * - a tampered token: the real access token with one signature character changed
 *   (a server that only decodes JWTs accepts it);
 * - a foreign-audience token: a genuine token the authorization server issued for another
 *   resource (a server that does not check `aud` accepts it).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#token-handling
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-audience-binding-and-validation
 */
import { decodeJwt, errors } from 'jose';
import { looseResourceIdentifier } from '../canonical-uri.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import { ok, skipped, type SentExchange, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { HeaderList } from '../types.js';
import { parseJsonObject, reportTransportFailure } from './json-document.js';
import { probeRequest } from './probe.js';
import { callTokenEndpoint } from './token-request.js';

/** The path of the other audience the debugger asks for, on the MCP server's own origin. */
export const AUDIT_AUDIENCE_PATH = '/mcp-auth-debugger-audit';

export const auditStep: StepDefinition = { id: 'audit', run: audit };

async function audit(ctx: StepContext): Promise<StepOutput> {
  if (!ctx.options.audit) return skipped('The audit is off; turn it on to send the server tokens it must refuse.');
  const tokens = ctx.data.refreshedTokens ?? ctx.data.tokens;
  if (!tokens) return skipped('There is no access token to audit with.');

  await tamperedTokenTest(ctx, tokens.accessToken);
  await foreignAudienceTest(ctx, ctx.data.refreshedTokens?.refreshToken ?? ctx.data.tokens?.refreshToken);
  return ok();
}

/**
 * Changes one character in the middle of the signature. (The last base64url character may
 * only carry padding bits, so changing it can leave the signature bytes as they were.)
 */
export function tamperWithToken(token: string): string {
  const parts = token.split('.');
  const signature = parts.length === 3 ? (parts[2] ?? '') : token;
  if (signature.length === 0) return `${token}x`;
  const at = Math.floor(signature.length / 2);
  const original = signature[at] ?? 'A';
  const replaced = signature.slice(0, at) + (original === 'A' ? 'B' : 'A') + signature.slice(at + 1);
  return parts.length === 3 ? `${parts[0]}.${parts[1]}.${replaced}` : replaced;
}

async function sendWithToken(ctx: StepContext, token: string, label: string) {
  const request = probeRequest(ctx.options, ctx.data.mcp?.era ?? ctx.data.probe?.era);
  const headers: HeaderList = [...(request.headers ?? []), ['authorization', `Bearer ${token}`]];
  return ctx.http.send({ ...request, headers }, label);
}

async function tamperedTokenTest(ctx: StepContext, accessToken: string): Promise<void> {
  const sent = await sendWithToken(ctx, tamperWithToken(accessToken), 'audit: tampered token');
  judge(ctx, sent, {
    accepted: 'audit.accepts-tampered-token',
    refused: 'audit.rejects-tampered-token',
    what: 'audit.tampered-token',
    params: {},
  });
}

async function foreignAudienceTest(ctx: StepContext, refreshToken: string | undefined): Promise<void> {
  const metadata = ctx.data.authorizationServer?.metadata;
  // The probe already stopped on an invalid server URL; nothing to test here.
  if (!URL.canParse(ctx.options.serverUrl)) return;
  const audience = new URL(AUDIT_AUDIENCE_PATH, ctx.options.serverUrl).href;
  // The reason is a phrase; `details` fill its placeholders.
  const untested = (reason: PhraseId, details: Record<string, string> = {}) =>
    ctx.report('audit.foreign-audience-untested', { params: { audience, reason: phrase(reason), ...details } });
  if (!refreshToken) return untested('audit.untested.no-refresh-token');
  if (!metadata) return untested('audit.untested.no-metadata');

  const parameters = new URLSearchParams({ refresh_token: refreshToken, resource: audience });
  const call = await callTokenEndpoint(ctx, metadata, 'refresh_token', parameters);
  // The finding that says why the request could not be made is already in the list.
  if (!call.ok) return call.findingId ? untested('audit.untested.token-request-failed', { cause: call.findingId }) : untested('audit.untested.no-client');
  const response = call.exchange.response;
  const body = response ? parseJsonObject(response.body) : undefined;
  if (!response || response.status !== 200 || !body?.ok || typeof body.value.access_token !== 'string') {
    if (body?.ok && typeof body.value.error === 'string') return untested('audit.untested.refused', { error: body.value.error });
    return untested('audit.untested.refused-status', { status: response ? String(response.status) : phrase('value.none') });
  }
  const foreignToken = body.value.access_token;
  if (!issuedForOtherAudience(foreignToken, ctx)) return untested('audit.untested.same-audience');
  const sent = await sendWithToken(ctx, foreignToken, 'audit: token for another audience');
  judge(ctx, sent, {
    accepted: 'audit.accepts-foreign-audience',
    refused: 'audit.rejects-foreign-audience',
    what: 'audit.foreign-audience-token',
    params: { audience },
  });
}

/** True when the token is a JWT whose `aud` does not include the MCP server (opaque tokens can't be told). */
function issuedForOtherAudience(token: string, ctx: StepContext): boolean {
  let aud: unknown;
  try {
    aud = decodeJwt(token).aud;
  } catch (error) {
    // jose throws for every non-JWT. An opaque token: the server's verdict on it is still
    // meaningful, since the authorization server honoured the resource.
    if (error instanceof errors.JOSEError) return true;
    throw error;
  }
  const audiences = Array.isArray(aud) ? aud : [aud];
  // Compared as a resource server would at its loosest (case, default port, a trailing slash), so
  // a token for this very server is never taken for a foreign one and reported as accepted.
  const server = looseResourceIdentifier(ctx.options.serverUrl);
  return !audiences.some((value) => typeof value === 'string' && looseResourceIdentifier(value) === server);
}

/** The server's answer to a token it must refuse; no answer proves nothing and is reported as such. */
function judge(ctx: StepContext, sent: SentExchange, ids: { accepted: string; refused: string; what: PhraseId; params: Record<string, string> }): void {
  const status = sent.response?.status;
  if (status === undefined || (sent.error && sent.error.kind !== 'too-large')) {
    reportTransportFailure(ctx, sent);
    return;
  }
  const evidence = { exchangeId: sent.exchange.id };
  const params = { ...ids.params, url: ctx.options.serverUrl, status: String(status) };
  if (status >= 200 && status < 300) ctx.report(ids.accepted, { params, evidence });
  else if (status === 401) ctx.report(ids.refused, { params, evidence });
  else ctx.report('audit.unexpected-status', { params: { ...params, what: phrase(ids.what) }, evidence });
}
