import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange, HeaderList, StepId } from '../engine/types.js';
import { actorFor, buildSequenceModel, replyLabel, requestLabel, rowsOnPage, sequencePage, shortTarget } from './sequence.js';

const MCP = 'http://127.0.0.1:4282';
const AS = 'http://127.0.0.1:4281';
let counter = 0;

function exchange(stepId: StepId, method: string, url: string, status?: number, headers: HeaderList = [], body?: string): Exchange {
  counter++;
  const result: Exchange = {
    id: `ex-${counter}`,
    stepId,
    request: { method, url, headers: [], ...(body !== undefined ? { body } : {}) },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5 },
  };
  if (status !== undefined) result.response = { status, statusText: '', headers, body: '', bodyTruncated: false, bodyBytes: 0 };
  return result;
}

/** A browser run against the lab: the authorization happens in the person's browser, so no exchanges for it. */
function labRun(): Exchange[] {
  counter = 0;
  return [
    exchange('probe', 'POST', `${MCP}/mcp`, 401, [['www-authenticate', `Bearer resource_metadata="${MCP}/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"`]], '{"jsonrpc":"2.0","id":1,"method":"initialize"}'),
    exchange('protected-resource-metadata', 'GET', `${MCP}/.well-known/oauth-protected-resource/mcp`, 200),
    exchange('authorization-server-metadata', 'GET', `${AS}/.well-known/oauth-authorization-server/realms/demo`, 200),
    exchange('client-registration', 'GET', 'https://cimd.example/client.json', 200),
    exchange('token-request', 'POST', `${AS}/realms/demo/token`, 200, [], 'grant_type=authorization_code&code=abc'),
    exchange('authenticated-mcp', 'POST', `${MCP}/mcp`, 200, [], '{"jsonrpc":"2.0","id":2,"method":"tools/list"}'),
  ];
}

test('each exchange is an arrow to the actor owning its origin, and a reply arrow', () => {
  const model = buildSequenceModel(labRun(), { mcpOrigin: `${MCP}/mcp` });
  assert.deepEqual(model.actors, ['user', 'client', 'mcp', 'as', 'other']);
  const arrows = model.rows.filter((row) => row.kind === 'request');
  assert.deepEqual(arrows.map((row) => row.actor), ['mcp', 'mcp', 'as', 'other', 'as', 'mcp']);
  assert.deepEqual(arrows.map((row) => row.label), [
    'POST /mcp · initialize',
    'GET /.well-known/oauth-protected-resource/mcp',
    'GET /.well-known/oauth-authorization-server/realms/demo',
    'GET cimd.example/client.json',
    'POST /realms/demo/token',
    'POST /mcp · tools/list',
  ]);
  const replies = model.rows.filter((row) => row.kind === 'reply');
  assert.equal(replies[0]?.kind === 'reply' && replies[0].tone, 'client-error');
  assert.equal(replies[1]?.label, '200 OK');
});

test('the 401 reply shows the challenge, capped; the full text is kept', () => {
  const model = buildSequenceModel(labRun(), { mcpOrigin: MCP }, { labelCap: 40 });
  const reply = model.rows[2];
  assert.ok(reply?.kind === 'reply');
  assert.equal(reply.label.length, 40);
  assert.ok(reply.label.startsWith('401 · WWW-Authenticate: Bearer'));
  assert.ok(reply.label.endsWith('…'));
  assert.ok(reply.fullLabel.includes('scope="mcp:tools"'));
});

test('the sign-in note goes between the last exchange before the callback and the token request', () => {
  const model = buildSequenceModel(labRun(), { mcpOrigin: MCP });
  const kinds = model.rows.filter((row) => row.kind !== 'step').map((row) => (row.kind === 'note' ? row.note : row.kind));
  assert.deepEqual(kinds.slice(6, 11), ['request', 'reply', 'authorization-completed', 'request', 'reply']);
  const around = model.rows.slice(model.rows.findIndex((row) => row.kind === 'note'));
  assert.deepEqual(around.slice(0, 2).map((row) => row.kind), ['note', 'step'], 'the note comes before the token-request divider');
  assert.equal(model.rows.filter((row) => row.kind === 'note').length, 1);
  const waiting = buildSequenceModel(labRun().slice(0, 4), { mcpOrigin: MCP }, { authorization: 'waiting' });
  assert.deepEqual(waiting.rows.at(-1), { kind: 'note', note: 'authorization-waiting', exchangeIndex: 4 });
  const none = buildSequenceModel(labRun(), { mcpOrigin: MCP }, { authorization: 'none' });
  assert.equal(none.rows.some((row) => row.kind === 'note'), false);
});

