/**
 * The `check` command end to end against the real lab: a clean run, each lab fault producing
 * its finding, the report formats, redaction, and browser consent through the real login page.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';
import { startLab, type Lab, type LabFaultId } from '../lab/index.js';
import { createBrowserInteraction, withBrowserFallback } from './browser-consent.js';
import { createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { freePort } from '../test-support/free-port.js';
import { runCli } from '../test-support/run-cli.js';
import { readSavedSessionFile } from '../test-support/saved-session.js';
import type { CheckReport } from './report.js';
import { createFetchTransport } from '../../src/engine/fetch-transport.js';
import { defaultFlowOptions } from '../../src/engine/options.js';
import { createSession, runFlow } from '../../src/engine/session.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findingReferenceUrl } from './finding-reference.js';

async function checkJson(url: string, extra: string[] = []): Promise<{ code: number; report: CheckReport }> {
  const { code, stdout, stderr } = await runCli(['check', url, '--format', 'json', '--timeout', '3000', ...extra]);
  assert.ok(stdout.trim().startsWith('{'), `expected JSON, got: ${stdout.slice(0, 300)} ${stderr}`);
  return { code, report: JSON.parse(stdout) as CheckReport };
}

async function withLab<T>(faults: LabFaultId[], body: (lab: Lab) => Promise<T>): Promise<T> {
  const lab = await startLab({ autoConsent: true, faults });
  try {
    return await body(lab);
  } finally {
    await lab.close();
  }
}

describe('check against the clean lab', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ autoConsent: true });
  });
  after(() => lab.close());

  it('completes the whole flow with no error findings, lists the tools and calls one', async () => {
    const { code, report } = await checkJson(lab.mcpUrl, ['--call', 'add_numbers', '--args', '{"a":2,"b":3}']);
    const errors = report.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
    assert.equal(code, 0);
    assert.equal(report.ok, true);
    assert.deepEqual(report.outcome, { kind: 'completed' });
    assert.deepEqual(report.tools.map((t) => t.name).sort(), ['add_numbers', 'multiply_numbers']);
    const call = report.toolCalls[0];
    assert.equal(call?.name, 'add_numbers');
    assert.match(JSON.stringify(call?.result), /\b5\b/);
    // Judged by the default 2026-07-28, the run speaks it: no initialize, Mcp-Method on every MCP request.
    assert.equal(report.spec, '2026-07-28');
    assert.equal(report.protocol?.era, 'modern');
    assert.equal(report.protocol?.version, '2026-07-28');
    assert.deepEqual(report.protocol?.server, { name: 'MCP Resource Server', version: '1.0.0' });
    assert.ok(report.protocol?.supportedVersions?.includes('2026-07-28'));
    const mcpRequests = report.exchanges.filter((e) => e.request.url === lab.mcpUrl);
    assert.ok(mcpRequests.length >= 4);
    for (const exchange of mcpRequests) {
      assert.ok(!exchange.request.body?.includes('"initialize"'), 'no initialize');
      assert.ok(exchange.request.headers.some(([name]) => name === 'mcp-method'), `Mcp-Method on ${exchange.label ?? exchange.id}`);
    }
    const stepsRun = report.steps.map((s) => s.stepId);
    for (const step of ['probe', 'protected-resource-metadata', 'authorization-server-metadata', 'client-registration', 'authorization-request', 'authorization-response', 'token-request', 'token-inspection', 'authenticated-mcp']) {
      assert.ok(stepsRun.includes(step), `step ${step} ran`);
    }
  });

  it('redacts tokens, codes and secrets from JSON output and saved sessions unless asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mad-check-'));
    const out = join(dir, 'session.json');
    const { code, report } = await checkJson(lab.mcpUrl, ['--out', out]);
    assert.equal(code, 0);
    const saved = readFileSync(out, 'utf8');
    for (const text of [JSON.stringify(report), saved]) {
      assert.doesNotMatch(text, /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/, 'no JWT in the output');
      assert.doesNotMatch(text, /[?&]code=(?!\[redacted\]|%5Bredacted%5D)[\w-]{8,}/, 'no authorization code in URLs');
    }
    const withSecrets = await checkJson(lab.mcpUrl, ['--include-secrets']);
    assert.match(JSON.stringify(withSecrets.report), /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/, '--include-secrets keeps the tokens');
  });

  it('--allow-private-hops reaches the run (the lab, on loopback, completes either way)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mad-check-'));
    const out = join(dir, 'session.json');
    const { code } = await checkJson(lab.mcpUrl, ['--out', out, '--allow-private-hops']);
    assert.equal(code, 0);
    const file = readSavedSessionFile(out);
    rmSync(dir, { recursive: true, force: true });
    const saved = file.session;
    assert.equal(saved.options.allowPrivateHops, true);
    assert.equal(saved.status.kind, 'completed');
  });

  it('judged by 2025-11-25, speaks the legacy protocol to the same lab, with no error', async () => {
    const { code, report } = await checkJson(lab.mcpUrl, ['--spec', '2025-11-25', '--call', 'add_numbers', '--args', '{"a":2,"b":3}']);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(code, 0);
    assert.equal(report.protocol?.era, 'legacy');
    assert.equal(report.protocol?.version, '2025-11-25');
    assert.ok(report.exchanges.some((e) => e.request.url === lab.mcpUrl && e.request.body?.includes('"method":"initialize"')));
    assert.ok(!report.exchanges.some((e) => e.request.body?.includes('server/discover')));
    assert.match(JSON.stringify(report.toolCalls[0]?.result), /\b5\b/);
  });

  it('with --dpop, binds the token to its key: the lab issues a DPoP token and accepts it only with proofs', async () => {
    const { code, report } = await checkJson(lab.mcpUrl, ['--dpop', '--include-secrets', '--call', 'add_numbers', '--args', '{"a":2,"b":3}']);
    assert.deepEqual(report.findings.filter((f) => f.severity !== 'info'), []);
    assert.equal(code, 0);
    const ids = report.findings.map((f) => f.id);
    assert.ok(ids.includes('dpop.used') && ids.includes('dpop.token-bound'), ids.join(', '));
    const token = report.exchanges.find((e) => e.label === 'token request');
    assert.ok(token?.request.headers.some(([name]) => name === 'dpop'));
    const calls = report.exchanges.filter((e) => e.request.url === lab.mcpUrl && e.response?.status === 200);
    assert.ok(calls.length >= 3);
    const authorization = calls[0]?.request.headers.find(([name]) => name === 'authorization')?.[1] ?? '';
    assert.match(authorization, /^DPoP /);
    assert.ok(calls.every((e) => e.request.headers.some(([name]) => name === 'dpop')));
    assert.match(JSON.stringify(report.toolCalls[0]?.result), /\b5\b/);
    // The bound token alone is worth nothing: as a Bearer token, or with a replayed proof, it is refused.
    const accessToken = authorization.slice('DPoP '.length);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const asBearer = await fetch(lab.mcpUrl, { method: 'POST', headers: { ...headers, authorization: `Bearer ${accessToken}` }, body });
    assert.equal(asBearer.status, 401);
    assert.match(asBearer.headers.get('www-authenticate') ?? '', /DPoP error="invalid_token"/);
    const usedProof = calls[0]?.request.headers.find(([name]) => name === 'dpop')?.[1] ?? '';
    const replayed = await fetch(lab.mcpUrl, { method: 'POST', headers: { ...headers, authorization: `DPoP ${accessToken}`, dpop: usedProof }, body });
    assert.equal(replayed.status, 401);
    assert.match(replayed.headers.get('www-authenticate') ?? '', /invalid_dpop_proof/);
  });

  it('prints a readable text report: a line per step, the findings, the tools', async () => {
    const { code, stdout } = await runCli(['check', lab.mcpUrl]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /✓ probe\s+POST http:\/\/127\.0\.0\.1:\d+\/mcp → 401/);
    assert.match(stdout, /✓ token-request/);
    assert.match(stdout, /Tools \(2\)\n {2}add_numbers\(a, b\)/);
    assert.match(stdout, /MCP 2026-07-28 \(modern: stateless, _meta on every request\)\n {2}server MCP Resource Server 1\.0\.0\n {2}server\/discover: supports 2026-07-28/);
    assert.match(stdout, /Result: flow completed, 0 errors/);
    assert.match(stdout, /Scorecard\n {2}✓ discovery\s+passed\n {2}✓ registration\s+passed\n {2}✓ authorization\s+passed\n {2}✓ tokens\s+passed\n {2}✓ mcp\s+passed\n {2}· audit\s+not run\n/);
  });

  it('writes JUnit XML with one testcase per step', async () => {
    const { code, stdout } = await runCli(['check', lab.mcpUrl, '--format', 'junit']);
    assert.equal(code, 0);
    assert.match(stdout, /^<\?xml/);
    assert.match(stdout, /<testcase classname="mcp-auth-debugger" name="1\. probe"/);
    assert.match(stdout, /<property name="mcp.era" value="modern"\/>\n {6}<property name="mcp.protocolVersion" value="2026-07-28"\/>/);
    assert.doesNotMatch(stdout, /<failure/);
    assert.match(stdout, /<property name="scorecard.discovery" value="passed \(0 errors, 0 warnings\)"\/>/);
  });
});

describe('check against lab faults', () => {
  const cases: { fault: LabFaultId; extra?: string[] }[] = [
    { fault: 'probe.missing-www-authenticate' },
    { fault: 'prm.resource-mismatch' },
    { fault: 'asm.pkce-unsupported' },
    { fault: 'asm.issuer-mismatch' },
    { fault: 'registration.no-path' },
    { fault: 'audit.accepts-foreign-audience', extra: ['--audit'] },
    { fault: 'audit.accepts-tampered-token', extra: ['--audit'] },
    { fault: 'audit.accepts-malformed-token', extra: ['--audit'] },
    { fault: 'audit.accepts-untrusted-issuer', extra: ['--audit'] },
    { fault: 'audit.accepts-query-token', extra: ['--audit'] },
    { fault: 'audit.challenge-without-invalid-token', extra: ['--audit'] },
    { fault: 'audit.error-leaks-internals', extra: ['--audit'] },
    { fault: 'audit.as-accepts-missing-pkce', extra: ['--audit'] },
    { fault: 'audit.as-registers-insecure-redirect', extra: ['--audit'] },
    { fault: 'mcp.legacy-only-server' },
    { fault: 'mcp.modern-only-server', extra: ['--spec', '2025-11-25'] },
    { fault: 'cors.www-authenticate-not-exposed', extra: ['--cors'] },
    { fault: 'cors.preflight-failed', extra: ['--cors'] },
    { fault: 'asm.pkce-s256-missing' },
    { fault: 'asm.response-types-missing' },
    { fault: 'authorization.iss-not-advertised' },
    { fault: 'asm.grant-type-not-advertised' },
    { fault: 'token.cache-control-missing' },
    { fault: 'token.invalid-expires-in' },
    { fault: 'token.not-bearer' },
    { fault: 'token.long-lived' },
    { fault: 'token.generic-audience' },
    { fault: 'token.broad-scope' },
    { fault: 'registration.dcr-status-not-201' },
    { fault: 'registration.dcr-redirect-uris-not-echoed' },
    { fault: 'probe.no-bearer-challenge' },
    { fault: 'probe.no-challenge-scope' },
    { fault: 'prm.not-found' },
    { fault: 'prm.no-authorization-servers' },
    { fault: 'prm.resource-missing' },
    { fault: 'prm.header-bearer-method-missing' },
    { fault: 'mcp.forbidden' },
    { fault: 'mcp.insufficient-scope-without-scope' },
    { fault: 'prm.invalid-field' },
    { fault: 'probe.malformed-www-authenticate' },
    { fault: 'mcp.result-type-missing' },
    { fault: 'mcp.discover-no-server-info' },
    { fault: 'audit.as-redirects-to-unregistered-uri', extra: ['--audit'] },
    { fault: 'audit.as-accepts-plain-pkce', extra: ['--audit'] },
    { fault: 'audit.as-code-reused', extra: ['--audit'] },
    { fault: 'audit.as-wrong-verifier-accepted', extra: ['--audit'] },
    { fault: 'audit.as-code-other-client', extra: ['--audit'] },
    { fault: 'audit.as-refresh-token-reused', extra: ['--audit'] },
    { fault: 'audit.challenge-without-resource-metadata', extra: ['--audit'] },
    // Sessions are a legacy matter: 2026-07-28 has none.
    { fault: 'audit.session-without-token', extra: ['--audit', '--spec', '2025-11-25'] },
    { fault: 'audit.accepts-insufficient-scope', extra: ['--audit'] },
    { fault: 'audit.insufficient-scope-not-403', extra: ['--audit'] },
    { fault: 'audit.insufficient-scope-without-scope', extra: ['--audit'] },
  ];
  for (const { fault, extra } of cases) {
    it(`reports ${fault} when the lab has that fault`, async () => {
      await withLab([fault], async (lab) => {
        const { code, report } = await checkJson(lab.mcpUrl, extra);
        const ids = report.findings.map((f) => f.id);
        assert.ok(ids.includes(fault), `expected ${fault} in ${ids.join(', ')}`);
        const finding = report.findings.find((f) => f.id === fault);
        assert.ok(finding && finding.specRefs.length > 0 && finding.specRefs.every((r) => r.url.startsWith('https://')));
        if (finding?.severity === 'error') assert.equal(code, 1);
        // The scorecard names the fault's finding in the area it belongs to, and fails or warns there.
        const area = report.scorecard.find((score) => score.findingIds.includes(fault));
        assert.ok(area, JSON.stringify(report.scorecard));
        // A warning's area fails too when the run stopped there.
        assert.ok(finding?.severity === 'error' ? area.verdict === 'failed' : ['failed', 'warnings'].includes(area.verdict), JSON.stringify(area));
      });
    });
  }

  it('the text and JUnit reports link each finding to its page in the built findings reference', async () => {
    const page = findingReferenceUrl('prm.resource-mismatch');
    assert.ok(page && existsSync(fileURLToPath(page)), 'the UI and its findings reference are built (npm run build)');
    await withLab(['prm.resource-mismatch'], async (lab) => {
      const text = await runCli(['check', lab.mcpUrl]);
      assert.ok(text.stdout.includes(`more: ${page}`), text.stdout);
      const junit = await runCli(['check', lab.mcpUrl, '--format', 'junit']);
      assert.match(junit.stdout, new RegExp(`<failure type="prm\\.resource-mismatch"[^>]*>[^<]*${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</failure>`));
    });
  });

  it('a modern-only MCP server judged by 2026-07-28: completes with no error and no warning, never a legacy request', async () => {
    await withLab(['mcp.modern-only-server'], async (lab) => {
      const { code, report } = await checkJson(lab.mcpUrl, ['--call', 'add_numbers', '--args', '{"a":2,"b":3}']);
      assert.deepEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => f.id), []);
      assert.equal(code, 0);
      assert.equal(report.protocol?.era, 'modern');
      assert.ok(!report.exchanges.some((e) => e.request.body?.includes('"method":"initialize"')));
      assert.match(JSON.stringify(report.toolCalls[0]?.result), /\b5\b/);
    });
  });

  it('a legacy-only MCP server judged by 2026-07-28: completes through the fallback, with the era finding as a warning', async () => {
    await withLab(['mcp.legacy-only-server'], async (lab) => {
      const { code, report } = await checkJson(lab.mcpUrl, ['--call', 'add_numbers', '--args', '{"a":2,"b":3}']);
      assert.deepEqual(report.outcome, { kind: 'completed' });
      assert.deepEqual(report.findings.filter((f) => f.severity !== 'info').map((f) => [f.id, f.severity]), [['mcp.legacy-only-server', 'warning']]);
      assert.equal(code, 0);
      assert.equal(report.protocol?.era, 'legacy');
      assert.match(JSON.stringify(report.toolCalls[0]?.result), /\b5\b/);
    });
  });

  it('stops where the spec says a client MUST, and goes on with --lenient', async () => {
    for (const fault of ['prm.resource-mismatch', 'asm.pkce-unsupported', 'asm.issuer-mismatch'] as const) {
      await withLab([fault], async (lab) => {
        const strict = await checkJson(lab.mcpUrl);
        assert.equal(strict.report.outcome.kind, 'stopped', fault);
        assert.ok(!strict.report.steps.some((s) => s.stepId === 'token-request'), `${fault}: no token requested after a MUST-stop`);
        const lenient = await checkJson(lab.mcpUrl, ['--lenient']);
        assert.equal(lenient.report.outcome.kind, 'completed', `${fault}: ${JSON.stringify(lenient.report.outcome)}`);
        assert.ok(lenient.report.findings.some((f) => f.id === fault));
        assert.equal(lenient.code, 1, 'the violation still fails the check');
      });
    }
  });

  it('finds the clean lab ready for browser-based clients', async () => {
    await withLab([], async (lab) => {
      const { code, report } = await checkJson(lab.mcpUrl, ['--cors']);
      assert.deepEqual(
        report.findings.filter((f) => f.stepId === 'cors').map((f) => [f.id, f.severity]),
        [['cors.browser-ready', 'info']],
      );
      assert.deepEqual(
        report.cors?.endpoints.map((e) => [e.kind, e.originAllowed]),
        [
          ['protected-resource-metadata', true],
          ['authorization-server-metadata', true],
          ['registration', true],
          ['token', true],
          ['mcp', true],
        ],
      );
      assert.equal(code, 0);
    });
  });

  it('finds no audit fault on the clean lab: every probe refused, with a proper challenge', async () => {
    await withLab([], async (lab) => {
      const { code, report } = await checkJson(lab.mcpUrl, ['--audit']);
      const audit = report.findings.filter((f) => f.stepId === 'audit');
      assert.deepEqual(
        audit.filter((f) => f.severity !== 'info').map((f) => f.id),
        [],
      );
      assert.deepEqual(
        audit.map((f) => f.id),
        ['audit.rejects-tampered-token', 'audit.refused', 'audit.refused', 'audit.refused', 'audit.rejects-foreign-audience', 'audit.session-untested', 'audit.insufficient-scope-refused', ...Array(8).fill('audit.as-refused')],
      );
      // The token without the scope came from an authorization request for openid alone, by a client of the audit's own.
      const narrow = report.exchanges.find((e) => e.label === 'audit: a token without the needed scope');
      assert.equal(narrow?.response?.status, 403);
      assert.match(audit.find((f) => f.id === 'audit.insufficient-scope-refused')?.detail ?? '', /scope="mcp:tools"/);
      assert.equal(audit.find((f) => f.id === 'audit.session-untested')?.params?.reason, '@phrase:audit.session.untested.modern');
      assert.ok(report.steps.some((s) => s.stepId === 'audit' && s.outcome.kind === 'ok'));
      assert.equal(code, 0);
    });
  });

  it('judged by 2025-11-25, tests the session id of the lab, which keeps none, and says so', async () => {
    await withLab([], async (lab) => {
      const { code, report } = await checkJson(lab.mcpUrl, ['--audit', '--spec', '2025-11-25']);
      const audit = report.findings.filter((f) => f.stepId === 'audit');
      assert.deepEqual(audit.filter((f) => f.severity !== 'info').map((f) => f.id), []);
      assert.equal(audit.find((f) => f.id === 'audit.session-untested')?.params?.reason, '@phrase:audit.session.untested.no-session');
      assert.ok(report.exchanges.some((e) => e.label === 'audit: a session opened with the valid token' && e.response?.status === 200));
      assert.equal(code, 0);
    });
  });
});

describe('check usage and bad input', () => {
  it('exits 2 with a message for a missing URL or an unknown option', async () => {
    const missing = await runCli(['check']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs exactly one MCP server URL/);
    const unknown = await runCli(['check', 'http://127.0.0.1:1/mcp', '--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
  });

  it('ends with a finding, not a crash, for an unreachable server and a malformed URL', async () => {
    const refused = await checkJson('http://127.0.0.1:1/mcp');
    assert.equal(refused.code, 1);
    assert.equal(refused.report.outcome.kind, 'stopped');
    assert.ok(refused.report.exchanges.some((e) => e.error?.kind === 'refused'));
    const malformed = await checkJson('not a url');
    assert.equal(malformed.code, 1);
    assert.equal(malformed.report.outcome.kind, 'stopped');
    assert.ok(malformed.report.findings.some((f) => f.severity === 'error'));
  });

  it('--grant jwt-bearer needs --assertion, and the file must hold a JWT', async () => {
    const missing = await runCli(['check', 'http://127.0.0.1:1/mcp', '--grant', 'jwt-bearer']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /needs --assertion/);
    const dir = mkdtempSync(join(tmpdir(), 'mad-assertion-'));
    const notJwt = join(dir, 'not-a-jwt.txt');
    writeFileSync(notJwt, 'hello\n');
    const wrong = await runCli(['check', 'http://127.0.0.1:1/mcp', '--grant', 'jwt-bearer', '--assertion', notJwt]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /does not hold a JWT/);
    const absent = await runCli(['check', 'http://127.0.0.1:1/mcp', '--grant', 'jwt-bearer', '--assertion', join(dir, 'absent.jwt')]);
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, /cannot read/);
    const stray = await runCli(['check', 'http://127.0.0.1:1/mcp', '--assertion', notJwt]);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /belongs to --grant jwt-bearer/);
  });

  it('reads the assertion from standard input with --assertion -, and keeps it out of the saved session', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mad-assertion-')), 'session.json');
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ3b3JrbG9hZCJ9.c2lnbmF0dXJl';
    const result = spawnSync(process.execPath, ['bin/mcp-auth-debugger.js', 'check', 'http://127.0.0.1:1/mcp', '--grant', 'jwt-bearer', '--assertion', '-', '--out', out], {
      encoding: 'utf8',
      input: `${jwt}\n`,
    });
    assert.equal(result.status, 1, result.stderr);
    const saved = readSavedSessionFile(out).session;
    assert.equal(saved.options.grant, 'jwt-bearer');
    assert.equal(saved.options.assertion, '[redacted]');
    assert.ok(!readFileSync(out, 'utf8').includes(jwt));
  });

  it('runs as the installed command (bin) and exits with its code', () => {
    const result = spawnSync(process.execPath, ['bin/mcp-auth-debugger.js', 'check', '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage: mcp-auth-debugger check <mcp-url>/);
  });
});

describe('browser consent through the lab login page', () => {
  it('falls back from redirects to the browser, logs the demo user in, approves, and the loopback listener hands the code to the engine', async () => {
    const lab = await startLab();
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      const said: string[] = [];
      const browserInteraction = createBrowserInteraction({
        timeoutMs: 20_000,
        open: async (url) => {
          await page.goto(url);
          await page.fill('#username', lab.demoUser.username);
          await page.fill('#password', lab.demoUser.password);
          await page.click('button.primary');
          await page.click('button[value="approve"]');
        },
      });
      // As `check` does at a terminal: follow redirects first, then hand the login page to the browser.
      const interaction = withBrowserFallback(createRedirectFollowingInteraction(), browserInteraction, (line) => said.push(line));
      const options = defaultFlowOptions(lab.mcpUrl, { redirectUri: `http://127.0.0.1:${await freePort()}/callback`, timeoutMs: 5000 });
      const session = await runFlow(createSession(options), { transport: createFetchTransport(), interaction });
      assert.deepEqual(session.status, { kind: 'completed' });
      assert.match(said.join('\n'), /login or consent page/);
      assert.ok(session.data.tokens?.accessToken);
      assert.deepEqual(session.data.mcp?.tools?.map((t) => t.name).sort(), ['add_numbers', 'multiply_numbers']);
    } finally {
      await browser.close();
      await lab.close();
    }
  });
});

