/**
 * The words of the known-server hints, in every language the findings speak: product names,
 * the sentence for each kind of clue, and each hint's title and numbered fix steps. `{name}`
 * placeholders are filled from the run (the MCP server's URL, the realm, the redirect URI).
 * The types require both languages, so no hint can ship in one only.
 */
import type { ClueKind, ProductId } from './recognise.js';

export interface Bilingual<T> {
  en: T;
  'zh-CN': T;
}

export type HintLanguage = keyof Bilingual<unknown>;

export interface HintText {
  title: string;
  steps: readonly string[];
}

export const PRODUCT_NAMES: Record<ProductId, Bilingual<string>> = {
  keycloak: { en: 'Keycloak', 'zh-CN': 'Keycloak' },
  auth0: { en: 'Auth0', 'zh-CN': 'Auth0' },
  entra: { en: 'Microsoft Entra ID', 'zh-CN': 'Microsoft Entra ID' },
  okta: { en: 'Okta', 'zh-CN': 'Okta' },
  cognito: { en: 'Amazon Cognito', 'zh-CN': 'Amazon Cognito' },
  google: { en: 'Google', 'zh-CN': 'Google' },
  github: { en: 'GitHub', 'zh-CN': 'GitHub' },
  'mcp-sdk': { en: 'the MCP TypeScript SDK', 'zh-CN': 'MCP TypeScript SDK' },
  fastmcp: { en: "FastMCP's OAuth proxy", 'zh-CN': 'FastMCP 的 OAuth 代理' },
  'better-auth': { en: 'Better Auth', 'zh-CN': 'Better Auth' },
  cloudflare: { en: "Cloudflare's Workers OAuth provider", 'zh-CN': 'Cloudflare Workers OAuth provider' },
};

/** How a recognition is announced: the product itself, or only its shape. */
export const RECOGNITION_HEADINGS: Bilingual<{ confirmed: string; shape: string }> = {
  en: { confirmed: 'Hints for {product}', shape: 'Hints for a server shaped like {product}' },
  'zh-CN': { confirmed: '{product} 的提示', shape: '形似 {product} 的服务器的提示' },
};

export const SHAPE_NOTES: Bilingual<string> = {
  en: 'Only the shape matches, not anything {product} alone sends: these steps apply if it is {product}.',
  'zh-CN': '仅结构相符,没有只有 {product} 才会发出的特征:如果它确实是 {product},以下步骤适用。',
};

export const CLUE_TEXTS: Record<ClueKind, Bilingual<string>> = {
  'realm-path': { en: 'the issuer has a realm path: {value}', 'zh-CN': '签发者带有 realm 路径:{value}' },
  'keycloak-endpoints': { en: "endpoints on Keycloak's paths: {value}", 'zh-CN': '端点位于 Keycloak 的路径上:{value}' },
  'keycloak-metadata-field': { en: 'a metadata field only Keycloak writes: {value}', 'zh-CN': '只有 Keycloak 才写的元数据字段:{value}' },
  'keycloak-policy-answer': { en: 'a Keycloak client registration policy refused: {value}', 'zh-CN': 'Keycloak 的客户端注册策略拒绝了请求:{value}' },
  'vendor-host': { en: 'served from the vendor’s host: {value}', 'zh-CN': '由该厂商的主机提供:{value}' },
  'vendor-metadata-field': { en: 'a metadata field of that vendor: {value}', 'zh-CN': '该厂商特有的元数据字段:{value}' },
  'vendor-error-code': { en: 'an error code of that vendor: {value}', 'zh-CN': '该厂商的错误码:{value}' },
  'okta-authorization-server-path': { en: 'an Okta custom authorization server path: {value}', 'zh-CN': 'Okta 自定义授权服务器路径:{value}' },
  'sdk-metadata-shape': { en: 'metadata as the SDK’s mcpAuthRouter writes it ({value})', 'zh-CN': '元数据与 SDK 的 mcpAuthRouter 生成的一致({value})' },
  'sdk-challenge': { en: 'the SDK’s requireBearerAuth refusal: "{value}"', 'zh-CN': 'SDK 的 requireBearerAuth 拒绝文字:"{value}"' },
  'fastmcp-upstream-redirect': { en: 'the authorization request is passed on to {value} with /auth/callback as its redirect URI', 'zh-CN': '授权请求被转发到 {value},回调地址为 /auth/callback' },
  'better-auth-paths': { en: 'endpoints on Better Auth’s paths: {value}', 'zh-CN': '端点位于 Better Auth 的路径上:{value}' },
  'better-auth-base-path': { en: 'the issuer is at Better Auth’s default base path /api/auth: {value}', 'zh-CN': '签发者位于 Better Auth 的默认基础路径 /api/auth:{value}' },
  'cloudflare-metadata-shape': {
    en: 'metadata as the Workers OAuth provider writes it: revocation on the token endpoint, query responses only, no jwks_uri',
    'zh-CN': '元数据与 Workers OAuth provider 生成的一致:吊销与令牌端点相同,仅 query 响应模式,没有 jwks_uri',
  },
};

