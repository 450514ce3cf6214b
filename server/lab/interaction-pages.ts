/**
 * The HTML the lab's authorization server shows a person: sign-in, consent and error pages.
 * Plain server-rendered forms (no script), labelled fields, one heading per page, errors
 * announced with role="alert", so they work with keyboards and screen readers and in the
 * Playwright tests.
 */
import type { ServerResponse } from 'node:http';
import { fillText, INTERACTION_TEXTS, type InteractionTextKey, type PageLanguage } from './interaction-texts.js';

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLES = `
:root { color-scheme: light dark; --accent: #2f6fdf; --muted: #667085; --border: #d0d5dd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 26rem; margin: 4rem auto; padding: 2rem; border: 1px solid var(--border); border-radius: 12px; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1rem; margin: 1.25rem 0 0; }
.realm { color: var(--muted); margin: 0 0 1.5rem; font-size: .9rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
input[type=text], input[type=password] { width: 100%; padding: .6rem .7rem; font: inherit; border: 1px solid var(--border); border-radius: 8px; background: Field; color: FieldText; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { flex: 1; padding: .65rem 1rem; font: inherit; font-weight: 600; border-radius: 8px; border: 1px solid var(--accent); cursor: pointer; }
button.primary { background: var(--accent); color: #fff; }
button.secondary { background: transparent; color: inherit; border-color: var(--border); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.alert { padding: .6rem .8rem; border-radius: 8px; background: #fde8e8; color: #8a1c1c; }
.hint { margin-top: 1.5rem; font-size: .85rem; color: var(--muted); }
ul { padding-left: 1.2rem; }
li { margin: .35rem 0; }
code { font-size: .85em; word-break: break-all; }
dl { margin: 0; }
dt { font-weight: 600; margin-top: .75rem; }
dd { margin: 0; }
`;

/** The language's own words with the values, already escaped and marked up, in their places. */
function textHtml(language: PageLanguage, key: InteractionTextKey, values: Readonly<Record<string, string>> = {}): string {
  return fillText(INTERACTION_TEXTS[language][key], values, escapeHtml);
}

function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  language: PageLanguage;
  realmLabel: string;
  clientLabel: string;
  actionUrl: string;
  abortUrl: string;
  username?: string;
  /** Shown in an alert above the form. */
  error?: InteractionTextKey;
  demoUser: { username: string; password: string };
}

export function renderLoginPage(input: LoginPageInput): string {
  const { language } = input;
  const text = (key: InteractionTextKey, values?: Readonly<Record<string, string>>): string => textHtml(language, key, values);
  const alert = input.error
    ? `<p class="alert" role="alert" id="login-error">${text(input.error)}</p>`
    : '';
  const describedBy = input.error ? ' aria-describedby="login-error"' : '';
  const intro = text('signIn.intro', {
    client: `<strong>${escapeHtml(input.clientLabel)}</strong>`,
    realm: escapeHtml(input.realmLabel),
  });
  const hint = text('signIn.demoHint', {
    username: `<code>${escapeHtml(input.demoUser.username)}</code>`,
    password: `<code>${escapeHtml(input.demoUser.password)}</code>`,
  });
  return page(
    language,
    INTERACTION_TEXTS[language]['signIn.title'],
    `<h1>${text('signIn.title')}</h1>
<p class="realm">${intro}</p>
${alert}
<form method="post" action="${escapeHtml(input.actionUrl)}">
  <label for="username">${text('signIn.username')}</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(input.username ?? '')}"${describedBy}>
  <label for="password">${text('signIn.password')}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
  <div class="actions">
    <button type="submit" class="primary">${text('signIn.submit')}</button>
  </div>
</form>
<form method="post" action="${escapeHtml(input.abortUrl)}">
  <div class="actions">
    <button type="submit" class="secondary">${text('signIn.cancel')}</button>
  </div>
</form>
<p class="hint">${hint}</p>`,
  );
}

export interface ConsentPageInput {
  language: PageLanguage;
  realmLabel: string;
  clientLabel: string;
  clientId: string;
  actionUrl: string;
  /** Scopes the client asks for that the user has not granted yet, each with its description in the page's language. */
  scopes: readonly { value: string; description: string }[];
  /** Resource servers (audiences) the tokens will be valid for, each with its scopes. */
  resources: readonly { indicator: string; scopes: readonly string[]; note?: string }[];
}

export function renderConsentPage(input: ConsentPageInput): string {
  const { language } = input;
  const text = (key: InteractionTextKey): string => textHtml(language, key);
  const scopeItems = input.scopes
    .map((scope) => `<li><code>${escapeHtml(scope.value)}</code>: ${escapeHtml(scope.description)}</li>`)
    .join('\n');
  const resourceItems = input.resources
    .map((resource) => {
      const scopes = resource.scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(' ');
      const note = resource.note ? ` <span class="hint">(${escapeHtml(resource.note)})</span>` : '';
      return `<li><code>${escapeHtml(resource.indicator)}</code>${note}<br>${scopes}</li>`;
    })
    .join('\n');
  return page(
    language,
    INTERACTION_TEXTS[language]['consent.title'],
    `<h1>${text('consent.heading')}</h1>
<p class="realm">${escapeHtml(input.realmLabel)}</p>
<dl>
  <dt>${text('consent.application')}</dt>
  <dd>${escapeHtml(input.clientLabel)} <code>${escapeHtml(input.clientId)}</code></dd>
</dl>
${scopeItems ? `<h2>${text('consent.scopesHeading')}</h2>\n<ul>\n${scopeItems}\n</ul>` : ''}
${resourceItems ? `<h2>${text('consent.resourcesHeading')}</h2>\n<ul>\n${resourceItems}\n</ul>` : ''}
<form method="post" action="${escapeHtml(input.actionUrl)}">
  <div class="actions">
    <button type="submit" name="decision" value="deny" class="secondary">${text('consent.deny')}</button>
    <button type="submit" name="decision" value="approve" class="primary" autofocus>${text('consent.approve')}</button>
  </div>
</form>`,
  );
}

/**
 * An error page: a title, label/value rows (values shown as code, as received) and an
 * optional hint sentence. Without a language it is English, as the provider's own error
 * page is.
 */
export function renderErrorPage(
  title: string,
  details: readonly (readonly [label: string, value: string])[],
  options: { language?: PageLanguage; hint?: string } = {},
): string {
  const rows = details
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join('\n');
  const list = rows ? `<dl>\n${rows}\n</dl>` : '';
  const hint = options.hint ? `<p>${escapeHtml(options.hint)}</p>` : '';
  return page(options.language ?? 'en', title, `<h1>${escapeHtml(title)}</h1>\n<div role="alert">${list}${hint}</div>`);
}

/** An error page whose title, labels and hint come from the text table. */
export function renderLocalizedErrorPage(
  language: PageLanguage,
  title: InteractionTextKey,
  details: readonly (readonly [label: InteractionTextKey, value: string])[],
  hint?: InteractionTextKey,
): string {
  const texts = INTERACTION_TEXTS[language];
  return renderErrorPage(
    texts[title],
    details.map(([label, value]) => [texts[label], value] as const),
    { language, ...(hint ? { hint: texts[hint] } : {}) },
  );
}

/**
 * Headers for every page: never cached (each carries a one-time interaction), never framed
 * (clickjacking on a consent button), no script at all; the language follows Accept-Language. No `form-action`: browsers apply it
 * to the redirects after a form post, which end at the client's redirect_uri on another origin.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Vary': 'Accept-Language',
};

export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
  res.end(html);
}
