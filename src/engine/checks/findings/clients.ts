import { defineFindings } from '../finding-definition.js';

/**
 * The real MCP SDK clients beside the debugger (`check --clients`, the page's "Real SDK
 * clients"). A client is software with its own strictness: one that connects where the debugger
 * found a violation is looser than the spec, one that stops where the debugger found none is
 * stricter. These findings describe the clients, so they are info or warning, never an error of
 * the server; a stop that is the headless run's own limit (a sign-in page) is said to be one.
 */
export const clientsFindings = defineFindings([
  {
    id: 'clients.connected',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'A real MCP client connects',
        detail: '{client} went through the whole flow against the server, connected with protocol {protocol} and listed {tools} tools.',
      },
      'zh-CN': {
        title: '真实的 MCP 客户端可以连接',
        detail: '{client} 对该服务器走完了整个流程,以协议 {protocol} 连接,并列出了 {tools} 个工具。',
      },
    },
  },
  {
    id: 'clients.stopped',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:flow-steps', 'mcp:standards-compliance'],
    text: {
      en: {
        title: 'A real MCP client cannot connect',
        detail: '{client} stopped at {stage}: {error}. The debugger found errors too ({debuggerFindings}); fixing them is the way to let this client in.',
        hint: 'Fix the error findings of the run first; this client stops where they are.',
      },
      'zh-CN': {
        title: '真实的 MCP 客户端无法连接',
        detail: '{client} 停在{stage}:{error}。调试器同样发现了错误({debuggerFindings});修复这些错误,这个客户端才能连接。',
        hint: '先修复本次运行中的错误类发现;这个客户端正是停在那里。',
      },
    },
  },
  {
    id: 'clients.stricter-than-debugger',
    stepId: 'authenticated-mcp',
    severity: 'warning',
    specRefs: ['mcp:flow-steps', 'mcp:standards-compliance'],
    text: {
      en: {
        title: 'A real MCP client is stricter than the spec requires',
        detail: '{client} stopped at {stage}: {error}. The debugger found no error in its run (its warnings: {debuggerFindings}): the server may well follow the spec, but users of this client cannot connect. The client asks for more than the spec, or reads it differently.',
        hint: 'Look at what the client raised: where a small change on the server side lets it in without leaving the spec, it is worth making; otherwise the client is the one to change.',
      },
      'zh-CN': {
        title: '真实的 MCP 客户端比规范要求更严格',
        detail: '{client} 停在{stage}:{error}。调试器在其运行中没有发现错误(其警告:{debuggerFindings}):服务器很可能符合规范,但使用这个客户端的用户无法连接。该客户端的要求超出了规范,或对规范有不同的理解。',
        hint: '看看客户端报了什么错:如果服务器端做一点不违背规范的小改动就能让它连接,值得去做;否则需要修改的是客户端。',
      },
    },
  },
  {
    id: 'clients.looser-than-debugger',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:flow-steps', 'mcp:standards-compliance'],
    text: {
      en: {
        title: 'A real MCP client is looser than the spec',
        detail: '{client} connected although the debugger found errors ({debuggerFindings}). The client lets them pass where the spec says a client must not, or does not check them; a stricter client will stop there.',
        hint: 'Do not take this client connecting as proof that the setup is right: fix the error findings.',
      },
      'zh-CN': {
        title: '真实的 MCP 客户端比规范宽松',
        detail: '{client} 连接成功,尽管调试器发现了错误({debuggerFindings})。该客户端在规范要求客户端不得放行的地方放行了,或者根本没有检查;更严格的客户端会停在那里。',
        hint: '不要把这个客户端能连接当作配置正确的证明:请修复错误类发现。',
      },
    },
  },
  {
    id: 'clients.sign-in-page',
    stepId: 'authenticated-mcp',
    severity: 'info',
    specRefs: ['mcp:flow-steps'],
    text: {
      en: {
        title: 'A real MCP client reached the sign-in page',
        detail: '{client} got through discovery and registration and was sent to the authorization server, which showed a sign-in or consent page. The headless run cannot sign in, so it stopped there: a limit of the debugger, not a fault of the server.',
        hint: 'To see the clients go further, run against a server that signs in without a page (the lab with --auto-consent), or use the debugger’s own run with browser consent.',
      },
      'zh-CN': {
        title: '真实的 MCP 客户端到达了登录页',
        detail: '{client} 通过了发现和注册,并被引导到授权服务器,授权服务器显示了登录或同意页面。无界面运行无法登录,因此停在那里:这是调试器的局限,不是服务器的问题。',
        hint: '若想让客户端走得更远,请针对无需页面即可登录的服务器运行(带 --auto-consent 的实验环境),或使用调试器自身带浏览器同意的运行。',
      },
    },
  },
]);
