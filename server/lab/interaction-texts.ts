/**
 * The text of the lab's sign-in, consent and error pages in English and Simplified Chinese,
 * and the choice of language for one request. Placeholders are `{name}`; the pages fill them
 * with escaped values (usernames, client ids, URLs and scope values are never translated).
 * The lab keeps its own table: it imports nothing from the engine or the UI.
 */

export type PageLanguage = 'en' | 'zh-CN';

const ENGLISH = {
  'realm': 'realm {realm}',
  'signIn.title': 'Sign in',
  'signIn.intro': 'to {client} through {realm}',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.cancel': 'Cancel',
  'signIn.wrongCredentials': 'Wrong username or password.',
  'signIn.demoHint': 'Demo lab: sign in as {username} with password {password}.',
  'consent.title': 'Grant access',
  'consent.heading': 'Grant access?',
  'consent.application': 'Application',
  'consent.scopesHeading': 'It asks to',
  'consent.resourcesHeading': 'Tokens will be valid for',
  'consent.auditAudienceNote': "added by the lab for the debugger's audience audit",
  'consent.deny': 'Deny',
  'consent.approve': 'Approve',
  'scope.openid': 'confirm who you are (your user identifier)',
  'scope.profile': 'see your name and username',
  'scope.email': 'see your email address',
  'scope.offline_access': 'keep access while you are away (refresh tokens)',
  'scope.mcp': 'call the tools of the MCP server',
  'scope.other': 'a permission the application asks for',
  'error.notFound': 'Not found',
  'error.methodNotAllowed': 'Method not allowed',
  'error.outOfDate': 'This sign-in page is out of date',
  'error.notSignedIn': 'Not signed in',
  'error.unsupportedStep': 'Unsupported step',
  'error.expired': 'This sign-in request has expired',
  'error.tooLarge': 'Request too large',
  'error.unexpected': 'Something went wrong',
  'error.authorizationFailed': 'The authorization request failed',
  'error.label.path': 'Path',
  'error.label.method': 'Method',
  'error.label.prompt': 'Prompt',
  'error.label.limit': 'Limit',
  'error.limitBytes': '{bytes} bytes',
  'hint.startAgain': 'Start again from the application.',
  'hint.startAgainWithCookies': 'Start again from the application. Cookies must be enabled for this site.',
  'hint.seeLog': 'See the lab log.',
} as const satisfies Record<string, string>;

export type InteractionTextKey = keyof typeof ENGLISH;

const SIMPLIFIED_CHINESE: Readonly<Record<InteractionTextKey, string>> = {
  'realm': '域 {realm}',
  'signIn.title': '登录',
  'signIn.intro': '通过 {realm} 登录到 {client}',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.cancel': '取消',
  'signIn.wrongCredentials': '用户名或密码错误。',
  'signIn.demoHint': '演示实验室：请以 {username} 登录，密码为 {password}。',
  'consent.title': '授予访问权限',
  'consent.heading': '是否授予访问权限？',
  'consent.application': '应用',
  'consent.scopesHeading': '该应用请求',
  'consent.resourcesHeading': '令牌的有效范围',
  'consent.auditAudienceNote': '由实验室为调试器的受众审计添加',
  'consent.deny': '拒绝',
  'consent.approve': '批准',
  'scope.openid': '确认你的身份（你的用户标识符）',
  'scope.profile': '查看你的姓名和用户名',
  'scope.email': '查看你的电子邮件地址',
  'scope.offline_access': '在你离开时保持访问（刷新令牌）',
  'scope.mcp': '调用 MCP 服务器的工具',
  'scope.other': '应用请求的一项权限',
  'error.notFound': '未找到',
  'error.methodNotAllowed': '不允许的请求方法',
  'error.outOfDate': '此登录页面已失效',
  'error.notSignedIn': '尚未登录',
  'error.unsupportedStep': '不支持的步骤',
  'error.expired': '此登录请求已过期',
  'error.tooLarge': '请求过大',
  'error.unexpected': '出现了错误',
  'error.authorizationFailed': '授权请求失败',
  'error.label.path': '路径',
  'error.label.method': '请求方法',
  'error.label.prompt': '提示步骤',
  'error.label.limit': '上限',
  'error.limitBytes': '{bytes} 字节',
  'hint.startAgain': '请从应用重新开始。',
  'hint.startAgainWithCookies': '请从应用重新开始。此网站必须启用 Cookie。',
  'hint.seeLog': '请查看实验室日志。',
};

