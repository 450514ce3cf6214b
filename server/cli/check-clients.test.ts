/**
 * `check --clients` against the real lab: the real SDK clients' section in every report (text,
 * JSON, JUnit), in the saved session file (schema-valid, read back), and in the Markdown export.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Validator, type Schema } from '@cfworker/json-schema';
import { CLIENT_STAGES, SDK_CLIENT_IDS } from '../../src/wire/clients-constants.js';
import { readSessionFile, serialiseSessionFile, toSessionFile } from '../../src/engine/session-file.js';
import { exportSession } from '../../src/export/index.js';
import { startLab, type Lab } from '../lab/index.js';
import { runCli } from '../test-support/run-cli.js';
import { readSavedSessionFile } from '../test-support/saved-session.js';
import type { CheckReport } from './report.js';

describe('check --clients against the clean lab', () => {
  let lab: Lab;
  let dir: string;
  before(async () => {
    lab = await startLab({ autoConsent: true });
    dir = mkdtempSync(join(tmpdir(), 'mad-clients-'));
  });
  after(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('text: a Client compatibility section with both clients connected, the scorecard area passed, exit 0', async () => {
    const out = join(dir, 'run.json');
    const { code, stdout } = await runCli(['check', lab.mcpUrl, '--clients', '--timeout', '5000', '--out', out]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Client compatibility/);
    assert.match(stdout, /✓ MCP TypeScript SDK v1 \(@modelcontextprotocol\/sdk 1\.\d+\.\d+\)\s+connected \(2025-11-25, 2 tools\)/);
    assert.match(stdout, /✓ MCP TypeScript SDK v2 \(@modelcontextprotocol\/client 2\.\d+\.\d+\)\s+connected \(2026-07-28, 2 tools\)/);
    assert.match(stdout, /✓ clients\s+passed/);

    // The file is valid by the published schema, whose enums are the engine's.
    const schema = JSON.parse(readFileSync(new URL('../../docs/session-file.schema.json', import.meta.url), 'utf8')) as Schema & { $defs: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    const validity = new Validator(schema, '2020-12', false).validate(JSON.parse(readFileSync(out, 'utf8')));
    assert.ok(validity.valid, JSON.stringify(validity.errors.slice(0, 5)));
    assert.deepEqual(schema.$defs.sdkClientResult?.properties.stoppedAt?.enum, [...CLIENT_STAGES]);
    assert.deepEqual(schema.$defs.sdkClientResult?.properties.client?.enum, [...SDK_CLIENT_IDS]);

    const file = readSavedSessionFile(out);
    assert.deepEqual(file.session.clients?.results.map((result) => result.connected), [true, true]);
    const markdown = exportSession(file.session, 'markdown', { toolVersion: 'test', includeSecrets: false });
    assert.match(markdown, /## Client compatibility/);
    // Markdown escapes the parentheses of text it quotes.
    assert.match(markdown, /\| MCP TypeScript SDK v2 \\\(@modelcontextprotocol\/client 2\.\d+\.\d+\\\) \| ✅ connected \\\(2026-07-28, 2 tools\\\) \| – \| agrees: no error, and the client connects \|/);

    // A file whose clients are damaged is refused with the reason, not opened half-read.
    const damaged = toSessionFile({ ...file.session, clients: { results: [{ client: 'sdk-v9' }], findings: [] } as never }, { toolVersion: 'test', secretsIncluded: false });
    const reading = readSessionFile(serialiseSessionFile(damaged));
    assert.deepEqual(reading.ok ? 'opened' : reading.message, 'The session is damaged: client result 1 names no known client.');
  });

  test('JSON: clients with results and findings; JUnit: a suite of the real SDK clients', async () => {
    const json = await runCli(['check', lab.mcpUrl, '--clients', '--format', 'json', '--timeout', '5000']);
    const report = JSON.parse(json.stdout) as CheckReport;
    assert.deepEqual(report.clients?.results.map((result) => [result.client, result.connected, result.tools]), [
      ['sdk-v1', true, 2],
      ['sdk-v2', true, 2],
    ]);
    assert.deepEqual(report.clients?.findings.map((finding) => finding.id), ['clients.connected', 'clients.connected']);
    assert.equal(report.scorecard.find((score) => score.area === 'clients')?.verdict, 'passed');

    const junit = await runCli(['check', lab.mcpUrl, '--clients', '--format', 'junit', '--timeout', '5000']);
    assert.match(junit.stdout, /<testsuite name="[^"]+ \(real SDK clients\)" tests="2" failures="0">/);
    assert.match(junit.stdout, /<testcase classname="mcp-auth-debugger.clients" name="MCP TypeScript SDK v1 [^"]+">\s*<system-out>connected \(2025-11-25, 2 tools\)/);
  });

  test('without --clients the JSON report says null and the text has no section', async () => {
    const json = await runCli(['check', lab.mcpUrl, '--format', 'json', '--timeout', '5000']);
    assert.equal((JSON.parse(json.stdout) as CheckReport).clients, null);
    const text = await runCli(['check', lab.mcpUrl, '--timeout', '5000']);
    assert.doesNotMatch(text.stdout, /Client compatibility/);
  });
});
