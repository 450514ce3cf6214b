/**
 * The audit's scope probe: a genuine token that lacks the scope the server asks for must get
 * 403 with `error="insufficient_scope"` and the `scope` the request needs (MCP "Runtime
 * Insufficient Scope Errors", RFC 6750 §3.1).
 *
 * What the server needs is what its 401 challenge names (`scope`) for the request the probe
 * step sent; `scopes_supported` of the resource metadata lists what it supports, not what it
 * requires, so it is not used to accuse. The narrower token comes from a new authorization
 * request, walked headless as the authorization server's audit does, for the scopes the run asked
 * for minus the needed ones, by the run's client; or, where that leaves nothing, for `openid` (an
 * identity scope no resource needs, where the authorization server offers it) by a client of the
 * audit's own where the server registers one. It is redeemed for the run's resource. The run's
 * tokens are not touched. The same request as the probe step's is then sent with it.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#runtime-insufficient-scope-errors
 */
import { decodeJwt, errors } from 'jose';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import type { ClientData, TokenData } from '../flow-data.js';
import type { SentExchange, StepContext } from '../step.js';
import { findChallenge, parseWwwAuthenticateChallenges } from '../www-authenticate.js';
import { auditTokenAnswer, sendWithToken } from './audit-requests.js';
import { AUDIT_CLIENT_REDIRECT_URI, describe as describeWalk, registerClient, s256, walk } from './audit-authorization-server.js';
import { headerValue, reportTransportFailure } from './json-document.js';
import { callTokenEndpoint } from './token-request.js';
import { exchangeLabel } from '../checks/engine-phrases.js';

const scopesOf = (value: string | undefined): string[] => (value ?? '').split(' ').filter(Boolean);

/** The scope a token carries: what the token endpoint said, else its JWT claim, else `fallback`. */
function tokenScopes(accessToken: string, answered: string | undefined, fallback: string[]): string[] {
  if (answered !== undefined) return scopesOf(answered);
  try {
    const { scope } = decodeJwt(accessToken);
    if (typeof scope === 'string') return scopesOf(scope);
  } catch (error) {
    // An opaque token: RFC 6749 §5.1, a response without scope granted what was asked for.
    if (!(error instanceof errors.JOSEError)) throw error;
  }
  return fallback;
}

export async function insufficientScopeProbe(ctx: StepContext, tokens: TokenData): Promise<void> {
  const url = ctx.options.serverUrl;
  const untested = (reason: PhraseId, details: Record<string, string> = {}): void =>
    ctx.report('audit.insufficient-scope-untested', { params: { url, reason: phrase(reason), ...details } });

  const needed = scopesOf(ctx.data.probe?.challengeScope);
  if (needed.length === 0) return untested('audit.scope.untested.no-challenge-scope');
  const request = ctx.data.authorizationRequest;
  const granted = tokenScopes(tokens.accessToken, tokens.scope, scopesOf(request?.scope));
  if (!needed.some((scope) => granted.includes(scope))) return untested('audit.scope.untested.not-granted', { scope: needed.join(' ') });
  const client = ctx.data.client;
  const metadata = ctx.data.authorizationServer?.metadata;
  if (!request || !client || !metadata || ctx.options.grant !== 'authorization_code') return untested('audit.scope.untested.needs-authorization-code');

  // offline_access alone asks for no access at all.
  const asked = scopesOf(request.scope).filter((scope) => !needed.includes(scope) && scope !== 'offline_access');
  let asker: ClientData = client;
  if (asked.length === 0) {
    if (!metadata.scopes_supported?.includes('openid')) return untested('audit.scope.untested.no-narrower-scope');
    asked.push('openid');
    // The run's client may be registered for the scopes it asked for only (RFC 7591 `scope`): a
    // client of the audit's own asks for openid where the server registers one.
    const own = await registerClient(ctx, metadata, AUDIT_CLIENT_REDIRECT_URI, exchangeLabel('label.audit.narrow-client'));
    if (own.kind === 'registered') asker = own.client;
  }

  const pkce = await s256(ctx);
  const walked = await walk(ctx, request.url, { redirectUri: asker.redirectUri, pkce, scope: asked.join(' '), clientId: asker.clientId });
  if (walked.kind === 'page') return untested('audit.as.untested.needs-person');
  if (walked.kind !== 'code') return untested('audit.scope.untested.no-walk', { cause: describeWalk(walked) });

  const parameters = new URLSearchParams({ code: walked.code, redirect_uri: asker.redirectUri, code_verifier: pkce.verifier ?? '' });
  if (request.resource !== undefined) parameters.set('resource', request.resource);
  const as = asker === client ? ctx : { ...ctx, data: { ...ctx.data, client: asker } };
  const call = await callTokenEndpoint(as, metadata, 'authorization_code', parameters, exchangeLabel('label.audit.narrow-token'), undefined);
  const answer = auditTokenAnswer(call);
  if (!answer.ok) return untested(answer.reason, answer.details);
  const narrowToken = answer.accessToken;
  const narrow = tokenScopes(narrowToken, typeof answer.body.scope === 'string' ? answer.body.scope : undefined, asked);
  const kept = needed.filter((scope) => narrow.includes(scope));
  if (kept.length > 0) return untested('audit.scope.untested.not-narrowed', { scope: kept.join(' ') });

  const sent = await sendWithToken(ctx, narrowToken, exchangeLabel('label.audit.scope-missing'));
  judgeScopeRefusal(ctx, sent, { scope: needed.join(' '), granted: narrow.length > 0 ? narrow.join(' ') : phrase('value.none') });
}

/** 403 with error="insufficient_scope" and the scope it needs; anything else is reported. */
function judgeScopeRefusal(ctx: StepContext, sent: SentExchange, scopes: { scope: string; granted: string }): void {
  const status = sent.response?.status;
  if (!sent.response || status === undefined || (sent.error && sent.error.kind !== 'too-large')) {
    reportTransportFailure(ctx, sent);
    return;
  }
  const evidence = { exchangeId: sent.exchange.id };
  const params = { url: ctx.options.serverUrl, status: String(status), ...scopes };
  if (status >= 200 && status < 300) {
    ctx.report('audit.accepts-insufficient-scope', { params, evidence });
    return;
  }
  const header = headerValue(sent.response, 'www-authenticate');
  const challenges = header === undefined ? [] : parseWwwAuthenticateChallenges(header);
  const challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'dpop');
  const error = challenge?.parameters.error;
  if (status !== 403 || error !== 'insufficient_scope') {
    ctx.report('audit.insufficient-scope-not-403', { params: { ...params, error: error ?? phrase('value.no-error-code') }, evidence });
    return;
  }
  const challengeScope = challenge?.parameters.scope;
  if (challengeScope) ctx.report('audit.insufficient-scope-refused', { params: { ...params, challengeScope }, evidence });
  else ctx.report('audit.insufficient-scope-without-scope', { params, evidence });
}
