import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phrase } from '../checks/finding-phrases.js';
import type { FlowData, ProbeData } from '../flow-data.js';
import type { SpecVersion } from '../types.js';
import { cannedTransport, findingIds, runOneStep, type CannedRoute } from '../test-kit.js';

const SERVER = 'https://mcp.example.com/mcp';
const PATH_AWARE = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
const ROOT = 'https://mcp.example.com/.well-known/oauth-protected-resource';
const AS = 'https://auth.example.com/realms/demo';

const document = (overrides: Record<string, unknown> = {}): CannedRoute => ({
  body: { resource: SERVER, authorization_servers: [AS], scopes_supported: ['mcp:tools'], ...overrides },
});

function probeData(overrides: Partial<ProbeData> = {}): FlowData {
  return { probe: { status: 401, challenges: [], challengeScope: 'mcp:tools', ...overrides } };
}

async function discover(
  routes: Record<string, CannedRoute>,
  options: { spec?: SpecVersion; lenient?: boolean; serverUrl?: string; extraHeaders?: [string, string][] } = {},
  data: FlowData = probeData(),
) {
  const transport = cannedTransport(routes);
  const run = await runOneStep('protected-resource-metadata', transport, { serverUrl: SERVER, ...options }, data);
  return { ...run, transport };
}

