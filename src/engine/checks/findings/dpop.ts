import { defineFindings } from '../finding-definition.js';

/**
 * Findings of DPoP (RFC 9449, MCP's SEP-1932): the proof of possession on token requests and
 * on requests to the MCP server, nonces, and the binding of the token to the run's key.
 */
export const dpopFindings = defineFindings([
  {
    id: 'dpop.used',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['rfc9449:5', 'rfc9449:4'],
    text: {
      en: {
        title: 'DPoP: the debugger proves possession of its key',
        detail: 'The run uses DPoP because {reason}. A key pair made for this run (thumbprint {thumbprint}) signs a proof on every token request and every request that carries the access token, so the token is useless to anyone without the key.',
      },
      'zh-CN': {
        title: 'DPoP:调试器证明持有自己的密钥',
        detail: '本次运行使用 DPoP,因为{reason}。为本次运行生成的密钥对(指纹 {thumbprint})会为每个令牌请求以及每个携带访问令牌的请求签署证明,因此没有该密钥的人拿到令牌也无法使用。',
      },
    },
  },
  {
    id: 'dpop.nonce-required',
    stepId: 'token-request',
    severity: 'info',
    specRefs: ['rfc9449:8', 'rfc9449:9'],
    text: {
      en: {
        title: 'The server asked for a DPoP nonce',
        detail: '{url} answered use_dpop_nonce with a DPoP-Nonce header. The debugger sent the request again with a fresh proof carrying that nonce, and keeps using it for this server.',
      },
      'zh-CN': {
        title: '服务器要求提供 DPoP nonce',
        detail: '{url} 以 use_dpop_nonce 响应,并带有 DPoP-Nonce 头。调试器用携带该 nonce 的新证明重发了请求,并在之后对该服务器继续使用它。',
      },
    },
  },
  {
    id: 'dpop.token-not-bound',
    stepId: 'token-request',
    severity: 'warning',
    specRefs: ['rfc9449:5'],
    text: {
      en: {
        title: 'A DPoP proof was sent, but the token is a {tokenType} token',
        detail: 'The token request carried a valid DPoP proof, yet token_type is {tokenType}, not DPoP: the authorization server did not bind the token to the key, so it works for whoever holds it.',
        hint: 'Enable DPoP at the authorization server (RFC 9449), and answer token requests with a proof with token_type DPoP and cnf.jkt in the token.',
      },
      'zh-CN': {
        title: '已发送 DPoP 证明,但令牌是 {tokenType} 令牌',
        detail: '令牌请求携带了有效的 DPoP 证明,但 token_type 是 {tokenType} 而不是 DPoP:授权服务器没有把令牌绑定到密钥,任何持有令牌的人都能使用它。',
        hint: '请在授权服务器启用 DPoP(RFC 9449),对带证明的令牌请求返回 token_type DPoP,并在令牌中写入 cnf.jkt。',
      },
    },
  },
  {
    id: 'dpop.token-bound',
    stepId: 'token-inspection',
    severity: 'info',
    specRefs: ['rfc9449:6'],
    text: {
      en: {
        title: 'The token is bound to the debugger\'s DPoP key',
        detail: 'cnf.jkt is {jkt}, the thumbprint of the key that signed the proofs.',
      },
      'zh-CN': {
        title: '令牌已绑定到调试器的 DPoP 密钥',
        detail: 'cnf.jkt 为 {jkt},正是签署证明的密钥的指纹。',
      },
    },
  },
  {
    id: 'dpop.jkt-mismatch',
    stepId: 'token-inspection',
    severity: 'error',
    specRefs: ['rfc9449:6'],
    text: {
      en: {
        title: 'The token is bound to another key',
        detail: 'cnf.jkt is {jkt}, but the proofs were signed with the key whose thumbprint is {thumbprint}. Every resource that checks the binding will refuse the token.',
        hint: 'Put the RFC 7638 SHA-256 thumbprint of the proof\'s jwk into cnf.jkt.',
      },
      'zh-CN': {
        title: '令牌绑定到了另一个密钥',
        detail: 'cnf.jkt 为 {jkt},但证明是用指纹为 {thumbprint} 的密钥签署的。任何检查绑定关系的资源都会拒绝该令牌。',
        hint: '请把证明中 jwk 的 RFC 7638 SHA-256 指纹写入 cnf.jkt。',
      },
    },
  },
  {
    id: 'dpop.jkt-missing',
    stepId: 'token-inspection',
    severity: 'warning',
    specRefs: ['rfc9449:6'],
    text: {
      en: {
        title: 'The DPoP token does not say which key it is bound to',
        detail: 'The token was issued as a DPoP token, but the JWT has no cnf.jkt: a resource server reading the token cannot check the proof\'s key against it.',
        hint: 'Add cnf.jkt (the thumbprint of the proof\'s key) to DPoP-bound JWT access tokens, or offer introspection that returns it.',
      },
      'zh-CN': {
        title: 'DPoP 令牌没有说明它绑定的密钥',
        detail: '该令牌以 DPoP 令牌签发,但 JWT 中没有 cnf.jkt:读取令牌的资源服务器无法用它核对证明的密钥。',
        hint: '请在 DPoP 绑定的 JWT 访问令牌中加入 cnf.jkt(证明密钥的指纹),或提供能返回它的内省接口。',
      },
    },
  },
  {
    id: 'dpop.proof-rejected',
    stepId: 'token-request',
    severity: 'error',
    specRefs: ['rfc9449:4.3', 'rfc9449:8'],
    text: {
      en: {
        title: 'The server refused the DPoP proof ({error})',
        detail: '{url} answered {error} to a request with a proof made as RFC 9449 §4 describes: typ dpop+jwt, an ES256 signature by the key in its header, htm and htu of the request, a fresh jti and iat (and ath and the server\'s nonce where they apply). The exchange shows the proof, claim by claim.',
        hint: 'Check the proof as RFC 9449 §4.3 says: compare htu without query and fragment, allow some clock skew for iat, accept the nonce you handed out last, and say which check failed in error_description.',
      },
      'zh-CN': {
        title: '服务器拒绝了 DPoP 证明({error})',
        detail: '{url} 对一个按 RFC 9449 §4 制作证明的请求返回了 {error}:typ 为 dpop+jwt,由头部中的密钥以 ES256 签名,包含该请求的 htm 和 htu、新的 jti 和 iat(以及适用时的 ath 和服务器的 nonce)。交互中可逐项查看该证明。',
        hint: '请按 RFC 9449 §4.3 检查证明:比较 htu 时去掉查询和片段,为 iat 留出一定的时钟偏差,接受你最近下发的 nonce,并在 error_description 中说明哪项检查失败。',
      },
    },
  },
]);
