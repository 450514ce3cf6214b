/**
 * The seed tutorial's table of 14 security pitfalls ("常见安全陷阱及规避"), each linked to the
 * checks that observe it from outside and judged for a run: held (the checks ran and found
 * nothing), broken (one of them found it), not tested in this run (with how to test it), or not
 * observable from outside (only the tutorial's advice). Computed from the session, never stored.
 */

export type PitfallStatus = 'held' | 'broken' | 'not-tested' | 'not-observable';

interface Text {
  en: string;
  'zh-CN': string;
}

interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  params?: Readonly<Record<string, string>>;
}

/** What a checklist reads of a run: a Session is one. */
export interface PitfallRun {
  options: { audit?: boolean; cors?: boolean };
  results: readonly { stepId: string; outcome: { kind: string }; findings: readonly Finding[] }[];
}

interface ObservedPitfall {
  /** Findings that say the pitfall is there (their warnings and errors). */
  broken: readonly string[];
  /** The run tested it: a step ran, or a refusal was seen. */
  tested(run: PitfallRun): boolean;
  howToTest: Text;
}

export interface Pitfall {
  number: number;
  title: Text;
  /** The tutorial's way to avoid it. */
  advice: Text;
  observed?: ObservedPitfall;
}

export interface PitfallResult {
  number: number;
  title: Text;
  advice: Text;
  status: PitfallStatus;
  /** The findings of this run that broke it. */
  findingIds: string[];
  /** Present when it was not tested in this run. */
  howToTest?: Text;
}

const ran = (stepId: string) => (run: PitfallRun) => run.results.some((r) => r.stepId === stepId && r.outcome.kind !== 'skipped');
/** The step got what it asked for: a server that never answered has not been judged. */
const passed = (stepId: string) => (run: PitfallRun) => run.results.some((r) => r.stepId === stepId && r.outcome.kind === 'ok');
const reported = (...ids: string[]) => (run: PitfallRun) => run.results.some((r) => r.findings.some((f) => ids.includes(f.id)));
const either = (...tests: ((run: PitfallRun) => boolean)[]) => (run: PitfallRun) => tests.some((test) => test(run));

const WITH_AUDIT: Text = {
  en: 'Run again with the security audit on (check --audit, or "Security audit" in the connect form).',
  'zh-CN': '打开安全审计后再运行一次(check --audit,或连接表单中的“安全审计”)。',
};

const UNTIL_TOKEN_INSPECTED: Text = { en: 'Run the flow until the token is inspected.', 'zh-CN': '运行流程直到令牌检查步骤。' };

const RUN_THE_FLOW: Text = { en: 'Run the flow.', 'zh-CN': '运行流程。' };