export const HINT_IDS = [
  'keycloak.trusted-hosts',
  'keycloak.allowed-client-scopes',
  'keycloak.audience-mapper',
  'keycloak.realm-paths',
  'keycloak.pre-register',
  'entra.resource-refused',
  'entra.pre-register',
  'entra.audience',
  'entra.pkce-not-advertised',
  'auth0.enable-dcr',
  'auth0.audience',
  'okta.pre-register',
  'okta.audience',
  'cognito.pre-register',
  'cognito.audience',
  'cognito.pkce-not-advertised',
  'google.pre-register',
  'google.audience',
  'github.no-metadata',
  'github.pre-register',
  'mcp-sdk.issuer-and-resource',
  'mcp-sdk.audience',
  'fastmcp.redirect-uris',
  'fastmcp.base-url',
  'better-auth.discovery',
  'better-auth.registration',
  'cloudflare.resource-metadata',
  'cloudflare.cimd',
] as const;
export type HintId = (typeof HINT_IDS)[number];

const PRE_REGISTERED_RUN_EN = 'Run again with that client: --registration pre --client-id <client id> (in the page: Client registration → Pre-registered).';
const PRE_REGISTERED_RUN_ZH = '用该客户端重新运行:--registration pre --client-id <client id>(页面中:客户端注册 → 预先注册)。';

