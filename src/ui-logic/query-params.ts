/**
 * URLs and form bodies broken into their parameters, each known OAuth / MCP parameter paired
 * with the message key of a one-line explanation (texts in src/i18n/messages/inspect.ts).
 */
import { parseUrl } from './http-format.js';

/**
 * Parameters of authorization requests and responses, token requests and responses,
 * registration and introspection that the inspector explains.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3 (PKCE)
 * @see https://www.rfc-editor.org/rfc/rfc8707#section-2 (resource)
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2 (iss)
 */
export const KNOWN_OAUTH_PARAMETERS = [
  'response_type',
  'response_mode',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'redirect_uri',
  'code_challenge',
  'code_challenge_method',
  'code_verifier',
  'state',
  'nonce',
  'resource',
  'audience',
  'scope',
  'prompt',
  'login_hint',
  'code',
  'iss',
  'session_state',
  'grant_type',
  'refresh_token',
  'access_token',
  'id_token',
  'token_type',
  'expires_in',
  'token',
  'token_type_hint',
  'assertion',
  'subject_token',
  'subject_token_type',
  'requested_token_type',
  'error',
  'error_description',
  'error_uri',
] as const;
export type KnownOAuthParameter = (typeof KNOWN_OAUTH_PARAMETERS)[number];

const KNOWN = new Set<string>(KNOWN_OAUTH_PARAMETERS);

/** The message key explaining a parameter, or undefined for one the inspector does not know. */
export function oauthParameterKey(name: string): string | undefined {
  return KNOWN.has(name) ? `inspect.param.${name}` : undefined;
}

export interface Parameter {
  name: string;
  value: string;
  /** Message key of a short explanation when the parameter is a known one. */
  explanationKey?: string;
}

export interface UrlBreakdown {
  /** False when the text is not an absolute URL; then only `raw` is meaningful. */
  valid: boolean;
  raw: string;
  /** Scheme, host and path without the query (`https://as.example/authorize`). */
  base: string;
  params: Parameter[];
  /** The fragment without `#`, or '' when there is none. */
  fragment: string;
}

function withExplanation(name: string, value: string): Parameter {
  const explanationKey = oauthParameterKey(name);
  return explanationKey ? { name, value, explanationKey } : { name, value };
}

/** Query parameters in order, percent-decoded; repeated names stay repeated. */
export function breakDownUrl(url: string): UrlBreakdown {
  const parsed = parseUrl(url);
  if (!parsed) return { valid: false, raw: url, base: url, params: [], fragment: '' };
  const params = [...parsed.searchParams].map(([name, value]) => withExplanation(name, value));
  return {
    valid: true,
    raw: url,
    base: `${parsed.origin === 'null' ? `${parsed.protocol}//` : parsed.origin}${parsed.pathname}`,
    params,
    fragment: parsed.hash.replace(/^#/, ''),
  };
}

/** An `application/x-www-form-urlencoded` body (token, registration and introspection requests). */
export function formParameters(body: string): Parameter[] {
  return [...new URLSearchParams(body)].map(([name, value]) => withExplanation(name, value));
}
