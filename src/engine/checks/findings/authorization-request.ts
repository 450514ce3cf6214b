import { defineFindings } from '../finding-definition.js';

/** Findings of the authorization-request stage: endpoint, redirect URI, resource, scope strategy, interaction. */
export const authorizationRequestFindings = defineFindings([
  {
    id: 'authorization.no-endpoint',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['rfc8414:2', 'mcp:flow-steps'],
    stopsFlow: true,
    text: {
      en: {
        title: 'No usable authorization_endpoint at {issuer}',
        detail: 'The authorization server metadata gives authorization_endpoint "{value}", which is not an absolute URL. The authorization code flow cannot start.',
        hint: 'Publish authorization_endpoint as an absolute https URL in the authorization server metadata.',
      },
      'zh-CN': {
        title: '{issuer} 没有可用的 authorization_endpoint',
        detail: '授权服务器元数据中的 authorization_endpoint 为 "{value}",不是绝对 URL。授权码流程无法开始。',
        hint: '在授权服务器元数据中以绝对 https URL 发布 authorization_endpoint。',
      },
    },
  },
  {
    id: 'authorization.redirect-uri-insecure',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['mcp:communication-security', 'rfc8252:7.3'],
    text: {
      en: {
        title: 'The redirect URI {redirectUri} is neither localhost nor HTTPS',
        detail: '"All redirect URIs MUST be either localhost or use HTTPS." An authorization code sent to a plain-http remote address can be read on the way.',
        hint: 'Use an https redirect URI, or a loopback one (http://127.0.0.1:<port>/callback) for a local client.',
      },
      'zh-CN': {
        title: '回调地址 {redirectUri} 既不是 localhost 也不是 HTTPS',
        detail: '规范要求 "所有回调地址必须是 localhost 或使用 HTTPS"。发往远程明文 http 地址的授权码可能在传输途中被读取。',
        hint: '使用 https 回调地址;本地客户端可使用回环地址(http://127.0.0.1:<端口>/callback)。',
      },
    },
  },
  {
    id: 'authorization.resource-not-in-spec-version',
    stepId: 'authorization-request',
    severity: 'info',
    bySpec: { '2025-06-18': 'off', '2025-11-25': 'off', '2026-07-28': 'off' },
    specRefs: ['mcp:resource-parameter', 'rfc8707:2'],
    text: {
      en: {
        title: 'No resource parameter: MCP 2025-03-26 does not use resource indicators',
        detail: 'Resource indicators (RFC 8707) entered the MCP spec in 2025-06-18. A 2025-03-26 client sends no resource parameter, so tokens are not bound to this MCP server by the request.',
        hint: 'Select a newer spec version to see whether the authorization server binds tokens to the MCP server.',
      },
      'zh-CN': {
        title: '未发送 resource 参数:MCP 2025-03-26 不使用资源指示符',
        detail: '资源指示符(RFC 8707)从 2025-06-18 版起才加入 MCP 规范。2025-03-26 的客户端不发送 resource 参数,因此请求本身不会把令牌绑定到此 MCP 服务器。',
        hint: '选择更新的规范版本,查看授权服务器是否将令牌绑定到 MCP 服务器。',
      },
    },
  },
  {
    id: 'authorization.resource-omitted',
    stepId: 'authorization-request',
    severity: 'warning',
    bySpec: { '2025-03-26': 'off' },
    specRefs: ['mcp:resource-parameter', 'rfc8707:2'],
    text: {
      en: {
        title: 'The resource parameter was left out on purpose',
        detail: 'This run omits resource (it would be {resource}) to show how the servers cope. MCP clients MUST include it in authorization and token requests, "regardless of whether authorization servers support it".',
        hint: 'Run without the omit-resource option for a conformant request.',
      },
      'zh-CN': {
        title: '按要求省略了 resource 参数',
        detail: '本次运行故意不发送 resource(本应为 {resource}),以观察服务器如何应对。MCP 客户端必须在授权请求和令牌请求中包含它,"无论授权服务器是否支持"。',
        hint: '去掉省略 resource 的选项再运行,即可得到符合规范的请求。',
      },
    },
  },
  {
    id: 'authorization.scope-from-challenge',
    stepId: 'authorization-request',
    severity: 'info',
    specRefs: ['mcp:scope-selection', 'rfc6750:3'],
    text: {
      en: {
        title: 'Requesting scope "{scope}" from the WWW-Authenticate challenge',
        detail: 'The 401 challenge named the scope the resource needs. Using it is the first choice of the MCP scope selection strategy (least privilege).',
      },
      'zh-CN': {
        title: '按 WWW-Authenticate 质询请求 scope "{scope}"',
        detail: '401 质询中给出了资源所需的 scope。使用它是 MCP scope 选择策略的首选(最小权限原则)。',
      },
    },
  },
  {
    id: 'authorization.scope-from-scopes-supported',
    stepId: 'authorization-request',
    severity: 'info',
    specRefs: ['mcp:scope-selection', 'rfc9728:2'],
    text: {
      en: {
        title: 'Requesting scope "{scope}" from scopes_supported',
        detail: 'The 401 challenge had no scope, so the request asks for all scopes in the protected resource metadata\'s scopes_supported, the second choice of the MCP scope selection strategy.',
        hint: 'A server can guide clients to the least privilege by adding scope="..." to its WWW-Authenticate challenge.',
      },
      'zh-CN': {
        title: '按 scopes_supported 请求 scope "{scope}"',
        detail: '401 质询中没有 scope,因此请求受保护资源元数据 scopes_supported 中的全部 scope,这是 MCP scope 选择策略的第二选择。',
        hint: '服务器可在 WWW-Authenticate 质询中加入 scope="...",引导客户端按最小权限请求。',
      },
    },
  },
  {
    id: 'authorization.scope-omitted',
    stepId: 'authorization-request',
    severity: 'info',
    specRefs: ['mcp:scope-selection'],
    text: {
      en: {
        title: 'No scope parameter in the authorization request',
        detail: 'Neither the 401 challenge nor the protected resource metadata names scopes, so the scope parameter is omitted and the authorization server applies its default scope.',
        hint: 'If the MCP server needs particular scopes, name them in the WWW-Authenticate challenge or in scopes_supported.',
      },
      'zh-CN': {
        title: '授权请求中没有 scope 参数',
        detail: '401 质询和受保护资源元数据都没有给出 scope,因此省略 scope 参数,由授权服务器使用其默认 scope。',
        hint: '如果 MCP 服务器需要特定 scope,请在 WWW-Authenticate 质询或 scopes_supported 中写明。',
      },
    },
  },
  {
    id: 'authorization.scope-from-option',
    stepId: 'authorization-request',
    severity: 'info',
    specRefs: ['mcp:scope-selection'],
    text: {
      en: {
        title: 'Requesting scope "{scope}" as configured',
        detail: 'The scope was set explicitly for this run, overriding the MCP scope selection strategy.',
      },
      'zh-CN': {
        title: '按配置请求 scope "{scope}"',
        detail: '本次运行显式指定了 scope,覆盖了 MCP scope 选择策略。',
      },
    },
  },
  {
    id: 'authorization.scope-step-up',
    stepId: 'authorization-request',
    severity: 'info',
    specRefs: ['mcp:step-up', 'mcp:insufficient-scope'],
    text: {
      en: {
        title: 'Step-up: requesting scope "{scope}"',
        detail: 'The MCP server answered 403 insufficient_scope asking for "{stepUpScope}". The new request asks for the union of the previously requested scopes and the challenged ones, so permissions already granted are kept.',
      },
      'zh-CN': {
        title: '权限提升:请求 scope "{scope}"',
        detail: 'MCP 服务器返回 403 insufficient_scope,要求 "{stepUpScope}"。新的请求取此前请求的 scope 与质询 scope 的并集,以保留已获得的权限。',
      },
    },
  },
  {
    id: 'authorization.offline-access-in-resource-scopes',
    stepId: 'authorization-request',
    severity: 'warning',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:refresh-tokens'],
    text: {
      en: {
        title: 'The MCP server lists offline_access in its {source}',
        detail: 'MCP servers SHOULD NOT include offline_access in the WWW-Authenticate scope or in protected resource metadata scopes_supported, as refresh tokens are not a resource requirement. The client asks for it only when the authorization server lists it in its own scopes_supported.',
        hint: 'Remove offline_access from the resource\'s scopes; the authorization server advertises it.',
      },
      'zh-CN': {
        title: 'MCP 服务器在其 {source} 中列出了 offline_access',
        detail: 'MCP 服务器不应在 WWW-Authenticate 的 scope 或受保护资源元数据的 scopes_supported 中包含 offline_access,因为刷新令牌不是资源的要求。只有当授权服务器在自己的 scopes_supported 中列出它时,客户端才会请求。',
        hint: '从资源的 scope 中删除 offline_access,由授权服务器声明它。',
      },
    },
  },
  {
    id: 'authorization.offline-access-added',
    stepId: 'authorization-request',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:refresh-tokens'],
    text: {
      en: {
        title: 'Added offline_access to ask for a refresh token',
        detail: 'The authorization server lists offline_access in scopes_supported, so the client may add it to the scope ("{scope}") to ask for a refresh token. The server still decides whether to issue one.',
      },
      'zh-CN': {
        title: '已加入 offline_access 以申请刷新令牌',
        detail: '授权服务器在 scopes_supported 中列出了 offline_access,客户端可以把它加入 scope("{scope}")来申请刷新令牌。是否颁发仍由服务器决定。',
      },
    },
  },
  {
    id: 'authorization.interaction-failed',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The authorization round trip did not reach the redirect URI',
        detail: '{reason}',
        hint: 'Open the authorization URL in a browser to see what the authorization server shows, or run with --consent browser.',
      },
      'zh-CN': {
        title: '授权往返未能到达回调地址',
        detail: '{reason}',
        hint: '在浏览器中打开授权 URL 查看授权服务器显示的内容,或使用 --consent browser 运行。',
      },
    },
  },
  {
    id: 'authorization.login-page-shown',
    stepId: 'authorization-request',
    severity: 'warning',
    specRefs: ['mcp:flow-steps', 'rfc6749:4.1.1'],
    text: {
      en: {
        title: 'The authorization server shows a login or consent page',
        detail: 'It answered {url} with an HTML page instead of redirecting, which is what a person is asked to complete. Following redirects alone cannot get past it, so the run stops here.',
        hint: 'Complete the page in a browser (the debugger UI, or check --consent browser), or let the authorization server sign test clients in without a page (the lab does with --auto-consent).',
      },
      'zh-CN': {
        title: '授权服务器显示登录或授权确认页面',
        detail: '它对 {url} 返回了 HTML 页面而不是重定向,这个页面需要由人来完成。仅靠跟随重定向无法越过它,因此运行在此停止。',
        hint: '在浏览器中完成该页面(使用调试器界面,或 check --consent browser),或让授权服务器为测试客户端免页面登录(实验环境可用 --auto-consent)。',
      },
    },
  },
  {
    id: 'authorization.redirect-uri-not-reached',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['mcp:flow-steps', 'rfc6749:4.1.2'],
    text: {
      en: {
        title: 'The authorization server never redirects to the redirect URI',
        detail: '{hops} requests starting at {url} were redirected again and again without reaching {redirectUri}; the last Location was {last}. A browser gives up the same way.',
        hint: 'Check the authorization server\'s redirects for a loop (a session cookie it does not accept, a login step that sends back to itself) and that it redirects to the registered redirect URI once the user has consented.',
      },
      'zh-CN': {
        title: '授权服务器始终没有重定向到回调地址',
        detail: '从 {url} 开始的 {hops} 个请求被反复重定向,始终没有到达 {redirectUri};最后的 Location 是 {last}。浏览器也会同样放弃。',
        hint: '检查授权服务器的重定向是否形成循环(例如不被接受的会话 Cookie,或跳回自身的登录步骤),并确认用户同意后它会重定向到已注册的回调地址。',
      },
    },
  },
  {
    id: 'authorization.redirect-without-location',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['rfc9110:15.4', 'rfc6749:4.1.2'],
    text: {
      en: {
        title: 'A redirect of the authorization server has no Location',
        detail: '{url} answered HTTP {status} without a Location header, so a browser has nowhere to go.',
        hint: 'Send a Location header with every redirect of the authorization flow.',
      },
      'zh-CN': {
        title: '授权服务器的重定向缺少 Location',
        detail: '{url} 返回了 HTTP {status},但没有 Location 头,浏览器无处可去。',
        hint: '授权流程中的每个重定向都要带上 Location 头。',
      },
    },
  },
  {
    id: 'authorization.redirect-location-invalid',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['rfc9110:10.2.2', 'rfc6749:4.1.2'],
    text: {
      en: {
        title: 'A redirect of the authorization server points to an invalid URL',
        detail: '{url} redirected to "{location}", which is not a valid URL reference.',
        hint: 'Send an absolute URL (or a valid relative reference) in the Location header.',
      },
      'zh-CN': {
        title: '授权服务器的重定向指向无效 URL',
        detail: '{url} 重定向到 "{location}",这不是有效的 URL 引用。',
        hint: '在 Location 头中发送绝对 URL(或有效的相对引用)。',
      },
    },
  },
  {
    id: 'authorization.no-redirect',
    stepId: 'authorization-request',
    severity: 'error',
    specRefs: ['mcp:flow-steps', 'rfc6749:4.1.2.1'],
    text: {
      en: {
        title: 'The authorization server answered HTTP {status} instead of redirecting',
        detail: 'On the way from the authorization request to the redirect URI, {url} answered HTTP {status}: "{excerpt}". An authorization server that refuses a request it cannot redirect back (unknown client, redirect URI not registered) shows such a page instead.',
        hint: 'Read the page in the exchange: it usually names the parameter the authorization server refused, such as client_id or redirect_uri.',
      },
      'zh-CN': {
        title: '授权服务器返回了 HTTP {status} 而不是重定向',
        detail: '从授权请求到回调地址的途中,{url} 返回了 HTTP {status}:"{excerpt}"。授权服务器在无法重定向回去(客户端未知、回调地址未注册)时拒绝请求,就会显示这样的页面。',
        hint: '查看该交换中的页面内容:它通常会指出授权服务器拒绝的参数,例如 client_id 或 redirect_uri。',
      },
    },
  },
]);