test('without an AS origin given, the AS is the origin of the first metadata document found', () => {
  const model = buildSequenceModel(labRun(), { mcpOrigin: MCP });
  assert.equal(model.rows.find((row) => row.kind === 'request' && row.stepId === 'token-request' && row.actor === 'as') !== undefined, true);
  assert.equal(actorFor(`${AS}/x`, MCP, undefined), 'other');
  const noOther = buildSequenceModel(labRun().filter((e) => !e.request.url.includes('cimd')), { mcpOrigin: MCP, authorizationServerOrigin: `${AS}/realms/demo` });
  assert.deepEqual(noOther.actors, ['user', 'client', 'mcp', 'as']);
});

test('redirect replies show where they go, with codes shortened', () => {
  counter = 0;
  const hop = exchange('authorization-request', 'GET', `${AS}/realms/demo/auth?response_type=code&client_id=dO4T4n2Eha4yI80Fac1lN8lXt0IcWBA7p8hKAiS7HfH`, 302, [
    ['location', 'http://127.0.0.1:4280/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&iss=http%3A%2F%2F127.0.0.1%3A4281%2Frealms%2Fdemo'],
  ]);
  assert.equal(replyLabel(hop).label, '302 → 127.0.0.1:4280/callback?code=SplxlOBeZ…&state=af0ifjsld…&iss=http://12…');
  assert.equal(requestLabel(hop, 'as'), 'GET /realms/demo/auth?response_type=code&client_id=dO4T4n2Eh…');
  const sameOrigin = { ...hop, response: hop.response && { ...hop.response, headers: [['location', '/realms/demo/login/x'] as [string, string]] } };
  assert.equal(replyLabel(sameOrigin).label, '302 → /realms/demo/login/x');
  assert.equal(shortTarget('not a url', false), 'not a url');
});

test('failed and pending exchanges', () => {
  counter = 0;
  const failed = exchange('probe', 'POST', `${MCP}/mcp`);
  failed.error = { kind: 'refused', message: 'connect ECONNREFUSED' };
  assert.deepEqual(replyLabel(failed), { label: '✕ refused', tone: 'failure' });
  assert.deepEqual(replyLabel(exchange('probe', 'POST', `${MCP}/mcp`)), { label: '…', tone: 'pending' });
});

test('long runs are paged; notes stay with their page', () => {
  assert.deepEqual(sequencePage(450, 100, undefined), { page: 4, pageCount: 5, start: 400, end: 450 });
  assert.deepEqual(sequencePage(450, 100, undefined, 120), { page: 1, pageCount: 5, start: 100, end: 200 });
  assert.deepEqual(sequencePage(0, 100, 3), { page: 0, pageCount: 1, start: 0, end: 0 });
  const model = buildSequenceModel(labRun(), { mcpOrigin: MCP });
  const first = rowsOnPage(model, sequencePage(6, 4, 0), 6);
  const second = rowsOnPage(model, sequencePage(6, 4, 1), 6);
  assert.equal(first.length + second.length, model.rows.length);
  assert.equal(first.some((row) => row.kind === 'note'), false);
  assert.equal(second[0]?.kind, 'note');
});

test('a divider marks each change of step, even when a step comes back', () => {
  counter = 0;
  const run = [
    exchange('probe', 'POST', `${MCP}/mcp`, 401),
    exchange('authenticated-mcp', 'POST', `${MCP}/mcp`, 200),
    exchange('authenticated-mcp', 'POST', `${MCP}/mcp`, 403),
    exchange('authorization-request', 'GET', `${AS}/auth`, 302),
    exchange('authenticated-mcp', 'POST', `${MCP}/mcp`, 200),
  ];
  const model = buildSequenceModel(run, { mcpOrigin: MCP, authorizationServerOrigin: AS });
  assert.deepEqual(
    model.rows.filter((row) => row.kind === 'step').map((row) => row.kind === 'step' && row.stepId),
    ['probe', 'authenticated-mcp', 'authorization-request', 'authenticated-mcp'],
  );
  assert.equal(model.rows.filter((row) => row.kind === 'note').length, 2, 'step-up: a sign-in note before each return');
});
