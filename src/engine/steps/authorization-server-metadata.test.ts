import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import type { SpecVersion } from '../types.js';
import { cannedTransport, findingIds, runOneStep, type CannedRoute } from '../test-kit.js';

const SERVER = 'https://mcp.example.com/mcp';
const AS = 'https://auth.example.com/realms/demo';
const OAUTH_INSERTION = 'https://auth.example.com/.well-known/oauth-authorization-server/realms/demo';
const OIDC_INSERTION = 'https://auth.example.com/.well-known/openid-configuration/realms/demo';
const OIDC_APPENDING = 'https://auth.example.com/realms/demo/.well-known/openid-configuration';

function metadata(overrides: Record<string, unknown> = {}, issuer = AS): Record<string, unknown> {
  const base: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    registration_endpoint: `${issuer}/register`,
    jwks_uri: `${issuer}/jwks`,
    scopes_supported: ['mcp:tools'],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
    authorization_response_iss_parameter_supported: true,
  };
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[field];
    else base[field] = value;
  }
  return base;
}

const prmData = (issuer = AS): FlowData => ({
  probe: { status: 401, challenges: [] },
  protectedResource: { metadataUrl: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp', resource: SERVER, authorizationServers: [issuer], document: {} },
});

async function discover(routes: Record<string, CannedRoute>, options: Partial<FlowOptions> = {}, data: FlowData = prmData()) {
  const transport = cannedTransport(routes);
  const run = await runOneStep('authorization-server-metadata', transport, { serverUrl: SERVER, ...options }, data);
  return { ...run, transport };
}

const failedWith = (outcome: { kind: string; findingId?: string }) => (outcome.kind === 'failed' ? outcome.findingId : undefined);

describe('authorization-server-metadata step: candidate order', () => {
  it('2025-11-25 and 2026-07-28, issuer with a path: RFC 8414 insertion, OIDC insertion, OIDC appending', async () => {
    for (const spec of ['2025-11-25', '2026-07-28'] as const) {
      const { result, transport } = await discover({ [OIDC_APPENDING]: { body: metadata() } }, { spec });
      assert.deepEqual(transport.urls(), [OAUTH_INSERTION, OIDC_INSERTION, OIDC_APPENDING], spec);
      assert.deepEqual(findingIds(result), [], spec);
      assert.deepEqual(result.outcome, { kind: 'ok' });
      assert.equal(result.data.authorizationServer?.metadataUrl, OIDC_APPENDING);
      assert.equal(result.data.authorizationServer?.authorizationServer, AS);
      assert.equal(result.data.authorizationServer?.fallback, false);
      assert.equal(result.data.authorizationServer?.metadata.token_endpoint, `${AS}/token`);
    }
  });

  it('stops at the first usable document', async () => {
    const { transport } = await discover({ [OAUTH_INSERTION]: { body: metadata() }, [OIDC_INSERTION]: { body: metadata() } });
    assert.deepEqual(transport.urls(), [OAUTH_INSERTION]);
  });

  it('issuer without a path: RFC 8414 then OIDC', async () => {
    const issuer = 'https://auth.example.com';
    const { result, transport } = await discover({}, { spec: '2025-11-25' }, prmData(issuer));
    assert.deepEqual(transport.urls(), ['https://auth.example.com/.well-known/oauth-authorization-server', 'https://auth.example.com/.well-known/openid-configuration']);
    assert.deepEqual(findingIds(result), ['asm.not-found']);
    assert.equal(failedWith(result.outcome), 'asm.not-found');
    assert.equal(result.findings[0]?.params?.tried, transport.urls().join(', '));
  });

  it('2025-06-18: the RFC 8414 URL first; a document found only at an OIDC URL is reported', async () => {
    const routes = { [OIDC_INSERTION]: { body: metadata() } };
    const old = await discover(routes, { spec: '2025-06-18' });
    assert.deepEqual(old.transport.urls(), [OAUTH_INSERTION, OIDC_INSERTION]);
    assert.deepEqual(findingIds(old.result), ['asm.oauth-metadata-missing']);
    assert.equal(old.result.findings[0]?.severity, 'error');
    assert.deepEqual(old.result.findings[0]?.params, { url: OAUTH_INSERTION, found: OIDC_INSERTION });
    assert.equal(old.result.outcome.kind, 'ok');
    const newer = await discover(routes, { spec: '2025-11-25' });
    assert.deepEqual(findingIds(newer.result), []);
  });

  it('fails without an authorization server from the previous step', async () => {
    const { result, transport } = await discover({}, {}, { probe: { status: 401, challenges: [] } });
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(transport.requests.length, 0);
  });
});

describe('authorization-server-metadata step: 2025-03-26', () => {
  const LEGACY = 'https://mcp.example.com/.well-known/oauth-authorization-server';

  it('asks the MCP server origin with MCP-Protocol-Version and accepts the origin as issuer', async () => {
    const { result, transport } = await discover(
      { [LEGACY]: { body: metadata({}, 'https://mcp.example.com/') } },
      { spec: '2025-03-26', extraHeaders: [['x-api-key', 'k1']] },
      { probe: { status: 401, challenges: [] } },
    );
    assert.deepEqual(transport.urls(), [LEGACY]);
    assert.deepEqual(transport.requests[0]?.headers, [
      ['accept', 'application/json'],
      ['mcp-protocol-version', '2025-03-26'],
      ['x-api-key', 'k1'],
    ]);
    assert.deepEqual(findingIds(result), []);
    assert.equal(result.data.authorizationServer?.authorizationServer, 'https://mcp.example.com');
    assert.equal(result.data.authorizationServer?.fallback, false);
  });

  it('takes the issuer the document declares, even with a path, and goes on', async () => {
    const { result } = await discover(
      { [LEGACY]: { body: metadata({ authorization_endpoint: 'https://mcp.example.com/oauth/authorize' }, 'https://mcp.example.com/oauth') } },
      { spec: '2025-03-26' },
      {},
    );
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['asm.issuer-not-server-origin']);
    assert.equal(result.data.authorizationServer?.metadata.issuer, 'https://mcp.example.com/oauth');
    assert.equal(result.data.authorizationServer?.metadata.authorization_endpoint, 'https://mcp.example.com/oauth/authorize');
  });

  it('falls back to the default endpoints when the metadata is not there', async () => {
    const { result } = await discover({}, { spec: '2025-03-26' }, {});
    assert.deepEqual(findingIds(result), ['asm.default-endpoints']);
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(result.data.authorizationServer, {
      authorizationServer: 'https://mcp.example.com',
      metadataUrl: LEGACY,
      metadata: {
        issuer: 'https://mcp.example.com',
        authorization_endpoint: 'https://mcp.example.com/authorize',
        token_endpoint: 'https://mcp.example.com/token',
        registration_endpoint: 'https://mcp.example.com/register',
      },
      fallback: true,
    });
  });

  it('also falls back after a broken answer, and says what was wrong with it', async () => {
    const { result } = await discover({ [LEGACY]: { status: 500, body: 'oops' } }, { spec: '2025-03-26' }, {});
    assert.deepEqual(findingIds(result), ['asm.unexpected-status', 'asm.default-endpoints']);
    assert.equal(result.data.authorizationServer?.fallback, true);
  });

  it('the default-endpoint finding does not exist in later versions', async () => {
    const { result } = await discover({}, { spec: '2025-06-18' });
    assert.deepEqual(findingIds(result), ['asm.not-found']);
  });
});

