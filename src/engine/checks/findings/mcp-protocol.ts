import { defineFindings } from '../finding-definition.js';

/**
 * Findings about the MCP protocol itself: which era and version the server speaks and how it
 * says so (server/discover, version negotiation, the legacy handshake), the shape of modern
 * results, tool definitions and multi round-trip requests. Where the debugger cannot speak or
 * answer what the server does, the finding says so as the debugger's own limit (severity info).
 */
export const mcpProtocolFindings = defineFindings([
  {
    id: 'mcp.connected-without-token',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:protocol-requirements', 'mcp:tools-list'],
    text: {
      en: {
        title: 'Connected to {server} without a token',
        detail: 'The server needs no authorization. It speaks MCP {protocolVersion} ({era}), and tools/list returned {toolCount} tools, which can be called without a token.',
      },
      'zh-CN': {
        title: '无需令牌即已连接到 {server}',
        detail: '该服务器不需要授权。它使用 MCP {protocolVersion}({era}),tools/list 返回了 {toolCount} 个工具,无需令牌即可调用。',
      },
    },
  },
  {
    id: 'mcp.legacy-only-server',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    bySpec: { '2025-03-26': 'off', '2025-06-18': 'off', '2025-11-25': 'off' },
    specRefs: ['mcp:era-compatibility', 'mcp:http-backward-compatibility'],
    text: {
      en: {
        title: 'The server speaks only the legacy protocol ({version})',
        detail: 'A 2026-07-28 request (server/discover) got HTTP {status} without a modern JSON-RPC error, and the legacy initialize handshake then worked. The debugger fell back, as a dual-era client does; a client that speaks only 2026-07-28 cannot use this server.',
        hint: 'Serve 2026-07-28 beside the legacy revisions on the same endpoint: requests that carry _meta and the MCP-Protocol-Version header are served statelessly, initialize keeps the legacy behaviour (the MCP SDKs from v2 do both).',
      },
      'zh-CN': {
        title: '服务器只支持旧版协议({version})',
        detail: '一个 2026-07-28 请求(server/discover)得到 HTTP {status},且没有新版 JSON-RPC 错误;随后旧版 initialize 握手成功。调试器像双版本客户端那样回退了;只支持 2026-07-28 的客户端无法使用该服务器。',
        hint: '请在同一端点上同时提供 2026-07-28 与旧版协议:携带 _meta 和 MCP-Protocol-Version 头的请求按无状态方式处理,initialize 保持旧版行为(MCP SDK v2 起两者都支持)。',
      },
    },
  },
  {
    id: 'mcp.modern-only-server',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    bySpec: { '2026-07-28': 'info' },
    specRefs: ['mcp:era-compatibility', 'mcp:lifecycle-initialization'],
    text: {
      en: {
        title: 'The server speaks only MCP 2026-07-28, not {spec}',
        detail: 'The legacy initialize handshake of {spec} was refused ({message}), and the server answers modern requests. The debugger went on in 2026-07-28, which it speaks too; a client of {spec} cannot connect.',
        hint: 'If clients of {spec} must connect, keep serving initialize beside the modern protocol (a dual-era server). Otherwise judge this server by 2026-07-28.',
      },
      'zh-CN': {
        title: '服务器只支持 MCP 2026-07-28,不支持 {spec}',
        detail: '{spec} 的旧版 initialize 握手被拒绝({message}),而服务器响应新版请求。调试器也支持 2026-07-28,于是以该版本继续;{spec} 的客户端无法连接。',
        hint: '若 {spec} 的客户端必须能连接,请在新版协议之外继续处理 initialize(双版本服务器)。否则请按 2026-07-28 评判该服务器。',
      },
    },
  },
  {
    id: 'mcp.initialize-rejection-unnamed',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:era-compatibility'],
    text: {
      en: {
        title: 'initialize was refused without naming the supported versions',
        detail: 'The server refused the legacy initialize request ({message}) but did not say which protocol versions it supports. A modern-only server SHOULD name them in any error to initialize: legacy clients cannot fall forward, and this message is all they can show.',
        hint: 'Answer initialize with an UnsupportedProtocolVersionError (-32022) whose data.supported lists the versions, e.g. ["2026-07-28"].',
      },
      'zh-CN': {
        title: 'initialize 被拒绝,但未说明支持的版本',
        detail: '服务器拒绝了旧版 initialize 请求({message}),却没有说明支持哪些协议版本。只支持新版的服务器在响应 initialize 的任何错误中都应当列出它们:旧版客户端无法向前升级,这条消息是它们唯一能展示的信息。',
        hint: '请以 UnsupportedProtocolVersionError(-32022)响应 initialize,并在 data.supported 中列出版本,例如 ["2026-07-28"]。',
      },
    },
  },
  {
    id: 'mcp.era-contradiction',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:era-compatibility', 'mcp:http-backward-compatibility'],
    text: {
      en: {
        title: 'The server refuses both eras',
        detail: 'The legacy initialize was refused as if the server were modern-only, yet a modern request then got HTTP {status} without a modern JSON-RPC error, as a legacy server answers. No client can connect.',
        hint: 'Answer modern requests (with _meta and MCP-Protocol-Version) statelessly, or initialize as a legacy server; refuse the other era with the errors the spec names.',
      },
      'zh-CN': {
        title: '服务器两种版本都拒绝',
        detail: '旧版 initialize 被拒绝,仿佛服务器只支持新版;可随后的新版请求得到 HTTP {status},且没有新版 JSON-RPC 错误,又像旧版服务器的响应。任何客户端都无法连接。',
        hint: '请以无状态方式处理新版请求(带 _meta 和 MCP-Protocol-Version),或像旧版服务器那样处理 initialize;对另一种版本返回规范规定的错误。',
      },
    },
  },
  {
    id: 'mcp.version-retried',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:version-negotiation'],
    text: {
      en: {
        title: 'Unsupported protocol version: retried with {version}',
        detail: 'The server answered UnsupportedProtocolVersionError listing {supported}; the debugger retried with {version}, as the client SHOULD.',
      },
      'zh-CN': {
        title: '协议版本不受支持:已改用 {version} 重试',
        detail: '服务器以 UnsupportedProtocolVersionError 响应,列出 {supported};调试器按客户端应有的做法改用 {version} 重试。',
      },
    },
  },
  {
    id: 'mcp.no-common-version',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:version-negotiation'],
    text: {
      en: {
        title: 'mcp-auth-debugger cannot speak any version this server supports',
        detail: 'The server supports {supported}; this debugger speaks {known} and the legacy revisions. This is the debugger\'s limit, not a fault of the server, so the run stops here.',
        hint: 'Use a newer mcp-auth-debugger, or judge the server with a client that speaks its version.',
      },
      'zh-CN': {
        title: 'mcp-auth-debugger 无法使用该服务器支持的任何版本',
        detail: '服务器支持 {supported};本调试器支持 {known} 和各旧版修订。这是调试器自身的限制,并非服务器的问题,因此运行到此为止。',
        hint: '请使用更新的 mcp-auth-debugger,或使用支持该版本的客户端评判该服务器。',
      },
    },
  },
  {
    id: 'mcp.version-retry-loop',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:version-negotiation'],
    text: {
      en: {
        title: 'The server keeps rejecting version {version}, which it lists as supported',
        detail: 'Each request with protocol version {version} got UnsupportedProtocolVersionError, whose supported list ({supported}) names that very version. Retrying cannot help; the debugger stopped instead of looping.',
        hint: 'The supported list must name the versions the server accepts; check that the MCP-Protocol-Version header and _meta are read the same way.',
      },
      'zh-CN': {
        title: '服务器不断拒绝它自己列为支持的版本 {version}',
        detail: '每个使用协议版本 {version} 的请求都得到 UnsupportedProtocolVersionError,而其 supported 列表({supported})正包含该版本。重试无济于事,调试器停止而不是无限循环。',
        hint: 'supported 列表必须列出服务器真正接受的版本;请检查 MCP-Protocol-Version 头与 _meta 是否以同样方式读取。',
      },
    },
  },
  {
    id: 'mcp.unsupported-version-without-list',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:version-negotiation', 'mcp:error-codes'],
    text: {
      en: {
        title: 'Unsupported protocol version, but no list of supported ones',
        detail: 'The server answered UnsupportedProtocolVersionError ({message}) without data.supported. It MUST list the versions it supports, so the client can retry with one of them.',
        hint: 'Send {"code": -32022, "data": {"supported": [...], "requested": "..."}}.',
      },
      'zh-CN': {
        title: '协议版本不受支持,却没有给出支持的版本列表',
        detail: '服务器以 UnsupportedProtocolVersionError({message})响应,但没有 data.supported。它必须列出支持的版本,客户端才能改用其中之一重试。',
        hint: '请返回 {"code": -32022, "data": {"supported": [...], "requested": "..."}}。',
      },
    },
  },
  {
    id: 'mcp.discover-missing',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:discover', 'mcp:version-negotiation'],
    text: {
      en: {
        title: 'server/discover is not implemented',
        detail: 'The server answered server/discover with "method not found" ({message}). Servers MUST implement server/discover; clients use it to learn the supported versions, capabilities and identity.',
        hint: 'Implement server/discover: supportedVersions, capabilities, and serverInfo in _meta.',
      },
      'zh-CN': {
        title: '未实现 server/discover',
        detail: '服务器对 server/discover 返回“方法不存在”({message})。服务器必须实现 server/discover;客户端借此了解支持的版本、能力和服务器身份。',
        hint: '请实现 server/discover:supportedVersions、capabilities,以及 _meta 中的 serverInfo。',
      },
    },
  },
  {
    id: 'mcp.discover-invalid',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:discover'],
    text: {
      en: {
        title: 'The server/discover result lacks {missing}',
        detail: 'A DiscoverResult carries the supported protocol versions (an array of strings) and the capabilities (an object); this one lacks {missing}.',
        hint: 'Return {"supportedVersions": ["2026-07-28"], "capabilities": {...}, "_meta": {"io.modelcontextprotocol/serverInfo": {...}}}.',
      },
      'zh-CN': {
        title: 'server/discover 的结果缺少 {missing}',
        detail: 'DiscoverResult 应包含支持的协议版本(字符串数组)和能力(对象);该结果缺少 {missing}。',
        hint: '请返回 {"supportedVersions": ["2026-07-28"], "capabilities": {...}, "_meta": {"io.modelcontextprotocol/serverInfo": {...}}}。',
      },
    },
  },
  {
    id: 'mcp.discover-version-not-listed',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:discover', 'mcp:version-negotiation'],
    text: {
      en: {
        title: 'server/discover succeeded in {version} but does not list it',
        detail: 'The server answered the request made in protocol version {version}, yet its supportedVersions are {supported}. A server that does not implement the requested version MUST answer UnsupportedProtocolVersionError instead.',
        hint: 'List every version the server accepts in supportedVersions.',
      },
      'zh-CN': {
        title: 'server/discover 以 {version} 成功,却未列出该版本',
        detail: '服务器响应了以协议版本 {version} 发出的请求,但其 supportedVersions 为 {supported}。不支持所请求版本的服务器必须返回 UnsupportedProtocolVersionError。',
        hint: '请在 supportedVersions 中列出服务器接受的所有版本。',
      },
    },
  },
  {
    id: 'mcp.discover-no-server-info',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:discover'],
    text: {
      en: {
        title: 'server/discover does not say which server this is',
        detail: 'The DiscoverResult has no _meta["io.modelcontextprotocol/serverInfo"]. Servers SHOULD include it, for display, logging and debugging.',
        hint: 'Add {"name": "...", "version": "..."} under _meta["io.modelcontextprotocol/serverInfo"].',
      },
      'zh-CN': {
        title: 'server/discover 没有说明这是哪个服务器',
        detail: 'DiscoverResult 中没有 _meta["io.modelcontextprotocol/serverInfo"]。服务器应当提供它,以便展示、记录日志和调试。',
        hint: '请在 _meta["io.modelcontextprotocol/serverInfo"] 下加入 {"name": "...", "version": "..."}。',
      },
    },
  },
  {
    id: 'mcp.modern-session-id',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:legacy-transport'],
    text: {
      en: {
        title: 'A modern answer carries Mcp-Session-Id',
        detail: '2026-07-28 has no protocol-level sessions; a server SHOULD neither mint nor echo session ids to modern requests.',
        hint: 'Drop the Mcp-Session-Id header from answers to requests that carry _meta.',
      },
      'zh-CN': {
        title: '新版响应中带有 Mcp-Session-Id',
        detail: '2026-07-28 没有协议级会话;服务器不应为新版请求生成或回显会话 ID。',
        hint: '请在响应携带 _meta 的请求时去掉 Mcp-Session-Id 头。',
      },
    },
  },
  {
    id: 'mcp.header-mismatch',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:server-validation', 'mcp:request-metadata'],
    text: {
      en: {
        title: 'The server refused the headers of {operation}',
        detail: 'The server answered HeaderMismatch (-32020): {message}. The debugger sends MCP-Protocol-Version, Mcp-Method, Mcp-Name and the Mcp-Param headers a tool declares, mirrored from the body as the spec defines (the exchange shows them); the server compared them differently.',
        hint: 'Compare case-insensitive header names, decode =?base64?…?= values before comparing, and compare integers numerically.',
      },
      'zh-CN': {
        title: '服务器拒绝了 {operation} 的请求头',
        detail: '服务器返回 HeaderMismatch(-32020):{message}。调试器按规范从请求体镜像发送 MCP-Protocol-Version、Mcp-Method、Mcp-Name 以及工具声明的 Mcp-Param 头(可在交互中查看);服务器的比较方式与之不同。',
        hint: '请按不区分大小写的方式比较头名称,在比较前解码 =?base64?…?= 形式的值,并按数值比较整数。',
      },
    },
  },
  {
    id: 'mcp.client-capability-required',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:error-codes', 'mcp:mrtr'],
    text: {
      en: {
        title: '{operation} needs a client capability the debugger does not offer',
        detail: 'The server answered MissingRequiredClientCapability (-32021): {message}. The debugger declares form elicitation and roots only; this is its limit, not a fault of the server.',
      },
      'zh-CN': {
        title: '{operation} 需要调试器未提供的客户端能力',
        detail: '服务器返回 MissingRequiredClientCapability(-32021):{message}。调试器只声明了表单式 elicitation 和 roots;这是调试器自身的限制,并非服务器的问题。',
      },
    },
  },
  {
    id: 'mcp.result-type-missing',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:result-type'],
    text: {
      en: {
        title: 'The {operation} result has no resultType',
        detail: 'A 2026-07-28 result MUST include resultType ("complete" or "input_required"). The debugger read it as "complete", as clients do for servers of earlier versions.',
        hint: 'Add "resultType": "complete" to every result.',
      },
      'zh-CN': {
        title: '{operation} 的结果没有 resultType',
        detail: '2026-07-28 的结果必须包含 resultType("complete" 或 "input_required")。调试器像对待早期版本的服务器那样,把它当作 "complete"。',
        hint: '请在每个结果中加入 "resultType": "complete"。',
      },
    },
  },
  {
    id: 'mcp.result-type-unknown',
    stepId: 'authenticated-mcp',
    severity: 'error',
    specRefs: ['mcp:result-type'],
    text: {
      en: {
        title: 'The {operation} result has an unknown resultType {resultType}',
        detail: 'A resultType the client does not recognise MUST be considered invalid; the result was not used. The core values are "complete" and "input_required"; extensions add others only when advertised in capabilities.',
      },
      'zh-CN': {
        title: '{operation} 的结果带有未知的 resultType {resultType}',
        detail: '客户端不认识的 resultType 必须视为无效,因此该结果未被使用。核心取值为 "complete" 和 "input_required";扩展只有在能力中声明后才能增加其他取值。',
      },
    },
  },
  {
    id: 'mcp.tool-definition-rejected',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:x-mcp-header', 'mcp:request-metadata'],
    text: {
      en: {
        title: 'The tool {tool} was set aside: invalid x-mcp-header',
        detail: '{reason}. Clients MUST exclude a tool whose x-mcp-header annotations break the rules, so {tool} is not offered; the other tools are.',
        hint: 'x-mcp-header values must be non-empty HTTP tokens, unique regardless of case, on string, integer or boolean properties reachable through "properties" alone.',
      },
      'zh-CN': {
        title: '工具 {tool} 被排除:x-mcp-header 无效',
        detail: '{reason}。x-mcp-header 标注违反规则的工具必须被客户端排除,因此不提供 {tool};其他工具照常提供。',
        hint: 'x-mcp-header 的值必须是非空的 HTTP token,不区分大小写地唯一,且只能用于仅经由 "properties" 可达的 string、integer 或 boolean 属性。',
      },
    },
  },
  {
    id: 'mcp.tool-call-refused',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:x-mcp-header'],
    text: {
      en: {
        title: '{tool} was not called: its definition is invalid',
        detail: 'The tool was set aside when it was listed ({reason}), so the debugger did not call it.',
      },
      'zh-CN': {
        title: '未调用 {tool}:其定义无效',
        detail: '该工具在列出时已被排除({reason}),因此调试器没有调用它。',
      },
    },
  },
  {
    id: 'mcp.input-required',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:mrtr'],
    text: {
      en: {
        title: '{tool} asked for input: {requests}',
        detail: 'The server answered resultType "input_required". With nobody to ask in the middle of a run, the debugger answered {answers} and retried the call with a new id, echoing the requestState unchanged.',
      },
      'zh-CN': {
        title: '{tool} 请求输入:{requests}',
        detail: '服务器返回 resultType "input_required"。运行中途无人可问,调试器回答了 {answers},并以新的 id 重试调用,原样回传 requestState。',
      },
    },
  },
  {
    id: 'mcp.input-request-unsupported',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:mrtr'],
    text: {
      en: {
        title: '{tool} asked for input the debugger cannot give ({methods})',
        detail: 'The debugger answers form elicitations and roots requests; it samples no model and opens no URL. The call ends here; this is the debugger\'s limit, not a fault of the server.',
      },
      'zh-CN': {
        title: '{tool} 请求了调试器无法提供的输入({methods})',
        detail: '调试器能回答表单式 elicitation 和 roots 请求;它不调用模型采样,也不打开 URL。调用到此结束;这是调试器自身的限制,并非服务器的问题。',
      },
    },
  },
  {
    id: 'mcp.input-required-rounds',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:mrtr'],
    text: {
      en: {
        title: '{tool} still asked for input after {rounds} rounds',
        detail: 'Every retry with the requested input was answered "input_required" again; the debugger stopped after {rounds} rounds.',
        hint: 'Check that the server reads inputResponses and requestState from the retried request.',
      },
      'zh-CN': {
        title: '{tool} 在 {rounds} 轮后仍在请求输入',
        detail: '每次携带所需输入的重试都再次得到 "input_required";调试器在 {rounds} 轮后停止。',
        hint: '请检查服务器是否从重试的请求中读取了 inputResponses 和 requestState。',
      },
    },
  },
  {
    id: 'mcp.authorization-required-later',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:error-handling', 'mcp:protocol-requirements'],
    text: {
      en: {
        title: '{operation} asks for a token after all',
        detail: 'The server answered the unauthenticated probe, so the debugger went on without a token; {operation} then got 401 (WWW-Authenticate: {challenge}). Run the debugger with the request that gets 401 first, or protect the endpoint consistently.',
      },
      'zh-CN': {
        title: '{operation} 最终还是要求令牌',
        detail: '服务器响应了未认证的探测请求,因此调试器在没有令牌的情况下继续;随后 {operation} 得到 401(WWW-Authenticate:{challenge})。请让首个请求就得到 401,或一致地保护该端点。',
      },
    },
  },
  {
    id: 'mcp.authorization-server-changed',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:as-location', 'mcp:client-registration'],
    text: {
      en: {
        title: 'The resource moved to another authorization server',
        detail: '{operation} got 401, and the protected resource metadata now names {to} instead of {from}, which issued the token. The debugger goes back to discovery and registers with the new authorization server; the old client credentials are not sent there.',
      },
      'zh-CN': {
        title: '资源改用了另一个授权服务器',
        detail: '{operation} 得到 401,而受保护资源元数据现在指向 {to},不再是签发令牌的 {from}。调试器回到发现阶段并在新的授权服务器注册;旧的客户端凭据不会发送给它。',
      },
    },
  },
]);
