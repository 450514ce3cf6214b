/**
 * The path of the other audience the security audit asks tokens for, on the MCP server's own
 * origin (src/engine/steps/audit.ts). The demo lab's authorization server grants it beside the
 * MCP server (server/lab/demo-realm.ts), as a Keycloak audience mapper would, so the audit gets
 * a genuine token the MCP server must refuse. One constant, so the two cannot drift apart.
 */
export const AUDIT_AUDIENCE_PATH = '/mcp-auth-debugger-audit';
