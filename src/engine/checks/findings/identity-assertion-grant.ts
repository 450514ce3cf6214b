import { defineFindings } from '../finding-definition.js';

/**
 * Findings of the `cross-app-access` grant (MCP Enterprise-Managed Authorization): the RFC 8693
 * token exchange at the enterprise IdP that turns an ID token into an Identity Assertion JWT
 * Authorization Grant (ID-JAG), and the ID-JAG itself as the client sees it before presenting
 * it to the authorization server (RFC 7523 §2.1). The answer of the authorization server is
 * judged by the token-request findings.
 */
export const identityAssertionGrantFindings = defineFindings([
  {
    id: 'id-jag.id-token-unreadable',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8693:3', 'rfc7519:7.2'],
    text: {
      en: {
        title: 'The ID token is not a readable JWT',
        detail: 'The ID token given as the subject of the token exchange cannot be decoded ({reason}). It is sent as it is, but an IdP expects an OpenID Connect ID token (a signed JWT) for subject_token_type urn:ietf:params:oauth:token-type:id_token.',
        hint: 'Pass the id_token from the IdP\'s token response of the single sign-on, not its access token or a code.',
      },
      'zh-CN': {
        title: 'ID 令牌不是可解析的 JWT',
        detail: '作为令牌交换主体的 ID 令牌无法解码({reason})。它仍会按原样发送,但对于 subject_token_type urn:ietf:params:oauth:token-type:id_token,IdP 期望的是 OpenID Connect ID 令牌(已签名的 JWT)。',
        hint: '请传入单点登录时 IdP 令牌响应中的 id_token,而不是访问令牌或授权码。',
      },
    },
  },
  {
    id: 'id-jag.id-token-expired',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc7519:4.1.4'],
    text: {
      en: {
        title: 'The ID token has expired',
        detail: 'The ID token\'s exp is {exp}, which is in the past, so the IdP will most likely refuse the token exchange with invalid_grant.',
        hint: 'Sign in at the IdP again to get a fresh ID token.',
      },
      'zh-CN': {
        title: 'ID 令牌已过期',
        detail: 'ID 令牌的 exp 为 {exp},已经过去,IdP 很可能会以 invalid_grant 拒绝此次令牌交换。',
        hint: '请重新在 IdP 登录以获取新的 ID 令牌。',
      },
    },
  },
  {
    id: 'id-jag.idp-client-id-unknown',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:2.1', 'rfc6749:2.3.1'],
    text: {
      en: {
        title: 'No client_id for the IdP',
        detail: 'The token exchange has to identify the client at the IdP, but no IdP client_id was given and the ID token names none (no azp, and no single aud).',
        hint: 'Give the client_id the client uses for single sign-on at the IdP (--idp-client-id).',
      },
      'zh-CN': {
        title: '缺少 IdP 的 client_id',
        detail: '令牌交换需要在 IdP 处标识客户端,但没有提供 IdP 的 client_id,ID 令牌中也没有(既无 azp,也没有唯一的 aud)。',
        hint: '请提供客户端在 IdP 进行单点登录时使用的 client_id(--idp-client-id)。',
      },
    },
  },
  {
    id: 'id-jag.exchange-refused',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:2.2.2', 'rfc6749:5.2'],
    text: {
      en: {
        title: 'The IdP refused the token exchange: {error}',
        detail: 'The IdP\'s token endpoint answered HTTP {status} with error "{error}": {description}. Without an ID-JAG there is nothing to present to the authorization server.',
        hint: 'invalid_grant: the ID token is expired, or was issued to another client or by another issuer. invalid_client / unauthorized_client: the client authentication at the IdP failed or the client may not use token exchange. invalid_target: the IdP\'s policy does not allow this audience (the authorization server\'s issuer) and resource pair for the user.',
      },
      'zh-CN': {
        title: 'IdP 拒绝了令牌交换:{error}',
        detail: 'IdP 的令牌端点返回 HTTP {status},错误为 "{error}":{description}。没有 ID-JAG,就没有可以提交给授权服务器的东西。',
        hint: 'invalid_grant:ID 令牌已过期,或签发给了其他客户端、来自其他签发者。invalid_client / unauthorized_client:在 IdP 的客户端认证失败,或该客户端不允许使用令牌交换。invalid_target:IdP 的策略不允许该用户使用这一对 audience(授权服务器的 issuer)与 resource。',
      },
    },
  },
  {
    id: 'id-jag.exchange-http-error',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:2.2.2', 'rfc6749:5.2'],
    text: {
      en: {
        title: 'The IdP answered the token exchange with HTTP {status}',
        detail: '{url} answered HTTP {status} without an OAuth error body (a JSON object with "error"), so the client cannot tell why no ID-JAG was issued.',
        hint: 'Check that the URL is the IdP\'s token endpoint and that the IdP supports token exchange (urn:ietf:params:oauth:grant-type:token-exchange).',
      },
      'zh-CN': {
        title: 'IdP 对令牌交换返回了 HTTP {status}',
        detail: '{url} 返回 HTTP {status},但没有 OAuth 错误响应体(含 "error" 的 JSON 对象),客户端无法得知为何没有签发 ID-JAG。',
        hint: '请确认该 URL 是 IdP 的令牌端点,并且 IdP 支持令牌交换(urn:ietf:params:oauth:grant-type:token-exchange)。',
      },
    },
  },
  {
    id: 'id-jag.missing',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:2.2.1'],
    text: {
      en: {
        title: 'The token exchange response holds no ID-JAG',
        detail: 'The IdP answered HTTP 200, but the JSON body has no access_token string; RFC 8693 returns the issued token, here the ID-JAG, in access_token.',
        hint: 'Return the ID-JAG in "access_token", with "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag" and "token_type": "N_A".',
      },
      'zh-CN': {
        title: '令牌交换响应中没有 ID-JAG',
        detail: 'IdP 返回了 HTTP 200,但 JSON 响应体中没有 access_token 字符串;RFC 8693 通过 access_token 返回签发的令牌,这里即 ID-JAG。',
        hint: '请在 "access_token" 中返回 ID-JAG,并带上 "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag" 和 "token_type": "N_A"。',
      },
    },
  },
  {
    id: 'id-jag.issued-token-type-missing',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8693:2.2.1'],
    text: {
      en: {
        title: 'The token exchange response does not say what it issued',
        detail: 'issued_token_type is REQUIRED in a token exchange response and is missing, so the client cannot be sure the token is an ID-JAG and not, say, an access token for the IdP.',
        hint: 'Add "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag" to the response.',
      },
      'zh-CN': {
        title: '令牌交换响应没有说明签发了什么',
        detail: 'issued_token_type 在令牌交换响应中是必需的(REQUIRED),但缺失了,客户端无法确定该令牌是 ID-JAG,而不是例如 IdP 的访问令牌。',
        hint: '请在响应中加入 "issued_token_type": "urn:ietf:params:oauth:token-type:id-jag"。',
      },
    },
  },
  {
    id: 'id-jag.not-id-jag',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:2.2.1', 'rfc8693:3'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The IdP issued {issuedTokenType}, not an ID-JAG',
        detail: 'The client asked for requested_token_type urn:ietf:params:oauth:token-type:id-jag, but issued_token_type is {issuedTokenType}. Presenting a token of another type to the authorization server would hand an IdP credential to a third party, so the client stops here.',
        hint: 'Make the IdP issue an ID-JAG for this client, audience and resource (its support for the Identity Assertion JWT Authorization Grant may need to be enabled).',
      },
      'zh-CN': {
        title: 'IdP 签发的是 {issuedTokenType},而不是 ID-JAG',
        detail: '客户端请求的 requested_token_type 是 urn:ietf:params:oauth:token-type:id-jag,但 issued_token_type 为 {issuedTokenType}。把其他类型的令牌提交给授权服务器,等于把 IdP 的凭据交给第三方,因此客户端在此停止。',
        hint: '请让 IdP 为该客户端、audience 和 resource 签发 ID-JAG(可能需要先启用其对身份断言 JWT 授权许可(ID-JAG)的支持)。',
      },
    },
  },
  {
    id: 'id-jag.token-type-not-n-a',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8693:2.2.1'],
    text: {
      en: {
        title: 'The ID-JAG\'s token_type is {tokenType}, not N_A',
        detail: 'An ID-JAG is not an access token, so RFC 8693 §2.2.1 has the IdP answer token_type "N_A"; the response says {tokenType}.',
        hint: 'Answer "token_type": "N_A" for issued tokens that cannot be used as access tokens.',
      },
      'zh-CN': {
        title: 'ID-JAG 的 token_type 是 {tokenType},而不是 N_A',
        detail: 'ID-JAG 不是访问令牌,因此按照 RFC 8693 §2.2.1,IdP 应返回 token_type "N_A";而响应中为 {tokenType}。',
        hint: '对于不能用作访问令牌的签发令牌,请返回 "token_type": "N_A"。',
      },
    },
  },
  {
    id: 'id-jag.idp-accepts-public-client',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc8693:2.1', 'rfc8693:5'],
    text: {
      en: {
        title: 'The IdP issued an ID-JAG without client authentication',
        detail: 'The token exchange identified the client only by client_id {clientId}, with no secret or assertion, and the IdP still issued an ID-JAG. The Enterprise-Managed Authorization extension requires the IdP to enforce client authentication here: otherwise anyone holding a stolen ID token can obtain ID-JAGs for every MCP server.',
        hint: 'Require client authentication for token exchange at the IdP (and give the client its IdP secret: --idp-client-secret).',
      },
      'zh-CN': {
        title: 'IdP 在没有客户端认证的情况下签发了 ID-JAG',
        detail: '令牌交换只通过 client_id {clientId} 标识客户端,既无密钥也无断言,IdP 仍然签发了 ID-JAG。Enterprise-Managed Authorization 扩展要求 IdP 在此强制进行客户端认证:否则任何持有被盗 ID 令牌的人都能为每个 MCP 服务器获取 ID-JAG。',
        hint: '请在 IdP 上为令牌交换强制客户端认证(并为客户端提供其 IdP 密钥:--idp-client-secret)。',
      },
    },
  },
  {
    id: 'id-jag.not-jwt',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:2.1', 'rfc7523:3'],
    text: {
      en: {
        title: 'The ID-JAG is not a JWT',
        detail: 'The token the IdP issued cannot be decoded as a JWT ({reason}); the authorization server accepts only a JWT as a jwt-bearer assertion, so it will refuse it.',
        hint: 'The ID-JAG must be a signed JWT (JWS compact serialization).',
      },
      'zh-CN': {
        title: 'ID-JAG 不是 JWT',
        detail: 'IdP 签发的令牌无法解码为 JWT({reason});授权服务器只接受 JWT 作为 jwt-bearer 断言,因此会拒绝它。',
        hint: 'ID-JAG 必须是已签名的 JWT(JWS 紧凑序列化格式)。',
      },
    },
  },
  {
    id: 'id-jag.wrong-typ',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:3', 'rfc7519:5.1'],
    text: {
      en: {
        title: 'The ID-JAG\'s typ header is {typ}',
        detail: 'The Identity Assertion JWT Authorization Grant profile marks an ID-JAG with the JOSE header typ "oauth-id-jag+jwt", so that no other JWT (such as an ID token) can pass for one; this one has {typ}. Authorization servers reject it.',
        hint: 'Sign ID-JAGs with the header {"typ": "oauth-id-jag+jwt"}.',
      },
      'zh-CN': {
        title: 'ID-JAG 的 typ 头为 {typ}',
        detail: '身份断言 JWT 授权许可(ID-JAG)规范要求 ID-JAG 的 JOSE 头 typ 为 "oauth-id-jag+jwt",以免其他 JWT(例如 ID 令牌)被冒充为 ID-JAG;而这个令牌是 {typ}。授权服务器会拒绝它。',
        hint: '签发 ID-JAG 时请使用头部 {"typ": "oauth-id-jag+jwt"}。',
      },
    },
  },
  {
    id: 'id-jag.audience-mismatch',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:3', 'rfc8693:2.1'],
    text: {
      en: {
        title: 'The ID-JAG is not addressed to this authorization server',
        detail: 'The ID-JAG\'s aud is {aud}, but the client asked for audience {issuer}, the authorization server\'s issuer. The authorization server MUST reject a JWT whose aud does not identify it.',
        hint: 'The IdP must copy the requested audience (the issuer of the MCP server\'s authorization server) into aud.',
      },
      'zh-CN': {
        title: 'ID-JAG 的受众不是此授权服务器',
        detail: 'ID-JAG 的 aud 为 {aud},而客户端请求的 audience 是授权服务器的 issuer {issuer}。对于 aud 不能标识自身的 JWT,授权服务器必须(MUST)拒绝。',
        hint: 'IdP 必须把请求中的 audience(MCP 服务器所用授权服务器的 issuer)写入 aud。',
      },
    },
  },
  {
    id: 'id-jag.resource-mismatch',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8707:2', 'rfc9728:3.3'],
    text: {
      en: {
        title: 'The ID-JAG is for another resource',
        detail: 'The ID-JAG\'s resource claim is {claim}, but the client asked for {resource}, the MCP server\'s resource identifier. The aud and resource claims are a bound pair; the authorization server rejects an ID-JAG for another resource with invalid_grant.',
        hint: 'The IdP must put the requested resource, unchanged, in the resource claim.',
      },
      'zh-CN': {
        title: 'ID-JAG 针对的是另一个资源',
        detail: 'ID-JAG 的 resource 声明为 {claim},而客户端请求的是 MCP 服务器的资源标识符 {resource}。aud 与 resource 声明是绑定的一对;对于针对其他资源的 ID-JAG,授权服务器会以 invalid_grant 拒绝。',
        hint: 'IdP 必须把请求中的 resource 原样写入 resource 声明。',
      },
    },
  },
  {
    id: 'id-jag.client-id-mismatch',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc8693:4.3'],
    text: {
      en: {
        title: 'The ID-JAG names client {claim}, not {clientId}',
        detail: 'The ID-JAG\'s client_id claim is {claim}, but the client authenticates at the authorization server as {clientId}. The authorization server checks that the ID-JAG was issued to the client presenting it, so it will refuse the grant.',
        hint: 'The IdP must know the client_id this client has at the MCP server\'s authorization server and put it in the client_id claim.',
      },
      'zh-CN': {
        title: 'ID-JAG 中的客户端是 {claim},而不是 {clientId}',
        detail: 'ID-JAG 的 client_id 声明为 {claim},但客户端在授权服务器上以 {clientId} 的身份认证。授权服务器会检查 ID-JAG 是否签发给了提交它的客户端,因此会拒绝该授权。',
        hint: 'IdP 必须知道该客户端在 MCP 服务器所用授权服务器上的 client_id,并将其写入 client_id 声明。',
      },
    },
  },
  {
    id: 'id-jag.issuer-mismatch',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc7523:3'],
    text: {
      en: {
        title: 'The ID-JAG was issued by {iss}',
        detail: 'The ID-JAG\'s iss is {iss}, but the IdP is {expected}. The authorization server verifies the ID-JAG against the keys of the issuer it trusts for single sign-on, so an unexpected iss is usually refused.',
        hint: 'Check the IdP\'s issuer identifier (--idp-issuer) and the issuer the IdP writes into ID-JAGs.',
      },
      'zh-CN': {
        title: 'ID-JAG 由 {iss} 签发',
        detail: 'ID-JAG 的 iss 为 {iss},但 IdP 是 {expected}。授权服务器会用其单点登录所信任签发者的密钥验证 ID-JAG,因此意外的 iss 通常会被拒绝。',
        hint: '请检查 IdP 的 issuer 标识符(--idp-issuer)以及 IdP 写入 ID-JAG 的签发者。',
      },
    },
  },
  {
    id: 'id-jag.exp-missing',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:3'],
    text: {
      en: {
        title: 'The ID-JAG has no expiry',
        detail: 'RFC 7523 §3: the JWT "MUST contain an exp (expiration time) claim", and an ID-JAG must be short-lived since it is a bearer credential. This one has no numeric exp.',
        hint: 'Issue ID-JAGs with a short exp (minutes).',
      },
      'zh-CN': {
        title: 'ID-JAG 没有过期时间',
        detail: 'RFC 7523 §3:JWT "必须(MUST)包含 exp(过期时间)声明";ID-JAG 是持有者凭据,必须是短期有效的。而这个令牌没有数值型的 exp。',
        hint: '签发 ID-JAG 时请设置较短的 exp(几分钟)。',
      },
    },
  },
  {
    id: 'id-jag.expired',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc7523:3'],
    text: {
      en: {
        title: 'The ID-JAG has already expired',
        detail: 'The ID-JAG\'s exp is {exp}, before the time it was received; the authorization server MUST reject an expired JWT.',
        hint: 'Check the IdP\'s clock and the lifetime it gives ID-JAGs.',
      },
      'zh-CN': {
        title: 'ID-JAG 已经过期',
        detail: 'ID-JAG 的 exp 为 {exp},早于收到它的时间;对于已过期的 JWT,授权服务器必须(MUST)拒绝。',
        hint: '请检查 IdP 的时钟以及它为 ID-JAG 设置的有效期。',
      },
    },
  },
  {
    id: 'id-jag.received',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['rfc8693:2.2.1', 'rfc7523:2.1'],
    text: {
      en: {
        title: 'The IdP issued an ID-JAG for {resource}',
        detail: 'ID-JAG from {iss} for subject {sub}: aud {aud}, resource {resource}, client_id {clientId}, expires {exp}. The client presents it to the authorization server as a jwt-bearer grant.',
      },
      'zh-CN': {
        title: 'IdP 为 {resource} 签发了 ID-JAG',
        detail: '来自 {iss}、主体为 {sub} 的 ID-JAG:aud {aud},resource {resource},client_id {clientId},过期时间 {exp}。客户端将其作为 jwt-bearer 授权提交给授权服务器。',
      },
    },
  },
  {
    id: 'id-jag.profile-not-advertised',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'The authorization server does not advertise the ID-JAG profile',
        detail: 'authorization_grant_profiles_supported is {profiles}; the Enterprise-Managed Authorization extension lets clients discover support through urn:ietf:params:oauth:grant-profile:id-jag there. The grant is tried anyway.',
        hint: 'List "urn:ietf:params:oauth:grant-profile:id-jag" in authorization_grant_profiles_supported (and the jwt-bearer grant in grant_types_supported) if the server accepts ID-JAGs.',
      },
      'zh-CN': {
        title: '授权服务器未声明支持 ID-JAG 规范',
        detail: 'authorization_grant_profiles_supported 为 {profiles};按照 Enterprise-Managed Authorization 扩展,客户端可通过其中的 urn:ietf:params:oauth:grant-profile:id-jag 发现支持情况。仍会尝试该授权。',
        hint: '如果服务器接受 ID-JAG,请在 authorization_grant_profiles_supported 中列出 "urn:ietf:params:oauth:grant-profile:id-jag"(并在 grant_types_supported 中列出 jwt-bearer 授权类型)。',
      },
    },
  },
]);
