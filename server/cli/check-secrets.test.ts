/**
 * "Secrets (tokens, codes, client secrets, verifiers) are never logged, and never exported unless
 * the user asks." A real `check --verbose` against the lab saves its session with secrets (the
 * person asked, for this test) and prints its text report in the same run; every secret of that
 * session must be missing from what was printed, from the lab's log, and from the reports built
 * without --include-secrets.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { redactSession } from '../../src/engine/redact.js';
import type { Session } from '../../src/engine/session.js';
import type { Exchange } from '../../src/engine/types.js';
import { startLab, type Lab } from '../lab/index.js';
import { runCli } from '../test-support/run-cli.js';
import { readSavedSessionFile } from '../test-support/saved-session.js';
import { buildCheckReport, buildJunitReport } from './report.js';

/** Form and JSON fields that carry a secret in OAuth requests and answers. */
const SECRET_FIELDS = ['code', 'code_verifier', 'client_secret', 'client_assertion', 'refresh_token', 'access_token', 'id_token', 'token', 'registration_access_token'];

interface SecretRun {
  text: string;
  session: Session;
  secrets: Map<string, string>;
}

/** Every secret the run handled, named by where it was found. */
function secretsOf(session: Session): Map<string, string> {
  const found = new Map<string, string>();
  const add = (where: string, value: unknown) => {
    // Short values ("none", "Bearer") are names, not secrets, and would match by accident.
    // A value keeps the first place it was found: the session data, before any exchange.
    if (typeof value === 'string' && value.length >= 8 && !found.has(value)) found.set(value, where);
  };
  const { data, options } = session;
  for (const key of ['tokens', 'refreshedTokens'] as const) {
    add(`${key}.accessToken`, data[key]?.accessToken);
    add(`${key}.refreshToken`, data[key]?.refreshToken);
    add(`${key}.idToken`, data[key]?.idToken);
  }
  add('authorizationResponse.code', data.authorizationResponse?.code);
  add('authorizationRequest.codeVerifier', data.authorizationRequest?.codeVerifier);
  add('client.clientSecret', data.client?.clientSecret);
  add('options.clientSecret', options.clientSecret);
  add('options.introspection.clientSecret', options.introspection?.clientSecret);
  for (const exchange of session.results.flatMap((r) => r.exchanges)) secretsOfExchange(exchange, add);
  return found;
}

function secretsOfExchange(exchange: Exchange, add: (where: string, value: unknown) => void): void {
  const where = `${exchange.stepId} ${exchange.id} (${exchange.label ?? exchange.request.url})`;
  const form = new URLSearchParams(exchange.request.body ?? '');
  for (const field of SECRET_FIELDS) add(`${where} request ${field}`, form.get(field));
  for (const [name, value] of exchange.request.headers) {
    if (name.toLowerCase() === 'authorization') add(`${where} authorization`, value.replace(/^\S+\s+/, ''));
  }
  const location = exchange.response?.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (location && URL.canParse(location, exchange.request.url)) add(`${where} Location code`, new URL(location, exchange.request.url).searchParams.get('code'));
  const body = exchange.response?.body ?? '';
  if (body.startsWith('{')) {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      for (const field of SECRET_FIELDS) add(`${where} response ${field}`, (parsed as Record<string, unknown>)[field]);
    }
  }
}

