/**
 * The security audit (opt-in): with a valid token in hand, sends the MCP server requests it must
 * refuse and reports the ones it accepts, each a pitfall of the seed tutorial visible from
 * outside:
 * - a tampered token: the real access token with one signature character changed
 *   (a server that only decodes JWTs accepts it);
 * - a malformed token: a bearer value that is no token at all (a server that takes any value,
 *   or lets what it cannot parse through);
 * - a token from an untrusted issuer: the real token's claims, issued by another issuer and
 *   signed with a key the debugger made, which it carries in its header (a server that trusts
 *   the key a token brings, or any issuer);
 * - the real token in the query string instead of the Authorization header;
 * - a foreign-audience token: a genuine token the authorization server issued for another
 *   resource (a server that does not check `aud` accepts it);
 * - a legacy session's Mcp-Session-Id without any token (audit-session.ts);
 * - a genuine token without the scope the server asks for, which must get 403
 *   insufficient_scope (audit-insufficient-scope.ts).
 * Each refusal must be a 401 whose Bearer challenge says `error="invalid_token"` and points at
 * the resource metadata; an answer that shows the server's internals (a stack trace, an SQL
 * error, a file path) is reported as well. Then the authorization server's part
 * (audit-authorization-server.ts).
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#token-handling
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization/security-considerations#token-audience-binding-and-validation
 */
