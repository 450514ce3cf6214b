/**
 * The lab's switchable misconfigurations. Each id is the id of the finding the debugger
 * should report when the fault is on (see src/engine/checks), so a fault and its finding
 * can be matched by string equality in tests and workshops. `summaryZh` is the summary in
 * Simplified Chinese, for the workshop view.
 */

export const LAB_FAULTS = [
  {
    id: 'probe.missing-www-authenticate',
    summary: 'The MCP server answers 401 without a WWW-Authenticate header (the metadata is still served at the well-known URL).',
    summaryZh: 'MCP 服务器回答 401 时不带 WWW-Authenticate 头（元数据仍在 well-known 地址上提供）。',
  },
  {
    id: 'prm.resource-mismatch',
    summary: 'The protected resource metadata names another resource than the MCP server URL it was fetched for.',
    summaryZh: '受保护资源元数据中的 resource 不是获取它所针对的 MCP 服务器 URL，而是另一个资源。',
  },
  {
    id: 'asm.pkce-unsupported',
    summary: 'The authorization server metadata omits code_challenge_methods_supported, so PKCE support cannot be confirmed.',
    summaryZh: '授权服务器元数据缺少 code_challenge_methods_supported，因此无法确认其支持 PKCE。',
  },
  {
    id: 'asm.issuer-mismatch',
    summary: 'The authorization server metadata carries an issuer that differs from the issuer it was fetched for.',
    summaryZh: '授权服务器元数据中的 issuer 与获取它所针对的 issuer 不同。',
  },
  {
    id: 'registration.no-path',
    summary: 'The authorization server offers no way to register: no registration_endpoint, no Dynamic Client Registration, no Client ID Metadata Documents.',
    summaryZh: '授权服务器不提供任何注册方式：没有 registration_endpoint，没有动态客户端注册，也不支持客户端 ID 元数据文档。',
  },
  {
    id: 'audit.accepts-foreign-audience',
    summary: "The MCP server accepts access tokens issued for another audience (it does not check 'aud').",
    summaryZh: 'MCP 服务器接受为其他受众签发的访问令牌（不检查 \'aud\'）。',
  },
  {
    id: 'audit.accepts-tampered-token',
    summary: 'The MCP server accepts access tokens whose signature does not verify (it only decodes them).',
    summaryZh: 'MCP 服务器接受签名无法验证的访问令牌（只解码，不验证）。',
  },
  {
    id: 'audit.accepts-malformed-token',
    summary: 'The MCP server takes a bearer value that is not a JWT as an API key and lets it through with full scope.',
    summaryZh: 'MCP 服务器把不是 JWT 的 bearer 值当作 API 密钥，并授予全部权限范围。',
  },
  {
    id: 'audit.accepts-untrusted-issuer',
    summary: "The MCP server verifies a token with the key in its own header (jwk) when it brings one, and then does not check the issuer.",
    summaryZh: 'MCP 服务器在令牌头部自带密钥（jwk）时用该密钥验证令牌，且不检查签发者。',
  },
  {
    id: 'audit.accepts-query-token',
    summary: 'The MCP server also reads the access token from the access_token query parameter.',
    summaryZh: 'MCP 服务器也从查询参数 access_token 中读取访问令牌。',
  },
  {
    id: 'audit.challenge-without-invalid-token',
    summary: 'The MCP server refuses a bad token with a challenge that names no error (no error="invalid_token").',
    summaryZh: 'MCP 服务器拒绝无效令牌时，质询中不指明错误（没有 error="invalid_token"）。',
  },
  {
    id: 'audit.error-leaks-internals',
    summary: 'The MCP server answers a bad token with its stack trace, file paths included.',
    summaryZh: 'MCP 服务器对无效令牌的回答中包含其堆栈跟踪，连同文件路径。',
  },
  {
    id: 'audit.as-accepts-missing-pkce',
    summary: 'The authorization server issues codes to authorization requests without PKCE (code_challenge).',
    summaryZh: '授权服务器向不带 PKCE（code_challenge）的授权请求签发授权码。',
  },
  {
    id: 'audit.as-registers-insecure-redirect',
    summary: 'Dynamic registration takes any redirect URI from anyone, plain http on a foreign host included (no registration policy).',
    summaryZh: '动态注册接受任何人提交的任意重定向 URI，包括其他主机上的明文 http（没有注册策略）。',
  },
  {
    id: 'mcp.legacy-only-server',
    summary: 'The MCP server speaks only the legacy protocol (the initialize handshake of 2025-11-25); 2026-07-28 requests are refused as a legacy server refuses them.',
    summaryZh: 'MCP 服务器只支持旧版协议（2025-11-25 的 initialize 握手）；2026-07-28 的请求会像旧版服务器那样被拒绝。',
  },
  {
    id: 'mcp.modern-only-server',
    summary: 'The MCP server speaks only 2026-07-28: initialize is refused with an UnsupportedProtocolVersionError naming the supported versions.',
    summaryZh: 'MCP 服务器只支持 2026-07-28：initialize 被拒绝，返回列出所支持版本的 UnsupportedProtocolVersionError。',
  },
  {
    id: 'cors.www-authenticate-not-exposed',
    summary: 'The MCP endpoint allows any origin but leaves WWW-Authenticate out of Access-Control-Expose-Headers, so a page cannot read the 401 challenge.',
    summaryZh: 'MCP 端点允许任何来源，但 Access-Control-Expose-Headers 中没有 WWW-Authenticate，网页无法读取 401 质询。',
  },
  {
    id: 'cors.preflight-failed',
    summary: 'The MCP endpoint sends CORS headers on its answers, but its OPTIONS preflight reaches authentication and is refused with 401.',
    summaryZh: 'MCP 端点在响应中带有 CORS 头，但其 OPTIONS 预检请求进入了身份验证并被 401 拒绝。',
  },
  {
    id: 'asm.pkce-s256-missing',
    summary: 'The authorization server metadata lists only the plain PKCE method in code_challenge_methods_supported, not S256.',
    summaryZh: '授权服务器元数据的 code_challenge_methods_supported 只列出 plain 方法，没有 S256。',
  },
  {
    id: 'asm.response-types-missing',
    summary: 'The authorization server metadata omits response_types_supported, which RFC 8414 requires.',
    summaryZh: '授权服务器元数据缺少 RFC 8414 要求的 response_types_supported。',
  },
  {
    id: 'authorization.iss-not-advertised',
    summary: 'Authorization responses carry iss, but the metadata does not advertise it (authorization_response_iss_parameter_supported is absent).',
    summaryZh: '授权响应带有 iss，但元数据没有声明（缺少 authorization_response_iss_parameter_supported）。',
  },
  {
    id: 'asm.grant-type-not-advertised',
    summary: 'The authorization server metadata leaves authorization_code out of grant_types_supported.',
    summaryZh: '授权服务器元数据的 grant_types_supported 中没有 authorization_code。',
  },
  {
    id: 'token.cache-control-missing',
    summary: 'The token endpoint answers without Cache-Control: no-store, so caches may keep the tokens.',
    summaryZh: '令牌端点的响应不带 Cache-Control: no-store，缓存可能会保存令牌。',
  },
  {
    id: 'token.invalid-expires-in',
    summary: 'The token response sends expires_in as a string ("900") instead of a number of seconds.',
    summaryZh: '令牌响应中的 expires_in 是字符串（"900"），而不是表示秒数的数字。',
  },
  {
    id: 'token.not-bearer',
    summary: 'The token response calls the access token type "JWT" instead of "Bearer".',
    summaryZh: '令牌响应把访问令牌类型写成 "JWT"，而不是 "Bearer"。',
  },
  {
    id: 'token.long-lived',
    summary: 'Access tokens live twelve hours instead of fifteen minutes.',
    summaryZh: '访问令牌的有效期是十二小时，而不是十五分钟。',
  },
  {
    id: 'token.generic-audience',
    summary: 'Access tokens also name the generic audience "account" in aud, as Keycloak does by default.',
    summaryZh: '访问令牌的 aud 中还包含通用受众 "account"，就像 Keycloak 的默认设置。',
  },
  {
    id: 'token.broad-scope',
    summary: 'Access tokens carry the wildcard scope "*" besides the scopes granted.',
    summaryZh: '访问令牌除了所授予的权限范围外，还带有通配符权限范围 "*"。',
  },
  {
    id: 'registration.dcr-status-not-201',
    summary: 'Dynamic Client Registration answers a successful registration with 200 instead of 201 Created.',
    summaryZh: '动态客户端注册成功时返回 200，而不是 201 Created。',
  },
  {
    id: 'registration.dcr-redirect-uris-not-echoed',
    summary: 'The registration response leaves out the redirect_uris that were registered.',
    summaryZh: '注册响应中没有返回已注册的 redirect_uris。',
  },
  {
    id: 'probe.no-bearer-challenge',
    summary: 'A 401 without a token carries a Basic challenge (as from a proxy in front of the server) instead of a Bearer one; the metadata is still at the well-known URL.',
    summaryZh: '不带令牌的请求得到的 401 携带 Basic 质询（如同服务器前面的代理所发），而不是 Bearer 质询；元数据仍在 well-known 地址上提供。',
  },
  {
    id: 'probe.no-challenge-scope',
    summary: 'The 401 challenge names no scope, so a client learns what to ask for only from scopes_supported in the metadata.',
    summaryZh: '401 质询中没有 scope，客户端只能从元数据的 scopes_supported 得知应请求哪些权限范围。',
  },
  {
    id: 'prm.not-found',
    summary: 'The challenge points to the protected resource metadata, but the well-known URL answers 404 (the metadata route is not mounted).',
    summaryZh: '质询指向受保护资源元数据，但该 well-known 地址返回 404（元数据路由没有挂载）。',
  },
  {
    id: 'prm.no-authorization-servers',
    summary: 'The protected resource metadata lists no authorization_servers, so a client has nowhere to get a token.',
    summaryZh: '受保护资源元数据中没有 authorization_servers，客户端无处获取令牌。',
  },
  {
    id: 'prm.resource-missing',
    summary: 'The protected resource metadata has no resource field, so a client cannot tell that it belongs to this MCP server.',
    summaryZh: '受保护资源元数据缺少 resource 字段，客户端无法确认它属于这个 MCP 服务器。',
  },
  {
    id: 'prm.header-bearer-method-missing',
    summary: 'The protected resource metadata lists only "body" in bearer_methods_supported, though the MCP server takes tokens in the Authorization header only.',
    summaryZh: '受保护资源元数据的 bearer_methods_supported 只列出 "body"，而 MCP 服务器只接受 Authorization 头中的令牌。',
  },
  {
    id: 'mcp.forbidden',
    summary: 'The MCP server refuses tools/list and tools/call with a bare 403 of its own (a role check), without an insufficient_scope challenge naming what to ask for.',
    summaryZh: 'MCP 服务器以自己的角色检查用一个简单的 403 拒绝 tools/list 和 tools/call，不带指明应申请什么的 insufficient_scope 质询。',
  },
  {
    id: 'mcp.insufficient-scope-without-scope',
    summary: 'The MCP server refuses tools/list and tools/call with 403 error="insufficient_scope" but does not name the scope the tools need.',
    summaryZh: 'MCP 服务器以 403 error="insufficient_scope" 拒绝 tools/list 和 tools/call，却不指明这些工具需要的权限范围。',
  },
  {
    id: 'prm.invalid-field',
    summary: 'The protected resource metadata gives scopes_supported as a space-separated string, as in the scope parameter, instead of a JSON array.',
    summaryZh: '受保护资源元数据把 scopes_supported 写成以空格分隔的字符串（如同 scope 参数），而不是 JSON 数组。',
  },
  {
    id: 'probe.malformed-www-authenticate',
    summary: 'The 401 challenge sends resource_metadata and scope unquoted, though a URL and "mcp:tools" may only be sent as quoted strings.',
    summaryZh: '401 质询中的 resource_metadata 和 scope 没有加引号，而 URL 和 "mcp:tools" 只能以带引号的字符串发送。',
  },
  {
    id: 'mcp.result-type-missing',
    summary: 'The MCP server\'s results lack the resultType field that 2026-07-28 requires, as from a server written for an earlier revision.',
    summaryZh: 'MCP 服务器的结果缺少 2026-07-28 要求的 resultType 字段，如同为更早版本编写的服务器。',
  },
  {
    id: 'mcp.discover-no-server-info',
    summary: 'The MCP server answers server/discover without serverInfo in _meta, so a client cannot tell which server and version it talks to.',
    summaryZh: 'MCP 服务器回答 server/discover 时 _meta 中没有 serverInfo，客户端无法得知所连接的服务器及其版本。',
  },
  {
    id: 'audit.as-redirects-to-unregistered-uri',
    summary: 'The authorization server redirects to any redirect URI an authorization request names, registered or not, so a code goes wherever an attacker says.',
    summaryZh: '授权服务器会重定向到授权请求中给出的任何重定向 URI，无论是否已注册，授权码因此会被送到攻击者指定的地方。',
  },
  {
    id: 'audit.as-accepts-plain-pkce',
    summary: 'The authorization server serves code_challenge_method=plain, though its metadata advertises S256 only.',
    summaryZh: '授权服务器接受 code_challenge_method=plain，尽管其元数据只声明支持 S256。',
  },
  {
    id: 'audit.as-code-reused',
    summary: 'A retry cache at the token endpoint answers an authorization code presented a second time with the tokens it issued the first time.',
    summaryZh: '令牌端点的重试缓存对第二次提交的授权码，返回第一次为它签发的令牌。',
  },
  {
    id: 'audit.as-wrong-verifier-accepted',
    summary: 'The token endpoint never compares the code_verifier with the code_challenge: any verifier redeems the code.',
    summaryZh: '令牌端点从不比较 code_verifier 和 code_challenge：任何 verifier 都能兑换授权码。',
  },
  {
    id: 'audit.as-code-other-client',
    summary: "The token endpoint takes a public client's code to be the presenting client's own, whichever client_id presents it.",
    summaryZh: '令牌端点把公共客户端的授权码当作提交者自己的，不管提交它的是哪个 client_id。',
  },
  {
    id: 'audit.as-refresh-token-reused',
    summary: "A retry cache at the token endpoint answers a public client's refresh token that was already replaced with the tokens it gave before.",
    summaryZh: '令牌端点的重试缓存对公共客户端已被替换的刷新令牌，仍返回之前给出的令牌。',
  },
  {
    id: 'audit.challenge-without-resource-metadata',
    summary: 'The MCP server refuses a bad token with a challenge that names the error but not resource_metadata (the 401 without a token still has it).',
    summaryZh: 'MCP 服务器拒绝无效令牌时，质询指明了错误却没有 resource_metadata（不带令牌的 401 仍然带有它）。',
  },
  {
    id: 'audit.session-without-token',
    summary: 'The MCP server keeps legacy sessions (initialize opens one, with an Mcp-Session-Id) and serves a request that carries an open session\'s id without any token.',
    summaryZh: 'MCP 服务器保持旧版会话（initialize 会打开一个会话并返回 Mcp-Session-Id），并为带有已打开会话 ID 但不带任何令牌的请求提供服务。',
  },
  {
    id: 'audit.accepts-insufficient-scope',
    summary: 'The MCP server asks for scope "mcp:tools" in its challenge but never checks it: a token without the scope is served.',
    summaryZh: 'MCP 服务器在质询中要求 "mcp:tools" 权限范围，却从不检查：不含该范围的令牌也能得到服务。',
  },
  {
    id: 'audit.insufficient-scope-not-403',
    summary: 'The MCP server refuses a valid token without the needed scope with 401 invalid_token instead of 403 insufficient_scope.',
    summaryZh: 'MCP 服务器用 401 invalid_token 拒绝缺少所需权限范围的有效令牌，而不是 403 insufficient_scope。',
  },
  {
    id: 'audit.insufficient-scope-without-scope',
    summary: 'The MCP server refuses a valid token without the needed scope with 403 insufficient_scope, but the challenge names no scope.',
    summaryZh: 'MCP 服务器以 403 insufficient_scope 拒绝缺少所需权限范围的有效令牌，但质询中没有指明权限范围。',
  },
] as const satisfies readonly { id: string; summary: string; summaryZh: string }[];

