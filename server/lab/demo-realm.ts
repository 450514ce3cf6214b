/**
 * The shape of the tutorial's Keycloak set-up (reference/seed, section 6), reproduced by the
 * lab: a realm-scoped issuer, the `mcp:tools` scope, the resource server's own client for
 * introspection, and the user who signs in. Values only; no behaviour.
 */

/** Keycloak puts every realm under `/realms/<name>`; the issuer is that URL. */
export const REALM_PATH = '/realms/demo';

/** The scope the tutorial creates in "Client scopes" and the MCP server requires. */
export const MCP_SCOPE = 'mcp:tools';

/** The MCP endpoint path on the resource server's origin. */
export const MCP_PATH = '/mcp';

/**
 * A second audience on the MCP server's origin: the one the debugger's security audit asks for.
 * Every authorization the lab's AS grants also covers it (as a Keycloak audience mapper adds an
 * audience), so a refresh_token grant with `resource=<this URL>` yields a genuine token the MCP
 * server must refuse. The path is the audit's (src/wire), so the two cannot drift apart.
 */
export { AUDIT_AUDIENCE_PATH } from '../../src/wire/audit-audience.js';

/**
 * The tutorial signs in with the only account it creates: Keycloak's bootstrap `admin` /
 * `admin`. The lab keeps those credentials so the pages match what the tutorial shows.
 */
export const DEMO_USER = {
  username: 'admin',
  password: 'admin',
  name: 'Demo Admin',
  email: 'admin@example.com',
} as const;

/** Tutorial step 4: the MCP server's own confidential client, used for RFC 7662 introspection. */
export const INTROSPECTION_CLIENT_ID = 'mcp-server';

/** A client registered ahead of time, for runs that test the "pre-registered" path. */
export const PRE_REGISTERED_CLIENT_ID = 'mcp-auth-debugger';

/**
 * Endpoint paths under the issuer, named as Keycloak names them so the URLs the debugger
 * shows are the ones a Keycloak user knows (the tutorial's `create_oauth_urls`).
 */
export const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  introspection: '/protocol/openid-connect/token/introspect',
  revocation: '/protocol/openid-connect/revoke',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
  registration: '/clients-registrations/openid-connect',
} as const;

/** Where the lab's own login and consent pages live (outside oidc-provider's router). */
export const INTERACTION_PATH = `${REALM_PATH}/login-actions`;

export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
