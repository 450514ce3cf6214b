import { defineFindings } from '../finding-definition.js';

/**
 * The security audit: tokens a correct MCP server must refuse, sent on purpose. What it finds
 * can be seen from outside only; each is a pitfall of the seed tutorial's table.
 */
export const auditFindings = defineFindings([
  {
    id: 'audit.accepts-tampered-token',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:token-handling', 'rfc6750:3.1', 'rfc9068:4'],
    text: {
      en: {
        title: 'The MCP server accepts a token with a broken signature',
        detail: 'The debugger changed one character of the access token\'s signature and sent it to {url}; the server answered {status} instead of 401. Anyone can forge tokens for this server.',
        hint: 'Verify every access token: the JWT signature against the authorization server\'s jwks_uri (or ask its introspection endpoint), then iss, aud, exp and scope. Never only decode a token.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受了签名被破坏的令牌',
        detail: '调试器修改了访问令牌签名中的一个字符并发送到 {url},服务器返回 {status} 而不是 401。任何人都可以为该服务器伪造令牌。',
        hint: '校验每个访问令牌:用授权服务器 jwks_uri 的公钥验证 JWT 签名(或调用其内省端点),再检查 iss、aud、exp 和 scope。切勿只解码令牌。',
      },
    },
  },
  {
    id: 'audit.rejects-tampered-token',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:token-handling'],
    text: {
      en: {
        title: 'The MCP server refuses a token with a broken signature',
        detail: 'A copy of the access token with one character of its signature changed was answered {status}.',
      },
      'zh-CN': {
        title: 'MCP 服务器拒绝了签名被破坏的令牌',
        detail: '签名被修改了一个字符的访问令牌副本得到了 {status} 响应。',
      },
    },
  },
  {
    id: 'audit.accepts-foreign-audience',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:audience-binding', 'mcp:token-handling', 'rfc8707:2'],
    text: {
      en: {
        title: 'The MCP server accepts a token issued for another audience',
        detail: 'The authorization server issued a genuine token for {audience}; {url} answered {status} to it instead of 401. A token meant for any other service of this authorization server works here (the confused-deputy and token-passthrough risks).',
        hint: 'Check that the token\'s aud claim (or the introspection answer\'s aud) contains this server\'s canonical URI, and refuse it otherwise.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受了签发给其他受众的令牌',
        detail: '授权服务器为 {audience} 签发了一个真实令牌;{url} 对它返回了 {status} 而不是 401。签发给该授权服务器下任何其他服务的令牌都能在这里使用(混淆代理与令牌透传风险)。',
        hint: '检查令牌的 aud 声明(或内省结果中的 aud)是否包含本服务器的规范 URI,不包含则拒绝。',
      },
    },
  },
  {
    id: 'audit.rejects-foreign-audience',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:audience-binding'],
    text: {
      en: {
        title: 'The MCP server refuses a token issued for another audience',
        detail: 'A genuine token for {audience} was answered {status}.',
      },
      'zh-CN': {
        title: 'MCP 服务器拒绝了签发给其他受众的令牌',
        detail: '签发给 {audience} 的真实令牌得到了 {status} 响应。',
      },
    },
  },
  {
    id: 'audit.foreign-audience-untested',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:audience-binding', 'rfc8707:2.2'],
    text: {
      en: {
        title: 'The audience check could not be tested',
        detail: 'To test it the debugger needs a genuine token for another audience, asked for with the refresh token and resource={audience}: {reason}',
        hint: 'Authorization servers may refuse resources outside the original grant (RFC 8707 §2.2). Test the audience check by hand with a token issued for another resource.',
      },
      'zh-CN': {
        title: '无法测试受众检查',
        detail: '测试需要一个签发给其他受众的真实令牌,调试器用刷新令牌并以 resource={audience} 请求:{reason}',
        hint: '授权服务器可以拒绝原授权之外的资源(RFC 8707 §2.2)。请用签发给其他资源的令牌手动测试受众检查。',
      },
    },
  },
  {
    id: 'audit.unexpected-status',
    stepId: 'audit',
    // "Invalid or expired tokens MUST receive a HTTP 401 response."
    severity: 'error',
    specRefs: ['mcp:error-handling', 'mcp:token-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'An invalid token got {status}, not 401',
        detail: 'The {what} was answered {status}. Invalid or expired tokens MUST receive an HTTP 401 response, with WWW-Authenticate error="invalid_token", so clients know to get a new one.',
        hint: 'Answer invalid, expired or wrong-audience tokens with 401 and a Bearer challenge with error="invalid_token".',
      },
      'zh-CN': {
        title: '无效令牌得到 {status} 而不是 401',
        detail: '{what}得到了 {status} 响应。无效或过期的令牌必须(MUST)得到 HTTP 401 响应,并带有 WWW-Authenticate error="invalid_token",客户端才知道要重新获取令牌。',
        hint: '对无效、过期或受众错误的令牌返回 401,并附带 error="invalid_token" 的 Bearer 质询。',
      },
    },
  },
  {
    id: 'audit.accepts-malformed-token',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:token-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The MCP server accepts a bearer value that is no token',
        detail: 'The debugger sent Authorization: Bearer with a value that is not a token in any format to {url}; the server answered {status} instead of 401. It lets through what it cannot parse, or takes any value as a key.',
        hint: 'Refuse every bearer value that does not verify as an access token of your authorization server (signature or introspection), with 401 and error="invalid_token". Do not fall back to anonymous or API-key access.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受了根本不是令牌的 Bearer 值',
        detail: '调试器向 {url} 发送了 Authorization: Bearer,其值不是任何格式的令牌;服务器返回 {status} 而不是 401。它放行了无法解析的值,或把任意值当作密钥。',
        hint: '凡是不能验证为本授权服务器所签发访问令牌(签名或内省)的 Bearer 值都要拒绝,返回 401 和 error="invalid_token"。不要退回到匿名或 API 密钥访问。',
      },
    },
  },
  {
    id: 'audit.accepts-untrusted-issuer',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:token-handling', 'rfc9068:4'],
    text: {
      en: {
        title: 'The MCP server accepts a token from an issuer it should not trust',
        detail: 'The debugger sent {url} a token with the real token\'s claims, issued by another issuer and signed with a key of its own that the token carries in its header; the server answered {status} instead of 401. Anyone can mint tokens this server accepts.',
        hint: 'Verify tokens only with the keys of your authorization server\'s jwks_uri (never a key from the token\'s own header: jwk, jku, x5u), and check that iss is exactly your authorization server\'s issuer.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受了来自不应信任的签发者的令牌',
        detail: '调试器向 {url} 发送了一个令牌:声明与真实令牌相同,但由另一个签发者签发,并用调试器自己的密钥签名(密钥放在令牌头部);服务器返回 {status} 而不是 401。任何人都能铸造该服务器接受的令牌。',
        hint: '只用授权服务器 jwks_uri 中的密钥验证令牌(绝不使用令牌头部自带的 jwk、jku、x5u),并检查 iss 与授权服务器的签发者完全一致。',
      },
    },
  },
  {
    id: 'audit.accepts-query-token',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:token-requirements', 'rfc6750:2.3', 'rfc9700:4.3'],
    text: {
      en: {
        title: 'The MCP server accepts the access token in the query string',
        detail: 'The debugger sent the valid access token as ?access_token= with no Authorization header to {url}; the server answered {status}. Access tokens MUST NOT be sent in the URI query string: URLs end up in logs, browser history and Referer headers.',
        hint: 'Take the access token only from the Authorization header; answer a request without it with 401 and the Bearer challenge.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受放在查询字符串中的访问令牌',
        detail: '调试器把有效的访问令牌作为 ?access_token= 发送到 {url},且不带 Authorization 头;服务器返回 {status}。访问令牌不得(MUST NOT)放在 URI 查询字符串中:URL 会进入日志、浏览器历史和 Referer 头。',
        hint: '只从 Authorization 头读取访问令牌;没有该头的请求返回 401 和 Bearer 质询。',
      },
    },
  },
  {
    id: 'audit.refused',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:token-handling'],
    text: {
      en: {
        title: 'The MCP server refuses the {what}',
        detail: 'The {what} was answered {status}.',
      },
      'zh-CN': {
        title: 'MCP 服务器拒绝了{what}',
        detail: '{what}得到了 {status} 响应。',
      },
    },
  },
  {
    id: 'audit.challenge-without-invalid-token',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['rfc6750:3.1', 'mcp:error-handling'],
    text: {
      en: {
        title: 'Refused tokens get a challenge without error="invalid_token"',
        detail: '{url} refused {count} of the audit\'s tokens with 401, among them the {what}, but its WWW-Authenticate challenge does not say error="invalid_token". A client cannot tell a token it must replace from a missing one.',
        hint: 'When a request carried a token that does not verify, answer WWW-Authenticate: Bearer error="invalid_token", error_description="…", resource_metadata="…".',
      },
      'zh-CN': {
        title: '被拒绝的令牌得到的质询没有 error="invalid_token"',
        detail: '{url} 以 401 拒绝了审计发送的 {count} 个令牌(其中包括{what}),但其 WWW-Authenticate 质询没有写明 error="invalid_token"。客户端无法区分“令牌需要更换”和“缺少令牌”。',
        hint: '请求携带的令牌验证失败时,返回 WWW-Authenticate: Bearer error="invalid_token", error_description="…", resource_metadata="…"。',
      },
    },
  },
  {
    id: 'audit.challenge-without-resource-metadata',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['rfc9728:5.1', 'mcp:prm-discovery'],
    text: {
      en: {
        title: 'Refusals do not point at the protected resource metadata',
        detail: '{url} refused {count} of the audit\'s requests with 401, among them the {what}, without resource_metadata in the WWW-Authenticate challenge. A client that gets a token refused cannot rediscover where to get a new one (an authorization server that moved, for instance).',
        hint: 'Add resource_metadata="<your protected resource metadata URL>" to every 401 challenge, not only the first one.',
      },
      'zh-CN': {
        title: '拒绝响应没有指向受保护资源元数据',
        detail: '{url} 以 401 拒绝了审计的 {count} 个请求(其中包括{what}),但 WWW-Authenticate 质询中没有 resource_metadata。令牌被拒后,客户端无法重新发现去哪里获取新令牌(例如授权服务器已迁移)。',
        hint: '在每个 401 质询中都加上 resource_metadata="<受保护资源元数据 URL>",而不仅是第一个。',
      },
    },
  },
  {
    id: 'audit.error-leaks-internals',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['mcp:error-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'An error answer shows {kind}',
        detail: 'The answer of {url} to the {what} shows {kind}: "{excerpt}". Internal details help an attacker map the server, its code and the services behind it.',
        hint: 'Answer authorization failures with the standard error (invalid_token and a short description) and log the details on the server only. Turn off debug error pages in production.',
      },
      'zh-CN': {
        title: '错误响应暴露了{kind}',
        detail: '{url} 对{what}的响应暴露了{kind}:“{excerpt}”。内部细节会帮助攻击者摸清服务器、其代码及后端服务。',
        hint: '授权失败只返回标准错误(invalid_token 加简短说明),细节只记录在服务器日志中。生产环境关闭调试错误页面。',
      },
    },
  },
  {
    id: 'audit.session-without-token',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:session-hijacking', 'mcp:token-handling'],
    text: {
      en: {
        title: 'The MCP server serves a session id without a token',
        detail: 'The debugger opened a session at {url} with the valid token, then sent a request with its Mcp-Session-Id and no Authorization header; the server answered {status} instead of 401. The session id works as a credential: whoever learns it (from a log, a proxy, a shared link) uses the server as the user.',
        hint: 'Check the access token on every request, session or not, and bind a session to the user of the token that opened it. MCP servers MUST NOT use sessions for authentication.',
      },
      'zh-CN': {
        title: 'MCP 服务器凭会话 ID 即可提供服务,无需令牌',
        detail: '调试器用有效令牌在 {url} 打开了一个会话,然后发送了带有该 Mcp-Session-Id 但不带 Authorization 头的请求;服务器返回 {status} 而不是 401。会话 ID 成了凭据:任何得知它的人(从日志、代理、分享的链接)都能以该用户身份使用服务器。',
        hint: '每个请求都要校验访问令牌,无论是否属于会话,并把会话绑定到打开它的令牌所属用户。MCP 服务器不得(MUST NOT)用会话做身份验证。',
      },
    },
  },
  {
    id: 'audit.rejects-session-without-token',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:session-hijacking'],
    text: {
      en: {
        title: 'The MCP server wants a token with the session id too',
        detail: 'A request with the Mcp-Session-Id of a session opened with the valid token, and no Authorization header, was answered {status}.',
      },
      'zh-CN': {
        title: 'MCP 服务器在有会话 ID 时仍要求令牌',
        detail: '带有用有效令牌打开的会话的 Mcp-Session-Id、但不带 Authorization 头的请求得到了 {status} 响应。',
      },
    },
  },
  {
    id: 'audit.session-untested',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:session-hijacking'],
    text: {
      en: {
        title: 'Not tested: a session id without a token',
        detail: 'Whether the server takes an Mcp-Session-Id in place of a token could not be tested: {reason}',
        hint: 'Where a server keeps sessions (the legacy protocol, 2025-11-25 and earlier), send a request with the Mcp-Session-Id of a signed-in session and no Authorization header: it must be refused with 401.',
      },
      'zh-CN': {
        title: '未测试:不带令牌的会话 ID',
        detail: '无法测试服务器是否把 Mcp-Session-Id 当作令牌接受:{reason}',
        hint: '对保持会话的服务器(旧版协议,2025-11-25 及更早),发送带有已登录会话的 Mcp-Session-Id 但不带 Authorization 头的请求:它必须被 401 拒绝。',
      },
    },
  },
  {
    id: 'audit.accepts-insufficient-scope',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:insufficient-scope', 'mcp:token-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The MCP server serves a token without the scope it asks for',
        detail: 'Without a token, {url} asked for scope="{scope}"; the same request with a genuine token whose scope is {granted}, which lacks it, was answered {status} instead of 403. The scope check is missing, so any token of this authorization server for this server grants everything.',
        hint: 'After verifying the token, check that its scope contains what the request needs, and answer 403 with WWW-Authenticate: Bearer error="insufficient_scope", scope="…" otherwise.',
      },
      'zh-CN': {
        title: 'MCP 服务器接受了缺少其所要求权限范围的令牌',
        detail: '不带令牌时,{url} 要求 scope="{scope}";同一请求带上权限范围为 {granted}(不含所需范围)的真实令牌后,得到了 {status} 而不是 403。缺少权限范围检查,该授权服务器为本服务器签发的任何令牌都能做任何事。',
        hint: '验证令牌后,检查其权限范围是否包含请求所需的范围,否则返回 403 和 WWW-Authenticate: Bearer error="insufficient_scope", scope="…"。',
      },
    },
  },
  {
    id: 'audit.insufficient-scope-refused',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:insufficient-scope'],
    text: {
      en: {
        title: 'A token without the needed scope gets 403 insufficient_scope',
        detail: 'A genuine token whose scope is {granted} was answered 403 with error="insufficient_scope" and scope="{challengeScope}".',
      },
      'zh-CN': {
        title: '缺少所需权限范围的令牌得到 403 insufficient_scope',
        detail: '权限范围为 {granted} 的真实令牌得到了 403 响应,带有 error="insufficient_scope" 和 scope="{challengeScope}"。',
      },
    },
  },
  {
    id: 'audit.insufficient-scope-not-403',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['mcp:insufficient-scope', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'A token without the needed scope gets {status}, not 403 insufficient_scope',
        detail: 'A genuine token whose scope is {granted}, lacking the scope="{scope}" that {url} asks for, was answered {status} (challenge error: {error}). A client takes a 401 for a token to throw away and starts again, and learns nothing about the scope to ask for.',
        hint: 'Answer a valid token that lacks a scope with 403 and WWW-Authenticate: Bearer error="insufficient_scope", scope="<the scopes the request needs>", resource_metadata="…"; keep 401 for missing or invalid tokens.',
      },
      'zh-CN': {
        title: '缺少所需权限范围的令牌得到 {status},而不是 403 insufficient_scope',
        detail: '权限范围为 {granted}、缺少 {url} 所要求的 scope="{scope}" 的真实令牌得到了 {status} 响应(质询中的错误:{error})。客户端会把 401 当作令牌作废而重新开始,也无从得知应申请哪些权限范围。',
        hint: '有效但缺少权限范围的令牌应返回 403 和 WWW-Authenticate: Bearer error="insufficient_scope", scope="<请求所需的权限范围>", resource_metadata="…";401 只用于缺失或无效的令牌。',
      },
    },
  },
  {
    id: 'audit.insufficient-scope-without-scope',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['mcp:insufficient-scope', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The insufficient_scope refusal does not name the scope',
        detail: 'A genuine token whose scope is {granted} was answered 403 with error="insufficient_scope" by {url}, but the challenge has no scope parameter, so a client cannot step up to what the request needs.',
        hint: 'Add scope="<the scopes the request needs>" to the 403 challenge, all of them at once.',
      },
      'zh-CN': {
        title: 'insufficient_scope 拒绝没有指明权限范围',
        detail: '{url} 以 403 和 error="insufficient_scope" 拒绝了权限范围为 {granted} 的真实令牌,但质询中没有 scope 参数,客户端无法升级到请求所需的权限范围。',
        hint: '在 403 质询中加上 scope="<请求所需的权限范围>",一次列出全部。',
      },
    },
  },
  {
    id: 'audit.insufficient-scope-untested',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['mcp:insufficient-scope'],
    text: {
      en: {
        title: 'Not tested: a token without the needed scope',
        detail: 'Whether the server refuses a token that lacks the scope it needs with 403 insufficient_scope could not be tested: {reason}',
        hint: 'Test it by hand: get a token without one of the scopes the server names in its 401 challenge and send the same request; it must get 403 with error="insufficient_scope" and scope="…".',
      },
      'zh-CN': {
        title: '未测试:缺少所需权限范围的令牌',
        detail: '无法测试服务器是否以 403 insufficient_scope 拒绝缺少所需权限范围的令牌:{reason}',
        hint: '请手动测试:获取一个不含服务器在 401 质询中所列某个权限范围的令牌,再发送同一请求;它必须得到带有 error="insufficient_scope" 和 scope="…" 的 403。',
      },
    },
  },
  {
    id: 'audit.as-redirects-to-unregistered-uri',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['rfc9700:4.1', 'mcp:open-redirection', 'oauth21:draft'],
    text: {
      en: {
        title: 'The authorization server redirects to a redirect URI the client never registered',
        detail: 'An authorization request of the run\'s client with redirect_uri={redirectUri} was answered with a redirect to that URI. Anyone can send a user through this server to their own site, with an error or even a code.',
        hint: 'Compare redirect_uri with the client\'s registered redirect URIs by exact string match before anything else, and on a mismatch show an error page: never redirect to an unverified URI.',
      },
      'zh-CN': {
        title: '授权服务器重定向到了客户端从未注册的重定向 URI',
        detail: '本次运行的客户端发起 redirect_uri={redirectUri} 的授权请求,服务器用重定向到该 URI 作答。任何人都能借此服务器把用户带到自己的网站,附带错误甚至授权码。',
        hint: '先按精确字符串比对 redirect_uri 与客户端已注册的重定向 URI,不匹配时显示错误页面:绝不重定向到未经验证的 URI。',
      },
    },
  },
  {
    id: 'audit.as-accepts-missing-pkce',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:code-protection', 'rfc9700:2.1.1', 'oauth21:draft'],
    text: {
      en: {
        title: 'The authorization server issues a code without PKCE',
        detail: 'An authorization request to {url} without code_challenge got an authorization code. MCP requires PKCE; without it a stolen or injected code can be redeemed.',
        hint: 'Require code_challenge (S256) in every authorization request and refuse the request with invalid_request otherwise.',
      },
      'zh-CN': {
        title: '授权服务器在没有 PKCE 的情况下签发了授权码',
        detail: '发往 {url} 的不带 code_challenge 的授权请求拿到了授权码。MCP 要求使用 PKCE;没有它,被窃取或注入的授权码就能被兑换。',
        hint: '在每个授权请求中要求 code_challenge(S256),否则以 invalid_request 拒绝。',
      },
    },
  },
  {
    id: 'audit.as-accepts-plain-pkce',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:code-protection', 'rfc9700:2.1.1', 'rfc7636:4.2'],
    text: {
      en: {
        title: 'The authorization server accepts plain PKCE it does not advertise',
        detail: 'The metadata lists only S256 in code_challenge_methods_supported, yet an authorization request to {url} with code_challenge_method=plain got a code. plain gives no protection against a code intercepted with the request.',
        hint: 'Refuse code_challenge_method=plain (invalid_request) and accept S256 only, as the metadata says.',
      },
      'zh-CN': {
        title: '授权服务器接受了它并未声明的 plain PKCE',
        detail: '元数据的 code_challenge_methods_supported 只列出 S256,但发往 {url} 的 code_challenge_method=plain 授权请求却拿到了授权码。plain 无法防范连同请求一起被截获的授权码。',
        hint: '拒绝 code_challenge_method=plain(invalid_request),只接受元数据所声明的 S256。',
      },
    },
  },
  {
    id: 'audit.as-code-reused',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['rfc6749:4.1.2', 'oauth21:draft'],
    text: {
      en: {
        title: 'An authorization code can be redeemed twice',
        detail: '{url} issued tokens for an authorization code it had already exchanged. A code MUST be usable once; a stolen code keeps working after the client used it.',
        hint: 'Mark a code used at its first redemption and refuse it after that (invalid_grant); RFC 6749 §4.1.2 also asks to revoke the tokens issued with it.',
      },
      'zh-CN': {
        title: '同一个授权码可以兑换两次',
        detail: '{url} 为一个已经兑换过的授权码再次签发了令牌。授权码必须(MUST)只能使用一次;否则客户端用过之后,被窃取的授权码依然有效。',
        hint: '首次兑换时将授权码标记为已使用,之后一律拒绝(invalid_grant);RFC 6749 §4.1.2 还要求撤销用它签发的令牌。',
      },
    },
  },
  {
    id: 'audit.as-wrong-verifier-accepted',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['rfc7636:4.6', 'mcp:code-protection'],
    text: {
      en: {
        title: 'A code is redeemed with a code_verifier that does not match',
        detail: '{url} issued tokens for a code presented with a code_verifier other than the one its code_challenge was made from. PKCE is not checked, so it protects nothing.',
        hint: 'At the token endpoint, compute the challenge from code_verifier with the code\'s method and compare it with the stored code_challenge; refuse with invalid_grant when they differ.',
      },
      'zh-CN': {
        title: '使用不匹配的 code_verifier 也能兑换授权码',
        detail: '{url} 为一个授权码签发了令牌,而提交的 code_verifier 并不是生成其 code_challenge 的那个。PKCE 没有被校验,形同虚设。',
        hint: '在令牌端点用授权码记录的方法从 code_verifier 计算 challenge,并与存储的 code_challenge 比较;不一致时以 invalid_grant 拒绝。',
      },
    },
  },
  {
    id: 'audit.as-code-other-client',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['rfc6749:4.1.3', 'oauth21:draft'],
    text: {
      en: {
        title: 'A code issued to one client is redeemed by another',
        detail: '{url} issued tokens to a second client (registered for the audit) for a code issued to the run\'s client. Any client can redeem codes it steals.',
        hint: 'Bind each code to the client_id it was issued to, and refuse its redemption by any other client (invalid_grant).',
      },
      'zh-CN': {
        title: '签发给一个客户端的授权码被另一个客户端兑换',
        detail: '{url} 为第二个客户端(为审计注册)签发了令牌,而所用的授权码是签发给本次运行客户端的。任何客户端都能兑换它窃取的授权码。',
        hint: '将每个授权码与其签发对象的 client_id 绑定,拒绝任何其他客户端兑换(invalid_grant)。',
      },
    },
  },
  {
    id: 'audit.as-refresh-token-reused',
    stepId: 'audit',
    severity: 'error',
    specRefs: ['mcp:refresh-tokens', 'oauth21:draft'],
    text: {
      en: {
        title: 'A replaced refresh token still works',
        detail: 'The refresh step got a new refresh token for this public client; {url} still issued tokens for the old one. For public clients refresh tokens MUST be rotated (or sender-constrained), so a stolen one stops working once used.',
        hint: 'When a public client\'s refresh token is used, issue a new one and invalidate the old; if the old one is presented again, refuse it and revoke the grant (reuse detection).',
      },
      'zh-CN': {
        title: '已被替换的刷新令牌仍然有效',
        detail: '刷新步骤为这个公共客户端拿到了新的刷新令牌;{url} 却仍为旧令牌签发了令牌。对公共客户端,刷新令牌必须(MUST)轮换(或绑定发送方),这样被窃取的令牌在使用后即失效。',
        hint: '公共客户端使用刷新令牌时,签发新令牌并作废旧令牌;旧令牌再次出现时予以拒绝并撤销整个授权(重用检测)。',
      },
    },
  },
  {
    id: 'audit.as-registers-insecure-redirect',
    stepId: 'audit',
    severity: 'warning',
    specRefs: ['mcp:dcr', 'rfc7591:5', 'mcp:communication-security'],
    text: {
      en: {
        title: 'Dynamic registration takes any redirect URI from anyone',
        detail: '{url} registered a client, without an initial access token, for {redirectUri}: plain http on a foreign host. Anyone can register a client that sends codes to their own site and show your users a consent page for it (the tutorial\'s "DCR without control").',
        hint: 'Apply a registration policy: accept only loopback or https redirect URIs (Keycloak: Client registration → Trusted Hosts), require an initial access token where open registration is not needed, and show the client\'s redirect host on the consent page.',
      },
      'zh-CN': {
        title: '动态注册接受任何人提交的任意重定向 URI',
        detail: '{url} 在没有初始访问令牌的情况下为 {redirectUri} 注册了客户端:这是其他主机上的明文 http。任何人都能注册一个把授权码发往自己网站的客户端,并让你的用户看到它的同意页面(教程中的“DCR 无管控”)。',
        hint: '实施注册策略:只接受回环地址或 https 的重定向 URI(Keycloak:客户端注册 → 受信任主机),不需要开放注册时要求初始访问令牌,并在同意页面上显示客户端的重定向主机。',
      },
    },
  },
  {
    id: 'audit.as-refused',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['rfc9700:2.1'],
    text: {
      en: {
        title: 'Refused as it must be: {what}',
        detail: 'The authorization server refused it ({detail}).',
      },
      'zh-CN': {
        title: '已按要求拒绝:{what}',
        detail: '授权服务器拒绝了该请求({detail})。',
      },
    },
  },
  {
    id: 'audit.as-untested',
    stepId: 'audit',
    severity: 'info',
    specRefs: ['rfc9700:2.1'],
    text: {
      en: {
        title: 'Not tested: {what}',
        detail: 'The {what} could not be tested: {reason}.',
        hint: 'Test it by hand, or run the audit against a server that needs no person at its login page.',
      },
      'zh-CN': {
        title: '未测试:{what}',
        detail: '无法测试{what}:{reason}。',
        hint: '请手动测试,或在登录页不需要人工操作的服务器上运行审计。',
      },
    },
  },
]);
