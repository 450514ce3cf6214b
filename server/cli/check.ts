/**
 * `mcp-auth-debugger check <mcp-url>`: the whole flow headless, reported as text, JSON or JUnit.
 * Exit 0: flow completed with no error findings; 1: error findings or the flow stopped.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { createNodeTransport } from '../net/node-transport.js';
import {
  defaultFlowOptions,
  type FlowOptions,
  type GrantKind,
  type IdentityAssertionOptions,
  type IdpClientAuthMethod,
  type RegistrationMode,
  type TokenEndpointAuthMethod,
} from '../../src/engine/options.js';
import { redactSession } from '../../src/engine/redact.js';
import { createSession, runFlow, type Session } from '../../src/engine/session.js';
import { serialiseSessionFile, toSessionFile, type SessionFile } from '../../src/engine/session-file.js';
import { compareSessions } from '../../src/engine/compare.js';
import type { AuthorizationInteraction } from '../../src/engine/step.js';
import { SPEC_VERSIONS } from '../../src/engine/types.js';
import { createBrowserInteraction, withBrowserFallback } from './browser-consent.js';
import { formatComparison, formatFooter, formatHeader, formatStep, secretParameterNames } from './format-text.js';
import { buildCheckReport, buildJunitReport, buildRegressionJunit, checkSucceeded } from './report.js';
import { sessionFileOrSay } from './session-file-io.js';
import { colourWanted, createStyle } from './terminal.js';
import { toolVersion } from './tool-version.js';
import { UsageError, type CliIo } from './usage.js';
import { parseJsonSafely } from '../../src/wire/json.js';

const REGISTRATION_MODES: readonly RegistrationMode[] = ['auto', 'pre', 'cimd', 'dcr'];
const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt'];
const GRANTS: readonly GrantKind[] = ['authorization_code', 'client_credentials', 'cross-app-access', 'jwt-bearer'];
const IDP_AUTH_METHODS: readonly IdpClientAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

export const CHECK_HELP = `Usage: mcp-auth-debugger check <mcp-url> [options]

Runs the whole MCP authorization flow against <mcp-url> and reports every step.

  --spec <version>              ${SPEC_VERSIONS.join(' | ')} (default ${SPEC_VERSIONS[SPEC_VERSIONS.length - 1]})
  --registration <mode>         auto | pre | cimd | dcr (default auto: the spec's priority)
  --client-id <id>              a pre-registered client
  --client-secret <secret>      its secret (or set MCP_AUTH_DEBUGGER_CLIENT_SECRET)
  --client-metadata-url <url>   HTTPS URL of a Client ID Metadata Document
  --auth-method <method>        force the token endpoint auth method
  --grant <grant>               authorization_code (default) | client_credentials | cross-app-access |
                                jwt-bearer
  --assertion <file>            jwt-bearer: the file holding the JWT the workload presents (workload
                                identity federation; - reads standard input)
  --idp-token-endpoint <url>    cross-app-access: the enterprise IdP's token endpoint, where the
                                ID token is exchanged for an ID-JAG (RFC 8693)
  --id-token <jwt>              cross-app-access: the user's ID token from signing in at the IdP
                                (or set MCP_AUTH_DEBUGGER_ID_TOKEN)
  --idp-issuer <url>            the IdP's issuer (default: the ID token's iss)
  --idp-client-id <id>          the client's id at the IdP (default: the ID token's azp or aud)
  --idp-client-secret <secret>  its secret at the IdP (or set MCP_AUTH_DEBUGGER_IDP_CLIENT_SECRET)
  --idp-auth-method <method>    client_secret_post (default) | client_secret_basic
  --scope <scope>               ask for this scope instead of the spec's strategy
  --redirect-uri <uri>          default http://127.0.0.1:4280/callback
  --consent <how>               auto (default): follow the redirects; at a terminal, a login
                                page opens in your browser | browser: always open your browser
  --call <tool>                 call this tool once the tools are listed
  --args <json>                 its arguments, e.g. '{"a":2,"b":3}'
  --introspection-client-id <id>, --introspection-client-secret <secret>
                                resource-server credentials for RFC 7662 introspection
  --dpop                        bind the token to a key with DPoP (RFC 9449) even where nobody asks
                                (default: when the MCP server asks for it)
  --no-dpop                     never use DPoP
  --audit                       also send requests the servers must refuse: forged, malformed,
                                foreign and query-string tokens to the MCP server; no or plain
                                PKCE, a foreign redirect URI, reused codes and refresh tokens and
                                an open registration to the authorization server (registers test
                                clients)
  --cors                        also check whether a browser-based client on another origin could
                                call each endpoint (OPTIONS preflights, metadata with an Origin)
  --clients                     after the flow, run the real MCP TypeScript SDK clients (v1 and v2)
                                against the server, headless, each within 30 s, and report where each
                                stops beside the debugger's verdict (does not change the exit code)
  --lenient                     go on past violations where the spec says a client must stop
  --allow-private-hops          follow the servers to loopback and private addresses of other hosts
                                (refused by default unless the run starts on loopback)
  --omit-resource               leave the resource parameter out
  --no-refresh                  do not try the refresh token
  --header <name:value>         extra header for the MCP server (repeatable)
  --secret-param <name>         a query parameter of the URL that carries a credential, redacted
                                wherever the run is printed or saved (repeatable; api_key, key,
                                token, sig and others are redacted anyway)
  --timeout <ms>                per-request timeout (default 10000)
  --format <format>             text (default) | json | junit
  --out <file>                  also save the session file (secrets redacted; see docs/session-file.md)
  --include-secrets             keep tokens, codes and secrets in --out and --format json
  --expect <session-file>       compare with a recorded run: exit 1 on a regression (a step no
                                longer reached or passing, a new error, another discovery path,
                                a tool missing), 0 otherwise; JUnit gets one case per step
  --verbose                     list every exchange and the info findings under their step
`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      registration: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'client-metadata-url': { type: 'string' },
      'auth-method': { type: 'string' },
      grant: { type: 'string' },
      'idp-token-endpoint': { type: 'string' },
      'id-token': { type: 'string' },
      'idp-issuer': { type: 'string' },
      'idp-client-id': { type: 'string' },
      'idp-client-secret': { type: 'string' },
      'idp-auth-method': { type: 'string' },
      assertion: { type: 'string' },
      scope: { type: 'string' },
      'redirect-uri': { type: 'string' },
      consent: { type: 'string' },
      call: { type: 'string' },
      args: { type: 'string' },
      'introspection-client-id': { type: 'string' },
      'introspection-client-secret': { type: 'string' },
      audit: { type: 'boolean' },
      cors: { type: 'boolean' },
      clients: { type: 'boolean' },
      dpop: { type: 'boolean' },
      'no-dpop': { type: 'boolean' },
      lenient: { type: 'boolean' },
      'allow-private-hops': { type: 'boolean' },
      'omit-resource': { type: 'boolean' },
      'no-refresh': { type: 'boolean' },
      header: { type: 'string', multiple: true },
      'secret-param': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'include-secrets': { type: 'boolean' },
      expect: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const serverUrl = positionals[0];
  if (!serverUrl || positionals.length > 1) throw new UsageError('check needs exactly one MCP server URL.', CHECK_HELP);

  const format = oneOf(values.format ?? 'text', ['text', 'json', 'junit'] as const, '--format');
  const consent = oneOf(values.consent ?? 'auto', ['auto', 'browser'] as const, '--consent');
  const options = flowOptionsFromArgs(serverUrl, values, io.env);
  if (options.grant === 'jwt-bearer') {
    if (values.assertion === undefined) throw new UsageError('--grant jwt-bearer needs --assertion <file> (- for standard input).', CHECK_HELP);
    options.assertion = await readAssertion(values.assertion, io);
  } else if (values.assertion !== undefined) {
    throw new UsageError('--assertion belongs to --grant jwt-bearer.', CHECK_HELP);
  }

  const say = (line: string) => io.stderr(`${line}\n`);
  const browser = createBrowserInteraction({ say });
  let interaction: AuthorizationInteraction = consent === 'browser' ? browser : createRedirectFollowingInteraction();
  // A person at a terminal gets the login page in their browser rather than a dead end.
  if (consent === 'auto' && io.interactive) interaction = withBrowserFallback(interaction, browser, say);
  // The recording is read first: a file that is not one is said before any request is sent.
  let expected: SessionFile | undefined;
  if (typeof values.expect === 'string') {
    expected = await sessionFileOrSay(values.expect, io);
    if (!expected) return 2;
  }
  const style = createStyle(format === 'text' && colourWanted(process.stdout, io.env));

  let session = createSession(options);
  if (format === 'text') io.stdout(`${formatHeader(session, style)}\n`);
  session = await runFlow(
    session,
    { transport: createNodeTransport(), interaction },
    { onStep: (result) => format === 'text' && io.stdout(formatStep(result, style, values.verbose === true, secretParameterNames(session))) },
  );

  if (values.clients === true) {
    if (format === 'text') io.stdout(`${style.dim('Running the real MCP SDK clients (v1, v2)…')}\n`);
    session = await (await import('../clients/index.js')).withClientResults(session);
  }

  const shown: Session = values['include-secrets'] ? session : redactSession(session);
  const comparison = expected ? compareSessions(expected.session, session) : undefined;
  if (format === 'text') io.stdout(formatFooter(shown, style) + (comparison && expected ? formatComparison(comparison, expected, style) : ''));
  else if (format === 'json') io.stdout(`${JSON.stringify({ ...buildCheckReport(shown), ...(comparison ? { comparison } : {}) }, null, 2)}\n`);
  else io.stdout(comparison?.comparable ? buildRegressionJunit(shown, comparison) : buildJunitReport(shown));

  if (values.out) {
    const file = toSessionFile(shown, { toolVersion: toolVersion(), secretsIncluded: values['include-secrets'] === true });
    await writeFile(values.out, serialiseSessionFile(file), { mode: 0o600 });
    if (format === 'text') io.stdout(`Session saved to ${values.out}${values['include-secrets'] ? ' (with secrets)' : ' (secrets redacted)'}\n`);
  }
  if (comparison) return comparison.comparable ? (comparison.regressed ? 1 : 0) : 2;
  return checkSucceeded(session) ? 0 : 1;
}

type CheckValues = Record<string, string | boolean | string[] | undefined>;

function flowOptionsFromArgs(serverUrl: string, values: CheckValues, env: NodeJS.ProcessEnv): FlowOptions {
  const str = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const overrides: Partial<FlowOptions> = {};
  const spec = str('spec');
  if (spec !== undefined) overrides.spec = oneOf(spec, SPEC_VERSIONS, '--spec');
  const registration = str('registration');
  if (registration !== undefined) overrides.registration = oneOf(registration, REGISTRATION_MODES, '--registration');
  const authMethod = str('auth-method');
  if (authMethod !== undefined) overrides.tokenEndpointAuthMethod = oneOf(authMethod, AUTH_METHODS, '--auth-method');
  const grant = str('grant');
  if (grant !== undefined) overrides.grant = oneOf(grant, GRANTS, '--grant');
  const identityAssertion = identityAssertionFromArgs(str, env);
  if (overrides.grant === 'cross-app-access') {
    if (!identityAssertion) throw new UsageError('--grant cross-app-access needs --idp-token-endpoint and --id-token.', CHECK_HELP);
    overrides.identityAssertion = identityAssertion;
  } else if (['idp-token-endpoint', 'id-token', 'idp-issuer', 'idp-client-id', 'idp-client-secret', 'idp-auth-method'].some((name) => str(name) !== undefined)) {
    throw new UsageError('The --idp-* and --id-token options belong to --grant cross-app-access.', CHECK_HELP);
  }
  const clientId = str('client-id');
  if (clientId !== undefined) overrides.clientId = clientId;
  const clientSecret = str('client-secret') ?? env.MCP_AUTH_DEBUGGER_CLIENT_SECRET;
  if (clientSecret !== undefined) overrides.clientSecret = clientSecret;
  const metadataUrl = str('client-metadata-url');
  if (metadataUrl !== undefined) overrides.clientMetadataUrl = metadataUrl;
  const scope = str('scope');
  if (scope !== undefined) overrides.scope = scope;
  const redirectUri = str('redirect-uri');
  if (redirectUri !== undefined) overrides.redirectUri = redirectUri;
  const introspectionId = str('introspection-client-id');
  const introspectionSecret = str('introspection-client-secret');
  if (introspectionId !== undefined && introspectionSecret !== undefined) {
    overrides.introspection = { clientId: introspectionId, clientSecret: introspectionSecret };
  } else if (introspectionId !== undefined || introspectionSecret !== undefined) {
    throw new UsageError('--introspection-client-id and --introspection-client-secret go together.', CHECK_HELP);
  }
  const call = str('call');
  if (call !== undefined) overrides.toolCall = { name: call, arguments: parseToolArguments(str('args')) };
  else if (str('args') !== undefined) throw new UsageError('--args needs --call <tool>.', CHECK_HELP);
  const timeout = str('timeout');
  if (timeout !== undefined) {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms < 100 || ms > 300_000) throw new UsageError('--timeout is milliseconds between 100 and 300000.', CHECK_HELP);
    overrides.timeoutMs = ms;
  }
  const headers = values.header;
  if (Array.isArray(headers)) {
    overrides.extraHeaders = headers.map((header) => {
      const colon = header.indexOf(':');
      if (colon < 1) throw new UsageError(`--header takes name:value, not ${header}`, CHECK_HELP);
      return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()];
    });
  }
  const secretParameters = values['secret-param'];
  if (Array.isArray(secretParameters)) overrides.secretParameters = secretParameters;
  if (values.audit === true) overrides.audit = true;
  if (values.cors === true) overrides.cors = true;
  if (values.dpop === true && values['no-dpop'] === true) throw new UsageError('--dpop and --no-dpop contradict each other.', CHECK_HELP);
  if (values.dpop === true) overrides.dpop = 'on';
  if (values['no-dpop'] === true) overrides.dpop = 'off';
  if (values.lenient === true) overrides.lenient = true;
  if (values['allow-private-hops'] === true) overrides.allowPrivateHops = true;
  if (values['omit-resource'] === true) overrides.omitResource = true;
  if (values['no-refresh'] === true) overrides.refresh = false;
  return defaultFlowOptions(serverUrl, overrides);
}

/** The cross-app-access inputs, or undefined when neither the IdP endpoint nor the ID token is given. */
function identityAssertionFromArgs(str: (name: string) => string | undefined, env: NodeJS.ProcessEnv): IdentityAssertionOptions | undefined {
  const idpTokenEndpoint = str('idp-token-endpoint');
  // The environment variable only stands in for the flag, so an exported token does not change other runs.
  if (idpTokenEndpoint === undefined && str('id-token') === undefined) return undefined;
  const idToken = str('id-token') ?? env.MCP_AUTH_DEBUGGER_ID_TOKEN;
  if (idpTokenEndpoint === undefined || idToken === undefined) {
    throw new UsageError('--idp-token-endpoint and --id-token go together.', CHECK_HELP);
  }
  const idpIssuer = str('idp-issuer');
  const idpClientId = str('idp-client-id');
  const idpClientSecret = str('idp-client-secret') ?? env.MCP_AUTH_DEBUGGER_IDP_CLIENT_SECRET;
  const authMethod = str('idp-auth-method');
  return {
    idpTokenEndpoint,
    idToken,
    ...(idpIssuer !== undefined ? { idpIssuer } : {}),
    ...(idpClientId !== undefined ? { idpClientId } : {}),
    ...(idpClientSecret !== undefined ? { idpClientSecret } : {}),
    ...(authMethod !== undefined ? { idpClientAuthMethod: oneOf(authMethod, IDP_AUTH_METHODS, '--idp-auth-method') } : {}),
  };
}

/** The JWT of the jwt-bearer grant, from a file or standard input, without surrounding whitespace. */
async function readAssertion(source: string, io: CliIo): Promise<string> {
  let text: string;
  try {
    if (source === '-') {
      if (!io.readStdin) throw new UsageError('--assertion - needs standard input.', CHECK_HELP);
      text = await io.readStdin();
    } else {
      text = await readFile(source, 'utf8');
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--assertion: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`, CHECK_HELP);
  }
  const assertion = text.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(assertion)) throw new UsageError(`--assertion: ${source} does not hold a JWT (three base64url parts separated by dots).`, CHECK_HELP);
  return assertion;
}

function parseToolArguments(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) throw new UsageError(`--args is not JSON: ${parsed.message}`, CHECK_HELP);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--args must be a JSON object.', CHECK_HELP);
  return value as Record<string, unknown>;
}

function oneOf<const T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got ${value}.`, CHECK_HELP);
  return found;
}
