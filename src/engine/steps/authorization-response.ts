/**
 * The authorization response: the URL the authorization server sent the user-agent back to.
 * Checked before anything acts on it: RFC 9207 `iss` against the recorded issuer, `state`,
 * then error or code. A code that failed validation is never passed on (unless the run is
 * lenient, and then a finding says so).
 *
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#authorization-response-validation
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
import { validateAuthResponse } from 'oauth4webapi';
import { findingDefinition, severityFor } from '../checks/catalogue.js';
import { phrase } from '../checks/finding-phrases.js';
import type { AuthorizationRequestData, AuthorizationResponseData } from '../flow-data.js';
import { redactUrl } from '../redact.js';
import { because } from '../checks/engine-phrases.js';
import { failed, skipped, type StepContext, type StepDefinition, type StepOutput } from '../step.js';

/**
 * The four cases of "Authorization Response Validation":
 * | supported     | iss in response | client action                      |
 * | true          | present         | compare (simple string comparison) |
 * | true          | absent          | reject                             |
 * | false/absent  | present         | compare (simple string comparison) |
 * | false/absent  | absent          | proceed                            |
 */
export type IssuerCheck = 'matches' | 'mismatch' | 'missing' | 'not-sent';

export function checkIssuer(advertised: boolean, iss: string | undefined, expectedIssuer: string): IssuerCheck {
  if (iss === undefined) return advertised ? 'missing' : 'not-sent';
  // "clients MUST NOT apply scheme or host case folding, default-port elision, trailing-slash,
  // or percent-encoding normalization ... before comparison" (RFC 3986 §6.2.1 simple comparison).
  return iss === expectedIssuer ? 'matches' : 'mismatch';
}

/** Response parameters RFC 6749 §3.1 forbids repeating ("MUST NOT be included more than once"). */
const SINGLE_PARAMETERS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri'] as const;

export const authorizationResponseStep: StepDefinition = {
  id: 'authorization-response',
  async run(ctx) {
    if (ctx.options.grant === 'client_credentials') return skipped(because('outcome.authorization-response.client-credentials'));
    if (ctx.options.grant === 'cross-app-access') return skipped(because('outcome.authorization-response.cross-app-access'));
    if (ctx.options.grant === 'jwt-bearer') return skipped(because('outcome.authorization-response.jwt-bearer'));
    const request = ctx.data.authorizationRequest;
    if (!request) return failed(because('outcome.authorization-response.no-request'));
    const callbackUrl = ctx.data.callbackUrl;
    if (callbackUrl === undefined || callbackUrl.trim() === '') {
      // Nothing came back yet: the person still has to open the URL and paste where it landed.
      return { outcome: { kind: 'needs-user', action: { kind: 'open-authorization-url', url: request.url, redirectUri: request.redirectUri } } };
    }
    return validateResponse(ctx, request, callbackUrl.trim());
  },
};

