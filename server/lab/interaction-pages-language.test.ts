import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLab, type Lab } from './index.js';
import { buildAuthorizationRequest, CookieJar, followRedirects, registerClient, stringField } from './lab-test-client.js';

const HAN = /\p{Script=Han}/u;
const CHINESE = 'zh-CN,zh;q=0.9';
const ENGLISH = 'en-US';

/** One request as a browser with the given language preference sends it, cookies from the jar. */
async function fetchPage(url: string, jar: CookieJar, acceptLanguage: string, form?: URLSearchParams): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': acceptLanguage };
  const cookie = jar.header();
  if (cookie) headers.cookie = cookie;
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form, redirect: 'manual' });
  jar.store(response);
  return response;
}

function heading(html: string): string {
  const match = /<h1>([^<]*)<\/h1>/.exec(html);
  assert.ok(match?.[1] !== undefined, 'no heading');
  return match[1];
}

describe('interaction pages in the person\'s language', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  const redirectUri = 'http://127.0.0.1:4280/callback';
  const clientName = 'Page <Test> & Co';

  /** Starts an authorization request; returns the login page's URL and the cookies that go with it. */
  async function startInteraction(extra: Record<string, string> = {}): Promise<{ jar: CookieJar; loginUrl: string; loginHtml: string }> {
    const registration = await registerClient(lab, { redirect_uris: [redirectUri], application_type: 'native', token_endpoint_auth_method: 'none', client_name: clientName });
    const request = await buildAuthorizationRequest(lab, { clientId: stringField(registration.body, 'client_id'), redirectUri, extra });
    const jar = new CookieJar();
    const { hops, last } = await followRedirects({ url: request.url }, jar, redirectUri);
    const lastHop = hops.at(-1);
    assert.ok(lastHop);
    assert.equal(last.status, 200);
    return { jar, loginUrl: lastHop.url, loginHtml: await last.text() };
  }

  /** Signs the demo user in and returns the consent page's URL. */
  async function signIn(jar: CookieJar, loginUrl: string): Promise<string> {
    const signedIn = await followRedirects(
      { url: `${loginUrl}/login`, method: 'POST', body: new URLSearchParams({ username: lab.demoUser.username, password: lab.demoUser.password }) },
      jar,
      redirectUri,
    );
    assert.equal(signedIn.last.status, 200);
    const consentUrl = signedIn.hops.at(-1)?.url;
    assert.ok(consentUrl);
    return consentUrl;
  }

  function assertChineseLoginPage(html: string): void {
    assert.match(html, /<html lang="zh-CN">/);
    assert.equal(heading(html), '登录');
    assert.match(html, /<label for="username">用户名<\/label>/);
    assert.match(html, /<button type="submit" class="secondary">取消<\/button>/);
    // Values keep their spelling and stay escaped inside the Chinese sentences.
    assert.ok(html.includes('<strong>Page &lt;Test&gt; &amp; Co</strong>'));
    assert.ok(html.includes(`请以 <code>${lab.demoUser.username}</code> 登录，密码为 <code>${lab.demoUser.password}</code>。`));
    assert.match(html, /"Microsoft YaHei"/);
  }

  function assertChineseConsentPage(html: string): void {
    assert.match(html, /<html lang="zh-CN">/);
    assert.equal(heading(html), '是否授予访问权限？');
    assert.match(html, /<code>mcp:tools<\/code>: 调用 MCP 服务器的工具/);
    assert.match(html, /<code>openid<\/code>: 确认你的身份/);
    assert.ok(html.includes(`<code>${lab.mcpUrl}</code>`));
    assert.match(html, /由实验室为调试器的受众审计添加/);
    assert.match(html, /value="approve" class="primary" autofocus>批准<\/button>/);
    assert.doesNotMatch(html, /Grant access|It asks to|Approve</);
  }

  test('Accept-Language zh-CN gives Chinese login and consent pages, en-US English ones, with Vary: Accept-Language', async () => {
    const { jar, loginUrl } = await startInteraction();

    const chineseLogin = await fetchPage(loginUrl, jar, CHINESE);
    assert.equal(chineseLogin.status, 200);
    assert.equal(chineseLogin.headers.get('vary'), 'Accept-Language');
    assert.match(chineseLogin.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const chineseLoginHtml = await chineseLogin.text();
    assertChineseLoginPage(chineseLoginHtml);
    assert.doesNotMatch(chineseLoginHtml, /<script/i);

    const englishLogin = await (await fetchPage(loginUrl, jar, ENGLISH)).text();
    assert.match(englishLogin, /<html lang="en">/);
    assert.equal(heading(englishLogin), 'Sign in');
    assert.doesNotMatch(englishLogin, HAN);

    const consentUrl = await signIn(jar, loginUrl);
    const chineseConsent = await fetchPage(consentUrl, jar, CHINESE);
    assert.equal(chineseConsent.headers.get('vary'), 'Accept-Language');
    assertChineseConsentPage(await chineseConsent.text());

    const englishConsent = await (await fetchPage(consentUrl, jar, ENGLISH)).text();
    assert.match(englishConsent, /<html lang="en">/);
    assert.equal(heading(englishConsent), 'Grant access?');
    assert.match(englishConsent, /<code>mcp:tools<\/code>: call the tools of the MCP server/);
    assert.doesNotMatch(englishConsent, HAN);
  });

  test('ui_locales=zh-CN in the authorization request gives Chinese pages whatever Accept-Language says', async () => {
    const { jar, loginUrl, loginHtml } = await startInteraction({ ui_locales: 'zh-CN' });
    assertChineseLoginPage(loginHtml);
    assertChineseLoginPage(await (await fetchPage(loginUrl, jar, ENGLISH)).text());
    const consentUrl = await signIn(jar, loginUrl);
    assertChineseConsentPage(await (await fetchPage(consentUrl, jar, ENGLISH)).text());
  });

  test('ui_locales=en keeps the pages English for a Chinese browser', async () => {
    const { jar, loginUrl } = await startInteraction({ ui_locales: 'en' });
    const html = await (await fetchPage(loginUrl, jar, CHINESE)).text();
    assert.match(html, /<html lang="en">/);
    assert.equal(heading(html), 'Sign in');
  });

  test('a wrong password shows the Chinese error, with the typed username kept and escaped', async () => {
    const { jar, loginUrl } = await startInteraction();
    const wrong = await fetchPage(`${loginUrl}/login`, jar, CHINESE, new URLSearchParams({ username: '<admin>', password: 'nope' }));
    assert.equal(wrong.status, 200);
    const html = await wrong.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<p class="alert" role="alert" id="login-error">用户名或密码错误。<\/p>/);
    assert.match(html, /value="&lt;admin&gt;"/);
  });

  test('error pages follow Accept-Language too: an expired interaction explains itself in Chinese', async () => {
    const { loginUrl } = await startInteraction();
    const response = await fetchPage(loginUrl, new CookieJar(), CHINESE);
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.equal(heading(html), '此登录请求已过期');
    assert.match(html, /请从应用重新开始。此网站必须启用 Cookie。/);
  });

  test('the authorization server\'s own error page (a redirect URI nobody registered) follows the language too', async () => {
    const registration = await registerClient(lab, { redirect_uris: [redirectUri], application_type: 'native', token_endpoint_auth_method: 'none' });
    const request = await buildAuthorizationRequest(lab, { clientId: stringField(registration.body, 'client_id'), redirectUri: 'http://127.0.0.1:9/elsewhere' });
    for (const [language, title] of [[CHINESE, '授权请求失败'], [ENGLISH, 'The authorization request failed']] as const) {
      const answer = await fetchPage(request.url, new CookieJar(), language);
      assert.equal(answer.status, 400);
      const html = await answer.text();
      assert.equal(heading(html), title);
      // The protocol's own fields stay as they are.
      assert.match(html, /<dt>error<\/dt><dd><code>invalid_redirect_uri<\/code><\/dd>/);
    }
  });
});