import { decodeJwt, errors, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { looseResourceIdentifier } from '../canonical-uri.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import { findInternalLeaks, type LeakKind } from '../checks/internal-leaks.js';
import { auditAuthorizationServer } from './audit-authorization-server.js';
import { insufficientScopeProbe } from './audit-insufficient-scope.js';
import { auditTokenAnswer, judge, sendWithToken, type RefusalAnswer } from './audit-requests.js';
import { sessionWithoutTokenProbe } from './audit-session.js';
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { ok, skipped, type SentExchange, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { TokenData } from '../flow-data.js';
import { findChallenge, parseWwwAuthenticateChallenges } from '../www-authenticate.js';
import { headerValue } from './json-document.js';
import { probeRequest } from './probe.js';
import { callTokenEndpoint } from './token-request.js';
import { AUDIT_AUDIENCE_PATH } from '../../wire/audit-audience.js';

/** The issuer of the audit's own token, on a name that can never resolve (RFC 6761 `.invalid`). */
export const UNTRUSTED_ISSUER = 'https://untrusted-issuer.mcp-auth-debugger.invalid';

/** A bearer value that is not a token in any format a server might accept. */
export const MALFORMED_TOKEN = 'mcp-auth-debugger-not-a-token';

export const auditStep: StepDefinition = { id: 'audit', run: audit };

async function audit(ctx: StepContext): Promise<StepOutput> {
  if (!ctx.options.audit) return skipped(because('outcome.audit.off'));
  const tokens = ctx.data.refreshedTokens ?? ctx.data.tokens;
  if (!tokens) return skipped(because('outcome.audit.no-token'));

  const answers: RefusalAnswer[] = [];
  const probes: [PhraseId, () => Promise<SentExchange>, { accepted: string; refused?: string; withoutHeader?: boolean }][] = [
    ['audit.tampered-token', () => sendWithToken(ctx, tamperWithToken(tokens.accessToken), exchangeLabel('label.audit.tampered-token')), { accepted: 'audit.accepts-tampered-token', refused: 'audit.rejects-tampered-token' }],
    ['audit.malformed-token', () => sendWithToken(ctx, MALFORMED_TOKEN, exchangeLabel('label.audit.malformed-token')), { accepted: 'audit.accepts-malformed-token' }],
    ['audit.untrusted-issuer-token', async () => sendWithToken(ctx, await untrustedIssuerToken(ctx, tokens), exchangeLabel('label.audit.untrusted-issuer')), { accepted: 'audit.accepts-untrusted-issuer' }],
    // Without an Authorization header: a server that ignores the query sees no token at all, and
    // rightly answers with a challenge that names no error (RFC 6750 §3.1).
    ['audit.query-token', () => sendWithTokenInQuery(ctx, tokens.accessToken), { accepted: 'audit.accepts-query-token', withoutHeader: true }],
  ];
  for (const [what, send, { withoutHeader, ...ids }] of probes) {
    const sent = await send();
    const answer = judge(ctx, sent, { ...ids, what, params: {} });
    if (answer) answers.push({ ...answer, withToken: !withoutHeader });
  }
  const foreign = await foreignAudienceTest(ctx, ctx.data.refreshedTokens?.refreshToken ?? ctx.data.tokens?.refreshToken);
  if (foreign) answers.push(foreign);
  const session = await sessionWithoutTokenProbe(ctx, tokens.accessToken);
  if (session) answers.push(session);
  await insufficientScopeProbe(ctx, tokens);
  judgeChallenges(ctx, answers);
  reportLeaks(ctx, answers);
  await auditAuthorizationServer(ctx);
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

/**
 * The real token's claims (or, for an opaque token, what it was issued for), issued by an issuer
 * the server never trusted and signed with a key made here, which the header carries (`jwk`):
 * a server that verifies with the key a token brings, or takes any issuer, accepts it.
 */
async function untrustedIssuerToken(ctx: StepContext, tokens: TokenData): Promise<string> {
  const now = Math.floor(ctx.clock.now() / 1000);
  let claims: JWTPayload;
  try {
    claims = decodeJwt(tokens.accessToken);
  } catch (error) {
    if (!(error instanceof errors.JOSEError)) throw error;
    claims = { aud: ctx.options.serverUrl, ...(tokens.scope ? { scope: tokens.scope } : {}) };
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return new SignJWT({ ...claims, iss: UNTRUSTED_ISSUER, iat: now, exp: now + 300, jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'mcp-auth-debugger-audit', jwk })
    .sign(privateKey);
}

/** The probe request with the token in the `access_token` query parameter and no Authorization header. */
async function sendWithTokenInQuery(ctx: StepContext, accessToken: string): Promise<SentExchange> {
  const request = probeRequest(ctx.options, ctx.data.mcp?.era ?? ctx.data.probe?.era);
  const url = new URL(request.url);
  url.searchParams.set('access_token', accessToken);
  const headers = (request.headers ?? []).filter(([name]) => name.toLowerCase() !== 'authorization');
  return ctx.http.send({ ...request, url: url.href, headers }, exchangeLabel('label.audit.query-token'));
}

async function foreignAudienceTest(ctx: StepContext, refreshToken: string | undefined): Promise<RefusalAnswer | undefined> {
  const metadata = ctx.data.authorizationServer?.metadata;
  // The probe already stopped on an invalid server URL; nothing to test here.
  if (!URL.canParse(ctx.options.serverUrl)) return undefined;
  const audience = new URL(AUDIT_AUDIENCE_PATH, ctx.options.serverUrl).href;
  // The reason is a phrase; `details` fill its placeholders.
  const untested = (reason: PhraseId, details: Record<string, string> = {}): undefined => {
    ctx.report('audit.foreign-audience-untested', { params: { audience, reason: phrase(reason), ...details } });
    return undefined;
  };
  if (!refreshToken) return untested('audit.untested.no-refresh-token');
  if (!metadata) return untested('audit.untested.no-metadata');

  const parameters = new URLSearchParams({ refresh_token: refreshToken, resource: audience });
  const call = await callTokenEndpoint(ctx, metadata, 'refresh_token', parameters);
  const answer = auditTokenAnswer(call);
  if (!answer.ok) return untested(answer.reason, answer.details);
  const foreignToken = answer.accessToken;
  if (!issuedForOtherAudience(foreignToken, ctx)) return untested('audit.untested.same-audience');
  const sent = await sendWithToken(ctx, foreignToken, exchangeLabel('label.audit.foreign-audience'));
  return judge(ctx, sent, {
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

/**
 * RFC 6750 §3.1: a refusal of a token names the error (`invalid_token`); RFC 9728 §5.1: the
 * challenge points at the resource metadata. Each is reported once, naming the requests whose
 * 401 fell short.
 */
function judgeChallenges(ctx: StepContext, answers: readonly RefusalAnswer[]): void {
  const refusals = answers.filter((answer) => answer.sent.response?.status === 401);
  const withoutError: RefusalAnswer[] = [];
  const withoutMetadata: RefusalAnswer[] = [];
  for (const answer of refusals) {
    const header = answer.sent.response ? headerValue(answer.sent.response, 'www-authenticate') : undefined;
    const challenges = header === undefined ? [] : parseWwwAuthenticateChallenges(header);
    const challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'dpop');
    if (answer.withToken && challenge?.parameters.error !== 'invalid_token') withoutError.push(answer);
    if (!challenge?.parameters.resource_metadata) withoutMetadata.push(answer);
  }
  // How many, and the first by name (a param holds one phrase, so it reads in either language).
  const report = (id: string, items: RefusalAnswer[]) => {
    const [first] = items;
    if (!first) return;
    ctx.report(id, { params: { url: ctx.options.serverUrl, count: String(items.length), what: phrase(first.what) }, evidence: { exchangeId: first.sent.exchange.id } });
  };
  report('audit.challenge-without-invalid-token', withoutError);
  report('audit.challenge-without-resource-metadata', withoutMetadata);
}

const LEAK_PHRASES: Record<LeakKind, PhraseId> = {
  'stack-trace': 'audit.leak.stack-trace',
  'sql-error': 'audit.leak.sql-error',
  'file-path': 'audit.leak.file-path',
  'upstream-error': 'audit.leak.upstream-error',
};

/** The first answer that shows each kind of internal detail, once per kind. */
function reportLeaks(ctx: StepContext, answers: readonly RefusalAnswer[]): void {
  const seen = new Set<LeakKind>();
  for (const answer of answers) {
    const body = answer.sent.response?.body ?? '';
    for (const leak of findInternalLeaks(body)) {
      if (seen.has(leak.kind)) continue;
      seen.add(leak.kind);
      ctx.report('audit.error-leaks-internals', {
        params: { url: answer.sent.exchange.request.url, kind: phrase(LEAK_PHRASES[leak.kind]), excerpt: leak.excerpt, what: phrase(answer.what) },
        evidence: { exchangeId: answer.sent.exchange.id },
      });
    }
  }
}
