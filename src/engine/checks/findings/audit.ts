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
]);
