/**
 * Step copy as data: a title, a one-line summary and a teaching note per stage of the flow, in
 * English and Simplified Chinese. The teaching note is for someone who has never read the spec:
 * what happens in the step and why the spec asks for it.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#authorization-flow-steps
 */
import type { StepId } from '../engine/types.js';
import type { Language } from './index.js';

export interface StepText {
  title: string;
  summary: string;
  teaching: string;
}

export const STEP_TEXT: Record<StepId, Record<Language, StepText>> = {
  probe: {
    en: {
      title: 'Probe without a token',
      summary: 'Call the MCP server without credentials and expect 401 with a WWW-Authenticate challenge.',
      teaching:
        'The client starts by talking to the MCP server as if no authorization existed. A protected server answers 401 Unauthorized, and its WWW-Authenticate header is the signpost for everything that follows: resource_metadata says where the server describes itself, and scope says which permissions this request needs. Without that header a client has to guess well-known URLs.',
    },
    'zh-CN': {
      title: '无令牌探测',
      summary: '不带凭据调用 MCP 服务器,预期得到带 WWW-Authenticate 质询的 401。',
      teaching:
        '客户端先像没有任何授权一样直接访问 MCP 服务器。受保护的服务器会返回 401 Unauthorized,其 WWW-Authenticate 响应头是后续一切的路标:resource_metadata 指出服务器在哪里描述自己,scope 说明这次请求需要哪些权限。没有这个响应头,客户端就只能去猜 well-known 地址。',
    },
  },
  'protected-resource-metadata': {
    en: {
      title: 'Protected resource metadata',
      summary: 'Fetch the server’s RFC 9728 document: which resource it is and which authorization servers it trusts.',
      teaching:
        'The MCP server publishes a small JSON document about itself (OAuth 2.0 Protected Resource Metadata, RFC 9728). The client reads it from the resource_metadata URL, or tries the well-known locations in the order the spec gives. Its resource field must name this very server, and authorization_servers tells the client where users sign in. This is how a client finds the right authorization server without being configured by hand.',
    },
    'zh-CN': {
      title: '受保护资源元数据',
      summary: '获取服务器的 RFC 9728 文档:它是哪个资源,信任哪些授权服务器。',
      teaching:
        'MCP 服务器会发布一份描述自身的小型 JSON 文档(OAuth 2.0 受保护资源元数据,RFC 9728)。客户端从 resource_metadata 指向的地址读取它,或者按规范给出的顺序尝试各个 well-known 地址。文档中的 resource 字段必须正好指向这台服务器,authorization_servers 则告诉客户端用户应在哪里登录。这样,客户端无需手工配置就能找到正确的授权服务器。',
    },
  },
  'authorization-server-metadata': {
    en: {
      title: 'Authorization server metadata',
      summary: 'Discover the authorization server’s endpoints and capabilities (RFC 8414 or OpenID Connect Discovery).',
      teaching:
        'Knowing the authorization server’s issuer URL is not enough: the client needs its endpoints. It fetches the server’s metadata from the OAuth (RFC 8414) and OpenID Connect well-known URLs, in the order the spec prescribes, and checks that the issuer inside matches the URL it started from. The document also says whether PKCE with S256 is supported, which a client must confirm before going on, and which registration methods are available.',
    },
    'zh-CN': {
      title: '授权服务器元数据',
      summary: '发现授权服务器的端点与能力(RFC 8414 或 OpenID Connect 发现)。',
      teaching:
        '只知道授权服务器的 issuer 地址还不够,客户端还需要它的各个端点。客户端按规范规定的顺序,从 OAuth(RFC 8414)和 OpenID Connect 的 well-known 地址获取元数据,并核对文档中的 issuer 与出发时的地址一致。该文档还说明是否支持 S256 方式的 PKCE(客户端继续之前必须确认这一点),以及有哪些客户端注册方式可用。',
    },
  },
  'client-registration': {
    en: {
      title: 'Client registration',
      summary: 'Obtain a client_id: pre-registered, a Client ID Metadata Document, or Dynamic Client Registration.',
      teaching:
        'The authorization server only talks to clients it knows, so the client needs a client_id first. The spec lists three ways in priority order: a client_id an administrator registered beforehand, a Client ID Metadata Document (an HTTPS URL that is itself the client_id and describes the client), or Dynamic Client Registration, where the client POSTs its details to the registration endpoint. Whichever is used, the redirect URI registered here must match the one used later exactly.',
    },
    'zh-CN': {
      title: '客户端注册',
      summary: '获得 client_id:预注册、客户端 ID 元数据文档(CIMD)或动态客户端注册(DCR)。',
      teaching:
        '授权服务器只与它认识的客户端打交道,因此客户端首先需要一个 client_id。规范按优先级列出三种方式:管理员事先登记好的 client_id;客户端 ID 元数据文档(一个 HTTPS 地址,它本身就是 client_id,并描述该客户端);或动态客户端注册,即客户端把自己的信息 POST 到注册端点。无论采用哪种方式,这里登记的重定向 URI 都必须与之后实际使用的完全一致。',
    },
  },
  'authorization-request': {
    en: {
      title: 'Authorization request',
      summary: 'Build the authorization URL with PKCE, state, resource and scope, and send the user there.',
      teaching:
        'Now the user has to agree. The client builds a URL to the authorization endpoint and opens it in the browser. It carries a PKCE code_challenge (a hash of a secret only this client knows), a random state to tie the answer to this request, the resource parameter naming the MCP server the token is for, and the scope chosen from the 401 challenge or the metadata. The user signs in and consents on the authorization server’s own pages; the client never sees the password.',
    },
    'zh-CN': {
      title: '授权请求',
      summary: '构造包含 PKCE、state、resource 和 scope 的授权 URL,并把用户引导过去。',
      teaching:
        '现在需要用户同意。客户端构造一个指向授权端点的 URL,并在浏览器中打开。URL 中带有 PKCE 的 code_challenge(只有本客户端知道的秘密值的哈希)、一个随机的 state(把回应与本次请求绑定)、指明令牌用于哪台 MCP 服务器的 resource 参数,以及根据 401 质询或元数据选定的 scope。用户在授权服务器自己的页面上登录并同意,客户端始终看不到密码。',
    },
  },
  'authorization-response': {
    en: {
      title: 'Authorization response',
      summary: 'The browser returns to the callback with a code; check state and the iss parameter.',
      teaching:
        'After consent the authorization server redirects the browser back to the client’s redirect URI with a one-time authorization code. Before using it the client checks that state is the value it sent (so the answer belongs to its own request) and, where the server sends iss (RFC 9207), that it names the expected authorization server. These checks stop an attacker from injecting a code or mixing up two authorization servers.',
    },
    'zh-CN': {
      title: '授权响应',
      summary: '浏览器带着授权码回到回调地址;校验 state 与 iss 参数。',
      teaching:
        '用户同意后,授权服务器把浏览器重定向回客户端的重定向 URI,并附上一次性的授权码。使用它之前,客户端要确认 state 正是自己发出的值(说明这个回应属于自己的请求),并在服务器返回 iss(RFC 9207)时确认它指向预期的授权服务器。这些检查可以防止攻击者注入授权码,或混淆两台授权服务器(mix-up 攻击)。',
    },
  },
  'token-request': {
    en: {
      title: 'Token request',
      summary: 'Exchange the code, with the PKCE verifier and resource, for an access token.',
      teaching:
        'The client sends the authorization code to the token endpoint directly, server to server, together with the PKCE code_verifier: the secret whose hash went out in the authorization request. The authorization server only hands out tokens when the two match, so a stolen code is useless on its own. The resource parameter is sent again so the token is bound to this MCP server, and the answer should contain an access token, its lifetime and often a refresh token.',
    },
    'zh-CN': {
      title: '令牌请求',
      summary: '用授权码、PKCE verifier 和 resource 换取访问令牌。',
      teaching:
        '客户端把授权码直接发送到令牌端点(服务器对服务器),同时附上 PKCE 的 code_verifier,也就是授权请求中那个哈希值背后的秘密。只有两者匹配,授权服务器才会发放令牌,因此单独被盗的授权码毫无用处。resource 参数会再次发送,使令牌与这台 MCP 服务器绑定。响应中应包含访问令牌、它的有效期,通常还有刷新令牌。',
    },
  },
  'token-inspection': {
    en: {
      title: 'Token inspection',
      summary: 'Decode the tokens and check signature, audience, issuer, expiry and scope.',
      teaching:
        'An access token is often a signed JWT the client can read. The debugger decodes it, verifies its signature with the authorization server’s published keys (jwks_uri), and checks that aud names the MCP server, iss the authorization server, and that it has not expired. This is exactly what the MCP server must check before trusting the token; seeing it here explains the 401s a server gives later.',
    },
    'zh-CN': {
      title: '令牌检查',
      summary: '解码令牌,检查签名、受众、签发者、有效期和 scope。',
      teaching:
        '访问令牌通常是客户端可以读取的已签名 JWT。调试器会解码它,用授权服务器公布的密钥(jwks_uri)验证签名,并检查 aud 指向 MCP 服务器、iss 指向授权服务器、令牌尚未过期。这正是 MCP 服务器在信任令牌之前必须做的检查;在这里看清楚,就能理解服务器之后为什么返回 401。',
    },
  },
  'authenticated-mcp': {
    en: {
      title: 'Authenticated MCP requests',
      summary: 'Call the MCP server with the token: server/discover (or initialize), list the tools, call one.',
      teaching:
        'With the token in the Authorization: Bearer header of every request, the client repeats what failed at the start; the server must check the token, including that it was issued for this server, before answering. In MCP 2026-07-28 there is no handshake: every request carries its protocol version, client and capabilities in _meta, mirrored into the MCP-Protocol-Version, Mcp-Method and Mcp-Name headers, and server/discover tells which versions and capabilities the server has. A server that speaks only an earlier version answers without a modern error, and the client falls back to the initialize handshake. If a tool needs more permissions, the server answers 403 with error="insufficient_scope" and the client asks the user again for the extra scope (step-up).',
    },
    'zh-CN': {
      title: '已认证的 MCP 请求',
      summary: '带着令牌调用 MCP 服务器:server/discover(或 initialize)、列出工具、调用工具。',
      teaching:
        '客户端在每个请求的 Authorization: Bearer 头中带上令牌,重做一开始失败的操作;服务器必须先验证令牌(包括它确实是签发给本服务器的),再作出回应。MCP 2026-07-28 没有握手:每个请求都在 _meta 中携带协议版本、客户端信息和能力,并镜像到 MCP-Protocol-Version、Mcp-Method 和 Mcp-Name 请求头,server/discover 则说明服务器支持的版本和能力。只支持早期版本的服务器不会返回新版错误,客户端于是回退到 initialize 握手。如果某个工具需要更多权限,服务器会返回 403 和 error="insufficient_scope",客户端再请用户授予额外的 scope(逐步授权,step-up)。',
    },
  },
  refresh: {
    en: {
      title: 'Refresh',
      summary: 'Trade the refresh token for a new access token, without asking the user again.',
      teaching:
        'Access tokens are short-lived on purpose, so a leaked one is soon worthless. When the authorization server issued a refresh token, the client trades it at the token endpoint for a fresh access token, again naming the resource, without bothering the user. For public clients the server must also rotate the refresh token, issuing a new one each time so a stolen copy stops working.',
    },
    'zh-CN': {
      title: '刷新令牌',
      summary: '用刷新令牌换取新的访问令牌,无需再次打扰用户。',
      teaching:
        '访问令牌故意设计得寿命很短,这样泄露的令牌很快就会失效。如果授权服务器发放了刷新令牌,客户端可以在令牌端点用它换取新的访问令牌(同样要带上 resource),而不必再打扰用户。对于公共客户端,服务器还必须轮换刷新令牌:每次都签发新的,使被盗的旧副本失效。',
    },
  },
  audit: {
    en: {
      title: 'Security audit',
      summary: 'Send the MCP server tokens it must refuse: a tampered one and one for another audience.',
      teaching:
        'A server that answers correctly with a good token may still accept bad ones. The audit sends the MCP server a copy of the real token with its signature altered, and a genuine token the authorization server issued for a different resource. Both must be refused with 401; accepting either means the server only decodes tokens, or does not check who they were issued for, which lets tokens meant for other services in.',
    },
    'zh-CN': {
      title: '安全审计',
      summary: '向 MCP 服务器发送它必须拒绝的令牌:被篡改的令牌和签发给其他受众的令牌。',
      teaching:
        '对有效令牌回应正确的服务器,仍可能接受无效的令牌。审计会向 MCP 服务器发送两样东西:签名被改动过的真实令牌副本,以及授权服务器为另一个资源签发的真实令牌。两者都必须被以 401 拒绝;接受任何一个,都说明服务器只解码令牌而不验证签名,或者不检查令牌是签发给谁的,从而让本属于其他服务的令牌畅通无阻。',
    },
  },
  cors: {
    en: {
      title: 'CORS for browser clients',
      summary: 'Ask each endpoint, as a page on another origin would, whether a browser-based MCP client may call it and read the answer.',
      teaching:
        'An MCP client can run in a web page. Its browser then enforces CORS: before a request with an Authorization header or a JSON body it sends an OPTIONS preflight, and the page may read an answer only when the server allows its origin with Access-Control-Allow-Origin, and a header beyond a few basic ones only when Access-Control-Expose-Headers names it. The check asks every endpoint of the flow from a made-up origin. A server with no CORS at all serves desktop clients only; one that allows part of the flow, or hides WWW-Authenticate on its 401, lets a browser client start and then leaves it stuck.',
    },
    'zh-CN': {
      title: '浏览器客户端的 CORS',
      summary: '像另一个来源上的页面那样询问每个端点:浏览器端 MCP 客户端能否调用它并读取响应。',
      teaching:
        'MCP 客户端可以运行在网页中。这时浏览器会执行 CORS:在带 Authorization 头或 JSON 请求体的请求之前,先发送 OPTIONS 预检;只有服务器用 Access-Control-Allow-Origin 允许该来源时,页面才能读取响应;除少数基本响应头外,其他响应头只有在 Access-Control-Expose-Headers 中列出时才可读取。本检查从一个虚构的来源询问流程中的每个端点。完全没有 CORS 的服务器只服务桌面客户端;只允许部分流程,或在 401 上隐藏 WWW-Authenticate 的服务器,会让浏览器客户端开了头却无法继续。',
    },
  },
};

/** The step's title in `language`. */
export function stepTitle(stepId: StepId, language: Language): string {
  return STEP_TEXT[stepId][language].title;
}

/** Title, summary and teaching note of a step in `language`. */
export function stepText(stepId: StepId, language: Language): StepText {
  return STEP_TEXT[stepId][language];
}
