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
]);
