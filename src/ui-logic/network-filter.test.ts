import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange, ExchangeError, HeaderList, StepId } from '../engine/types.js';
import {
  DEFAULT_NETWORK_SORT,
  exchangeHaystack,
  exchangeHost,
  filterExchanges,
  hostsOf,
  isFailedExchange,
  isNetworkFilterActive,
  NO_NETWORK_FILTER,
  shownExchanges,
  sortExchanges,
  statusClass,
  stepsOf,
  type NetworkFilter,
} from './network-filter.js';

const MCP = 'http://127.0.0.1:4282';
const AS = 'http://127.0.0.1:4281';

interface Shape {
  id: string;
  stepId: StepId;
  method?: string;
  url: string;
  requestHeaders?: HeaderList;
  requestBody?: string;
  status?: number;
  responseHeaders?: HeaderList;
  responseBody?: string;
  error?: ExchangeError;
  durationMs?: number;
}

function exchange(shape: Shape): Exchange {
  const result: Exchange = {
    id: shape.id,
    stepId: shape.stepId,
    request: { method: shape.method ?? 'GET', url: shape.url, headers: shape.requestHeaders ?? [], ...(shape.requestBody !== undefined ? { body: shape.requestBody } : {}) },
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: shape.durationMs ?? 5 },
  };
  if (shape.status !== undefined) result.response = { status: shape.status, statusText: '', headers: shape.responseHeaders ?? [], body: shape.responseBody ?? '', bodyTruncated: false, bodyBytes: 0 };
  if (shape.error) result.error = shape.error;
  return result;
}

/** The shape of a browser run against the lab, with one exchange the relay could not make. */
function labRun(): Exchange[] {
  return [
    exchange({
      id: 'probe',
      stepId: 'probe',
      method: 'POST',
      url: `${MCP}/mcp`,
      requestBody: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
      status: 401,
      responseHeaders: [['WWW-Authenticate', `Bearer resource_metadata="${MCP}/.well-known/oauth-protected-resource/mcp"`]],
      durationMs: 12,
    }),
    exchange({ id: 'prm', stepId: 'protected-resource-metadata', url: `${MCP}/.well-known/oauth-protected-resource/mcp`, status: 200, responseBody: `{"authorization_servers":["${AS}"]}`, durationMs: 3 }),
    exchange({ id: 'asm-404', stepId: 'authorization-server-metadata', url: `${AS}/.well-known/oauth-authorization-server`, status: 404, durationMs: 2 }),
    exchange({ id: 'asm', stepId: 'authorization-server-metadata', url: `${AS}/.well-known/openid-configuration`, status: 200, responseBody: '{"issuer":"http://127.0.0.1:4281"}', durationMs: 40 }),
    exchange({ id: 'register', stepId: 'client-registration', method: 'POST', url: `${AS}/reg`, status: 201, requestHeaders: [['Content-Type', 'application/json']], durationMs: 25 }),
    exchange({ id: 'token', stepId: 'token-request', method: 'POST', url: `${AS}/token`, requestBody: 'grant_type=authorization_code&code=Abc', status: 200, durationMs: 25 }),
    exchange({ id: 'redirected', stepId: 'authenticated-mcp', url: `${MCP}/old`, status: 307, durationMs: 1 }),
    exchange({ id: 'mcp', stepId: 'authenticated-mcp', method: 'POST', url: `${MCP}/mcp`, requestHeaders: [['Authorization', 'Bearer eyJhbGciOi']], status: 502, durationMs: 8 }),
    exchange({ id: 'cut', stepId: 'authenticated-mcp', url: 'http://10.0.0.8/mcp', error: { kind: 'private-address', message: 'Refused: 10.0.0.8 is a private address' }, durationMs: 0 }),
  ];
}

const ids = (exchanges: readonly Exchange[]) => exchanges.map((e) => e.id);
const filter = (extra: Partial<NetworkFilter>): NetworkFilter => ({ ...NO_NETWORK_FILTER, ...extra });

test('the search looks through the URL, header names and values, both bodies and the error, whatever the case', () => {
  const run = labRun();
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'OAUTH-PROTECTED-resource' }))), ['probe', 'prm'], 'URL, and a header value naming it');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'www-authenticate' }))), ['probe'], 'a response header name');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'content-type: application/json' }))), ['register'], 'a request header as name: value');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'code=abc' }))), ['token'], 'the request body');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'authorization_servers' }))), ['prm'], 'the response body');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'private address' }))), ['cut'], 'the error message');
  assert.deepEqual(ids(filterExchanges(run, filter({ query: '  bearer EYJ ' }))), ['mcp'], 'the query is trimmed');
  assert.deepEqual(filterExchanges(run, filter({ query: 'nothing-like-this' })), []);
});

test('a search does not match across two headers', () => {
  const run = [exchange({ id: 'a', stepId: 'probe', url: `${MCP}/mcp`, requestHeaders: [['Accept', 'application/json'], ['X-Other', 'value']] })];
  assert.deepEqual(filterExchanges(run, filter({ query: 'json x-other' })), []);
  assert.deepEqual(ids(filterExchanges(run, filter({ query: 'json' }))), ['a']);
});

test('the haystack is built once per exchange and is lower case', () => {
  const [first] = labRun();
  assert.ok(first);
  const haystack = exchangeHaystack(first);
  assert.equal(haystack, haystack.toLowerCase());
  assert.ok(haystack.includes('post http://127.0.0.1:4282/mcp'));
  assert.equal(exchangeHaystack(first), haystack);
  // Same object, same string: the second call did not build another.
  assert.ok(Object.is(exchangeHaystack(first), haystack));
});

