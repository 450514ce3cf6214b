import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as oauth from 'oauth4webapi';
import { defaultFlowOptions } from '../options.js';
import { createSession, runStep } from '../session.js';
import { ok, type StepContext } from '../step.js';
import { cannedTransport, type CannedRoute } from '../test-kit.js';
import type { ExchangeResponse } from '../types.js';
import { exchangeLabel } from '../checks/engine-phrases.js';
import { sendThroughLibrary, strictVerdict, type LibraryRequest } from './oauth-library.js';

function recorded(status: number, body: unknown): { response: ExchangeResponse } {
  const text = JSON.stringify(body);
  return { response: { status, statusText: '', headers: [['content-type', 'application/json']], body: text, bodyTruncated: false, bodyBytes: text.length } };
}

describe('strictVerdict', () => {
  const issuer = new URL('https://as.example');
  const discovery = (response: Response) => oauth.processDiscoveryResponse(issuer, response);

  it('replays the recorded answer into oauth4webapi without sending anything', async () => {
    assert.equal(await strictVerdict(recorded(200, { issuer: 'https://as.example' }), discovery), undefined);
    assert.match((await strictVerdict(recorded(200, { issuer: 'https://other.example' }), discovery)) ?? '', /issuer/);
    assert.match((await strictVerdict(recorded(201, { issuer: 'https://as.example' }), discovery)) ?? '', /status/);
  });

  it('replays a status the Response constructor refuses, as fetch would deliver it', async () => {
    assert.match((await strictVerdict(recorded(999, { issuer: 'https://as.example' }), discovery)) ?? '', /status/);
  });
});

describe('sendThroughLibrary', () => {
  const TOKEN = 'https://as.example/token';
  const as: oauth.AuthorizationServer = { issuer: 'https://as.example', token_endpoint: TOKEN };

  /** Runs `body` as the probe step of a fresh session, so it has a real recording context. */
  async function inStep(route: CannedRoute, body: (ctx: StepContext) => Promise<LibraryRequest>): Promise<LibraryRequest> {
    let outcome: LibraryRequest | undefined;
    const session = createSession(defaultFlowOptions('https://mcp.example/mcp'));
    const after = await runStep(session, {
      transport: cannedTransport({ [`POST ${TOKEN}`]: route }),
      steps: {
        probe: {
          id: 'probe',
          run: async (ctx) => {
            outcome = await body(ctx);
            return ok();
          },
        },
      },
    });
    assert.deepEqual(after.results[0]?.outcome, { kind: 'ok' }, JSON.stringify(after.results[0]?.findings));
    assert.ok(outcome);
    return outcome;
  }

  const tokenRequest = (ctx: StepContext, parameters = new URLSearchParams({ code: 'c' })) =>
    sendThroughLibrary(ctx, exchangeLabel('label.token.request'), (customFetch) =>
      oauth.genericTokenEndpointRequest(as, { client_id: 'c1' }, oauth.None(), 'authorization_code', parameters, { [oauth.customFetch]: customFetch }),
    );

  it('returns the exchange the library sent, answered', async () => {
    const { exchange, answered } = await inStep({ status: 400, body: { error: 'invalid_grant' } }, (ctx) => tokenRequest(ctx));
    assert.equal(answered, true);
    assert.equal(exchange.label, 'token request');
    assert.equal(exchange.request.url, TOKEN);
    assert.equal(new URLSearchParams(exchange.request.body).get('grant_type'), 'authorization_code');
    assert.equal(exchange.response?.status, 400);
  });

  it('says when the library got no answer, with the typed error in the exchange', async () => {
    const { exchange, answered } = await inStep({ error: { kind: 'refused', message: 'connection refused' } }, (ctx) => tokenRequest(ctx));
    assert.equal(answered, false);
    assert.deepEqual(exchange.error, { kind: 'refused', message: 'connection refused' });
  });

  it('lets any other failure through, as the bug it is', async () => {
    const session = createSession(defaultFlowOptions('https://mcp.example/mcp'));
    const after = await runStep(session, {
      transport: cannedTransport({}),
      steps: {
        probe: {
          id: 'probe',
          run: async (ctx) => {
            await sendThroughLibrary(ctx, exchangeLabel('label.token.request'), async () => {
              throw new TypeError('"parameters" must be an instance of URLSearchParams');
            });
            return ok();
          },
        },
      },
    });
    assert.equal(after.results[0]?.findings[0]?.id, 'engine.internal-error');
    assert.match(after.results[0]?.findings[0]?.params?.message ?? '', /URLSearchParams/);
  });
});
