import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthorizationServerMetadata, FlowData } from '../flow-data.js';
import { defaultFlowOptions, type FlowOptions } from '../options.js';
import { authorizationServerData, cannedTransport, findingIds, runOneStep, type CannedAnswer, type CannedTransport } from '../test-kit.js';
import type { SpecVersion } from '../types.js';
import {
  applicationTypeFor,
  buildRegistrationRequest,
  chooseTokenEndpointAuthMethod,
  requestedAuthMethod,
  selectRegistrationPath,
} from './client-registration.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com/realms/demo';
const REGISTER = `${ISSUER}/register`;
const CIMD_URL = 'https://client.example.net/oauth/client.json';

const json = (status: number, body: unknown): CannedAnswer => ({ status, body });

function metadata(extra: Partial<AuthorizationServerMetadata> = {}): AuthorizationServerMetadata {
  return {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    token_endpoint: `${ISSUER}/token`,
    code_challenge_methods_supported: ['S256'],
    ...extra,
  };
}

/** Routes keyed by "METHOD URL"; a request to anything else gets a 404. */
async function register(options: Partial<FlowOptions>, asMetadata: AuthorizationServerMetadata, routes: Record<string, CannedAnswer> = {}) {
  const transport = cannedTransport(routes);
  const data: FlowData = { authorizationServer: authorizationServerData(asMetadata) };
  const { result, session } = await runOneStep('client-registration', transport, { serverUrl: SERVER, ...options }, data);
  return { result, session, transport };
}


