/**
 * The authorization request: PKCE S256, `state`, `resource` and `scope` per the spec's
 * strategy, and the issuer recorded for the RFC 9207 check of the response. The request is
 * then handed to an interaction (headless runs) or to the person (open this URL).
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#authorization-flow-steps
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#scope-selection-strategy
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#resource-parameter-implementation
 */
import { canonicalServerUri, compareResourceIdentifiers, isLoopbackUrl } from '../canonical-uri.js';
import { because, enginePhrase } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthorizationRequestData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import { createPkcePair, createState } from '../pkce.js';
import { OFFLINE_ACCESS, splitScope, unionOfScopes } from '../scope.js';
import { failed, InteractionFailure, skipped, type AuthorizationInteraction, type StepContext, type StepDefinition, type StepOutput } from '../step.js';
import type { SpecVersion } from '../types.js';

/** Where the requested scope came from; each source has its own (info) finding. */
export type ScopeSource = 'step-up' | 'option' | 'challenge' | 'scopes-supported' | 'none';

export interface ScopeSelectionInput {
  spec: SpecVersion;
  options: Pick<FlowOptions, 'scope' | 'refresh'>;
  /** Scope of a 403 `insufficient_scope` challenge that sent the flow back here. */
  stepUpScope?: string;
  /** The scope of the previous authorization request (a step-up keeps it). */
  previousScope?: string;
  /** `scope` of the 401 `WWW-Authenticate` challenge. */
  challengeScope?: string;
  /** PRM `scopes_supported`. */
  resourceScopesSupported?: readonly string[];
  /** Authorization server metadata `scopes_supported`. */
  asScopesSupported?: readonly string[];
}

export interface ScopeSelection {
  scope?: string;
  source: ScopeSource;
  /** `offline_access` was added because the authorization server lists it (2026-07-28, Refresh Tokens). */
  offlineAccessAdded: boolean;
  /** `offline_access` came from the resource's own scopes (which SHOULD NOT contain it). */
  offlineAccessFromResource: boolean;
}

/**
 * The scope selection strategy. From 2025-11-25: "1. Use scope parameter from the initial
 * WWW-Authenticate header in the 401 response, if provided 2. If scope is not available, use
 * all scopes defined in scopes_supported from the Protected Resource Metadata document,
 * omitting the scope parameter if scopes_supported is undefined." Earlier versions name no
 * strategy; the same order is what RFC 6750 §3 and RFC 9728 §2 offer a client, so it is used
 * for them too. A step-up asks for "the union of the client's previously requested scope set
 * and the scopes from the current challenge"; an explicit scope option overrides the rest.
 */
export function selectScope(input: ScopeSelectionInput): ScopeSelection {
  const { spec, options } = input;
  let source: ScopeSource;
  let scopes: string[];
  if (input.stepUpScope !== undefined) {
    source = 'step-up';
    scopes = unionOfScopes(splitScope(input.previousScope), splitScope(input.stepUpScope));
  } else if (options.scope !== undefined && options.scope.trim() !== '') {
    return { scope: options.scope, source: 'option', offlineAccessAdded: false, offlineAccessFromResource: false };
  } else if (input.challengeScope !== undefined && input.challengeScope.trim() !== '') {
    source = 'challenge';
    scopes = splitScope(input.challengeScope);
  } else if (input.resourceScopesSupported && input.resourceScopesSupported.length > 0) {
    source = 'scopes-supported';
    scopes = unionOfScopes([], input.resourceScopesSupported);
  } else {
    return { source: 'none', offlineAccessAdded: false, offlineAccessFromResource: false };
  }

  const asListsOfflineAccess = input.asScopesSupported?.includes(OFFLINE_ACCESS) === true;
  const offlineAccessFromResource = source !== 'step-up' && scopes.includes(OFFLINE_ACCESS);
  let offlineAccessAdded = false;
  if (spec === '2026-07-28') {
    // Refresh Tokens: clients "MAY add offline_access to the scope parameter ... when the
    // Authorization Server metadata contains it in scopes_supported" — and only then.
    if (!asListsOfflineAccess) scopes = scopes.filter((s) => s !== OFFLINE_ACCESS);
    else if (options.refresh && !scopes.includes(OFFLINE_ACCESS)) {
      scopes = [...scopes, OFFLINE_ACCESS];
      offlineAccessAdded = true;
    }
  }
  return { ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}), source, offlineAccessAdded, offlineAccessFromResource };
}