describe('authorization-server-metadata step: transport and documents', () => {
  it('HTML, invalid JSON, a 10 MB body, a timeout and a 5xx are reported and the next URL is tried', async () => {
    const cases: [CannedRoute, string][] = [
      [{ headers: { 'content-type': 'text/html' }, body: '<html><body>login</body></html>' }, 'http.not-json'],
      [{ headers: { 'content-type': 'application/json' }, body: '[1, 2' }, 'http.not-json'],
      [{ headers: { 'content-type': 'application/json' }, body: ' '.repeat(10 * 1024 * 1024) }, 'http.body-too-large'],
      [{ error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } }, 'http.unreachable'],
      [{ status: 503, body: 'maintenance' }, 'asm.unexpected-status'],
    ];
    for (const [answer, id] of cases) {
      const { result, transport } = await discover({ [OAUTH_INSERTION]: answer, [OIDC_INSERTION]: { body: metadata() } });
      assert.deepEqual(transport.urls(), [OAUTH_INSERTION, OIDC_INSERTION], id);
      assert.deepEqual(findingIds(result), [id]);
      assert.equal(result.outcome.kind, 'ok');
    }
  });

  it('follows a same-origin redirect as a recorded hop, not a cross-origin one', async () => {
    const followed = await discover({
      [OAUTH_INSERTION]: { status: 308, headers: { location: '/realms/demo/metadata' }, body: '' },
      'https://auth.example.com/realms/demo/metadata': { body: metadata() },
    });
    assert.deepEqual(followed.transport.urls(), [OAUTH_INSERTION, 'https://auth.example.com/realms/demo/metadata']);
    assert.deepEqual(findingIds(followed.result), ['asm.redirect']);
    assert.equal(followed.result.exchanges.length, 2);

    const notFollowed = await discover({
      [OAUTH_INSERTION]: { status: 302, headers: { location: 'https://login.example.net/.well-known/openid-configuration' }, body: '' },
      [OIDC_INSERTION]: { body: metadata() },
    });
    assert.deepEqual(notFollowed.transport.urls(), [OAUTH_INSERTION, OIDC_INSERTION]);
    assert.deepEqual(findingIds(notFollowed.result), ['asm.redirect-not-followed']);
  });

  it('a 2xx other than 200 is reported, read, and a strict library refuses it', async () => {
    const { result } = await discover({ [OAUTH_INSERTION]: { status: 203, body: metadata() } });
    assert.deepEqual(findingIds(result), ['asm.unexpected-status', 'asm.strict-client-rejects']);
    assert.equal(result.outcome.kind, 'ok');
  });
});

