import { defineFindings } from '../finding-definition.js';

/** Findings of the authorization-response stage: the callback, RFC 9207 `iss`, `state`, errors and the code. */
export const authorizationResponseFindings = defineFindings([
  {
    id: 'authorization.callback-invalid',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['rfc6749:4.1.2'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The callback is not a URL',
        detail: 'The value given as the callback ("{callbackUrl}") cannot be parsed as a URL, so there is no authorization response to read.',
        hint: 'Copy the whole address from the browser\'s address bar after the authorization server redirected, starting with http:// or https://.',
      },
      'zh-CN': {
        title: '回调不是一个 URL',
        detail: '作为回调提供的值("{callbackUrl}")无法解析为 URL,因此没有可读取的授权响应。',
        hint: '在授权服务器重定向之后,从浏览器地址栏复制以 http:// 或 https:// 开头的完整地址。',
      },
    },
  },
  {
    id: 'authorization.callback-not-redirect-uri',
    stepId: 'authorization-response',
    severity: 'warning',
    specRefs: ['mcp:open-redirection', 'rfc6749:3.1.2'],
    text: {
      en: {
        title: 'The callback did not arrive at the redirect URI',
        detail: 'The response came to {callbackUrl}, but the request named redirect URI {redirectUri}. Authorization servers MUST redirect only to the exact registered redirect URI.',
        hint: 'Check that the pasted address is the one the authorization server redirected to, and that the server validates redirect URIs exactly.',
      },
      'zh-CN': {
        title: '回调没有到达请求中的回调地址',
        detail: '响应到达 {callbackUrl},但请求中的回调地址是 {redirectUri}。授权服务器只能重定向到已注册且完全一致的回调地址。',
        hint: '确认粘贴的地址就是授权服务器重定向到的地址,并确认服务器对回调地址做精确校验。',
      },
    },
  },
  {
    id: 'authorization.duplicate-parameter',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['rfc6749:3.1'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response repeats the "{name}" parameter',
        detail: 'RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once." A repeated parameter is ambiguous and a sign of parameter injection, so the response is discarded.',
        hint: 'Send each response parameter once.',
      },
      'zh-CN': {
        title: '响应中重复出现 "{name}" 参数',
        detail: 'RFC 6749 §3.1 规定:"请求和响应参数不得出现多次。" 重复参数含义不明,也可能是参数注入的迹象,因此丢弃该响应。',
        hint: '每个响应参数只发送一次。',
      },
    },
  },
  {
    id: 'authorization.iss-verified',
    stepId: 'authorization-response',
    severity: 'info',
    specRefs: ['mcp:iss-validation', 'rfc9207:2.4'],
    text: {
      en: {
        title: 'The response\'s iss matches the recorded issuer',
        detail: 'iss is exactly "{iss}", the issuer recorded from the authorization server metadata before redirecting (simple string comparison, RFC 9207). The response comes from the authorization server the request went to.',
      },
      'zh-CN': {
        title: '响应中的 iss 与记录的签发者一致',
        detail: 'iss 恰好为 "{iss}",即重定向前从授权服务器元数据中记录的签发者(简单字符串比较,RFC 9207)。该响应来自请求所发往的授权服务器。',
      },
    },
  },
  {
    id: 'authorization.iss-not-advertised',
    stepId: 'authorization-response',
    severity: 'warning',
    bySpec: { '2025-03-26': 'info', '2025-06-18': 'info', '2025-11-25': 'info' },
    specRefs: ['mcp:iss-validation', 'rfc9207:3'],
    text: {
      en: {
        title: 'iss is sent but not advertised in the metadata',
        detail: 'The response carries iss, but the authorization server metadata does not set authorization_response_iss_parameter_supported to true. Authorization servers that include iss MUST advertise it, so that clients reject responses where an attacker stripped it.',
        hint: 'Add "authorization_response_iss_parameter_supported": true to the authorization server metadata.',
      },
      'zh-CN': {
        title: '发送了 iss 但元数据中未声明',
        detail: '响应中带有 iss,但授权服务器元数据没有把 authorization_response_iss_parameter_supported 设为 true。包含 iss 的授权服务器必须声明这一点,客户端才能拒绝被攻击者删去 iss 的响应。',
        hint: '在授权服务器元数据中加入 "authorization_response_iss_parameter_supported": true。',
      },
    },
  },
  {
    id: 'authorization.iss-mismatch',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['mcp:iss-validation', 'mcp:mix-up', 'rfc9207:2.4'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response\'s iss "{received}" is not the recorded issuer',
        detail: 'The request went to the authorization server with issuer "{expected}", but the response says iss "{received}" (simple string comparison, no normalisation). This is what a mix-up attack looks like, so the response is rejected: its code is not sent to any token endpoint, and its error, error_description and error_uri are neither acted on nor displayed.',
        hint: 'Make the authorization server send iss exactly equal to the issuer in its metadata (same scheme, host case, port and trailing slash).',
      },
      'zh-CN': {
        title: '响应中的 iss "{received}" 不是记录的签发者',
        detail: '请求发往签发者为 "{expected}" 的授权服务器,但响应中的 iss 为 "{received}"(简单字符串比较,不做规范化)。这正是混淆攻击(mix-up)的特征,因此拒绝该响应:其授权码不会发送到任何令牌端点,其 error、error_description 和 error_uri 既不处理也不显示。',
        hint: '让授权服务器发送的 iss 与其元数据中的 issuer 完全一致(协议、主机大小写、端口和末尾斜杠都相同)。',
      },
    },
  },
  {
    id: 'authorization.iss-missing',
    stepId: 'authorization-response',
    severity: 'error',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:iss-validation', 'rfc9207:2.4'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response has no iss although the server advertises it',
        detail: 'The metadata sets authorization_response_iss_parameter_supported to true, so every authorization response must carry iss (expected "{expected}"). A response without it MUST be rejected: its code is not used.',
        hint: 'Include iss in every authorization response, including error responses, or stop advertising authorization_response_iss_parameter_supported.',
      },
      'zh-CN': {
        title: '服务器声明支持 iss,但响应中没有 iss',
        detail: '元数据把 authorization_response_iss_parameter_supported 设为 true,因此每个授权响应都必须带 iss(应为 "{expected}")。缺少它的响应必须被拒绝:其授权码不会被使用。',
        hint: '在每个授权响应(包括错误响应)中都包含 iss,或不再声明 authorization_response_iss_parameter_supported。',
      },
    },
  },
  {
    id: 'authorization.iss-missing-not-required',
    stepId: 'authorization-response',
    severity: 'warning',
    bySpec: { '2026-07-28': 'off' },
    specRefs: ['rfc9207:2.4'],
    text: {
      en: {
        title: 'The response has no iss although the server advertises it',
        detail: 'The metadata sets authorization_response_iss_parameter_supported to true but the response has no iss (expected "{expected}"). RFC 9207 clients reject such responses; MCP {spec} does not require RFC 9207, so the debugger goes on. From MCP 2026-07-28 the client MUST reject it.',
        hint: 'Include iss in every authorization response, or stop advertising authorization_response_iss_parameter_supported.',
      },
      'zh-CN': {
        title: '服务器声明支持 iss,但响应中没有 iss',
        detail: '元数据把 authorization_response_iss_parameter_supported 设为 true,但响应中没有 iss(应为 "{expected}")。实现 RFC 9207 的客户端会拒绝此类响应;MCP {spec} 不要求 RFC 9207,因此调试器继续执行。自 MCP 2026-07-28 起客户端必须拒绝。',
        hint: '在每个授权响应中都包含 iss,或不再声明 authorization_response_iss_parameter_supported。',
      },
    },
  },
  {
    id: 'authorization.iss-absent',
    stepId: 'authorization-response',
    severity: 'info',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:iss-validation', 'rfc9207:2'],
    text: {
      en: {
        title: 'The authorization server does not send iss',
        detail: 'Neither the metadata nor the response has iss, so the client proceeds without the mix-up check. MCP authorization servers SHOULD include iss in authorization responses (RFC 9207), and a future revision is expected to make it a MUST.',
        hint: 'Send iss in authorization responses and advertise authorization_response_iss_parameter_supported: true.',
      },
      'zh-CN': {
        title: '授权服务器没有发送 iss',
        detail: '元数据和响应中都没有 iss,因此客户端在没有混淆攻击检查的情况下继续。MCP 授权服务器应在授权响应中包含 iss(RFC 9207),后续修订预计会将其升级为必须。',
        hint: '在授权响应中发送 iss,并声明 authorization_response_iss_parameter_supported: true。',
      },
    },
  },
  {
    id: 'authorization.state-missing',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['mcp:open-redirection', 'rfc6749:4.1.2'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response has no state',
        detail: 'The request sent a state value; RFC 6749 §4.1.2 requires the authorization server to return it unchanged. Clients SHOULD "discard any results that do not include or have a mismatch with the original state", so the response is discarded.',
        hint: 'Return the state parameter exactly as received, in success and error responses.',
      },
      'zh-CN': {
        title: '响应中没有 state',
        detail: '请求中发送了 state;RFC 6749 §4.1.2 要求授权服务器原样返回。客户端应 "丢弃不包含原始 state 或与之不一致的结果",因此丢弃该响应。',
        hint: '在成功和错误响应中都原样返回 state 参数。',
      },
    },
  },
  {
    id: 'authorization.state-mismatch',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['mcp:open-redirection', 'rfc6749:10.12'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response\'s state does not match the request',
        detail: 'The request sent state "{expected}", the response returned "{received}". The response may belong to another request or be forged (CSRF), so it is discarded and its code is not used.',
        hint: 'Return state unchanged. If you pasted the callback by hand, paste the one from this run\'s authorization URL.',
      },
      'zh-CN': {
        title: '响应中的 state 与请求不一致',
        detail: '请求发送的 state 为 "{expected}",响应返回 "{received}"。该响应可能属于另一个请求或是伪造的(CSRF),因此丢弃它,也不使用其中的授权码。',
        hint: '原样返回 state。如果是手动粘贴的回调,请粘贴本次运行授权 URL 所对应的回调。',
      },
    },
  },
  {
    id: 'authorization.error-response',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['rfc6749:4.1.2.1', 'mcp:error-handling'],
    text: {
      en: {
        title: 'The authorization server answered with error "{error}"',
        detail: 'error_description: {description}. error_uri: {uri}. No authorization code was issued.',
        hint: 'access_denied: the user (or a policy) refused consent. invalid_scope: a requested scope is unknown or not allowed for this client. invalid_target: the resource parameter is not accepted (audience configuration). unauthorized_client / invalid_client: the client is not allowed this grant or its metadata document was refused. invalid_request: a parameter is missing or malformed (PKCE, redirect_uri).',
      },
      'zh-CN': {
        title: '授权服务器返回错误 "{error}"',
        detail: 'error_description:{description}。error_uri:{uri}。未颁发授权码。',
        hint: 'access_denied:用户(或策略)拒绝了授权。invalid_scope:请求的 scope 未知或该客户端不允许。invalid_target:不接受 resource 参数(检查受众配置)。unauthorized_client / invalid_client:客户端不允许使用该授权类型,或其元数据文档被拒绝。invalid_request:参数缺失或格式错误(PKCE、redirect_uri)。',
      },
    },
  },
  {
    id: 'authorization.code-missing',
    stepId: 'authorization-response',
    severity: 'error',
    specRefs: ['rfc6749:4.1.2'],
    stopsFlow: true,
    text: {
      en: {
        title: 'The response has no authorization code',
        detail: 'The callback carries neither code nor error. RFC 6749 §4.1.2 makes code REQUIRED in a successful authorization response.',
        hint: 'Check that the authorization server uses response_mode query for response_type=code, and that the whole callback URL was captured.',
      },
      'zh-CN': {
        title: '响应中没有授权码',
        detail: '回调中既没有 code 也没有 error。RFC 6749 §4.1.2 规定成功的授权响应中 code 为必填。',
        hint: '确认授权服务器对 response_type=code 使用 query 响应模式,并确认捕获了完整的回调 URL。',
      },
    },
  },
  {
    id: 'authorization.lenient-went-on',
    stepId: 'authorization-response',
    severity: 'warning',
    specRefs: ['mcp:iss-validation', 'mcp:open-redirection'],
    text: {
      en: {
        title: 'Lenient run: the code is used despite failed validation',
        detail: 'The response broke rules that make a client discard it ({violations}). A conformant client stops here; this lenient run passes the code on so the rest of the flow can be seen.',
      },
      'zh-CN': {
        title: '宽松模式:尽管校验失败仍使用授权码',
        detail: '该响应违反了要求客户端丢弃它的规则({violations})。符合规范的客户端会在此停止;本次宽松运行仍把授权码传下去,以便查看后续流程。',
      },
    },
  },
  {
    id: 'authorization.library-rejected',
    stepId: 'authorization-response',
    severity: 'warning',
    specRefs: ['rfc9207:2.4', 'rfc6749:4.1.2'],
    text: {
      en: {
        title: 'A strict OAuth library rejects this authorization response',
        detail: 'oauth4webapi, used as a second, spec-strict verdict, refused the response: {message}. Clients built on it will fail here.',
      },
      'zh-CN': {
        title: '严格的 OAuth 库拒绝了该授权响应',
        detail: '作为第二道严格校验的 oauth4webapi 拒绝了该响应:{message}。基于它构建的客户端会在此失败。',
      },
    },
  },
]);
