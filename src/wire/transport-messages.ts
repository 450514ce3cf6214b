/**
 * What the transports say when an exchange has no (complete) answer, in every language of the
 * findings catalogue. An exchange error keeps the English sentence in `message` and the id and
 * params in `messageId` / `messageParams`. `{cause}` is what the network library said: quoted
 * data, kept as it came.
 *
 * Part of the wire contract: the relay says its own refusals with these ids (so the page can
 * say them in its reader's language) and the engine's transports their failures.
 */
import type { PhraseText } from '../engine/checks/phrase-reference.js';

export const TRANSPORT_MESSAGES = {
  // The request itself (fetch transport and relay alike).
  'transport-error.not-absolute-url': { en: 'Not an absolute URL: {url}', 'zh-CN': '不是绝对 URL:{url}' },
  'transport-error.scheme-not-http': {
    en: 'Only http and https URLs can be requested, not {scheme}',
    'zh-CN': '只能请求 http 和 https URL,不能请求 {scheme}',
  },
  'transport-error.url-credentials': {
    en: 'URLs with user:password@ credentials cannot be requested; send credentials in a header instead.',
    'zh-CN': '不能请求带有 user:password@ 凭据的 URL;请改为在请求头中发送凭据。',
  },
  'transport-error.url-credentials-relay': {
    en: 'URLs with user:password@ credentials cannot be requested.',
    'zh-CN': '不能请求带有 user:password@ 凭据的 URL。',
  },
  'transport-error.private-address': {
    en: '{host} is a {addressKind} address, and the run started at {start}; it is not followed unless private addresses are allowed.',
    'zh-CN': '{host} 是{addressKind}地址,而本次运行从 {start} 开始;除非允许私有地址,否则不会访问它。',
  },
  'address-kind.loopback': { en: 'loopback', 'zh-CN': '环回' },
  'address-kind.private': { en: 'private', 'zh-CN': '私有' },
  'address-kind.link-local': { en: 'link-local', 'zh-CN': '链路本地' },
  'address-kind.unique-local': { en: 'unique-local', 'zh-CN': '唯一本地' },
  'address-kind.unspecified': { en: 'unspecified', 'zh-CN': '未指定' },

  // The answer.
  'transport-error.too-large': {
    en: 'The body is larger than {max} bytes; it was cut there.',
    'zh-CN': '响应体超过 {max} 字节;已在该处截断。',
  },
  'transport-error.timeout': { en: 'No complete answer within {ms} ms.', 'zh-CN': '{ms} 毫秒内没有收到完整的响应。' },
  'transport-error.timeout-library': { en: 'No complete answer in time ({cause})', 'zh-CN': '未在限定时间内收到完整的响应({cause})' },
  'transport-error.bad-port': {
    en: 'fetch refuses to connect to this port, which the Fetch standard blocks ({cause})',
    'zh-CN': 'fetch 拒绝连接这个端口,Fetch 标准禁止该端口({cause})',
  },
  'transport-error.refused': { en: 'Connection refused ({cause})', 'zh-CN': '连接被拒绝({cause})' },
  'transport-error.reset': {
    en: 'The server reset the connection before a complete answer arrived ({cause})',
    'zh-CN': '服务器在完整响应到达之前重置了连接({cause})',
  },
  'transport-error.closed': {
    en: 'The server closed the connection before a complete answer arrived ({cause})',
    'zh-CN': '服务器在完整响应到达之前关闭了连接({cause})',
  },
  'transport-error.not-http': { en: 'The answer is not valid HTTP/1.1 ({cause})', 'zh-CN': '响应不是有效的 HTTP/1.1({cause})' },
  'transport-error.headers-too-large': {
    en: 'The response headers are larger than the client accepts ({cause})',
    'zh-CN': '响应头超过了客户端可接受的大小({cause})',
  },
  'transport-error.bad-encoding': {
    en: 'The body does not decode with its Content-Encoding ({cause})',
    'zh-CN': '响应体无法按其 Content-Encoding 解码({cause})',
  },
  'transport-error.dns': { en: 'Host name not found ({cause})', 'zh-CN': '找不到主机名({cause})' },
  'transport-error.tls': { en: 'TLS failure ({cause})', 'zh-CN': 'TLS 失败({cause})' },
  'transport-error.connection-failed': { en: 'The connection failed ({cause})', 'zh-CN': '连接失败({cause})' },

  // The relay between the page and the servers.
  'transport-error.relay-timeout': { en: 'The relay did not answer within {ms} ms.', 'zh-CN': '中继在 {ms} 毫秒内没有响应。' },
  'transport-error.relay-unreachable': {
    en: 'The relay at {endpoint} could not be reached ({cause}).',
    'zh-CN': '无法连接到位于 {endpoint} 的中继({cause})。',
  },
  'transport-error.relay-body-timeout': {
    en: 'The relay did not finish its answer within {ms} ms.',
    'zh-CN': '中继没有在 {ms} 毫秒内完成响应。',
  },
  'transport-error.relay-not-envelope': {
    en: 'The relay answered {status} with a body that is not its JSON envelope ({cause}).',
    'zh-CN': '中继返回了 {status},但响应体不是它的 JSON 信封({cause})。',
  },
  'transport-error.relay-no-envelope': { en: 'The relay answered {status} without its envelope.', 'zh-CN': '中继返回了 {status},但没有它的信封。' },
  'transport-error.relay-refused': { en: 'The relay refused the call ({status}): {detail}', 'zh-CN': '中继拒绝了这次调用({status}):{detail}' },
  'transport-error.relay-no-reason': { en: 'no reason given', 'zh-CN': '未给出原因' },
  'transport-error.relay-no-result': { en: 'The relay answered without a result.', 'zh-CN': '中继的响应中没有结果。' },
  'transport-error.relay-malformed-success': {
    en: 'The relay reported success without a well-formed response.',
    'zh-CN': '中继报告成功,但没有格式正确的响应。',
  },
  'transport-error.relay-malformed-failure': {
    en: 'The relay reported a failure in a malformed shape.',
    'zh-CN': '中继以格式错误的形式报告了失败。',
  },
  // Why the relay refused a call (its request guard).
  'transport-error.relay-foreign-host': {
    en: 'The Host header does not name this relay (DNS-rebinding defence).',
    'zh-CN': 'Host 请求头指向的不是这个中继(DNS 重绑定防护)。',
  },
  'transport-error.relay-foreign-origin': {
    en: 'Relay calls are accepted only from the relay’s own origin.',
    'zh-CN': '中继只接受来自其自身源的调用。',
  },
  'transport-error.relay-missing-secret': { en: 'The {header} header is missing.', 'zh-CN': '缺少 {header} 请求头。' },
  'transport-error.relay-wrong-secret': { en: 'The {header} header is wrong.', 'zh-CN': '{header} 请求头不正确。' },
  // Why the relay refused a call's shape.
  'transport-error.relay-not-post': { en: 'Relay calls are POST requests.', 'zh-CN': '中继调用必须是 POST 请求。' },
  'transport-error.relay-not-json-type': { en: 'Relay calls are application/json.', 'zh-CN': '中继调用必须是 application/json。' },
  'transport-error.relay-call-too-large': { en: 'The relay call is larger than {max} bytes.', 'zh-CN': '中继调用超过 {max} 字节。' },
  'transport-error.relay-call-not-json': { en: 'The relay call is not valid JSON.', 'zh-CN': '中继调用不是有效的 JSON。' },
  'transport-error.relay-call-not-object': {
    en: 'The relay call is not an object with a method, a URL and headers.',
    'zh-CN': '中继调用不是包含 method、url 和 headers 的对象。',
  },
  'transport-error.relay-call-field': { en: 'The relay call’s {field} is missing or malformed.', 'zh-CN': '中继调用的 {field} 缺失或格式不正确。' },
  'transport-error.relay-call-method-token': { en: 'The relay call’s method is not an HTTP token.', 'zh-CN': '中继调用的 method 不是 HTTP 令牌(token)。' },
  'transport-error.relay-call-method-forbidden': { en: 'The relay does not send this method.', 'zh-CN': '中继不发送这种方法。' },
  'transport-error.relay-call-header-name': { en: 'The header name at {field} is not an HTTP token.', 'zh-CN': '{field} 处的请求头名称不是 HTTP 令牌(token)。' },
  'transport-error.relay-call-hop-by-hop': { en: 'The hop-by-hop header at {field} cannot be relayed.', 'zh-CN': '{field} 处是逐跳(hop-by-hop)请求头,不能转发。' },
  'transport-error.relay-call-header-value': {
    en: 'The header value at {field} contains CR, LF, NUL or a character above U+00FF.',
    'zh-CN': '{field} 处的请求头值包含 CR、LF、NUL 或 U+00FF 以上的字符。',
  },
  'transport-error.relay-call-body-not-allowed': { en: 'A {method} request cannot have a body.', 'zh-CN': '{method} 请求不能带请求体。' },
} as const satisfies Record<string, PhraseText>;

export type TransportMessageId = keyof typeof TRANSPORT_MESSAGES;

export function isTransportMessageId(value: unknown): value is TransportMessageId {
  return typeof value === 'string' && Object.hasOwn(TRANSPORT_MESSAGES, value);
}

/** One of these messages with the values for its placeholders. */
export interface TransportText {
  id: TransportMessageId;
  params?: Record<string, string>;
}

export function transportText(id: TransportMessageId, params?: Record<string, string>): TransportText {
  return params && Object.keys(params).length > 0 ? { id, params } : { id };
}

/** The message in English, its placeholders filled (values are plain text here, never phrase references). */
export function transportTextInEnglish(text: TransportText): string {
  return TRANSPORT_MESSAGES[text.id].en.replace(/\{(\w+)\}/g, (whole, name: string) => text.params?.[name] ?? whole);
}

/** An exchange error as it travels: the English sentence, and the id and params to say it in another language. */
export function transportError<K extends string>(kind: K, text: TransportText): { kind: K; message: string; messageId: TransportMessageId; messageParams?: Record<string, string> } {
  return { kind, message: transportTextInEnglish(text), messageId: text.id, ...(text.params ? { messageParams: text.params } : {}) };
}
