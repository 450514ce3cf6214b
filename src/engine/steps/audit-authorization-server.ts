/**
 * The authorization server's part of the audit (RFC 9700, OAuth 2.1): requests it must refuse,
 * each a pitfall of the seed tutorial visible from outside:
 * - an authorization request with a redirect URI the client never registered must not be
 *   redirected to (RFC 9700 §4.1, an open redirector and a code thief);
 * - one without PKCE, or with `plain` where only S256 is advertised, must be refused (an error
 *   sent to the registered redirect URI is a refusal);
 * - a code is good once, only with its own verifier, and only for the client it was issued to;
 * - a public client's rotated refresh token must not work again;
 * - dynamic registration must not take any redirect URI from anyone (the tutorial's "DCR
 *   without control"): a plain-http redirect URI on a foreign host is registered here to see.
 *
 * Fresh codes come from walking the authorization redirects headless, which works where the
 * server asks no person (a session it remembers, or the lab with --auto-consent); where it
 * shows a login page the probes that need a code are reported untested, with the reason.
 */
import { exchangeLabel, textInEnglish } from '../checks/engine-phrases.js';
import { phrase, type PhraseId } from '../checks/finding-phrases.js';
import { AuthorizationPageShown, createRedirectFollowingInteraction } from '../consent/follow-redirects.js';
import type { AuthorizationServerMetadata, ClientData } from '../flow-data.js';
import { createPkcePair, createState } from '../pkce.js';
import { InteractionFailure, type ExchangeLabel, type StepContext } from '../step.js';
import { parseJsonObject } from './json-document.js';
import { callTokenEndpoint } from './token-request.js';

/** The redirect URI of the audit's own clients: loopback, which every registration policy allows; never fetched. */
export const AUDIT_CLIENT_REDIRECT_URI = 'http://127.0.0.1:9/mcp-auth-debugger-audit';

/** A redirect URI no client of the server registered: plain http, on a name that never resolves. */
export const UNREGISTERED_REDIRECT_URI = 'http://attacker.mcp-auth-debugger.invalid/callback';

/** What walking one authorization request ended in. */
export type Walk =
  | { kind: 'code'; code: string; callbackUrl: string }
  | { kind: 'error'; error: string; callbackUrl: string }
  | { kind: 'page' }
  | { kind: 'refused'; detail: string }
  | { kind: 'failed'; findingId: string };

export interface Pkce {
  verifier?: string;
  challenge?: string;
  method?: string;
}

