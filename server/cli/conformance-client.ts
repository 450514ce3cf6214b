/**
 * `npm run conformance:client <server-url>`: the adapter the official MCP conformance suite
 * launches for its client scenarios. It maps the scenario (MCP_CONFORMANCE_SCENARIO), the
 * protocol version it runs at (MCP_CONFORMANCE_PROTOCOL_VERSION, the spec the run is judged by)
 * and its context (MCP_CONFORMANCE_CONTEXT: pre-registered credentials, a private key, an
 * enterprise IdP's ID token, the tool calls to make) to engine options and runs the same engine
 * as `check`, with redirects followed automatically.
 * Exit 0 when the flow completed; 1 when it stopped (which the rejection scenarios expect).
 */
import { exportJWK, importPKCS8 } from 'jose';
import { z } from 'zod';
import { createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { createNodeTransport } from '../net/node-transport.js';
import { runAgain } from '../../src/engine/actions.js';
import { defaultFlowOptions, type FlowOptions, type ToolCallRequest } from '../../src/engine/options.js';
import { redactSession } from '../../src/engine/redact.js';
import { createSession, runFlow, type EngineDeps, type Session } from '../../src/engine/session.js';
import { SPEC_VERSIONS, type SpecVersion } from '../../src/engine/types.js';
import { createStyle } from './terminal.js';
import { formatFooter, formatHeader, formatStep } from './format-text.js';
import { UsageError, type CliIo } from './usage.js';

/** The suite's example client uses this CIMD URL; basic-cimd expects exactly it as client_id. */
export const CONFORMANCE_CLIENT_METADATA_URL = 'https://conformance-test.local/client-metadata.json';
const CONFORMANCE_REDIRECT_URI = 'http://localhost:3000/callback';

const contextSchema = z
  .object({
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    private_key_pem: z.string().optional(),
    signing_algorithm: z.string().optional(),
    // auth/cross-app-access-complete-flow: the user's SSO at the enterprise IdP.
    idp_client_id: z.string().optional(),
    idp_id_token: z.string().optional(),
    idp_issuer: z.string().optional(),
    idp_token_endpoint: z.string().optional(),
    // http-custom-headers: the calls whose arguments are mirrored into Mcp-Param headers.
    // auth/wif-jwt-bearer: the assertion to present (the others are for negative tests).
    valid_jwt: z.string().optional(),
    toolCalls: z.array(z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()) })).optional(),
  })
  .passthrough();

/**
 * The tool calls each scenario's server waits for. The auth scenarios' servers offer one tool,
 * `test-tool` (calling it is what scope-step-up escalates on); the protocol scenarios name
 * theirs; the others only need the tools listed.
 */
const SCENARIO_TOOL_CALLS: Readonly<Record<string, ToolCallRequest[]>> = {
  tools_call: [{ name: 'add_numbers', arguments: { a: 2, b: 3 } }],
  'sep-2322-client-request-state': ['test_mrtr_echo_state', 'test_mrtr_unrelated', 'test_mrtr_no_state', 'test_mrtr_no_result_type'].map((name) => ({ name, arguments: {} })),
  'http-standard-headers': [
    { name: 'test_headers', arguments: {} },
    { name: 'my-hyphenated-tool', arguments: {} },
  ],
  'http-invalid-tool-headers': [{ name: 'valid_tool', arguments: { region: 'us-west1' } }],
};

function toolCallsFor(name: string, context: z.infer<typeof contextSchema>, auth: boolean): ToolCallRequest[] {
  if (context.toolCalls) return context.toolCalls;
  return SCENARIO_TOOL_CALLS[name] ?? (auth ? [{ name: 'test-tool', arguments: {} }] : []);
}

/** The spec the suite runs the scenario at, when it is one the engine has a profile for. */
function specFor(protocolVersion: string | undefined): SpecVersion | undefined {
  return SPEC_VERSIONS.find((version) => version === protocolVersion);
}

