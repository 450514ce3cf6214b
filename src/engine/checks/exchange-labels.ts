/**
 * What each exchange was for, in every language of the findings catalogue. An exchange keeps the
 * English label in `label` (reports, exports, older session files) and the id and params in
 * `labelId` / `labelParams`, so the UI can title it in the reader's language. Method names,
 * protocol versions and tool names are params: they stay as the wire spells them.
 *
 * The `label.then.*` entries add to another label; each names the label it extends with its own
 * placeholder, so they nest (a DPoP retry of a request after a redirect) without clashing.
 */
import type { PhraseText } from './phrase-reference.js';

export const EXCHANGE_LABELS = {
  // probe
  'label.probe.discover': { en: 'MCP server/discover without a token', 'zh-CN': '不带令牌的 MCP server/discover' },
  'label.probe.initialize': { en: 'MCP initialize without a token', 'zh-CN': '不带令牌的 MCP initialize' },
  'label.probe.initialize-fallback': {
    en: 'MCP initialize without a token (legacy fallback)',
    'zh-CN': '不带令牌的 MCP initialize(回退到旧版)',
  },
  'label.probe.tools-list': { en: 'MCP tools/list without a token', 'zh-CN': '不带令牌的 MCP tools/list' },

  // protected-resource-metadata
  'label.prm.from-challenge': { en: 'PRM from resource_metadata', 'zh-CN': '来自 resource_metadata 的 PRM' },
  'label.prm.well-known.path-aware': { en: 'PRM, path-aware well-known', 'zh-CN': 'PRM,含路径的 well-known' },
  'label.prm.well-known.root': { en: 'PRM, root well-known', 'zh-CN': 'PRM,根路径 well-known' },
  'label.prm.again-after-401': {
    en: 'protected resource metadata, again after the 401',
    'zh-CN': '受保护资源元数据,收到 401 后再次获取',
  },

  // authorization-server-metadata
  'label.asm.oauth.insertion': { en: 'RFC 8414 metadata, path insertion', 'zh-CN': 'RFC 8414 元数据,路径插入' },
  'label.asm.oauth.insertion.beyond-spec': { en: 'RFC 8414 metadata, path insertion (beyond this spec version)', 'zh-CN': 'RFC 8414 元数据,路径插入(超出此规范版本)' },
  'label.asm.oauth.appending': { en: 'RFC 8414 metadata, path appending', 'zh-CN': 'RFC 8414 元数据,路径追加' },
  'label.asm.oauth.appending.beyond-spec': { en: 'RFC 8414 metadata, path appending (beyond this spec version)', 'zh-CN': 'RFC 8414 元数据,路径追加(超出此规范版本)' },
  'label.asm.oidc.insertion': { en: 'OIDC metadata, path insertion', 'zh-CN': 'OIDC 元数据,路径插入' },
  'label.asm.oidc.insertion.beyond-spec': { en: 'OIDC metadata, path insertion (beyond this spec version)', 'zh-CN': 'OIDC 元数据,路径插入(超出此规范版本)' },
  'label.asm.oidc.appending': { en: 'OIDC metadata, path appending', 'zh-CN': 'OIDC 元数据,路径追加' },
  'label.asm.oidc.appending.beyond-spec': { en: 'OIDC metadata, path appending (beyond this spec version)', 'zh-CN': 'OIDC 元数据,路径追加(超出此规范版本)' },
  'label.asm.mcp-origin': { en: 'RFC 8414 metadata at the MCP server origin', 'zh-CN': 'MCP 服务器源上的 RFC 8414 元数据' },

  // client-registration
  'label.registration.cimd': { en: 'client ID metadata document', 'zh-CN': '客户端 ID 元数据文档' },
  'label.registration.dcr': { en: 'dynamic client registration', 'zh-CN': '动态客户端注册' },
  'label.registration.dcr-without-scope': { en: 'dynamic client registration (without scope)', 'zh-CN': '动态客户端注册(不带 scope)' },

  // authorization round trip
  'label.authorization.request': { en: 'authorization request', 'zh-CN': '授权请求' },
  'label.authorization.redirect': { en: 'authorization redirect {hop}', 'zh-CN': '授权重定向 {hop}' },

  // tokens
  'label.token.request': { en: 'token request', 'zh-CN': '令牌请求' },
  'label.token.refresh': { en: 'refresh token request', 'zh-CN': '刷新令牌请求' },
  'label.token.workload-identity': { en: 'JWT bearer grant (workload identity)', 'zh-CN': 'JWT bearer 授权(工作负载身份)' },
  'label.token.jwks': { en: 'JWKS', 'zh-CN': 'JWKS 密钥集' },
  'label.token.introspection': { en: 'token introspection', 'zh-CN': '令牌内省' },
  'label.id-jag.exchange': { en: 'token exchange at the IdP (ID token for ID-JAG)', 'zh-CN': '在 IdP 进行令牌交换(用 ID 令牌换取 ID-JAG)' },
  'label.id-jag.grant': { en: 'JWT bearer grant (ID-JAG)', 'zh-CN': 'JWT bearer 授权(ID-JAG)' },

  // authenticated-mcp
  'label.mcp.discover': { en: 'MCP server/discover', 'zh-CN': 'MCP server/discover 请求' },
  'label.mcp.initialize': { en: 'MCP initialize', 'zh-CN': 'MCP initialize 请求' },
  'label.mcp.initialize-fallback': { en: 'MCP initialize (legacy fallback)', 'zh-CN': 'MCP initialize(回退到旧版)' },
  'label.mcp.initialized': { en: 'MCP notifications/initialized', 'zh-CN': 'MCP notifications/initialized 通知' },
  'label.mcp.tools-list': { en: 'MCP tools/list', 'zh-CN': 'MCP tools/list 请求' },
  'label.mcp.tools-list-page': { en: 'MCP tools/list (page {page})', 'zh-CN': 'MCP tools/list(第 {page} 页)' },
  'label.mcp.tools-call': { en: 'MCP tools/call {tool}', 'zh-CN': 'MCP tools/call {tool} 调用' },
  'label.mcp.tools-call-round': {
    en: 'MCP tools/call {tool} (with input, round {round})',
    'zh-CN': 'MCP tools/call {tool}(附带输入,第 {round} 轮)',
  },
  'label.mcp.end-session': { en: 'MCP end session', 'zh-CN': '结束 MCP 会话' },

  // audit
  'label.audit.tampered-token': { en: 'audit: tampered token', 'zh-CN': '审计:篡改过的令牌' },
  'label.audit.malformed-token': { en: 'audit: malformed token', 'zh-CN': '审计:格式错误的令牌' },
  'label.audit.untrusted-issuer': { en: 'audit: token from an untrusted issuer', 'zh-CN': '审计:来自不受信任签发者的令牌' },
  'label.audit.query-token': { en: 'audit: token in the query string', 'zh-CN': '审计:放在查询字符串中的令牌' },
  'label.audit.foreign-audience': { en: 'audit: token for another audience', 'zh-CN': '审计:签发给其他受众的令牌' },
  'label.audit.second-client': { en: 'audit: a second client', 'zh-CN': '审计:第二个客户端' },
  'label.audit.open-registration': {
    en: 'audit: registration with a foreign plain-http redirect URI',
    'zh-CN': '审计:使用外部明文 http 重定向 URI 的注册',
  },
  'label.audit.refresh-reuse': { en: 'audit: the replaced refresh token again', 'zh-CN': '审计:再次使用已被替换的刷新令牌' },
  'label.audit.code-redemption': { en: 'audit: code redemption', 'zh-CN': '审计:兑换授权码' },
  'label.audit.session-open': { en: 'audit: a session opened with the valid token', 'zh-CN': '审计:用有效令牌打开的会话' },
  'label.audit.session-initialized': { en: 'audit: the session initialized', 'zh-CN': '审计:会话初始化完成' },
  'label.audit.session-without-token': { en: 'audit: the session id without a token', 'zh-CN': '审计:不带令牌的会话 ID' },
  'label.audit.session-end': { en: 'audit: end the session', 'zh-CN': '审计:结束会话' },
  'label.audit.narrow-client': { en: 'audit: a client for a narrower token', 'zh-CN': '审计:用于获取较窄令牌的客户端' },
  'label.audit.narrow-token': { en: 'audit: token for a narrower scope', 'zh-CN': '审计:范围较窄的令牌' },
  'label.audit.scope-missing': { en: 'audit: a token without the needed scope', 'zh-CN': '审计:缺少所需范围的令牌' },

  // cors: the endpoint keeps its kind in English, as the step's table names it.
  'label.cors.preflight.protected-resource-metadata': { en: 'CORS preflight: protected-resource-metadata', 'zh-CN': 'CORS 预检:受保护资源元数据' },
  'label.cors.with-origin.protected-resource-metadata': { en: 'CORS: protected-resource-metadata with an Origin', 'zh-CN': 'CORS:带 Origin 请求受保护资源元数据' },
  'label.cors.preflight.authorization-server-metadata': { en: 'CORS preflight: authorization-server-metadata', 'zh-CN': 'CORS 预检:授权服务器元数据' },
  'label.cors.with-origin.authorization-server-metadata': { en: 'CORS: authorization-server-metadata with an Origin', 'zh-CN': 'CORS:带 Origin 请求授权服务器元数据' },
  'label.cors.preflight.registration': { en: 'CORS preflight: registration', 'zh-CN': 'CORS 预检:注册端点' },
  'label.cors.with-origin.registration': { en: 'CORS: registration with an Origin', 'zh-CN': 'CORS:带 Origin 请求注册端点' },
  'label.cors.preflight.token': { en: 'CORS preflight: token', 'zh-CN': 'CORS 预检:令牌端点' },
  'label.cors.with-origin.token': { en: 'CORS: token with an Origin', 'zh-CN': 'CORS:带 Origin 请求令牌端点' },
  'label.cors.preflight.mcp': { en: 'CORS preflight: mcp', 'zh-CN': 'CORS 预检:MCP 端点' },
  'label.cors.with-origin.mcp': { en: 'CORS: mcp with an Origin', 'zh-CN': 'CORS:带 Origin 请求MCP 端点' },

  // Additions to another label.
  'label.then.redirect': { en: '{redirected} (after redirect {hop})', 'zh-CN': '{redirected}(第 {hop} 次重定向后)' },
  'label.then.dpop-nonce': { en: '{nonceless} (with the DPoP nonce)', 'zh-CN': '{nonceless}(附带 DPoP nonce)' },
  'label.then.dpop-proof': { en: '{proofless} (with a DPoP proof)', 'zh-CN': '{proofless}(附带 DPoP 证明)' },
  'label.then.version': { en: '{unversioned} ({version})', 'zh-CN': '{unversioned}({version})' },
} as const satisfies Record<string, PhraseText>;

export type ExchangeLabelId = keyof typeof EXCHANGE_LABELS;

/** The labels that add to another one, with the placeholder that holds it. */
export const LABEL_EXTENSIONS = {
  'label.then.redirect': 'redirected',
  'label.then.dpop-nonce': 'nonceless',
  'label.then.dpop-proof': 'proofless',
  'label.then.version': 'unversioned',
} as const satisfies Partial<Record<ExchangeLabelId, string>>;

export type LabelExtensionId = keyof typeof LABEL_EXTENSIONS;
