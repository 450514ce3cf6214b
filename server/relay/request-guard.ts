/**
 * Who may use the relay. It is a proxy on a developer's machine that can reach anything the
 * machine can, so a relay call must come from the SPA the relay served, and from nowhere else:
 *
 * - `Host` must name the relay itself on loopback. A web page that rebinds its own DNS name
 *   to 127.0.0.1 (DNS rebinding) still sends its own name in `Host`, so it is refused here.
 * - `Origin`, when the browser sends one, must be the relay's own origin. A page elsewhere
 *   cannot make the browser lie about it.
 * - `x-relay-secret` must equal the per-process secret, which only the served `index.html`
 *   carries; other origins cannot read that page (no CORS, CORP same-origin, no framing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { transportText, transportTextInEnglish, type TransportText } from '../../src/wire/transport-messages.js';
import { RELAY_SECRET_HEADER } from '../../src/wire/relay.js';
import { hostForUrl } from '../net/url-host.js';

/** A refusal's message, in English and by reference. */
function refusal(text: TransportText): { message: string; text: TransportText } {
  return { message: transportTextInEnglish(text), text };
}

/**
 * `reason` is a fixed word for the log line; `message` goes to the caller, in English, and `text`
 * names it among the engine's transport messages, for the page to say in its reader's language.
 */
export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: GuardReason; message: string; text: TransportText };
export type GuardReason = 'foreign-host' | 'foreign-origin' | 'missing-secret' | 'wrong-secret';

export interface RequestGuard {
  /** DNS-rebinding defence: the `Host` header names this relay. */
  hostAllowed(headers: IncomingHttpHeaders): boolean;
  /** Host, then Origin, then the secret; the first failure decides the answer. */
  checkRelayCall(headers: IncomingHttpHeaders): GuardVerdict;
}

const ALLOWED = { ok: true } as const;

export function createRequestGuard(options: { port: number; boundHost: string; secret: string }): RequestGuard {
  const hosts = allowedHostNames(options.boundHost);
  const hostHeaders = new Set<string>();
  const origins = new Set<string>();
  for (const name of hosts) {
    hostHeaders.add(`${name}:${options.port}`);
    origins.add(`http://${name}:${options.port}`);
    // A browser leaves the default port out of both headers.
    if (options.port === 80) {
      hostHeaders.add(name);
      origins.add(`http://${name}`);
    }
  }
  const secretDigest = digest(options.secret);

  function hostAllowed(headers: IncomingHttpHeaders): boolean {
    const host = headers.host;
    return host !== undefined && hostHeaders.has(host.toLowerCase());
  }

  return {
    hostAllowed,
    checkRelayCall(headers) {
      if (!hostAllowed(headers)) {
        return { ok: false, status: 403, reason: 'foreign-host', ...refusal(transportText('transport-error.relay-foreign-host')) };
      }
      const origin = headers.origin;
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return { ok: false, status: 403, reason: 'foreign-origin', ...refusal(transportText('transport-error.relay-foreign-origin')) };
      }
      const presented = headers[RELAY_SECRET_HEADER];
      if (typeof presented !== 'string' || presented === '') {
        return { ok: false, status: 401, reason: 'missing-secret', ...refusal(transportText('transport-error.relay-missing-secret', { header: RELAY_SECRET_HEADER })) };
      }
      // Digests have equal lengths, so the comparison time says nothing about the secret.
      if (!timingSafeEqual(digest(presented), secretDigest)) {
        return { ok: false, status: 401, reason: 'wrong-secret', ...refusal(transportText('transport-error.relay-wrong-secret', { header: RELAY_SECRET_HEADER })) };
      }
      return ALLOWED;
    },
  };
}

/** Loopback names always; the bound host too when it is a specific (not wildcard) address. */
function allowedHostNames(boundHost: string): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const bound = boundHost.toLowerCase();
  if (bound !== '' && bound !== '0.0.0.0' && bound !== '::') {
    const asUrlHost = hostForUrl(bound);
    if (!names.includes(asUrlHost)) names.push(asUrlHost);
  }
  return names;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
