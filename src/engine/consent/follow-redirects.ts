/**
 * Headless consent: walks the authorization server's redirects the way a browser would, hop by
 * hop and across origins, until one points at the redirect URI. Each hop is an exchange of its
 * own (redirects are never followed silently). It works against servers that need no person,
 * such as the lab run with --auto-consent; a login or consent page, an error page or a redirect
 * that leads nowhere ends the walk with the finding that explains it.
 */
import { because, exchangeLabel } from '../checks/engine-phrases.js';
import { phrase } from '../checks/finding-phrases.js';
import { InteractionFailure, type AuthorizationInteraction, type StepHttp } from '../step.js';
import { redactUrl } from '../redact.js';
import { redirectionEndpoint } from '../steps/authorization-response.js';
import { headerValue, noAnswerFindingId, noAnswerParams } from '../steps/json-document.js';
import type { ExchangeResponse } from '../types.js';

export interface RedirectFollowingOptions {
  /** Requests before giving up (default 10). */
  maxHops?: number;
}

const DEFAULT_MAX_HOPS = 10;

export function createRedirectFollowingInteraction(options: RedirectFollowingOptions = {}): AuthorizationInteraction {
  const maxHops = options.maxHops ?? DEFAULT_MAX_HOPS;
  return {
    async obtainCallback({ url, redirectUri }, http) {
      const target = redirectionEndpoint(redirectUri);
      const jar = new CookieJar();
      let current = url;
      let exchangeId = '';
      for (let hop = 1; hop <= maxHops; hop++) {
        const redirect = await requestHop(http, jar, current, hop);
        exchangeId = redirect.exchangeId;
        const next = new URL(redirect.location, current);
        if (`${next.origin}${next.pathname}` === target) return next.href;
        current = next.href;
      }
      const [from, last] = [redactUrl(url), redactUrl(current)];
      const params = { url: from, redirectUri, hops: String(maxHops), last };
      throw new InteractionFailure(because('outcome.consent.redirect-loop', params), { id: 'authorization.redirect-uri-not-reached', params, evidence: { exchangeId } });
    },
  };
}

/** The authorization server wants a person: it answered with a page (login, consent), not a redirect. */
export class AuthorizationPageShown extends InteractionFailure {
  constructor(
    readonly pageUrl: string,
    exchangeId: string,
  ) {
    super(because('outcome.consent.page-shown', { url: pageUrl }), { id: 'authorization.login-page-shown', params: { url: pageUrl }, evidence: { exchangeId } });
    this.name = 'AuthorizationPageShown';
  }
}

/**
 * Sends one GET and returns where it redirects, or throws with why the walk cannot go on. The
 * reasons show URLs with any code or token in them redacted: a hop may be a callback the walk did
 * not recognise as the redirect URI, and findings are kept and exported as they are.
 */
async function requestHop(http: StepHttp, jar: CookieJar, url: string, hop: number): Promise<{ location: string; exchangeId: string }> {
  const headers: [string, string][] = [['accept', 'text/html,application/xhtml+xml,*/*;q=0.8']];
  const cookie = jar.header(url);
  if (cookie) headers.push(['cookie', cookie]);
  const sent = await http.send({ url, headers }, hop === 1 ? exchangeLabel('label.authorization.request') : exchangeLabel('label.authorization.redirect', { hop: String(hop) }));
  const evidence = { exchangeId: sent.exchange.id };
  const shown = redactUrl(url);
  const response = sent.response;
  // A body cut at the size cap still leaves a usable status and Location.
  if (!response || (sent.error && sent.error.kind !== 'too-large')) {
    const params = noAnswerParams(shown, sent.error ?? { kind: 'refused', message: phrase('transport.no-answer') });
    throw new InteractionFailure(because('outcome.consent.request-failed', params), { id: noAnswerFindingId(sent.error), params, evidence });
  }
  jar.store(url, response);

  const status = String(response.status);
  if (response.status >= 300 && response.status < 400) {
    const location = headerValue(response, 'location');
    if (!location) {
      const params = { url: shown, status };
      throw new InteractionFailure(because('outcome.consent.redirect-without-location', params), { id: 'authorization.redirect-without-location', params, evidence });
    }
    if (!URL.canParse(location, url)) {
      const params = { url: shown, location: redactUrl(location) };
      throw new InteractionFailure(because('outcome.consent.redirect-location-invalid', params), { id: 'authorization.redirect-location-invalid', params, evidence });
    }
    return { location, exchangeId: sent.exchange.id };
  }
  const contentType = headerValue(response, 'content-type') ?? '';
  if (response.status === 200 && (/html/i.test(contentType) || /^\s*</.test(response.body))) {
    throw new AuthorizationPageShown(shown, sent.exchange.id);
  }
  const params = { url: shown, status, excerpt: excerpt(response.body) || phrase('value.no-text') };
  throw new InteractionFailure(because('outcome.consent.no-redirect', params), { id: 'authorization.no-redirect', params, evidence });
}

/**
 * A minimal cookie jar: `name=value` per host, sent back on later requests to the same host.
 * Enough for a login session kept across the authorization server's own redirects; attributes
 * other than an immediate expiry are ignored.
 */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: string, response: Pick<ExchangeResponse, 'headers'>): void {
    const host = new URL(url).host;
    for (const [name, value] of response.headers) {
      if (name.toLowerCase() !== 'set-cookie') continue;
      // A transport may fold several Set-Cookie headers into one line; split where a new cookie starts.
      for (const line of value.split(/,(?=\s*[^;,=\s]+=)/)) this.storeOne(host, line);
    }
  }

  header(url: string): string | undefined {
    const cookies = this.byHost.get(new URL(url).host);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private storeOne(host: string, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) return;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const cookies = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, cookies);
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a)) || (value === '' && attributes.some((a) => /^\s*expires\s*=/i.test(a)));
    if (expired) cookies.delete(name);
    else cookies.set(name, value);
  }
}

/** A short, tag-free excerpt of an error page, so the reason shows in one line. */
function excerpt(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
