/**
 * Why a step failed or was skipped, in every language of the findings catalogue. A step's outcome
 * keeps the English sentence in `reason` (text reports, older session files) and the id and
 * params here in `reasonId` / `reasonParams`, so the UI can say it in the reader's language.
 * Placeholders (`{name}`) are filled from the params; a param may itself be a phrase reference.
 */
import type { PhraseText } from './phrase-reference.js';

export const OUTCOME_REASONS = {
  // Shared by several steps.
  'outcome.server-url-not-absolute': { en: 'The server URL is not an absolute URL.', 'zh-CN': '服务器 URL 不是绝对 URL。' },
  'outcome.internal-error': { en: 'Internal error in {step}: {message}', 'zh-CN': '{step} 中发生内部错误:{message}' },
  'outcome.too-deep-to-keep': {
    en: 'What the server sent in {step} nests too deep to keep; the step stopped.',
    'zh-CN': '服务器在 {step} 中发送的内容嵌套过深,无法保存;该步骤已停止。',
  },
  'outcome.step-limit': {
    en: 'The flow did not finish within {limit} steps; it keeps going back for more authorization.',
    'zh-CN': '流程在 {limit} 步内没有结束;它不断返回以请求更多授权。',
  },

  // probe
  'outcome.probe.invalid-server-url': { en: 'The server URL is not an http(s) URL.', 'zh-CN': '服务器 URL 不是 http(s) URL。' },
  'outcome.probe.no-answer': { en: '{problem}: {url} ({message})', 'zh-CN': '{problem}:{url}({message})' },
  'outcome.probe.redirect-loop': {
    en: 'The MCP endpoint keeps redirecting (more than {max} redirects, the last to {location}); clients give up.',
    'zh-CN': 'MCP 端点不断重定向(超过 {max} 次,最后一次指向 {location});客户端会放弃。',
  },
  'outcome.probe.redirect': {
    en: 'The MCP endpoint redirects to {location}, which clients do not follow.',
    'zh-CN': 'MCP 端点重定向到 {location},客户端不会跟随。',
  },
  'outcome.probe.not-mcp': { en: '{url} does not answer like an MCP endpoint (HTTP {status}).', 'zh-CN': '{url} 的响应不像 MCP 端点(HTTP {status})。' },
  'outcome.probe.unexpected-status': {
    en: 'The server answered HTTP {status} instead of 401 Unauthorized.',
    'zh-CN': '服务器返回 HTTP {status},而不是 401 Unauthorized。',
  },

  // protected-resource-metadata
  'outcome.prm.not-in-spec': {
    en: 'MCP 2025-03-26 has no Protected Resource Metadata: the authorization server is looked up at the MCP server\'s origin (its "authorization base URL").',
    'zh-CN': 'MCP 2025-03-26 没有受保护资源元数据:授权服务器在 MCP 服务器的源(其“授权基础 URL”)上查找。',
  },
  'outcome.prm.not-found': {
    en: 'No Protected Resource Metadata was found, so no authorization server is known.',
    'zh-CN': '没有找到受保护资源元数据,因此不知道授权服务器。',
  },
  'outcome.prm.resource-mismatch': {
    en: 'The Protected Resource Metadata does not belong to this MCP server, so a client MUST NOT use it.',
    'zh-CN': '该受保护资源元数据不属于这个 MCP 服务器,因此客户端不得(MUST NOT)使用它。',
  },
  'outcome.prm.no-authorization-servers': {
    en: 'The Protected Resource Metadata names no authorization server.',
    'zh-CN': '受保护资源元数据没有指明任何授权服务器。',
  },

  // authorization-server-metadata
  'outcome.asm.no-issuer': {
    en: 'No authorization server is known: the Protected Resource Metadata named none.',
    'zh-CN': '不知道授权服务器:受保护资源元数据没有指明任何授权服务器。',
  },
  'outcome.asm.issuer-not-absolute': {
    en: 'The authorization server "{issuer}" is not an absolute URL.',
    'zh-CN': '授权服务器 "{issuer}" 不是绝对 URL。',
  },
  'outcome.asm.not-found': { en: 'No authorization server metadata was found for {issuer}.', 'zh-CN': '没有找到 {issuer} 的授权服务器元数据。' },
  'outcome.asm.issuer-mismatch': {
    en: 'The metadata was published for another issuer, so a client MUST NOT use it.',
    'zh-CN': '该元数据是为另一个签发者发布的,因此客户端不得(MUST NOT)使用它。',
  },
  'outcome.asm.pkce-unsupported': {
    en: 'The authorization server does not advertise PKCE support, so an MCP client MUST refuse to proceed.',
    'zh-CN': '授权服务器没有声明支持 PKCE,因此 MCP 客户端必须(MUST)拒绝继续。',
  },

  // client-registration
  'outcome.registration.no-metadata': {
    en: 'No authorization server metadata: the authorization-server-metadata step has not completed.',
    'zh-CN': '没有授权服务器元数据:authorization-server-metadata 步骤尚未完成。',
  },
  'outcome.registration.no-path': {
    en: 'No way to obtain a client_id: no pre-registered client, no usable Client ID Metadata Document, no registration_endpoint.',
    'zh-CN': '无法获得 client_id:没有预注册客户端,没有可用的客户端 ID 元数据文档,也没有 registration_endpoint。',
  },
  'outcome.registration.pre-client-id-missing': {
    en: 'Pre-registration was chosen but no client_id was given.',
    'zh-CN': '选择了预注册,但没有提供 client_id。',
  },
  'outcome.registration.pre-registered-elsewhere': {
    en: 'The pre-registered client {clientId} belongs to {registeredAt}, not to {issuer}.',
    'zh-CN': '预注册客户端 {clientId} 属于 {registeredAt},而不是 {issuer}。',
  },
  'outcome.registration.cimd-url-missing': {
    en: 'Client ID Metadata Document registration was chosen but no metadata URL was given.',
    'zh-CN': '选择了客户端 ID 元数据文档注册,但没有提供元数据 URL。',
  },
  'outcome.registration.cimd-url-invalid': {
    en: 'The client metadata URL {url} is not an HTTPS URL with a path.',
    'zh-CN': '客户端元数据 URL {url} 不是带路径的 HTTPS URL。',
  },
  'outcome.registration.dcr-unsupported': {
    en: 'Dynamic Client Registration was chosen but the authorization server has no registration_endpoint.',
    'zh-CN': '选择了动态客户端注册,但授权服务器没有 registration_endpoint。',
  },
  'outcome.registration.no-answer': { en: 'The registration request to {endpoint} got no answer.', 'zh-CN': '发往 {endpoint} 的注册请求没有得到响应。' },
  'outcome.registration.dcr-rejected': {
    en: 'The authorization server rejected the registration (HTTP {status}, {error}).',
    'zh-CN': '授权服务器拒绝了注册(HTTP {status},{error})。',
  },
  'outcome.registration.not-json': { en: 'The registration response is not a JSON object.', 'zh-CN': '注册响应不是 JSON 对象。' },
  'outcome.registration.dcr-client-id-missing': { en: 'The registration response has no client_id.', 'zh-CN': '注册响应中没有 client_id。' },
  'outcome.registration.client-credentials-public': {
    en: 'The client credentials grant needs an authenticated client, but this client has no credentials.',
    'zh-CN': '客户端凭据授权需要经过认证的客户端,但该客户端没有凭据。',
  },
  'outcome.registration.auth-method-missing-credential': {
    en: 'The {method} method needs a credential this client does not have.',
    'zh-CN': '{method} 方法需要该客户端所没有的凭据。',
  },

  // authorization-request
  'outcome.authorization-request.client-credentials': {
    en: 'The client credentials grant has no authorization request.',
    'zh-CN': '客户端凭据授权没有授权请求。',
  },
  'outcome.authorization-request.cross-app-access': {
    en: 'The cross-app access grant has no authorization request: the IdP grants access through an ID-JAG.',
    'zh-CN': '跨应用访问授权没有授权请求:IdP 通过 ID-JAG 授予访问权限。',
  },
  'outcome.authorization-request.jwt-bearer': {
    en: 'The JWT bearer grant has no authorization request: the assertion is the grant.',
    'zh-CN': 'JWT bearer 授权没有授权请求:断言本身就是授权。',
  },
  'outcome.authorization-request.prerequisites': {
    en: 'No authorization server metadata or client: the earlier steps have not completed.',
    'zh-CN': '没有授权服务器元数据或客户端:前面的步骤尚未完成。',
  },
  'outcome.authorization-request.no-endpoint': {
    en: 'The authorization server metadata has no usable authorization_endpoint.',
    'zh-CN': '授权服务器元数据中没有可用的 authorization_endpoint。',
  },
  'outcome.authorization-request.round-trip-failed': {
    en: 'The authorization round trip did not complete: {message}',
    'zh-CN': '授权往返没有完成:{message}',
  },
  'outcome.authorization-request.walk-stopped': {
    en: 'The authorization round trip did not complete: {walk}',
    'zh-CN': '授权往返没有完成:{walk}',
  },

  // Why following the authorization server's redirects without a person stopped (consent/follow-redirects).
  'outcome.consent.redirect-loop': {
    en: 'Redirect loop: {hops} requests from {url} never reached the redirect URI {redirectUri}. The last Location was {last}.',
    'zh-CN': '重定向循环:从 {url} 开始的 {hops} 个请求始终没有到达重定向 URI {redirectUri}。最后一个 Location 是 {last}。',
  },
  'outcome.consent.page-shown': {
    en: 'The authorization server answered {url} with an HTML page (HTTP 200) instead of redirecting: it shows a login or consent page, which needs a person.',
    'zh-CN': '授权服务器对 {url} 返回了一个 HTML 页面(HTTP 200),而不是重定向:它显示的是登录或同意页面,需要有人操作。',
  },
  'outcome.consent.request-failed': {
    en: 'The request to {url} failed: {problem} ({message}).',
    'zh-CN': '对 {url} 的请求失败:{problem}({message})。',
  },
  'outcome.consent.redirect-without-location': {
    en: '{url} answered HTTP {status} without a Location header, so there is nowhere to go.',
    'zh-CN': '{url} 返回了 HTTP {status},但没有 Location 头,因此无处可去。',
  },
  'outcome.consent.redirect-location-invalid': {
    en: '{url} redirected to "{location}", which is not a valid URL.',
    'zh-CN': '{url} 重定向到 "{location}",这不是有效的 URL。',
  },
  'outcome.consent.no-redirect': {
    en: 'The authorization server answered {url} with HTTP {status} instead of a redirect: {excerpt}.',
    'zh-CN': '授权服务器对 {url} 返回了 HTTP {status},而不是重定向:{excerpt}。',
  },

  // authorization-response
  'outcome.authorization-response.client-credentials': {
    en: 'The client credentials grant has no authorization response.',
    'zh-CN': '客户端凭据授权没有授权响应。',
  },
  'outcome.authorization-response.cross-app-access': {
    en: 'The cross-app access grant has no authorization response.',
    'zh-CN': '跨应用访问授权没有授权响应。',
  },
  'outcome.authorization-response.jwt-bearer': { en: 'The JWT bearer grant has no authorization response.', 'zh-CN': 'JWT bearer 授权没有授权响应。' },
  'outcome.authorization-response.no-request': {
    en: 'No authorization request was recorded: run the authorization-request step first.',
    'zh-CN': '没有记录授权请求:请先运行 authorization-request 步骤。',
  },
  'outcome.authorization-response.callback-invalid': { en: 'The callback is not a URL.', 'zh-CN': '回调不是 URL。' },
  'outcome.authorization-response.validation-failed': {
    en: 'The authorization response failed validation ({findings}); its code is not used.',
    'zh-CN': '授权响应未通过验证({findings});其授权码不会被使用。',
  },
  'outcome.authorization-response.error': {
    en: 'The authorization server answered with error "{error}".',
    'zh-CN': '授权服务器返回了错误 "{error}"。',
  },
  'outcome.authorization-response.code-missing': {
    en: 'The authorization response has neither a code nor an error.',
    'zh-CN': '授权响应中既没有 code 也没有 error。',
  },

  // token-request (also the refresh, audit and identity assertion grant steps)
  'outcome.token.no-authorization-code': { en: 'There is no authorization code to exchange.', 'zh-CN': '没有可兑换的授权码。' },
  'outcome.token.no-usable-token': { en: 'The token endpoint issued no usable access token.', 'zh-CN': '令牌端点没有签发可用的访问令牌。' },
  'outcome.token.missing-prerequisite': { en: 'Cannot request a token: {what} is missing.', 'zh-CN': '无法请求令牌:缺少{what}。' },
  'outcome.token.no-client': { en: 'No client.', 'zh-CN': '没有客户端。' },
  'outcome.token.no-token-endpoint': { en: 'The authorization server has no token endpoint.', 'zh-CN': '授权服务器没有令牌端点。' },
  'outcome.token.no-answer': { en: 'The token endpoint did not answer.', 'zh-CN': '令牌端点没有响应。' },
  'outcome.client-auth.secret-missing': {
    en: '{method} needs a client secret and none is known.',
    'zh-CN': '{method} 需要客户端密钥,但没有已知的密钥。',
  },
  'outcome.client-auth.key-missing': {
    en: 'private_key_jwt needs a private key and none was given.',
    'zh-CN': 'private_key_jwt 需要私钥,但没有提供。',
  },
  'outcome.client-auth.key-invalid': { en: 'The private key cannot be used: {reason}.', 'zh-CN': '该私钥无法使用:{reason}。' },
  'outcome.client-auth.endpoint-invalid': { en: 'The endpoint {endpoint} is not an absolute URL.', 'zh-CN': '端点 {endpoint} 不是绝对 URL。' },
  'outcome.client-auth.endpoint-insecure': {
    en: 'The endpoint {endpoint} is not HTTPS; credentials are not sent there.',
    'zh-CN': '端点 {endpoint} 不是 HTTPS;凭据不会发送到那里。',
  },

  // identity-assertion-grant
  'outcome.id-jag.no-usable-token': {
    en: 'The authorization server issued no usable access token for the ID-JAG.',
    'zh-CN': '授权服务器没有为该 ID-JAG 签发可用的访问令牌。',
  },
  'outcome.id-jag.idp-client-id-unknown': { en: 'The client has no client_id at the IdP.', 'zh-CN': '该客户端在 IdP 上没有 client_id。' },
  'outcome.id-jag.no-answer': { en: 'The IdP token endpoint did not answer.', 'zh-CN': 'IdP 令牌端点没有响应。' },
  'outcome.id-jag.incomplete-answer': { en: 'The IdP token endpoint gave no complete answer.', 'zh-CN': 'IdP 令牌端点没有给出完整的响应。' },
  'outcome.id-jag.exchange-refused': { en: 'The IdP refused the token exchange ({error}).', 'zh-CN': 'IdP 拒绝了令牌交换({error})。' },
  'outcome.id-jag.exchange-http-error': {
    en: 'The IdP answered the token exchange with HTTP {status}.',
    'zh-CN': 'IdP 对令牌交换返回了 HTTP {status}。',
  },
  'outcome.id-jag.not-json': { en: 'The token exchange response is not a JSON object.', 'zh-CN': '令牌交换响应不是 JSON 对象。' },
  'outcome.id-jag.missing': { en: 'The token exchange response holds no ID-JAG.', 'zh-CN': '令牌交换响应中没有 ID-JAG。' },
  'outcome.id-jag.not-id-jag': {
    en: 'The IdP issued {tokenType}, not an ID-JAG; it is not sent to the authorization server.',
    'zh-CN': 'IdP 签发的是 {tokenType},而不是 ID-JAG;它不会被发送给授权服务器。',
  },

  // token-inspection
  'outcome.token-inspection.no-token': { en: 'There is no access token to inspect.', 'zh-CN': '没有可检查的访问令牌。' },

  // authenticated-mcp
  'outcome.mcp.no-token': { en: 'There is no access token to use.', 'zh-CN': '没有可使用的访问令牌。' },
  'outcome.mcp.request-failed': { en: '{operation} failed.', 'zh-CN': '{operation} 失败。' },
  'outcome.mcp.request-failed-because': { en: '{operation} failed: {message}', 'zh-CN': '{operation} 失败:{message}' },
  'outcome.mcp.era-contradiction': {
    en: 'The server refuses both the legacy handshake and modern requests.',
    'zh-CN': '服务器既拒绝旧版握手,也拒绝新版请求。',
  },
  'outcome.mcp.no-common-version': {
    en: 'The server speaks only {versions}, which mcp-auth-debugger cannot speak.',
    'zh-CN': '服务器只支持 {versions},mcp-auth-debugger 不支持这些版本。',
  },
  'outcome.mcp.version-retry-loop': {
    en: 'The server keeps rejecting protocol version {version}, which it lists as supported.',
    'zh-CN': '服务器不断拒绝协议版本 {version},而它自己把该版本列为受支持。',
  },
  'outcome.mcp.unsupported-version-without-list': {
    en: 'The server rejected the protocol version without saying which versions it supports.',
    'zh-CN': '服务器拒绝了协议版本,却没有说明它支持哪些版本。',
  },
  'outcome.mcp.initialize-failed': { en: 'The MCP session could not be initialized.', 'zh-CN': '无法初始化 MCP 会话。' },
  'outcome.mcp.no-answer': { en: 'The MCP server did not answer.', 'zh-CN': 'MCP 服务器没有响应。' },
  'outcome.mcp.dpop-proof-rejected': { en: 'The MCP server refused the DPoP proof ({error}).', 'zh-CN': 'MCP 服务器拒绝了 DPoP 证明({error})。' },
  'outcome.mcp.authorization-required-later': {
    en: 'The server asked for a token on {operation}, after answering the unauthenticated probe.',
    'zh-CN': '服务器在回应了未认证的探测之后,又在 {operation} 时要求令牌。',
  },
  'outcome.mcp.token-rejected': { en: 'The MCP server rejected the access token ({error}).', 'zh-CN': 'MCP 服务器拒绝了访问令牌({error})。' },
  'outcome.mcp.forbidden': { en: 'The MCP server answered 403 to {operation}.', 'zh-CN': 'MCP 服务器对 {operation} 返回了 403。' },
  'outcome.mcp.header-mismatch': { en: 'The server refused the request\'s headers: {message}', 'zh-CN': '服务器拒绝了请求头:{message}' },
  'outcome.mcp.client-capability-required': {
    en: 'The server needs a client capability the debugger does not offer: {message}',
    'zh-CN': '服务器需要调试器未提供的客户端能力:{message}',
  },
  'outcome.mcp.http-error': { en: 'The MCP server answered HTTP {status} to {operation}.', 'zh-CN': 'MCP 服务器对 {operation} 返回了 HTTP {status}。' },
  'outcome.mcp.not-mcp': { en: 'The answer to {operation} is not MCP.', 'zh-CN': '对 {operation} 的响应不是 MCP。' },
  'outcome.mcp.insufficient-scope-without-scope': {
    en: 'The server wants more scope but does not say which.',
    'zh-CN': '服务器需要更多的 scope,但没有说明是哪些。',
  },
  'outcome.mcp.step-up-no-progress': { en: 'The server demands scopes the token already has.', 'zh-CN': '服务器要求的 scope 令牌已经拥有。' },
  'outcome.mcp.step-up-limit': { en: 'Still insufficient scope after {count} step-ups.', 'zh-CN': '经过 {count} 次权限提升后 scope 仍然不足。' },

  // A tool call that gave no result (McpToolCall.error).
  'outcome.tool-call.definition-invalid': {
    en: "not called: the tool's definition is invalid ({reason})",
    'zh-CN': '未调用:该工具的定义无效({reason})',
  },
  'outcome.tool-call.unknown-result-type': {
    en: 'the result has a resultType the debugger does not know',
    'zh-CN': '结果的 resultType 是调试器不认识的类型',
  },
  'outcome.tool-call.input-unsupported': {
    en: 'the server asked for input the debugger cannot give ({methods})',
    'zh-CN': '服务器请求了调试器无法提供的输入({methods})',
  },
  'outcome.tool-call.input-rounds': { en: 'still input_required after {rounds} rounds', 'zh-CN': '经过 {rounds} 轮后仍然是 input_required' },

  // refresh
  'outcome.refresh.off': { en: 'Refreshing is turned off in the options.', 'zh-CN': '选项中关闭了刷新。' },
  'outcome.refresh.no-tokens': { en: 'There are no tokens to refresh.', 'zh-CN': '没有可刷新的令牌。' },
  'outcome.refresh.no-refresh-token': { en: 'The authorization server issued no refresh token.', 'zh-CN': '授权服务器没有签发刷新令牌。' },
  'outcome.refresh.no-metadata': { en: 'There is no authorization server metadata.', 'zh-CN': '没有授权服务器元数据。' },

  // audit, cors
  'outcome.audit.off': {
    en: 'The audit is off; turn it on to send the server tokens it must refuse.',
    'zh-CN': '审计已关闭;开启后会向服务器发送它必须拒绝的令牌。',
  },
  'outcome.audit.no-token': { en: 'There is no access token to audit with.', 'zh-CN': '没有可用于审计的访问令牌。' },
  'outcome.cors.off': {
    en: 'The CORS check is off; turn it on to see whether a browser-based client on another origin could call each endpoint.',
    'zh-CN': 'CORS 检查已关闭;开启后可查看另一个源上的浏览器客户端能否调用各个端点。',
  },
} as const satisfies Record<string, PhraseText>;

export type OutcomeReasonId = keyof typeof OUTCOME_REASONS;
