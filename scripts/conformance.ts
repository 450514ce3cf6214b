/**
 * `npm run conformance`: the official MCP conformance suite (@modelcontextprotocol/conformance,
 * on Node 22 through npx) runs its client scenarios against our adapter
 * (`mcp-auth-debugger conformance-client`): every `auth/*` scenario of 0.1.16, and the
 * scenarios of 0.2.0-alpha.12 that the debugger covers (the 2026-07-28 protocol, the `auth/*`
 * scenarios with the extensions). Each scenario runs on its own at the spec version the suite
 * picks for it, so the suite's strictest verdict applies (warnings, timeouts and the client's
 * exit code all count). Prints one line per scenario and closes with "N passed, N failed".
 *
 * `npm run conformance -- auth/dpop 0.1.16:auth/basic-cimd` runs only the named scenarios
 * (in every suite that lists them, or in the one named before the colon).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const AUTH_SCENARIOS = [
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/metadata-var2',
  'auth/metadata-var3',
  'auth/basic-cimd',
  'auth/scope-from-www-authenticate',
  'auth/scope-from-scopes-supported',
  'auth/scope-omitted-when-undefined',
  'auth/scope-step-up',
  'auth/scope-retry-limit',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-post',
  'auth/token-endpoint-auth-none',
  'auth/pre-registration',
  'auth/2025-03-26-oauth-metadata-backcompat',
  'auth/2025-03-26-oauth-endpoint-fallback',
  'auth/resource-mismatch',
  'auth/offline-access-scope',
  'auth/offline-access-not-supported',
  'auth/client-credentials-jwt',
  'auth/client-credentials-basic',
  'auth/cross-app-access-complete-flow',
] as const;

/** The 0.2.0-alpha.12 client scenarios: the 2026-07-28 protocol, then every auth scenario. */
const SCENARIOS_0_2 = [
  'initialize',
  'tools_call',
  'request-metadata',
  'sep-2322-client-request-state',
  'http-standard-headers',
  'http-custom-headers',
  'http-invalid-tool-headers',
  'json-schema-ref-no-deref',
  'json-schema-2020-12-preservation',
  ...AUTH_SCENARIOS.filter((scenario) => scenario !== 'auth/cross-app-access-complete-flow'),
  'auth/authorization-server-migration',
  'auth/iss-supported',
  'auth/iss-not-advertised',
  'auth/iss-supported-missing',
  'auth/iss-wrong-issuer',
  'auth/iss-unexpected',
  'auth/iss-normalized',
  'auth/metadata-issuer-mismatch',
  'auth/enterprise-managed-authorization',
  'auth/dpop',
  'auth/dpop-nonce',
  'auth/wif-jwt-bearer',
] as const;

const SUITES = [
  { version: '0.1.16', scenarios: AUTH_SCENARIOS },
  { version: '0.2.0-alpha.12', scenarios: SCENARIOS_0_2 },
] as const;

const root = fileURLToPath(new URL('..', import.meta.url));
const outputDir = `${root}.conformance-results`;
const clientCommand = `${process.execPath} ${root}bin/mcp-auth-debugger.js conformance-client`;

interface ScenarioRun {
  suite: string;
  scenario: string;
  passed: boolean;
  summary: string;
  output: string;
}

function runScenario(suite: string, scenario: string): Promise<ScenarioRun> {
  const args = ['-y', '-p', 'node@22', '-p', `@modelcontextprotocol/conformance@${suite}`, 'conformance', 'client', '--command', clientCommand, '--scenario', scenario, '--timeout', '30000', '-o', `${outputDir}/${suite}`];
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The suite has its own 30 s timeout per client; this guards against the suite itself hanging.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      const summary = /Passed: [^\n]*/.exec(output)?.[0] ?? `exit ${code}`;
      resolve({ suite, scenario, passed: code === 0 && /OVERALL: PASSED/.test(output), summary, output });
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (suite: string, scenario: string) => only.length === 0 || only.includes(scenario) || only.includes(`${suite}:${scenario}`);
  const queue = SUITES.flatMap(({ version, scenarios }) => scenarios.filter((scenario) => wanted(version, scenario)).map((scenario) => ({ suite: version, scenario })));
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const results: ScenarioRun[] = [];
  const workers = Array.from({ length: 3 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const run = await runScenario(next.suite, next.scenario);
      results.push(run);
      process.stdout.write(`${run.passed ? 'ok  ' : 'FAIL'} ${`${run.suite} ${run.scenario}`.padEnd(60)} ${run.summary}\n`);
      if (!run.passed) process.stdout.write(`${indent(relevantLines(run.output))}\n`);
    }
  });
  await Promise.all(workers);
  const passed = results.filter((r) => r.passed).length;
  process.stdout.write(`\nconformance: ${passed} passed, ${results.length - passed} failed\n`);
  process.exitCode = passed === results.length ? 0 : 1;
}

function relevantLines(output: string): string {
  const lines = output.split('\n').filter((line) => /FAILURE|WARNING|Error|error|Client exited|timed out/.test(line));
  return lines.slice(0, 40).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `     ${line}`)
    .join('\n');
}

await main();