export type LabFaultId = (typeof LAB_FAULTS)[number]['id'];

const FAULT_IDS: ReadonlySet<string> = new Set(LAB_FAULTS.map((fault) => fault.id));

export function isLabFaultId(value: string): value is LabFaultId {
  return FAULT_IDS.has(value);
}

/**
 * Fault ids as a person gave them (`--fault`, the workshop's switches): the known ones in the
 * order given, and the unknown ones with a message listing every valid id.
 */
export function parseFaultIds(ids: readonly string[]): { faults: LabFaultId[]; unknown: string[]; message?: string } {
  const faults = ids.filter(isLabFaultId);
  const unknown = ids.filter((id) => !isLabFaultId(id));
  if (unknown.length === 0) return { faults, unknown };
  return { faults, unknown, message: `Unknown fault${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The faults are: ${LAB_FAULTS.map((fault) => fault.id).join(', ')}.` };
}

/**
 * The faults on at this moment. The servers ask it at every request (never once at start-up),
 * so a switch made while the lab runs applies from the next request on.
 */
export interface ActiveFaults {
  has(id: LabFaultId): boolean;
}

/** The lab's switchboard: what the servers read, and what `Lab.setFaults` writes. */
export interface FaultSwitchboard extends ActiveFaults {
  /** The faults that are on, in catalogue order. */
  list(): LabFaultId[];
  /** Replaces the whole set at once, so no request sees half of a change. */
  set(ids: Iterable<LabFaultId>): void;
}

export function createFaultSwitchboard(initial: Iterable<LabFaultId> = []): FaultSwitchboard {
  let on: ReadonlySet<LabFaultId> = new Set(initial);
  return {
    has: (id) => on.has(id),
    list: () => LAB_FAULTS.map((fault) => fault.id).filter((id) => on.has(id)),
    set(ids) {
      on = new Set(ids);
    },
  };
}
