import { defineFindings } from '../finding-definition.js';

/** The unauthenticated MCP request and the 401 challenge it should earn. */
export const probeFindings = defineFindings([
  {
    id: 'probe.invalid-server-url',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:canonical-uri', 'rfc3986:4.3'],
    text: {
      en: {
        title: 'The server URL cannot be used',
        detail: '"{url}" is not an http(s) URL of an MCP endpoint: {reason}.',
        hint: 'Enter the full URL of the MCP endpoint, with its scheme, for example https://mcp.example.com/mcp.',
      },
      'zh-CN': {
        title: '服务器 URL 无法使用',
        detail: '“{url}”不是 MCP 端点的 http(s) URL:{reason}。',
        hint: '请输入 MCP 端点的完整 URL(包含协议),例如 https://mcp.example.com/mcp。',
      },
    },
  },
  {
    id: 'probe.insecure-transport',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:communication-security', 'rfc6750:5.3', 'oauth21:draft'],
    text: {
      en: {
        title: 'The MCP server is reached over plain HTTP',
        detail:
          '{url} uses http on a host that is not loopback. Bearer tokens sent to it travel in clear text: clients MUST use TLS for requests that carry bearer tokens, and every authorization endpoint MUST be served over HTTPS.',
        hint: 'Serve the MCP endpoint over HTTPS. Plain http is only acceptable on localhost / 127.0.0.1 while developing.',
      },
      'zh-CN': {
        title: 'MCP 服务器通过明文 HTTP 访问',
        detail:
          '{url} 在非回环地址上使用 http。发往它的 Bearer 令牌将以明文传输:携带 Bearer 令牌的请求必须使用 TLS,所有授权端点也必须通过 HTTPS 提供。',
        hint: '请通过 HTTPS 提供 MCP 端点。只有在开发时于 localhost / 127.0.0.1 上才可以使用明文 http。',
      },
    },
  },
  {
    id: 'probe.initialize-unprotected',
    stepId: 'probe',
    severity: 'info',
    specRefs: ['mcp:error-handling', 'mcp:insufficient-scope'],
    text: {
      en: {
        title: '{request} works without a token; tools/list asks for one',
        detail: '{url} answered the unauthenticated {request} request, and answered tools/list with 401. The flow starts from that challenge.',
        hint: 'That is allowed. Clients must be ready for a 401 on any request, not only the first.',
      },
      'zh-CN': {
        title: '{request} 无需令牌,tools/list 需要令牌',
        detail: '{url} 响应了未认证的 {request} 请求,而对 tools/list 返回了 401。授权流程从该质询开始。',
        hint: '这是允许的。客户端必须能处理任何请求上的 401,而不只是第一个请求。',
      },
    },
  },
  {
    id: 'probe.dpop-challenge',
    stepId: 'probe',
    severity: 'info',
    specRefs: ['rfc9449:7.1', 'mcp:token-requirements'],
    text: {
      en: {
        title: 'The MCP server asks for DPoP-bound tokens',
        detail: 'Its 401 challenge uses the DPoP scheme (algorithms: {algs}), so the debugger proves possession of a key with DPoP on the token request and on every request with the token.',
      },
      'zh-CN': {
        title: 'MCP 服务器要求 DPoP 绑定的令牌',
        detail: '它的 401 质询使用 DPoP 方案(算法:{algs}),因此调试器会在令牌请求以及每个携带令牌的请求上用 DPoP 证明持有密钥。',
      },
    },
  },
  {
    id: 'probe.not-401',
    stepId: 'probe',
    severity: 'info',
    specRefs: ['mcp:protocol-requirements', 'mcp:error-handling'],
    text: {
      en: {
        title: 'The server does not require authorization',
        detail:
          '{url} answered the unauthenticated request with HTTP {status} instead of 401 Unauthorized: it does not ask for a token, so there is no authorization flow to run. Its tools are listed, and can be called, without a token. Authorization is OPTIONAL in MCP; if this server is meant to be protected, the protection is missing.',
        hint: 'If the server should be protected, make it answer requests without a valid token with 401 and a WWW-Authenticate: Bearer challenge. If only some tools are protected, the flow starts at the first 401.',
      },
      'zh-CN': {
        title: '该服务器不要求授权',
        detail:
          '{url} 对未认证的请求返回了 HTTP {status},而不是 401 Unauthorized:它没有要求令牌,因此没有需要运行的授权流程。无需令牌即可列出并调用它的工具。MCP 中授权是可选的;如果该服务器本应受保护,那么保护措施缺失了。',
        hint: '若服务器应受保护,请对没有有效令牌的请求返回 401,并附带 WWW-Authenticate: Bearer 质询。若只有部分工具受保护,授权流程会从第一个 401 开始。',
      },
    },
  },
  {
    id: 'probe.not-mcp',
    stepId: 'probe',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:protocol-requirements', 'mcp:error-handling'],
    text: {
      en: {
        title: 'This URL does not look like an MCP endpoint',
        detail:
          '{url} answered the MCP initialize POST with HTTP {status} and Content-Type "{contentType}". An MCP endpoint answers a request without a token with 401, or with a JSON-RPC result when it is not protected.',
        hint: 'Check the path: Streamable HTTP servers usually listen on /mcp. A 404, 405 or an HTML page means the request reached something else (a web app, a proxy, an SSE-only endpoint).',
      },
      'zh-CN': {
        title: '该 URL 看起来不是 MCP 端点',
        detail:
          '{url} 对 MCP initialize POST 请求返回了 HTTP {status},Content-Type 为“{contentType}”。MCP 端点对不带令牌的请求应返回 401;若未受保护,则返回 JSON-RPC 结果。',
        hint: '请检查路径:Streamable HTTP 服务器通常监听 /mcp。404、405 或 HTML 页面表示请求到达了别的地方(Web 应用、代理或仅支持 SSE 的端点)。',
      },
    },
  },
  {
    id: 'probe.unexpected-status',
    stepId: 'probe',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:error-handling', 'rfc9110:15.5.2'],
    text: {
      en: {
        title: 'Unexpected HTTP {status} to a request without a token',
        detail:
          '{url} answered the unauthenticated initialize request with HTTP {status}. When authorization is required and not yet proven, servers MUST answer 401 Unauthorized; clients start the authorization flow only on a 401.',
        hint: 'Answer requests without a token with 401 and a WWW-Authenticate: Bearer challenge (403 is for a valid token with too little scope).',
      },
      'zh-CN': {
        title: '不带令牌的请求收到意外的 HTTP {status}',
        detail:
          '{url} 对未认证的 initialize 请求返回了 HTTP {status}。当需要授权而客户端尚未证明身份时,服务器必须返回 401 Unauthorized;客户端只会在收到 401 时启动授权流程。',
        hint: '对不带令牌的请求返回 401 并附带 WWW-Authenticate: Bearer 质询(403 用于令牌有效但 scope 不足的情况)。',
      },
    },
  },
  {
    id: 'probe.missing-www-authenticate',
    stepId: 'probe',
    severity: 'error',
    bySpec: { '2025-03-26': 'warning', '2025-11-25': 'warning', '2026-07-28': 'warning' },
    specRefs: ['mcp:as-location', 'mcp:prm-discovery', 'rfc9110:11.6.1', 'rfc9110:15.5.2'],
    text: {
      en: {
        title: '401 without a WWW-Authenticate header',
        detail:
          '{url} answered 401 but sent no WWW-Authenticate header. HTTP requires it on every 401, and it is where MCP servers point clients to their Protected Resource Metadata (resource_metadata). The debugger goes on with the well-known metadata URLs, as clients of this spec version do.',
        hint: 'Send WWW-Authenticate: Bearer resource_metadata="https://<your-server>/.well-known/oauth-protected-resource/<path>" with every 401.',
      },
      'zh-CN': {
        title: '401 响应缺少 WWW-Authenticate 头',
        detail:
          '{url} 返回了 401,却没有发送 WWW-Authenticate 头。HTTP 要求每个 401 响应都携带它,MCP 服务器也通过它(resource_metadata)告诉客户端受保护资源元数据的位置。调试器将像该规范版本的客户端一样,继续尝试 well-known 元数据 URL。',
        hint: '在每个 401 响应中发送 WWW-Authenticate: Bearer resource_metadata="https://<你的服务器>/.well-known/oauth-protected-resource/<路径>"。',
      },
    },
  },
  {
    id: 'probe.malformed-www-authenticate',
    stepId: 'probe',
    severity: 'warning',
    specRefs: ['rfc9110:11.6.1', 'rfc6750:3'],
    text: {
      en: {
        title: 'The WWW-Authenticate header is malformed',
        detail:
          'At character {position} of the header (near "{excerpt}"), {problem}: {message} Lenient clients may still read it, but a strict parser drops the challenge, and with it resource_metadata and scope.',
        hint: 'Quote every parameter value that is not a plain token (URLs and scope lists must be quoted) and separate parameters with commas: Bearer resource_metadata="https://…", scope="a b".',
      },
      'zh-CN': {
        title: 'WWW-Authenticate 头格式错误',
        detail:
          '在该头的第 {position} 个字符处(“{excerpt}”附近)出现问题({problem}):{message}宽松的客户端也许仍能读取,但严格的解析器会丢弃整个质询,resource_metadata 和 scope 也随之丢失。',
        hint: '凡不是简单 token 的参数值(URL、scope 列表)都必须加引号,参数之间用逗号分隔:Bearer resource_metadata="https://…", scope="a b"。',
      },
    },
  },
  {
    id: 'probe.no-bearer-challenge',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['rfc6750:3', 'mcp:as-location', 'mcp:token-requirements'],
    text: {
      en: {
        title: 'No Bearer challenge in the 401',
        detail:
          'The WWW-Authenticate header offers the scheme(s) {schemes} but no Bearer challenge. MCP uses OAuth bearer tokens, so clients look for a Bearer challenge to learn resource_metadata and scope.',
        hint: 'Answer with WWW-Authenticate: Bearer resource_metadata="…" (other schemes may follow it in the same header).',
      },
      'zh-CN': {
        title: '401 响应中没有 Bearer 质询',
        detail:
          'WWW-Authenticate 头提供了认证方案 {schemes},但没有 Bearer 质询。MCP 使用 OAuth Bearer 令牌,客户端需要从 Bearer 质询中获取 resource_metadata 和 scope。',
        hint: '请返回 WWW-Authenticate: Bearer resource_metadata="…"(同一个头里可以再列出其他方案)。',
      },
    },
  },
  {
    id: 'probe.no-resource-metadata',
    stepId: 'probe',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'error' },
    specRefs: ['mcp:prm-discovery', 'mcp:as-location', 'rfc9728:5.1'],
    text: {
      en: {
        title: 'The Bearer challenge has no resource_metadata',
        detail:
          'The 401 carries a Bearer challenge without the resource_metadata parameter, so the client has to guess the Protected Resource Metadata URL from the well-known locations.',
        hint: 'Add resource_metadata="<URL of your Protected Resource Metadata>" to the Bearer challenge (RFC 9728 §5.1); it saves clients the guessing and works for servers on sub-paths.',
      },
      'zh-CN': {
        title: 'Bearer 质询缺少 resource_metadata',
        detail: '401 响应中的 Bearer 质询没有 resource_metadata 参数,客户端只能从 well-known 位置猜测受保护资源元数据的 URL。',
        hint: '在 Bearer 质询中加入 resource_metadata="<受保护资源元数据的 URL>"(RFC 9728 §5.1),这样客户端无需猜测,部署在子路径上的服务器也能被正确发现。',
      },
    },
  },
  {
    id: 'probe.invalid-resource-metadata-url',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['rfc9728:5.1', 'mcp:prm-discovery'],
    text: {
      en: {
        title: 'resource_metadata is not a usable URL',
        detail: 'The Bearer challenge gives resource_metadata="{value}", which is not an absolute http(s) URL. Clients ignore it and fall back to the well-known locations, if they do at all.',
        hint: 'Send the absolute URL of the metadata document, for example https://mcp.example.com/.well-known/oauth-protected-resource/mcp.',
      },
      'zh-CN': {
        title: 'resource_metadata 不是可用的 URL',
        detail: 'Bearer 质询给出的 resource_metadata="{value}" 不是绝对的 http(s) URL。客户端会忽略它,并(如果支持的话)回退到 well-known 位置。',
        hint: '请发送元数据文档的绝对 URL,例如 https://mcp.example.com/.well-known/oauth-protected-resource/mcp。',
      },
    },
  },
  {
    id: 'probe.no-challenge-scope',
    stepId: 'probe',
    severity: 'warning',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off' },
    specRefs: ['mcp:scope-selection', 'rfc6750:3'],
    text: {
      en: {
        title: 'The Bearer challenge has no scope',
        detail:
          'MCP servers SHOULD include a scope parameter in the WWW-Authenticate challenge, so clients request exactly the scopes needed. Without it, clients fall back to all of scopes_supported from the Protected Resource Metadata, or to no scope at all.',
        hint: 'Add scope="<the scopes this request needs>" to the Bearer challenge, for example scope="mcp:tools".',
      },
      'zh-CN': {
        title: 'Bearer 质询缺少 scope',
        detail:
          'MCP 服务器应当(SHOULD)在 WWW-Authenticate 质询中包含 scope 参数,让客户端只申请所需的 scope。缺少它时,客户端会退而申请受保护资源元数据中 scopes_supported 的全部 scope,或者不带 scope。',
        hint: '在 Bearer 质询中加入 scope="<本请求所需的 scope>",例如 scope="mcp:tools"。',
      },
    },
  },
  {
    id: 'probe.error-without-token',
    stepId: 'probe',
    severity: 'info',
    specRefs: ['rfc6750:3.1'],
    text: {
      en: {
        title: 'Error code in a challenge to a request without a token',
        detail:
          'The Bearer challenge carries error="{error}" although the request had no token. When a request lacks any authentication information, the resource server SHOULD NOT include an error code.',
        hint: 'Send error="invalid_token" only when a token was presented and rejected.',
      },
      'zh-CN': {
        title: '对不带令牌的请求返回了错误码',
        detail: '请求中并没有令牌,Bearer 质询却带有 error="{error}"。当请求不含任何认证信息时,资源服务器不应(SHOULD NOT)返回错误码。',
        hint: '只有在客户端提交了令牌且令牌被拒绝时,才发送 error="invalid_token"。',
      },
    },
  },
  {
    id: 'probe.redirect',
    stepId: 'probe',
    severity: 'warning',
    specRefs: ['rfc9110:15.4', 'mcp:canonical-uri'],
    text: {
      en: {
        title: 'The MCP endpoint redirects',
        detail:
          '{from} answered {status} with Location {to}. The debugger followed it within the same origin, as the MCP SDK does, but the resource identifier and the well-known URLs are still derived from the URL you entered.',
        hint: 'Configure clients with the final URL ({to}); a trailing-slash redirect (for example /mcp to /mcp/) is the usual cause.',
      },
      'zh-CN': {
        title: 'MCP 端点发生了重定向',
        detail:
          '{from} 返回了 {status},Location 为 {to}。调试器像 MCP SDK 一样在同源范围内跟随了该重定向,但资源标识符和 well-known URL 仍然基于你输入的 URL 推导。',
        hint: '请在客户端中配置最终的 URL({to});常见原因是末尾斜杠重定向(例如 /mcp 跳转到 /mcp/)。',
      },
    },
  },
  {
    id: 'probe.redirect-not-followed',
    stepId: 'probe',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['rfc9110:15.4', 'mcp:error-handling'],
    text: {
      en: {
        title: 'The MCP endpoint redirects where a client will not follow',
        detail:
          '{from} answered {status} with Location {to}, and the redirect was not followed ({reason}). Clients do not carry an MCP POST across origins, through a redirect that turns it into a GET, or through more than five redirects, so they never see a 401 here.',
        hint: 'Configure clients with the final URL, or redirect with 307/308 within the same origin.',
      },
      'zh-CN': {
        title: 'MCP 端点重定向到客户端不会跟随的位置',
        detail:
          '{from} 返回了 {status},Location 为 {to},该重定向未被跟随({reason})。客户端不会把 MCP POST 请求带到其他源,不会跟随把它变成 GET 的重定向,也不会跟随超过五次的重定向,因此在这里永远得不到 401。',
        hint: '请在客户端中配置最终的 URL,或在同源范围内使用 307/308 重定向。',
      },
    },
  },
]);
