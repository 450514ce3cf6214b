/**
 * Removes secrets (tokens, codes, client secrets, PKCE verifiers, cookies) from a session
 * before it leaves the process: JSON output, saved sessions, exports. Only an explicit
 * request by the person keeps them.
 */
import type { FlowData } from './flow-data.js';
import type { Session } from './session.js';
import type { Exchange, ExchangeRequest, Finding, HeaderList, Outcome, OutcomeReason } from './types.js';
import { parseJsonSafely } from '../wire/json.js';

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-relay-secret', 'x-api-key', 'api-key', 'x-auth-token']);
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
 * Query parameters that carry credentials in URLs people paste (an MCP server's `?api_key=`, a
 * signed URL's `sig`), besides the OAuth fields. Compared without regard to case.
 */
const SECRET_QUERY_PARAMS = new Set([...SECRET_FIELDS, 'api_key', 'apikey', 'api-key', 'x-api-key', 'key', 'access_key', 'sig', 'signature', 'secret', 'auth']);

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

/**
 * Secret query parameters (and any the person named) replaced, and the userinfo of the URL
 * (`user:password@`) hidden; a value that is no URL (a pasted callback) is redacted as text.
 * What is sent to the server is not changed: this is for what is kept, shown or exported.
 */
export function redactUrl(url: string, alsoSecret: ReadonlySet<string> = NO_NAMES): string {
  if (!URL.canParse(url)) return redactText(redactBody(url), alsoSecret);
  const parsed = new URL(url);
  let changed = false;
  for (const key of [...new Set(parsed.searchParams.keys())]) {
    const lower = key.toLowerCase();
    if (SECRET_QUERY_PARAMS.has(lower) || alsoSecret.has(lower)) {
      parsed.searchParams.set(key, REDACTED);
      changed = true;
    }
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = REDACTED;
    parsed.password = '';
    changed = true;
  }
  return changed ? parsed.href : url;
}

/** Redacts a body that is JSON or form-encoded; other bodies are kept (they hold no known fields). */
export function redactBody(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = parseJsonSafely(body);
    // Not JSON after all (a cut, broken or absurdly deep document): the textual rules instead.
    return parsed.ok ? JSON.stringify(redactJson(parsed.value)) : redactFreeText(body);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

function secretQueryInText(alsoSecret: ReadonlySet<string>): RegExp {
  const names = [...SECRET_QUERY_PARAMS, ...alsoSecret].map(escapeRegExp).join('|');
  return new RegExp(`([?&;](?:${names})=)[^&\\s"'<>]+`, 'gi');
}

const SECRET_QUERY_IN_TEXT = secretQueryInText(NO_NAMES);

/**
 * Free text (SSE frames, HTML pages such as "Redirecting to …/callback?code=…", finding texts
 * that quote a URL): JWTs, secret query parameters and URL userinfo are replaced.
 */
export function redactText(text: string, alsoSecret: ReadonlySet<string> = NO_NAMES): string {
  const query = alsoSecret.size > 0 ? secretQueryInText(alsoSecret) : SECRET_QUERY_IN_TEXT;
  return text
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED)
    .replace(query, `$1${REDACTED}`)
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${REDACTED}@`);
}

function redactFreeText(text: string): string {
  return redactText(text);
}

/** A request with its credentials hidden (URL, headers, body), as "Copy as curl" gives it unless asked otherwise. */
export function redactRequest(request: ExchangeRequest): ExchangeRequest {
  return {
    ...request,
    url: redactUrl(request.url),
    headers: redactHeaders(request.headers),
    ...(request.body !== undefined ? { body: redactBody(request.body) } : {}),
  };
}

/** The params of a text (a finding's, a reason's, a label's, a message's), each value redacted as free text. */
function redactTextParams(params: Readonly<Record<string, string>>, secretParameters: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, redactText(value, secretParameters)]));
}

/** `extraHeaderNames`: as in `redactHeaders`, for the request headers; `secretParameters`: further query parameters. */
export function redactExchange(exchange: Exchange, extraHeaderNames: ReadonlySet<string> = NO_NAMES, secretParameters: ReadonlySet<string> = NO_NAMES): Exchange {
  const request = {
    ...exchange.request,
    url: redactUrl(exchange.request.url, secretParameters),
    headers: redactHeaders(exchange.request.headers, extraHeaderNames),
    ...(exchange.request.body !== undefined ? { body: redactBody(exchange.request.body) } : {}),
  };
  const response = exchange.response && {
    ...exchange.response,
    headers: redactHeaders(exchange.response.headers).map(([n, v]): [string, string] =>
      n.toLowerCase() === 'location' ? [n, redactUrl(v, secretParameters)] : [n, v],
    ),
    body: redactBody(exchange.response.body),
  };
  const error = exchange.error && {
    ...exchange.error,
    message: redactText(exchange.error.message, secretParameters),
    ...(exchange.error.messageParams ? { messageParams: redactTextParams(exchange.error.messageParams, secretParameters) } : {}),
  };
  const label = exchange.label !== undefined ? { label: redactText(exchange.label, secretParameters) } : {};
  const labelParams = exchange.labelParams && redactTextParams(exchange.labelParams, secretParameters);
  return { ...exchange, ...label, ...(labelParams ? { labelParams } : {}), request, ...(response ? { response } : {}), ...(error ? { error } : {}) };
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
  // Query parameters the person said carry secrets, besides the known ones.
  const named = new Set((session.options.secretParameters ?? []).map((name) => name.toLowerCase()));
  const text = (value: string) => redactText(value, named);
  const finding = (f: Finding): Finding => ({
    ...f,
    title: text(f.title),
    detail: text(f.detail),
    ...(f.hint !== undefined ? { hint: text(f.hint) } : {}),
    ...(f.params ? { params: redactTextParams(f.params, named) } : {}),
  });
  const reason = <R extends OutcomeReason>(o: R): R => ({ ...o, reason: text(o.reason), ...(o.reasonParams ? { reasonParams: redactTextParams(o.reasonParams, named) } : {}) });
  const outcome = (o: Outcome): Outcome => (o.kind === 'failed' || o.kind === 'skipped' ? reason(o) : o);
  const status: Session['status'] = session.status.kind === 'stopped' ? reason(session.status) : session.status;
  return {
    ...session,
    status,
    options: {
      ...options,
      serverUrl: redactUrl(options.serverUrl, named),
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
    ...(session.clients
      ? { clients: { results: session.clients.results.map((result) => (result.error !== undefined ? { ...result, error: text(result.error) } : result)), findings: session.clients.findings.map(finding) } }
      : {}),
    results: session.results.map((result) => ({
      ...result,
      exchanges: result.exchanges.map((exchange) => redactExchange(exchange, personal, named)),
      findings: result.findings.map(finding),
      outcome: outcome(result.outcome),
      data: redactData(result.data as FlowData),
    })),
  };
}