export const INTERACTION_TEXTS: Readonly<Record<PageLanguage, Readonly<Record<InteractionTextKey, string>>>> = {
  'en': ENGLISH,
  'zh-CN': SIMPLIFIED_CHINESE,
};

/**
 * A text with its placeholders replaced. `escapeText` is applied to the text's own words;
 * the values are inserted as given, so the caller escapes (and may mark up) them.
 */
export function fillText(
  text: string,
  values: Readonly<Record<string, string>>,
  escapeText: (literal: string) => string = (literal) => literal,
): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeText(part);
      const value = values[name];
      if (value === undefined) throw new Error(`no value for placeholder {${name}}`);
      return value;
    })
    .join('');
}

/**
 * The page language a tag asks for, or undefined when the pages do not speak it. Simplified
 * Chinese is `zh` alone, the Hans script, or the regions that write it (CN, SG); Traditional
 * Chinese (zh-TW, zh-Hant…) is not offered.
 */
function languageOfTag(tag: string): PageLanguage | undefined {
  if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(tag)) return undefined;
  const [primary = '', ...subtags] = tag.toLowerCase().split('-');
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  const [first] = subtags;
  if (first === undefined || first === 'hans' || first === 'cn' || first === 'sg') return 'zh-CN';
  return undefined;
}

/** More preferences than any browser sends; the rest of a longer header is not read. */
const MAX_LANGUAGE_RANGES = 32;

/**
 * The language ranges of an Accept-Language header, most preferred first.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4
 * Malformed entries are skipped; q=0 means "not acceptable" and drops the range.
 */
export function parseAcceptLanguage(header: string): string[] {
  const ranges: { tag: string; q: number }[] = [];
  for (const entry of header.split(',').slice(0, MAX_LANGUAGE_RANGES)) {
    const [rawTag = '', ...parameters] = entry.split(';').map((part) => part.trim());
    if (rawTag !== '*' && !/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(rawTag)) continue;
    let q = 1;
    let valid = true;
    for (const parameter of parameters) {
      const weight = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(parameter);
      if (weight?.[1] === undefined) {
        valid = false;
        break;
      }
      q = Number(weight[1]);
    }
    if (valid && q > 0) ranges.push({ tag: rawTag, q });
  }
  // Array.prototype.sort is stable: equal weights keep the order the client sent.
  return ranges.sort((a, b) => b.q - a.q).map((range) => range.tag);
}

/**
 * The language of one page: the first supported tag of the authorization request's
 * `ui_locales` (OpenID Connect Core 1.0 §3.1.2.1, space-separated, in order of preference),
 * else the most preferred supported range of Accept-Language, else English.
 */
export function choosePageLanguage(input: { uiLocales?: unknown; acceptLanguage?: unknown }): PageLanguage {
  if (typeof input.uiLocales === 'string') {
    for (const tag of input.uiLocales.split(' ').slice(0, MAX_LANGUAGE_RANGES)) {
      const language = languageOfTag(tag);
      if (language) return language;
    }
  }
  if (typeof input.acceptLanguage === 'string') {
    for (const range of parseAcceptLanguage(input.acceptLanguage)) {
      if (range === '*') return 'en';
      const language = languageOfTag(range);
      if (language) return language;
    }
  }
  return 'en';
}