export async function auditAuthorizationServer(ctx: StepContext): Promise<void> {
  const request = ctx.data.authorizationRequest;
  const client = ctx.data.client;
  const metadata = ctx.data.authorizationServer?.metadata;
  // Only the authorization code grant has these requests to test.
  if (!request || !client || !metadata || ctx.options.grant !== 'authorization_code') return;
  const untested = (what: PhraseId, reason: PhraseId, details: Record<string, string> = {}) =>
    ctx.report('audit.as-untested', { params: { what: phrase(what), reason: phrase(reason), ...details } });
  const refused = (what: PhraseId, exchangeId: string | undefined, detail: string) =>
    ctx.report('audit.as-refused', { params: { what: phrase(what), detail }, ...(exchangeId ? { evidence: { exchangeId } } : {}) });

  // 1. A redirect URI nobody registered.
  const unregistered = await walk(ctx, request.url, { redirectUri: UNREGISTERED_REDIRECT_URI, pkce: await s256(ctx) });
  if (unregistered.kind === 'code' || unregistered.kind === 'error') {
    ctx.report('audit.as-redirects-to-unregistered-uri', { params: { redirectUri: UNREGISTERED_REDIRECT_URI }, evidence: lastExchange(ctx) });
  } else if (unregistered.kind === 'page') {
    untested('audit.as.unregistered-redirect', 'audit.as.untested.needs-person');
  } else {
    refused('audit.as.unregistered-redirect', lastExchange(ctx).exchangeId, unregistered.kind === 'refused' ? unregistered.detail : unregistered.findingId);
  }

  // 2. PKCE left out, and `plain` where only S256 is advertised.
  let needsPerson = false;
  const pkceProbe = async (what: PhraseId, pkce: Pkce, acceptedId: string) => {
    if (needsPerson) return untested(what, 'audit.as.untested.needs-person');
    const result = await walk(ctx, request.url, { redirectUri: client.redirectUri, pkce });
    if (result.kind === 'code') ctx.report(acceptedId, { params: { url: metadata.authorization_endpoint ?? '' }, evidence: lastExchange(ctx) });
    else if (result.kind === 'page') {
      needsPerson = true;
      untested(what, 'audit.as.untested.needs-person');
    } else refused(what, lastExchange(ctx).exchangeId, describe(result));
  };
  await pkceProbe('audit.as.no-pkce', {}, 'audit.as-accepts-missing-pkce');
  const methods = metadata.code_challenge_methods_supported;
  if (methods && !methods.includes('plain')) {
    const verifier = (await createPkcePair(ctx.random)).codeVerifier;
    await pkceProbe('audit.as.plain-pkce', { verifier, challenge: verifier, method: 'plain' }, 'audit.as-accepts-plain-pkce');
  }

  // 3. Codes: redeemed twice, with another verifier, by another client.
  const codeProbe = async (what: PhraseId, redeem: (code: string, verifier: string) => Promise<void>) => {
    if (needsPerson) return untested(what, 'audit.as.untested.needs-person');
    const pkce = await s256(ctx);
    const result = await walk(ctx, request.url, { redirectUri: client.redirectUri, pkce });
    if (result.kind === 'code') return redeem(result.code, pkce.verifier ?? '');
    if (result.kind === 'page') needsPerson = true;
    return untested(what, result.kind === 'page' ? 'audit.as.untested.needs-person' : 'audit.as.untested.no-code', { cause: describe(result) });
  };
  const redeemWith = (code: string, verifier: string, as: ClientData = client) => redeemCode(ctx, metadata, as, code, verifier, request.resource);

  await codeProbe('audit.as.code-reuse', async (code, verifier) => {
    const first = await redeemWith(code, verifier);
    if (!first.issued) return untested('audit.as.code-reuse', 'audit.as.untested.first-redemption-refused', { cause: first.detail });
    const second = await redeemWith(code, verifier);
    if (second.issued) ctx.report('audit.as-code-reused', { params: { url: metadata.token_endpoint ?? '' }, evidence: { exchangeId: second.exchangeId } });
    else refused('audit.as.code-reuse', second.exchangeId, second.detail);
  });

  await codeProbe('audit.as.wrong-verifier', async (code) => {
    const wrong = (await createPkcePair(ctx.random)).codeVerifier;
    const answer = await redeemWith(code, wrong);
    if (answer.issued) ctx.report('audit.as-wrong-verifier-accepted', { params: { url: metadata.token_endpoint ?? '' }, evidence: { exchangeId: answer.exchangeId, pointer: 'param:code_verifier' } });
    else refused('audit.as.wrong-verifier', answer.exchangeId, answer.detail);
  });

  // A second client of our own, registered for a loopback redirect URI (which every policy allows).
  const other = await registerClient(ctx, metadata, AUDIT_CLIENT_REDIRECT_URI, exchangeLabel('label.audit.second-client'));
  if (other.kind === 'registered') {
    await codeProbe('audit.as.other-client', async (code, verifier) => {
      const answer = await redeemWith(code, verifier, other.client);
      if (answer.issued) ctx.report('audit.as-code-other-client', { params: { url: metadata.token_endpoint ?? '' }, evidence: { exchangeId: answer.exchangeId } });
      else refused('audit.as.other-client', answer.exchangeId, answer.detail);
    });
  } else {
    untested('audit.as.other-client', 'audit.as.untested.no-registration');
  }

  // 4. Registration without control: any redirect URI, from anyone.
  if (metadata.registration_endpoint) {
    const open = await registerClient(ctx, metadata, UNREGISTERED_REDIRECT_URI, exchangeLabel('label.audit.open-registration'));
    if (open.kind === 'registered') ctx.report('audit.as-registers-insecure-redirect', { params: { redirectUri: UNREGISTERED_REDIRECT_URI, url: metadata.registration_endpoint }, evidence: { exchangeId: open.exchangeId, pointer: 'request:/redirect_uris' } });
    else if (open.kind === 'refused') refused('audit.as.open-registration', open.exchangeId, open.detail);
  }

  // 5. Last, since a server that detects the reuse may revoke the whole grant: the refresh token
  // the refresh step replaced, presented again.
  await refreshReuseProbe(ctx, metadata, client, untested, refused);
}

