/**
 * The HTML the lab's authorization server shows a person: sign-in, consent and error pages.
 * Plain server-rendered forms (no script), labelled fields, one heading per page, errors
 * announced with role="alert", so they work with keyboards and screen readers and in the
 * Playwright tests.
 */
import type { ServerResponse } from 'node:http';

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
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: Canvas; color: CanvasText; }
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

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
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
  realmLabel: string;
  clientLabel: string;
  actionUrl: string;
  abortUrl: string;
  username?: string;
  error?: string;
  demoUser: { username: string; password: string };
}

export function renderLoginPage(input: LoginPageInput): string {
  const alert = input.error
    ? `<p class="alert" role="alert" id="login-error">${escapeHtml(input.error)}</p>`
    : '';
  const describedBy = input.error ? ' aria-describedby="login-error"' : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p class="realm">to <strong>${escapeHtml(input.clientLabel)}</strong> through ${escapeHtml(input.realmLabel)}</p>
${alert}
<form method="post" action="${escapeHtml(input.actionUrl)}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(input.username ?? '')}"${describedBy}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
  <div class="actions">
    <button type="submit" class="primary">Sign in</button>
  </div>
</form>
<form method="post" action="${escapeHtml(input.abortUrl)}">
  <div class="actions">
    <button type="submit" class="secondary">Cancel</button>
  </div>
</form>
<p class="hint">Demo lab: sign in as <code>${escapeHtml(input.demoUser.username)}</code> with password <code>${escapeHtml(input.demoUser.password)}</code>.</p>`,
  );
}

export interface ConsentPageInput {
  realmLabel: string;
  clientLabel: string;
  clientId: string;
  actionUrl: string;
  /** Scopes the client asks for that the user has not granted yet. */
  scopes: readonly { value: string; description: string }[];
  /** Resource servers (audiences) the tokens will be valid for, each with its scopes. */
  resources: readonly { indicator: string; scopes: readonly string[]; note?: string }[];
}

export function renderConsentPage(input: ConsentPageInput): string {
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
    'Grant access',
    `<h1>Grant access?</h1>
<p class="realm">${escapeHtml(input.realmLabel)}</p>
<dl>
  <dt>Application</dt>
  <dd>${escapeHtml(input.clientLabel)} <code>${escapeHtml(input.clientId)}</code></dd>
</dl>
${scopeItems ? `<h2>It asks to</h2>\n<ul>\n${scopeItems}\n</ul>` : ''}
${resourceItems ? `<h2>Tokens will be valid for</h2>\n<ul>\n${resourceItems}\n</ul>` : ''}
<form method="post" action="${escapeHtml(input.actionUrl)}">
  <div class="actions">
    <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
    <button type="submit" name="decision" value="approve" class="primary" autofocus>Approve</button>
  </div>
</form>`,
  );
}

export function renderErrorPage(title: string, details: readonly [label: string, value: string][]): string {
  const rows = details
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join('\n');
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<div role="alert"><dl>\n${rows}\n</dl></div>`);
}

/**
 * Headers for every page: never cached (each carries a one-time interaction), never framed
 * (clickjacking on a consent button), no script at all. No `form-action`: browsers apply it
 * to the redirects after a form post, which end at the client's redirect_uri on another origin.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
  res.end(html);
}
