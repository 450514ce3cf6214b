import { defineFindings } from '../finding-definition.js';

/**
 * Findings of looking inside the access token (JWT claims and signature, or RFC 7662
 * introspection). Clients treat access tokens as opaque; these checks show the developer what
 * the MCP server will see when it validates the token.
 */
export const tokenInspectionFindings = defineFindings([
  {
    id: 'token.opaque',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc7662:2.2'],
    text: {
      en: {
        title: 'The access token is opaque',
        detail: 'The access token is not a JWT, so its audience, issuer and expiry cannot be read from it.',
        hint: 'Opaque tokens are fine; the MCP server has to validate them by introspection (RFC 7662) at the authorization server.',
      },
      'zh-CN': {
        title: '访问令牌是不透明令牌',
        detail: '访问令牌不是 JWT,无法从中读取受众、签发者和过期时间。',
        hint: '不透明令牌没有问题;MCP 服务器需要通过授权服务器的令牌内省(RFC 7662)来验证它。',
      },
    },
  },
  {
    id: 'token.alg-none',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc9068:4', 'mcp:token-handling'],
    text: {
      en: {
        title: 'The access token is not signed (alg "none")',
        detail: 'The JWT header says alg "none": anyone can forge such a token. A resource server MUST reject it.',
        hint: 'Sign access tokens with an asymmetric algorithm (RS256, ES256) and publish the keys at jwks_uri.',
      },
      'zh-CN': {
        title: '访问令牌未签名(alg 为 "none")',
        detail: 'JWT 头部声明 alg 为 "none":任何人都可以伪造这样的令牌。资源服务器必须(MUST)拒绝它。',
        hint: '请使用非对称算法(RS256、ES256)签名访问令牌,并在 jwks_uri 发布公钥。',
      },
    },
  },
  {
    id: 'token.typ-not-at-jwt',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc9068:2.1'],
    text: {
      en: {
        title: 'The JWT is not typed as an access token',
        detail: 'The JWT header typ is "{typ}"; RFC 9068 access tokens use "at+jwt", which keeps an ID token from being passed off as an access token.',
        hint: 'Where the authorization server supports RFC 9068, issue access tokens with typ "at+jwt".',
      },
      'zh-CN': {
        title: 'JWT 未标注为访问令牌类型',
        detail: 'JWT 头部的 typ 为 "{typ}";RFC 9068 访问令牌使用 "at+jwt",可防止把 ID 令牌冒充为访问令牌。',
        hint: '如果授权服务器支持 RFC 9068,请以 typ "at+jwt" 签发访问令牌。',
      },
    },
  },
  {
    id: 'token.no-jwks-uri',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The token signature cannot be checked: no jwks_uri',
        detail: 'The access token is a JWT, but the authorization server metadata has no jwks_uri, so nobody can verify its signature.',
        hint: 'Publish the signing keys as a JWK Set and list its URL as jwks_uri in the metadata.',
      },
      'zh-CN': {
        title: '无法验证令牌签名:没有 jwks_uri',
        detail: '访问令牌是 JWT,但授权服务器元数据中没有 jwks_uri,任何人都无法验证其签名。',
        hint: '请以 JWK Set 形式发布签名公钥,并在元数据中以 jwks_uri 列出其 URL。',
      },
    },
  },
  {
    id: 'token.jwks-unusable',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The JWK Set at {url} cannot be used',
        detail: 'The signing keys could not be read from {url}: {reason}.',
        hint: 'jwks_uri must serve a JSON object {"keys": [...]} with the public keys the access tokens are signed with.',
      },
      'zh-CN': {
        title: '{url} 处的 JWK Set 无法使用',
        detail: '无法从 {url} 读取签名公钥:{reason}。',
        hint: 'jwks_uri 必须返回 JSON 对象 {"keys": [...]},其中包含签名访问令牌所用的公钥。',
      },
    },
  },
  {
    id: 'token.signing-key-not-found',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc8414:2', 'rfc9068:4'],
    text: {
      en: {
        title: 'No key in the JWK Set matches the token',
        detail: 'The token is signed with {alg} (kid {kid}), but no key at {url} matches, so no resource server can verify it.',
        hint: 'Publish the current signing key at jwks_uri; after key rotation keep the old key there until its tokens have expired.',
      },
      'zh-CN': {
        title: 'JWK Set 中没有与令牌匹配的公钥',
        detail: '令牌使用 {alg} 签名(kid 为 {kid}),但 {url} 中没有匹配的公钥,任何资源服务器都无法验证它。',
        hint: '请在 jwks_uri 发布当前的签名公钥;轮换密钥后,旧公钥要保留到其签发的令牌全部过期。',
      },
    },
  },
  {
    id: 'token.signature-invalid',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc9068:4', 'mcp:token-handling'],
    text: {
      en: {
        title: 'The token signature is invalid',
        detail: 'The signature does not verify with the keys at {url} ({reason}). A resource server MUST reject this token.',
        hint: 'The token was altered, or signed with a key other than the published one (wrong realm or tenant, stale keys).',
      },
      'zh-CN': {
        title: '令牌签名无效',
        detail: '使用 {url} 中的公钥无法验证签名({reason})。资源服务器必须(MUST)拒绝该令牌。',
        hint: '令牌被篡改,或使用了与所发布公钥不同的密钥签名(realm 或租户错误、公钥过期未更新)。',
      },
    },
  },
  {
    id: 'token.signature-unverifiable',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc9068:4'],
    text: {
      en: {
        title: 'The token signature cannot be verified from outside',
        detail: 'The token is signed with {alg}: {reason}.',
        hint: 'Use an asymmetric algorithm (RS256, ES256) whose public keys are at jwks_uri, so any resource server can verify tokens.',
      },
      'zh-CN': {
        title: '无法从外部验证令牌签名',
        detail: '令牌使用 {alg} 签名:{reason}。',
        hint: '请使用非对称算法(RS256、ES256),并在 jwks_uri 发布公钥,使任何资源服务器都能验证令牌。',
      },
    },
  },
  {
    id: 'token.signature-valid',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc9068:4'],
    text: {
      en: {
        title: 'The token signature is valid',
        detail: 'The {alg} signature verifies with a key (kid {kid}) from {url}.',
      },
      'zh-CN': {
        title: '令牌签名有效',
        detail: '{alg} 签名可以用 {url} 中的公钥(kid 为 {kid})验证通过。',
      },
    },
  },
  {
    id: 'token.issuer-mismatch',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc9068:4', 'mcp:token-handling'],
    text: {
      en: {
        title: 'The token was issued by "{iss}", not by "{expected}"',
        detail: 'The iss claim is "{iss}" but the authorization server is "{expected}". A resource server that checks the issuer rejects it.',
        hint: 'Usually a different realm or tenant, or an issuer URL that differs in scheme, host or trailing slash from the metadata issuer.',
      },
      'zh-CN': {
        title: '令牌由 "{iss}" 签发,而不是 "{expected}"',
        detail: 'iss 声明为 "{iss}",但授权服务器是 "{expected}"。校验签发者的资源服务器会拒绝该令牌。',
        hint: '通常是 realm 或租户不同,或签发者 URL 在协议、主机或末尾斜杠上与元数据中的 issuer 不一致。',
      },
    },
  },
  {
    id: 'token.issuer-missing',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc9068:2.2'],
    text: {
      en: {
        title: 'The token has no iss claim',
        detail: 'The JWT access token does not say who issued it, so a resource server cannot tell tokens of different authorization servers apart.',
        hint: 'Include iss (RFC 9068 §2.2 requires it in JWT access tokens).',
      },
      'zh-CN': {
        title: '令牌中没有 iss 声明',
        detail: 'JWT 访问令牌没有说明签发者,资源服务器无法区分不同授权服务器签发的令牌。',
        hint: '请包含 iss 声明(RFC 9068 §2.2 要求 JWT 访问令牌必须包含)。',
      },
    },
  },
  {
    id: 'token.audience-mismatch',
    stepId: 'token-inspection',
    severity: 'error',
    bySpec: { '2025-03-26': 'warning' },
    specRefs: ['mcp:audience-binding', 'rfc8707:2', 'rfc9068:4'],
    text: {
      en: {
        title: 'The token is not issued for this MCP server',
        detail: 'The aud claim is {aud}, but the MCP server is "{expected}". The MCP server MUST reject tokens issued for another audience.',
        hint: 'Make the authorization server put the requested resource into aud (honour RFC 8707 resource, or configure an audience mapper such as Keycloak\'s "Included Custom Audience"). Generic audiences such as "account" or "api" are a pitfall.',
      },
      'zh-CN': {
        title: '令牌不是为此 MCP 服务器签发的',
        detail: 'aud 声明为 {aud},但 MCP 服务器是 "{expected}"。MCP 服务器必须(MUST)拒绝为其他受众签发的令牌。',
        hint: '请让授权服务器把请求的 resource 写入 aud(支持 RFC 8707 的 resource 参数,或配置受众映射,例如 Keycloak 的 "Included Custom Audience")。"account"、"api" 这类通用受众是常见陷阱。',
      },
    },
  },
  {
    id: 'token.resource-ignored',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc8707:2', 'mcp:audience-binding', 'mcp:resource-parameter'],
    text: {
      en: {
        title: 'The authorization server ignored the requested resource',
        detail: 'The client asked for a token for resource "{requested}", but the aud claim is {aud}. An authorization server SHOULD audience-restrict tokens to the requested resource (RFC 8707); an MCP server that checks its audience, as it MUST, will reject this token.',
        hint: 'Make the authorization server honour the resource parameter (RFC 8707), or configure an audience mapper that puts the MCP server\'s resource identifier into aud (Keycloak: "Included Custom Audience").',
      },
      'zh-CN': {
        title: '授权服务器忽略了请求的 resource',
        detail: '客户端请求的是资源 "{requested}" 的令牌,但 aud 声明为 {aud}。授权服务器应当(SHOULD)把令牌的受众限定为请求的资源(RFC 8707);按要求(MUST)检查受众的 MCP 服务器会拒绝此令牌。',
        hint: '请让授权服务器支持 resource 参数(RFC 8707),或配置受众映射,把 MCP 服务器的资源标识写入 aud(Keycloak:"Included Custom Audience")。',
      },
    },
  },
  {
    id: 'token.audience-not-exact',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:canonical-uri', 'rfc8707:2'],
    text: {
      en: {
        title: 'The token audience matches the MCP server only loosely',
        detail: 'The aud claim is {aud}; the canonical server URI is "{expected}". They differ in letter case or a trailing slash, and a server that compares strings exactly will reject the token.',
        hint: 'Use one canonical form everywhere (PRM resource, resource parameter, audience), preferably without a trailing slash.',
      },
      'zh-CN': {
        title: '令牌受众与 MCP 服务器只是大致匹配',
        detail: 'aud 声明为 {aud};规范的服务器 URI 是 "{expected}"。两者在大小写或末尾斜杠上不同,严格比较字符串的服务器会拒绝该令牌。',
        hint: '请在各处(PRM 的 resource、resource 参数、受众)使用同一种规范形式,最好不带末尾斜杠。',
      },
    },
  },
  {
    id: 'token.audience-missing',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:audience-binding', 'rfc9068:2.2'],
    text: {
      en: {
        title: 'The token has no aud claim',
        detail: 'Without an audience the MCP server cannot check from the token itself that it was issued for "{expected}".',
        hint: 'Put the resource (the MCP server\'s canonical URI) into aud.',
      },
      'zh-CN': {
        title: '令牌中没有 aud 声明',
        detail: '没有受众,MCP 服务器就无法仅凭令牌本身确认它是为 "{expected}" 签发的。',
        hint: '请把 resource(MCP 服务器的规范 URI)写入 aud。',
      },
    },
  },
  {
    id: 'token.expired',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['mcp:token-handling', 'rfc9068:4'],
    text: {
      en: {
        title: 'The token has expired',
        detail: 'The token expired at {exp}; it is now {now}. The MCP server MUST answer 401.',
        hint: 'Check the clocks of the authorization server and this machine, and the configured token lifetime.',
      },
      'zh-CN': {
        title: '令牌已过期',
        detail: '令牌已于 {exp} 过期;当前时间是 {now}。MCP 服务器必须(MUST)返回 401。',
        hint: '请检查授权服务器和本机的时钟,以及配置的令牌有效期。',
      },
    },
  },
  {
    id: 'token.not-yet-valid',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc7519:4.1.5'],
    text: {
      en: {
        title: 'The token is not valid yet',
        detail: 'The nbf claim says the token becomes valid at {nbf}; it is now {now}.',
        hint: 'Check the clocks of the authorization server and this machine.',
      },
      'zh-CN': {
        title: '令牌尚未生效',
        detail: 'nbf 声明表示令牌在 {nbf} 才生效;当前时间是 {now}。',
        hint: '请检查授权服务器和本机的时钟。',
      },
    },
  },
  {
    id: 'token.expiry-missing',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc9068:2.2', 'mcp:token-theft'],
    text: {
      en: {
        title: 'The token never expires',
        detail: 'The JWT access token has no exp claim: a leaked token stays usable for ever.',
        hint: 'Issue short-lived access tokens with exp (RFC 9068 §2.2 requires it).',
      },
      'zh-CN': {
        title: '令牌永不过期',
        detail: 'JWT 访问令牌没有 exp 声明:令牌一旦泄露将永远可用。',
        hint: '请签发带 exp 的短期访问令牌(RFC 9068 §2.2 要求必须包含)。',
      },
    },
  },
  {
    id: 'token.long-lived',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:token-theft'],
    text: {
      en: {
        title: 'The token lives {hours} hours',
        detail: 'Authorization servers SHOULD issue short-lived access tokens to reduce the impact of leaked tokens; this one is valid for {hours} hours.',
        hint: 'Prefer lifetimes of minutes to an hour, with refresh tokens for longer sessions.',
      },
      'zh-CN': {
        title: '令牌有效期为 {hours} 小时',
        detail: '授权服务器应当(SHOULD)签发短期访问令牌以降低泄露后的影响;此令牌有效期为 {hours} 小时。',
        hint: '建议有效期为几分钟到一小时,较长的会话使用刷新令牌。',
      },
    },
  },
  {
    id: 'token.scope-missing',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:scope-selection', 'rfc9068:2.2.3'],
    text: {
      en: {
        title: 'The token lacks requested scopes',
        detail: 'Requested "{requested}", but the token carries "{scope}" (missing: {missing}). Calls that need them will be refused with 403 insufficient_scope.',
        hint: 'Check that the scope is assigned to the client and included in the token (e.g. Keycloak: "Include in token scope").',
      },
      'zh-CN': {
        title: '令牌缺少请求的 scope',
        detail: '请求了 "{requested}",但令牌中是 "{scope}"(缺少:{missing})。需要这些 scope 的调用将被以 403 insufficient_scope 拒绝。',
        hint: '请检查该 scope 是否已分配给客户端并写入令牌(例如 Keycloak 的 "Include in token scope")。',
      },
    },
  },
  {
    id: 'token.scope-claim-missing',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc9068:2.2.3'],
    text: {
      en: {
        title: 'The token has no scope claim',
        detail: 'The JWT carries neither scope nor scp, so the MCP server cannot check scopes from the token itself.',
        hint: 'Include the granted scopes as a space-separated "scope" claim (RFC 9068 §2.2.3).',
      },
      'zh-CN': {
        title: '令牌中没有 scope 声明',
        detail: 'JWT 中既没有 scope 也没有 scp,MCP 服务器无法仅凭令牌本身检查 scope。',
        hint: '请以空格分隔的 "scope" 声明写入授予的 scope(RFC 9068 §2.2.3)。',
      },
    },
  },
  {
    id: 'token.introspection-unavailable',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc8414:2', 'rfc7662:2'],
    text: {
      en: {
        title: 'Introspection credentials were given, but there is no introspection endpoint',
        detail: 'The authorization server metadata has no introspection_endpoint, so the token could not be introspected.',
        hint: 'List introspection_endpoint in the metadata if the server offers RFC 7662 introspection.',
      },
      'zh-CN': {
        title: '提供了内省凭据,但没有内省端点',
        detail: '授权服务器元数据中没有 introspection_endpoint,无法对令牌进行内省。',
        hint: '如果服务器提供 RFC 7662 令牌内省,请在元数据中列出 introspection_endpoint。',
      },
    },
  },
  {
    id: 'token.introspection-failed',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc7662:2.2', 'rfc7662:2.3'],
    text: {
      en: {
        title: 'Token introspection failed: {reason}',
        detail: '{url} did not answer the introspection request with an introspection response ({reason}).',
        hint: 'The MCP server validates tokens this way too: if it fails here, it fails there. Check the resource server\'s credentials and that it may introspect.',
      },
      'zh-CN': {
        title: '令牌内省失败:{reason}',
        detail: '{url} 没有以内省响应回答内省请求({reason})。',
        hint: 'MCP 服务器也用这种方式验证令牌:这里失败,那里也会失败。请检查资源服务器的凭据及其内省权限。',
      },
    },
  },
  {
    id: 'token.introspection-inactive',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc7662:2.2', 'mcp:token-handling'],
    text: {
      en: {
        title: 'Introspection says the token is not active',
        detail: 'The authorization server answered "active": {active} for the token it has just issued, so the MCP server will reject it.',
        hint: 'The token may be revoked, expired, or issued by a different realm than the one introspecting it; or the introspecting client may not be allowed to see it.',
      },
      'zh-CN': {
        title: '内省结果表明令牌未激活',
        detail: '授权服务器对刚签发的令牌返回 "active": {active},MCP 服务器将拒绝它。',
        hint: '令牌可能已被撤销或过期,或由与内省方不同的 realm 签发;也可能执行内省的客户端无权查看该令牌。',
      },
    },
  },
  {
    id: 'token.id-token',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc7519:4.1'],
    text: {
      en: {
        title: 'An ID token was issued too',
        detail: 'The token response holds an OpenID Connect ID token from "{iss}" for client "{aud}". It tells the client who the user is; it is never sent to the MCP server.',
      },
      'zh-CN': {
        title: '同时签发了 ID 令牌',
        detail: '令牌响应中包含由 "{iss}" 为客户端 "{aud}" 签发的 OpenID Connect ID 令牌。它用于告诉客户端用户是谁,绝不会发送给 MCP 服务器。',
      },
    },
  },
  {
    id: 'token.id-token-undecodable',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc7519:7.2'],
    text: {
      en: {
        title: 'The ID token is not a readable JWT',
        detail: 'The id_token in the token response cannot be decoded: {reason}.',
        hint: 'An ID token is a signed JWT (three base64url parts separated by dots).',
      },
      'zh-CN': {
        title: 'ID 令牌不是可读取的 JWT',
        detail: '令牌响应中的 id_token 无法解码:{reason}。',
        hint: 'ID 令牌是已签名的 JWT(由点分隔的三段 base64url)。',
      },
    },
  },
  {
    id: 'token.generic-audience',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:audience-binding', 'rfc8707:2', 'rfc9068:3'],
    text: {
      en: {
        title: 'The token is for a generic audience: {aud}',
        detail: 'The access token\'s aud includes {aud}, which names no particular server. Every service that accepts that audience accepts this token, and a token meant for any of them works here.',
        hint: 'Issue tokens whose aud is the MCP server\'s canonical URI only (Keycloak: an Audience mapper with the server URL, and remove the default "account" audience from the client\'s scopes), and make the server refuse other audiences.',
      },
      'zh-CN': {
        title: '令牌的受众是通用值:{aud}',
        detail: '访问令牌的 aud 包含 {aud},它并不指向某个特定服务器。接受该受众的每个服务都会接受此令牌,发给其中任何一个的令牌在这里也能用。',
        hint: '签发只以 MCP 服务器规范 URI 为 aud 的令牌(Keycloak:用服务器 URL 配置 Audience 映射器,并从客户端作用域中移除默认的 "account" 受众),并让服务器拒绝其他受众。',
      },
    },
  },
  {
    id: 'token.broad-scope',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['mcp:scope-selection', 'rfc9700:2.3'],
    text: {
      en: {
        title: 'The token carries a scope that grants everything: {scopes}',
        detail: 'The granted scope includes {scopes}. A wildcard or all-powerful scope gives every client that gets it every capability, whatever it needs.',
        hint: 'Split scopes by tool or capability (least privilege) and grant only those the client asked for.',
      },
      'zh-CN': {
        title: '令牌带有授予全部权限的 scope:{scopes}',
        detail: '授予的 scope 包含 {scopes}。通配或全权 scope 会让拿到它的每个客户端获得所有能力,无论其是否需要。',
        hint: '按工具或能力拆分 scope(最小权限),只授予客户端请求的那些。',
      },
    },
  },
]);
