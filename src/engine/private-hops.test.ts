/**
 * The private-address rule end to end: a run that starts at a host on the internet is not
 * followed into loopback or private addresses the servers name, the refusal is its own finding
 * (not "unreachable"), and going on with private addresses allowed sends the request after all.
 *
 * The "internet" host is a name the test transport maps (see public-name-transport.ts): its
 * resolver says `mcp.test` is a public address, and its fetch connects that name to the loopback
 * server. Everything else is the real engine and a real server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startMisbehavingServer } from '../../server/test-support/misbehaving-server.js';
import { createPublicNameTransport, PUBLIC_NAME } from '../../server/test-support/public-name-transport.js';
import { continueLeniently } from './actions.js';
import { createRedirectFollowingInteraction } from './consent/follow-redirects.js';
import { defaultFlowOptions } from './options.js';
import { allFindings, createSession, runFlow } from './session.js';

describe('the private-address rule', { concurrency: true }, () => {
  it('refuses loopback, private and unique-local targets of other hosts before sending, literal or by name', async (t) => {
    const server = await startMisbehavingServer();
    t.after(() => server.close());
    const transport = createPublicNameTransport({ 'intranet.test': ['10.20.30.40'], 'dual.test': ['198.51.100.8', 'fd00::5'] });
    const send = (url: string, startHost: string) => transport.send({ method: 'GET', url, headers: [], timeoutMs: 2000, maxBodyBytes: 1 << 20, privateHops: { startHost } });

    const refused = await send(server.prmUrl, PUBLIC_NAME);
    assert.equal(refused.ok ? 'sent' : refused.error.kind, 'private-address');
    assert.match(refused.ok ? '' : refused.error.message, /127\.0\.0\.1 is a loopback address, and the run started at mcp\.test/);
    for (const [url, kind] of [
      ['http://intranet.test/', 'private'],
      ['http://dual.test/', 'unique-local'],
      ['http://[::ffff:169.254.169.254]/latest/meta-data/', 'link-local'],
    ] as const) {
      const result = await send(url, PUBLIC_NAME);
      assert.ok(!result.ok && result.error.kind === 'private-address' && result.error.message.includes(kind), `${url}: ${JSON.stringify(result)}`);
    }
    assert.deepEqual(server.requests, [], 'nothing reached the private address');

    // A run that started inside a private network may reach its other hosts, not this machine's loopback.
    const intoNetwork = await send('http://intranet.test/', '10.9.9.9');
    assert.ok(intoNetwork.ok || intoNetwork.error.kind !== 'private-address', `let through to the network (where this test's name does not resolve): ${JSON.stringify(intoNetwork)}`);
    const intoLoopback = await send(server.prmUrl, '10.9.9.9');
    assert.ok(!intoLoopback.ok && intoLoopback.error.kind === 'private-address' && intoLoopback.error.message.includes('loopback'), JSON.stringify(intoLoopback));

    // The run's own host, and any host when the run started on loopback, are not held to the rule.
    assert.equal((await send(server.prmUrl, '127.0.0.1')).response?.status, 200);
    assert.equal((await send(server.prmUrl, 'localhost')).response?.status, 200);
    const ownHost = await send(server.prmUrl.replace('127.0.0.1', PUBLIC_NAME), PUBLIC_NAME);
    assert.equal(ownHost.response?.status, 200);
    assert.equal(server.requests.length, 3);
  });

  it('stops a run whose metadata sends it to loopback with http.private-hop, and goes on when private addresses are allowed', async (t) => {
    const server = await startMisbehavingServer({ publicHost: PUBLIC_NAME, metadata: (loopback) => ({ registration_endpoint: `${loopback}/register` }) });
    t.after(() => server.close());
    const deps = { transport: createPublicNameTransport(), interaction: createRedirectFollowingInteraction() };
    const session = await runFlow(createSession(defaultFlowOptions(server.mcpUrl, { timeoutMs: 3000 })), deps);

    assert.equal(session.status.kind, 'stopped');
    assert.ok(session.status.kind === 'stopped');
    assert.equal(session.status.stepId, 'client-registration');
    assert.equal(session.status.findingId, 'http.private-hop');
    const finding = allFindings(session).find((f) => f.id === 'http.private-hop');
    assert.ok(finding, 'the refusal is reported as its own finding');
    assert.equal(finding.severity, 'error');
    assert.ok(!allFindings(session).some((f) => f.id === 'http.unreachable'), 'not blamed as unreachable');
    assert.ok(!server.requests.includes('POST /register'), `the registration was not sent: ${server.requests.join(', ')}`);

    const allowed = continueLeniently(session);
    assert.ok(allowed);
    assert.equal(allowed.options.allowPrivateHops, true);
    assert.equal(allowed.options.lenient, false, 'allowing private addresses is not lenient mode');
    const after = await runFlow(allowed, deps);
    assert.ok(server.requests.includes('POST /register'), 'sent once allowed');
    const registration = after.results.findLast((r) => r.stepId === 'client-registration');
    assert.equal(registration?.outcome.kind, 'ok', JSON.stringify(registration?.outcome));
  });
});
