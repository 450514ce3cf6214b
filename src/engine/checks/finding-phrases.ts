/**
 * The words of ours that go into a finding's params: reasons, the names of documents, the
 * stand-ins for an absent value. Steps put a reference into the params (`phrase('value.none')`)
 * instead of English, and each reader renders it in its own language (see phrase-reference.ts).
 * Placeholders (`{name}`) are filled from the finding's other params.
 *
 * What a server or a library said (error_description, a JSON.parse or jose message) is quoted
 * data, not ours: it stays in the params verbatim.
 */
import { PHRASE_PREFIX, resolvePhraseValue, type PhraseLanguage, type PhraseText } from './phrase-reference.js';

export const PHRASES = {
  // Stand-ins for a value the server did not send.
  'value.none': { en: '(none)', 'zh-CN': '(无)' },
  'value.absent': { en: '(absent)', 'zh-CN': '(未提供)' },
  'value.missing': { en: '(missing)', 'zh-CN': '(缺失)' },
  'value.not-sent': { en: '(not sent)', 'zh-CN': '(未发送)' },
  'value.unknown': { en: '(unknown)', 'zh-CN': '(未知)' },
  'value.no-error-description': { en: '(no error_description)', 'zh-CN': '(无 error_description)' },
  'value.no-error-code': { en: '(no error code)', 'zh-CN': '(无错误码)' },
  'value.no-www-authenticate': { en: '(no WWW-Authenticate header)', 'zh-CN': '(无 WWW-Authenticate 头)' },
  'value.no-content': { en: '(no content)', 'zh-CN': '(无内容)' },
  'value.no-text-content': { en: '(no text content)', 'zh-CN': '(无文本内容)' },
  'value.no-text': { en: '(no text)', 'zh-CN': '(无文本)' },
  'value.too-deep-to-keep': { en: 'what the server sent nests too deep to keep', 'zh-CN': '服务器发送的内容嵌套过深,无法保存' },
  'transport.no-answer': { en: 'no answer', 'zh-CN': '没有响应' },
  // http.unreachable `problem`: the one cause that happened, first and plainly.
  'transport.problem.dns': { en: 'Host name not found', 'zh-CN': '找不到主机名' },
  'transport.problem.refused': { en: 'Connection refused', 'zh-CN': '连接被拒绝' },
  'transport.problem.tls': { en: 'TLS connection failed', 'zh-CN': 'TLS 连接失败' },
  'transport.problem.timeout': { en: 'No answer in time', 'zh-CN': '未在限定时间内响应' },
  'transport.problem.cors-blocked': { en: 'Blocked by the browser (CORS)', 'zh-CN': '被浏览器阻止(CORS)' },
  'transport.problem.relay-rejected': { en: 'Refused by the debugger\'s relay', 'zh-CN': '被调试器的中继拒绝' },
  'transport.problem.invalid-url': { en: 'Not a valid URL', 'zh-CN': '不是有效的 URL' },
  'transport.problem.other': { en: 'No answer', 'zh-CN': '没有响应' },

  // Why the run uses DPoP (dpop.used `reason`).
  'dpop.reason.option': { en: 'you turned it on', 'zh-CN': '你开启了它' },
  'dpop.reason.challenge': { en: 'the MCP server\'s challenge uses the DPoP scheme', 'zh-CN': 'MCP 服务器的质询使用 DPoP 方案' },
  'dpop.reason.authorization-server': {
    en: 'the authorization server refused the token request without a DPoP proof',
    'zh-CN': '授权服务器拒绝了没有 DPoP 证明的令牌请求',
  },
  'dpop.reason.resource-metadata': {
    en: 'the protected resource metadata requires DPoP-bound tokens (dpop_bound_access_tokens_required)',
    'zh-CN': '受保护资源元数据要求 DPoP 绑定的令牌(dpop_bound_access_tokens_required)',
  },

  // The era an MCP server speaks (mcp.connected `era`).
  'era.modern': { en: 'modern: stateless, metadata on every request', 'zh-CN': '新版:无状态,每个请求携带元数据' },
  'era.legacy': { en: 'legacy: initialize handshake', 'zh-CN': '旧版:initialize 握手' },

  // The `what` of http.not-json and http.not-json-content-type (it starts the English title).
  'document.protected-resource-metadata': { en: 'The Protected Resource Metadata', 'zh-CN': '受保护资源元数据' },
  'document.authorization-server-metadata': { en: 'The authorization server metadata', 'zh-CN': '授权服务器元数据' },
  'document.client-id-metadata': { en: 'The client ID metadata document', 'zh-CN': '客户端 ID 元数据文档' },
  'document.registration-response': { en: 'The registration response', 'zh-CN': '注册响应' },
  'document.token-response': { en: 'The token response', 'zh-CN': '令牌响应' },
  'document.token-exchange-response': { en: 'The token exchange response', 'zh-CN': '令牌交换响应' },
  'document.jwk-set': { en: 'The JWK Set', 'zh-CN': 'JWK Set 文档' },
  'document.introspection-response': { en: 'The introspection response', 'zh-CN': '内省响应' },

  // Why a body is not a JSON object (http.not-json `reason`).
  'json.looks-like-html': { en: 'it looks like HTML', 'zh-CN': '看起来是 HTML' },
  'json.invalid': { en: 'invalid JSON', 'zh-CN': '无效的 JSON' },
  'json.too-deep': { en: 'it nests deeper than {max} levels', 'zh-CN': '其嵌套超过 {max} 层' },
  // Why an MCP answer has no JSON-RPC response to read (an `mcp.*` finding's `message`).
  'mcp-answer.unreadable': { en: 'HTTP {status}, {why}', 'zh-CN': 'HTTP {status},{why}' },
  'mcp-answer.empty': { en: 'the body is empty', 'zh-CN': '响应体为空' },
  'mcp-answer.truncated': { en: 'the body was cut at the size limit', 'zh-CN': '响应体在大小上限处被截断' },
  'mcp-answer.not-json': { en: 'not usable JSON: {jsonError}', 'zh-CN': '不是可用的 JSON:{jsonError}' },
  'mcp-answer.not-json-rpc': { en: 'JSON, but not a JSON-RPC message', 'zh-CN': '是 JSON,但不是 JSON-RPC 消息' },
  'mcp-answer.no-response': { en: 'no JSON-RPC response to the request', 'zh-CN': '没有对该请求的 JSON-RPC 响应' },
  'mcp-answer.rpc-error': { en: '{rpcMessage} ({code})', 'zh-CN': '{rpcMessage}({code})' },
  'value.no-message': { en: '(no message)', 'zh-CN': '(无消息)' },
  'json.syntax.unexpected': { en: 'unexpected {found} at line {line}, column {column}', 'zh-CN': '第 {line} 行第 {column} 列出现意外的 {found}' },
  'json.syntax.ends-early': {
    en: 'the text ends at line {line}, column {column}, before the JSON is complete',
    'zh-CN': '文本在第 {line} 行第 {column} 列就结束了,JSON 尚不完整',
  },
  'json.top-level-not-object': { en: 'the top level is {jsonType}, not an object', 'zh-CN': '顶层是{jsonType},而不是对象' },
  'json-type.array': { en: 'an array', 'zh-CN': '数组' },
  'json-type.string': { en: 'a string', 'zh-CN': '字符串' },
  'json-type.number': { en: 'a number', 'zh-CN': '数字' },
  'json-type.boolean': { en: 'a boolean', 'zh-CN': '布尔值' },
  'json-type.null': { en: 'null', 'zh-CN': '空值(null)' },

  // probe.invalid-server-url `reason`.
  'server-url.not-absolute': { en: 'it is not an absolute URL', 'zh-CN': '它不是绝对 URL' },
  'server-url.scheme-not-http': {
    en: 'the scheme is {scheme} (only http and https carry MCP)',
    'zh-CN': '其协议为 {scheme}(只有 http 和 https 能承载 MCP)',
  },

  // probe.malformed-www-authenticate `message`, one per WwwAuthenticateNote; {subject} is the
  // scheme, parameter name or character the parser stopped at.
  // mcp.tool-definition-rejected `reason`, one per HEADER_ANNOTATION_PROBLEMS kind (request-metadata.ts).
  'x-mcp-header.unreachable': {
    en: 'x-mcp-header on {where} is not reachable from the schema root through "properties" alone',
    'zh-CN': '{where} 上的 x-mcp-header 无法仅通过 "properties" 从 schema 根到达',
  },
  'x-mcp-header.empty': { en: 'x-mcp-header on {where} is empty or not a string', 'zh-CN': '{where} 上的 x-mcp-header 为空或不是字符串' },
  'x-mcp-header.not-token': { en: 'x-mcp-header "{header}" on {where} is not an HTTP field-name token', 'zh-CN': '{where} 上的 x-mcp-header "{header}" 不是 HTTP 字段名 token' },
  'x-mcp-header.not-primitive': {
    en: 'x-mcp-header "{header}" is on {where} of type {schemaType}; only string, integer and boolean may be mirrored',
    'zh-CN': 'x-mcp-header "{header}" 位于类型为 {schemaType} 的 {where} 上;只有 string、integer 和 boolean 可以被镜像',
  },
  'x-mcp-header.duplicate': {
    en: 'x-mcp-header "{header}" is used twice (also as "{other}"); names must be unique regardless of case',
    'zh-CN': 'x-mcp-header "{header}" 被使用了两次(另一次为 "{other}");名称必须不区分大小写地唯一',
  },
  'www-authenticate.empty-header': { en: 'The header holds no challenge.', 'zh-CN': '该头中没有任何质询。' },
  'www-authenticate.missing-comma': { en: 'Elements of the list must be separated by a comma.', 'zh-CN': '列表元素之间必须用逗号分隔。' },
  'www-authenticate.missing-scheme': {
    en: 'Expected an authentication scheme (a token), found "{subject}".',
    'zh-CN': '此处应为认证方案(token),实际为 "{subject}"。',
  },
  'www-authenticate.scheme-needs-separator': {
    en: 'The scheme "{subject}" must be followed by a space, a comma or the end of the header.',
    'zh-CN': '认证方案 "{subject}" 之后必须是空格、逗号或头的结尾。',
  },
  'www-authenticate.missing-parameter-name': { en: 'Expected a parameter name, found "{subject}".', 'zh-CN': '此处应为参数名,实际为 "{subject}"。' },
  'www-authenticate.missing-equals': { en: 'The parameter "{subject}" must be followed by "=".', 'zh-CN': '参数 "{subject}" 之后必须是 "="。' },
  'www-authenticate.duplicate-parameter': {
    en: 'The parameter "{subject}" occurs more than once in the challenge; the first value is kept.',
    'zh-CN': '参数 "{subject}" 在质询中出现了不止一次;保留第一个值。',
  },
  'www-authenticate.missing-value': { en: 'The parameter "{subject}" has no value.', 'zh-CN': '参数 "{subject}" 没有值。' },
  'www-authenticate.unquoted-value': {
    en: 'The value of "{subject}" contains characters a token cannot hold; it must be sent as a quoted-string ("...").',
    'zh-CN': '"{subject}" 的值包含 token 不允许的字符;必须以带引号的字符串("...")发送。',
  },
  'www-authenticate.unterminated-quoted-string': {
    en: 'The quoted value of "{subject}" has no closing quote.',
    'zh-CN': '"{subject}" 的带引号值缺少结束引号。',
  },

  // Why a redirect was not followed (*.redirect-not-followed `reason`).
  'redirect.cross-origin': { en: 'it leads to another origin', 'zh-CN': '它指向另一个源' },
  'redirect.method-change': { en: 'it would turn the request into a GET', 'zh-CN': '它会把请求变成 GET' },
  'redirect.too-many': { en: 'more than {max} redirects', 'zh-CN': '重定向超过 {max} 次' },
  'redirect.invalid-location': { en: 'the Location is not an http(s) URL', 'zh-CN': 'Location 不是 http(s) URL' },

  // What a metadata field must be (prm.invalid-field, asm.invalid-field `expected`).
  'expected.issuer-url-array': { en: 'an array of issuer URLs', 'zh-CN': 'issuer URL 数组' },
  'expected.string-array': { en: 'an array of strings', 'zh-CN': '字符串数组' },
  'expected.absolute-url': { en: 'an absolute URL', 'zh-CN': '绝对 URL' },
  'expected.http-url': { en: 'an http or https URL', 'zh-CN': 'http 或 https URL' },
  'expected.boolean': { en: 'true or false', 'zh-CN': 'true 或 false' },

  // Why an authorization_servers entry is no issuer identifier (prm.invalid-authorization-server `reason`).
  'issuer.not-string': { en: 'not a string', 'zh-CN': '不是字符串' },
  'issuer.not-absolute-url': { en: 'not an absolute URL', 'zh-CN': '不是绝对 URL' },
  'issuer.scheme': { en: 'the scheme is {scheme}', 'zh-CN': '其协议为 {scheme}' },
  'issuer.has-query': { en: 'it has a query', 'zh-CN': '它带有查询串' },
  'issuer.has-fragment': { en: 'it has a fragment', 'zh-CN': '它带有片段' },

  // Why the private key cannot sign (client-auth.key-invalid `reason`).
  'client-key.no-algorithm': {
    en: 'no algorithm (neither the JWK\'s "alg" nor the signing algorithm option)',
    'zh-CN': '没有算法(JWK 的 "alg" 和签名算法选项都未给出)',
  },
  'client-key.public-only': { en: 'the JWK is a public key (it has no "d")', 'zh-CN': '该 JWK 是公钥(没有 "d")' },
  'client-key.symmetric-alg': {
    en: '{alg} is symmetric; private_key_jwt needs an asymmetric key',
    'zh-CN': '{alg} 是对称算法;private_key_jwt 需要非对称密钥',
  },
  'client-key.symmetric-key': { en: 'the JWK is a symmetric key', 'zh-CN': '该 JWK 是对称密钥' },

  // What an earlier step did not produce (token.missing-prerequisite `what`).
  'prerequisite.authorization-server-metadata': { en: 'authorization server metadata', 'zh-CN': '授权服务器元数据' },
  'prerequisite.client-registration': { en: 'client registration', 'zh-CN': '客户端注册' },
  'prerequisite.authorization-request': { en: 'authorization request', 'zh-CN': '授权请求' },
  'prerequisite.assertion': { en: 'the JWT assertion of the JWT bearer grant', 'zh-CN': 'JWT bearer 授权所需的 JWT 断言' },
  'prerequisite.identity-assertion': {
    en: 'the identity assertion (IdP token endpoint and ID token)',
    'zh-CN': '身份断言(IdP 令牌端点和 ID 令牌)',
  },

  // Why there is no code (token.no-authorization-code `reason`; an error response is shown as error=…).
  'authorization-code.no-code-parameter': { en: 'no code parameter in the callback', 'zh-CN': '回调中没有 code 参数' },
  'authorization-code.no-callback': { en: 'no callback', 'zh-CN': '没有收到回调' },

  // Signature verification (token.jwks-unusable, token.signature-unverifiable, token.signature-invalid `reason`).
  'jwks.no-keys-array': { en: 'there is no "keys" array', 'zh-CN': '其中没有 "keys" 数组' },
  'signature.shared-secret': {
    en: 'a shared-secret algorithm, so only holders of the secret can verify it',
    'zh-CN': '这是共享密钥算法,只有持有该密钥的一方才能验证',
  },
  'signature.mismatch': { en: 'the signature does not match', 'zh-CN': '签名不匹配' },

  // The audit (audit.unexpected-status `what`, audit.foreign-audience-untested `reason`, a sentence).
  'audit.tampered-token': { en: 'tampered token', 'zh-CN': '篡改过的令牌' },
  'audit.foreign-audience-token': { en: 'token for another audience', 'zh-CN': '签发给其他受众的令牌' },
  'audit.malformed-token': { en: 'malformed token', 'zh-CN': '格式错误的令牌' },
  'audit.untrusted-issuer-token': { en: 'token from an untrusted issuer', 'zh-CN': '来自不受信任签发者的令牌' },
  'audit.query-token': { en: 'token in the query string', 'zh-CN': '放在查询字符串中的令牌' },
  'audit.leak.stack-trace': { en: 'a stack trace', 'zh-CN': '堆栈跟踪' },
  'audit.leak.sql-error': { en: 'an SQL error', 'zh-CN': 'SQL 错误' },
  'audit.leak.file-path': { en: 'a file path on the server', 'zh-CN': '服务器上的文件路径' },
  'audit.leak.upstream-error': { en: 'an error of a service behind the server', 'zh-CN': '服务器后端服务的错误' },
  // The authorization server's audit: what was tested (audit.as-refused, audit.as-untested `what`) and why not.
  'audit.as.unregistered-redirect': { en: 'authorization request with an unregistered redirect URI', 'zh-CN': '使用未注册重定向 URI 的授权请求' },
  'audit.as.no-pkce': { en: 'authorization request without PKCE', 'zh-CN': '不带 PKCE 的授权请求' },
  'audit.as.plain-pkce': { en: 'authorization request with plain PKCE', 'zh-CN': '使用 plain PKCE 的授权请求' },
  'audit.as.code-reuse': { en: 'authorization code redeemed a second time', 'zh-CN': '第二次兑换的授权码' },
  'audit.as.wrong-verifier': { en: 'authorization code redeemed with a wrong code_verifier', 'zh-CN': '用错误 code_verifier 兑换的授权码' },
  'audit.as.other-client': { en: 'authorization code redeemed by another client', 'zh-CN': '由另一个客户端兑换的授权码' },
  'audit.as.refresh-reuse': { en: 'replaced refresh token used again', 'zh-CN': '已被替换的刷新令牌再次使用' },
  'audit.as.open-registration': { en: 'registration of a plain-http redirect URI on another host', 'zh-CN': '注册其他主机上的明文 http 重定向 URI' },
  'audit.as.untested.needs-person': {
    en: 'the authorization server shows a login or consent page, which needs a person; run against a server that remembers the sign-in (or the lab with --auto-consent) to test it',
    'zh-CN': '授权服务器显示了登录或同意页面,需要人工操作;请针对能记住登录状态的服务器(或使用 --auto-consent 的实验室)运行以进行测试',
  },
  'audit.as.untested.no-code': { en: 'no authorization code came back ({cause})', 'zh-CN': '没有拿到授权码({cause})' },
  'audit.as.untested.first-redemption-refused': { en: 'the first redemption of the code was refused already ({cause})', 'zh-CN': '授权码第一次兑换就被拒绝了({cause})' },
  'audit.as.untested.no-registration': { en: 'there is no second client: the server offers no dynamic registration, or refused it', 'zh-CN': '没有第二个客户端:服务器不提供动态注册,或拒绝了注册' },
  'audit.as.untested.confidential-client': { en: 'the client is confidential; rotation is required of public clients only', 'zh-CN': '客户端是机密客户端;只有公共客户端要求轮换' },
  'audit.as.untested.no-refresh': { en: 'no refresh token was issued, or the refresh step did not run', 'zh-CN': '没有签发刷新令牌,或刷新步骤没有运行' },
  'audit.as.untested.not-rotated': { en: 'the refresh token was not rotated (see the refresh step)', 'zh-CN': '刷新令牌没有轮换(见刷新步骤)' },
  'audit.untested.no-refresh-token': { en: 'no refresh token was issued.', 'zh-CN': '没有签发刷新令牌。' },
  'audit.untested.no-metadata': { en: 'there is no authorization server metadata.', 'zh-CN': '没有授权服务器元数据。' },
  'audit.untested.no-client': { en: 'there is no client to ask with.', 'zh-CN': '没有可用于请求的客户端。' },
  'audit.untested.token-request-failed': {
    en: 'the token request could not be made (see {cause}).',
    'zh-CN': '无法发出令牌请求(见 {cause})。',
  },
  'audit.untested.refused': { en: 'the authorization server refused ({error}).', 'zh-CN': '授权服务器拒绝了请求({error})。' },
  'audit.untested.refused-status': {
    en: 'the authorization server answered HTTP {status} without an access token.',
    'zh-CN': '授权服务器返回 HTTP {status},没有签发访问令牌。',
  },
  'audit.untested.same-audience': {
    en: 'the token it issued does not name another audience, so it proves nothing.',
    'zh-CN': '它签发的令牌没有指向其他受众,因此证明不了什么。',
  },
  // The session probe (audit.session-untested `reason`) and the scope probe (audit.insufficient-scope-untested `reason`).
  'audit.session-without-token': { en: 'request with a session id and no token', 'zh-CN': '带会话 ID 但不带令牌的请求' },
  'audit.session.untested.modern': {
    en: 'the run speaks 2026-07-28, which has no sessions; run with --spec 2025-11-25 (or against a legacy server) to test it.',
    'zh-CN': '本次运行使用没有会话的 2026-07-28;请用 --spec 2025-11-25 运行(或针对旧版服务器)以进行测试。',
  },
  'audit.session.untested.no-session': {
    en: 'the server opened no session (no Mcp-Session-Id in its answer to initialize), so there is no session id to misuse.',
    'zh-CN': '服务器没有打开会话(其对 initialize 的响应中没有 Mcp-Session-Id),因此没有可滥用的会话 ID。',
  },
  'audit.session.untested.not-opened': {
    en: 'opening a session with the valid token was answered {status}.',
    'zh-CN': '用有效令牌打开会话得到了 {status} 响应。',
  },
  'audit.session.untested.no-answer': { en: 'opening a session with the valid token got no answer.', 'zh-CN': '用有效令牌打开会话没有得到响应。' },
  'audit.session.untested.invalid-session-id': {
    en: 'the Mcp-Session-Id the server sent is not visible ASCII of a sane length, so it cannot be sent back.',
    'zh-CN': '服务器发送的 Mcp-Session-Id 不是长度合理的可见 ASCII 字符,无法回传。',
  },
  'audit.scope.untested.no-challenge-scope': {
    en: 'the 401 challenge names no scope, so it is not known what a request needs (scopes_supported lists what the server supports, not what it requires).',
    'zh-CN': '401 质询中没有 scope,无法得知请求需要什么(scopes_supported 列出的是服务器支持的范围,而不是要求的范围)。',
  },
  'audit.scope.untested.not-granted': {
    en: 'the run\'s token does not carry the scope the server asks for ({scope}), so a narrower token proves nothing.',
    'zh-CN': '本次运行的令牌不含服务器要求的权限范围({scope}),更窄的令牌证明不了什么。',
  },
  'audit.scope.untested.no-narrower-scope': {
    en: 'there is no other scope to ask for: the run asked only for what the server needs, and the authorization server advertises no openid.',
    'zh-CN': '没有其他权限范围可申请:本次运行只申请了服务器所需的范围,授权服务器也没有声明 openid。',
  },
  'audit.scope.untested.not-narrowed': {
    en: 'the authorization server issued a token that still carries {scope}.',
    'zh-CN': '授权服务器签发的令牌仍然带有 {scope}。',
  },
  'audit.scope.untested.no-walk': { en: 'the authorization request for the narrower scope ended without a code ({cause}).', 'zh-CN': '申请更窄权限范围的授权请求没有拿到授权码({cause})。' },
  'audit.scope.untested.needs-authorization-code': {
    en: 'a narrower token is asked for with a new authorization request, which needs the authorization code grant.',
    'zh-CN': '更窄的令牌需要通过新的授权请求获取,这需要授权码授权类型。',
  },

  // The endpoints of the CORS check (cors.* `endpoint`).
  'cors.endpoint.protected-resource-metadata': { en: 'the protected resource metadata', 'zh-CN': '受保护资源元数据' },
  'cors.endpoint.authorization-server-metadata': { en: 'the authorization server metadata', 'zh-CN': '授权服务器元数据' },
  'cors.endpoint.registration': { en: 'the registration endpoint', 'zh-CN': '注册端点' },
  'cors.endpoint.token': { en: 'the token endpoint', 'zh-CN': '令牌端点' },
  'cors.endpoint.mcp': { en: 'the MCP endpoint', 'zh-CN': 'MCP 端点' },

  // Where a real MCP SDK client stopped (clients.* `stage`).
  'client-stage.protected-resource-metadata': { en: 'the protected resource metadata', 'zh-CN': '受保护资源元数据' },
  'client-stage.authorization-server-metadata': { en: 'the authorization server metadata', 'zh-CN': '授权服务器元数据' },
  'client-stage.client-registration': { en: 'client registration', 'zh-CN': '客户端注册' },
  'client-stage.authorization': { en: 'authorization', 'zh-CN': '授权' },
  'client-stage.token': { en: 'the token request', 'zh-CN': '令牌请求' },
  'client-stage.connect': { en: 'connecting (initialize)', 'zh-CN': '连接(初始化)' },
  'client-stage.list-tools': { en: 'listing the tools', 'zh-CN': '列出工具' },
} as const satisfies Record<string, PhraseText>;

export type PhraseId = keyof typeof PHRASES;

/** The ids of the phrases that name a JSON document (the `what` of http.not-json). */
export type DocumentPhraseId = Extract<PhraseId, `document.${string}`>;

/** A reference to a phrase, to put in a finding's params. */
export function phrase(id: PhraseId): string {
  return `${PHRASE_PREFIX}${id}`;
}

const TABLE: Readonly<Record<string, PhraseText>> = PHRASES;

/** The text of a phrase id in a language (a lookup for phrase-reference.ts). */
export function phraseText(language: PhraseLanguage): (id: string) => string | undefined {
  return (id) => TABLE[id]?.[language];
}

/**
 * A value in English, for the few sentences built outside the phrase tables: a phrase reference
 * becomes its text (placeholders from `params`), anything else stays as it is.
 */
export function inEnglish(value: string, params: Readonly<Record<string, string>> = {}): string {
  return resolvePhraseValue(value, params, phraseText('en')) ?? value;
}