async function refreshReuseProbe(
  ctx: StepContext,
  metadata: AuthorizationServerMetadata,
  client: ClientData,
  untested: (what: PhraseId, reason: PhraseId, details?: Record<string, string>) => void,
  refused: (what: PhraseId, exchangeId: string | undefined, detail: string) => void,
): Promise<void> {
  const what: PhraseId = 'audit.as.refresh-reuse';
  const old = ctx.data.tokens?.refreshToken;
  const current = ctx.data.refreshedTokens?.refreshToken;
  if (client.tokenEndpointAuthMethod !== 'none') return untested(what, 'audit.as.untested.confidential-client');
  if (!old || !current) return untested(what, 'audit.as.untested.no-refresh');
  if (old === current) return untested(what, 'audit.as.untested.not-rotated');
  const call = await callTokenEndpoint(ctx, metadata, 'refresh_token', new URLSearchParams({ refresh_token: old }), exchangeLabel('label.audit.refresh-reuse'), undefined);
  if (!call.ok) return untested(what, 'audit.as.untested.no-code', { cause: call.findingId ?? textInEnglish(call.reason) });
  const answer = tokenAnswer(call.exchange);
  if (answer.issued) ctx.report('audit.as-refresh-token-reused', { params: { url: metadata.token_endpoint ?? '' }, evidence: { exchangeId: call.exchange.id } });
  else refused(what, call.exchange.id, answer.detail);
}

export async function s256(ctx: StepContext): Promise<Pkce> {
  const pair = await createPkcePair(ctx.random);
  return { verifier: pair.codeVerifier, challenge: pair.codeChallenge, method: pair.codeChallengeMethod };
}

/** The run's authorization request with a new state, the given redirect URI and PKCE (and scope, or client), walked headless. */
export async function walk(ctx: StepContext, original: string, change: { redirectUri: string; pkce: Pkce; scope?: string; clientId?: string }): Promise<Walk> {
  const url = new URL(original);
  url.searchParams.set('state', createState(ctx.random));
  url.searchParams.set('redirect_uri', change.redirectUri);
  for (const name of ['code_challenge', 'code_challenge_method']) url.searchParams.delete(name);
  if (change.pkce.challenge) url.searchParams.set('code_challenge', change.pkce.challenge);
  if (change.pkce.method) url.searchParams.set('code_challenge_method', change.pkce.method);
  if (change.scope !== undefined) url.searchParams.set('scope', change.scope);
  if (change.clientId !== undefined) url.searchParams.set('client_id', change.clientId);
  try {
    const callback = new URL(await createRedirectFollowingInteraction().obtainCallback({ url: url.href, redirectUri: change.redirectUri }, ctx.http));
    const code = callback.searchParams.get('code');
    if (code) return { kind: 'code', code, callbackUrl: callback.href };
    return { kind: 'error', error: callback.searchParams.get('error') ?? '', callbackUrl: callback.href };
  } catch (error) {
    if (error instanceof AuthorizationPageShown) return { kind: 'page' };
    if (error instanceof InteractionFailure) {
      const id = error.finding.id;
      // The server answered without redirecting (an error page): it refused.
      if (id === 'authorization.no-redirect') return { kind: 'refused', detail: `HTTP ${error.finding.params?.status ?? '?'}` };
      return { kind: 'failed', findingId: id };
    }
    throw error;
  }
}

