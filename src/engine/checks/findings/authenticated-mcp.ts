import { defineFindings } from '../finding-definition.js';

/** Findings of using the access token at the MCP server: initialize, tools/list, tools/call, step-up. */
export const authenticatedMcpFindings = defineFindings([
  {
    id: 'mcp.connected',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:token-requirements'],
    text: {
      en: {
        title: 'Connected to {server} with the access token',
        detail: 'The MCP server accepted the access token. It speaks MCP {protocolVersion} ({era}), and tools/list returned {toolCount} tools.',
      },
      'zh-CN': {
        title: '已使用访问令牌连接到 {server}',
        detail: 'MCP 服务器接受了访问令牌。它使用 MCP {protocolVersion}({era}),tools/list 返回了 {toolCount} 个工具。',
      },
    },
  },
  {
    id: 'mcp.token-rejected',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:token-handling', 'mcp:error-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The MCP server rejected the access token ({error})',
        detail: 'The {operation} request with the freshly issued token got HTTP 401. WWW-Authenticate: {challenge}.',
        hint: 'Compare the token inspection with what the server expects: audience (the canonical server URI), issuer, signing keys or introspection credentials, and the clocks. invalid_token with an audience message usually means the token\'s aud is not the server\'s resource.',
      },
      'zh-CN': {
        title: 'MCP 服务器拒绝了访问令牌({error})',
        detail: '携带刚签发令牌的 {operation} 请求得到 HTTP 401。WWW-Authenticate:{challenge}。',
        hint: '请把令牌检查结果与服务器的要求对照:受众(规范的服务器 URI)、签发者、签名公钥或内省凭据,以及时钟。invalid_token 且提到受众时,通常是令牌的 aud 不是该服务器的 resource。',
      },
    },
  },
  {
    id: 'mcp.insufficient-scope',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:insufficient-scope', 'mcp:step-up', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The server asks for more scope: {scope}',
        detail: 'The {operation} request got 403 insufficient_scope with scope "{scope}". The debugger authorizes again with the union of the previous scopes and these (step-up {attempt} of at most {max}).',
      },
      'zh-CN': {
        title: '服务器要求更多 scope:{scope}',
        detail: '{operation} 请求得到 403 insufficient_scope,scope 为 "{scope}"。调试器将以之前的 scope 与这些 scope 的并集重新授权(第 {attempt} 次升级授权,最多 {max} 次)。',
      },
    },
  },
  {
    id: 'mcp.insufficient-scope-without-scope',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:insufficient-scope', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'insufficient_scope without the scope needed',
        detail: 'The {operation} request got 403 insufficient_scope, but the challenge does not say which scope is needed ({challenge}), so the client cannot step up.',
        hint: 'Include scope="..." with all scopes the operation needs in the WWW-Authenticate challenge.',
      },
      'zh-CN': {
        title: 'insufficient_scope 未说明所需 scope',
        detail: '{operation} 请求得到 403 insufficient_scope,但质询没有说明需要哪些 scope({challenge}),客户端无法升级授权。',
        hint: '请在 WWW-Authenticate 质询中以 scope="..." 列出该操作所需的全部 scope。',
      },
    },
  },
  {
    id: 'mcp.step-up-no-progress',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:step-up', 'mcp:insufficient-scope'],
    text: {
      en: {
        title: 'The server demands scopes the token already has',
        detail: 'The {operation} request got 403 insufficient_scope for "{scope}", but the token was granted "{granted}". Authorizing again cannot help.',
        hint: 'The server reads the scopes from another claim or format than the authorization server writes (scope vs scp, string vs array), or does not account for scope hierarchies.',
      },
      'zh-CN': {
        title: '服务器要求的 scope 令牌已经具备',
        detail: '{operation} 请求因 "{scope}" 得到 403 insufficient_scope,但令牌已被授予 "{granted}"。重新授权也无济于事。',
        hint: '服务器读取 scope 的声明或格式与授权服务器写入的不同(scope 与 scp、字符串与数组),或没有考虑 scope 的层级关系。',
      },
    },
  },
  {
    id: 'mcp.step-up-limit',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:step-up'],
    text: {
      en: {
        title: 'Still insufficient scope after {count} step-ups',
        detail: 'The {operation} request got 403 insufficient_scope ("{scope}") again after {count} re-authorizations; clients treat this as a permanent authorization failure.',
        hint: 'Check that the authorization server grants the scopes the MCP server asks for, and that the server emits all scopes an operation needs in one challenge.',
      },
      'zh-CN': {
        title: '升级授权 {count} 次后 scope 仍然不足',
        detail: '重新授权 {count} 次后,{operation} 请求仍得到 403 insufficient_scope("{scope}");客户端会将其视为永久性的授权失败。',
        hint: '请检查授权服务器是否授予了 MCP 服务器所要求的 scope,以及服务器是否在一次质询中给出了操作所需的全部 scope。',
      },
    },
  },
  {
    id: 'mcp.forbidden',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:error-handling', 'rfc6750:3.1'],
    text: {
      en: {
        title: 'The MCP server answered 403 to {operation}',
        detail: 'The {operation} request got HTTP 403 without error="insufficient_scope" (WWW-Authenticate: {challenge}), so the client cannot tell how to get access.',
        hint: 'For missing scopes answer 403 with WWW-Authenticate: Bearer error="insufficient_scope", scope="...".',
      },
      'zh-CN': {
        title: 'MCP 服务器对 {operation} 返回 403',
        detail: '{operation} 请求得到 HTTP 403,但没有 error="insufficient_scope"(WWW-Authenticate:{challenge}),客户端无法得知如何获得访问权限。',
        hint: '缺少 scope 时请返回 403 并带上 WWW-Authenticate: Bearer error="insufficient_scope", scope="..."。',
      },
    },
  },
  {
    id: 'mcp.http-error',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:error-handling'],
    text: {
      en: {
        title: 'The MCP server answered HTTP {status} to {operation}',
        detail: 'The {operation} request with the access token got HTTP {status}: {message}.',
        hint: 'Check the server\'s logs for this request.',
      },
      'zh-CN': {
        title: 'MCP 服务器对 {operation} 返回 HTTP {status}',
        detail: '携带访问令牌的 {operation} 请求得到 HTTP {status}:{message}。',
        hint: '请查看服务器日志中的这次请求。',
      },
    },
  },
  {
    id: 'mcp.not-mcp',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The answer to {operation} is not MCP',
        detail: 'The server answered the {operation} request with something that is not a JSON-RPC message over Streamable HTTP (Content-Type "{contentType}"): {message}.',
        hint: 'Check the URL: it must be the MCP endpoint itself (often /mcp), not a web page, a proxy\'s login page or the authorization server.',
      },
      'zh-CN': {
        title: '{operation} 的响应不是 MCP',
        detail: '服务器对 {operation} 请求的响应不是通过 Streamable HTTP 传输的 JSON-RPC 消息(Content-Type 为 "{contentType}"):{message}。',
        hint: '请检查 URL:它必须是 MCP 端点本身(通常是 /mcp),而不是网页、代理的登录页或授权服务器。',
      },
    },
  },
  {
    id: 'mcp.request-failed',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: '{operation} failed: {message}',
        detail: 'The MCP server answered {operation} with a JSON-RPC error or an unusable result: {message}.',
        hint: 'Check the server\'s logs; the exchange shows the JSON-RPC error object.',
      },
      'zh-CN': {
        title: '{operation} 失败:{message}',
        detail: 'MCP 服务器对 {operation} 返回了 JSON-RPC 错误或无法使用的结果:{message}。',
        hint: '请查看服务器日志;该交互中可以看到 JSON-RPC 错误对象。',
      },
    },
  },
  {
    id: 'mcp.tool-call-failed',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'Calling {tool} failed: {message}',
        detail: 'tools/call for {tool} got a JSON-RPC error: {message}.',
        hint: 'An unknown tool name or arguments that do not match the tool\'s inputSchema are the usual causes.',
      },
      'zh-CN': {
        title: '调用 {tool} 失败:{message}',
        detail: '对 {tool} 的 tools/call 得到 JSON-RPC 错误:{message}。',
        hint: '常见原因是工具名称不存在,或参数与工具的 inputSchema 不符。',
      },
    },
  },
  {
    id: 'mcp.tool-error',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The tool {tool} reported an error',
        detail: 'tools/call for {tool} succeeded at the protocol level but the result has isError: true: {message}.',
      },
      'zh-CN': {
        title: '工具 {tool} 报告了错误',
        detail: '对 {tool} 的 tools/call 在协议层面成功,但结果中 isError 为 true:{message}。',
      },
    },
  },
  {
    id: 'mcp.session-not-terminated',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The MCP session could not be ended',
        detail: 'The DELETE request that ends the session failed: {message}.',
        hint: 'Servers that do not let clients end sessions answer 405.',
      },
      'zh-CN': {
        title: '无法结束 MCP 会话',
        detail: '用于结束会话的 DELETE 请求失败:{message}。',
        hint: '不允许客户端主动结束会话的服务器应返回 405。',
      },
    },
  },
]);
