import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import type { AuthorizationServerMetadata, FlowData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import { because, exchangeLabel, renderTextRef } from '../checks/engine-phrases.js';
import { InteractionFailure, type AuthorizationInteraction, type RandomSource } from '../step.js';
import { authorizationRequestData, authorizationServerData, findingIds, noNetwork, runOneStep } from '../test-kit.js';
import type { SpecVersion } from '../types.js';
import { resourceFor, selectScope } from './authorization-request.js';

const SERVER = 'https://MCP.example.com/mcp';
const ISSUER = 'https://auth.example.com/realms/demo';
const REDIRECT = 'http://127.0.0.1:4280/callback';

function countingRandom(): RandomSource {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

function metadata(extra: Partial<AuthorizationServerMetadata> = {}): AuthorizationServerMetadata {
  return { issuer: ISSUER, authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth?kc_idp_hint=demo`, token_endpoint: `${ISSUER}/token`, ...extra };
}

interface Setup {
  options?: Partial<FlowOptions>;
  as?: AuthorizationServerMetadata;
  data?: Partial<FlowData>;
  interaction?: AuthorizationInteraction;
}

async function authorize(setup: Setup = {}) {
  const data: FlowData = {
    authorizationServer: authorizationServerData(setup.as ?? metadata()),
    client: { method: 'dcr', clientId: 'client-1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
    ...setup.data,
  };
  // No request may leave this step except through the interaction.
  return runOneStep('authorization-request', noNetwork, { serverUrl: SERVER, ...setup.options }, data, {
    random: countingRandom(),
    ...(setup.interaction ? { interaction: setup.interaction } : {}),
  });
}


describe('authorization-request: the URL', () => {
  it('carries PKCE S256, state, resource, scope and keeps the endpoint query', async () => {
    const { result, session } = await authorize({ data: { probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' } } });
    assert.equal(result.outcome.kind, 'needs-user');
    const request = session.data.authorizationRequest;
    assert.ok(request);
    const url = new URL(request.url);
    assert.equal(`${url.origin}${url.pathname}`, `${ISSUER}/protocol/openid-connect/auth`);
    const p = url.searchParams;
    assert.equal(p.get('kc_idp_hint'), 'demo');
    assert.equal(p.get('response_type'), 'code');
    assert.equal(p.get('client_id'), 'client-1');
    assert.equal(p.get('redirect_uri'), REDIRECT);
    assert.equal(p.get('code_challenge_method'), 'S256');
    assert.equal(p.get('code_challenge'), await calculatePKCECodeChallenge(request.codeVerifier));
    assert.equal(p.get('state'), request.state);
    assert.notEqual(request.state, request.codeVerifier);
    assert.equal(p.get('resource'), 'https://mcp.example.com/mcp');
    assert.equal(p.get('scope'), 'mcp:tools');
    assert.equal(request.expectedIssuer, ISSUER);
    assert.deepEqual(result.outcome, { kind: 'needs-user', action: { kind: 'open-authorization-url', url: request.url, redirectUri: REDIRECT } });
  });

  it('is reproducible with the same random source', async () => {
    const first = await authorize();
    const second = await authorize();
    assert.match(first.session.data.authorizationRequest?.url ?? '', /[?&]code_challenge=[\w-]{43}&/);
    assert.equal(first.session.data.authorizationRequest?.url, second.session.data.authorizationRequest?.url);
  });

  it('leaves resource out for 2025-03-26 and when asked to, with a finding', async () => {
    const old = await authorize({ options: { spec: '2025-03-26' } });
    assert.equal(new URL(old.session.data.authorizationRequest?.url ?? '').searchParams.has('resource'), false);
    assert.ok(findingIds(old.result).includes('authorization.resource-not-in-spec-version'));
    assert.equal(old.session.data.authorizationRequest?.resource, undefined);

    const omitted = await authorize({ options: { omitResource: true } });
    assert.equal(new URL(omitted.session.data.authorizationRequest?.url ?? '').searchParams.has('resource'), false);
    assert.equal(omitted.result.findings.find((f) => f.id === 'authorization.resource-omitted')?.severity, 'warning');
  });

  it('reports a redirect URI that is neither loopback nor https', async () => {
    const { result } = await authorize({ data: { client: { method: 'pre', clientId: 'c', tokenEndpointAuthMethod: 'none', redirectUri: 'http://app.example.com/cb' } } });
    assert.ok(findingIds(result).includes('authorization.redirect-uri-insecure'));
  });

  it('stops without an authorization endpoint', async () => {
    const { result } = await authorize({ as: { issuer: ISSUER } });
    assert.equal(result.outcome.kind, 'failed');
    assert.deepEqual(findingIds(result), ['authorization.no-endpoint']);
  });

  it('is skipped for the client credentials grant', async () => {
    const { result } = await authorize({ options: { grant: 'client_credentials' } });
    assert.equal(result.outcome.kind, 'skipped');
  });
});

describe('authorization-request: interaction', () => {
  it('returns the callback the interaction obtained', async () => {
    const seen: { url: string; redirectUri: string }[] = [];
    const interaction: AuthorizationInteraction = {
      async obtainCallback(request) {
        seen.push(request);
        return `${REDIRECT}?code=abc&state=${new URL(request.url).searchParams.get('state') ?? ''}`;
      },
    };
    const { result, session } = await authorize({ interaction, data: { callbackUrl: 'http://stale.example/cb?code=old' } });
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.url, session.data.authorizationRequest?.url);
    assert.match(session.data.callbackUrl ?? '', /code=abc/);
  });

  it('fails with the interaction\'s explanation', async () => {
    const interaction: AuthorizationInteraction = {
      obtainCallback: async () => {
        throw new Error('the authorization server shows a login page');
      },
    };
    const { result, session } = await authorize({ interaction, data: { callbackUrl: 'http://stale.example/cb?code=old' } });
    assert.equal(result.outcome.kind, 'failed');
    const finding = result.findings.find((f) => f.id === 'authorization.interaction-failed');
    assert.match(finding?.detail ?? '', /login page/);
    assert.ok(session.data.authorizationRequest, 'the request is kept so a person can still finish it');
    assert.equal(session.data.callbackUrl, undefined, 'a stale callback is cleared');
  });

  it('reports the catalogue finding an interaction names', async () => {
    const interaction: AuthorizationInteraction = {
      obtainCallback: async (request, http) => {
        const sent = await http.send({ url: request.url }, exchangeLabel('label.authorization.request'));
        const params = { url: 'https://as.example/authorize', status: '400', excerpt: 'unknown client' };
        throw new InteractionFailure(because('outcome.consent.no-redirect', params), {
          id: 'authorization.no-redirect',
          params,
          evidence: { exchangeId: sent.exchange.id },
        });
      },
    };
    const { result } = await authorize({ interaction });
    assert.deepEqual(findingIds(result), ['authorization.scope-omitted', 'authorization.no-redirect']);
    const finding = result.findings[1];
    assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(finding?.params?.excerpt, 'unknown client');
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'The authorization round trip did not complete: The authorization server answered https://as.example/authorize with HTTP 400 instead of a redirect: unknown client.',
      reasonId: 'outcome.authorization-request.walk-stopped',
      reasonParams: { url: 'https://as.example/authorize', status: '400', excerpt: 'unknown client', walk: '@phrase:outcome.consent.no-redirect' },
      findingId: 'authorization.no-redirect',
    });
    // A run recorded by the command line reads in the page's language: the walk's reason is a phrase, not English.
    assert.equal(
      renderTextRef({ id: result.outcome.kind === 'failed' ? (result.outcome.reasonId ?? '') : '', params: result.outcome.kind === 'failed' ? result.outcome.reasonParams : {} }, 'zh-CN'),
      '授权往返没有完成:授权服务器对 https://as.example/authorize 返回了 HTTP 400,而不是重定向:unknown client。',
    );
  });
});

describe('scope selection strategy', () => {
  const base = { spec: '2026-07-28' as SpecVersion, options: { refresh: false } };

  it('prefers the challenge scope, then scopes_supported, else omits scope', () => {
    assert.deepEqual(selectScope({ ...base, challengeScope: 'files:read', resourceScopesSupported: ['a', 'b'] }).scope, 'files:read');
    assert.deepEqual(selectScope({ ...base, resourceScopesSupported: ['a', 'b'] }), {
      scope: 'a b',
      source: 'scopes-supported',
      offlineAccessAdded: false,
      offlineAccessFromResource: false,
    });
    assert.deepEqual(selectScope(base), { source: 'none', offlineAccessAdded: false, offlineAccessFromResource: false });
    assert.equal(selectScope({ ...base, resourceScopesSupported: [] }).source, 'none');
  });

  it('applies the same order to every spec version', () => {
    for (const spec of ['2025-03-26', '2025-06-18', '2025-11-25'] as const) {
      assert.equal(selectScope({ ...base, spec, challengeScope: 'x', resourceScopesSupported: ['y'] }).scope, 'x');
      assert.equal(selectScope({ ...base, spec, resourceScopesSupported: ['y'] }).scope, 'y');
    }
  });

  it('lets an explicit scope override the strategy, and a step-up override both', () => {
    assert.equal(selectScope({ ...base, options: { scope: 'custom', refresh: false }, challengeScope: 'x' }).scope, 'custom');
    const stepUp = selectScope({ ...base, options: { scope: 'custom', refresh: false }, stepUpScope: 'mcp:write mcp:basic', previousScope: 'mcp:basic' });
    assert.equal(stepUp.source, 'step-up');
    assert.equal(stepUp.scope, 'mcp:basic mcp:write');
  });

  it('adds offline_access only in 2026-07-28 and only when the authorization server lists it', () => {
    const asLists = { asScopesSupported: ['mcp:basic', 'offline_access'] };
    const wanting = { ...base, options: { refresh: true } };
    assert.equal(selectScope({ ...wanting, ...asLists, resourceScopesSupported: ['mcp:basic'] }).scope, 'mcp:basic offline_access');
    assert.equal(selectScope({ ...wanting, asScopesSupported: ['mcp:basic'], resourceScopesSupported: ['mcp:basic'] }).scope, 'mcp:basic');
    assert.equal(selectScope({ ...wanting, spec: '2025-11-25', ...asLists, resourceScopesSupported: ['mcp:basic'] }).scope, 'mcp:basic');
    assert.equal(selectScope({ ...base, ...asLists, resourceScopesSupported: ['mcp:basic'] }).scope, 'mcp:basic', 'not without wanting a refresh token');
  });

  it('drops offline_access the resource lists when the authorization server does not', () => {
    const selection = selectScope({ ...base, options: { refresh: true }, asScopesSupported: ['mcp:basic'], challengeScope: 'mcp:basic offline_access' });
    assert.equal(selection.scope, 'mcp:basic');
    assert.equal(selection.offlineAccessFromResource, true);
  });

  it('reports the scope source and the step-up union in the step', async () => {
    const { result, session } = await authorize({
      data: {
        stepUpScope: 'mcp:write',
        authorizationRequest: authorizationRequestData({ redirectUri: REDIRECT, scope: 'mcp:basic', expectedIssuer: ISSUER }),
      },
    });
    assert.equal(new URL(session.data.authorizationRequest?.url ?? '').searchParams.get('scope'), 'mcp:basic mcp:write');
    assert.equal(result.findings.find((f) => f.id === 'authorization.scope-step-up')?.params?.scope, 'mcp:basic mcp:write');
  });

  it('says the scope came from the person, over the challenge and scopes_supported', async () => {
    const { result, session } = await authorize({
      options: { scope: 'mcp:admin' },
      as: metadata({ scopes_supported: ['mcp:tools'] }),
      data: { probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' } },
    });
    assert.equal(new URL(session.data.authorizationRequest?.url ?? '').searchParams.get('scope'), 'mcp:admin');
    const finding = result.findings.find((f) => f.id === 'authorization.scope-from-option');
    assert.equal(finding?.severity, 'info');
    assert.equal(finding?.params?.scope, 'mcp:admin');
    // Without the option, the challenge's scope is used and said so.
    const fromChallenge = await authorize({ data: { probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' } } });
    assert.ok(findingIds(fromChallenge.result).includes('authorization.scope-from-challenge'));
    assert.ok(!findingIds(fromChallenge.result).includes('authorization.scope-from-option'));
  });

  it('reports offline_access in the resource scopes as a server warning', async () => {
    const { result } = await authorize({
      as: metadata({ scopes_supported: ['mcp:tools', 'offline_access'] }),
      data: { protectedResource: { metadataUrl: 'x', resource: SERVER, authorizationServers: [ISSUER], scopesSupported: ['mcp:tools', 'offline_access'], document: {} } },
    });
    assert.ok(findingIds(result).includes('authorization.offline-access-in-resource-scopes'));
    assert.ok(findingIds(result).includes('authorization.scope-from-scopes-supported'));
  });
});

describe('resourceFor', () => {
  it('is the canonical server URI from 2025-06-18 on', () => {
    assert.equal(resourceFor('2025-06-18', { serverUrl: 'HTTPS://MCP.Example.com:443/mcp#x', omitResource: false }), 'https://mcp.example.com/mcp');
    assert.equal(resourceFor('2025-03-26', { serverUrl: SERVER, omitResource: false }), undefined);
  });

  it('is the resource identifier the metadata publishes, exactly as published (no slash added to a pathless one)', () => {
    const options = { serverUrl: 'http://localhost:3001/mcp', omitResource: false };
    assert.equal(resourceFor('2026-07-28', options, 'http://localhost:3001'), 'http://localhost:3001');
    assert.equal(resourceFor('2026-07-28', options, 'http://localhost:3001/mcp'), 'http://localhost:3001/mcp');
    // Another server's identifier is not this server's: the canonical URI is sent (and PRM reports the mismatch).
    assert.equal(resourceFor('2026-07-28', options, 'https://evil.example.com/mcp'), 'http://localhost:3001/mcp');
  });
});