describe('authorization-server-metadata step: validation', () => {
  const at = (doc: Record<string, unknown>, options: Partial<FlowOptions> = {}) => discover({ [OAUTH_INSERTION]: { body: doc } }, options);

  it('an issuer for another server stops the flow; lenient runs go on', async () => {
    const doc = metadata({ issuer: 'https://honest.example.com' });
    const strict = await at(doc);
    assert.deepEqual(findingIds(strict.result), ['asm.issuer-mismatch']);
    assert.deepEqual(strict.result.findings[0]?.params, { url: OAUTH_INSERTION, issuer: 'https://honest.example.com', expected: AS });
    assert.equal(strict.result.findings[0]?.evidence?.pointer, '/issuer');
    assert.equal(failedWith(strict.result.outcome), 'asm.issuer-mismatch');
    const lenient = await at(doc, { lenient: true });
    assert.equal(lenient.result.outcome.kind, 'ok');
  });

  it('an issuer that only differs by a trailing slash is not identical and stops too', async () => {
    const { result } = await at(metadata({ issuer: `${AS}/` }));
    assert.deepEqual(findingIds(result), ['asm.issuer-not-identical']);
    assert.equal(failedWith(result.outcome), 'asm.issuer-not-identical');
  });

  it('a missing issuer cannot be validated', async () => {
    const { result } = await at(metadata({ issuer: undefined }));
    assert.deepEqual(findingIds(result), ['asm.issuer-mismatch']);
    assert.equal(result.findings[0]?.params?.issuer, phrase('value.missing'));
    assert.match(result.findings[0]?.detail ?? '', /says "issuer": "\(missing\)"/);
  });

  it('no code_challenge_methods_supported: MCP clients refuse to proceed from 2025-11-25 on', async () => {
    const doc = metadata({ code_challenge_methods_supported: undefined });
    const expectations: [SpecVersion, string][] = [
      ['2026-07-28', 'failed'],
      ['2025-11-25', 'failed'],
      ['2025-06-18', 'ok'],
    ];
    for (const [spec, outcome] of expectations) {
      const { result } = await at(doc, { spec });
      assert.deepEqual(findingIds(result), ['asm.pkce-unsupported'], spec);
      assert.equal(result.outcome.kind, outcome, spec);
    }
    assert.equal((await at(doc, { lenient: true })).result.outcome.kind, 'ok');
    assert.deepEqual(findingIds((await at(metadata({ code_challenge_methods_supported: [] }))).result), ['asm.pkce-unsupported']);
  });

  it('PKCE without S256 is an error that does not stop', async () => {
    const { result } = await at(metadata({ code_challenge_methods_supported: ['plain'] }));
    assert.deepEqual(findingIds(result), ['asm.pkce-s256-missing']);
    assert.equal(result.outcome.kind, 'ok');
  });

  it('reports missing endpoints', async () => {
    const { result } = await at(metadata({ authorization_endpoint: undefined, token_endpoint: undefined }));
    assert.deepEqual(
      result.findings.map((f) => [f.id, f.params?.field]),
      [
        ['asm.missing-endpoint', 'authorization_endpoint'],
        ['asm.missing-endpoint', 'token_endpoint'],
      ],
    );
  });

  it('endpoints must be https, except on loopback hosts', async () => {
    const remote = await at(metadata({ token_endpoint: 'http://auth.example.com/token' }));
    assert.deepEqual(findingIds(remote.result), ['asm.endpoint-not-https']);
    assert.equal(remote.result.findings[0]?.params?.field, 'token_endpoint');

    const local = 'http://localhost:8080/realms/demo';
    const loopback = await discover(
      { 'http://localhost:8080/.well-known/oauth-authorization-server/realms/demo': { body: metadata({}, local) } },
      {},
      prmData(local),
    );
    assert.deepEqual(findingIds(loopback.result), []);
  });

  it('reports fields of the wrong type and keeps them out of the flow data', async () => {
    const { result } = await at(metadata({ token_endpoint: 42, scopes_supported: 'mcp:tools', authorization_response_iss_parameter_supported: 'yes' }));
    assert.deepEqual(
      result.findings.map((f) => [f.id, f.params?.field ?? '']),
      [
        ['asm.invalid-field', 'token_endpoint'],
        ['asm.invalid-field', 'scopes_supported'],
        ['asm.invalid-field', 'authorization_response_iss_parameter_supported'],
        ['asm.iss-parameter-not-advertised', ''],
      ],
    );
    const kept = result.data.authorizationServer?.metadata;
    assert.equal(kept?.token_endpoint, undefined);
    assert.equal(kept?.scopes_supported, undefined);
    assert.equal(kept?.authorization_endpoint, `${AS}/authorize`);
  });

  it('response types: missing is a warning, without "code" an error', async () => {
    assert.deepEqual(findingIds((await at(metadata({ response_types_supported: undefined }))).result), ['asm.response-types-missing']);
    const { result } = await at(metadata({ response_types_supported: ['token'] }));
    assert.deepEqual(findingIds(result), ['asm.code-response-type-unsupported']);
  });

  it('grant types are checked against the grant the run uses', async () => {
    assert.deepEqual(findingIds((await at(metadata({ grant_types_supported: ['client_credentials'] }))).result), ['asm.grant-type-not-advertised']);
    assert.deepEqual(findingIds((await at(metadata({ grant_types_supported: undefined }))).result), []);
    // The RFC 8414 default has no client_credentials; PKCE and the code flow are not needed for that grant.
    const cc = await at(metadata({ grant_types_supported: undefined, code_challenge_methods_supported: undefined, response_types_supported: undefined }), {
      grant: 'client_credentials',
    });
    assert.deepEqual(findingIds(cc.result), ['asm.grant-type-not-advertised']);
    assert.equal(cc.result.findings[0]?.params?.grants, phrase('value.absent'));
  });

  it('notes when public clients cannot authenticate and when iss is not advertised', async () => {
    const { result } = await at(metadata({ token_endpoint_auth_methods_supported: undefined, authorization_response_iss_parameter_supported: undefined }));
    assert.deepEqual(findingIds(result), ['asm.public-clients-unsupported', 'asm.iss-parameter-not-advertised']);
    assert.ok(result.findings.every((f) => f.severity === 'info'));
    assert.equal(result.findings[0]?.params?.methods, phrase('value.absent'));
  });
});

describe('authorization-server-metadata step: endpoints a browser may be sent to', () => {
  it('an authorization endpoint that is not http(s) is unusable, and the flow stops before any navigation', async () => {
    for (const endpoint of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const { result, session } = await discover({ [OAUTH_INSERTION]: { body: metadata({ authorization_endpoint: endpoint }) } });
      const invalid = result.findings.find((f) => f.id === 'asm.invalid-field' && f.params?.field === 'authorization_endpoint');
      assert.ok(invalid, `${endpoint}: ${result.findings.map((f) => f.id).join(', ')}`);
      assert.equal(invalid.severity, 'error');
      assert.equal(session.data.authorizationServer?.metadata.authorization_endpoint, undefined, endpoint);

      const data = { ...session.data, client: { method: 'pre' as const, clientId: 'c', tokenEndpointAuthMethod: 'none' as const, redirectUri: 'http://127.0.0.1:4280/callback' } };
      const { result: request, session: after } = await runOneStep('authorization-request', cannedTransport({}), { serverUrl: SERVER }, data);
      assert.deepEqual(findingIds(request), ['authorization.no-endpoint']);
      assert.equal(request.outcome.kind, 'failed');
      assert.equal(after.status.kind, 'stopped');
    }
  });
});
