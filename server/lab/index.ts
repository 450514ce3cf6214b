/**
 * The lab: a real authorization server (oidc-provider, shaped like the tutorial's Keycloak
 * realm) and a real MCP server (the SDK's), each on its own loopback origin, with switchable
 * misconfigurations named after the findings they should trigger.
 */
import { createAuthorizationServer } from './authorization-server.js';
import { hostForUrl } from '../net/url-host.js';
import { DEMO_USER, MCP_PATH } from './demo-realm.js';
import { createFaultSwitchboard, type LabFaultId } from './faults.js';
import { bindServer, type BoundServer } from './http-listener.js';
import { createMcpResourceServer } from './mcp-server.js';

export { LAB_FAULTS, isLabFaultId, type LabFaultId } from './faults.js';

export interface LabOptions {
  faults?: LabFaultId[];
  /** Sign the demo user in and approve every request without showing a page. */
  autoConsent?: boolean;
  /** Interface to bind both servers to; default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  authorizationServerPort?: number;
  /** Default 0: an ephemeral port. */
  mcpPort?: number;
  /** Operational messages (sign-ins, refused tokens, server errors); never secrets. */
  log?: (line: string) => void;
}

export interface Lab {
  /** e.g. http://127.0.0.1:PORT/mcp */
  mcpUrl: string;
  /** e.g. http://127.0.0.1:PORT/realms/demo */
  issuer: string;
  authorizationServerOrigin: string;
  /** The faults on now, in catalogue order. */
  faults(): LabFaultId[];
  /**
   * Switches to exactly these faults while the lab runs. Each server reads the set at every
   * request, so a request already being answered finishes as it began and the next one sees
   * the new set; nothing restarts.
   */
  setFaults(ids: Iterable<LabFaultId>): void;
  /** The MCP server's own client (tutorial step 4), for RFC 7662 introspection. */
  introspectionClient: { clientId: string; clientSecret: string };
  /** A confidential native client: any loopback port is accepted in its redirect URIs. */
  preRegisteredClient: { clientId: string; clientSecret?: string; redirectUris: string[] };
  demoUser: { username: string; password: string };
  /** Stops both servers and destroys their open connections. */
  close(): Promise<void>;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  const activeFaults = createFaultSwitchboard(options.faults ?? []);
  const log = options.log ?? (() => undefined);

  const bound: BoundServer[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.all(bound.map((server) => server.close()));
  };

  try {
    const authorizationServerBinding = await bindServer(host, options.authorizationServerPort ?? 0);
    bound.push(authorizationServerBinding);
    const mcpBinding = await bindServer(host, options.mcpPort ?? 0);
    bound.push(mcpBinding);

    const authorizationServerOrigin = `http://${hostForUrl(host)}:${authorizationServerBinding.port}`;
    const mcpOrigin = `http://${hostForUrl(host)}:${mcpBinding.port}`;

    const authorizationServer = await createAuthorizationServer({
      bound: authorizationServerBinding,
      origin: authorizationServerOrigin,
      mcpUrl: `${mcpOrigin}${MCP_PATH}`,
      faults: activeFaults,
      autoConsent: options.autoConsent ?? false,
      log,
    });
    const mcpServer = createMcpResourceServer({
      bound: mcpBinding,
      host,
      origin: mcpOrigin,
      issuer: authorizationServer.issuer,
      jwksUri: authorizationServer.jwksUri,
      faults: activeFaults,
      log,
    });

    return {
      mcpUrl: mcpServer.mcpUrl,
      issuer: authorizationServer.issuer,
      authorizationServerOrigin,
      faults: () => activeFaults.list(),
      setFaults: (ids) => activeFaults.set(ids),
      introspectionClient: authorizationServer.introspectionClient,
      preRegisteredClient: authorizationServer.preRegisteredClient,
      demoUser: { username: DEMO_USER.username, password: DEMO_USER.password },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