export function describe(result: Walk): string {
  if (result.kind === 'error') return `error=${result.error}`;
  if (result.kind === 'refused') return result.detail;
  if (result.kind === 'failed') return result.findingId;
  return result.kind;
}

/** The evidence for a finding about the last request the step sent. */
function lastExchange(ctx: StepContext): { exchangeId: string } {
  return { exchangeId: ctx.http.exchanges.at(-1)?.id ?? '' };
}

interface TokenAnswer {
  issued: boolean;
  exchangeId: string;
  detail: string;
}

async function redeemCode(ctx: StepContext, metadata: AuthorizationServerMetadata, client: ClientData, code: string, verifier: string, resource: string | undefined): Promise<TokenAnswer> {
  const parameters = new URLSearchParams({ code, redirect_uri: ctx.data.client?.redirectUri ?? client.redirectUri, code_verifier: verifier });
  if (resource !== undefined) parameters.set('resource', resource);
  const as = client === ctx.data.client ? ctx : { ...ctx, data: { ...ctx.data, client } };
  const call = await callTokenEndpoint(as, metadata, 'authorization_code', parameters, exchangeLabel('label.audit.code-redemption'), undefined);
  if (!call.ok) return { issued: false, exchangeId: '', detail: call.findingId ?? textInEnglish(call.reason) };
  return { ...tokenAnswer(call.exchange), exchangeId: call.exchange.id };
}

function tokenAnswer(exchange: { id: string; response?: { status: number; body: string } }): TokenAnswer {
  const response = exchange.response;
  const body = response ? parseJsonObject(response.body) : undefined;
  const issued = response?.status === 200 && body?.ok === true && typeof body.value.access_token === 'string';
  const error = body?.ok && typeof body.value.error === 'string' ? `error=${body.value.error}` : '';
  return { issued, exchangeId: exchange.id, detail: [`HTTP ${response?.status ?? '?'}`, error].filter(Boolean).join(' ') };
}

type Registration = { kind: 'registered'; client: ClientData; exchangeId: string } | { kind: 'refused'; exchangeId: string; detail: string } | { kind: 'unavailable' };

/** Registers a public client for `redirectUri` (RFC 7591), as anyone could. */
export async function registerClient(ctx: StepContext, metadata: AuthorizationServerMetadata, redirectUri: string, label: ExchangeLabel): Promise<Registration> {
  const endpoint = metadata.registration_endpoint;
  if (!endpoint) return { kind: 'unavailable' };
  const body = { client_name: 'mcp-auth-debugger audit', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  const sent = await ctx.http.send({ url: endpoint, method: 'POST', headers: [['content-type', 'application/json'], ['accept', 'application/json']], body: JSON.stringify(body) }, label);
  const response = sent.response;
  if (!response) return { kind: 'unavailable' };
  const parsed = parseJsonObject(response.body);
  if ((response.status === 200 || response.status === 201) && parsed.ok && typeof parsed.value.client_id === 'string') {
    return { kind: 'registered', exchangeId: sent.exchange.id, client: { method: 'dcr', clientId: parsed.value.client_id, tokenEndpointAuthMethod: 'none', redirectUri, ...(ctx.data.client?.issuer ? { issuer: ctx.data.client.issuer } : {}) } };
  }
  const error = parsed.ok && typeof parsed.value.error === 'string' ? ` error=${parsed.value.error}` : '';
  return { kind: 'refused', exchangeId: sent.exchange.id, detail: `HTTP ${response.status}${error}` };
}
