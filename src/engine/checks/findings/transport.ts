import { defineFindings } from '../finding-definition.js';

/** Findings about the network, response bodies and the engine itself, in whichever step they occur. */
export const transportFindings = defineFindings([
  {
    id: 'engine.internal-error',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'The debugger hit an internal error',
        detail: 'Step {step} failed inside the debugger: {message}. This is a bug in mcp-auth-debugger, not in your server.',
        hint: 'Please report it with the exported session (secrets are redacted by default).',
      },
      'zh-CN': {
        title: '调试器内部出错',
        detail: '步骤 {step} 在调试器内部失败:{message}。这是 mcp-auth-debugger 的缺陷,不是你的服务器的问题。',
        hint: '请附上导出的会话报告此问题(默认会隐去机密信息)。',
      },
    },
  },
  {
    id: 'http.unreachable',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:communication-security'],
    text: {
      en: {
        title: '{problem}: {url}',
        detail: 'The request to {url} failed ({kind}): {message}.',
        hint: 'Check the URL, that the server is running and listening on that address, and any proxy or firewall between.',
      },
      'zh-CN': {
        title: '{problem}:{url}',
        detail: '对 {url} 的请求失败({kind}):{message}。',
        hint: '检查 URL、服务器是否在运行并监听该地址,以及中间的代理或防火墙。',
      },
    },
  },
  {
    id: 'http.private-hop',
    stepId: 'probe',
    severity: 'error',
    stopsFlow: true,
    specRefs: ['mcp:ssrf'],
    text: {
      en: {
        title: 'Not followed into a private address: {url}',
        detail:
          'The run started at another host, and this server sent it on to {url}: {message} A server on the internet that names such an address could make the debugger reach into your own network and show you the answers, so the request was not sent.',
        hint: 'If the address is right (a server on your own network, behind a proxy or in a cluster), allow private addresses and go on ("Allow private addresses and go on" in the page, --allow-private-hops in the CLI). Otherwise fix the URL the server publishes.',
      },
      'zh-CN': {
        title: '未跟随到私有地址:{url}',
        detail:
          '本次运行从另一台主机开始,而该服务器把它引向了 {url}:{message} 互联网上的服务器若给出这样的地址,就能让调试器访问你自己的网络并把应答展示出来,因此该请求没有发送。',
        hint: '如果地址无误(服务器在你自己的网络中、在代理或集群之后),请允许私有地址并继续(页面中点“允许私有地址并继续”,CLI 中使用 --allow-private-hops)。否则请修正服务器发布的 URL。',
      },
    },
  },
  {
    id: 'http.body-too-large',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['mcp:communication-security'],
    text: {
      en: {
        title: 'The answer from {url} is too large',
        detail: 'The body exceeded {limit} bytes and was cut; the debugger does not parse a cut document.',
        hint: 'Metadata documents are a few kilobytes. Check that the URL serves the document and not a download or a stream.',
      },
      'zh-CN': {
        title: '{url} 的响应过大',
        detail: '响应体超过了 {limit} 字节并被截断;调试器不解析被截断的文档。',
        hint: '元数据文档只有几 KB。请确认该 URL 返回的是文档,而不是下载文件或数据流。',
      },
    },
  },
  {
    id: 'http.redirect-loop',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['rfc9110:15.4'],
    text: {
      en: {
        title: '{url} redirects in a loop',
        detail:
          'Following the redirects from {url} leads back to {repeated}, a URL already requested, after {hops} redirects. A client that follows redirects gives up (the MCP SDK after {max}) and never gets an answer there.',
        hint: 'Look for a rule that redirects a URL to itself: a trailing-slash or https rewrite that matches its own target, or a proxy and an application that each redirect to the other.',
      },
      'zh-CN': {
        title: '{url} 陷入重定向循环',
        detail:
          '从 {url} 开始跟随重定向,在 {hops} 次重定向后回到了已经请求过的 {repeated}。跟随重定向的客户端会放弃(MCP SDK 在 {max} 次之后放弃),永远得不到应答。',
        hint: '请查找把 URL 重定向到其自身的规则:匹配到自身目标的末尾斜杠或 https 重写规则,或者代理与应用互相重定向。',
      },
    },
  },
  {
    id: 'http.not-json',
    stepId: 'probe',
    severity: 'error',
    specRefs: ['rfc8414:3.2', 'rfc9728:3.2'],
    text: {
      en: {
        title: '{what} is not JSON',
        detail: '{url} answered with Content-Type "{contentType}" and a body that is not JSON ({reason}).',
        hint: 'Serve the document as application/json. An HTML answer usually means a front-end router or login page caught the path.',
      },
      'zh-CN': {
        title: '{what}不是 JSON',
        detail: '{url} 返回的 Content-Type 为 "{contentType}",响应体不是 JSON({reason})。',
        hint: '以 application/json 返回该文档。返回 HTML 通常说明前端路由或登录页拦截了该路径。',
      },
    },
  },
  {
    id: 'http.not-json-content-type',
    stepId: 'probe',
    severity: 'warning',
    specRefs: ['rfc8414:3.2', 'rfc9728:3.2'],
    text: {
      en: {
        title: '{what} is served with the wrong Content-Type',
        detail: '{url} answered with Content-Type "{contentType}"; the document must be served as application/json.',
        hint: 'Set Content-Type: application/json on the response.',
      },
      'zh-CN': {
        title: '{what}的 Content-Type 不正确',
        detail: '{url} 返回的 Content-Type 为 "{contentType}";该文档必须以 application/json 返回。',
        hint: '在响应上设置 Content-Type: application/json。',
      },
    },
  },
]);
