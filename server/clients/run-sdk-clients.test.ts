/**
 * The real MCP SDK clients against the real lab, beside the debugger's own run: the clean lab
 * (both connect, the scorecard's client area passes), a fault the SDKs refuse (the stage is
 * named), a fault they let pass (looser than the spec), a sign-in page (the debugger's limit),
 * and servers that are not there or never answer (bounded, clear).
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { scorecard } from '../../src/engine/scorecard.js';
import type { Session } from '../../src/engine/session.js';
import { startLab, type Lab, type LabFaultId } from '../lab/index.js';
import { runCheck } from '../library/index.js';
import { runSdkClients } from './run-sdk-clients.js';

async function withLab<T>(options: { faults?: LabFaultId[]; autoConsent?: boolean }, body: (lab: Lab) => Promise<T>): Promise<T> {
  const lab = await startLab({ autoConsent: options.autoConsent ?? true, faults: options.faults ?? [] });
  try {
    return await body(lab);
  } finally {
    await lab.close();
  }
}

/** The debugger's run with the clients after it, as `check --clients` does. */
const checkWithClients = (url: string): Promise<Session> => runCheck(url, { clients: true, timeoutMs: 5000 });

const clientArea = (session: Session) => scorecard(session).find((score) => score.area === 'clients');

describe('the real SDK clients against the clean lab', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true });
  });
  after(() => lab.close());

  test('both connect, list the two tools, and the client compatibility area passes', async () => {
    const session = await checkWithClients(lab.mcpUrl);
    const results = session.clients?.results ?? [];
    assert.deepEqual(
      results.map((result) => [result.client, result.connected, result.tools, result.stoppedAt]),
      [
        ['sdk-v1', true, 2, undefined],
        ['sdk-v2', true, 2, undefined],
      ],
    );
    assert.equal(results[0]?.package, '@modelcontextprotocol/sdk');
    assert.match(results[0]?.version ?? '', /^1\.\d+\.\d+/);
    assert.equal(results[1]?.package, '@modelcontextprotocol/client');
    assert.equal(results[1]?.protocolVersion, '2026-07-28');
    assert.deepEqual(
      session.clients?.findings.map((finding) => [finding.id, finding.severity]),
      [
        ['clients.connected', 'info'],
        ['clients.connected', 'info'],
      ],
    );
    assert.deepEqual(clientArea(session), { area: 'clients', verdict: 'passed', errors: 0, warnings: 0, findingIds: [] });
  });

  test('the pre-registered confidential client the person gives: both SDKs use it and connect; a wrong secret stops them at the token request, unsaid', async () => {
    const { clientId, clientSecret = '', redirectUris } = lab.preRegisteredClient;
    const given = { serverUrl: lab.mcpUrl, clientId, redirectUri: redirectUris[0] ?? '', scope: 'mcp:tools', timeoutMs: 15_000 };
    const results = await runSdkClients({ ...given, clientSecret });
    assert.deepEqual(results.map((result) => [result.client, result.connected, result.tools]), [
      ['sdk-v1', true, 2],
      ['sdk-v2', true, 2],
    ]);
    const wrong = `${clientSecret}-wrong`;
    const refused = await runSdkClients({ ...given, clientSecret: wrong });
    for (const result of refused) {
      assert.deepEqual([result.client, result.connected, result.stoppedAt], [result.client, false, 'token']);
      assert.match(result.error ?? '', /invalid_client|client authentication/i);
    }
    assert.ok(!JSON.stringify(refused).includes(clientSecret), 'no secret in what the clients raised');
  });

  test('without --clients the area is not run and the session has no clients', async () => {
    const session = await runCheck(lab.mcpUrl, { timeoutMs: 5000 });
    assert.equal(session.clients, undefined);
    assert.equal(clientArea(session)?.verdict, 'not-run');
  });
});