describe('protected-resource-metadata step', () => {
  it('uses the resource_metadata URL from the challenge first and fills the flow data', async () => {
    const headerUrl = 'https://mcp.example.com/custom/prm';
    const { result, transport } = await discover({ [headerUrl]: document() }, {}, probeData({ resourceMetadataUrl: headerUrl }));
    assert.deepEqual(transport.urls(), [headerUrl]);
    assert.deepEqual(findingIds(result), []);
    assert.deepEqual(result.outcome, { kind: 'ok' });
    assert.deepEqual(result.data.protectedResource, {
      metadataUrl: headerUrl,
      resource: SERVER,
      authorizationServers: [AS],
      scopesSupported: ['mcp:tools'],
      document: { resource: SERVER, authorization_servers: [AS], scopes_supported: ['mcp:tools'] },
    });
    assert.deepEqual(transport.requests[0]?.headers, [
      ['accept', 'application/json'],
      ['mcp-protocol-version', '2026-07-28'],
    ]);
  });

  it('without a header URL: path-aware first, then root', async () => {
    const { result, transport } = await discover({ [ROOT]: document() });
    assert.deepEqual(transport.urls(), [PATH_AWARE, ROOT]);
    assert.equal(result.data.protectedResource?.metadataUrl, ROOT);
    assert.deepEqual(findingIds(result), []);
  });

  it('the same order in 2025-06-18; skipped in 2025-03-26, which has no PRM', async () => {
    const { transport } = await discover({}, { spec: '2025-06-18' });
    assert.deepEqual(transport.urls(), [PATH_AWARE, ROOT]);
    const legacy = await discover({ [PATH_AWARE]: document() }, { spec: '2025-03-26' });
    assert.equal(legacy.result.outcome.kind, 'skipped');
    assert.match(legacy.result.outcome.kind === 'skipped' ? legacy.result.outcome.reason : '', /2025-03-26/);
    assert.equal(legacy.transport.requests.length, 0);
  });

  it('a server at the root has one well-known URL', async () => {
    const { transport } = await discover({}, { serverUrl: 'https://mcp.example.com' });
    assert.deepEqual(transport.urls(), [ROOT]);
  });

  it('a failing resource_metadata URL is an error; the well-known URLs are still tried', async () => {
    const headerUrl = 'https://mcp.example.com/wrong/prm';
    const { result, transport } = await discover({ [ROOT]: document() }, {}, probeData({ resourceMetadataUrl: headerUrl }));
    assert.deepEqual(transport.urls(), [headerUrl, PATH_AWARE, ROOT]);
    assert.deepEqual(findingIds(result), ['prm.resource-metadata-url-failed']);
    assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
    assert.equal(result.outcome.kind, 'ok');
  });

  it('does not ask the header URL twice when it is a well-known URL', async () => {
    const { transport } = await discover({}, {}, probeData({ resourceMetadataUrl: ROOT }));
    assert.deepEqual(transport.urls(), [ROOT, PATH_AWARE]);
  });

  it('reports prm.not-found with every URL tried', async () => {
    const { result } = await discover({});
    assert.deepEqual(findingIds(result), ['prm.not-found']);
    assert.equal(result.findings[0]?.params?.tried, `${PATH_AWARE}, ${ROOT}`);
    assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'prm.not-found');
  });

  it('HTML, invalid JSON and a 10 MB body are reported and the next candidate is tried', async () => {
    const cases: [CannedRoute, string][] = [
      [{ headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>SPA</title>' }, 'http.not-json'],
      [{ headers: { 'content-type': 'application/json' }, body: '{"resource": ' }, 'http.not-json'],
      [{ headers: { 'content-type': 'application/json' }, body: ' '.repeat(10 * 1024 * 1024) }, 'http.body-too-large'],
    ];
    for (const [answer, id] of cases) {
      const { result, transport } = await discover({ [PATH_AWARE]: answer, [ROOT]: document() });
      assert.deepEqual(transport.urls(), [PATH_AWARE, ROOT]);
      assert.deepEqual(findingIds(result), [id]);
      assert.equal(result.findings[0]?.evidence?.exchangeId, result.exchanges[0]?.id);
      assert.equal(result.outcome.kind, 'ok');
    }
  });

  it('a timeout is reported and the next candidate is tried', async () => {
    const { result } = await discover({ [PATH_AWARE]: { error: { kind: 'timeout', message: 'No complete answer within 300 ms.' } }, [ROOT]: document() });
    assert.deepEqual(findingIds(result), ['http.unreachable']);
    assert.equal(result.findings[0]?.params?.kind, 'timeout');
    assert.equal(result.outcome.kind, 'ok');
  });

  it('a 401 on the metadata is reported (it must be public)', async () => {
    const { result } = await discover({ [PATH_AWARE]: { status: 401, body: '' }, [ROOT]: document() });
    assert.deepEqual(findingIds(result), ['prm.unexpected-status']);
    assert.equal(result.findings[0]?.params?.status, '401');
  });

  it('follows a same-origin redirect as a recorded hop; does not follow a cross-origin one', async () => {
    const followed = await discover({
      [PATH_AWARE]: { status: 301, headers: { location: '/mcp/.well-known/oauth-protected-resource' }, body: '' },
      'https://mcp.example.com/mcp/.well-known/oauth-protected-resource': document(),
    });
    assert.deepEqual(followed.transport.urls(), [PATH_AWARE, 'https://mcp.example.com/mcp/.well-known/oauth-protected-resource']);
    assert.deepEqual(findingIds(followed.result), ['prm.redirect']);
    assert.equal(followed.result.data.protectedResource?.metadataUrl, 'https://mcp.example.com/mcp/.well-known/oauth-protected-resource');

    const notFollowed = await discover({ [PATH_AWARE]: { status: 302, headers: { location: 'https://cdn.example.net/prm' }, body: '' }, [ROOT]: document() });
    assert.deepEqual(notFollowed.transport.urls(), [PATH_AWARE, ROOT]);
    assert.deepEqual(findingIds(notFollowed.result), ['prm.redirect-not-followed']);
    assert.equal(notFollowed.result.findings[0]?.params?.reason, phrase('redirect.cross-origin'));
    assert.match(notFollowed.result.findings[0]?.detail ?? '', /not followed \(it leads to another origin\)/);
  });

  it('stops after too many redirects', async () => {
    const routes: Record<string, CannedRoute> = {};
    for (let i = 0; i < 8; i++) routes[`https://mcp.example.com/hop${i}`] = { status: 307, headers: { location: `/hop${i + 1}` }, body: '' };
    routes[PATH_AWARE] = { status: 307, headers: { location: '/hop0' }, body: '' };
    const { result, transport } = await discover(routes);
    assert.equal(transport.urls().filter((u) => u.includes('/hop')).length, 5);
    assert.equal(findingIds(result).filter((id) => id === 'prm.redirect').length, 5);
    assert.ok(result.findings.some((f) => f.id === 'prm.redirect-not-followed' && f.params?.reason === phrase('redirect.too-many')));
  });

  it('a resource that names another server stops the flow (lenient runs go on)', async () => {
    const routes = { [PATH_AWARE]: document({ resource: 'https://attacker.example.com/mcp' }) };
    const strict = await discover(routes);
    assert.deepEqual(findingIds(strict.result), ['prm.resource-mismatch']);
    assert.equal(strict.result.outcome.kind === 'failed' ? strict.result.outcome.findingId : undefined, 'prm.resource-mismatch');
    const lenient = await discover(routes, { lenient: true });
    assert.equal(lenient.result.outcome.kind, 'ok');
    assert.equal(lenient.result.data.protectedResource?.resource, 'https://attacker.example.com/mcp');
  });

  it('a trailing-slash difference on a path is a mismatch, as in the MCP SDK', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ resource: `${SERVER}/` }) });
    assert.deepEqual(findingIds(result), ['prm.resource-mismatch']);
  });

  it('a parent resource is a warning, and a strict library still says no', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ resource: 'https://mcp.example.com' }) });
    assert.deepEqual(findingIds(result), ['prm.resource-parent', 'prm.strict-client-rejects']);
    assert.match(result.findings[1]?.params?.message ?? '', /resource/);
    assert.equal(result.outcome.kind, 'ok');
    assert.equal(result.data.protectedResource?.resource, 'https://mcp.example.com');
  });

  it('an equivalent spelling of the server URL passes', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ resource: 'HTTPS://MCP.EXAMPLE.COM:443/mcp' }) });
    assert.deepEqual(findingIds(result), []);
    assert.deepEqual(result.outcome, { kind: 'ok' });
  });

  it('a missing resource stops the flow', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ resource: undefined }) });
    assert.deepEqual(findingIds(result), ['prm.resource-missing']);
    assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'prm.resource-missing');
  });

  it('no authorization server: failed even in a lenient run', async () => {
    for (const authorization_servers of [undefined, []]) {
      const { result } = await discover({ [PATH_AWARE]: document({ authorization_servers }) }, { lenient: true });
      assert.deepEqual(findingIds(result), ['prm.no-authorization-servers']);
      assert.equal(result.outcome.kind === 'failed' ? result.outcome.findingId : undefined, 'prm.no-authorization-servers');
    }
  });

  it('reports unusable authorization_servers entries and picks the first usable one', async () => {
    const { result } = await discover({
      [PATH_AWARE]: document({ authorization_servers: [42, 'auth.example.com', 'https://a.example.com?x=1', AS, 'https://b.example.com'] }),
    });
    assert.deepEqual(findingIds(result), [
      'prm.invalid-authorization-server',
      'prm.invalid-authorization-server',
      'prm.invalid-authorization-server',
      'prm.several-authorization-servers',
    ]);
    assert.deepEqual(
      result.findings.slice(0, 3).map((f) => f.evidence?.pointer),
      ['/authorization_servers/0', '/authorization_servers/1', '/authorization_servers/2'],
    );
    assert.deepEqual(result.findings[3]?.params, { count: '2', chosen: AS });
    assert.deepEqual(result.data.protectedResource?.authorizationServers, [AS, 'https://b.example.com']);
  });

  it('reports fields of the wrong type', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ authorization_servers: AS, scopes_supported: 'mcp:tools mcp:admin' }) });
    assert.deepEqual(findingIds(result), ['prm.invalid-field', 'prm.no-authorization-servers', 'prm.invalid-field']);
    assert.deepEqual(
      result.findings.filter((f) => f.id === 'prm.invalid-field').map((f) => f.params?.field),
      ['authorization_servers', 'scopes_supported'],
    );
  });

  it('notes when no scope guidance exists at all (2025-11-25 on)', async () => {
    const routes = { [PATH_AWARE]: document({ scopes_supported: undefined }) };
    const { result } = await discover(routes, { spec: '2025-11-25' }, probeData({ challengeScope: undefined }));
    assert.deepEqual(findingIds(result), ['prm.no-scopes-supported']);
    assert.equal((await discover(routes, { spec: '2025-11-25' })).result.findings.length, 0);
    assert.equal((await discover(routes, { spec: '2025-06-18' }, probeData({ challengeScope: undefined }))).result.findings.length, 0);
  });

  it('warns when bearer_methods_supported leaves out the Authorization header', async () => {
    const { result } = await discover({ [PATH_AWARE]: document({ bearer_methods_supported: ['body'] }) });
    assert.deepEqual(findingIds(result), ['prm.header-bearer-method-missing']);
  });

  it('sends the extra headers to the MCP server origin only', async () => {
    const elsewhere = 'https://meta.example.org/prm';
    const { transport } = await discover({}, { extraHeaders: [['x-api-key', 'k1']] }, probeData({ resourceMetadataUrl: elsewhere }));
    assert.deepEqual(
      transport.requests.map((r) => r.headers.some(([name]) => name === 'x-api-key')),
      [false, true, true],
    );
  });
});