/**
 * The `resource` parameter: the canonical URI of the MCP server. "MUST be included in both
 * authorization requests and token requests" from 2025-06-18; 2025-03-26 predates RFC 8707
 * in MCP, so its profile leaves the parameter out.
 *
 * Where the protected resource metadata publishes the server's resource identifier (and it is
 * this server's: the same URL or a parent of it), that value is sent exactly as published, not
 * re-serialised: a URL parser turns a pathless `https://mcp.example.com` into
 * `https://mcp.example.com/`, another identifier to an authorization server that compares strings.
 */
export function resourceFor(spec: SpecVersion, options: Pick<FlowOptions, 'serverUrl' | 'omitResource'>, published?: string): string | undefined {
  if (spec === '2025-03-26' || options.omitResource) return undefined;
  if (published !== undefined && compareResourceIdentifiers(options.serverUrl, published) !== 'different') return published;
  return canonicalServerUri(options.serverUrl);
}

export const authorizationRequestStep: StepDefinition = {
  id: 'authorization-request',
  async run(ctx) {
    if (ctx.options.grant === 'client_credentials') return skipped(because('outcome.authorization-request.client-credentials'));
    if (ctx.options.grant === 'cross-app-access') return skipped(because('outcome.authorization-request.cross-app-access'));
    if (ctx.options.grant === 'jwt-bearer') return skipped(because('outcome.authorization-request.jwt-bearer'));
    const as = ctx.data.authorizationServer;
    const client = ctx.data.client;
    if (!as || !client) return failed(because('outcome.authorization-request.prerequisites'));

    const endpoint = as.metadata.authorization_endpoint;
    const endpointUrl = parseUrl(endpoint);
    if (!endpointUrl) {
      ctx.report('authorization.no-endpoint', { params: { issuer: as.metadata.issuer, value: endpoint ?? phrase('value.absent') } });
      return failed(because('outcome.authorization-request.no-endpoint'), 'authorization.no-endpoint');
    }
    checkRedirectUri(ctx, client.redirectUri);

    const pkce = await createPkcePair(ctx.random);
    const state = createState(ctx.random);
    const resource = resourceFor(ctx.spec, ctx.options, ctx.data.protectedResource?.resource);
    if (ctx.spec === '2025-03-26') ctx.report('authorization.resource-not-in-spec-version');
    else if (ctx.options.omitResource) ctx.report('authorization.resource-omitted', { params: { resource: canonicalServerUri(ctx.options.serverUrl) ?? ctx.options.serverUrl } });

    const selection = selectScope({
      spec: ctx.spec,
      options: ctx.options,
      ...(ctx.data.stepUpScope !== undefined ? { stepUpScope: ctx.data.stepUpScope } : {}),
      ...(ctx.data.authorizationRequest?.scope !== undefined ? { previousScope: ctx.data.authorizationRequest.scope } : {}),
      ...(ctx.data.probe?.challengeScope !== undefined ? { challengeScope: ctx.data.probe.challengeScope } : {}),
      ...(ctx.data.protectedResource?.scopesSupported ? { resourceScopesSupported: ctx.data.protectedResource.scopesSupported } : {}),
      ...(as.metadata.scopes_supported ? { asScopesSupported: as.metadata.scopes_supported } : {}),
    });
    reportScope(ctx, selection);

    // RFC 6749 §3.1: the endpoint URI "MAY include an application/x-www-form-urlencoded
    // formatted query component, which MUST be retained when adding additional query parameters".
    const url = new URL(endpointUrl.href);
    const params = url.searchParams;
    params.set('response_type', 'code');
    params.set('client_id', client.clientId);
    params.set('redirect_uri', client.redirectUri);
    params.set('code_challenge', pkce.codeChallenge);
    params.set('code_challenge_method', pkce.codeChallengeMethod);
    params.set('state', state);
    if (selection.scope !== undefined) params.set('scope', selection.scope);
    if (resource !== undefined) params.set('resource', resource);

    const authorizationRequest: AuthorizationRequestData = {
      url: url.href,
      state,
      codeVerifier: pkce.codeVerifier,
      codeChallenge: pkce.codeChallenge,
      redirectUri: client.redirectUri,
      ...(selection.scope !== undefined ? { scope: selection.scope } : {}),
      ...(resource !== undefined ? { resource } : {}),
      // "Before redirecting the user-agent, the client MUST record the issuer value from the
      // selected authorization server's validated metadata document".
      expectedIssuer: as.metadata.issuer,
    };
    // A new request makes any earlier callback (a previous round of a step-up) stale.
    const fresh = { authorizationRequest, callbackUrl: undefined, authorizationResponse: undefined };

    if (!ctx.interaction) {
      return { data: fresh, outcome: { kind: 'needs-user', action: { kind: 'open-authorization-url', url: url.href, redirectUri: client.redirectUri } } };
    }
    return completeWithInteraction(ctx, ctx.interaction, fresh);
  },
};

