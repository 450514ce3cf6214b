/**
 * Removes secrets (tokens, codes, client secrets, PKCE verifiers, cookies) from a session
 * before it leaves the process: JSON output, saved sessions, exports. Only an explicit
 * request by the person keeps them.
 */
import type { FlowData } from './flow-data.js';
import type { Session } from './session.js';
import type { Exchange, HeaderList } from './types.js';

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-relay-secret']);
const NO_NAMES: ReadonlySet<string> = new Set();
const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'registration_access_token',
  'token',
  'assertion',
  'subject_token',
  'password',
]);

/**
 * `alsoSecret`: further header names (lower case) whose values are hidden, such as the extra
 * headers a person sends to the MCP server, which may carry its credentials (an API key).
 */
export function redactHeaders(headers: HeaderList, alsoSecret: ReadonlySet<string> = NO_NAMES): HeaderList {
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (!SECRET_HEADERS.has(lower) && !alsoSecret.has(lower)) return [name, value];
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const scheme = value.split(' ')[0] ?? '';
      return [name, scheme && scheme !== value ? `${scheme} ${REDACTED}` : REDACTED];
    }
    return [name, REDACTED];
  });
}

/** Secret query parameters replaced; a value that is no URL (a pasted callback) is redacted as text. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return redactBody(url);
  const parsed = new URL(url);
  let changed = false;
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_FIELDS.has(key)) {
      parsed.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}

/** Redacts a body that is JSON or form-encoded; other bodies are kept (they hold no known fields). */
export function redactBody(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(redactJson(JSON.parse(body)));
    } catch {
      // Not JSON after all (a cut or broken document): fall through to the textual rules below.
      return redactFreeText(body);
    }
  }
  if (/^[\w.~%+-]+=[^&]*(&[\w.~%+-]+=[^&]*)*$/.test(trimmed)) {
    const params = new URLSearchParams(body);
    let changed = false;
    for (const key of [...params.keys()]) {
      if (SECRET_FIELDS.has(key)) {
        params.set(key, REDACTED);
        changed = true;
      }
    }
    return changed ? params.toString() : body;
  }
  return redactFreeText(body);
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_FIELDS.has(key) && typeof inner === 'string' ? REDACTED : redactJson(inner)]),
    );
  }
  return value;
}

const SECRET_QUERY_IN_TEXT = new RegExp(`([?&;](?:${[...SECRET_FIELDS].join('|')})=)[^&\\s"'<>]+`, 'g');

/**
 * Free text (SSE frames, HTML pages such as "Redirecting to …/callback?code=…"): JWTs and
 * secret query parameters are replaced.
 */
function redactFreeText(text: string): string {
  return text.replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED).replace(SECRET_QUERY_IN_TEXT, `$1${REDACTED}`);
}

/** `extraHeaderNames`: as in `redactHeaders`, for the request headers. */
export function redactExchange(exchange: Exchange, extraHeaderNames: ReadonlySet<string> = NO_NAMES): Exchange {
  const request = {
    ...exchange.request,
    url: redactUrl(exchange.request.url),
    headers: redactHeaders(exchange.request.headers, extraHeaderNames),
    ...(exchange.request.body !== undefined ? { body: redactBody(exchange.request.body) } : {}),
  };
  const response = exchange.response && {
    ...exchange.response,
    headers: redactHeaders(exchange.response.headers).map(([n, v]): [string, string] =>
      n.toLowerCase() === 'location' ? [n, redactUrl(v)] : [n, v],
    ),
    body: redactBody(exchange.response.body),
  };
  return { ...exchange, request, ...(response ? { response } : {}) };
}

function redactData(data: FlowData): FlowData {
  const out: FlowData = { ...data };
  if (out.callbackUrl) out.callbackUrl = redactUrl(out.callbackUrl);
  if (out.client?.clientSecret) out.client = { ...out.client, clientSecret: REDACTED };
  if (out.authorizationRequest) out.authorizationRequest = { ...out.authorizationRequest, codeVerifier: REDACTED };
  // The DPoP private key; the public key and its thumbprint stay, to show the binding.
  if (out.dpop) out.dpop = { ...out.dpop, privateJwk: { redacted: REDACTED } };
  if (out.authorizationResponse) {
    out.authorizationResponse = {
      ...out.authorizationResponse,
      callbackUrl: redactUrl(out.authorizationResponse.callbackUrl),
      ...(out.authorizationResponse.code ? { code: REDACTED } : {}),
    };
  }
  for (const key of ['tokens', 'refreshedTokens'] as const) {
    const tokens = out[key];
    if (tokens) {
      out[key] = {
        ...tokens,
        accessToken: REDACTED,
        ...(tokens.refreshToken ? { refreshToken: REDACTED } : {}),
        ...(tokens.idToken ? { idToken: REDACTED } : {}),
      };
    }
  }
  return out;
}

export function redactSession(session: Session): Session {
  const { clientSecret: _secret, introspection, privateKeyJwk: _key, identityAssertion, assertion, extraHeaders, ...options } = session.options;
  // The person's extra headers go to the MCP server with every request; they may be its credentials.
  const personal = new Set(extraHeaders.map(([name]) => name.toLowerCase()));
  return {
    ...session,
    options: {
      ...options,
      extraHeaders: redactHeaders(extraHeaders, personal),
      ...(introspection ? { introspection: { clientId: introspection.clientId, clientSecret: REDACTED } } : {}),
      ...(assertion !== undefined ? { assertion: REDACTED } : {}),
      ...(identityAssertion
        ? {
            identityAssertion: {
              ...identityAssertion,
              idToken: REDACTED,
              ...(identityAssertion.idpClientSecret !== undefined ? { idpClientSecret: REDACTED } : {}),
            },
          }
        : {}),
    },
    data: redactData(session.data),
    results: session.results.map((result) => ({
      ...result,
      exchanges: result.exchanges.map((exchange) => redactExchange(exchange, personal)),
      data: redactData(result.data as FlowData),
    })),
  };
}
