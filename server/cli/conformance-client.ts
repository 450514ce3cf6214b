/**
 * `npm run conformance:client <server-url>`: the adapter the official MCP conformance suite
 * launches for its client scenarios. It maps the scenario (MCP_CONFORMANCE_SCENARIO) and its
 * context (MCP_CONFORMANCE_CONTEXT: pre-registered credentials, a private key, an enterprise
 * IdP's ID token) to engine options and runs the same engine as `check`, with redirects
 * followed automatically.
 * Exit 0 when the flow completed; 1 when it stopped (which two scenarios expect).
 */
import { exportJWK, importPKCS8 } from 'jose';
import { z } from 'zod';
import { createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { createFetchTransport } from '../../src/engine/fetch-transport.js';
import { defaultFlowOptions, type FlowOptions } from '../../src/engine/options.js';
import { redactSession } from '../../src/engine/redact.js';
import { createSession, runFlow } from '../../src/engine/session.js';
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
  })
  .passthrough();

export async function conformanceOptions(scenario: string, contextJson: string | undefined, serverUrl: string): Promise<FlowOptions> {
  const context = contextJson ? contextSchema.parse(JSON.parse(contextJson)) : {};
  const name = scenario.replace(/^auth\//, '');
  const overrides: Partial<FlowOptions> = {
    redirectUri: CONFORMANCE_REDIRECT_URI,
    clientMetadataUrl: CONFORMANCE_CLIENT_METADATA_URL,
    // Every scenario's MCP server offers one tool; calling it is what scope-step-up escalates on.
    toolCall: { name: 'test-tool', arguments: {} },
    // The test servers issue opaque tokens and count any extra token use against the client.
    audit: false,
  };
  if (name.startsWith('2025-03-26-')) overrides.spec = '2025-03-26';
  if (context.client_id) {
    overrides.clientId = context.client_id;
    overrides.registration = 'pre';
  }
  if (context.client_secret) overrides.clientSecret = context.client_secret;
  if (name.startsWith('client-credentials-')) overrides.grant = 'client_credentials';
  if (name.startsWith('cross-app-access-')) {
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
  const options = await conformanceOptions(scenario, io.env.MCP_CONFORMANCE_CONTEXT, serverUrl);
  const style = createStyle(false);
  let session = createSession(options);
  io.stdout(formatHeader(session, style));
  session = await runFlow(
    session,
    { transport: createFetchTransport(), interaction: createRedirectFollowingInteraction() },
    { onStep: (result) => io.stdout(formatStep(result, style, true)) },
  );
  io.stdout(formatFooter(redactSession(session), style));
  return session.status.kind === 'completed' ? 0 : 1;
}
