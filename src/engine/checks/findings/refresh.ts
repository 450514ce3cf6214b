import { defineFindings } from '../finding-definition.js';

/** Findings of the refresh_token grant; the token response itself is checked with the token-request rules. */
export const refreshFindings = defineFindings([
  {
    id: 'refresh.rotated',
    stepId: 'refresh',
    severity: 'info',
    specRefs: ['mcp:token-theft', 'oauth21:draft'],
    text: {
      en: {
        title: 'The refresh token was rotated',
        detail: 'The refresh answer carries a new refresh token; the client must keep the new one and drop the old.',
      },
      'zh-CN': {
        title: '刷新令牌已轮换',
        detail: '刷新响应中带有新的刷新令牌;客户端必须保存新令牌并丢弃旧令牌。',
      },
    },
  },
  {
    id: 'refresh.not-rotated-public-client',
    stepId: 'refresh',
    severity: 'error',
    bySpec: { '2025-03-26': 'warning' },
    specRefs: ['mcp:token-theft', 'oauth21:draft'],
    text: {
      en: {
        title: 'The refresh token of a public client was not rotated',
        detail: 'The client is public (token endpoint auth method "none"), and the refresh answer has no new refresh token (or the same one again). For public clients, authorization servers MUST rotate refresh tokens, so a stolen one is detected when it is used twice.',
        hint: 'Turn on refresh token rotation for public clients (OAuth 2.1 §4.3.1).',
      },
      'zh-CN': {
        title: '公共客户端的刷新令牌没有轮换',
        detail: '该客户端是公共客户端(令牌端点认证方式为 "none"),而刷新响应中没有新的刷新令牌(或返回了同一个)。对于公共客户端,授权服务器必须(MUST)轮换刷新令牌,这样被盗的令牌在第二次使用时就会被发现。',
        hint: '请为公共客户端启用刷新令牌轮换(OAuth 2.1 §4.3.1)。',
      },
    },
  },
  {
    id: 'refresh.not-rotated',
    stepId: 'refresh',
    severity: 'info',
    specRefs: ['oauth21:draft'],
    text: {
      en: {
        title: 'The refresh token was not rotated',
        detail: 'The refresh answer has no new refresh token (or the same one again); the client keeps using the same refresh token. This is allowed for confidential clients.',
      },
      'zh-CN': {
        title: '刷新令牌没有轮换',
        detail: '刷新响应中没有新的刷新令牌(或返回了同一个);客户端继续使用同一个刷新令牌。对于机密客户端,这是允许的。',
      },
    },
  },
]);
