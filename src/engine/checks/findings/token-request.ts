import { defineFindings } from '../finding-definition.js';

/**
 * Findings of the token endpoint exchange: client authentication (also used by `refresh` and
 * introspection) and the token response, which `refresh` validates with the same rules.
 */
export const tokenRequestFindings = defineFindings([
  {
    id: 'client-auth.secret-missing',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:2.3.1'],
    text: {
      en: {
        title: 'No client secret for {method}',
        detail: 'The client authenticates with {method}, which sends a client secret, but no secret is known (none was issued at registration and none was given).',
        hint: 'Give the client secret (--client-secret), or choose a method that needs none (token endpoint auth method "none" for a public client).',
      },
      'zh-CN': {
        title: '{method} 缺少客户端密钥',
        detail: '客户端使用 {method} 认证,这种方式需要发送客户端密钥,但目前没有可用的密钥(注册时未下发,也没有手动提供)。',
        hint: '请提供客户端密钥(--client-secret),或改用无需密钥的方式(公共客户端使用 令牌端点认证方式 "none")。',
      },
    },
  },
  {
    id: 'client-auth.key-missing',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:2.2'],
    text: {
      en: {
        title: 'No private key for private_key_jwt',
        detail: 'The client authenticates with private_key_jwt, which signs a client assertion, but no private key (JWK) was given.',
        hint: 'Provide the client\'s private JWK, whose public half the authorization server knows (registered jwks or jwks_uri).',
      },
      'zh-CN': {
        title: 'private_key_jwt 缺少私钥',
        detail: '客户端使用 private_key_jwt 认证,需要用私钥签名客户端断言,但没有提供私钥(JWK)。',
        hint: '请提供客户端的私钥 JWK,且授权服务器已登记其对应公钥(注册时的 jwks 或 jwks_uri)。',
      },
    },
  },
  {
    id: 'client-auth.key-invalid',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:2.2'],
    text: {
      en: {
        title: 'The private key cannot sign a client assertion',
        detail: 'The private JWK given for private_key_jwt cannot be used: {reason}.',
        hint: 'Give an asymmetric private JWK (with "d") and its algorithm, either as the JWK\'s "alg" or as the signing algorithm option (e.g. ES256, RS256).',
      },
      'zh-CN': {
        title: '私钥无法签名客户端断言',
        detail: '为 private_key_jwt 提供的私钥 JWK 无法使用:{reason}。',
        hint: '请提供非对称私钥 JWK(含 "d" 成员)及其算法,可写在 JWK 的 "alg" 中,也可通过签名算法选项指定(如 ES256、RS256)。',
      },
    },
  },
  {
    id: 'client-auth.method-not-advertised',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The authorization server does not list {method}',
        detail: 'The client authenticates with {method}, but token_endpoint_auth_methods_supported lists only: {supported}.',
        hint: 'Use one of the advertised methods, or add {method} to token_endpoint_auth_methods_supported if the server accepts it.',
      },
      'zh-CN': {
        title: '授权服务器未声明支持 {method}',
        detail: '客户端使用 {method} 认证,但 token_endpoint_auth_methods_supported 只列出了:{supported}。',
        hint: '请改用已声明的认证方式;如果服务器实际支持 {method},请把它加入 token_endpoint_auth_methods_supported。',
      },
    },
  },
  {
    id: 'client-auth.signing-alg-not-advertised',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8414:2', 'rfc7523:3'],
    text: {
      en: {
        title: 'The authorization server does not list {alg} for client assertions',
        detail: 'The client assertion is signed with {alg}, but token_endpoint_auth_signing_alg_values_supported lists only: {supported}.',
        hint: 'Sign with an advertised algorithm, or add {alg} to token_endpoint_auth_signing_alg_values_supported.',
      },
      'zh-CN': {
        title: '授权服务器未声明支持用 {alg} 签名客户端断言',
        detail: '客户端断言使用 {alg} 签名,但 token_endpoint_auth_signing_alg_values_supported 只列出了:{supported}。',
        hint: '请使用已声明的签名算法,或把 {alg} 加入 token_endpoint_auth_signing_alg_values_supported。',
      },
    },
  },
  {
    id: 'token.missing-prerequisite',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'Cannot request a token: {what} is missing',
        detail: 'The token request needs {what} from an earlier step, which did not produce it.',
        hint: 'Look at the findings of the earlier steps; the first error there is the cause.',
      },
      'zh-CN': {
        title: '无法请求令牌:缺少{what}',
        detail: '令牌请求需要前面步骤提供的{what},但前面的步骤没有得到它。',
        hint: '请查看前面步骤的发现,其中第一个错误就是原因。',
      },
    },
  },
  {
    id: 'token.no-authorization-code',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:4.1.3'],
    text: {
      en: {
        title: 'No authorization code to exchange',
        detail: 'The authorization response carried no code ({reason}), so there is nothing to send to the token endpoint.',
        hint: 'Look at the authorization response step: the authorization server answered with an error or the callback was not accepted.',
      },
      'zh-CN': {
        title: '没有可兑换的授权码',
        detail: '授权响应中没有授权码({reason}),因此无法向令牌端点发送请求。',
        hint: '请查看授权响应步骤:授权服务器返回了错误,或者回调未被接受。',
      },
    },
  },
  {
    id: 'token.no-token-endpoint',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The authorization server has no token endpoint',
        detail: 'The authorization server metadata has no token_endpoint, so no token can be requested.',
        hint: 'Publish token_endpoint in the authorization server metadata (RFC 8414 §2: required unless only the implicit grant is supported).',
      },
      'zh-CN': {
        title: '授权服务器没有令牌端点',
        detail: '授权服务器元数据中没有 token_endpoint,无法请求令牌。',
        hint: '请在授权服务器元数据中发布 token_endpoint(RFC 8414 §2:除非只支持隐式授权,否则为必填)。',
      },
    },
  },
  {
    id: 'token.endpoint-invalid',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The endpoint "{url}" is not a URL',
        detail: 'The authorization server metadata names the endpoint "{url}", which is not an absolute URL, so nothing can be sent to it.',
        hint: 'Endpoints in the metadata are absolute https URLs.',
      },
      'zh-CN': {
        title: '端点 "{url}" 不是 URL',
        detail: '授权服务器元数据中的端点 "{url}" 不是绝对 URL,无法向其发送请求。',
        hint: '元数据中的端点应为绝对的 https URL。',
      },
    },
  },
  {
    id: 'token.endpoint-insecure',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['mcp:communication-security'],
    text: {
      en: {
        title: 'The endpoint {url} is not HTTPS',
        detail: 'Credentials would travel in clear text to {url}. All authorization server endpoints MUST be served over HTTPS; the debugger does not send secrets there.',
        hint: 'Serve the authorization server over HTTPS (plain http is accepted only on localhost for development).',
      },
      'zh-CN': {
        title: '端点 {url} 不是 HTTPS',
        detail: '凭据将以明文发送到 {url}。所有授权服务器端点都必须(MUST)通过 HTTPS 提供;调试器不会向该地址发送机密。',
        hint: '请通过 HTTPS 提供授权服务器(仅在本机开发时允许使用 http)。',
      },
    },
  },
  {
    id: 'token.error-response',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:5.2'],
    text: {
      en: {
        title: 'The token endpoint refused: {error}',
        detail: 'The token endpoint answered HTTP {status} with error "{error}": {description}.',
        hint: 'invalid_grant: the code or refresh token is wrong, expired, already used, or the redirect_uri, code_verifier or resource does not match. invalid_client: the client authentication failed. invalid_target: the resource is not known to the authorization server.',
      },
      'zh-CN': {
        title: '令牌端点拒绝了请求:{error}',
        detail: '令牌端点返回 HTTP {status},错误为 "{error}":{description}。',
        hint: 'invalid_grant:授权码或刷新令牌错误、过期、已被使用,或 redirect_uri、code_verifier、resource 不匹配。invalid_client:客户端认证失败。invalid_target:授权服务器不认识该 resource。',
      },
    },
  },
  {
    id: 'token.http-error',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:5.1', 'rfc6749:5.2'],
    text: {
      en: {
        title: 'The token endpoint answered HTTP {status}',
        detail: '{url} answered HTTP {status} without an OAuth error body (a JSON object with "error"), so the client cannot tell what went wrong.',
        hint: 'A successful token response is HTTP 200; an error is HTTP 400 (401 for invalid_client) with a JSON body {"error": ..., "error_description": ...}.',
      },
      'zh-CN': {
        title: '令牌端点返回 HTTP {status}',
        detail: '{url} 返回 HTTP {status},但没有 OAuth 错误响应体(含 "error" 的 JSON 对象),客户端无法得知出了什么问题。',
        hint: '成功的令牌响应是 HTTP 200;错误应为 HTTP 400(invalid_client 为 401),并带有 JSON 响应体 {"error": ..., "error_description": ...}。',
      },
    },
  },
  {
    id: 'token.missing-access-token',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:5.1'],
    text: {
      en: {
        title: 'The token response has no access_token',
        detail: 'The token endpoint answered HTTP 200, but the JSON body has no access_token string.',
        hint: 'A successful token response MUST contain access_token and token_type (RFC 6749 §5.1).',
      },
      'zh-CN': {
        title: '令牌响应中没有 access_token',
        detail: '令牌端点返回了 HTTP 200,但 JSON 响应体中没有 access_token 字符串。',
        hint: '成功的令牌响应必须(MUST)包含 access_token 和 token_type(RFC 6749 §5.1)。',
      },
    },
  },
  {
    id: 'token.missing-token-type',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc6749:5.1'],
    text: {
      en: {
        title: 'The token response has no token_type',
        detail: 'The token response does not say what kind of token it issued (token_type is missing).',
        hint: 'Add "token_type": "Bearer" to the token response.',
      },
      'zh-CN': {
        title: '令牌响应中没有 token_type',
        detail: '令牌响应没有说明签发的令牌类型(缺少 token_type)。',
        hint: '请在令牌响应中加入 "token_type": "Bearer"。',
      },
    },
  },
  {
    id: 'token.not-bearer',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['mcp:token-requirements', 'rfc6750:2.1'],
    text: {
      en: {
        title: 'The token type is "{tokenType}", not Bearer',
        detail: 'MCP clients send access tokens as "Authorization: Bearer <token>", but the authorization server issued a token of type "{tokenType}".',
        hint: 'Issue Bearer tokens for MCP clients (the comparison is case-insensitive, so "bearer" is fine).',
      },
      'zh-CN': {
        title: '令牌类型是 "{tokenType}",不是 Bearer',
        detail: 'MCP 客户端以 "Authorization: Bearer <token>" 的形式发送访问令牌,但授权服务器签发的令牌类型是 "{tokenType}"。',
        hint: '请为 MCP 客户端签发 Bearer 令牌(比较时不区分大小写,"bearer" 也可以)。',
      },
    },
  },
  {
    id: 'token.missing-expires-in',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['rfc6749:5.1'],
    text: {
      en: {
        title: 'The token response does not say when the token expires',
        detail: 'expires_in is missing, so a client cannot know when to refresh the token before it is rejected.',
        hint: 'Add expires_in (seconds) to the token response; RFC 6749 recommends it.',
      },
      'zh-CN': {
        title: '令牌响应没有说明令牌何时过期',
        detail: '缺少 expires_in,客户端无法得知应在何时刷新令牌,只能等到令牌被拒绝。',
        hint: '请在令牌响应中加入 expires_in(秒);RFC 6749 推荐这样做。',
      },
    },
  },
  {
    id: 'token.invalid-expires-in',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc6749:5.1'],
    text: {
      en: {
        title: 'expires_in is not a positive number',
        detail: 'expires_in is {value}; it must be a JSON number of seconds greater than zero.',
        hint: 'Send expires_in as a number, e.g. "expires_in": 3600, not a string.',
      },
      'zh-CN': {
        title: 'expires_in 不是正数',
        detail: 'expires_in 的值为 {value};它必须是大于零的 JSON 数字(秒)。',
        hint: '请以数字形式发送 expires_in,例如 "expires_in": 3600,而不是字符串。',
      },
    },
  },
  {
    id: 'token.cache-control-missing',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc6749:5.1'],
    text: {
      en: {
        title: 'The token response may be cached',
        detail: 'The response carrying tokens has Cache-Control "{value}"; RFC 6749 §5.1 requires "Cache-Control: no-store" so no cache keeps the tokens.',
        hint: 'Send "Cache-Control: no-store" on every token endpoint response.',
      },
      'zh-CN': {
        title: '令牌响应可能被缓存',
        detail: '携带令牌的响应的 Cache-Control 为 "{value}";RFC 6749 §5.1 要求 "Cache-Control: no-store",以免任何缓存保存令牌。',
        hint: '请在令牌端点的每个响应中发送 "Cache-Control: no-store"。',
      },
    },
  },
  {
    id: 'token.refresh-token-issued',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['mcp:refresh-tokens'],
    text: {
      en: {
        title: 'A refresh token was issued',
        detail: 'The token response contains a refresh token, so the client can get new access tokens without the user.',
        hint: 'Clients must keep refresh tokens confidential in transit and storage.',
      },
      'zh-CN': {
        title: '已签发刷新令牌',
        detail: '令牌响应中包含刷新令牌,客户端无需用户参与即可获取新的访问令牌。',
        hint: '客户端必须在传输和存储中对刷新令牌保密。',
      },
    },
  },
  {
    id: 'token.no-refresh-token',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['mcp:refresh-tokens'],
    text: {
      en: {
        title: 'No refresh token was issued',
        detail: 'The token response has no refresh token; when the access token expires the user has to authorize again.',
        hint: 'Clients must not assume a refresh token. If you want one: register the client with the refresh_token grant type, or ask for offline_access where the server lists it.',
      },
      'zh-CN': {
        title: '未签发刷新令牌',
        detail: '令牌响应中没有刷新令牌;访问令牌过期后,用户需要重新授权。',
        hint: '客户端不得假定一定会获得刷新令牌。如需刷新令牌:注册客户端时声明 refresh_token 授权类型,或在服务器支持时请求 offline_access。',
      },
    },
  },
  {
    id: 'token.refresh-token-for-client-credentials',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc6749:4.4.3'],
    text: {
      en: {
        title: 'A refresh token was issued for the client_credentials grant',
        detail: 'RFC 6749 §4.4.3: a refresh token SHOULD NOT be included in a client credentials token response; the client can simply ask again.',
        hint: 'Do not issue refresh tokens for client_credentials.',
      },
      'zh-CN': {
        title: 'client_credentials 授权签发了刷新令牌',
        detail: 'RFC 6749 §4.4.3:客户端凭据模式的令牌响应不应(SHOULD NOT)包含刷新令牌,客户端直接重新请求即可。',
        hint: '请不要为 client_credentials 签发刷新令牌。',
      },
    },
  },
  {
    id: 'token.scope-narrowed',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc6749:5.1', 'mcp:scope-selection'],
    text: {
      en: {
        title: 'Fewer scopes were granted than requested',
        detail: 'Requested "{requested}", granted "{granted}" (missing: {missing}). Calls that need the missing scopes will be refused with 403 insufficient_scope.',
        hint: 'Check that the client is allowed these scopes (client scopes, consent) on the authorization server.',
      },
      'zh-CN': {
        title: '授予的 scope 少于请求的 scope',
        detail: '请求了 "{requested}",授予了 "{granted}"(缺少:{missing})。需要缺失 scope 的调用将被以 403 insufficient_scope 拒绝。',
        hint: '请在授权服务器上检查该客户端是否被允许使用这些 scope(客户端 scope 配置、用户同意)。',
      },
    },
  },
  {
    id: 'token.strict-check-failed',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc6749:5.1', 'oauth21:draft'],
    text: {
      en: {
        title: 'A strict OAuth client rejects this token response',
        detail: 'oauth4webapi, a spec-strict OAuth client, refuses the response: {message}.',
        hint: 'Strict clients stop here even where lenient ones go on; fix the response so every client accepts it.',
      },
      'zh-CN': {
        title: '严格的 OAuth 客户端会拒绝此令牌响应',
        detail: '严格遵循规范的 OAuth 客户端库 oauth4webapi 拒绝了该响应:{message}。',
        hint: '宽松的客户端可能继续,但严格的客户端会在此停止;请修正响应,使所有客户端都能接受。',
      },
    },
  },
]);
