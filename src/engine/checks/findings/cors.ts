import { defineFindings } from '../finding-definition.js';

/**
 * CORS readiness for browser-based MCP clients. The MCP specification says nothing about CORS;
 * what a page on another origin may send and read is the Fetch standard's. A server without
 * CORS at all serves desktop clients only, a legitimate choice (info); a server that allows
 * some of the flow but not all of it is a warning per gap, since a browser client starts and
 * then cannot finish.
 */
export const corsFindings = defineFindings([
  {
    id: 'cors.not-browser-ready',
    stepId: 'cors',
    severity: 'info',
    specRefs: ['fetch:cors'],
    text: {
      en: {
        title: 'Not ready for browser-based clients',
        detail: 'No endpoint of the flow allows a page on {origin} to call it: no preflight was answered with CORS headers and no answer carried Access-Control-Allow-Origin. Desktop and server-side clients are not affected; an MCP client running in a web page cannot use {url}.',
        hint: 'If browser-based clients should connect, answer OPTIONS preflights and send Access-Control-Allow-Origin on the MCP endpoint, the metadata documents, the registration and the token endpoints, and expose WWW-Authenticate, Mcp-Session-Id and MCP-Protocol-Version on the MCP endpoint.',
      },
      'zh-CN': {
        title: '尚不支持浏览器端客户端',
        detail: '流程中没有任何端点允许 {origin} 上的页面调用:没有预检请求得到带 CORS 头的响应,也没有响应带 Access-Control-Allow-Origin。桌面和服务端客户端不受影响;运行在网页中的 MCP 客户端无法使用 {url}。',
        hint: '如果希望浏览器端客户端能够连接,请在 MCP 端点、元数据文档、注册端点和令牌端点上响应 OPTIONS 预检并发送 Access-Control-Allow-Origin,并在 MCP 端点上暴露 WWW-Authenticate、Mcp-Session-Id 和 MCP-Protocol-Version。',
      },
    },
  },
  {
    id: 'cors.origin-not-allowed',
    stepId: 'cors',
    severity: 'warning',
    specRefs: ['fetch:cors', 'mcp:flow-steps'],
    text: {
      en: {
        title: 'An endpoint of the flow does not allow browser-based clients',
        detail: 'Other endpoints of the flow allow a page on {origin}, but {endpoint} ({url}) does not: Access-Control-Allow-Origin was {allowOrigin}. A browser-based client gets this far and cannot go on.',
        hint: 'Send Access-Control-Allow-Origin (the origin, or *) on this endpoint too, and answer its OPTIONS preflight, as the other endpoints do.',
      },
      'zh-CN': {
        title: '流程中的某个端点不允许浏览器端客户端',
        detail: '流程中的其他端点允许 {origin} 上的页面访问,但 {endpoint}({url})不允许:Access-Control-Allow-Origin 为 {allowOrigin}。浏览器端客户端走到这里便无法继续。',
        hint: '像其他端点一样,在这个端点上也发送 Access-Control-Allow-Origin(该来源或 *),并响应它的 OPTIONS 预检。',
      },
    },
  },
  {
    id: 'cors.preflight-failed',
    stepId: 'cors',
    severity: 'warning',
    specRefs: ['fetch:cors'],
    text: {
      en: {
        title: 'The CORS preflight fails',
        detail: 'Before a {method} to {endpoint} ({url}) with the headers {headers}, a browser asks with OPTIONS. The answer was {status} with Access-Control-Allow-Origin {allowOrigin}, and it does not permit: {refused}. The browser never sends the request, although the endpoint allows {origin} otherwise.',
        hint: 'Answer OPTIONS before authentication with a 2xx (usually 204), Access-Control-Allow-Origin, Access-Control-Allow-Methods and Access-Control-Allow-Headers naming each requested header. A wildcard (*) in Access-Control-Allow-Headers does not cover Authorization: list it by name.',
      },
      'zh-CN': {
        title: 'CORS 预检失败',
        detail: '在向 {endpoint}({url})发送带请求头 {headers} 的 {method} 之前,浏览器会先发送 OPTIONS。响应为 {status},Access-Control-Allow-Origin 为 {allowOrigin},且未允许:{refused}。尽管该端点在其他方面允许 {origin},浏览器也不会发出该请求。',
        hint: '在认证之前响应 OPTIONS:返回 2xx(通常为 204),带上 Access-Control-Allow-Origin、Access-Control-Allow-Methods,以及逐一列出所请求头的 Access-Control-Allow-Headers。Access-Control-Allow-Headers 中的通配符 * 不包括 Authorization,必须显式列出。',
      },
    },
  },
  {
    id: 'cors.www-authenticate-not-exposed',
    stepId: 'cors',
    severity: 'warning',
    specRefs: ['fetch:cors', 'mcp:prm-discovery', 'rfc9728:5.1'],
    text: {
      en: {
        title: 'A browser cannot read the 401\'s WWW-Authenticate',
        detail: 'The MCP endpoint {url} allows {origin}, but its 401 does not list WWW-Authenticate in Access-Control-Expose-Headers (it exposes {exposed}). A browser-based client cannot see resource_metadata or scope in the challenge, so it cannot discover the authorization server the way the spec describes.',
        hint: 'Add WWW-Authenticate to Access-Control-Expose-Headers on the MCP endpoint\'s answers, the 401s included.',
      },
      'zh-CN': {
        title: '浏览器无法读取 401 的 WWW-Authenticate',
        detail: 'MCP 端点 {url} 允许 {origin},但它的 401 响应没有在 Access-Control-Expose-Headers 中列出 WWW-Authenticate(暴露的是 {exposed})。浏览器端客户端看不到质询中的 resource_metadata 和 scope,因而无法按规范所述发现授权服务器。',
        hint: '在 MCP 端点的响应(包括 401)中把 WWW-Authenticate 加入 Access-Control-Expose-Headers。',
      },
    },
  },
  {
    id: 'cors.mcp-headers-not-exposed',
    stepId: 'cors',
    severity: 'warning',
    specRefs: ['fetch:cors', 'mcp:legacy-transport', 'mcp:request-metadata'],
    text: {
      en: {
        title: 'A browser cannot read the MCP response headers',
        detail: 'The MCP endpoint {url} allows {origin}, but does not expose {headers} (Access-Control-Expose-Headers: {exposed}). A browser-based client cannot keep a session or learn the negotiated protocol version from the headers.',
        hint: 'Add Mcp-Session-Id and MCP-Protocol-Version to Access-Control-Expose-Headers on the MCP endpoint.',
      },
      'zh-CN': {
        title: '浏览器无法读取 MCP 响应头',
        detail: 'MCP 端点 {url} 允许 {origin},但没有暴露 {headers}(Access-Control-Expose-Headers:{exposed})。浏览器端客户端无法保持会话,也无法从响应头得知协商的协议版本。',
        hint: '在 MCP 端点上把 Mcp-Session-Id 和 MCP-Protocol-Version 加入 Access-Control-Expose-Headers。',
      },
    },
  },
  {
    id: 'cors.browser-ready',
    stepId: 'cors',
    severity: 'info',
    specRefs: ['fetch:cors'],
    text: {
      en: {
        title: 'Ready for browser-based clients',
        detail: 'All {count} endpoints of the flow allow a page on {origin}: the preflights pass, and the MCP endpoint exposes WWW-Authenticate, Mcp-Session-Id and MCP-Protocol-Version.',
      },
      'zh-CN': {
        title: '支持浏览器端客户端',
        detail: '流程中的全部 {count} 个端点都允许 {origin} 上的页面访问:预检请求均通过,MCP 端点暴露了 WWW-Authenticate、Mcp-Session-Id 和 MCP-Protocol-Version。',
      },
    },
  },
]);