describe('the real SDK clients against lab faults', () => {
  test('prm.resource-mismatch: both stop at the protected resource metadata, as the debugger does', async () => {
    await withLab({ faults: ['prm.resource-mismatch'] }, async (lab) => {
      const session = await checkWithClients(lab.mcpUrl);
      for (const result of session.clients?.results ?? []) {
        assert.equal(result.connected, false, result.client);
        assert.equal(result.stoppedAt, 'protected-resource-metadata', result.client);
        assert.match(result.error ?? '', /does not match/);
      }
      const findings = session.clients?.findings ?? [];
      assert.deepEqual(findings.map((finding) => [finding.id, finding.severity]), [
        ['clients.stopped', 'warning'],
        ['clients.stopped', 'warning'],
      ]);
      assert.match(findings[0]?.detail ?? '', /stopped at the protected resource metadata/);
      assert.match(findings[0]?.params?.debuggerFindings ?? '', /prm\.resource-mismatch/);
      assert.equal(clientArea(session)?.verdict, 'failed');
    });
  });

  test('prm.not-found: the SDKs fall back to the MCP server’s origin and stop at registration there', async () => {
    await withLab({ faults: ['prm.not-found'] }, async (lab) => {
      const results = await runSdkClients({ serverUrl: lab.mcpUrl, timeoutMs: 15_000 });
      assert.deepEqual(
        results.map((result) => [result.client, result.connected, result.stoppedAt]),
        [
          ['sdk-v1', false, 'client-registration'],
          ['sdk-v2', false, 'client-registration'],
        ],
      );
    });
  });

  test('asm.pkce-unsupported: the debugger finds an error, the SDK clients connect anyway (looser than the spec)', async () => {
    await withLab({ faults: ['asm.pkce-unsupported'] }, async (lab) => {
      const session = await checkWithClients(lab.mcpUrl);
      assert.ok(session.results.some((result) => result.findings.some((finding) => finding.id === 'asm.pkce-unsupported' && finding.severity === 'error')));
      assert.deepEqual(session.clients?.results.map((result) => result.connected), [true, true]);
      assert.deepEqual(session.clients?.findings.map((finding) => finding.id), ['clients.looser-than-debugger', 'clients.looser-than-debugger']);
      assert.match(session.clients?.findings[0]?.detail ?? '', /asm\.pkce-unsupported/);
      // Connecting clients do not make the area fail or warn; the debugger's error fails its own area.
      assert.equal(clientArea(session)?.verdict, 'passed');
    });
  });

  test('a sign-in page: the clients stop at authorization, said to be the debugger’s limit', async () => {
    await withLab({ autoConsent: false }, async (lab) => {
      const session = await checkWithClients(lab.mcpUrl);
      for (const result of session.clients?.results ?? []) {
        assert.deepEqual([result.connected, result.stoppedAt, result.limit], [false, 'authorization', 'sign-in-page']);
      }
      assert.deepEqual(session.clients?.findings.map((finding) => [finding.id, finding.severity]), [
        ['clients.sign-in-page', 'info'],
        ['clients.sign-in-page', 'info'],
      ]);
      assert.match(session.clients?.findings[0]?.detail ?? '', /a limit of the debugger, not a fault of the server/);
      assert.equal(clientArea(session)?.verdict, 'not-run');
    });
  });
});

describe('the real SDK clients against servers that are not there', () => {
  test('an unreachable URL: each client stops at connect at once, saying the connection was refused', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const started = performance.now();
    const results = await runSdkClients({ serverUrl: `http://127.0.0.1:${address.port}/mcp`, timeoutMs: 5000 });
    assert.ok(performance.now() - started < 5000);
    for (const result of results) {
      assert.deepEqual([result.connected, result.stoppedAt], [false, 'connect']);
      assert.match(result.error ?? '', /refused/);
    }
  });

  test('a server that never answers: each client is cut off at its time bound', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    try {
      const started = performance.now();
      const results = await runSdkClients({ serverUrl: `http://127.0.0.1:${address.port}/mcp`, timeoutMs: 1000 });
      assert.ok(performance.now() - started < 4000, 'two clients of 1 s each');
      for (const result of results) {
        assert.deepEqual([result.connected, result.stoppedAt], [false, 'connect']);
        assert.match(result.error ?? '', /1 s|timeout|timed out/i);
        assert.ok(result.durationMs < 2000);
      }
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
