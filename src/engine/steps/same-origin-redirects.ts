/**
 * Redirects met by the engine's own requests (the probe, the metadata documents): the transport
 * hands every 3xx back, and this module decides whether a client would follow it. The policy is
 * the MCP SDK's (a redirect is followed only within the request's origin, or to its https form on
 * the same host; a request with a body only through 307/308; at most five hops), so the debugger
 * goes where real clients go. Each hop is its own exchange and each redirect, followed or not,
 * is reported with the caller's finding ids.
 * The authorization round trip is another matter: there the user-agent follows the
 * authorization server anywhere until it reaches the redirect URI (`consent/follow-redirects.ts`).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4
 */
import { extendLabel } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import type { ExchangeLabel, HttpRequestInput, SentExchange, StepContext } from '../step.js';
import { headerValue } from './json-document.js';

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type UnfollowedRedirectReason = 'cross-origin' | 'method-change' | 'too-many' | 'invalid-location';

export interface RedirectFindingIds {
  /** Reported for each redirect that was followed (warning: clients that do not follow fail). */
  followed: string;
  /** Reported when a redirect is not followed; the 3xx is then the final answer. */
  notFollowed: string;
}

export interface RedirectHop {
  from: string;
  to: string;
  status: number;
  exchangeId: string;
}

export interface FollowedExchange {
  /** The last exchange: the answer that counts (a 3xx when a redirect was not followed). */
  sent: SentExchange;
  hops: RedirectHop[];
  unfollowed?: { reason: UnfollowedRedirectReason; location: string };
}

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Same scheme, host and port, or the https form of an http URL on default ports. */
export function isWithinOrigin(from: URL, to: URL): boolean {
  if (from.protocol === to.protocol && from.hostname === to.hostname && from.port === to.port) return true;
  return from.hostname === to.hostname && from.protocol === 'http:' && from.port === '' && to.protocol === 'https:' && to.port === '';
}

/**
 * When the redirects given up on lead back to a URL already requested, the server loops: no
 * client that follows redirects will ever get an answer there, whatever its hop limit.
 */
function reportLoop(ctx: StepContext, start: string, hops: readonly RedirectHop[], next: string, evidence: { exchangeId: string }): void {
  const first = new URL(start);
  first.hash = '';
  const visited = [first.href, ...hops.map((hop) => hop.to)];
  if (!visited.includes(next)) return;
  ctx.report('http.redirect-loop', {
    params: { url: start, repeated: next, hops: String(hops.length + 1), max: String(MAX_REDIRECTS) },
    evidence,
  });
}

export async function sendFollowingRedirects(
  ctx: StepContext,
  request: HttpRequestInput,
  label: ExchangeLabel,
  ids: RedirectFindingIds,
): Promise<FollowedExchange> {
  const hops: RedirectHop[] = [];
  let current = request;
  for (;;) {
    const sent = await ctx.http.send(current, hops.length === 0 ? label : extendLabel(label, 'label.then.redirect', { hop: String(hops.length) }));
    const response = sent.response;
    if (!response || !isRedirectStatus(response.status)) return { sent, hops };
    const location = headerValue(response, 'location');
    // A 3xx without Location is not a redirect (RFC 9110 §15.4): the caller judges the status.
    if (location === undefined) return { sent, hops };
    const evidence = { exchangeId: sent.exchange.id };
    const notFollowed = (reason: UnfollowedRedirectReason): FollowedExchange => {
      ctx.report(ids.notFollowed, {
        // `max` fills the phrase of a `too-many` reason.
        params: { from: current.url, to: location, status: String(response.status), reason: phrase(`redirect.${reason}`), max: String(MAX_REDIRECTS) },
        evidence,
      });
      return { sent, hops, unfollowed: { reason, location } };
    };
    if (!URL.canParse(location, current.url)) return notFollowed('invalid-location');
    const target = new URL(location, current.url);
    const from = new URL(current.url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return notFollowed('invalid-location');
    const addsUserinfo = (target.username !== '' || target.password !== '') && (target.username !== from.username || target.password !== from.password);
    if (addsUserinfo || !isWithinOrigin(from, target)) return notFollowed('cross-origin');
    const method = (current.method ?? 'GET').toUpperCase();
    // 301, 302 and 303 turn a request with a body into a GET; only 307 and 308 keep it.
    if (method !== 'GET' && method !== 'HEAD' && response.status !== 307 && response.status !== 308) return notFollowed('method-change');
    target.hash = '';
    if (hops.length >= MAX_REDIRECTS) {
      const gaveUp = notFollowed('too-many');
      reportLoop(ctx, request.url, hops, target.href, evidence);
      return gaveUp;
    }
    ctx.report(ids.followed, { params: { from: current.url, to: target.href, status: String(response.status) }, evidence });
    hops.push({ from: current.url, to: target.href, status: response.status, exchangeId: sent.exchange.id });
    current = { ...current, url: target.href };
  }
}
