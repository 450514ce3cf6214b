import { defineFindings } from '../finding-definition.js';

/** RFC 9728 Protected Resource Metadata: finding it and checking it. */
export const protectedResourceMetadataFindings = defineFindings([
  {
    id: 'prm.not-found',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:prm-discovery', 'mcp:as-location', 'rfc9728:3.1'],
    text: {
      en: {
        title: 'No Protected Resource Metadata found',
        detail:
          'None of the URLs tried served a usable metadata document: {tried}. Without it the client cannot learn which authorization server to use. MCP servers MUST implement RFC 9728.',
        hint: 'Serve {"resource": "<server URL>", "authorization_servers": ["<issuer>"]} at /.well-known/oauth-protected-resource/<path of the MCP endpoint> (or at the root), publicly, and point to it with resource_metadata in the 401 challenge.',
      },
      'zh-CN': {
        title: '找不到受保护资源元数据',
        detail: '尝试过的 URL 都没有返回可用的元数据文档:{tried}。没有它,客户端无法得知应使用哪个授权服务器。MCP 服务器必须实现 RFC 9728。',
        hint: '请在 /.well-known/oauth-protected-resource/<MCP 端点路径>(或根路径)公开提供 {"resource": "<服务器 URL>", "authorization_servers": ["<issuer>"]},并在 401 质询中用 resource_metadata 指向它。',
      },
    },
  },
  {
    id: 'prm.resource-metadata-url-failed',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    specRefs: ['mcp:prm-discovery', 'rfc9728:5.1'],
    text: {
      en: {
        title: 'The resource_metadata URL from the challenge does not serve metadata',
        detail:
          'The 401 challenge points to {url}, but no usable metadata document came from there. Clients MUST use this URL when it is present, so most stop here. The debugger also tries the well-known URLs to show what else is served.',
        hint: 'Make resource_metadata point to the URL that actually serves the document (check host, port, path and any proxy prefix).',
      },
      'zh-CN': {
        title: '质询中的 resource_metadata URL 没有提供元数据',
        detail:
          '401 质询指向 {url},但从那里没有取得可用的元数据文档。存在该 URL 时客户端必须使用它,因此大多数客户端会在此停止。调试器还会尝试 well-known URL,以展示服务器实际提供了什么。',
        hint: '让 resource_metadata 指向真正提供该文档的 URL(检查主机、端口、路径以及代理前缀)。',
      },
    },
  },
  {
    id: 'prm.unexpected-status',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:3.2', 'mcp:prm-discovery'],
    text: {
      en: {
        title: 'HTTP {status} from a Protected Resource Metadata URL',
        detail: '{url} answered HTTP {status}. A metadata document is served with 200 OK; a URL without one answers 404 so that clients move on to the next location.',
        hint: 'The metadata must be public: a 401 or 403 here usually means the authorization middleware also covers /.well-known/. Exclude that path from it.',
      },
      'zh-CN': {
        title: '受保护资源元数据 URL 返回 HTTP {status}',
        detail: '{url} 返回了 HTTP {status}。元数据文档应以 200 OK 返回;没有文档的 URL 应返回 404,以便客户端尝试下一个位置。',
        hint: '元数据必须公开访问:这里出现 401 或 403,通常说明授权中间件也拦截了 /.well-known/ 路径,请将其排除。',
      },
    },
  },
  {
    id: 'prm.redirect',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:3.1', 'rfc9110:15.4'],
    text: {
      en: {
        title: 'The metadata URL redirects',
        detail: '{from} answered {status} with Location {to}. The debugger followed it within the same origin, as the MCP SDK does; clients that do not follow redirects for metadata will not find the document.',
        hint: 'Serve the document directly at the well-known URL (or at the resource_metadata URL you advertise).',
      },
      'zh-CN': {
        title: '元数据 URL 发生了重定向',
        detail: '{from} 返回了 {status},Location 为 {to}。调试器像 MCP SDK 一样在同源范围内跟随了它;不为元数据跟随重定向的客户端将找不到该文档。',
        hint: '请直接在 well-known URL(或你公布的 resource_metadata URL)上提供该文档。',
      },
    },
  },
  {
    id: 'prm.redirect-not-followed',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:3.1', 'rfc9110:15.4'],
    text: {
      en: {
        title: 'The metadata URL redirects where clients do not follow',
        detail: '{from} answered {status} with Location {to}; the redirect was not followed ({reason}), as the MCP SDK does not follow it either.',
        hint: 'Serve the document directly at the well-known URL, or advertise its real URL in resource_metadata.',
      },
      'zh-CN': {
        title: '元数据 URL 重定向到客户端不会跟随的位置',
        detail: '{from} 返回了 {status},Location 为 {to};该重定向未被跟随({reason}),MCP SDK 同样不会跟随。',
        hint: '请直接在 well-known URL 上提供该文档,或在 resource_metadata 中公布它的真实 URL。',
      },
    },
  },
  {
    id: 'prm.resource-missing',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['rfc9728:2', 'rfc9728:3.3'],
    text: {
      en: {
        title: 'The metadata has no resource',
        detail: 'The document from {url} has no "resource" string. It is REQUIRED, and without it the client cannot check that the metadata belongs to this server, so it MUST NOT use it.',
        hint: 'Add "resource": "{expected}" to the document.',
      },
      'zh-CN': {
        title: '元数据缺少 resource',
        detail: '来自 {url} 的文档没有字符串类型的 "resource"。该字段是必需的;没有它,客户端无法确认元数据属于此服务器,因此不得使用它。',
        hint: '在文档中加入 "resource": "{expected}"。',
      },
    },
  },
  {
    id: 'prm.resource-mismatch',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['rfc9728:3.3', 'mcp:canonical-uri', 'mcp:resource-parameter'],
    text: {
      en: {
        title: 'The metadata describes another resource',
        detail:
          'The document from {url} says "resource": "{resource}", but the MCP server is {expected}. The resource value MUST be identical to the URL of the protected resource; if it is not, the client MUST NOT use the metadata (it could be an attacker\'s).',
        hint: 'Set "resource" to the canonical URL of the MCP endpoint, exactly as clients use it: {expected}. Watch scheme, host, port, path and trailing slash.',
      },
      'zh-CN': {
        title: '元数据描述的是另一个资源',
        detail:
          '来自 {url} 的文档声明 "resource": "{resource}",但该 MCP 服务器是 {expected}。resource 的值必须与受保护资源的 URL 完全相同;否则客户端不得使用这份元数据(它可能来自攻击者)。',
        hint: '把 "resource" 设为 MCP 端点的规范 URL,与客户端使用的完全一致:{expected}。注意协议、主机、端口、路径和末尾斜杠。',
      },
    },
  },
  {
    id: 'prm.resource-parent',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:3.3', 'mcp:canonical-uri'],
    text: {
      en: {
        title: 'The metadata names a parent of the MCP endpoint as resource',
        detail:
          '"resource": "{resource}" is on the same origin as {expected} and a prefix of its path. The MCP SDKs accept this and request tokens for {resource}; RFC 9728 §3.3 requires the identical URL, so strict clients (oauth4webapi, for one) reject the metadata.',
        hint: 'Use the MCP endpoint itself as the resource ({expected}) unless tokens are meant for everything under {resource}.',
      },
      'zh-CN': {
        title: '元数据把 MCP 端点的上级路径作为 resource',
        detail:
          '"resource": "{resource}" 与 {expected} 同源,且是其路径的前缀。MCP SDK 接受这种写法,并为 {resource} 申请令牌;但 RFC 9728 §3.3 要求完全相同的 URL,严格的客户端(例如 oauth4webapi)会拒绝这份元数据。',
        hint: '除非令牌本就用于 {resource} 下的所有资源,否则请把 MCP 端点本身({expected})作为 resource。',
      },
    },
  },
  {
    id: 'prm.no-authorization-servers',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:as-location', 'rfc9728:2'],
    text: {
      en: {
        title: 'The metadata names no authorization server',
        detail: 'The document from {url} has no usable "authorization_servers" entry. MCP requires at least one, since it is how clients find where to get a token.',
        hint: 'Add "authorization_servers": ["<issuer URL of your authorization server>"].',
      },
      'zh-CN': {
        title: '元数据没有列出授权服务器',
        detail: '来自 {url} 的文档中没有可用的 "authorization_servers" 条目。MCP 要求至少列出一个,客户端正是靠它找到获取令牌的地方。',
        hint: '加入 "authorization_servers": ["<你的授权服务器的 issuer URL>"]。',
      },
    },
  },
  {
    id: 'prm.invalid-authorization-server',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    specRefs: ['rfc9728:2', 'rfc8414:2'],
    text: {
      en: {
        title: 'An authorization_servers entry is not an issuer identifier',
        detail: '"{value}" in authorization_servers is not usable ({reason}). Entries are issuer identifiers: https URLs without query or fragment.',
        hint: 'List the issuer exactly as the authorization server\'s own metadata states it in "issuer".',
      },
      'zh-CN': {
        title: 'authorization_servers 中的条目不是 issuer 标识符',
        detail: 'authorization_servers 中的 "{value}" 无法使用({reason})。条目必须是 issuer 标识符:不含查询串和片段的 https URL。',
        hint: '请按授权服务器自身元数据中 "issuer" 的写法原样列出。',
      },
    },
  },
  {
    id: 'prm.several-authorization-servers',
    stepId: 'protected-resource-metadata',
    severity: 'info',
    specRefs: ['rfc9728:7.6', 'mcp:as-location'],
    text: {
      en: {
        title: 'Several authorization servers are listed',
        detail: 'The metadata lists {count} authorization servers; choosing one is up to the client. The debugger continues with the first, {chosen}.',
      },
      'zh-CN': {
        title: '列出了多个授权服务器',
        detail: '元数据列出了 {count} 个授权服务器,选择哪一个由客户端决定。调试器将使用第一个:{chosen}。',
      },
    },
  },
  {
    id: 'prm.invalid-field',
    stepId: 'protected-resource-metadata',
    severity: 'error',
    specRefs: ['rfc9728:2'],
    text: {
      en: {
        title: '"{field}" has the wrong type',
        detail: 'In the document from {url}, "{field}" must be {expected}. Clients ignore or reject a value of the wrong type.',
        hint: 'Fix the type of "{field}" (for example an array of strings, not one space-separated string).',
      },
      'zh-CN': {
        title: '"{field}" 的类型错误',
        detail: '在来自 {url} 的文档中,"{field}" 必须是 {expected}。类型错误的值会被客户端忽略或拒绝。',
        hint: '请修正 "{field}" 的类型(例如应为字符串数组,而不是一个以空格分隔的字符串)。',
      },
    },
  },
  {
    id: 'prm.no-scopes-supported',
    stepId: 'protected-resource-metadata',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off' },
    specRefs: ['mcp:scope-selection', 'rfc9728:2'],
    text: {
      en: {
        title: 'No scope guidance at all',
        detail: 'Neither the 401 challenge nor the metadata (scopes_supported) names a scope, so clients request a token without the scope parameter and get whatever the authorization server grants by default.',
        hint: 'Add "scopes_supported": [...] to the metadata, or scope="..." to the 401 challenge.',
      },
      'zh-CN': {
        title: '完全没有 scope 指引',
        detail: '401 质询和元数据(scopes_supported)都没有给出 scope,客户端会在不带 scope 参数的情况下申请令牌,得到授权服务器默认授予的权限。',
        hint: '在元数据中加入 "scopes_supported": [...],或在 401 质询中加入 scope="..."。',
      },
    },
  },
  {
    id: 'prm.header-bearer-method-missing',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:2', 'mcp:token-requirements'],
    text: {
      en: {
        title: 'bearer_methods_supported does not include "header"',
        detail: 'The metadata lists bearer_methods_supported = {methods}. MCP clients MUST send the token in the Authorization header, so "header" has to be supported.',
        hint: 'List "header" in bearer_methods_supported, or leave the field out.',
      },
      'zh-CN': {
        title: 'bearer_methods_supported 不包含 "header"',
        detail: '元数据中 bearer_methods_supported = {methods}。MCP 客户端必须通过 Authorization 头发送令牌,因此必须支持 "header"。',
        hint: '在 bearer_methods_supported 中列出 "header",或者省略该字段。',
      },
    },
  },
  {
    id: 'prm.strict-client-rejects',
    stepId: 'protected-resource-metadata',
    severity: 'warning',
    specRefs: ['rfc9728:3.2', 'rfc9728:3.3'],
    text: {
      en: {
        title: 'A strict client library rejects this metadata',
        detail: 'oauth4webapi (processResourceDiscoveryResponse) refuses the document from {url}: {message}.',
        hint: 'Serve the document with status 200, Content-Type application/json and a "resource" identical to the MCP server URL.',
      },
      'zh-CN': {
        title: '严格的客户端库拒绝了这份元数据',
        detail: 'oauth4webapi(processResourceDiscoveryResponse)拒绝了来自 {url} 的文档:{message}。',
        hint: '以状态码 200、Content-Type application/json 提供该文档,且 "resource" 与 MCP 服务器 URL 完全相同。',
      },
    },
  },
]);
