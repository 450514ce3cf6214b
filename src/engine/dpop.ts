/**
 * DPoP (RFC 9449; MCP's SEP-1932): the client proves possession of a key with a signed proof
 * on every token request and every request that carries the access token, so a stolen token is
 * useless without the key. The key is the run's own (ES256, made for the run); the proofs are
 * made here and sent as the `DPoP` header, and a server's `use_dpop_nonce` answer is retried
 * once with the nonce it supplied, each attempt its own recorded exchange.
 * @see https://www.rfc-editor.org/rfc/rfc9449
 */
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { extendLabel } from './checks/engine-phrases.js';
import type { DpopState } from './flow-data.js';
import { fetchOver } from './recorder.js';
import type { Clock, ExchangeLabel, HttpRequestInput, RandomSource, SentExchange, StepContext, StepHttp } from './step.js';
import type { ExchangeResponse, HeaderList } from './types.js';
import { findChallenge, parseWwwAuthenticateChallenges } from './www-authenticate.js';

const DPOP_ALG = 'ES256';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh key pair for the run. */
export async function createDpopKey(reason: DpopState['reason']): Promise<DpopState> {
  const { publicKey, privateKey } = await generateKeyPair(DPOP_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    alg: DPOP_ALG,
    publicJwk: publicJwk as Record<string, unknown>,
    privateJwk: (await exportJWK(privateKey)) as Record<string, unknown>,
    thumbprint: await calculateJwkThumbprint(publicJwk),
    nonces: {},
    reason,
  };
}

/** `ath`: the base64url SHA-256 of the access token's ASCII bytes (RFC 9449 §4.2). */
export async function accessTokenHash(accessToken: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))));
}

/** `htu`: the request URI without query and fragment (RFC 9449 §4.2). */
function proofTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export interface ProofInput {
  method: string;
  url: string;
  accessToken?: string;
  nonce?: string;
}

/** One proof: `typ` dpop+jwt, the public key in `jwk`; a fresh `jti` each time. */
export async function createDpopProof(state: DpopState, input: ProofInput, clock: Clock, random: RandomSource): Promise<string> {
  const key = await importJWK(state.privateJwk as JWK, state.alg);
  const claims: Record<string, unknown> = {
    jti: base64url(random(16)),
    htm: input.method.toUpperCase(),
    htu: proofTarget(input.url),
    iat: Math.floor(clock.now() / 1000),
  };
  if (input.accessToken !== undefined) claims.ath = await accessTokenHash(input.accessToken);
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return new SignJWT(claims).setProtectedHeader({ typ: 'dpop+jwt', alg: state.alg, jwk: state.publicJwk as JWK }).sign(key);
}

/** Header and claims of a proof, for showing it; undefined when the value is not a JWS. */
export function decodeDpopProof(proof: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  try {
    return { header: decodeProtectedHeader(proof) as Record<string, unknown>, claims: decodeJwt(proof) as Record<string, unknown> };
  } catch (error) {
    // Anything a server or a person put in a DPoP header is shown as sent when it does not decode.
    if (error instanceof Error) return undefined;
    throw error;
  }
}