async function completeWithInteraction(
  ctx: StepContext,
  interaction: AuthorizationInteraction,
  fresh: { authorizationRequest: AuthorizationRequestData; callbackUrl: undefined; authorizationResponse: undefined },
): Promise<StepOutput> {
  const { url, redirectUri } = fresh.authorizationRequest;
  let callbackUrl: string;
  try {
    callbackUrl = await interaction.obtainCallback({ url, redirectUri }, ctx.http);
  } catch (error) {
    if (error instanceof InteractionFailure) {
      const { id, ...input } = error.finding;
      ctx.report(id, input);
      return failed(because('outcome.authorization-request.walk-stopped', { ...error.reason.params, walk: enginePhrase(error.reason.id) }), id, fresh);
    }
    // An interaction that knows no catalogue reason (a browser that never came back): its own words.
    const reason = error instanceof Error ? error.message : String(error);
    ctx.report('authorization.interaction-failed', { params: { reason } });
    return failed(because('outcome.authorization-request.round-trip-failed', { message: reason }), 'authorization.interaction-failed', fresh);
  }
  return { data: { ...fresh, callbackUrl }, outcome: { kind: 'ok' } };
}

function reportScope(ctx: StepContext, selection: ScopeSelection): void {
  const scope = selection.scope ?? '';
  const ids: Record<ScopeSource, string> = {
    'step-up': 'authorization.scope-step-up',
    option: 'authorization.scope-from-option',
    challenge: 'authorization.scope-from-challenge',
    'scopes-supported': 'authorization.scope-from-scopes-supported',
    none: 'authorization.scope-omitted',
  };
  ctx.report(ids[selection.source], { params: { scope, stepUpScope: ctx.data.stepUpScope ?? '' } });
  if (selection.offlineAccessFromResource) {
    ctx.report('authorization.offline-access-in-resource-scopes', { params: { source: selection.source === 'challenge' ? 'WWW-Authenticate scope' : 'scopes_supported' } });
  }
  if (selection.offlineAccessAdded) ctx.report('authorization.offline-access-added', { params: { scope } });
}

/** Security considerations: "All redirect URIs MUST be either localhost or use HTTPS." */
function checkRedirectUri(ctx: StepContext, redirectUri: string): void {
  const url = parseUrl(redirectUri);
  if (url && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url)))) return;
  // Private-use schemes (RFC 8252 §7.1) are neither, but are legitimate for native apps.
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') return;
  ctx.report('authorization.redirect-uri-insecure', { params: { redirectUri } });
}

/** The endpoint as a URL a browser may be sent to: http(s) only, never javascript:, data: or file:. */
function parseUrl(value: string | undefined): URL | undefined {
  const url = value !== undefined && URL.canParse(value) ? new URL(value) : undefined;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
}