test('status classes, with every exchange without an answer in "none"', () => {
  const run = labRun();
  assert.deepEqual(
    run.map((e) => [e.id, statusClass(e)]),
    [
      ['probe', '4xx'],
      ['prm', '2xx'],
      ['asm-404', '4xx'],
      ['asm', '2xx'],
      ['register', '2xx'],
      ['token', '2xx'],
      ['redirected', '3xx'],
      ['mcp', '5xx'],
      ['cut', 'none'],
    ],
  );
  assert.equal(statusClass(exchange({ id: 'pending', stepId: 'probe', url: `${MCP}/mcp` })), 'none');
  assert.equal(statusClass(exchange({ id: 'early', stepId: 'probe', url: `${MCP}/mcp`, status: 103 })), undefined);
  assert.deepEqual(ids(filterExchanges(run, filter({ status: '4xx' }))), ['probe', 'asm-404']);
  assert.deepEqual(ids(filterExchanges(run, filter({ status: 'none' }))), ['cut']);
});

test('a failure is an error, no answer, or a 4xx or 5xx; a redirect is not', () => {
  const run = labRun();
  assert.deepEqual(ids(run.filter(isFailedExchange)), ['probe', 'asm-404', 'mcp', 'cut']);
  assert.deepEqual(ids(filterExchanges(run, filter({ failuresOnly: true }))), ['probe', 'asm-404', 'mcp', 'cut']);
});

test('step and host filters, and the lists they offer', () => {
  const run = labRun();
  assert.deepEqual(hostsOf(run), ['127.0.0.1:4282', '127.0.0.1:4281', '10.0.0.8']);
  assert.deepEqual(stepsOf(run), ['probe', 'protected-resource-metadata', 'authorization-server-metadata', 'client-registration', 'token-request', 'authenticated-mcp']);
  assert.deepEqual(ids(filterExchanges(run, filter({ stepId: 'authorization-server-metadata' }))), ['asm-404', 'asm']);
  assert.deepEqual(ids(filterExchanges(run, filter({ host: '127.0.0.1:4281' }))), ['asm-404', 'asm', 'register', 'token']);
  assert.equal(exchangeHost(exchange({ id: 'odd', stepId: 'probe', url: 'not a url' })), 'not a url');
});

test('filters combine: every one must hold', () => {
  const run = labRun();
  assert.deepEqual(ids(filterExchanges(run, filter({ stepId: 'authenticated-mcp', failuresOnly: true, host: '127.0.0.1:4282' }))), ['mcp']);
  assert.deepEqual(ids(filterExchanges(run, filter({ stepId: 'token-request', failuresOnly: true }))), []);
});

test('sorting by duration, status and URL, both ways; ties keep the run order', () => {
  const run = labRun();
  assert.deepEqual(ids(sortExchanges(run, { key: 'duration', direction: 'descending' })).slice(0, 4), ['asm', 'register', 'token', 'probe']);
  assert.deepEqual(ids(sortExchanges(run, { key: 'duration', direction: 'ascending' })).slice(0, 3), ['cut', 'redirected', 'asm-404']);
  assert.deepEqual(ids(sortExchanges(run, { key: 'status', direction: 'ascending' })), ['prm', 'asm', 'token', 'register', 'redirected', 'probe', 'asm-404', 'mcp', 'cut']);
  assert.deepEqual(ids(sortExchanges(run, { key: 'status', direction: 'descending' })).slice(0, 3), ['cut', 'mcp', 'asm-404']);
  assert.deepEqual(ids(sortExchanges(run, { key: 'url', direction: 'ascending' })).slice(0, 2), ['cut', 'asm-404']);
});

test('sorting by time is the run order, and reversed when descending', () => {
  const run = labRun();
  assert.deepEqual(ids(sortExchanges(run, DEFAULT_NETWORK_SORT)), ids(run));
  assert.deepEqual(ids(sortExchanges(run, { key: 'time', direction: 'descending' })), ids(run).reverse());
});

test('what is shown is filtered, then ordered, and leaves the run as it was', () => {
  const run = labRun();
  const before = ids(run);
  assert.deepEqual(ids(shownExchanges(run, filter({ failuresOnly: true }), { key: 'duration', direction: 'descending' })), ['probe', 'mcp', 'asm-404', 'cut']);
  assert.deepEqual(ids(run), before);
});

test('a filter is active when any part of it narrows the list', () => {
  assert.equal(isNetworkFilterActive(NO_NETWORK_FILTER), false);
  assert.equal(isNetworkFilterActive(filter({ query: '   ' })), false);
  assert.equal(isNetworkFilterActive(filter({ query: 'x' })), true);
  assert.equal(isNetworkFilterActive(filter({ failuresOnly: true })), true);
  assert.equal(isNetworkFilterActive(filter({ status: 'none' })), true);
});

test('2,000 exchanges with kilobyte bodies are searched quickly once their haystacks exist', () => {
  const body = `{"padding":"${'x'.repeat(2000)}"}`;
  const run = Array.from({ length: 2000 }, (_, i) => exchange({ id: `e${i}`, stepId: 'authenticated-mcp', method: 'POST', url: `${MCP}/mcp?n=${i}`, requestBody: body, status: 200, responseBody: body }));
  filterExchanges(run, filter({ query: 'warm' }));
  const started = performance.now();
  const found = filterExchanges(run, filter({ query: 'n=1999' }));
  const elapsed = performance.now() - started;
  assert.deepEqual(ids(found), ['e1999']);
  // A keystroke's search; generous for a busy machine, far below a frozen page.
  assert.ok(elapsed < 100, `${elapsed.toFixed(1)} ms`);
});
