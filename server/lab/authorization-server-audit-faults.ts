/**
 * The authorization server's audit faults: the requests RFC 9700 says an authorization server
 * must refuse, served instead. oidc-provider refuses them all, so each fault is a layer of the
 * lab's own in front of its authorization and token endpoints, or a check of its turned off:
 *
 * - `audit.as-redirects-to-unregistered-uri`: any redirect URI is taken as registered (an open
 *   redirector that hands codes to whoever names the URI), RFC 9700 §4.1;
 * - `audit.as-accepts-plain-pkce`: `code_challenge_method=plain` is served, though only S256 is
 *   advertised (the challenge is then the verifier itself, as plain defines it), RFC 9700 §2.1.1;
 * - `audit.as-code-reused`: a retry cache answers a code presented again with the tokens it
 *   issued for it the first time, RFC 9700 §4.2.1;
 * - `audit.as-wrong-verifier-accepted`: the code_verifier is never compared with the challenge,
 *   RFC 7636 §4.6;
 * - `audit.as-code-other-client`: the token endpoint takes a public client's code to be its own
 *   whichever client_id presents it, RFC 6749 §4.1.3;
 * - `audit.as-refresh-token-reused`: a retry cache answers a public client's refresh token that
 *   was already rotated with the answer it gave before, RFC 9700 §4.14.2.
 *
 * Each is read at every request, so the faults switch while the lab runs.
 */
import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { KEYCLOAK_ROUTES } from './demo-realm.js';
import type { ActiveFaults, LabFaultId } from './faults.js';

/** The faults that need the token request's form: only then is the body read here. */
const TOKEN_FAULTS: readonly LabFaultId[] = ['audit.as-code-reused', 'audit.as-wrong-verifier-accepted', 'audit.as-code-other-client', 'audit.as-refresh-token-reused'];

/** oidc-provider's own limit for a request body. */
const BODY_LIMIT_BYTES = 56 * 1024;

/** How long a retry cache keeps an answer, and how many it keeps. */
const REPLAY_TTL_MS = 60_000;
const REPLAY_CAPACITY = 64;

const s256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type MountedRequest = IncomingMessage & { originalUrl?: string };

/** The request again, head and all, with `body` to be read: what oidc-provider reads after a layer has read the original. */
function requestWithBody(req: MountedRequest, body: string): MountedRequest {
  const copy: MountedRequest = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.originalUrl = req.originalUrl;
  copy.httpVersion = req.httpVersion;
  copy.headers = { ...req.headers, 'content-length': String(Buffer.byteLength(body)) };
  copy.push(body);
  copy.push(null);
  // Whole from the start: Node takes an incomplete message that ends for an aborted one and closes the socket.
  copy.complete = true;
  return copy;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Token answers by the code or refresh token they were issued for, each kept a minute. */
function createRetryCache() {
  const answers = new Map<string, { body: Record<string, unknown>; until: number }>();
  return {
    get(key: string): Record<string, unknown> | undefined {
      const entry = answers.get(key);
      if (entry && entry.until > Date.now()) return entry.body;
      answers.delete(key);
      return undefined;
    },
    set(key: string, body: Record<string, unknown>): void {
      answers.set(key, { body, until: Date.now() + REPLAY_TTL_MS });
      for (const oldest of answers.keys()) {
        if (answers.size <= REPLAY_CAPACITY) break;
        answers.delete(oldest);
      }
    },
  };
}

export function installAuthorizationServerAuditFaults(provider: Provider, faults: ActiveFaults): void {
  const redirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowedUnlessFaulty(this: InstanceType<Provider['Client']>, value: string): boolean {
    return faults.has('audit.as-redirects-to-unregistered-uri') || redirectUriAllowed.call(this, value);
  };

  // Plain PKCE served as plain: the verifier must equal the challenge, which is what a challenge
  // of S256(challenge) checks, so the request goes on as S256 of the value it sent.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === KEYCLOAK_ROUTES.authorization && faults.has('audit.as-accepts-plain-pkce')) {
      const params = new URLSearchParams(ctx.querystring);
      const challenge = params.get('code_challenge');
      if (params.get('code_challenge_method') === 'plain' && challenge) {
        params.set('code_challenge', s256(challenge));
        params.set('code_challenge_method', 'S256');
        // oidc-provider derives its mount path from originalUrl minus url, so both change alike.
        const req: MountedRequest = ctx.req;
        const mountPath = req.originalUrl?.slice(0, req.originalUrl.indexOf(ctx.url)) ?? '';
        ctx.querystring = params.toString();
        req.originalUrl = `${mountPath}${ctx.url}`;
      }
    }
    await next();
  });

  const retries = createRetryCache();
  provider.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== KEYCLOAK_ROUTES.token || !ctx.is('application/x-www-form-urlencoded') || !TOKEN_FAULTS.some((id) => faults.has(id))) {
      await next();
      return;
    }
    const raw = await readBody(ctx.req);
    if (raw === undefined) {
      ctx.status = 413;
      ctx.body = { error: 'invalid_request', error_description: 'request body too large' };
      return;
    }
    const form = new URLSearchParams(raw);
    const grantType = form.get('grant_type');
    const presented = grantType === 'authorization_code' ? form.get('code') : grantType === 'refresh_token' ? form.get('refresh_token') : null;
    const retryFault: LabFaultId = grantType === 'authorization_code' ? 'audit.as-code-reused' : 'audit.as-refresh-token-reused';
    const retrying = presented !== null && faults.has(retryFault);

    const replay = retrying ? retries.get(presented) : undefined;
    if (replay) {
      ctx.status = 200;
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Pragma', 'no-cache');
      ctx.body = { ...replay };
      return;
    }

    const code = grantType === 'authorization_code' ? presented : null;
    const stored = code ? await provider.AuthorizationCode.find(code) : undefined;
    if (stored) {
      // A public client names itself by client_id alone; the code is taken to say whose it is.
      const clientId = form.get('client_id');
      if (faults.has('audit.as-code-other-client') && ctx.get('authorization') === '' && stored.clientId && clientId !== null && clientId !== stored.clientId) {
        form.set('client_id', stored.clientId);
      }
      // The verifier is taken as it comes: the stored challenge becomes the one it matches.
      const verifier = form.get('code_verifier');
      if (faults.has('audit.as-wrong-verifier-accepted') && verifier && stored.codeChallenge && s256(verifier) !== stored.codeChallenge) {
        stored.codeChallenge = s256(verifier);
        stored.codeChallengeMethod = 'S256';
        await stored.save();
      }
    }

    const forwarded = requestWithBody(ctx.req, form.toString());
    ctx.req = forwarded;
    ctx.request.req = forwarded;
    await next();

    if (retrying && ctx.status === 200 && isRecord(ctx.body)) {
      // A refresh answer is kept only when it replaced the token: that is the reuse to serve.
      const rotated = grantType === 'refresh_token' && typeof ctx.body.refresh_token === 'string' && ctx.body.refresh_token !== presented;
      if (grantType === 'authorization_code' || rotated) retries.set(presented, { ...ctx.body });
    }
  });
}
