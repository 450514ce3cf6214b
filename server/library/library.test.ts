/**
 * The library as a user imports it (`mcp-auth-debugger`, the built lib/), against the real lab:
 * runCheck runs the flow and returns the session, compareSessions finds what a fault changed,
 * an authorize function that fails becomes a finding, and a saved session keeps the decoded
 * token but never the token.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allFindings, checkPassed, compareSessions, errorFindings, loadSession, runCheck, runOutline, saveSession, type Session, type StepResult } from 'mcp-auth-debugger';
import { startLab, type Lab } from '../lab/index.js';

describe('library', () => {
  let lab: Lab;
  let faulty: Lab;
  let clean: Session;
  const seen: StepResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mad-library-'));

  before(async () => {
    [lab, faulty] = await Promise.all([startLab({ autoConsent: true }), startLab({ autoConsent: true, faults: ['prm.resource-mismatch'] })]);
    clean = await runCheck(lab.mcpUrl, { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } }, onStep: (result) => seen.push(result) });
  });
  after(async () => {
    await Promise.all([lab.close(), faulty.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runCheck runs the whole flow against the lab and returns the session, step by step', () => {
    assert.equal(clean.status.kind, 'completed');
    assert.ok(checkPassed(clean), JSON.stringify(errorFindings(clean).map((f) => f.id)));
    assert.deepEqual(
      (clean.data.mcp?.tools ?? []).map((tool) => tool.name).sort(),
      ['add_numbers', 'multiply_numbers'],
    );
    assert.deepEqual(
      seen.map((result) => result.stepId),
      clean.results.map((result) => result.stepId),
    );
    assert.ok(clean.data.tokens?.accessToken.startsWith('eyJ'), 'the session holds the token it got');
  });

  it('runCheck with clients: true runs the real MCP SDK clients after the flow and keeps their results in the session', async () => {
    const session = await runCheck(lab.mcpUrl, { clients: true });
    assert.deepEqual(session.clients?.results.map((result) => [result.client, result.connected]), [
      ['sdk-v1', true],
      ['sdk-v2', true],
    ]);
    assert.deepEqual(session.clients?.findings.map((finding) => finding.id), ['clients.connected', 'clients.connected']);
  });

  it('compareSessions: the same lab again is the same; a fault is a regression naming the new finding', async () => {
    const again = await runCheck(lab.mcpUrl, { toolCall: { name: 'add_numbers', arguments: { a: 2, b: 3 } } });
    const same = compareSessions(clean, again);
    assert.ok(same.comparable && same.same, JSON.stringify(same));

    const broken = await runCheck(faulty.mcpUrl);
    assert.equal(checkPassed(broken), false);
    const refused = compareSessions(clean, broken);
    assert.equal(refused.comparable, false, 'two servers are not compared step by step unless asked');
    const across = compareSessions(clean, broken, { acrossServers: true });
    assert.ok(across.comparable && across.regressed);
    assert.ok(
      across.differences.some((d) => d.regression && d.stepId === 'protected-resource-metadata' && d.message === 'new error prm.resource-mismatch'),
      JSON.stringify(across.differences),
    );
    // The outline a generated test embeds compares the same way as the whole session.
    assert.deepEqual(compareSessions(runOutline(clean), broken, { acrossServers: true }), across);
  });

  it('an authorize function that fails is reported as the interaction finding with its message', async () => {
    const asked: string[] = [];
    const session = await runCheck(lab.mcpUrl, {
      authorize: async ({ url, redirectUri }) => {
        asked.push(url, redirectUri);
        throw new Error('no browser here');
      },
    });
    assert.equal(asked.length, 2);
    assert.ok(new URL(asked[0] ?? '').searchParams.get('code_challenge'), 'it is given the authorization URL');
    const finding = allFindings(session).find((f) => f.id === 'authorization.interaction-failed');
    assert.ok(finding, JSON.stringify(allFindings(session).map((f) => f.id)));
    assert.match(finding.detail, /no browser here/);
    assert.equal(checkPassed(session), false);
  });

  it('a saved session keeps the decoded token header and claims, never the token or its signature', async () => {
    const path = join(dir, 'saved.json');
    await saveSession(clean, path);
    const text = readFileSync(path, 'utf8');
    const token = clean.data.tokens?.accessToken ?? '';
    const signature = token.split('.')[2] ?? '';
    assert.ok(signature.length > 20);
    assert.ok(!text.includes(token), 'the raw token');
    assert.ok(!text.includes(signature), 'the signature');
    for (const secret of [clean.data.tokens?.refreshToken, clean.data.authorizationRequest?.codeVerifier, clean.data.authorizationResponse?.code]) {
      if (secret) assert.ok(!text.includes(secret));
    }

    const loaded = await loadSession(path);
    const inspection = loaded.data.tokenInspection;
    assert.equal(inspection?.format, 'jwt');
    assert.equal(inspection?.header?.alg, clean.data.tokenInspection?.header?.alg);
    assert.ok(inspection?.header?.alg, 'the header is kept');
    assert.equal(inspection?.claims?.aud, clean.data.tokenInspection?.claims?.aud);
    assert.equal(inspection?.claims?.sub, lab.demoUser.username);
    assert.equal(inspection?.claims?.scope, clean.data.tokenInspection?.claims?.scope);

    await saveSession(clean, path, { includeSecrets: true });
    assert.ok(readFileSync(path, 'utf8').includes(token), 'includeSecrets keeps the token');
  });

  it('loadSession says why a file is not a session', async () => {
    await assert.rejects(loadSession(join(dir, 'missing.json')), /missing\.json: There is no such file/);
  });
});
