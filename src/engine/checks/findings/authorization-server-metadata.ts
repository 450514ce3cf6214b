import { defineFindings } from '../finding-definition.js';

/** RFC 8414 / OpenID Connect Discovery metadata of the authorization server. */
export const authorizationServerMetadataFindings = defineFindings([
  {
    id: 'asm.not-found',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:asm-discovery', 'rfc8414:3.1', 'oidc-discovery:4'],
    text: {
      en: {
        title: 'No authorization server metadata found',
        detail: 'None of the discovery URLs for the issuer {issuer} served a usable metadata document: {tried}. Without it the client does not know the authorization and token endpoints.',
        hint: 'Serve RFC 8414 metadata at /.well-known/oauth-authorization-server/<issuer path> (or OpenID Connect Discovery at /.well-known/openid-configuration), and check that authorization_servers in the Protected Resource Metadata is the exact issuer.',
      },
      'zh-CN': {
        title: '找不到授权服务器元数据',
        detail: 'issuer {issuer} 的所有发现 URL 都没有返回可用的元数据文档:{tried}。没有它,客户端不知道授权端点和令牌端点在哪里。',
        hint: '请在 /.well-known/oauth-authorization-server/<issuer 路径> 提供 RFC 8414 元数据(或在 /.well-known/openid-configuration 提供 OpenID Connect 发现元数据),并确认受保护资源元数据中的 authorization_servers 与 issuer 完全一致。',
      },
    },
  },
  {
    id: 'asm.unexpected-status',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:3.2', 'mcp:asm-discovery'],
    text: {
      en: {
        title: 'HTTP {status} from a metadata discovery URL',
        detail: '{url} answered HTTP {status}. A metadata document is served with 200 OK; a URL without one should answer 404 so clients move on to the next candidate (the MCP SDK stops at a 5xx).',
        hint: 'Make the discovery URLs public and answer 404 where no document is served.',
      },
      'zh-CN': {
        title: '元数据发现 URL 返回 HTTP {status}',
        detail: '{url} 返回了 HTTP {status}。元数据文档应以 200 OK 返回;没有文档的 URL 应返回 404,让客户端尝试下一个候选地址(MCP SDK 遇到 5xx 会直接停止)。',
        hint: '让发现 URL 可以公开访问,没有文档的地址返回 404。',
      },
    },
  },
  {
    id: 'asm.redirect',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:3.1', 'rfc9110:15.4'],
    text: {
      en: {
        title: 'The metadata discovery URL redirects',
        detail: '{from} answered {status} with Location {to}. The debugger followed it within the same origin, as the MCP SDK does; clients that do not follow redirects for metadata will not find the document.',
        hint: 'Serve the metadata directly at the well-known URL.',
      },
      'zh-CN': {
        title: '元数据发现 URL 发生了重定向',
        detail: '{from} 返回了 {status},Location 为 {to}。调试器像 MCP SDK 一样在同源范围内跟随了它;不为元数据跟随重定向的客户端将找不到该文档。',
        hint: '请直接在 well-known URL 上提供元数据。',
      },
    },
  },
  {
    id: 'asm.redirect-not-followed',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:3.1', 'rfc9110:15.4'],
    text: {
      en: {
        title: 'The metadata discovery URL redirects where clients do not follow',
        detail: '{from} answered {status} with Location {to}; the redirect was not followed ({reason}), as the MCP SDK does not follow it either.',
        hint: 'Serve the metadata directly at the well-known URL derived from the issuer.',
      },
      'zh-CN': {
        title: '元数据发现 URL 重定向到客户端不会跟随的位置',
        detail: '{from} 返回了 {status},Location 为 {to};该重定向未被跟随({reason}),MCP SDK 同样不会跟随。',
        hint: '请直接在由 issuer 推导出的 well-known URL 上提供元数据。',
      },
    },
  },
  {
    id: 'asm.issuer-mismatch',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['rfc8414:3.3', 'mcp:asm-discovery', 'mcp:mix-up'],
    text: {
      en: {
        title: 'The metadata belongs to another issuer',
        detail:
          'The document from {url} says "issuer": "{issuer}", but it was looked up for the issuer {expected}. The issuer value MUST be identical to the issuer the well-known URL was built from; if not, the client MUST NOT use the metadata.',
        hint: 'Make authorization_servers in the Protected Resource Metadata the exact "issuer" of the authorization server ({issuer}), or fix the issuer the server announces.',
      },
      'zh-CN': {
        title: '元数据属于另一个 issuer',
        detail:
          '来自 {url} 的文档声明 "issuer": "{issuer}",但它是为 issuer {expected} 查找的。issuer 的值必须与构造 well-known URL 所用的 issuer 完全相同;否则客户端不得使用这份元数据。',
        hint: '让受保护资源元数据中的 authorization_servers 与授权服务器的 "issuer"({issuer})完全一致,或修正授权服务器公布的 issuer。',
      },
    },
  },
  {
    id: 'asm.issuer-not-identical',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['rfc8414:3.3', 'mcp:asm-discovery'],
    text: {
      en: {
        title: 'The issuer differs from the expected one only in its spelling',
        detail:
          'The document from {url} says "issuer": "{issuer}" and the metadata was looked up for {expected}. They differ only in spelling (letter case, default port or a trailing slash), but RFC 8414 requires the identical string, and a client that checks MUST NOT use the metadata. Clients that do not check the issuer (the MCP SDK, for one) go on, so the problem shows up only with some clients.',
        hint: 'Write the issuer the same way everywhere, character for character: in authorization_servers and in the authorization server\'s "issuer" (a trailing slash is the usual culprit).',
      },
      'zh-CN': {
        title: 'issuer 与预期值仅在写法上不同',
        detail:
          '来自 {url} 的文档声明 "issuer": "{issuer}",而元数据是为 {expected} 查找的。两者只在写法上不同(字母大小写、默认端口或末尾斜杠),但 RFC 8414 要求字符串完全相同,进行校验的客户端不得使用这份元数据。不校验 issuer 的客户端(例如 MCP SDK)会继续,所以问题只会在部分客户端上出现。',
        hint: '在所有地方逐字使用同一种 issuer 写法:authorization_servers 中的值与授权服务器的 "issuer" 保持一致(末尾斜杠最常出问题)。',
      },
    },
  },
  {
    id: 'asm.pkce-unsupported',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:code-protection', 'rfc8414:2', 'rfc7636:4.3'],
    text: {
      en: {
        title: 'The authorization server does not advertise PKCE',
        detail:
          'The metadata has no code_challenge_methods_supported, which means the server does not support PKCE. MCP clients MUST verify PKCE support from the metadata and, from spec version 2025-11-25 on, MUST refuse to proceed without it.',
        hint: 'Enable PKCE and publish "code_challenge_methods_supported": ["S256"] (also in OpenID Connect Discovery metadata, where MCP requires it).',
      },
      'zh-CN': {
        title: '授权服务器没有公布 PKCE 支持',
        detail:
          '元数据中没有 code_challenge_methods_supported,这表示服务器不支持 PKCE。MCP 客户端必须通过元数据确认 PKCE 支持;自 2025-11-25 版规范起,缺少它时客户端必须拒绝继续。',
        hint: '启用 PKCE 并公布 "code_challenge_methods_supported": ["S256"](在 OpenID Connect 发现元数据中 MCP 同样要求它)。',
      },
    },
  },
  {
    id: 'asm.pkce-s256-missing',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    specRefs: ['mcp:code-protection', 'oauth21:draft', 'rfc7636:4.2'],
    text: {
      en: {
        title: 'The authorization server does not offer S256',
        detail: 'code_challenge_methods_supported is {methods}. MCP clients MUST use the S256 code challenge method, which OAuth 2.1 makes mandatory to implement on the server.',
        hint: 'Add "S256" to code_challenge_methods_supported (and drop "plain").',
      },
      'zh-CN': {
        title: '授权服务器不支持 S256',
        detail: 'code_challenge_methods_supported 为 {methods}。MCP 客户端必须使用 S256 质询方法,OAuth 2.1 也要求服务器必须实现它。',
        hint: '在 code_challenge_methods_supported 中加入 "S256"(并去掉 "plain")。',
      },
    },
  },
  {
    id: 'asm.missing-endpoint',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    specRefs: ['rfc8414:2', 'mcp:flow-steps'],
    text: {
      en: {
        title: 'The metadata has no {field}',
        detail: '"{field}" is missing from the document at {url}; the authorization code flow cannot go on without it.',
        hint: 'Publish "{field}" as an absolute https URL.',
      },
      'zh-CN': {
        title: '元数据缺少 {field}',
        detail: '{url} 处的文档缺少 "{field}";没有它,授权码流程无法继续。',
        hint: '以绝对的 https URL 公布 "{field}"。',
      },
    },
  },
  {
    id: 'asm.endpoint-not-https',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    specRefs: ['mcp:communication-security', 'rfc8414:2', 'oauth21:draft'],
    text: {
      en: {
        title: '{field} is not served over HTTPS',
        detail: '"{field}" is {value}. All authorization server endpoints MUST be served over HTTPS (plain http is tolerated only on loopback hosts while developing).',
        hint: 'Serve the authorization server over HTTPS and publish https URLs in its metadata.',
      },
      'zh-CN': {
        title: '{field} 没有通过 HTTPS 提供',
        detail: '"{field}" 的值为 {value}。所有授权服务器端点都必须通过 HTTPS 提供(仅在开发时的回环地址上可以容忍明文 http)。',
        hint: '请通过 HTTPS 提供授权服务器,并在元数据中公布 https URL。',
      },
    },
  },
  {
    id: 'asm.invalid-field',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: '"{field}" has the wrong type',
        detail: 'In the document from {url}, "{field}" must be {expected}. Clients ignore or reject a value of the wrong type.',
        hint: 'Fix the type of "{field}" in the metadata.',
      },
      'zh-CN': {
        title: '"{field}" 的类型错误',
        detail: '在来自 {url} 的文档中,"{field}" 必须是 {expected}。类型错误的值会被客户端忽略或拒绝。',
        hint: '请修正元数据中 "{field}" 的类型。',
      },
    },
  },
  {
    id: 'asm.response-types-missing',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The metadata has no response_types_supported',
        detail: 'response_types_supported is REQUIRED in RFC 8414 metadata; without it a client cannot confirm that the authorization code flow ("code") is offered.',
        hint: 'Publish "response_types_supported": ["code"].',
      },
      'zh-CN': {
        title: '元数据缺少 response_types_supported',
        detail: 'RFC 8414 元数据中 response_types_supported 是必需的;缺少它,客户端无法确认服务器提供授权码流程("code")。',
        hint: '公布 "response_types_supported": ["code"]。',
      },
    },
  },
  {
    id: 'asm.code-response-type-unsupported',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    specRefs: ['rfc8414:2', 'oauth21:draft'],
    text: {
      en: {
        title: 'The authorization code flow is not offered',
        detail: 'response_types_supported is {types} and does not include "code", the only response type of OAuth 2.1 that MCP uses.',
        hint: 'Enable the authorization code flow and list "code" in response_types_supported.',
      },
      'zh-CN': {
        title: '未提供授权码流程',
        detail: 'response_types_supported 为 {types},不包含 "code"——这是 MCP 所用的 OAuth 2.1 唯一的响应类型。',
        hint: '启用授权码流程,并在 response_types_supported 中列出 "code"。',
      },
    },
  },
  {
    id: 'asm.grant-type-not-advertised',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The {grant} grant is not advertised',
        detail: 'grant_types_supported is {grants} (when absent it means ["authorization_code", "implicit"]), so the {grant} grant this run uses may be refused.',
        hint: 'List "{grant}" in grant_types_supported if the server supports it.',
      },
      'zh-CN': {
        title: '未公布 {grant} 授权类型',
        detail: 'grant_types_supported 为 {grants}(缺省时表示 ["authorization_code", "implicit"]),本次运行使用的 {grant} 授权类型可能会被拒绝。',
        hint: '如果服务器支持,请在 grant_types_supported 中列出 "{grant}"。',
      },
    },
  },
  {
    id: 'asm.public-clients-unsupported',
    stepId: 'authorization-server-metadata',
    severity: 'info',
    specRefs: ['rfc8414:2', 'mcp:client-registration'],
    text: {
      en: {
        title: 'No token endpoint authentication for public clients',
        detail: 'token_endpoint_auth_methods_supported is {methods} (when absent it means ["client_secret_basic"]) and does not include "none". Desktop and CLI MCP clients are usually public clients without a secret.',
        hint: 'Add "none" to token_endpoint_auth_methods_supported if public clients (with PKCE) should be able to use the server.',
      },
      'zh-CN': {
        title: '不支持公共客户端的令牌端点认证方式',
        detail: 'token_endpoint_auth_methods_supported 为 {methods}(缺省时表示 ["client_secret_basic"]),不包含 "none"。桌面和命令行 MCP 客户端通常是没有密钥的公共客户端。',
        hint: '若希望公共客户端(配合 PKCE)能够使用该服务器,请在 token_endpoint_auth_methods_supported 中加入 "none"。',
      },
    },
  },
  {
    id: 'asm.iss-parameter-not-advertised',
    stepId: 'authorization-server-metadata',
    severity: 'info',
    specRefs: ['mcp:iss-validation', 'rfc9207:2.3', 'mcp:mix-up'],
    text: {
      en: {
        title: 'The iss authorization response parameter is not advertised',
        detail: 'authorization_response_iss_parameter_supported is not true. Authorization servers SHOULD return iss in authorization responses (RFC 9207) to defend clients against mix-up attacks, and MUST advertise it when they do.',
        hint: 'Return iss in authorization responses and set "authorization_response_iss_parameter_supported": true.',
      },
      'zh-CN': {
        title: '未公布授权响应中的 iss 参数',
        detail: 'authorization_response_iss_parameter_supported 不为 true。授权服务器应当(SHOULD)在授权响应中返回 iss(RFC 9207),以帮助客户端防御混淆攻击;返回时必须在元数据中公布。',
        hint: '在授权响应中返回 iss,并设置 "authorization_response_iss_parameter_supported": true。',
      },
    },
  },
  {
    id: 'asm.oauth-metadata-missing',
    stepId: 'authorization-server-metadata',
    severity: 'error',
    bySpec: { '2025-03-26': 'off', '2025-11-25': 'off', '2026-07-28': 'off' },
    specRefs: ['mcp:asm-discovery', 'rfc8414:3.1'],
    text: {
      en: {
        title: 'Only OpenID Connect Discovery metadata is served',
        detail: 'The RFC 8414 URL {url} serves no metadata; the document was found at {found}, an OpenID Connect Discovery URL. In this spec version authorization servers MUST provide RFC 8414 metadata and clients only have to look there (later versions accept either).',
        hint: 'Also serve the metadata at /.well-known/oauth-authorization-server/<issuer path>.',
      },
      'zh-CN': {
        title: '只提供了 OpenID Connect 发现元数据',
        detail: 'RFC 8414 URL {url} 没有提供元数据;文档是在 OpenID Connect 发现 URL {found} 找到的。在该规范版本中,授权服务器必须提供 RFC 8414 元数据,客户端也只需在那里查找(后续版本两者皆可)。',
        hint: '请同时在 /.well-known/oauth-authorization-server/<issuer 路径> 提供元数据。',
      },
    },
  },
  {
    id: 'asm.issuer-not-server-origin',
    stepId: 'authorization-server-metadata',
    severity: 'info',
    bySpec: { '2025-06-18': 'off', '2025-11-25': 'off', '2026-07-28': 'off' },
    specRefs: ['mcp:asm-discovery', 'rfc8414:3.3'],
    text: {
      en: {
        title: 'The issuer is not the MCP server origin',
        detail: 'The metadata found at {url} names the issuer {issuer}, not the authorization base URL {origin}. Under 2025-03-26 the document is found through the MCP server origin, so clients accept the issuer it declares.',
        hint: 'Newer spec versions name the issuer in Protected Resource Metadata, which removes this ambiguity.',
      },
      'zh-CN': {
        title: '签发者不是 MCP 服务器的源',
        detail: '在 {url} 找到的元数据声明签发者为 {issuer},而不是授权基础 URL {origin}。在 2025-03-26 中,文档通过 MCP 服务器的源发现,因此客户端接受其声明的签发者。',
        hint: '较新的规范版本在受保护资源元数据中声明签发者,消除了这种歧义。',
      },
    },
  },
  {
    id: 'asm.default-endpoints',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    bySpec: { '2025-06-18': 'off', '2025-11-25': 'off', '2026-07-28': 'off' },
    specRefs: ['mcp:asm-fallback', 'mcp:asm-discovery'],
    text: {
      en: {
        title: 'No metadata: using the default endpoints',
        detail: '{url} serves no authorization server metadata, so the client falls back to the default paths {authorize}, {token} and {register}. MCP servers SHOULD support RFC 8414 metadata.',
        hint: 'Serve RFC 8414 metadata at {url} so clients do not have to guess.',
      },
      'zh-CN': {
        title: '没有元数据:使用默认端点',
        detail: '{url} 没有提供授权服务器元数据,客户端将回退到默认路径 {authorize}、{token} 和 {register}。MCP 服务器应当(SHOULD)支持 RFC 8414 元数据。',
        hint: '请在 {url} 提供 RFC 8414 元数据,免得客户端去猜测。',
      },
    },
  },
  {
    id: 'asm.strict-client-rejects',
    stepId: 'authorization-server-metadata',
    severity: 'warning',
    specRefs: ['rfc8414:3.2', 'rfc8414:3.3'],
    text: {
      en: {
        title: 'A strict client library rejects this metadata',
        detail: 'oauth4webapi (processDiscoveryResponse) refuses the document from {url}: {message}.',
        hint: 'Serve the metadata with status 200, Content-Type application/json and the exact issuer.',
      },
      'zh-CN': {
        title: '严格的客户端库拒绝了这份元数据',
        detail: 'oauth4webapi(processDiscoveryResponse)拒绝了来自 {url} 的文档:{message}。',
        hint: '以状态码 200、Content-Type application/json 提供元数据,并使用完全一致的 issuer。',
      },
    },
  },
]);