export async function conformanceOptions(scenario: string, contextJson: string | undefined, serverUrl: string, protocolVersion?: string): Promise<FlowOptions> {
  const context = contextJson ? contextSchema.parse(JSON.parse(contextJson)) : {};
  const auth = scenario.startsWith('auth/');
  const name = scenario.replace(/^auth\//, '');
  const [toolCall, ...toolCalls] = toolCallsFor(scenario, context, auth);
  const overrides: Partial<FlowOptions> = {
    redirectUri: CONFORMANCE_REDIRECT_URI,
    clientMetadataUrl: CONFORMANCE_CLIENT_METADATA_URL,
    ...(toolCall ? { toolCall } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    // The test servers issue opaque tokens and count any extra token use against the client.
    audit: false,
    cors: false,
  };
  const spec = specFor(protocolVersion);
  if (spec) overrides.spec = spec;
  if (name.startsWith('2025-03-26-')) overrides.spec = '2025-03-26';
  if (context.client_id) {
    overrides.clientId = context.client_id;
    overrides.registration = 'pre';
  }
  if (context.client_secret) overrides.clientSecret = context.client_secret;
  if (name.startsWith('client-credentials-')) overrides.grant = 'client_credentials';
  // auth/wif-jwt-bearer: the workload's JWT, issued for the authorization server, is the grant.
  if (name === 'wif-jwt-bearer') {
    if (!context.valid_jwt) throw new UsageError(`${scenario} needs valid_jwt in MCP_CONFORMANCE_CONTEXT.`);
    overrides.grant = 'jwt-bearer';
    overrides.assertion = context.valid_jwt;
  }
  if (name.startsWith('cross-app-access-') || name === 'enterprise-managed-authorization') {
    if (!context.idp_token_endpoint || !context.idp_id_token) {
      throw new UsageError(`${scenario} needs idp_token_endpoint and idp_id_token in MCP_CONFORMANCE_CONTEXT.`);
    }
    overrides.grant = 'cross-app-access';
    overrides.identityAssertion = {
      idpTokenEndpoint: context.idp_token_endpoint,
      idToken: context.idp_id_token,
      ...(context.idp_issuer ? { idpIssuer: context.idp_issuer } : {}),
      ...(context.idp_client_id ? { idpClientId: context.idp_client_id } : {}),
    };
  }
  if (context.private_key_pem) {
    const alg = context.signing_algorithm ?? 'ES256';
    const key = await importPKCS8(context.private_key_pem, alg, { extractable: true });
    overrides.privateKeyJwk = { ...(await exportJWK(key)), alg };
    overrides.signingAlg = alg;
    overrides.tokenEndpointAuthMethod = 'private_key_jwt';
  }
  return defaultFlowOptions(serverUrl, overrides);
}

export async function runConformanceClient(args: string[], io: CliIo): Promise<number> {
  const serverUrl = args[args.length - 1];
  const scenario = io.env.MCP_CONFORMANCE_SCENARIO;
  if (!serverUrl || !scenario) {
    throw new UsageError('conformance-client is launched by the conformance suite: it needs MCP_CONFORMANCE_SCENARIO and the server URL as its last argument.');
  }
  const options = await conformanceOptions(scenario, io.env.MCP_CONFORMANCE_CONTEXT, serverUrl, io.env.MCP_CONFORMANCE_PROTOCOL_VERSION);
  const style = createStyle(false);
  const deps: EngineDeps = { transport: createNodeTransport(), interaction: createRedirectFollowingInteraction() };
  let session = createSession(options);
  io.stdout(formatHeader(session, style));
  session = await runFlow(session, deps, { onStep: (result) => io.stdout(formatStep(result, style, true)) });
  session = await followUp(scenario, session, deps);
  io.stdout(formatFooter(redactSession(session), style));
  return session.status.kind === 'completed' ? 0 : 1;
}

/**
 * json-schema-2020-12-preservation: the server checks that a tool's inputSchema reached the
 * client unchanged by asking for it back, so the listed schema is echoed in a second call.
 */
async function followUp(scenario: string, session: Session, deps: EngineDeps): Promise<Session> {
  if (scenario !== 'json-schema-2020-12-preservation' || session.status.kind !== 'completed') return session;
  const schema = session.data.mcp?.tools?.find((tool) => tool.name === 'json_schema_2020_12_tool')?.inputSchema;
  if (!schema) return session;
  return runAgain(session, deps, 'authenticated-mcp', { toolCall: { name: 'json_schema_echo', arguments: { schema } }, toolCalls: [] });
}
