import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthorizationServerMetadata, FlowData } from '../flow-data.js';
import type { FlowOptions } from '../options.js';
import { redactSession } from '../redact.js';
import { authorizationRequestData, authorizationServerData, findingIds, noNetwork, runOneStep } from '../test-kit.js';
import type { StepResult } from '../types.js';
import { checkIssuer } from './authorization-response.js';

const SERVER = 'https://mcp.example.com/mcp';
const ISSUER = 'https://auth.example.com/realms/demo';
const REDIRECT = 'http://127.0.0.1:4280/callback';
const STATE = 'expected-state-value';

function callback(params: Record<string, string> | [string, string][]): string {
  return `${REDIRECT}?${new URLSearchParams(params).toString()}`;
}

interface Setup {
  callbackUrl?: string;
  issAdvertised?: boolean;
  options?: Partial<FlowOptions>;
}

async function respond(setup: Setup) {
  const metadata: AuthorizationServerMetadata = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    ...(setup.issAdvertised !== undefined ? { authorization_response_iss_parameter_supported: setup.issAdvertised } : {}),
  };
  const data: FlowData = {
    authorizationServer: authorizationServerData(metadata),
    client: { method: 'dcr', clientId: 'client-1', tokenEndpointAuthMethod: 'none', redirectUri: REDIRECT },
    authorizationRequest: authorizationRequestData({ url: `${ISSUER}/auth?client_id=client-1`, state: STATE, redirectUri: REDIRECT, expectedIssuer: ISSUER }),
    ...(setup.callbackUrl !== undefined ? { callbackUrl: setup.callbackUrl } : {}),
  };
  return runOneStep('authorization-response', noNetwork, { serverUrl: SERVER, ...setup.options }, data);
}

const failedWith = (result: StepResult) => (result.outcome.kind === 'failed' ? result.outcome.findingId : undefined);

describe('checkIssuer (the four cases)', () => {
  it('compares a present iss whether advertised or not, rejects an advertised one that is absent', () => {
    assert.equal(checkIssuer(true, ISSUER, ISSUER), 'matches');
    assert.equal(checkIssuer(true, undefined, ISSUER), 'missing');
    assert.equal(checkIssuer(false, 'https://evil.example.com', ISSUER), 'mismatch');
    assert.equal(checkIssuer(false, undefined, ISSUER), 'not-sent');
  });

  it('uses simple string comparison without normalisation', () => {
    assert.equal(checkIssuer(true, 'https://AUTH.example.com/realms/demo', ISSUER), 'mismatch');
    assert.equal(checkIssuer(true, `${ISSUER}/`, ISSUER), 'mismatch');
    assert.equal(checkIssuer(true, 'https://auth.example.com:443/realms/demo', ISSUER), 'mismatch');
  });
});