export const HINT_TEXTS: Record<HintId, Bilingual<HintText>> = {
  'keycloak.trusted-hosts': {
    en: {
      title: 'Keycloak’s Trusted Hosts policy refuses anonymous registration',
      steps: [
        'In the admin console open the realm {realm}, then Clients → Client registration → Anonymous access policies → Trusted Hosts.',
        'Add the address the debugger registers from to Trusted Hosts (Keycloak’s log names it: "Failed to verify remote host : <address>"), or switch off "Host Sending Client Registration Request Must Match".',
        'Switch off "Client URIs Must Match", or add the host of the redirect URI {redirectUri} to the trusted hosts.',
        'Save and run again: the registration at {realmUrl}/clients-registrations/openid-connect answers 201.',
      ],
    },
    'zh-CN': {
      title: 'Keycloak 的 Trusted Hosts 策略拒绝了匿名注册',
      steps: [
        '在管理控制台中打开 realm {realm},进入 Clients → Client registration → Anonymous access policies → Trusted Hosts。',
        '把调试器发起注册的地址加入 Trusted Hosts(Keycloak 日志中会写出:"Failed to verify remote host : <地址>"),或关闭 "Host Sending Client Registration Request Must Match"。',
        '关闭 "Client URIs Must Match",或把重定向 URI {redirectUri} 的主机加入受信任主机。',
        '保存后重新运行:{realmUrl}/clients-registrations/openid-connect 上的注册会返回 201。',
      ],
    },
  },
  'keycloak.allowed-client-scopes': {
    en: {
      title: 'Keycloak’s Allowed Client Scopes policy refuses the scope',
      steps: [
        'In the realm {realm} open Clients → Client registration → Anonymous access policies → Allowed Client Scopes.',
        'Add the MCP scope (the tutorial’s mcp:tools) to the allowed client scopes, or switch on "Allow Default Scopes" and make the scope a realm default (Client scopes → the scope → Type: Default).',
        'Save and run again.',
      ],
    },
    'zh-CN': {
      title: 'Keycloak 的 Allowed Client Scopes 策略拒绝了该 scope',
      steps: [
        '在 realm {realm} 中打开 Clients → Client registration → Anonymous access policies → Allowed Client Scopes。',
        '把 MCP 的 scope(教程中的 mcp:tools)加入允许的客户端 scope,或开启 "Allow Default Scopes" 并把该 scope 设为 realm 默认(Client scopes → 该 scope → Type: Default)。',
        '保存后重新运行。',
      ],
    },
  },
  'keycloak.audience-mapper': {
    en: {
      title: 'Keycloak puts the MCP server into aud only through an Audience mapper',
      steps: [
        'In the realm {realm} open Client scopes → the MCP scope (mcp:tools in the tutorial) → Mappers → Configure a new mapper → Audience.',
        'Name it (audience-config), set Included Custom Audience to {resource} and keep "Add to access token" on.',
        'Make sure the client gets that scope: type Default in Client scopes, or Clients → the client → Client scopes → Add client scope.',
        'Run again: the token’s aud now holds {resource}.',
      ],
    },
    'zh-CN': {
      title: 'Keycloak 只有通过 Audience 映射器才会把 MCP 服务器写入 aud',
      steps: [
        '在 realm {realm} 中打开 Client scopes → MCP 的 scope(教程中为 mcp:tools)→ Mappers → Configure a new mapper → Audience。',
        '命名(如 audience-config),把 Included Custom Audience 设为 {resource},并保持 "Add to access token" 开启。',
        '确保客户端拿到该 scope:在 Client scopes 中设为 Default,或在 Clients → 该客户端 → Client scopes → Add client scope 中添加。',
        '重新运行:令牌的 aud 中将包含 {resource}。',
      ],
    },
  },
  'keycloak.realm-paths': {
    en: {
      title: 'Keycloak’s issuer is the realm URL',
      steps: [
        'The issuer is {realmUrl} (no trailing slash; Keycloak before version 17 adds /auth before /realms): put exactly that into authorization_servers of the protected resource metadata.',
        'Keycloak serves its metadata at {realmUrl}/.well-known/openid-configuration; clients find it from the issuer.',
        'Behind a proxy, set Keycloak’s hostname (KC_HOSTNAME) to the public URL, or the issuer it announces differs from the URL clients use.',
      ],
    },
    'zh-CN': {
      title: 'Keycloak 的签发者就是 realm 的 URL',
      steps: [
        '签发者是 {realmUrl}(末尾不带斜杠;Keycloak 17 之前的版本在 /realms 前还有 /auth):在受保护资源元数据的 authorization_servers 中原样填写它。',
        'Keycloak 的元数据位于 {realmUrl}/.well-known/openid-configuration,客户端由签发者推出该地址。',
        '在反向代理之后时,把 Keycloak 的主机名(KC_HOSTNAME)设为公开 URL,否则它声明的签发者与客户端使用的 URL 不一致。',
      ],
    },
  },
  'keycloak.pre-register': {
    en: {
      title: 'Register the client in Keycloak yourself',
      steps: [
        'Keycloak publishes a registration_endpoint in every realm; if it is missing, something in front of Keycloak changes the metadata.',
        'Or register the client by hand: realm {realm} → Clients → Create client, Client authentication off (a public client), Standard flow on, Valid redirect URIs {redirectUri}; under Advanced set the PKCE method to S256.',
        PRE_REGISTERED_RUN_EN,
      ],
    },
    'zh-CN': {
      title: '在 Keycloak 中手动注册客户端',
      steps: [
        'Keycloak 在每个 realm 中都会发布 registration_endpoint;如果缺失,说明 Keycloak 前面有东西改写了元数据。',
        '或手动注册客户端:realm {realm} → Clients → Create client,关闭 Client authentication(公共客户端),开启 Standard flow,Valid redirect URIs 填 {redirectUri};在 Advanced 中把 PKCE 方法设为 S256。',
        PRE_REGISTERED_RUN_ZH,
      ],
    },
  },
  'entra.resource-refused': {
    en: {
      title: 'Entra’s v2.0 endpoint refuses the resource parameter',
      steps: [
        'The v2.0 endpoints of tenant {tenant} take no resource parameter (AADSTS901002); they read the audience from the scope.',
        'Ask for the API’s scope instead: --scope api://<application id>/.default (or a scope the app exposes, api://<application id>/<scope>).',
        'Leave resource out: --omit-resource (in the page: Advanced → Leave out the resource parameter).',
      ],
    },
    'zh-CN': {
      title: 'Entra 的 v2.0 端点拒绝 resource 参数',
      steps: [
        '租户 {tenant} 的 v2.0 端点不接受 resource 参数(AADSTS901002),受众由 scope 决定。',
        '改为请求该 API 的 scope:--scope api://<application id>/.default(或应用公开的 scope:api://<application id>/<scope>)。',
        '不发送 resource:--omit-resource(页面中:高级选项 → 不发送 resource 参数)。',
      ],
    },
  },
  'entra.pre-register': {
    en: {
      title: 'Entra ID has no Dynamic Client Registration: register an app',
      steps: [
        'In the Entra admin center open App registrations → New registration (tenant {tenant}).',
        'Under Authentication add the platform "Mobile and desktop applications" with the redirect URI {redirectUri}: a redirect URI of that platform makes the app a public client, which redeems the code with PKCE and no secret.',
        'Under Expose an API set the Application ID URI and add the scope the MCP server checks.',
        'Run again with --registration pre --client-id <Application (client) ID> --scope api://<application id>/.default --omit-resource.',
      ],
    },
    'zh-CN': {
      title: 'Entra ID 不支持动态客户端注册:请注册应用',
      steps: [
        '在 Entra 管理中心打开 App registrations → New registration(租户 {tenant})。',
        '在 Authentication 中添加平台 "Mobile and desktop applications",重定向 URI 填 {redirectUri}:该平台的重定向 URI 使应用成为公共客户端,用 PKCE 兑换授权码,无需密钥。',
        '在 Expose an API 中设置 Application ID URI,并添加 MCP 服务器校验的 scope。',
        '用 --registration pre --client-id <Application (client) ID> --scope api://<application id>/.default --omit-resource 重新运行。',
      ],
    },
  },
  'entra.audience': {
    en: {
      title: 'Entra’s tokens name the app, not the MCP server URL',
      steps: [
        'Entra sets aud to the Application ID URI or the application id of the API the scope belongs to, not to {resource}.',
        'Either make the MCP server accept that audience, or set the API’s Application ID URI to {resource} (Expose an API; an https URI needs a verified domain).',
        'In the app’s manifest set requestedAccessTokenVersion (accessTokenAcceptedVersion) to 2, so the issuer is login.microsoftonline.com/{tenant}/v2.0 and not sts.windows.net.',
      ],
    },
    'zh-CN': {
      title: 'Entra 的令牌写的是应用,而不是 MCP 服务器 URL',
      steps: [
        'Entra 把 aud 设为该 scope 所属 API 的 Application ID URI 或应用 ID,而不是 {resource}。',
        '要么让 MCP 服务器接受该受众,要么把 API 的 Application ID URI 设为 {resource}(Expose an API;https URI 需要已验证的域名)。',
        '在应用清单中把 requestedAccessTokenVersion(accessTokenAcceptedVersion)设为 2,这样签发者是 login.microsoftonline.com/{tenant}/v2.0 而不是 sts.windows.net。',
      ],
    },
  },
  'entra.pkce-not-advertised': {
    en: {
      title: 'Entra supports S256 but its metadata does not say so',
      steps: [
        'Entra’s OpenID configuration has no code_challenge_methods_supported, so a client that follows the MCP spec must refuse to go on.',
        'To see the rest of the flow, press Continue anyway (--lenient); the debugger still sends S256.',
        'For clients that keep to the spec, put an authorization server in front that publishes complete metadata (an OAuth proxy), and name it in authorization_servers.',
      ],
    },
    'zh-CN': {
      title: 'Entra 支持 S256,但元数据中没有声明',
      steps: [
        'Entra 的 OpenID 配置中没有 code_challenge_methods_supported,遵循 MCP 规范的客户端必须停止。',
        '要查看后续流程,点「仍然继续」(--lenient);调试器仍会发送 S256。',
        '对严格遵循规范的客户端,在前面放一个发布完整元数据的授权服务器(OAuth 代理),并在 authorization_servers 中指向它。',
      ],
    },
  },
  'auth0.enable-dcr': {
    en: {
      title: 'Auth0 keeps Dynamic Client Registration off until you turn it on',
      steps: [
        'In the Auth0 dashboard open Settings → Advanced and switch on Dynamic Client Registration (DCR).',
        'Clients registered this way are third-party applications: open the connection users sign in with (Authentication → its type → the connection → Settings) and switch on Promote Connection to Domain Level, or they cannot sign in.',
        'Or create the application yourself (Applications → Create Application → Native, Allowed Callback URLs {redirectUri}) and run with --registration pre --client-id <Client ID>.',
      ],
    },
    'zh-CN': {
      title: 'Auth0 默认关闭动态客户端注册',
      steps: [
        '在 Auth0 控制台打开 Settings → Advanced,开启 Dynamic Client Registration (DCR)。',
        '这样注册的客户端属于第三方应用:打开用户登录所用的连接(Authentication → 连接类型 → 该连接 → Settings),开启 Promote Connection to Domain Level,否则无法登录。',
        '或自行创建应用(Applications → Create Application → Native,Allowed Callback URLs 填 {redirectUri}),并用 --registration pre --client-id <Client ID> 运行。',
      ],
    },
  },
  'auth0.audience': {
    en: {
      title: 'Auth0 issues a token for the MCP server only for an API it knows',
      steps: [
        'Create an API: Applications → APIs → Create API, Identifier {resource}, signing RS256; add the MCP scope under Permissions.',
        'Auth0 reads the audience from its own audience parameter: under Settings → Advanced switch on the Resource Parameter Compatibility Profile so the resource parameter sets it, or under Settings → General → API Authorization Settings set Default Audience to {resource}.',
        'Without an audience Auth0 issues a token only for its userinfo endpoint (opaque), which the MCP server cannot verify.',
      ],
    },
    'zh-CN': {
      title: 'Auth0 只为它认识的 API 签发 MCP 服务器的令牌',
      steps: [
        '创建 API:Applications → APIs → Create API,Identifier 填 {resource},签名 RS256;在 Permissions 中添加 MCP 的 scope。',
        'Auth0 从它自己的 audience 参数读取受众:在 Settings → Advanced 中开启 Resource Parameter Compatibility Profile,让 resource 参数决定受众;或在 Settings → General → API Authorization Settings 中把 Default Audience 设为 {resource}。',
        '没有受众时,Auth0 只签发用于其 userinfo 端点的(不透明)令牌,MCP 服务器无法校验。',
      ],
    },
  },
  'okta.pre-register': {
    en: {
      title: 'Okta registers clients only for callers with a token: create an app integration',
      steps: [
        'Okta’s Dynamic Client Registration endpoint (/oauth2/v1/clients) takes only requests authorised with an API token (SSWS) or an access token with the okta.clients.register scope, so the anonymous registration of an MCP client is refused.',
        'In the Admin Console: Applications → Applications → Create App Integration → OIDC - OpenID Connect → Native Application; grant type Authorization Code, Sign-in redirect URI {redirectUri}; under Assignments give the users who sign in access.',
        'Check that a rule in the access policies of the authorization server {issuer} covers the new app (Security → API → Authorization Servers → the server → Access Policies).',
        PRE_REGISTERED_RUN_EN,
      ],
    },
    'zh-CN': {
      title: 'Okta 只为持有令牌的调用方注册客户端:请创建应用集成',
      steps: [
        'Okta 的动态客户端注册端点(/oauth2/v1/clients)只接受用 API 令牌(SSWS)或带 okta.clients.register scope 的访问令牌授权的请求,因此 MCP 客户端的匿名注册会被拒绝。',
        '在管理控制台中:Applications → Applications → Create App Integration → OIDC - OpenID Connect → Native Application;授权类型选 Authorization Code,Sign-in redirect URI 填 {redirectUri};在 Assignments 中为要登录的用户分配访问权限。',
        '确认授权服务器 {issuer} 的访问策略中有规则覆盖这个新应用(Security → API → Authorization Servers → 该服务器 → Access Policies)。',
        PRE_REGISTERED_RUN_ZH,
      ],
    },
  },
  'okta.audience': {
    en: {
      title: 'Okta sets aud from the authorization server’s audience setting',
      steps: [
        'A custom authorization server writes its configured audience into aud (api://default on the default server unless changed).',
        'Security → API → Authorization Servers → the server → Settings → Edit: set the audience (Default Audience where several are allowed) to {resource}; add the MCP scope under Scopes and a rule that grants it under Access Policies.',
        'Name a custom authorization server in authorization_servers (issuer …/oauth2/default or …/oauth2/<authorization server id>): the org authorization server (issuer without /oauth2/…) issues access tokens for Okta’s own APIs; protecting anything else takes a custom one.',
      ],
    },
    'zh-CN': {
      title: 'Okta 按授权服务器的受众设置填写 aud',
      steps: [
        '自定义授权服务器把配置的受众写入 aud(默认服务器未修改时为 api://default)。',
        'Security → API → Authorization Servers → 该服务器 → Settings → Edit:把受众(允许多个受众时为 Default Audience)设为 {resource};在 Scopes 中添加 MCP 的 scope,并在 Access Policies 中添加授予它的规则。',
        '在 authorization_servers 中填写自定义授权服务器(签发者 …/oauth2/default 或 …/oauth2/<授权服务器 ID>):组织授权服务器(签发者不带 /oauth2/…)签发的访问令牌用于 Okta 自己的 API,保护其他资源需要自定义授权服务器。',
      ],
    },
  },
  'cognito.pre-register': {
    en: {
      title: 'Amazon Cognito has no Dynamic Client Registration: create an app client',
      steps: [
        'In the user pool {userPool}: Applications → App clients → Create app client (App integration → App clients in the older console), type Single-page application or Mobile app: the console gives those no client secret, unlike Traditional web application.',
        'In the app client’s managed login pages settings set Allowed callback URLs to {redirectUri}, the OAuth grant type Authorization code grant, and the scopes (openid and the MCP server’s custom scope).',
        PRE_REGISTERED_RUN_EN,
      ],
    },
    'zh-CN': {
      title: 'Amazon Cognito 不支持动态客户端注册:请创建应用客户端',
      steps: [
        '在用户池 {userPool} 中:Applications → App clients → Create app client(旧版控制台为 App integration → App clients),类型选 Single-page application 或 Mobile app:控制台不为这两类生成客户端密钥,Traditional web application 则会生成。',
        '在该应用客户端的托管登录页设置中,把 Allowed callback URLs 设为 {redirectUri},OAuth 授权类型选 Authorization code grant,并选择 scope(openid 和 MCP 服务器的自定义 scope)。',
        PRE_REGISTERED_RUN_ZH,
      ],
    },
  },
  'cognito.audience': {
    en: {
      title: 'Cognito puts aud into access tokens only with resource binding',
      steps: [
        'Cognito’s access tokens name the app in client_id and the API in scope; they carry aud only when the authorization request binds them to a resource (resource binding, a managed login feature of the Essentials and Plus plans).',
        'Create a resource server in the user pool {userPool} with the identifier {resource} and a custom scope; its scopes read {resource}/<scope>. Allow that scope on the app client and ask for it (--scope).',
        'With resource binding, the resource parameter the debugger sends puts {resource} into aud. Without it, have the MCP server accept a token whose scope names {resource} and whose client_id it knows.',
      ],
    },
    'zh-CN': {
      title: 'Cognito 只有在资源绑定时才在访问令牌中写入 aud',
      steps: [
        'Cognito 的访问令牌用 client_id 标明应用、用 scope 标明 API;只有授权请求把令牌绑定到某个资源时才带 aud(资源绑定,Essentials 和 Plus 套餐中托管登录的功能)。',
        '在用户池 {userPool} 中创建资源服务器,标识符为 {resource},并添加自定义 scope;其 scope 形如 {resource}/<scope>。在应用客户端上允许该 scope,并请求它(--scope)。',
        '有资源绑定时,调试器发送的 resource 参数会让 aud 成为 {resource}。没有时,让 MCP 服务器接受 scope 指向 {resource} 且 client_id 为已知客户端的令牌。',
      ],
    },
  },
  'cognito.pkce-not-advertised': {
    en: {
      title: 'Cognito supports S256 but its metadata does not say so',
      steps: [
        'Cognito’s OpenID configuration has no code_challenge_methods_supported, so a client that follows the MCP spec must refuse to go on.',
        'To see the rest of the flow, press Continue anyway (--lenient); the debugger still sends S256.',
        'For clients that keep to the spec, put an authorization server in front that publishes complete metadata (an OAuth proxy), and name it in authorization_servers.',
      ],
    },
    'zh-CN': {
      title: 'Cognito 支持 S256,但元数据中没有声明',
      steps: [
        'Cognito 的 OpenID 配置中没有 code_challenge_methods_supported,遵循 MCP 规范的客户端必须停止。',
        '要查看后续流程,点「仍然继续」(--lenient);调试器仍会发送 S256。',
        '对严格遵循规范的客户端,在前面放一个发布完整元数据的授权服务器(OAuth 代理),并在 authorization_servers 中指向它。',
      ],
    },
  },
  'google.pre-register': {
    en: {
      title: 'Google has no Dynamic Client Registration: create an OAuth client',
      steps: [
        'In the Google Cloud console: Google Auth Platform → Clients → Create client (in older consoles APIs & Services → Credentials → Create credentials → OAuth client ID), type Desktop app (loopback redirects on any port) or Web application with the authorised redirect URI {redirectUri}.',
        'Configure the consent screen first (Google Auth Platform → Branding and Audience); while the app is in testing, only the test users listed there can sign in.',
        'Google asks for the client secret at the token endpoint even for Desktop apps: run with --registration pre --client-id <client id> --client-secret <secret>.',
      ],
    },
    'zh-CN': {
      title: 'Google 不支持动态客户端注册:请创建 OAuth 客户端',
      steps: [
        '在 Google Cloud 控制台:Google Auth Platform → Clients → Create client(旧版控制台为 APIs & Services → Credentials → Create credentials → OAuth client ID),类型选 Desktop app(回环重定向可用任意端口)或 Web application,并把 {redirectUri} 加入已授权的重定向 URI。',
        '先配置同意屏幕(Google Auth Platform → Branding 和 Audience);应用处于测试阶段时,只有其中列出的测试用户能够登录。',
        '即使是 Desktop app,Google 也要求在令牌端点提供客户端密钥:用 --registration pre --client-id <client id> --client-secret <secret> 运行。',
      ],
    },
  },
  'google.audience': {
    en: {
      title: 'Google’s access tokens are for Google’s APIs, not for the MCP server',
      steps: [
        'Google documents no resource parameter (RFC 8707) for its authorization requests, and its access tokens are opaque: no token it issues names {resource} as its audience.',
        'Put an authorization server of your own in front (an OAuth proxy such as FastMCP’s GoogleProvider) that signs users in with Google and issues tokens for {resource}, and name it in authorization_servers.',
      ],
    },
    'zh-CN': {
      title: 'Google 的访问令牌用于 Google 的 API,而不是 MCP 服务器',
      steps: [
        'Google 的文档中授权请求没有 resource 参数(RFC 8707),其访问令牌也是不透明的:它签发的令牌不会以 {resource} 为受众。',
        '在前面放一个你自己的授权服务器(如 FastMCP 的 GoogleProvider 这类 OAuth 代理),由它通过 Google 登录用户并为 {resource} 签发令牌,并在 authorization_servers 中指向它。',
      ],
    },
  },
  'github.no-metadata': {
    en: {
      title: 'GitHub publishes metadata only for its issuer https://github.com/login/oauth',
      steps: [
        'GitHub’s issuer is https://github.com/login/oauth; its RFC 8414 metadata is at https://github.com/.well-known/oauth-authorization-server/login/oauth (in public preview, published for GitHub’s own MCP server). github.com itself serves none.',
        'If authorization_servers names github.com, name https://github.com/login/oauth instead.',
        'GitHub offers no registration, and its tokens are opaque tokens for GitHub’s API, not bound to {resource}: to issue tokens for {resource}, name an OAuth proxy in front of GitHub instead (FastMCP’s GitHubProvider, the MCP SDK’s ProxyOAuthServerProvider).',
      ],
    },
    'zh-CN': {
      title: 'GitHub 只为其签发者 https://github.com/login/oauth 发布元数据',
      steps: [
        'GitHub 的签发者是 https://github.com/login/oauth,其 RFC 8414 元数据位于 https://github.com/.well-known/oauth-authorization-server/login/oauth(公开预览,为 GitHub 自己的 MCP 服务器发布)。github.com 本身不提供元数据。',
        '如果 authorization_servers 中写的是 github.com,请改为 https://github.com/login/oauth。',
        'GitHub 不支持注册,其令牌是用于 GitHub API 的不透明令牌,不会绑定到 {resource}:要为 {resource} 签发令牌,请改为指向 GitHub 前面的 OAuth 代理(FastMCP 的 GitHubProvider、MCP SDK 的 ProxyOAuthServerProvider)。',
      ],
    },
  },
  'github.pre-register': {
    en: {
      title: 'GitHub has no Dynamic Client Registration: create an OAuth app',
      steps: [
        'Settings → Developer settings → OAuth Apps → New OAuth App, Authorization callback URL {redirectUri} (a loopback callback matches any port), then Generate a new client secret. A GitHub App (Developer settings → GitHub Apps) works too, with its Callback URL and a client secret.',
        'GitHub asks for the client secret at the token endpoint even with PKCE: run with --registration pre --client-id <client id> --client-secret <secret>.',
      ],
    },
    'zh-CN': {
      title: 'GitHub 不支持动态客户端注册:请创建 OAuth 应用',
      steps: [
        'Settings → Developer settings → OAuth Apps → New OAuth App,Authorization callback URL 填 {redirectUri}(回环回调地址可匹配任意端口),然后点 Generate a new client secret。也可以用 GitHub App(Developer settings → GitHub Apps),填写其 Callback URL 并生成客户端密钥。',
        '即使使用 PKCE,GitHub 也要求在令牌端点提供客户端密钥:用 --registration pre --client-id <client id> --client-secret <secret> 运行。',
      ],
    },
  },
  'mcp-sdk.issuer-and-resource': {
    en: {
      title: 'The SDK publishes what its issuerUrl and resourceServerUrl options say',
      steps: [
        'mcpAuthRouter({ issuerUrl }) announces issuerUrl as the issuer: it must be exactly the URL in authorization_servers, {issuer}.',
        'Pass resourceServerUrl: new URL(\'{resource}\') to mcpAuthRouter or mcpAuthMetadataRouter; the protected resource metadata’s resource and its path-aware URL come from it.',
        'Behind a proxy, use the public URLs in both options, not the address the process listens on.',
      ],
    },
    'zh-CN': {
      title: 'SDK 发布的是 issuerUrl 与 resourceServerUrl 选项的值',
      steps: [
        'mcpAuthRouter({ issuerUrl }) 把 issuerUrl 声明为签发者:它必须与 authorization_servers 中的 URL {issuer} 完全一致。',
        '给 mcpAuthRouter 或 mcpAuthMetadataRouter 传入 resourceServerUrl: new URL(\'{resource}\');受保护资源元数据的 resource 及其按路径的 URL 都由它得出。',
        '在代理之后时,两个选项都要用公开 URL,而不是进程监听的地址。',
      ],
    },
  },
  'mcp-sdk.audience': {
    en: {
      title: 'With the SDK, the provider decides what the token says',
      steps: [
        'Your OAuthServerProvider’s exchangeAuthorizationCode receives the resource the client asked for: issue the token for it (aud {resource}).',
        'In requireBearerAuth’s verifier, refuse tokens whose audience or resource is not {resource}.',
      ],
    },
    'zh-CN': {
      title: '使用 SDK 时,令牌内容由 provider 决定',
      steps: [
        'OAuthServerProvider 的 exchangeAuthorizationCode 会收到客户端请求的 resource:据此签发令牌(aud 为 {resource})。',
        '在 requireBearerAuth 的校验函数中,拒绝受众或 resource 不是 {resource} 的令牌。',
      ],
    },
  },
  'fastmcp.redirect-uris': {
    en: {
      title: 'FastMCP’s OAuth proxy checks client redirect URIs and its own callback',
      steps: [
        'Allow the debugger’s redirect URI {redirectUri} in the proxy’s allowed_client_redirect_uris (patterns such as http://127.0.0.1:* are accepted).',
        'At the upstream provider ({upstream}), register {upstreamCallback} as the callback URL of the upstream app: the proxy receives the code there and passes it on.',
      ],
    },
    'zh-CN': {
      title: 'FastMCP 的 OAuth 代理会校验客户端重定向 URI 和它自己的回调',
      steps: [
        '在代理的 allowed_client_redirect_uris 中允许调试器的重定向 URI {redirectUri}(支持 http://127.0.0.1:* 这样的模式)。',
        '在上游提供方({upstream})把 {upstreamCallback} 注册为上游应用的回调 URL:代理在那里接收授权码并转交。',
      ],
    },
  },
  'fastmcp.base-url': {
    en: {
      title: 'FastMCP builds its URLs from base_url',
      steps: [
        'Set the auth provider’s base_url to the public URL of the server (behind a proxy, not the address it listens on); the issuer, the endpoints and the resource metadata derive from it.',
        'The resource is base_url with the MCP path ({resource}); if the server is mounted under a prefix, include it.',
      ],
    },
    'zh-CN': {
      title: 'FastMCP 由 base_url 推出各个 URL',
      steps: [
        '把认证 provider 的 base_url 设为服务器的公开 URL(在代理之后时,不要用监听地址);签发者、端点和资源元数据都由它得出。',
        'resource 是 base_url 加上 MCP 路径({resource});服务器挂载在前缀下时要包含该前缀。',
      ],
    },
  },
  'better-auth.discovery': {
    en: {
      title: 'Better Auth serves its metadata under its base path',
      steps: [
        'Clients look for the metadata of the issuer {issuer} at the root of its origin. With the OAuth Provider plugin or @better-auth/mcp (endpoints under /api/auth/oauth2/, issuer <origin>/api/auth), serve oauthProviderAuthServerMetadata(auth) at /.well-known/oauth-authorization-server/api/auth, or route that path to auth.handler.',
        'With the older mcp plugin of better-auth/plugins (endpoints under /api/auth/mcp/, issuer the bare origin), serve oAuthDiscoveryMetadata(auth) at /.well-known/oauth-authorization-server.',
        'Make authorization_servers in the protected resource metadata of {resource} the issuer the metadata announces: @better-auth/mcp serves that document itself, the older plugin through oAuthProtectedResourceMetadata(auth) at /.well-known/oauth-protected-resource.',
      ],
    },
    'zh-CN': {
      title: 'Better Auth 在它的基础路径下提供元数据',
      steps: [
        '客户端会在签发者 {issuer} 所在源的根路径下查找元数据。使用 OAuth Provider 插件或 @better-auth/mcp 时(端点在 /api/auth/oauth2/ 下,签发者为 <源>/api/auth),在 /.well-known/oauth-authorization-server/api/auth 提供 oauthProviderAuthServerMetadata(auth),或把该路径转给 auth.handler。',
        '使用 better-auth/plugins 中较早的 mcp 插件时(端点在 /api/auth/mcp/ 下,签发者为源本身),在 /.well-known/oauth-authorization-server 提供 oAuthDiscoveryMetadata(auth)。',
        '让 {resource} 的受保护资源元数据中的 authorization_servers 等于元数据声明的签发者:@better-auth/mcp 会自行提供该文档,较早的插件则需在 /.well-known/oauth-protected-resource 提供 oAuthProtectedResourceMetadata(auth)。',
      ],
    },
  },
  'better-auth.registration': {
    en: {
      title: 'Better Auth registers clients only in the ways you turn on',
      steps: [
        'The OAuth Provider plugin and @better-auth/mcp never turn on Dynamic Client Registration by themselves: add cimd() from @better-auth/cimd for Client ID Metadata Documents, or set allowDynamicClientRegistration: true and allowUnauthenticatedClientRegistration: true.',
        'Set loginPage and consentPage to your sign-in and consent pages, or the authorization request has nowhere to send the user.',
      ],
    },
    'zh-CN': {
      title: 'Better Auth 只按你开启的方式注册客户端',
      steps: [
        'OAuth Provider 插件和 @better-auth/mcp 不会自行开启动态客户端注册:添加 @better-auth/cimd 的 cimd() 以支持客户端 ID 元数据文档,或设置 allowDynamicClientRegistration: true 和 allowUnauthenticatedClientRegistration: true。',
        '把 loginPage 和 consentPage 设为你的登录页和授权同意页,否则授权请求无处引导用户。',
      ],
    },
  },
  'cloudflare.resource-metadata': {
    en: {
      title: 'The Workers OAuth provider names the origin as the resource by default',
      steps: [
        'Without options the provider’s protected resource metadata says resource is the request’s origin, not {resource}.',
        'Pass resourceMetadata: { resource: \'{resource}\' } to new OAuthProvider(…), and keep authorization_servers the provider’s origin.',
      ],
    },
    'zh-CN': {
      title: 'Workers OAuth provider 默认把源当作 resource',
      steps: [
        '不配置时,provider 的受保护资源元数据把 resource 写成请求的源,而不是 {resource}。',
        '给 new OAuthProvider(…) 传入 resourceMetadata: { resource: \'{resource}\' },authorization_servers 保持为 provider 的源。',
      ],
    },
  },
  'cloudflare.cimd': {
    en: {
      title: 'The Workers OAuth provider offers Client ID Metadata Documents only with safe fetches',
      steps: [
        'Add the compatibility flag global_fetch_strictly_public to wrangler.jsonc ("compatibility_flags": ["global_fetch_strictly_public"]): the provider fetches client metadata documents only then.',
        'In versions that have the option, also pass clientIdMetadataDocumentEnabled: true to new OAuthProvider(…); deploy and run again.',
      ],
    },
    'zh-CN': {
      title: 'Workers OAuth provider 只有在安全抓取时才支持客户端 ID 元数据文档',
      steps: [
        '在 wrangler.jsonc 中添加兼容性标志 global_fetch_strictly_public("compatibility_flags": ["global_fetch_strictly_public"]):只有这样 provider 才会抓取客户端元数据文档。',
        '如果所用版本有该选项,还要给 new OAuthProvider(…) 传入 clientIdMetadataDocumentEnabled: true;部署后重新运行。',
      ],
    },
  },
};
