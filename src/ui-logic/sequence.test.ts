import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange, HeaderList, StepId } from '../engine/types.js';
import {
  actorFor,
  buildSequenceModel,
  ESTIMATED_HEADER_WIDTHS,
  fitLabel,
  MIN_SEQUENCE_WIDTH,
  noteRowHeight,
  replyLabel,
  requestLabel,
  rowsOnPage,
  sequenceGeometry,
  sequencePage,
  shortTarget,
  type ActorId,
} from './sequence.js';

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

test('the 401 reply shows the whole challenge; cut to the room there is, it ends in an ellipsis', () => {
  const model = buildSequenceModel(labRun(), { mcpOrigin: MCP });
  const reply = model.rows[2];
  assert.ok(reply?.kind === 'reply');
  assert.ok(reply.label.startsWith('401 · WWW-Authenticate: Bearer'));
  assert.ok(reply.label.endsWith('scope="mcp:tools"'));
  const cut = fitLabel(reply.label, 40 * 6.6, 6.6);
  assert.equal(cut.length, 40);
  assert.ok(cut.endsWith('…'));
  assert.equal(fitLabel('200 OK', 40 * 6.6, 6.6), '200 OK');
  assert.equal(fitLabel('200 OK', 0, 6.6), '…', 'no room still draws a mark that something is there');
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

test('with a label range only the page shown is labelled; the rows, actors and notes stay those of the whole run', () => {
  const run = labRun();
  const whole = buildSequenceModel(run, { mcpOrigin: MCP });
  const paged = buildSequenceModel(run, { mcpOrigin: MCP }, { labelRange: { start: 4, end: 6 } });
  assert.deepEqual(paged.actors, whole.actors);
  assert.deepEqual(
    paged.rows.map((row) => [row.kind, row.exchangeIndex]),
    whole.rows.map((row) => [row.kind, row.exchangeIndex]),
  );
  const page = sequencePage(6, 4, 1);
  assert.deepEqual(rowsOnPage(paged, page, 6), rowsOnPage(whole, page, 6));
  const unlabelled = paged.rows.filter((row) => (row.kind === 'request' || row.kind === 'reply') && row.exchangeIndex < 4);
  assert.ok(unlabelled.length > 0);
  assert.ok(unlabelled.every((row) => 'label' in row && row.label === ''));
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

const FOUR: ActorId[] = ['user', 'client', 'mcp', 'as'];

/** Header label boxes, centred on their lifelines at the width the geometry allows. */
function headerBoxes(geometry: ReturnType<typeof sequenceGeometry>, actors: readonly ActorId[]) {
  return actors.map((actor) => {
    const x = geometry.lanes.get(actor) ?? Number.NaN;
    const half = (geometry.headerWidths.get(actor) ?? Number.NaN) / 2;
    return { actor, x, left: x - half, right: x + half, width: 2 * half };
  });
}

test('the lifelines fit the container: at tablet width every lane and its header label are inside it, in order, not overlapping', () => {
  for (const available of [480, 530, 700, 880]) {
    const geometry = sequenceGeometry(FOUR, available);
    assert.equal(geometry.width, available);
    const boxes = headerBoxes(geometry, FOUR);
    for (const [index, box] of boxes.entries()) {
      assert.ok(box.left >= 0 && box.right <= available, `${box.actor} label inside at ${available}px`);
      const next = boxes[index + 1];
      if (next) assert.ok(box.right <= next.left, `${box.actor} and ${next.actor} labels apart at ${available}px`);
    }
    // From 530 px on, no estimated label has to be cut.
    if (available >= 530) for (const box of boxes) assert.ok(box.width >= ESTIMATED_HEADER_WIDTHS[box.actor], `${box.actor} whole at ${available}px`);
  }
});

test('the user lane is the narrow one; the server lanes share the rest', () => {
  const geometry = sequenceGeometry(FOUR, 530);
  const [user, client, mcp, as] = FOUR.map((actor) => geometry.lanes.get(actor) ?? Number.NaN);
  assert.ok(user !== undefined && client !== undefined && mcp !== undefined && as !== undefined);
  assert.ok(client - user < mcp - client, 'user lane narrower than a server lane');
  assert.ok(Math.abs(mcp - client - (as - mcp)) <= 1, 'server lanes evenly spaced');
  assert.ok(as > 530 * 0.75, 'the last lifeline is near the right edge, not squeezed left');
});

test('lanes follow the width; wide containers cap the server lanes and leave the room to the labels', () => {
  const narrow = sequenceGeometry(FOUR, 600);
  const wide = sequenceGeometry(FOUR, 900);
  assert.ok((wide.lanes.get('as') ?? 0) > (narrow.lanes.get('as') ?? 0));
  const huge = sequenceGeometry(FOUR, 3000);
  const client = huge.lanes.get('client') ?? 0;
  assert.ok((huge.lanes.get('as') ?? 0) - client <= 720, 'two server lanes of at most 360 px');
});

test('below the minimum the diagram keeps its minimum width (and scrolls); crowded labels are narrowed, never overlapping', () => {
  const five: ActorId[] = ['user', 'client', 'mcp', 'as', 'other'];
  const geometry = sequenceGeometry(five, 300, { client: 200, as: 220 });
  assert.equal(geometry.width, MIN_SEQUENCE_WIDTH);
  const boxes = headerBoxes(geometry, five);
  for (const [index, box] of boxes.entries()) {
    assert.ok(box.width >= 0 && box.left >= 0 && box.right <= MIN_SEQUENCE_WIDTH, `${box.actor} inside`);
    const next = boxes[index + 1];
    if (next) assert.ok(box.right <= next.left + 0.01, `${box.actor} / ${next.actor} apart`);
  }
  assert.ok((geometry.headerWidths.get('client') ?? 0) < 200, 'the measured wide client label is cut');
  assert.equal(geometry.headerWidths.get('user'), ESTIMATED_HEADER_WIDTHS.user, 'a short label keeps its width');
});

test('the sign-in note row grows with its text and shrinks with the width; Chinese characters count wide', () => {
  const text = 'The user signs in and consents at the authorization server; the browser comes back to the callback with code, state and iss.';
  assert.ok(noteRowHeight(text, 1200) < noteRowHeight(text, 460));
  assert.ok(noteRowHeight(text, 460) >= 3 * 17, 'three lines at 460 px');
  assert.ok(noteRowHeight('用户在授权服务器上登录并同意', 100) > noteRowHeight('abcdefghijklmn', 100));
});