describe('authorization-response (2026-07-28)', () => {
  it('advertised + present + equal: passes the code on', async () => {
    const { result, session } = await respond({ issAdvertised: true, callbackUrl: callback({ code: 'the-code', state: STATE, iss: ISSUER }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['authorization.iss-verified']);
    assert.equal(session.data.authorizationResponse?.code, 'the-code');
    assert.equal(session.data.authorizationResponse?.iss, ISSUER);
  });

  it('advertised + absent: rejects, no code', async () => {
    const { result, session } = await respond({ issAdvertised: true, callbackUrl: callback({ code: 'the-code', state: STATE }) });
    assert.equal(failedWith(result), 'authorization.iss-missing');
    assert.equal(session.data.authorizationResponse?.code, undefined);
  });

  it('not advertised + present + different: rejects, no code', async () => {
    const { result, session } = await respond({ callbackUrl: callback({ code: 'the-code', state: STATE, iss: 'https://evil.example.com' }) });
    assert.equal(failedWith(result), 'authorization.iss-mismatch');
    assert.equal(session.data.authorizationResponse?.code, undefined);
  });

  it('not advertised + present + equal: proceeds, and tells the server to advertise it', async () => {
    const { result } = await respond({ callbackUrl: callback({ code: 'the-code', state: STATE, iss: ISSUER }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['authorization.iss-verified', 'authorization.iss-not-advertised']);
  });

  it('not advertised + absent: proceeds with an info finding', async () => {
    const { result, session } = await respond({ issAdvertised: false, callbackUrl: callback({ code: 'the-code', state: STATE }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(
      result.findings.map((f) => [f.id, f.severity]),
      [['authorization.iss-absent', 'info']],
    );
    assert.equal(session.data.authorizationResponse?.code, 'the-code');
  });

  it('does not act on or display an error response whose iss mismatches', async () => {
    const { result, session } = await respond({
      issAdvertised: true,
      callbackUrl: callback({ error: 'access_denied', error_description: 'Click here to re-login at evil.example', state: STATE, iss: 'https://evil.example.com' }),
    });
    assert.equal(failedWith(result), 'authorization.iss-mismatch');
    assert.equal(findingIds(result).includes('authorization.error-response'), false);
    assert.equal(session.data.authorizationResponse?.error, undefined);
    assert.equal(session.data.authorizationResponse?.errorDescription, undefined);
    assert.doesNotMatch(JSON.stringify(result.findings), /re-login/);
  });

  it('in a lenient run keeps the code and says so', async () => {
    const { result, session } = await respond({ options: { lenient: true }, callbackUrl: callback({ code: 'the-code', state: STATE, iss: 'https://evil.example.com' }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['authorization.iss-mismatch', 'authorization.lenient-went-on']);
    assert.equal(session.data.authorizationResponse?.code, 'the-code');
  });
});

describe('authorization-response: older spec versions', () => {
  it('2025-06-18: an advertised but absent iss is a warning and the flow goes on', async () => {
    const { result, session } = await respond({ options: { spec: '2025-06-18' }, issAdvertised: true, callbackUrl: callback({ code: 'c', state: STATE }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(
      result.findings.map((f) => [f.id, f.severity]),
      [['authorization.iss-missing-not-required', 'warning']],
    );
    assert.equal(session.data.authorizationResponse?.code, 'c');
  });

  it('2025-03-26: a present, different iss still stops the flow (RFC 9207 mix-up defence)', async () => {
    const { result } = await respond({ options: { spec: '2025-03-26' }, callbackUrl: callback({ code: 'c', state: STATE, iss: 'https://other.example' }) });
    assert.equal(failedWith(result), 'authorization.iss-mismatch');
  });

  it('2025-11-25: no iss anywhere produces no finding', async () => {
    const { result } = await respond({ options: { spec: '2025-11-25' }, callbackUrl: callback({ code: 'c', state: STATE }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), []);
  });
});

describe('authorization-response: state, errors, code', () => {
  it('rejects a state mismatch and a missing state', async () => {
    const mismatch = await respond({ callbackUrl: callback({ code: 'c', state: 'forged' }) });
    assert.equal(failedWith(mismatch.result), 'authorization.state-mismatch');
    assert.equal(mismatch.session.data.authorizationResponse?.code, undefined);
    assert.equal(mismatch.result.findings.find((f) => f.id === 'authorization.state-mismatch')?.params?.received, 'forged');

    const missing = await respond({ callbackUrl: callback({ code: 'c' }) });
    assert.equal(failedWith(missing.result), 'authorization.state-missing');
    assert.equal(missing.session.data.authorizationResponse?.code, undefined);
  });

  it('reports an error response and fails', async () => {
    const { result, session } = await respond({ callbackUrl: callback({ error: 'access_denied', error_description: 'The user said no', state: STATE }) });
    assert.equal(failedWith(result), 'authorization.error-response');
    const finding = result.findings.find((f) => f.id === 'authorization.error-response');
    assert.equal(finding?.params?.error, 'access_denied');
    assert.match(finding?.detail ?? '', /The user said no/);
    assert.equal(session.data.authorizationResponse?.error, 'access_denied');
    assert.equal(session.data.authorizationResponse?.errorDescription, 'The user said no');
  });

  it('fails when there is neither code nor error', async () => {
    const { result } = await respond({ callbackUrl: callback({ state: STATE }) });
    assert.equal(failedWith(result), 'authorization.code-missing');
  });

  it('rejects repeated parameters', async () => {
    const { result, session } = await respond({
      callbackUrl: callback([
        ['code', 'one'],
        ['code', 'two'],
        ['state', STATE],
      ]),
    });
    assert.equal(failedWith(result), 'authorization.duplicate-parameter');
    assert.equal(session.data.authorizationResponse?.code, undefined);
  });

  it('warns when the callback is not at the redirect URI, and rejects a non-URL', async () => {
    const elsewhere = await respond({ callbackUrl: `http://127.0.0.1:9999/other?code=c&state=${STATE}` });
    assert.ok(findingIds(elsewhere.result).includes('authorization.callback-not-redirect-uri'));
    assert.equal(elsewhere.result.outcome.kind, 'ok');

    const garbage = await respond({ callbackUrl: 'code=c&state=x' });
    assert.equal(failedWith(garbage.result), 'authorization.callback-invalid');
  });

  it('keeps a code out of the finding and the export when the callback is no URL', async () => {
    for (const callbackUrl of ['code=s3cr3t-code&state=x', '127.0.0.1:4280/callback?code=s3cr3t-code&state=x']) {
      const { result, session } = await respond({ callbackUrl });
      assert.equal(failedWith(result), 'authorization.callback-invalid');
      assert.match(result.findings[0]?.params?.callbackUrl ?? '', /state=x/);
      assert.doesNotMatch(JSON.stringify(result.findings), /s3cr3t-code/);
      assert.doesNotMatch(JSON.stringify(redactSession(session)), /s3cr3t-code/);
    }
  });

  it('asks the person again when no callback has arrived', async () => {
    const { result } = await respond({});
    assert.deepEqual(result.outcome, { kind: 'needs-user', action: { kind: 'open-authorization-url', url: `${ISSUER}/auth?client_id=client-1`, redirectUri: REDIRECT } });
  });

  it('passes on a code the own checks accept but the strict library refuses (an id_token in the query), with its verdict as a warning', async () => {
    const { result, session } = await respond({ issAdvertised: true, callbackUrl: callback({ code: 'the-code', state: STATE, iss: ISSUER, id_token: 'eyJhbGciOiJub25lIn0.e30.' }) });
    assert.equal(result.outcome.kind, 'ok');
    assert.deepEqual(findingIds(result), ['authorization.iss-verified', 'authorization.library-rejected']);
    const finding = result.findings[1];
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.params?.message, 'implicit and hybrid flows are not supported');
    assert.equal(session.data.authorizationResponse?.code, 'the-code');
  });
});
