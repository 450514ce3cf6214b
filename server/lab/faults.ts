/**
 * The lab's switchable misconfigurations. Each id is the id of the finding the debugger
 * should report when the fault is on (see src/engine/checks), so a fault and its finding
 * can be matched by string equality in tests and workshops.
 */

export const LAB_FAULTS = [
  {
    id: 'probe.missing-www-authenticate',
    summary: 'The MCP server answers 401 without a WWW-Authenticate header (the metadata is still served at the well-known URL).',
  },
  {
    id: 'prm.resource-mismatch',
    summary: 'The protected resource metadata names another resource than the MCP server URL it was fetched for.',
  },
  {
    id: 'asm.pkce-unsupported',
    summary: 'The authorization server metadata omits code_challenge_methods_supported, so PKCE support cannot be confirmed.',
  },
  {
    id: 'asm.issuer-mismatch',
    summary: 'The authorization server metadata carries an issuer that differs from the issuer it was fetched for.',
  },
  {
    id: 'registration.no-path',
    summary: 'The authorization server offers no way to register: no registration_endpoint, no Dynamic Client Registration, no Client ID Metadata Documents.',
  },
  {
    id: 'audit.accepts-foreign-audience',
    summary: "The MCP server accepts access tokens issued for another audience (it does not check 'aud').",
  },
  {
    id: 'audit.accepts-tampered-token',
    summary: 'The MCP server accepts access tokens whose signature does not verify (it only decodes them).',
  },
  {
    id: 'audit.accepts-malformed-token',
    summary: 'The MCP server takes a bearer value that is not a JWT as an API key and lets it through with full scope.',
  },
  {
    id: 'audit.accepts-untrusted-issuer',
    summary: "The MCP server verifies a token with the key in its own header (jwk) when it brings one, and then does not check the issuer.",
  },
  {
    id: 'audit.accepts-query-token',
    summary: 'The MCP server also reads the access token from the access_token query parameter.',
  },
  {
    id: 'audit.challenge-without-invalid-token',
    summary: 'The MCP server refuses a bad token with a challenge that names no error (no error="invalid_token").',
  },
  {
    id: 'audit.error-leaks-internals',
    summary: 'The MCP server answers a bad token with its stack trace, file paths included.',
  },
  {
    id: 'audit.as-accepts-missing-pkce',
    summary: 'The authorization server issues codes to authorization requests without PKCE (code_challenge).',
  },
  {
    id: 'audit.as-registers-insecure-redirect',
    summary: 'Dynamic registration takes any redirect URI from anyone, plain http on a foreign host included (no registration policy).',
  },
  {
    id: 'mcp.legacy-only-server',
    summary: 'The MCP server speaks only the legacy protocol (the initialize handshake of 2025-11-25); 2026-07-28 requests are refused as a legacy server refuses them.',
  },
  {
    id: 'mcp.modern-only-server',
    summary: 'The MCP server speaks only 2026-07-28: initialize is refused with an UnsupportedProtocolVersionError naming the supported versions.',
  },
  {
    id: 'cors.www-authenticate-not-exposed',
    summary: 'The MCP endpoint allows any origin but leaves WWW-Authenticate out of Access-Control-Expose-Headers, so a page cannot read the 401 challenge.',
  },
  {
    id: 'cors.preflight-failed',
    summary: 'The MCP endpoint sends CORS headers on its answers, but its OPTIONS preflight reaches authentication and is refused with 401.',
  },
] as const satisfies readonly { id: string; summary: string }[];

export type LabFaultId = (typeof LAB_FAULTS)[number]['id'];

const FAULT_IDS: ReadonlySet<string> = new Set(LAB_FAULTS.map((fault) => fault.id));

export function isLabFaultId(value: string): value is LabFaultId {
  return FAULT_IDS.has(value);
}

/** A fault set that answers "is this one on?" without scanning an array at every request. */
export type ActiveFaults = ReadonlySet<LabFaultId>;
