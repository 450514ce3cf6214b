/**
 * The network panel's view of a run's exchanges, as pure functions: the text a search looks
 * through, the filters (step, status class, host, failures only) and the orderings. Nothing here
 * renders; the panel and the "export shown" path both call `shownExchanges`, so what is exported
 * is exactly what is listed.
 */
import type { Exchange, StepId } from '../engine/types.js';
import { parseUrl } from './http-format.js';

/** An answer's status class, or `none` when the exchange has no answer (an error, or none yet). */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'none'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const NETWORK_SORT_KEYS = ['time', 'duration', 'status', 'url'] as const;
export type NetworkSortKey = (typeof NETWORK_SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface NetworkSort {
  key: NetworkSortKey;
  direction: SortDirection;
}

export interface NetworkFilter {
  /** Case-insensitive text looked for in the URL, header names and values, and both bodies. */
  query: string;
  stepId?: StepId;
  status?: StatusClass;
  /** `host[:port]`, as `exchangeHost` gives it. */
  host?: string;
  failuresOnly: boolean;
}

export const NO_NETWORK_FILTER: NetworkFilter = { query: '', failuresOnly: false };
export const DEFAULT_NETWORK_SORT: NetworkSort = { key: 'time', direction: 'ascending' };

// Exchanges are immutable once recorded, and a new session keeps the exchange objects of the
// steps it did not re-run: keyed on the object, each haystack is built once per exchange.
const haystacks = new WeakMap<Exchange, string>();

/**
 * Everything a search looks through, lower-cased and joined by newlines: method and URL, every
 * request and response header as `name: value`, the request body, the status line, the response
 * body and the error message. A newline never occurs in a header or a URL, so a query without one
 * cannot match across two parts.
 */
export function exchangeHaystack(exchange: Exchange): string {
  const cached = haystacks.get(exchange);
  if (cached !== undefined) return cached;
  const { request, response, error } = exchange;
  const parts = [`${request.method} ${request.url}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), request.body ?? ''];
  if (response) parts.push(`${response.status} ${response.statusText}`, ...response.headers.map(([name, value]) => `${name}: ${value}`), response.body);
  if (error) parts.push(error.message);
  const haystack = parts.join('\n').toLowerCase();
  haystacks.set(exchange, haystack);
  return haystack;
}

export function statusClass(exchange: Exchange): StatusClass | undefined {
  if (exchange.error || !exchange.response) return 'none';
  const status = exchange.response.status;
  if (status >= 500 && status < 600) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  if (status >= 200) return '2xx';
  // An informational (1xx) status is never a final answer; it belongs to none of the classes.
  return undefined;
}

/**
 * A failed exchange, as the status badge colours it: the transport gave an error, there is no
 * answer, or the answer is a 4xx or 5xx (RFC 9110 §15.5, §15.6).
 */
export function isFailedExchange(exchange: Exchange): boolean {
  if (exchange.error || !exchange.response) return true;
  return exchange.response.status >= 400;
}

/** `host[:port]` of the request URL, or the URL itself when it does not parse. */
export function exchangeHost(exchange: Exchange): string {
  return parseUrl(exchange.request.url)?.host ?? exchange.request.url;
}

/** The hosts the exchanges went to, in the order first seen. */
export function hostsOf(exchanges: readonly Exchange[]): string[] {
  return [...new Set(exchanges.map(exchangeHost))];
}

/** The steps that made exchanges, in the order first seen. */
export function stepsOf(exchanges: readonly Exchange[]): StepId[] {
  return [...new Set(exchanges.map((exchange) => exchange.stepId))];
}

export function isNetworkFilterActive(filter: NetworkFilter): boolean {
  return filter.query.trim() !== '' || filter.stepId !== undefined || filter.status !== undefined || filter.host !== undefined || filter.failuresOnly;
}

export function filterExchanges(exchanges: readonly Exchange[], filter: NetworkFilter): Exchange[] {
  const needle = filter.query.trim().toLowerCase();
  return exchanges.filter(
    (exchange) =>
      (filter.stepId === undefined || exchange.stepId === filter.stepId) &&
      (filter.status === undefined || statusClass(exchange) === filter.status) &&
      (filter.host === undefined || exchangeHost(exchange) === filter.host) &&
      (!filter.failuresOnly || isFailedExchange(exchange)) &&
      (needle === '' || exchangeHaystack(exchange).includes(needle)),
  );
}

type Comparable = number | string;

/**
 * The value an exchange is ordered by. Time is the run's order (`index`): the engine records one
 * exchange after another, and two started in the same millisecond still have an order. An
 * exchange without an answer sorts after every status.
 */
function sortValue(exchange: Exchange, index: number, key: NetworkSortKey): Comparable {
  switch (key) {
    case 'time':
      return index;
    case 'duration':
      return Number.isFinite(exchange.timings.durationMs) ? exchange.timings.durationMs : 0;
    case 'status':
      return exchange.error || !exchange.response ? 1000 : exchange.response.status;
    case 'url':
      return exchange.request.url.toLowerCase();
  }
}

/**
 * The exchanges ordered by `sort`. Ties keep the run's order whichever the direction, so equal
 * rows never jump about when the direction is toggled. `exchanges` is taken to be in run order.
 */
export function sortExchanges(exchanges: readonly Exchange[], sort: NetworkSort): Exchange[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = exchanges.map((exchange, index) => ({ exchange, index, value: sortValue(exchange, index, sort.key) }));
  keyed.sort((a, b) => {
    const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return order !== 0 ? order * sign : a.index - b.index;
  });
  return keyed.map((entry) => entry.exchange);
}

/** What the panel lists (and "export shown" writes): the run's exchanges, filtered, then ordered. */
export function shownExchanges(exchanges: readonly Exchange[], filter: NetworkFilter, sort: NetworkSort): Exchange[] {
  return sortExchanges(filterExchanges(exchanges, filter), sort);
}