function headerOf(response: ExchangeResponse, name: string): string | undefined {
  return response.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/**
 * The nonce a server demands: an authorization server answers 400 `use_dpop_nonce` (RFC 9449
 * §8), a resource server 401 with `WWW-Authenticate: DPoP error="use_dpop_nonce"` (§9); both
 * send the nonce in `DPoP-Nonce`.
 */
export function demandedNonce(response: ExchangeResponse): string | undefined {
  const nonce = headerOf(response, 'dpop-nonce');
  if (nonce === undefined) return undefined;
  if (response.status === 400 && /"error"\s*:\s*"use_dpop_nonce"/.test(response.body)) return nonce;
  if (response.status === 401) {
    const challenges = response.headers.filter(([n]) => n.toLowerCase() === 'www-authenticate').map(([, v]) => v);
    if (findChallenge(parseWwwAuthenticateChallenges(challenges), 'dpop')?.parameters.error === 'use_dpop_nonce') return nonce;
  }
  return undefined;
}

export interface DpopHttpOptions {
  state: DpopState;
  /** Requests to URLs this accepts get proofs; others go out as they are. */
  applies: (url: string) => boolean;
  /** At the resource server: sent as `Authorization: DPoP <token>`, its hash in `ath`. */
  accessToken?: string;
  clock: Clock;
  random: RandomSource;
  /** Told of every nonce retry, for the finding. */
  onNonce?: (sent: SentExchange, nonce: string) => void;
}

/**
 * The step's HTTP with proofs added: each request it applies to gets a fresh proof (and the
 * token as `Authorization: DPoP`), carrying the latest nonce the origin supplied; a nonce
 * demand is answered with one retry. Nonces are kept in `state.nonces`.
 */
export function withDpop(http: StepHttp, options: DpopHttpOptions): StepHttp {
  const { state } = options;
  async function attempt(input: HttpRequestInput, label: ExchangeLabel | undefined, nonce: string | undefined): Promise<SentExchange> {
    const method = input.method ?? 'GET';
    const proof = await createDpopProof(state, { method, url: input.url, ...(options.accessToken !== undefined ? { accessToken: options.accessToken } : {}), ...(nonce !== undefined ? { nonce } : {}) }, options.clock, options.random);
    const kept = (input.headers ?? []).filter(([name]) => {
      const lower = name.toLowerCase();
      return lower !== 'dpop' && (options.accessToken === undefined || lower !== 'authorization');
    });
    const headers: HeaderList = [...kept, ...(options.accessToken !== undefined ? ([['authorization', `DPoP ${options.accessToken}`]] as HeaderList) : []), ['dpop', proof]];
    return http.send({ ...input, headers }, label);
  }
  async function send(input: HttpRequestInput, label?: ExchangeLabel): Promise<SentExchange> {
    if (!options.applies(input.url) || !URL.canParse(input.url)) return http.send(input, label);
    const origin = new URL(input.url).origin;
    let sent = await attempt(input, label, state.nonces[origin]);
    const demanded = sent.response ? demandedNonce(sent.response) : undefined;
    if (demanded !== undefined) {
      state.nonces[origin] = demanded;
      options.onNonce?.(sent, demanded);
      sent = await attempt(input, label ? extendLabel(label, 'label.then.dpop-nonce') : undefined, demanded);
    }
    // A server may hand out the next nonce with any answer (RFC 9449 §8.2).
    const next = sent.response ? headerOf(sent.response, 'dpop-nonce') : undefined;
    if (next !== undefined && sent.response && demandedNonce(sent.response) === undefined) state.nonces[origin] = next;
    return sent;
  }
  return { send, fetch: (label) => fetchOver(send, label), get exchanges() { return http.exchanges; } };
}

/**
 * Whether the run uses DPoP: the person chose it, or the resource asks for it (a DPoP challenge
 * and no Bearer one, or `dpop_bound_access_tokens_required` in its metadata, RFC 9728 §2).
 */
function dpopReason(ctx: Pick<StepContext, 'options' | 'data'>): DpopState['reason'] | undefined {
  if (ctx.options.dpop === 'off') return undefined;
  if (ctx.options.dpop === 'on') return 'option';
  // A resource that also offers Bearer does not ask for DPoP; one that challenges only with DPoP does.
  const schemes = (ctx.data.probe?.challenges ?? []).map((c) => c.scheme.toLowerCase());
  if (schemes.includes('dpop') && !schemes.includes('bearer')) return 'challenge';
  if (ctx.data.protectedResource?.document.dpop_bound_access_tokens_required === true) return 'resource-metadata';
  return undefined;
}

/** The run's DPoP key: the one made earlier, or a new one when the run uses DPoP. */
export async function dpopState(ctx: Pick<StepContext, 'options' | 'data'>): Promise<DpopState | undefined> {
  if (ctx.data.dpop) return { ...ctx.data.dpop, nonces: { ...ctx.data.dpop.nonces } };
  const reason = dpopReason(ctx);
  return reason ? createDpopKey(reason) : undefined;
}