async function validateResponse(ctx: StepContext, request: AuthorizationRequestData, callbackUrl: string): Promise<StepOutput> {
  if (!URL.canParse(callbackUrl)) {
    // Whatever was pasted may still carry the code; findings are kept and exported as they are.
    ctx.report('authorization.callback-invalid', { params: { callbackUrl: redactUrl(callbackUrl) } });
    return failed(because('outcome.authorization-response.callback-invalid'), 'authorization.callback-invalid', { authorizationResponse: { callbackUrl } });
  }
  const url = new URL(callbackUrl);
  if (`${url.origin}${url.pathname}` !== redirectionEndpoint(request.redirectUri)) {
    ctx.report('authorization.callback-not-redirect-uri', { params: { callbackUrl: `${url.origin}${url.pathname}`, redirectUri: request.redirectUri } });
  }

  // Every rule broken here whose catalogue entry says a client MUST stop.
  const violations: string[] = [];
  const violate = (id: string, params?: Record<string, string>) => {
    ctx.report(id, params ? { params } : {});
    // A rule that is off for this spec version is no violation of it.
    if (severityFor(findingDefinition(id), ctx.spec) !== undefined) violations.push(id);
  };

  const params = url.searchParams;
  for (const name of SINGLE_PARAMETERS) {
    if (params.getAll(name).length > 1) violate('authorization.duplicate-parameter', { name });
  }
  const iss = params.get('iss') ?? undefined;
  const state = params.get('state') ?? undefined;
  const code = nonEmpty(params.get('code'));
  const error = nonEmpty(params.get('error'));
  const errorDescription = params.get('error_description') ?? undefined;
  const errorUri = params.get('error_uri') ?? undefined;

  // RFC 9207 first: on a mismatch even an error response must not be acted on.
  const advertised = ctx.data.authorizationServer?.metadata.authorization_response_iss_parameter_supported === true;
  const issuer = checkIssuer(advertised, iss, request.expectedIssuer);
  if (issuer === 'matches') {
    ctx.report('authorization.iss-verified', { params: { iss: request.expectedIssuer } });
    if (!advertised) ctx.report('authorization.iss-not-advertised', { params: { iss: request.expectedIssuer } });
  } else if (issuer === 'mismatch') {
    violate('authorization.iss-mismatch', { expected: request.expectedIssuer, received: iss ?? '' });
  } else if (issuer === 'missing') {
    // 2026-07-28 makes this a MUST-reject; earlier versions do not require RFC 9207 (the
    // catalogue switches between the two entries per version).
    violate('authorization.iss-missing', { expected: request.expectedIssuer });
    ctx.report('authorization.iss-missing-not-required', { params: { expected: request.expectedIssuer, spec: ctx.spec } });
  } else {
    ctx.report('authorization.iss-absent');
  }
  const issMismatch = issuer === 'mismatch';

  // "discard any results that do not include or have a mismatch with the original state".
  if (state === undefined) violate('authorization.state-missing');
  else if (state !== request.state) violate('authorization.state-mismatch', { expected: request.state, received: state });

  const stopping = violations.filter((id) => ctx.stopsFlow(id));
  // "on mismatch the client MUST NOT act on or display error, error_description, or error_uri".
  const hideError = issMismatch && stopping.length > 0;
  const response: AuthorizationResponseData = {
    callbackUrl,
    ...(iss !== undefined ? { iss } : {}),
    ...(error !== undefined && !hideError ? { error, ...(errorDescription !== undefined ? { errorDescription } : {}) } : {}),
  };

  if (error !== undefined && !hideError) {
    ctx.report('authorization.error-response', { params: { error, description: errorDescription ?? phrase('value.none'), uri: errorUri ?? phrase('value.none') } });
  }
  if (stopping.length > 0) {
    const first = stopping[0] ?? 'authorization.state-mismatch';
    return failed(because('outcome.authorization-response.validation-failed', { findings: stopping.join(', ') }), first, { authorizationResponse: response });
  }
  if (error !== undefined) {
    return failed(because('outcome.authorization-response.error', { error }), 'authorization.error-response', { authorizationResponse: response });
  }
  if (code === undefined) {
    ctx.report('authorization.code-missing');
    return failed(because('outcome.authorization-response.code-missing'), 'authorization.code-missing', { authorizationResponse: response });
  }

  if (violations.length > 0) {
    // Only a lenient run gets here with violations: say plainly that the code is used anyway.
    ctx.report('authorization.lenient-went-on', { params: { violations: [...new Set(violations)].join(', ') } });
  } else if (ctx.data.client && issuer !== 'missing') {
    // (A missing iss was already judged above, per spec version; the library would only repeat it.)
    const verdict = strictResponseVerdict(request, advertised, ctx.data.client.clientId, params);
    if (verdict) ctx.report('authorization.library-rejected', { params: { message: verdict } });
  }
  return { data: { authorizationResponse: { ...response, code } }, outcome: { kind: 'ok' } };
}

/** oauth4webapi's validator as a second, strict verdict on a response the checks above accepted. */
function strictResponseVerdict(request: AuthorizationRequestData, advertised: boolean, clientId: string, params: URLSearchParams): string | undefined {
  try {
    validateAuthResponse(
      { issuer: request.expectedIssuer, authorization_response_iss_parameter_supported: advertised },
      { client_id: clientId },
      params,
      request.state,
    );
    return undefined;
  } catch (error) {
    // The verdict is data: the library's message becomes a finding.
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The part of a redirect URI a callback must match, its redirection endpoint: origin and path
 * (the query carries the response). RFC 6749 §3.1.2.
 */
export function redirectionEndpoint(redirectUri: string): string {
  if (!URL.canParse(redirectUri)) return redirectUri;
  const url = new URL(redirectUri);
  return `${url.origin}${url.pathname}`;
}

function nonEmpty(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}
