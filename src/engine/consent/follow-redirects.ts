/**
 * Headless consent: walks the authorization server's redirects the way a browser would, hop by
 * hop, until one points at the redirect URI. Each hop is an exchange of its own (redirects are
 * never followed silently). It works against servers that need no person, such as the lab run
 * with --auto-consent; a login or consent page ends the walk with an explanation.
 */
import type { AuthorizationInteraction, StepHttp } from '../step.js';
import { headerValue } from '../steps/json-document.js';
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
      const target = redirectTarget(redirectUri);
      const jar = new CookieJar();
      let current = url;
      for (let hop = 1; hop <= maxHops; hop++) {
        const location = await requestHop(http, jar, current, hop);
        const next = new URL(location, current);
        if (`${next.origin}${next.pathname}` === target) return next.href;
        current = next.href;
      }
      throw new Error(
        `Redirect loop: ${maxHops} requests from ${url} never reached the redirect URI ${redirectUri}. The last Location was ${current}.`,
      );
    },
  };
}

/** The authorization server wants a person: it answered with a page (login, consent), not a redirect. */
export class AuthorizationPageShown extends Error {
  constructor(readonly pageUrl: string) {
    super(
      `The authorization server answered ${pageUrl} with an HTML page (HTTP 200) instead of redirecting: it shows a login or consent page, so automatic consent cannot continue. Start the lab with --auto-consent, or run with --consent browser and complete the page yourself.`,
    );
    this.name = 'AuthorizationPageShown';
  }
}

/** Sends one GET and returns its Location, or throws with why the walk cannot go on. */
async function requestHop(http: StepHttp, jar: CookieJar, url: string, hop: number): Promise<string> {
  const headers: [string, string][] = [['accept', 'text/html,application/xhtml+xml,*/*;q=0.8']];
  const cookie = jar.header(url);
  if (cookie) headers.push(['cookie', cookie]);
  const sent = await http.send({ url, headers }, hop === 1 ? 'authorization request' : `authorization redirect ${hop}`);
  const response = sent.response;
  if (sent.error || !response) {
    const error = sent.error ?? { kind: 'refused', message: 'no answer' };
    throw new Error(`The request to ${url} failed (${error.kind}): ${error.message}.`);
  }
  jar.store(url, response);

  if (response.status >= 300 && response.status < 400) {
    const location = headerValue(response, 'location');
    if (!location) throw new Error(`${url} answered HTTP ${response.status} without a Location header, so there is nowhere to go.`);
    if (!URL.canParse(location, url)) throw new Error(`${url} redirected to "${location}", which is not a valid URL.`);
    return location;
  }
  const contentType = headerValue(response, 'content-type') ?? '';
  if (response.status === 200 && (/html/i.test(contentType) || /^\s*</.test(response.body))) {
    throw new AuthorizationPageShown(url);
  }
  throw new Error(`The authorization server answered ${url} with HTTP ${response.status} instead of a redirect${excerpt(response.body)}.`);
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

function redirectTarget(redirectUri: string): string {
  if (!URL.canParse(redirectUri)) return redirectUri;
  const url = new URL(redirectUri);
  return `${url.origin}${url.pathname}`;
}

/** A short, tag-free excerpt of an error page, so the reason shows in one line. */
function excerpt(body: string): string {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