export const PITFALLS: readonly Pitfall[] = [
  {
    number: 1,
    title: { en: 'Implementing token validation yourself', 'zh-CN': '自己实现令牌验证' },
    advice: { en: 'Use a mature security library; do not write it from scratch.', 'zh-CN': '使用成熟的安全库,不要从零实现' },
    observed: { broken: ['audit.accepts-tampered-token', 'audit.accepts-untrusted-issuer', 'audit.accepts-malformed-token'], tested: reported('audit.rejects-tampered-token'), howToTest: WITH_AUDIT },
  },
  {
    number: 2,
    title: { en: 'Long-lived access tokens', 'zh-CN': '使用长期访问令牌' },
    advice: { en: 'Prefer short-lived tokens, to limit the harm of a leak.', 'zh-CN': '尽量用短期 token,减少泄露后的影响' },
    observed: {
      broken: ['token.long-lived', 'token.expiry-missing'],
      tested: ran('token-inspection'),
      howToTest: UNTIL_TOKEN_INSPECTED,
    },
  },
  {
    number: 3,
    title: { en: 'Not validating tokens', 'zh-CN': '不验证令牌' },
    advice: { en: 'Always check that the token is valid, issued for this server, and has enough scope.', 'zh-CN': '必须验证:是否有效、是否发给本服务器、scope 是否足够' },
    observed: {
      broken: ['audit.accepts-tampered-token', 'audit.accepts-foreign-audience', 'audit.accepts-malformed-token', 'audit.accepts-insufficient-scope', 'mcp.connected-without-token'],
      tested: reported('audit.rejects-tampered-token', 'audit.rejects-foreign-audience', 'audit.insufficient-scope-refused'),
      howToTest: WITH_AUDIT,
    },
  },
  {
    number: 4,
    title: { en: 'Storing tokens in plain text', 'zh-CN': '明文存储令牌' },
    advice: { en: 'Store them encrypted, with access control and expiry clean-up.', 'zh-CN': '用加密存储,并做好访问控制和过期清理' },
  },
  {
    number: 5,
    title: { en: 'HTTP in production', 'zh-CN': '生产环境用 HTTP' },
    advice: { en: 'Use HTTPS everywhere except for localhost testing.', 'zh-CN': '除 localhost 测试外,一律用 HTTPS' },
    observed: {
      broken: ['probe.insecure-transport', 'asm.endpoint-not-https', 'token.endpoint-insecure', 'authorization.redirect-uri-insecure'],
      tested: passed('probe'),
      howToTest: RUN_THE_FLOW,
    },
  },
  {
    number: 6,
    title: { en: 'Wildcard scopes', 'zh-CN': '使用通配 scope' },
    advice: { en: 'Split scopes by tool or capability: least privilege.', 'zh-CN': '按工具或能力拆分 scope,最小权限' },
    observed: {
      broken: ['token.broad-scope'],
      tested: ran('token-inspection'),
      howToTest: UNTIL_TOKEN_INSPECTED,
    },
  },
  {
    number: 7,
    title: { en: 'Logging credentials', 'zh-CN': '记录凭据' },
    advice: { en: 'Never log Authorization headers, tokens, authorization codes or keys.', 'zh-CN': '不要记录 Authorization 头、token、授权码、密钥' },
  },
  {
    number: 8,
    title: { en: 'Mixing the application\'s and the resource server\'s credentials', 'zh-CN': '混淆应用与资源服务器凭据' },
    advice: { en: 'Keep the MCP server\'s client secret apart from the credentials of the user\'s flow.', 'zh-CN': 'MCP 服务器的客户端密钥要与用户流程的凭据分开管理' },
  },
  {
    number: 9,
    title: { en: '401 without a correct challenge', 'zh-CN': '401 缺少正确质询' },
    advice: { en: 'Answer with WWW-Authenticate: Bearer with realm and resource_metadata.', 'zh-CN': '返回带 Bearer、realm、resource_metadata 的 WWW-Authenticate' },
    observed: {
      broken: [
        'probe.missing-www-authenticate',
        'probe.malformed-www-authenticate',
        'probe.no-bearer-challenge',
        'probe.no-resource-metadata',
        'probe.invalid-resource-metadata-url',
        'audit.challenge-without-invalid-token',
        'audit.challenge-without-resource-metadata',
        'audit.insufficient-scope-not-403',
        'audit.insufficient-scope-without-scope',
      ],
      tested: passed('probe'),
      howToTest: RUN_THE_FLOW,
    },
  },
  {
    number: 10,
    title: { en: 'Dynamic registration without control', 'zh-CN': 'DCR 无控制' },
    advice: { en: 'Restrict it to trusted hosts and audit registrations.', 'zh-CN': '限制受信任主机,做好注册审计' },
    observed: {
      broken: ['audit.as-registers-insecure-redirect'],
      tested: (run) => run.results.some((r) => r.findings.some((f) => f.id === 'audit.as-refused' && f.params?.what === '@phrase:audit.as.open-registration')),
      howToTest: WITH_AUDIT,
    },
  },
  {
    number: 11,
    title: { en: 'Confusing the realms of a multi-tenant server', 'zh-CN': '多租户 realm 混淆' },
    advice: { en: 'Pin one issuer and refuse tokens of other realms.', 'zh-CN': '固定单一 issuer,拒绝其他 realm 的令牌' },
    observed: {
      broken: ['asm.issuer-mismatch', 'token.issuer-mismatch', 'audit.accepts-untrusted-issuer'],
      tested: either(ran('token-inspection'), reported('audit.refused')),
      howToTest: { en: 'Run the flow until the token is inspected; the audit also sends a token of another issuer.', 'zh-CN': '运行流程直到令牌检查步骤;审计还会发送一个其他签发者的令牌。' },
    },
  },
  {
    number: 12,
    title: { en: 'Generic audiences', 'zh-CN': '通用受众' },
    advice: { en: 'Require the audience to match your server; avoid generic values such as api.', 'zh-CN': '要求 audience 与你的服务器匹配,避免 api 等通用值' },
    observed: {
      broken: ['token.generic-audience', 'token.audience-mismatch', 'audit.accepts-foreign-audience'],
      tested: ran('token-inspection'),
      howToTest: UNTIL_TOKEN_INSPECTED,
    },
  },
  {
    number: 13,
    title: { en: 'Error messages that leak', 'zh-CN': '错误信息泄露' },
    advice: { en: 'Return generic errors to clients; keep the details in your own logs.', 'zh-CN': '对客户端返回通用错误,详细原因仅内部记录' },
    observed: { broken: ['audit.error-leaks-internals'], tested: reported('audit.rejects-tampered-token', 'audit.refused'), howToTest: WITH_AUDIT },
  },
  {
    number: 14,
    title: { en: 'Using Mcp-Session-Id for authorization', 'zh-CN': '用 Mcp-Session-Id 做授权' },
    advice: { en: 'Do not tie authorization to the session id; issue a new one when authentication changes.', 'zh-CN': '不要将授权与 Session ID 绑定,认证变更时重新生成' },
    observed: {
      broken: ['audit.session-without-token'],
      // Only a server that opened a session can be tested; audit.session-untested says why not.
      tested: reported('audit.rejects-session-without-token'),
      howToTest: {
        en: 'Sessions exist in the legacy protocol only: run the audit judged by it (check --audit --spec 2025-11-25) against a server that keeps sessions. The audit opens a session with the valid token and sends its Mcp-Session-Id with no Authorization header, which must be refused with 401.',
        'zh-CN': '只有旧版协议才有会话:按旧版协议运行审计(check --audit --spec 2025-11-25),且服务器需保持会话。审计会用有效令牌打开一个会话,再发送其 Mcp-Session-Id 但不带 Authorization 头,该请求必须被 401 拒绝。',
      },
    },
  },
];

export function pitfallChecklist(run: PitfallRun): PitfallResult[] {
  const problems = new Set(run.results.flatMap((r) => r.findings.filter((f) => f.severity !== 'info').map((f) => f.id)));
  return PITFALLS.map((pitfall) => {
    const base = { number: pitfall.number, title: pitfall.title, advice: pitfall.advice };
    const observed = pitfall.observed;
    if (!observed) return { ...base, status: 'not-observable', findingIds: [] };
    const findingIds = observed.broken.filter((id) => problems.has(id));
    if (findingIds.length > 0) return { ...base, status: 'broken', findingIds };
    if (observed.tested(run)) return { ...base, status: 'held', findingIds: [] };
    return { ...base, status: 'not-tested', findingIds: [], howToTest: observed.howToTest };
  });
}
