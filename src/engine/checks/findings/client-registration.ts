import { defineFindings } from '../finding-definition.js';

/** Findings of the client-registration stage: pre-registration, CIMD, DCR and the token endpoint auth method. */
export const clientRegistrationFindings = defineFindings([
  {
    id: 'registration.no-path',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:client-registration', 'mcp:pre-registration', 'mcp:cimd', 'mcp:dcr'],
    stopsFlow: true,
    text: {
      en: {
        title: 'No way to register a client at {issuer}',
        detail:
          'An MCP client gets a client_id in one of three ways: a pre-registered client (none was given), a Client ID Metadata Document (the authorization server does not advertise client_id_metadata_document_supported, or no metadata URL was configured), or Dynamic Client Registration (the metadata has no registration_endpoint). None is available, so the flow cannot continue.',
        hint: 'Register a client at the authorization server and pass --client-id (and --client-secret for a confidential client), host a client metadata document and pass --client-metadata-url, or enable Dynamic Client Registration on the authorization server.',
      },
      'zh-CN': {
        title: '无法在 {issuer} 注册客户端',
        detail:
          'MCP 客户端获取 client_id 有三种方式:预注册客户端(未提供)、客户端 ID 元数据文档(授权服务器未声明 client_id_metadata_document_supported,或未配置元数据 URL)、动态客户端注册(元数据中没有 registration_endpoint)。三者都不可用,流程无法继续。',
        hint: '在授权服务器上注册客户端并传入 --client-id(机密客户端再加 --client-secret);或托管客户端元数据文档并传入 --client-metadata-url;或在授权服务器上开启动态客户端注册。',
      },
    },
  },
  {
    id: 'registration.pre-client-id-missing',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:pre-registration'],
    stopsFlow: true,
    text: {
      en: {
        title: 'Pre-registration chosen without a client_id',
        detail: 'Registration mode "pre" uses a client registered beforehand, but no client_id was given.',
        hint: 'Pass --client-id (and --client-secret for a confidential client), or choose another registration mode.',
      },
      'zh-CN': {
        title: '选择了预注册但未提供 client_id',
        detail: '注册方式 "pre" 使用事先注册好的客户端,但没有提供 client_id。',
        hint: '传入 --client-id(机密客户端再加 --client-secret),或选择其他注册方式。',
      },
    },
  },
  {
    id: 'registration.using-pre-registered',
    stepId: 'client-registration',
    severity: 'info',
    specRefs: ['mcp:pre-registration'],
    text: {
      en: {
        title: 'Using the pre-registered client {clientId}',
        detail: 'The client was registered beforehand at {issuer}; the debugger uses its client_id {clientId} as given. The spec puts pre-registered client information first when a client has it.',
      },
      'zh-CN': {
        title: '使用预注册客户端 {clientId}',
        detail: '该客户端已事先在 {issuer} 注册;调试器直接使用给定的 client_id {clientId}。规范规定客户端已有预注册信息时优先使用它。',
      },
    },
  },
  {
    id: 'registration.using-cimd',
    stepId: 'client-registration',
    severity: 'info',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'Using a Client ID Metadata Document as client_id',
        detail: 'The client_id is the URL {clientId}. {issuer} fetches that document when it sees the authorization request and checks its client_id and redirect_uris.',
      },
      'zh-CN': {
        title: '使用客户端 ID 元数据文档作为 client_id',
        detail: 'client_id 就是 URL {clientId}。{issuer} 收到授权请求时会获取该文档,并校验其中的 client_id 和 redirect_uris。',
      },
    },
  },
  {
    id: 'registration.using-dcr',
    stepId: 'client-registration',
    severity: 'info',
    specRefs: ['mcp:dcr', 'rfc7591:3'],
    text: {
      en: {
        title: 'Registered dynamically as {clientId}',
        detail: 'Dynamic Client Registration (RFC 7591) at {issuer} issued the client_id {clientId}.',
      },
      'zh-CN': {
        title: '已通过动态注册获得 {clientId}',
        detail: '在 {issuer} 上的动态客户端注册(RFC 7591)颁发了 client_id {clientId}。',
      },
    },
  },
  {
    id: 'registration.cimd-url-missing',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    stopsFlow: true,
    text: {
      en: {
        title: 'Client ID Metadata Document chosen without a URL',
        detail: 'Registration mode "cimd" uses the HTTPS URL of a client metadata document as client_id, but no URL was given.',
        hint: 'Pass --client-metadata-url with the HTTPS URL where the document is hosted.',
      },
      'zh-CN': {
        title: '选择了客户端 ID 元数据文档但未提供 URL',
        detail: '注册方式 "cimd" 以客户端元数据文档的 HTTPS URL 作为 client_id,但没有提供该 URL。',
        hint: '通过 --client-metadata-url 传入托管该文档的 HTTPS URL。',
      },
    },
  },
  {
    id: 'registration.cimd-not-in-spec-version',
    stepId: 'client-registration',
    severity: 'warning',
    bySpec: { '2025-11-25': 'off', '2026-07-28': 'off' },
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'Client ID Metadata Documents are not part of MCP {spec}',
        detail: 'CIMD was added to the MCP authorization spec in 2025-11-25. A client that follows {spec} would not use it; the debugger does because it was asked to.',
        hint: 'Check with the newer spec version selected, or use pre-registration or Dynamic Client Registration.',
      },
      'zh-CN': {
        title: 'MCP {spec} 不包含客户端 ID 元数据文档',
        detail: 'CIMD 从 2025-11-25 版起才加入 MCP 授权规范。遵循 {spec} 的客户端不会使用它;调试器因收到明确要求而使用。',
        hint: '选择更新的规范版本再检查,或改用预注册或动态客户端注册。',
      },
    },
  },
  {
    id: 'registration.cimd-unsupported',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: '{issuer} does not advertise Client ID Metadata Document support',
        detail: 'The authorization server metadata lacks "client_id_metadata_document_supported": true. Clients SHOULD check it and fall back to pre-registration or Dynamic Client Registration; the debugger goes on with the document because it was asked to, so expect the authorization server to reject the client_id.',
        hint: 'Set client_id_metadata_document_supported to true in the metadata if the server fetches client metadata documents.',
      },
      'zh-CN': {
        title: '{issuer} 未声明支持客户端 ID 元数据文档',
        detail: '授权服务器元数据中没有 "client_id_metadata_document_supported": true。客户端应检查该字段,并回退到预注册或动态客户端注册;调试器因收到明确要求仍使用元数据文档,授权服务器很可能会拒绝该 client_id。',
        hint: '如果服务器会获取客户端元数据文档,请在元数据中把 client_id_metadata_document_supported 设为 true。',
      },
    },
  },
  {
    id: 'registration.cimd-url-invalid',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The client metadata URL is not a valid client_id',
        detail: '"The client_id URL MUST use the "https" scheme and contain a path component"; {url} does not.',
        hint: 'Host the document at an https:// URL with a path, e.g. https://app.example.com/oauth/client.json.',
      },
      'zh-CN': {
        title: '客户端元数据 URL 不是合法的 client_id',
        detail: '规范要求 "client_id URL 必须使用 https 协议并包含路径部分";{url} 不满足。',
        hint: '把文档托管在带路径的 https:// URL 上,例如 https://app.example.com/oauth/client.json。',
      },
    },
  },
  {
    id: 'registration.cimd-document-unavailable',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'The client metadata document could not be fetched',
        detail: '{url} answered HTTP {status}. The authorization server has to fetch this document to accept the client_id, so it will most likely reject the authorization request.',
        hint: 'Serve the JSON document at that URL with status 200 and make it reachable from the authorization server.',
      },
      'zh-CN': {
        title: '无法获取客户端元数据文档',
        detail: '{url} 返回 HTTP {status}。授权服务器必须获取该文档才能接受此 client_id,因此很可能会拒绝授权请求。',
        hint: '在该 URL 上以 200 状态码提供 JSON 文档,并确保授权服务器能访问到它。',
      },
    },
  },
  {
    id: 'registration.cimd-field-missing',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'The client metadata document lacks "{field}"',
        detail: '"The metadata document MUST include at least the following properties: client_id, client_name, redirect_uris"; "{field}" is missing.',
        hint: 'Add "{field}" to the document.',
      },
      'zh-CN': {
        title: '客户端元数据文档缺少 "{field}"',
        detail: '规范要求 "元数据文档必须至少包含 client_id、client_name、redirect_uris";缺少 "{field}"。',
        hint: '在文档中加入 "{field}"。',
      },
    },
  },
  {
    id: 'registration.cimd-client-id-mismatch',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'The document\'s client_id differs from its URL',
        detail: 'The document at {url} says client_id "{clientId}". "Clients MUST ensure the client_id value in the metadata matches the document URL exactly", and the authorization server MUST reject a mismatch.',
        hint: 'Set client_id in the document to exactly {url}.',
      },
      'zh-CN': {
        title: '文档中的 client_id 与其 URL 不一致',
        detail: '位于 {url} 的文档声明 client_id 为 "{clientId}"。规范要求 "客户端必须确保元数据中的 client_id 与文档 URL 完全一致",授权服务器也必须拒绝不一致的情况。',
        hint: '把文档中的 client_id 设为与 {url} 完全相同。',
      },
    },
  },
  {
    id: 'registration.cimd-redirect-uri-missing',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd', 'mcp:open-redirection'],
    text: {
      en: {
        title: 'The document does not list the redirect URI {redirectUri}',
        detail: 'The authorization server MUST validate the redirect_uri of the authorization request against the document\'s redirect_uris ({registered}), so this run\'s redirect URI will be refused.',
        hint: 'Add {redirectUri} to redirect_uris in the document, or run the debugger with a redirect URI the document lists.',
      },
      'zh-CN': {
        title: '文档未列出回调地址 {redirectUri}',
        detail: '授权服务器必须用文档中的 redirect_uris({registered})校验授权请求的 redirect_uri,因此本次运行的回调地址会被拒绝。',
        hint: '把 {redirectUri} 加入文档的 redirect_uris,或使用文档中已列出的回调地址运行调试器。',
      },
    },
  },
  {
    id: 'registration.cimd-shared-secret',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:cimd'],
    text: {
      en: {
        title: 'The client metadata document declares a shared secret',
        detail: 'The document uses {method}. A metadata document is public, so a client identified by one cannot hold a shared secret; use "none" (PKCE only) or private_key_jwt with the document\'s jwks or jwks_uri.',
        hint: 'Set token_endpoint_auth_method to "none" or "private_key_jwt" and remove any client_secret.',
      },
      'zh-CN': {
        title: '客户端元数据文档声明了共享密钥',
        detail: '文档使用了 {method}。元数据文档是公开的,以它标识的客户端不能持有共享密钥;应使用 "none"(仅 PKCE)或配合文档中 jwks / jwks_uri 的 private_key_jwt。',
        hint: '把 token_endpoint_auth_method 设为 "none" 或 "private_key_jwt",并删除 client_secret。',
      },
    },
  },
  {
    id: 'registration.metadata-no-refresh-grant',
    stepId: 'client-registration',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:refresh-tokens', 'rfc7591:2'],
    text: {
      en: {
        title: 'The client metadata does not ask for refresh tokens',
        detail: 'grant_types is "{grantTypes}". MCP clients that want refresh tokens SHOULD include refresh_token in their grant_types client metadata.',
        hint: 'Add "refresh_token" to grant_types in the client metadata document.',
      },
      'zh-CN': {
        title: '客户端元数据未申请刷新令牌',
        detail: 'grant_types 为 "{grantTypes}"。希望获得刷新令牌的 MCP 客户端应在客户端元数据的 grant_types 中包含 refresh_token。',
        hint: '在客户端元数据文档的 grant_types 中加入 "refresh_token"。',
      },
    },
  },
  {
    id: 'registration.dcr-unsupported',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:dcr', 'rfc8414:2'],
    stopsFlow: true,
    text: {
      en: {
        title: '{issuer} does not offer Dynamic Client Registration',
        detail: 'Registration mode "dcr" was chosen, but the authorization server metadata has no registration_endpoint.',
        hint: 'Enable Dynamic Client Registration on the authorization server, or use a pre-registered client or a Client ID Metadata Document.',
      },
      'zh-CN': {
        title: '{issuer} 不提供动态客户端注册',
        detail: '选择了注册方式 "dcr",但授权服务器元数据中没有 registration_endpoint。',
        hint: '在授权服务器上开启动态客户端注册,或改用预注册客户端或客户端 ID 元数据文档。',
      },
    },
  },
  {
    id: 'registration.dcr-deprecated',
    stepId: 'client-registration',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:dcr', 'mcp:cimd'],
    text: {
      en: {
        title: 'Dynamic Client Registration is deprecated',
        detail: 'In this spec version Dynamic Client Registration is kept for backwards compatibility with authorization servers that do not support Client ID Metadata Documents; new implementations should use CIMD.',
        hint: 'Consider supporting Client ID Metadata Documents (client_id_metadata_document_supported) on the authorization server.',
      },
      'zh-CN': {
        title: '动态客户端注册已被弃用',
        detail: '在此规范版本中,动态客户端注册仅为兼容不支持客户端 ID 元数据文档的授权服务器而保留;新实现应使用 CIMD。',
        hint: '考虑让授权服务器支持客户端 ID 元数据文档(client_id_metadata_document_supported)。',
      },
    },
  },
  {
    id: 'registration.dcr-rejected',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:dcr', 'rfc7591:3.2.2', 'mcp:dcr-application-type'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The registration request was rejected',
        detail: '{url} answered HTTP {status} with error "{error}": {description}. The request asked for application_type {applicationType}.',
        hint: 'Read the error: invalid_redirect_uri usually means the authorization server does not accept loopback or http redirect URIs for this application_type (OIDC servers default to "web"); invalid_client_metadata names a field it refuses. Allow the redirect URI or adjust the registration policy.',
      },
      'zh-CN': {
        title: '注册请求被拒绝',
        detail: '{url} 返回 HTTP {status},错误 "{error}":{description}。请求中的 application_type 为 {applicationType}。',
        hint: '查看错误码:invalid_redirect_uri 通常表示授权服务器不接受该 application_type 下的回环或 http 回调地址(OIDC 服务器默认 "web");invalid_client_metadata 会指出被拒绝的字段。请放行该回调地址或调整注册策略。',
      },
    },
  },
  {
    id: 'registration.advertised-scope-refused',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:dcr', 'rfc7591:2', 'rfc8414:2'],
    text: {
      en: {
        title: 'Registration refuses the scope the metadata advertises',
        detail: '{url} refused a registration for scope "{scope}" (error "{error}": {description}), although every one of those scopes is in the metadata\'s scopes_supported. Clients that register for the scope they will ask for (the MCP SDKs, the MCP Inspector) cannot connect. The debugger registered again without a scope to see the rest of the flow.',
        hint: 'Let dynamic registration accept every scope listed in scopes_supported (in oidc-provider, Keycloak and others a resource scope must also be allowed for registered clients), or stop advertising the scopes clients may not register for.',
      },
      'zh-CN': {
        title: '注册拒绝了元数据所公布的 scope',
        detail: '{url} 拒绝了 scope 为 "{scope}" 的注册(错误 "{error}":{description}),而这些 scope 全都列在元数据的 scopes_supported 中。按将要请求的 scope 注册的客户端(MCP SDK、MCP Inspector)因此无法连接。调试器已不带 scope 重新注册,以便查看流程的其余部分。',
        hint: '请让动态注册接受 scopes_supported 中列出的每个 scope(在 oidc-provider、Keycloak 等实现中,资源 scope 还须允许已注册客户端使用),或者不要公布客户端无法注册的 scope。',
      },
    },
  },
  {
    id: 'registration.pre-registered-elsewhere',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['mcp:pre-registration', 'mcp:client-registration'],
    text: {
      en: {
        title: 'The pre-registered client belongs to another authorization server',
        detail: 'The protected resource metadata now names {newIssuer}, but the pre-registered client {clientId} was registered with {issuer}. Credentials are bound to the authorization server that issued them, so the debugger does not send them to another one.',
        hint: 'Register the client with {newIssuer} and run again with its client_id, or use dynamic registration or a Client ID Metadata Document, which move with the authorization server.',
      },
      'zh-CN': {
        title: '预注册的客户端属于另一个授权服务器',
        detail: '受保护资源元数据现在指向 {newIssuer},而预注册客户端 {clientId} 是在 {issuer} 注册的。凭据与签发它的授权服务器绑定,因此调试器不会把它们发送给另一个授权服务器。',
        hint: '请在 {newIssuer} 注册该客户端并用其 client_id 重新运行,或使用动态注册或客户端 ID 元数据文档,它们可随授权服务器迁移。',
      },
    },
  },
  {
    id: 'registration.dcr-status-not-201',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc7591:3.2.1'],
    text: {
      en: {
        title: 'A successful registration answered HTTP {status}, not 201',
        detail: 'RFC 7591 §3.2.1: the server "responds with an HTTP 201 Created status code". Strict clients treat any other status as a failure.',
        hint: 'Answer a successful registration with 201 Created.',
      },
      'zh-CN': {
        title: '注册成功但返回 HTTP {status} 而非 201',
        detail: 'RFC 7591 §3.2.1 规定服务器 "以 HTTP 201 Created 状态码响应"。严格的客户端会把其他状态码视为失败。',
        hint: '注册成功时返回 201 Created。',
      },
    },
  },
  {
    id: 'registration.dcr-client-id-missing',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['rfc7591:3.2.1'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The registration response has no client_id',
        detail: 'RFC 7591 §3.2.1 makes client_id REQUIRED in the client information response. Without it there is no client to authorize.',
        hint: 'Return the issued client_id as a string in the registration response.',
      },
      'zh-CN': {
        title: '注册响应中没有 client_id',
        detail: 'RFC 7591 §3.2.1 规定客户端信息响应中 client_id 为必填。没有它就无法进行授权。',
        hint: '在注册响应中以字符串形式返回颁发的 client_id。',
      },
    },
  },
  {
    id: 'registration.dcr-redirect-uris-not-echoed',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc7591:3.2.1'],
    text: {
      en: {
        title: 'The registration response does not echo redirect_uris',
        detail: 'RFC 7591 §3.2.1: the response "MUST contain all registered metadata about the client". Without redirect_uris the client cannot tell which redirect URIs were registered.',
        hint: 'Return every registered client metadata field, including redirect_uris.',
      },
      'zh-CN': {
        title: '注册响应未回显 redirect_uris',
        detail: 'RFC 7591 §3.2.1 规定响应 "必须包含该客户端的全部已注册元数据"。缺少 redirect_uris,客户端无法得知哪些回调地址已注册。',
        hint: '返回所有已注册的客户端元数据字段,包括 redirect_uris。',
      },
    },
  },
  {
    id: 'registration.dcr-redirect-uri-replaced',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['rfc7591:3.2.1', 'mcp:open-redirection'],
    text: {
      en: {
        title: 'The authorization server did not register {redirectUri}',
        detail: 'The registration response lists redirect_uris {registered}. The authorization server validates redirect URIs exactly, so an authorization request with {redirectUri} will be refused.',
        hint: 'Register redirect URIs exactly as requested, or reject the registration with invalid_redirect_uri so the client knows.',
      },
      'zh-CN': {
        title: '授权服务器没有注册 {redirectUri}',
        detail: '注册响应中的 redirect_uris 为 {registered}。授权服务器会精确校验回调地址,因此使用 {redirectUri} 的授权请求将被拒绝。',
        hint: '按请求原样注册回调地址,或以 invalid_redirect_uri 拒绝注册,让客户端知道原因。',
      },
    },
  },
  {
    id: 'registration.dcr-secret-expiry-missing',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc7591:3.2.1'],
    text: {
      en: {
        title: 'client_secret issued without client_secret_expires_at',
        detail: 'RFC 7591 §3.2.1 makes client_secret_expires_at REQUIRED when a client_secret is issued (0 means it never expires).',
        hint: 'Include client_secret_expires_at with every issued client_secret.',
      },
      'zh-CN': {
        title: '颁发了 client_secret 却没有 client_secret_expires_at',
        detail: 'RFC 7591 §3.2.1 规定颁发 client_secret 时 client_secret_expires_at 为必填(0 表示永不过期)。',
        hint: '每次颁发 client_secret 时都带上 client_secret_expires_at。',
      },
    },
  },
  {
    id: 'registration.dcr-auth-method-changed',
    stepId: 'client-registration',
    severity: 'info',
    specRefs: ['rfc7591:3.2.1'],
    text: {
      en: {
        title: 'The authorization server registered {registered} instead of {requested}',
        detail: 'The registration asked for token_endpoint_auth_method "{requested}"; the server registered "{registered}". RFC 7591 allows the server to replace requested values; the debugger uses the registered method.',
      },
      'zh-CN': {
        title: '授权服务器注册的是 {registered} 而非 {requested}',
        detail: '注册请求申请的 token_endpoint_auth_method 为 "{requested}",服务器注册为 "{registered}"。RFC 7591 允许服务器替换请求值;调试器使用已注册的方式。',
      },
    },
  },
  {
    id: 'registration.dcr-library-rejected',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc7591:3.2.1'],
    text: {
      en: {
        title: 'A strict OAuth library rejects this registration response',
        detail: 'oauth4webapi, used as a second, spec-strict verdict, refused the response: {message}. Clients built on it will fail here.',
        hint: 'Make the registration response follow RFC 7591 §3.2.1 exactly.',
      },
      'zh-CN': {
        title: '严格的 OAuth 库拒绝了该注册响应',
        detail: '作为第二道严格校验的 oauth4webapi 拒绝了该响应:{message}。基于它构建的客户端会在此失败。',
        hint: '让注册响应严格符合 RFC 7591 §3.2.1。',
      },
    },
  },
  {
    id: 'registration.auth-method-unusable',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc7591:2'],
    text: {
      en: {
        title: 'Token endpoint auth method "{method}" is not one the debugger can use',
        detail: 'The client is registered with token_endpoint_auth_method "{method}". The debugger authenticates with client_secret_basic, client_secret_post, private_key_jwt or none, so it chooses among those instead.',
        hint: 'Force a method with --token-endpoint-auth-method if the server accepts another one for this client.',
      },
      'zh-CN': {
        title: '调试器无法使用令牌端点认证方式 "{method}"',
        detail: '该客户端注册的 token_endpoint_auth_method 为 "{method}"。调试器支持 client_secret_basic、client_secret_post、private_key_jwt 和 none,因此会从中另选一种。',
        hint: '如果服务器对该客户端接受其他方式,可用 --token-endpoint-auth-method 强制指定。',
      },
    },
  },
  {
    id: 'registration.auth-method-unsupported',
    stepId: 'client-registration',
    severity: 'warning',
    specRefs: ['rfc8414:2'],
    text: {
      en: {
        title: 'Token endpoint auth method {method} is not advertised',
        detail: 'The client will authenticate with {method}, but the authorization server\'s token_endpoint_auth_methods_supported is "{supported}". The token request may be refused.',
        hint: 'List every method the token endpoint accepts in token_endpoint_auth_methods_supported, or register the client with one of them.',
      },
      'zh-CN': {
        title: '令牌端点认证方式 {method} 未被声明支持',
        detail: '客户端将使用 {method} 认证,但授权服务器的 token_endpoint_auth_methods_supported 为 "{supported}"。令牌请求可能被拒绝。',
        hint: '在 token_endpoint_auth_methods_supported 中列出令牌端点接受的全部方式,或用其中之一注册客户端。',
      },
    },
  },
  {
    id: 'registration.auth-method-missing-credential',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['rfc6749:2.3', 'rfc7523:2.2'],
    stopsFlow: true,
    text: {
      en: {
        title: '{method} needs a credential client {clientId} does not have',
        detail: 'The token endpoint auth method is {method}, but no client secret (for client_secret_*) or private key (for private_key_jwt) is available.',
        hint: 'Pass --client-secret or a private key, or choose a method that matches the credentials you have.',
      },
      'zh-CN': {
        title: '{method} 需要客户端 {clientId} 所没有的凭据',
        detail: '令牌端点认证方式为 {method},但没有可用的客户端密钥(client_secret_* 需要)或私钥(private_key_jwt 需要)。',
        hint: '传入 --client-secret 或私钥,或选择与现有凭据相符的认证方式。',
      },
    },
  },
  {
    id: 'registration.client-credentials-public',
    stepId: 'client-registration',
    severity: 'error',
    specRefs: ['rfc6749:4.4'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The client credentials grant needs an authenticated client',
        detail: 'This client authenticates with "none". RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."',
        hint: 'Use a client with a secret or a private key for the client credentials grant.',
      },
      'zh-CN': {
        title: '客户端凭据授权需要可认证的客户端',
        detail: '该客户端的认证方式为 "none"。RFC 6749 §4.4 规定:"客户端凭据授权类型只能由机密客户端使用。"',
        hint: '客户端凭据授权请使用带密钥或私钥的客户端。',
      },
    },
  },
]);