describe('selectRegistrationPath (auto priority per spec version)', () => {
  const everything = metadata({ client_id_metadata_document_supported: true, registration_endpoint: REGISTER });
  const auto = { registration: 'auto', grant: 'authorization_code' } as const;

  it('prefers a pre-registered client in every version', () => {
    for (const spec of ['2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const) {
      assert.equal(selectRegistrationPath({ ...auto, clientId: 'known', clientMetadataUrl: CIMD_URL }, spec, everything), 'pre');
    }
  });

  it('uses CIMD from 2025-11-25 when supported and configured, DCR before', () => {
    const expected: Record<SpecVersion, string> = { '2025-03-26': 'dcr', '2025-06-18': 'dcr', '2025-11-25': 'cimd', '2026-07-28': 'cimd' };
    for (const [spec, path] of Object.entries(expected) as [SpecVersion, string][]) {
      assert.equal(selectRegistrationPath({ ...auto, clientMetadataUrl: CIMD_URL }, spec, everything), path, spec);
    }
  });

  it('falls back to DCR when CIMD is not advertised or no URL is configured', () => {
    assert.equal(selectRegistrationPath({ ...auto, clientMetadataUrl: CIMD_URL }, '2026-07-28', metadata({ registration_endpoint: REGISTER })), 'dcr');
    assert.equal(selectRegistrationPath(auto, '2026-07-28', everything), 'dcr');
  });

  it('finds no path without client, CIMD or registration endpoint', () => {
    assert.equal(selectRegistrationPath({ ...auto, clientMetadataUrl: CIMD_URL }, '2026-07-28', metadata()), undefined);
  });

  it('returns a forced mode as is', () => {
    assert.equal(selectRegistrationPath({ ...auto, registration: 'dcr', clientId: 'known' }, '2026-07-28', everything), 'dcr');
  });
});

describe('token endpoint auth method', () => {
  it('forced beats registered beats advertised', () => {
    assert.equal(chooseTokenEndpointAuthMethod({ forced: 'client_secret_post', registered: 'none', hasSecret: true, hasPrivateKey: false }), 'client_secret_post');
    assert.equal(chooseTokenEndpointAuthMethod({ registered: 'client_secret_post', supported: ['client_secret_basic'], hasSecret: true, hasPrivateKey: false }), 'client_secret_post');
  });

  it('prefers basic, then post, for a secret; none for a public client', () => {
    assert.equal(chooseTokenEndpointAuthMethod({ supported: ['client_secret_post', 'client_secret_basic'], hasSecret: true, hasPrivateKey: false }), 'client_secret_basic');
    assert.equal(chooseTokenEndpointAuthMethod({ supported: ['client_secret_post', 'none'], hasSecret: true, hasPrivateKey: false }), 'client_secret_post');
    assert.equal(chooseTokenEndpointAuthMethod({ supported: ['client_secret_basic', 'none'], hasSecret: false, hasPrivateKey: false }), 'none');
    // RFC 8414 default when the list is absent.
    assert.equal(chooseTokenEndpointAuthMethod({ hasSecret: true, hasPrivateKey: false }), 'client_secret_basic');
    assert.equal(chooseTokenEndpointAuthMethod({ supported: ['private_key_jwt', 'client_secret_basic'], hasSecret: true, hasPrivateKey: true }), 'private_key_jwt');
  });

  it('asks DCR for a public client unless the server only takes secrets', () => {
    const base = { grant: 'authorization_code' } as const;
    assert.equal(requestedAuthMethod(base, undefined), 'none');
    assert.equal(requestedAuthMethod(base, ['client_secret_basic', 'none']), 'none');
    assert.equal(requestedAuthMethod(base, ['client_secret_post']), 'client_secret_post');
    assert.equal(requestedAuthMethod({ grant: 'client_credentials' }, ['none', 'client_secret_basic']), 'client_secret_basic');
  });
});

describe('application_type', () => {
  it('is native for loopback and private-use redirect URIs, web otherwise', () => {
    assert.equal(applicationTypeFor('http://127.0.0.1:4280/callback'), 'native');
    assert.equal(applicationTypeFor('http://localhost:3000/cb'), 'native');
    assert.equal(applicationTypeFor('com.example.app:/oauth'), 'native');
    assert.equal(applicationTypeFor('https://app.example.com/callback'), 'web');
  });
});

describe('client-registration: pre-registered', () => {
  it('uses the given client and picks the advertised secret method', async () => {
    const { result, session, transport } = await register(
      { registration: 'pre', clientId: 'my-client', clientSecret: 's3cret' },
      metadata({ token_endpoint_auth_methods_supported: ['client_secret_post'] }),
    );
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(transport.requests.length, 0);
    assert.deepEqual(findingIds(result), ['registration.using-pre-registered']);
    assert.deepEqual(session.data.client, {
      method: 'pre',
      clientId: 'my-client',
      issuer: ISSUER,
      clientSecret: 's3cret',
      tokenEndpointAuthMethod: 'client_secret_post',
      redirectUri: 'http://127.0.0.1:4280/callback',
    });
  });

  it('fails when pre is forced without a client_id', async () => {
    const { result } = await register({ registration: 'pre' }, metadata());
    assert.equal(result.outcome.kind, 'failed');
    assert.deepEqual(findingIds(result), ['registration.pre-client-id-missing']);
  });

  it('stops when a forced secret method has no secret', async () => {
    const { result } = await register({ registration: 'pre', clientId: 'c', tokenEndpointAuthMethod: 'client_secret_basic' }, metadata());
    assert.equal(result.outcome.kind, 'failed');
    assert.ok(findingIds(result).includes('registration.auth-method-missing-credential'));
  });

  it('warns when the method this client can use is not one the server advertises', async () => {
    const { result, session } = await register({ registration: 'pre', clientId: 'public-client' }, metadata({ token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'] }));
    assert.deepEqual(findingIds(result), ['registration.using-pre-registered', 'registration.auth-method-unsupported']);
    const finding = result.findings[1];
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.params, { method: 'none', supported: 'client_secret_basic private_key_jwt' });
    assert.equal(session.data.client?.tokenEndpointAuthMethod, 'none');
    // The same public client where the server lists none.
    const listed = await register({ registration: 'pre', clientId: 'public-client' }, metadata({ token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'] }));
    assert.deepEqual(findingIds(listed.result), ['registration.using-pre-registered']);
  });

  it('refuses a public client for the client credentials grant', async () => {
    const { result } = await register({ registration: 'pre', clientId: 'c', grant: 'client_credentials' }, metadata());
    assert.equal(result.outcome.kind, 'failed');
    assert.ok(findingIds(result).includes('registration.client-credentials-public'));
  });
});

describe('client-registration: auto with no path', () => {
  it('reports registration.no-path and stops', async () => {
    const { result } = await register({}, metadata());
    assert.equal(result.outcome.kind, 'failed');
    assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : '', 'registration.no-path');
    const finding = result.findings.find((f) => f.id === 'registration.no-path');
    assert.equal(finding?.severity, 'error');
  });
});

describe('client-registration: dynamic registration', () => {
  const asWithDcr = metadata({ registration_endpoint: REGISTER, token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'] });

  function sentBody(transport: CannedTransport): Record<string, unknown> {
    const request = transport.requests.find((r) => r.method === 'POST' && r.url === REGISTER);
    assert.ok(request?.body, 'a registration request was sent');
    return JSON.parse(request.body) as Record<string, unknown>;
  }

  it('sends RFC 7591 metadata with application_type only for 2026-07-28', async () => {
    const answer = { [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-1', redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }) };
    const newest = await register({ spec: '2026-07-28' }, asWithDcr, answer);
    assert.deepEqual(sentBody(newest.transport), {
      client_name: 'mcp-auth-debugger',
      redirect_uris: ['http://127.0.0.1:4280/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
    });
    assert.equal(newest.result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(newest.result), ['registration.dcr-deprecated', 'registration.using-dcr']);
    assert.equal(newest.session.data.client?.clientId, 'dyn-1');
    assert.equal(newest.session.data.client?.tokenEndpointAuthMethod, 'none');

    const older = await register({ spec: '2025-11-25' }, asWithDcr, answer);
    assert.equal('application_type' in sentBody(older.transport), false);
    assert.deepEqual(findingIds(older.result), ['registration.using-dcr']);
  });

  it('warns when the registration response leaves redirect_uris out (RFC 7591 §3.2.1: all registered metadata)', async () => {
    const { result, session } = await register({ spec: '2025-11-25' }, asWithDcr, { [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-r', token_endpoint_auth_method: 'none' }) });
    assert.deepEqual(findingIds(result), ['registration.dcr-redirect-uris-not-echoed', 'registration.using-dcr']);
    const finding = result.findings[0];
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.client?.clientId, 'dyn-r');
    // Under client_credentials no redirect URI was registered, so none is expected back.
    const noRedirect = await register({ spec: '2025-11-25', grant: 'client_credentials' }, asWithDcr, {
      [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-c', client_secret: 'sec', client_secret_expires_at: 0, token_endpoint_auth_method: 'client_secret_basic' }),
    });
    assert.ok(!findingIds(noRedirect.result).includes('registration.dcr-redirect-uris-not-echoed'), findingIds(noRedirect.result).join(', '));
  });

  it('warns about a registered token_endpoint_auth_method the debugger does not know, and picks one itself', async () => {
    const { result, session } = await register({ spec: '2025-11-25' }, asWithDcr, {
      [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-u', redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'tls_client_auth' }),
    });
    const finding = result.findings.find((f) => f.id === 'registration.auth-method-unusable');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.params, { method: 'tls_client_auth' });
    assert.equal(finding?.evidence?.pointer, '/token_endpoint_auth_method');
    assert.equal(session.data.client?.tokenEndpointAuthMethod, 'none');
  });

  it('registers for the scope the authorization request will ask for, as the MCP SDKs do', async () => {
    const transport = cannedTransport({ [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-s', redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }) });
    const data: FlowData = {
      authorizationServer: authorizationServerData({ ...asWithDcr, scopes_supported: ['mcp:tools', 'offline_access'] }),
      probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' },
    };
    const { result } = await runOneStep('client-registration', transport, { serverUrl: SERVER }, data);
    assert.equal(result.outcome.kind, 'ok');
    assert.equal((JSON.parse(transport.requests[0]?.body ?? '{}') as { scope?: string }).scope, 'mcp:tools offline_access');
  });

  it('reports a refused registration for advertised scopes, and registers again without a scope', async () => {
    const transport = cannedTransport({
      [`POST ${REGISTER}`]: (request) =>
        (JSON.parse(request.body ?? '{}') as { scope?: string }).scope !== undefined
          ? json(400, { error: 'invalid_client_metadata', error_description: 'scope must only contain Available scopes' })
          : json(201, { client_id: 'dyn-t', redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }),
    });
    const data: FlowData = {
      authorizationServer: authorizationServerData({ ...asWithDcr, scopes_supported: ['mcp:tools', 'offline_access'] }),
      probe: { status: 401, challenges: [], challengeScope: 'mcp:tools' },
    };
    const { result, session } = await runOneStep('client-registration', transport, { serverUrl: SERVER }, data);
    assert.equal(result.outcome.kind, 'ok');
    const refused = result.findings.find((f) => f.id === 'registration.advertised-scope-refused');
    assert.equal(refused?.severity, 'error');
    assert.equal(refused?.params?.scope, 'mcp:tools offline_access');
    assert.equal(refused?.params?.error, 'invalid_client_metadata');
    assert.deepEqual(result.exchanges.map((e) => e.label), ['dynamic client registration', 'dynamic client registration (without scope)']);
    assert.equal(session.data.client?.clientId, 'dyn-t');
  });

  it('sends application_type web for a remote redirect URI', async () => {
    const body = buildRegistrationRequest(defaultFlowOptions(SERVER, { redirectUri: 'https://app.example.com/cb', scope: 'mcp:tools' }), '2026-07-28', asWithDcr);
    assert.equal(body.application_type, 'web');
    assert.equal(body.scope, 'mcp:tools');
  });

  it('registers a confidential machine client for client_credentials', async () => {
    const body = buildRegistrationRequest(defaultFlowOptions(SERVER, { grant: 'client_credentials' }), '2025-06-18', asWithDcr);
    assert.deepEqual(body.grant_types, ['client_credentials']);
    assert.equal(body.redirect_uris, undefined);
    assert.equal(body.token_endpoint_auth_method, 'client_secret_basic');
  });

  it('keeps the issued secret for the flow but not in the stored registration', async () => {
    const { result, session } = await register({ spec: '2025-06-18' }, asWithDcr, {
      [`POST ${REGISTER}`]: json(201, {
        client_id: 'dyn-2',
        client_secret: 'issued-secret',
        client_secret_expires_at: 0,
        registration_access_token: 'rat',
        redirect_uris: ['http://127.0.0.1:4280/callback'],
        token_endpoint_auth_method: 'client_secret_basic',
      }),
    });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['registration.dcr-auth-method-changed', 'registration.using-dcr']);
    assert.equal(session.data.client?.clientSecret, 'issued-secret');
    assert.equal(session.data.client?.tokenEndpointAuthMethod, 'client_secret_basic');
    assert.equal(session.data.client?.registration?.client_secret, undefined);
    assert.equal(session.data.client?.registration?.registration_access_token, undefined);
  });

  it('reports 200 instead of 201, missing secret expiry and a replaced redirect URI', async () => {
    const { result } = await register({}, asWithDcr, {
      [`POST ${REGISTER}`]: json(200, { client_id: 'dyn-3', client_secret: 'x', redirect_uris: ['https://elsewhere.example/cb'], token_endpoint_auth_method: 'none' }),
    });
    assert.equal(result.outcome.kind, 'ok');
    const found = findingIds(result);
    for (const id of ['registration.dcr-status-not-201', 'registration.dcr-redirect-uri-replaced', 'registration.dcr-secret-expiry-missing']) {
      assert.ok(found.includes(id), `${id} in ${found.join(', ')}`);
    }
    assert.equal(found.includes('registration.dcr-library-rejected'), false, 'the library verdict only adds what the checks missed');
  });

  it('stops on a registration error and surfaces error and description', async () => {
    const { result } = await register({}, asWithDcr, {
      [`POST ${REGISTER}`]: json(400, { error: 'invalid_redirect_uri', error_description: 'loopback not allowed for web clients' }),
    });
    assert.equal(result.outcome.kind, 'failed');
    const finding = result.findings.find((f) => f.id === 'registration.dcr-rejected');
    assert.equal(finding?.params?.error, 'invalid_redirect_uri');
    assert.equal(finding?.params?.applicationType, 'native');
    assert.match(finding?.detail ?? '', /loopback not allowed/);
  });

  it('stops when the response has no client_id', async () => {
    const { result } = await register({}, asWithDcr, { [`POST ${REGISTER}`]: json(201, { client_name: 'x' }) });
    assert.equal(result.outcome.kind, 'failed');
    assert.ok(findingIds(result).includes('registration.dcr-client-id-missing'));
  });

  it('reports an HTML answer as not JSON', async () => {
    const { result } = await register({}, asWithDcr, { [`POST ${REGISTER}`]: { status: 201, headers: [['content-type', 'text/html']], body: '<html>login</html>' } });
    assert.equal(result.outcome.kind, 'failed');
    assert.ok(findingIds(result).includes('http.not-json'));
  });

  it('lets the strict library verdict catch what the own checks do not', async () => {
    const { result } = await register({}, asWithDcr, {
      [`POST ${REGISTER}`]: json(201, { client_id: 'dyn-4', client_secret: 42, redirect_uris: ['http://127.0.0.1:4280/callback'], token_endpoint_auth_method: 'none' }),
    });
    assert.ok(findingIds(result).includes('registration.dcr-library-rejected'), findingIds(result).join(', '));
  });

  it('fails when dcr is forced without a registration endpoint', async () => {
    const { result } = await register({ registration: 'dcr' }, metadata());
    assert.equal(result.outcome.kind, 'failed');
    assert.deepEqual(findingIds(result), ['registration.dcr-unsupported']);
  });
});

describe('client-registration: Client ID Metadata Document', () => {
  const asWithCimd = metadata({ client_id_metadata_document_supported: true, token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'] });
  const goodDocument = {
    client_id: CIMD_URL,
    client_name: 'Debugger',
    redirect_uris: ['http://127.0.0.1:4280/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_method: 'none',
  };

  it('stops when CIMD is forced without a document URL, sending nothing', async () => {
    const { result, transport } = await register({ registration: 'cimd' }, asWithCimd);
    assert.equal(transport.requests.length, 0);
    assert.deepEqual(findingIds(result), ['registration.cimd-url-missing']);
    assert.equal(result.findings[0]?.severity, 'error');
    assert.deepEqual(result.outcome, {
      kind: 'failed',
      reason: 'Client ID Metadata Document registration was chosen but no metadata URL was given.',
      reasonId: 'outcome.registration.cimd-url-missing',
      findingId: 'registration.cimd-url-missing',
    });
  });

  it('uses the URL as client_id after checking the document', async () => {
    const { result, session, transport } = await register({ clientMetadataUrl: CIMD_URL }, asWithCimd, { [`GET ${CIMD_URL}`]: json(200, goodDocument) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(transport.requests.map((r) => `${r.method} ${r.url}`), [`GET ${CIMD_URL}`]);
    assert.deepEqual(findingIds(result), ['registration.using-cimd']);
    assert.equal(session.data.client?.method, 'cimd');
    assert.equal(session.data.client?.clientId, CIMD_URL);
    assert.equal(session.data.client?.tokenEndpointAuthMethod, 'none');
  });

  it('reports a document whose client_id and redirect_uris do not fit', async () => {
    const { result } = await register({ clientMetadataUrl: CIMD_URL }, asWithCimd, {
      [`GET ${CIMD_URL}`]: json(200, { ...goodDocument, client_id: 'https://client.example.net/other.json', redirect_uris: ['http://localhost:9999/cb'], grant_types: ['authorization_code'] }),
    });
    const found = findingIds(result);
    assert.ok(found.includes('registration.cimd-client-id-mismatch'));
    assert.ok(found.includes('registration.cimd-redirect-uri-missing'));
    assert.ok(found.includes('registration.metadata-no-refresh-grant'));
  });

  it('reports missing required fields and an unreachable document', async () => {
    const missing = await register({ clientMetadataUrl: CIMD_URL }, asWithCimd, { [`GET ${CIMD_URL}`]: json(200, { client_id: CIMD_URL }) });
    const fields = missing.result.findings.filter((f) => f.id === 'registration.cimd-field-missing').map((f) => f.params?.field);
    assert.deepEqual(fields, ['client_name', 'redirect_uris']);

    const gone = await register({ clientMetadataUrl: CIMD_URL }, asWithCimd, { [`GET ${CIMD_URL}`]: { status: 404 } });
    assert.ok(findingIds(gone.result).includes('registration.cimd-document-unavailable'));
  });

  it('warns when CIMD is forced against a server that does not advertise it', async () => {
    const { result } = await register({ registration: 'cimd', clientMetadataUrl: CIMD_URL }, metadata(), { [`GET ${CIMD_URL}`]: json(200, goodDocument) });
    assert.ok(findingIds(result).includes('registration.cimd-unsupported'));
    assert.equal(result.outcome.kind, 'ok');
  });

  it('stops on a client_id URL that is not https with a path', async () => {
    const { result, transport } = await register({ registration: 'cimd', clientMetadataUrl: 'http://client.example.net/' }, asWithCimd);
    assert.equal(result.outcome.kind, 'failed');
    assert.deepEqual(findingIds(result), ['registration.cimd-url-invalid']);
    assert.equal(transport.requests.length, 0);
  });

  it('marks CIMD as foreign to 2025-06-18 when forced there', async () => {
    const { result } = await register({ spec: '2025-06-18', registration: 'cimd', clientMetadataUrl: CIMD_URL }, asWithCimd, { [`GET ${CIMD_URL}`]: json(200, goodDocument) });
    assert.ok(findingIds(result).includes('registration.cimd-not-in-spec-version'));
    assert.equal(findingIds(result).includes('registration.metadata-no-refresh-grant'), false);
  });
});

describe('client-registration: CIMD with a shared-secret method', () => {
  it('reports it and falls back to a public client', async () => {
    const { result, session } = await register(
      { clientMetadataUrl: CIMD_URL },
      metadata({ client_id_metadata_document_supported: true }),
      {
        [`GET ${CIMD_URL}`]: json(200, {
          client_id: CIMD_URL,
          client_name: 'Debugger',
          redirect_uris: ['http://127.0.0.1:4280/callback'],
          grant_types: ['authorization_code', 'refresh_token'],
          token_endpoint_auth_method: 'client_secret_basic',
        }),
      },
    );
    assert.ok(findingIds(result).includes('registration.cimd-shared-secret'));
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(session.data.client?.tokenEndpointAuthMethod, 'none');
  });
});