describe('check keeps secrets out of its output', () => {
  let lab: Lab;
  const labLog: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mad-secrets-'));

  before(async () => {
    lab = await startLab({ autoConsent: true, log: (line) => labLog.push(line) });
  });
  after(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function checkVerbose(name: string, extra: string[]): Promise<SecretRun> {
    const out = join(dir, `${name}.json`);
    const { code, stdout, stderr } = await runCli(['check', lab.mcpUrl, '--verbose', '--out', out, '--include-secrets', ...extra]);
    assert.equal(code, 0, stdout + stderr);
    const file = readSavedSessionFile(out);
    assert.equal(file.secretsIncluded, true, 'the file says it keeps secrets');
    const session = file.session;
    return { text: stdout + stderr, session, secrets: secretsOf(session) };
  }

  function assertNoneIn(what: string, text: string, secrets: Map<string, string>): void {
    for (const [secret, where] of secrets) assert.ok(!text.includes(secret), `${what} shows the secret of ${where}`);
  }

  it('prints no token, code or verifier in the verbose text report of a public client', async () => {
    const run = await checkVerbose('public', []);
    const kinds = [...run.secrets.values()];
    for (const expected of ['tokens.accessToken', 'tokens.refreshToken', 'refreshedTokens.accessToken', 'authorizationResponse.code', 'authorizationRequest.codeVerifier']) {
      assert.ok(kinds.includes(expected), `the run handled ${expected}: ${kinds.join(', ')}`);
    }
    assert.match(run.text, /token-request\s+POST \S+\/token → 200/, 'the verbose report lists the exchanges');
    assertNoneIn('the text report', run.text, run.secrets);
    assertNoneIn('the lab log', labLog.join('\n'), run.secrets);
  });

  it('prints no client secret, introspection secret or audit token for a confidential client', async () => {
    const { clientId, clientSecret = '' } = lab.preRegisteredClient;
    const introspection = lab.introspectionClient;
    const run = await checkVerbose('confidential', [
      // The `=` form: generated secrets may start with "-", which parseArgs takes for an option.
      `--client-id=${clientId}`,
      `--client-secret=${clientSecret}`,
      `--introspection-client-id=${introspection.clientId}`,
      `--introspection-client-secret=${introspection.clientSecret}`,
      '--audit',
    ]);
    assert.ok(clientSecret.length >= 8, 'the lab client has a secret');
    assert.equal(run.secrets.get(clientSecret), 'client.clientSecret');
    assert.ok(run.secrets.has(introspection.clientSecret));
    assert.ok([...run.secrets.values()].some((where) => where.startsWith('audit ') && where.endsWith('response access_token')), 'the audit\'s foreign-audience token is among the secrets');
    assertNoneIn('the text report', run.text, run.secrets);
    assertNoneIn('the lab log', labLog.join('\n'), run.secrets);

    // The same run's reports as they leave the process without --include-secrets.
    const redacted = redactSession(run.session);
    assertNoneIn('the JSON report', JSON.stringify(buildCheckReport(redacted)), run.secrets);
    assertNoneIn('the JUnit report', buildJunitReport(redacted), run.secrets);
    assertNoneIn('the saved session', JSON.stringify(redacted), run.secrets);
  });
});

describe('credentials in the server URL (?api_key=, user:password@, a parameter the person names)', () => {
  let lab: Lab;
  let dir: string;
  before(async () => {
    lab = await startLab({ autoConsent: true });
    dir = mkdtempSync(join(tmpdir(), 'mad-url-secrets-'));
  });
  after(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reach the server, and appear in no output, saved session, JSON or JUnit report', async () => {
    const url = new URL(lab.mcpUrl);
    url.search = '?api_key=k-s3cret-query&tenant=acme&my_sig=named-s3cret';
    const out = join(dir, 'session.json');
    const text = await runCli(['check', url.href, '--secret-param', 'my_sig', '--out', out, '--verbose']);
    const json = await runCli(['check', url.href, '--secret-param', 'my_sig', '--format', 'json']);
    const junit = await runCli(['check', url.href, '--secret-param', 'my_sig', '--format', 'junit']);
    assert.equal(text.code, 0, text.stdout);
    const saved = readFileSync(out, 'utf8');
    for (const [name, output] of [
      ['text', text.stdout + text.stderr],
      ['saved session', saved],
      ['JSON', json.stdout],
      ['JUnit', junit.stdout],
    ] as const) {
      for (const secret of ['k-s3cret-query', 'named-s3cret']) assert.ok(!output.includes(secret), `${secret} in the ${name} output`);
      assert.ok(output.includes('tenant=acme'), `the harmless parameter stays in the ${name} output`);
    }
    // With --include-secrets the URL as sent is kept: the key did reach the server.
    const withSecrets = await runCli(['check', url.href, '--format', 'json', '--include-secrets']);
    assert.ok(withSecrets.stdout.includes('k-s3cret-query'));
  });

  it('user:password@ is never sent (fetch does not), said plainly, and never printed', async () => {
    const url = new URL(lab.mcpUrl);
    url.username = 'alice';
    url.password = 'pw-s3cret-userinfo';
    const json = await runCli(['check', url.href, '--format', 'json']);
    const text = await runCli(['check', url.href]);
    assert.equal(json.code, 1);
    for (const output of [json.stdout, text.stdout + text.stderr]) assert.ok(!output.includes('pw-s3cret-userinfo'));
    assert.match(json.stdout, /user:password@ credentials cannot be requested/);
  });
});
