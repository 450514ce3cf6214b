import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFlowOptions } from './options.js';
import { makeFinding } from './checks/catalogue.js';
import { because } from './checks/engine-phrases.js';
import { redactBody, redactExchange, redactHeaders, redactRequest, redactSession, redactText, redactUrl, REDACTED } from './redact.js';
import { createSession } from './session.js';
import { outcomeReason } from './step.js';
import type { Exchange } from './types.js';

describe('redaction', () => {
  it('keeps the scheme of Authorization and hides cookies', () => {
    assert.deepEqual(
      redactHeaders([
        ['Authorization', 'Bearer abc.def.ghi'],
        ['cookie', 'sid=1'],
        ['accept', 'application/json'],
      ]),
      [
        ['Authorization', `Bearer ${REDACTED}`],
        ['cookie', REDACTED],
        ['accept', 'application/json'],
      ],
    );
  });

  it('hides codes in URLs but keeps state and the rest', () => {
    const out = new URL(redactUrl('http://127.0.0.1:4280/callback?code=s3cr3t&state=abc&iss=x'));
    assert.equal(out.searchParams.get('code'), REDACTED);
    assert.equal(out.searchParams.get('state'), 'abc');
  });

  it('hides secret fields in form, JSON and free-text bodies', () => {
    const form = new URLSearchParams(redactBody('grant_type=authorization_code&code=s3cr3t&code_verifier=v3r1f1er&client_id=c'));
    assert.equal(form.get('code'), REDACTED);
    assert.equal(form.get('code_verifier'), REDACTED);
    assert.equal(form.get('client_id'), 'c');
    const json = JSON.parse(redactBody('{"access_token":"a","token_type":"Bearer","nested":{"refresh_token":"r"}}')) as Record<string, unknown>;
    assert.deepEqual(json, { access_token: REDACTED, token_type: 'Bearer', nested: { refresh_token: REDACTED } });
    const html = redactBody('Redirecting to <a href="http://x/callback?state=1&amp;code=s3cr3t">http://x/callback?code=s3cr3t</a>');
    assert.doesNotMatch(html, /s3cr3t/);
    assert.doesNotMatch(redactBody('event: message\ndata: eyJhbGciOi.eyJzdWIiOi.c2ln'), /eyJzdWIiOi/);
  });

  it('redacts a whole exchange: request URL, headers, body, response Location and body', () => {
    const exchange: Exchange = {
      id: 'ex-1',
      stepId: 'authorization-request',
      request: { method: 'POST', url: 'http://as/token?code=q1', headers: [['authorization', 'Basic Zm9vOmJhcg==']], body: 'code=c1&grant_type=authorization_code' },
      response: {
        status: 303,
        statusText: 'See Other',
        headers: [['location', 'http://127.0.0.1/callback?code=c2&state=s']],
        body: '{"access_token":"t1"}',
        bodyTruncated: false,
        bodyBytes: 20,
      },
      timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    const text = JSON.stringify(redactExchange(exchange));
    for (const secret of ['q1', 'Zm9vOmJhcg', 'c1', 'c2', 't1']) assert.ok(!text.includes(secret), `${secret} is gone`);
    assert.match(text, /state=s/);
  });

  it('hides codes in values that are no absolute URL: a relative Location, a pasted callback', () => {
    assert.equal(redactUrl('/callback?code=s3cr3t&state=abc'), `/callback?code=${REDACTED}&state=abc`);
    assert.doesNotMatch(redactUrl('code=s3cr3t&state=abc'), /s3cr3t/);
    assert.equal(redactUrl('not a url'), 'not a url');
  });

  it('hides the values of the person\'s extra headers, in the options and in every exchange', () => {
    const extraHeaders: [string, string][] = [
      ['X-Api-Key', 'k-s3cret'],
      ['Authorization', 'Bearer pat-s3cret'],
    ];
    const probe: Exchange = {
      id: 'ex-1',
      stepId: 'probe',
      request: { method: 'POST', url: 'https://mcp/mcp', headers: [['content-type', 'application/json'], ['x-api-key', 'k-s3cret']], body: '{}' },
      response: { status: 401, statusText: '', headers: [], body: '', bodyTruncated: false, bodyBytes: 0 },
      timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
    };
    const session = createSession(defaultFlowOptions('https://mcp/mcp', { extraHeaders }));
    session.results.push({ stepId: 'probe', exchanges: [probe], findings: [], data: {}, outcome: { kind: 'ok' } });
    const redacted = redactSession(session);
    assert.deepEqual(redacted.options.extraHeaders, [
      ['X-Api-Key', REDACTED],
      ['Authorization', `Bearer ${REDACTED}`],
    ]);
    assert.deepEqual(redacted.results[0]?.exchanges[0]?.request.headers, [
      ['content-type', 'application/json'],
      ['x-api-key', REDACTED],
    ]);
    assert.doesNotMatch(JSON.stringify(redacted), /s3cret/);
  });

  it('hides the ID token and IdP secret of the cross-app-access grant but keeps where they go', () => {
    const identityAssertion = { idpTokenEndpoint: 'https://idp/token', idToken: 'eyJ.id.token', idpClientId: 'c', idpClientSecret: 'idp-s3cret' };
    const session = createSession(defaultFlowOptions('https://mcp/mcp', { grant: 'cross-app-access', identityAssertion }));
    const redacted = redactSession(session).options.identityAssertion;
    assert.deepEqual(redacted, { idpTokenEndpoint: 'https://idp/token', idToken: REDACTED, idpClientId: 'c', idpClientSecret: REDACTED });
    assert.equal(session.options.identityAssertion?.idToken, 'eyJ.id.token', 'the session itself is not changed');
  });
});

describe('credentials in URLs and requests', () => {
  it('hides keys in the query (any case), userinfo and the parameters the person names; the rest stays', () => {
    assert.equal(
      redactUrl('https://alice:pw@mcp.example.com/mcp?API_KEY=k1&apikey=k2&key=k3&sig=k4&signature=k5&tenant=acme'),
      'https://%5Bredacted%5D@mcp.example.com/mcp?API_KEY=%5Bredacted%5D&apikey=%5Bredacted%5D&key=%5Bredacted%5D&sig=%5Bredacted%5D&signature=%5Bredacted%5D&tenant=acme',
    );
    assert.equal(redactUrl('https://mcp.example.com/mcp?my_sig=x&tenant=acme', new Set(['my_sig'])), 'https://mcp.example.com/mcp?my_sig=%5Bredacted%5D&tenant=acme');
    assert.equal(redactText('see https://bob:pw@x.example/mcp?api_key=abc&ok=1'), 'see https://[redacted]@x.example/mcp?api_key=[redacted]&ok=1');
  });

  it('a saved session hides them in the options, the exchanges, the findings and the outcomes', () => {
    const serverUrl = 'https://mcp.example.com/mcp?api_key=k-s3cret&tenant=acme';
    const finding = makeFinding('probe.insecure-transport', '2026-07-28', { params: { url: serverUrl } });
    assert.ok(finding);
    const session = {
      ...createSession(defaultFlowOptions(serverUrl)),
      results: [
        {
          stepId: 'probe' as const,
          exchanges: [
            {
              id: 'x1',
              stepId: 'probe' as const,
              label: `PRM after redirect to ${serverUrl}`,
              labelId: 'label.prm.from-challenge',
              labelParams: { url: serverUrl },
              request: { method: 'GET', url: serverUrl, headers: [] },
              error: { kind: 'invalid-url' as const, message: `Not an absolute URL: ${serverUrl}`, messageId: 'transport-error.not-absolute-url', messageParams: { url: serverUrl } },
              timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
            },
          ],
          findings: [{ ...finding, stepId: 'probe' as const }],
          data: {},
          outcome: { kind: 'failed' as const, ...outcomeReason(because('outcome.probe.redirect', { location: serverUrl })) },
        },
      ],
      status: { kind: 'stopped' as const, stepId: 'probe' as const, ...outcomeReason(because('outcome.probe.redirect', { location: serverUrl })) },
    };
    // The ids and params that render a text in another language hide the same secrets as its English.
    const text = JSON.stringify(redactSession(session));
    assert.ok(text.includes('"reasonParams":{"location":"https://mcp.example.com/mcp?api_key=[redacted]&tenant=acme"}'), text);
    assert.ok(!text.includes('k-s3cret'), text);
    assert.ok(text.includes('tenant=acme'));
  });

  it('"Copy as curl" gets a request without its credentials unless asked', () => {
    const request = redactRequest({
      method: 'POST',
      url: 'https://mcp.example.com/mcp?api_key=k-s3cret',
      headers: [
        ['authorization', 'Bearer eyJa.eyJb.c'],
        ['x-api-key', 'k-header'],
        ['content-type', 'application/json'],
      ],
      body: '{"refresh_token":"rt-s3cret","n":1}',
    });
    const text = JSON.stringify(request);
    for (const secret of ['k-s3cret', 'eyJa.eyJb.c', 'k-header', 'rt-s3cret']) assert.ok(!text.includes(secret), secret);
    assert.ok(text.includes('application/json'));
  });
});
