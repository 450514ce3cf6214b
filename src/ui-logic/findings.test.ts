import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDINGS, makeFinding } from '../engine/checks/catalogue.js';
import { phrase, PHRASES } from '../engine/checks/finding-phrases.js';
import { WWW_AUTHENTICATE_NOTES, type WwwAuthenticateNote } from '../engine/www-authenticate.js';
import type { Finding } from '../engine/types.js';
import { countBySeverity, filterFindings, localizedFindingText, sortFindings, specLink } from './findings.js';

function finding(id: string, severity: Finding['severity']): Finding {
  return { id, severity, stepId: 'probe', title: id, detail: '', specRefs: [] };
}

test('errors come first, then warnings, then info; ties keep the flow order', () => {
  const input = [finding('i1', 'info'), finding('w1', 'warning'), finding('e1', 'error'), finding('i2', 'info'), finding('e2', 'error')];
  assert.deepEqual(sortFindings(input).map((f) => f.id), ['e1', 'e2', 'w1', 'i1', 'i2']);
  assert.deepEqual(countBySeverity(input), { error: 2, warning: 1, info: 2 });
  assert.deepEqual(filterFindings(input, new Set(['warning', 'info'])).map((f) => f.id), ['w1', 'i1', 'i2']);
  assert.equal(filterFindings(input, new Set()).length, 5);
});

test('Chinese text comes from the catalogue with the params filled in', () => {
  const real = makeFinding('probe.insecure-transport', '2026-07-28', { params: { url: 'http://mcp.example/mcp' } });
  assert.ok(real);
  const zh = localizedFindingText(real, 'zh-CN', FINDINGS);
  assert.equal(zh.title, 'MCP 服务器通过明文 HTTP 访问');
  assert.ok(zh.detail.startsWith('http://mcp.example/mcp 在非回环地址上'), zh.detail);
  assert.ok(zh.hint?.includes('HTTPS'));
  assert.deepEqual(localizedFindingText(real, 'en', FINDINGS), { title: real.title, detail: real.detail, hint: real.hint });
});

function real(): Finding {
  const made = makeFinding('probe.insecure-transport', '2026-07-28', { params: { url: 'http://mcp.example/mcp' } });
  assert.ok(made);
  return made;
}

test('an id missing from the catalogue falls back to the English text', () => {
  const unknown = { ...finding('not.in-catalogue', 'warning'), title: 'T', detail: 'D' };
  assert.deepEqual(localizedFindingText(unknown, 'zh-CN', FINDINGS), { title: 'T', detail: 'D' });
  assert.deepEqual(localizedFindingText(real(), 'zh-CN', undefined).title, real().title, 'catalogue not loaded yet: English');
});

test('spec links are labelled for the selected version', () => {
  assert.deepEqual(specLink({ id: 'rfc9728:3.3', url: 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3' }, '2026-07-28'), {
    url: 'https://www.rfc-editor.org/rfc/rfc9728#section-3.3',
    label: 'RFC 9728 §3.3 (Protected Resource Metadata)',
    englishLabel: 'RFC 9728 §3.3 (Protected Resource Metadata)',
  });
  assert.equal(specLink({ id: 'mcp:protocol-requirements', url: 'x' }, '2025-06-18').label, 'MCP 2025-06-18: Protocol Requirements');
  // In Chinese the title is translated; the English label stays for the tooltip.
  assert.deepEqual(specLink({ id: 'mcp:protocol-requirements', url: 'x' }, '2025-06-18', 'zh-CN'), {
    url: 'x',
    label: 'MCP 2025-06-18:协议要求',
    englishLabel: 'MCP 2025-06-18: Protocol Requirements',
  });
  assert.equal(specLink({ id: 'something-else', url: 'x' }, '2025-06-18').label, 'something-else');
});

/**
 * Every finding whose params carry our own words, with each phrase it can carry: rendered in
 * Chinese, no English phrase and no reference is left, and every placeholder is filled.
 */
const NOTES = Object.keys(WWW_AUTHENTICATE_NOTES) as WwwAuthenticateNote[];
const URL_PARAM = 'https://mcp.example.com/mcp';
const PHRASED: readonly [string, Record<string, string>][] = [
  ['probe.invalid-server-url', { url: 'mcp.example.com', reason: phrase('server-url.not-absolute') }],
  ['probe.invalid-server-url', { url: 'ftp://mcp.example.com', reason: phrase('server-url.scheme-not-http'), scheme: 'ftp:' }],
  ['probe.not-mcp', { url: URL_PARAM, status: '404', contentType: phrase('value.none') }],
  ['probe.no-bearer-challenge', { schemes: phrase('value.none') }],
  ...NOTES.map((note): [string, Record<string, string>] => [
    'probe.malformed-www-authenticate',
    { problem: WWW_AUTHENTICATE_NOTES[note].kind, message: phrase(`www-authenticate.${note}`), subject: 'resource_metadata', position: '8', line: '1', excerpt: 'Bearer x=y' },
  ]),
  ...(['protected-resource-metadata', 'authorization-server-metadata', 'client-id-metadata', 'registration-response', 'token-response', 'token-exchange-response', 'jwk-set', 'introspection-response'] as const).map(
    (document): [string, Record<string, string>] => ['http.not-json', { what: phrase(`document.${document}`), url: URL_PARAM, contentType: phrase('value.none'), reason: phrase('json.looks-like-html') }],
  ),
  ['http.not-json', { what: phrase('document.token-response'), url: URL_PARAM, contentType: 'application/json', reason: phrase('json.invalid') }],
  ['http.not-json', { what: phrase('document.token-response'), url: URL_PARAM, contentType: 'application/json', reason: phrase('json.syntax.unexpected'), found: '“}”', line: '1', column: '6' }],
  ['http.not-json', { what: phrase('document.jwk-set'), url: URL_PARAM, contentType: 'application/json', reason: phrase('json.syntax.ends-early'), line: '3', column: '1' }],
  ['http.not-json', { what: phrase('document.protected-resource-metadata'), url: URL_PARAM, contentType: 'application/json', reason: phrase('json.too-deep'), max: '64' }],
  ...(['array', 'string', 'number', 'boolean', 'null'] as const).map((type): [string, Record<string, string>] => [
    'http.not-json',
    { what: phrase('document.jwk-set'), url: URL_PARAM, contentType: 'application/json', reason: phrase('json.top-level-not-object'), jsonType: phrase(`json-type.${type}`) },
  ]),
  ['http.not-json-content-type', { what: phrase('document.protected-resource-metadata'), url: URL_PARAM, contentType: phrase('value.none') }],
  ['http.unreachable', { url: URL_PARAM, kind: 'refused', message: phrase('transport.no-answer'), problem: phrase('transport.problem.refused') }],
  ...(['dns', 'tls', 'timeout', 'cors-blocked', 'relay-rejected', 'invalid-url', 'other'] as const).map(
    (kind): [string, Record<string, string>] => ['http.unreachable', { url: URL_PARAM, kind, message: 'x', problem: phrase(`transport.problem.${kind}`) }],
  ),
  ['prm.not-found', { tried: phrase('value.none') }],
  ['asm.not-found', { issuer: 'https://as.example.com', tried: phrase('value.none') }],
  ...(['cross-origin', 'method-change', 'too-many', 'invalid-location'] as const).flatMap((reason) =>
    ['probe.redirect-not-followed', 'prm.redirect-not-followed', 'asm.redirect-not-followed'].map((id): [string, Record<string, string>] => [
      id,
      { from: URL_PARAM, to: 'https://elsewhere.example.com/', status: '302', reason: phrase(`redirect.${reason}`), max: '5' },
    ]),
  ),
  ['prm.invalid-field', { url: URL_PARAM, field: 'authorization_servers', expected: phrase('expected.issuer-url-array') }],
  ['prm.invalid-field', { url: URL_PARAM, field: 'scopes_supported', expected: phrase('expected.string-array') }],
  ['asm.invalid-field', { url: URL_PARAM, field: 'token_endpoint', expected: phrase('expected.absolute-url') }],
  ['asm.invalid-field', { url: URL_PARAM, field: 'authorization_endpoint', expected: phrase('expected.http-url') }],
  ['asm.invalid-field', { url: URL_PARAM, field: 'client_id_metadata_document_supported', expected: phrase('expected.boolean') }],
  ...(['not-string', 'not-absolute-url', 'has-query', 'has-fragment'] as const).map((reason): [string, Record<string, string>] => [
    'prm.invalid-authorization-server',
    { value: 'x', reason: phrase(`issuer.${reason}`) },
  ]),
  ['prm.invalid-authorization-server', { value: 'ftp://as.example.com', reason: phrase('issuer.scheme'), scheme: 'ftp:' }],
  ['asm.issuer-mismatch', { url: URL_PARAM, issuer: phrase('value.missing'), expected: 'https://as.example.com' }],
  ['asm.public-clients-unsupported', { methods: phrase('value.absent') }],
  ['asm.grant-type-not-advertised', { grant: 'client_credentials', grants: phrase('value.absent') }],
  ['registration.cimd-redirect-uri-missing', { redirectUri: 'http://127.0.0.1/cb', registered: phrase('value.none') }],
  ['registration.metadata-no-refresh-grant', { grantTypes: phrase('value.none') }],
  ['registration.dcr-rejected', { url: URL_PARAM, status: '400', error: phrase('value.none'), description: phrase('value.none'), applicationType: phrase('value.not-sent') }],
  ['registration.dcr-redirect-uri-replaced', { redirectUri: 'http://127.0.0.1/cb', registered: phrase('value.none') }],
  ['registration.auth-method-unsupported', { method: 'none', supported: phrase('value.none') }],
  ['client-auth.method-not-advertised', { method: 'none', supported: phrase('value.none') }],
  ['client-auth.signing-alg-not-advertised', { alg: 'ES256', supported: phrase('value.none') }],
  ...(['no-algorithm', 'public-only', 'symmetric-key'] as const).map((reason): [string, Record<string, string>] => ['client-auth.key-invalid', { reason: phrase(`client-key.${reason}`) }]),
  ['client-auth.key-invalid', { reason: phrase('client-key.symmetric-alg'), alg: 'HS256' }],
  ['authorization.no-endpoint', { issuer: 'https://as.example.com', value: phrase('value.absent') }],
  ['authorization.error-response', { error: 'access_denied', description: phrase('value.none'), uri: phrase('value.none') }],
  ['authorization.no-redirect', { url: URL_PARAM, status: '500', excerpt: phrase('value.no-text') }],
  ['engine.internal-error', { step: 'authenticated-mcp', message: phrase('value.too-deep-to-keep') }],
  ...(['authorization-server-metadata', 'client-registration', 'authorization-request', 'identity-assertion', 'assertion'] as const).map((what): [string, Record<string, string>] => [
    'token.missing-prerequisite',
    { what: phrase(`prerequisite.${what}`) },
  ]),
  ['token.no-authorization-code', { reason: phrase('authorization-code.no-code-parameter') }],
  ['token.no-authorization-code', { reason: phrase('authorization-code.no-callback') }],
  ['token.cache-control-missing', { value: phrase('value.none') }],
  ['token.scope-narrowed', { requested: 'a b', granted: phrase('value.none'), missing: 'a b' }],
  ['token.error-response', { status: '400', error: 'invalid_grant', description: phrase('value.no-error-description') }],
  ['id-jag.profile-not-advertised', { profiles: phrase('value.absent') }],
  ['id-jag.exchange-refused', { status: '400', error: 'invalid_grant', description: phrase('value.no-error-description') }],
  ['id-jag.token-type-not-n-a', { tokenType: phrase('value.absent') }],
  ['id-jag.wrong-typ', { typ: phrase('value.absent') }],
  ['id-jag.audience-mismatch', { aud: phrase('value.absent'), issuer: 'https://as.example.com' }],
  ['id-jag.client-id-mismatch', { claim: phrase('value.absent'), clientId: 'c1' }],
  ['id-jag.issuer-mismatch', { iss: phrase('value.absent'), expected: 'https://idp.example.com' }],
  ['id-jag.received', Object.fromEntries(['iss', 'sub', 'aud', 'resource', 'clientId', 'exp'].map((name) => [name, phrase('value.absent')]))],
  ['token.signature-unverifiable', { alg: 'HS256', reason: phrase('signature.shared-secret') }],
  ['token.jwks-unusable', { url: URL_PARAM, reason: phrase('jwks.no-keys-array') }],
  ['token.signature-invalid', { url: URL_PARAM, reason: phrase('signature.mismatch') }],
  ['token.signing-key-not-found', { alg: phrase('value.none'), kid: phrase('value.none'), url: URL_PARAM }],
  ['token.typ-not-at-jwt', { typ: phrase('value.none') }],
  ['token.scope-missing', { requested: 'a', scope: phrase('value.none'), missing: 'a' }],
  ['token.introspection-inactive', { active: phrase('value.absent') }],
  ['token.id-token', { iss: phrase('value.none'), aud: phrase('value.none') }],
  ['mcp.connected', { server: 'lab 1.0', protocolVersion: phrase('value.unknown'), era: phrase('era.modern'), toolCount: '1' }],
  ...(['option', 'challenge', 'resource-metadata', 'authorization-server'] as const).map((reason): [string, Record<string, string>] => ['dpop.used', { reason: phrase(`dpop.reason.${reason}`), thumbprint: 'abc' }]),
  ['mcp.connected-without-token', { server: 'lab 1.0', protocolVersion: '2025-11-25', era: phrase('era.legacy'), toolCount: '1' }],
  ['mcp.token-rejected', { operation: 'initialize', error: phrase('value.no-error-code'), challenge: phrase('value.no-www-authenticate') }],
  ['mcp.not-mcp', { operation: 'initialize', contentType: phrase('value.none'), message: 'Unexpected content type' }],
  ...(['empty', 'truncated', 'not-json-rpc', 'no-response'] as const).map((why): [string, Record<string, string>] => [
    'mcp.not-mcp',
    { operation: 'tools/list', contentType: 'text/plain', message: phrase('mcp-answer.unreadable'), status: '200', why: phrase(`mcp-answer.${why}`) },
  ]),
  [
    'mcp.http-error',
    { operation: 'tools/list', contentType: 'text/html', status: '502', message: phrase('mcp-answer.unreadable'), why: phrase('mcp-answer.not-json'), jsonError: phrase('json.syntax.unexpected'), found: '“<”', line: '1', column: '1' },
  ],
  ['mcp.request-failed', { operation: 'tools/list', message: phrase('mcp-answer.rpc-error'), rpcMessage: phrase('value.no-message'), code: '-32603' }],
  ['mcp.tool-error', { tool: 'add_numbers', message: phrase('value.no-content') }],
  ['mcp.tool-error', { tool: 'add_numbers', message: phrase('value.no-text-content') }],
  ['audit.unexpected-status', { url: URL_PARAM, status: '500', what: phrase('audit.tampered-token') }],
  ['audit.unexpected-status', { url: URL_PARAM, status: '500', what: phrase('audit.foreign-audience-token'), audience: URL_PARAM }],
  ['audit.refused', { url: URL_PARAM, status: '401', what: phrase('audit.malformed-token') }],
  ...(['unregistered-redirect', 'no-pkce', 'plain-pkce', 'code-reuse', 'wrong-verifier', 'other-client', 'refresh-reuse', 'open-registration'] as const).map(
    (what): [string, Record<string, string>] => ['audit.as-refused', { what: phrase(`audit.as.${what}`), detail: 'HTTP 400 error=invalid_grant' }],
  ),
  ...(['needs-person', 'no-code', 'first-redemption-refused', 'no-registration', 'confidential-client', 'no-refresh', 'not-rotated'] as const).map(
    (reason): [string, Record<string, string>] => ['audit.as-untested', { what: phrase('audit.as.code-reuse'), reason: phrase(`audit.as.untested.${reason}`), cause: 'authorization.no-redirect' }],
  ),
  ['audit.accepts-untrusted-issuer', { url: URL_PARAM, status: '200', what: phrase('audit.untrusted-issuer-token') }],
  ['audit.challenge-without-resource-metadata', { url: URL_PARAM, count: '2', what: phrase('audit.query-token') }],
  ...(['stack-trace', 'sql-error', 'file-path', 'upstream-error'] as const).map(
    (kind): [string, Record<string, string>] => ['audit.error-leaks-internals', { url: URL_PARAM, kind: phrase(`audit.leak.${kind}`), excerpt: 'at verify (/srv/x.js:1:2)', what: phrase('audit.tampered-token') }],
  ),
  ...(['no-refresh-token', 'no-metadata', 'no-client', 'same-audience'] as const).map((reason): [string, Record<string, string>] => [
    'audit.foreign-audience-untested',
    { audience: URL_PARAM, reason: phrase(`audit.untested.${reason}`) },
  ]),
  ['audit.foreign-audience-untested', { audience: URL_PARAM, reason: phrase('audit.untested.token-request-failed'), cause: 'token.endpoint-insecure' }],
  ['audit.foreign-audience-untested', { audience: URL_PARAM, reason: phrase('audit.untested.refused'), error: 'invalid_target' }],
  ['audit.foreign-audience-untested', { audience: URL_PARAM, reason: phrase('audit.untested.refused-status'), status: '500' }],
  ['audit.unexpected-status', { url: URL_PARAM, status: '400', what: phrase('audit.session-without-token') }],
  ...(['modern', 'no-session', 'no-answer', 'invalid-session-id'] as const).map((reason): [string, Record<string, string>] => ['audit.session-untested', { url: URL_PARAM, reason: phrase(`audit.session.untested.${reason}`) }]),
  ['audit.session-untested', { url: URL_PARAM, reason: phrase('audit.session.untested.not-opened'), status: '401' }],
  ...(['no-challenge-scope', 'no-narrower-scope', 'needs-authorization-code'] as const).map((reason): [string, Record<string, string>] => ['audit.insufficient-scope-untested', { url: URL_PARAM, reason: phrase(`audit.scope.untested.${reason}`) }]),
  ...(['not-granted', 'not-narrowed'] as const).map((reason): [string, Record<string, string>] => ['audit.insufficient-scope-untested', { url: URL_PARAM, reason: phrase(`audit.scope.untested.${reason}`), scope: 'mcp:tools' }]),
  ['audit.insufficient-scope-untested', { url: URL_PARAM, reason: phrase('audit.scope.untested.no-walk'), cause: 'error=invalid_scope' }],
  ['audit.insufficient-scope-not-403', { url: URL_PARAM, status: '401', scope: 'mcp:tools', granted: phrase('value.none'), error: phrase('value.no-error-code') }],
  ...(['protected-resource-metadata', 'authorization-server-metadata', 'registration', 'token', 'mcp'] as const).map((kind): [string, Record<string, string>] => [
    'cors.origin-not-allowed',
    { endpoint: phrase(`cors.endpoint.${kind}`), url: URL_PARAM, origin: 'https://mcp-client.example', allowOrigin: phrase('value.none') },
  ]),
  ['mcp.tool-definition-rejected', { tool: 'search', reason: phrase('x-mcp-header.unreachable'), where: 'filters.region' }],
  ['mcp.tool-definition-rejected', { tool: 'search', reason: phrase('x-mcp-header.empty'), where: 'region' }],
  ['mcp.tool-definition-rejected', { tool: 'search', reason: phrase('x-mcp-header.not-token'), header: 'Re gion', where: 'region' }],
  ['mcp.tool-definition-rejected', { tool: 'search', reason: phrase('x-mcp-header.not-primitive'), header: 'Region', where: 'region', schemaType: '"object"' }],
  ['mcp.tool-definition-rejected', { tool: 'search', reason: phrase('x-mcp-header.duplicate'), header: 'region', other: 'Region' }],
  ...(['protected-resource-metadata', 'authorization-server-metadata', 'client-registration', 'authorization', 'token', 'connect', 'list-tools'] as const).map((stage): [string, Record<string, string>] => [
    'clients.stopped',
    { client: 'MCP TypeScript SDK v1 (@modelcontextprotocol/sdk 1.32.2)', stage: phrase(`client-stage.${stage}`), error: 'fetch failed', protocol: phrase('value.unknown'), tools: '0', debuggerFindings: 'prm.resource-mismatch' },
  ]),
  ['cors.preflight-failed', { endpoint: phrase('cors.endpoint.mcp'), url: URL_PARAM, origin: 'https://mcp-client.example', method: 'POST', headers: 'authorization', status: '401', allowOrigin: phrase('value.none'), refused: 'authorization' }],
];

test('findings with phrase params read in Chinese without a word of the English phrases', () => {
  // `null` is a JSON literal, quoted in the Chinese text too.
  // One lowercase word ("authorization", a client's stage) also appears in paths and fields the
  // Chinese texts quote (oauth-authorization-server, authorization_servers): sentences only.
  const english = Object.values(PHRASES).map((text) => text.en).filter((text) => text !== 'null' && !/^[a-z]+$/.test(text));
  const used = new Set<string>();
  for (const [id, params] of PHRASED) {
    for (const value of Object.values(params)) if (value.startsWith('@phrase:')) used.add(value);
    const made = makeFinding(id, '2026-07-28', { params });
    assert.ok(made, id);
    const zh = localizedFindingText(made, 'zh-CN', FINDINGS, PHRASES);
    const text = [zh.title, zh.detail, zh.hint ?? ''].join('\n');
    assert.doesNotMatch(text, /@phrase:|\{\w+\}/, `${id}: ${text}`);
    for (const sentence of english) assert.ok(!text.includes(sentence), `${id} shows "${sentence}" in Chinese: ${text}`);
    assert.doesNotMatch([made.title, made.detail].join('\n'), /@phrase:/, `${id} English`);
  }
  const unused = Object.keys(PHRASES).filter((phraseId) => !used.has(phrase(phraseId as keyof typeof PHRASES)));
  assert.deepEqual(unused, [], 'every phrase is rendered by some case above');
});

test('a finding recorded before a param existed keeps its English text instead of showing a placeholder', () => {
  // As an earlier version saved it: its English title, its params without `problem`.
  const made = makeFinding('http.unreachable', '2026-07-28', { params: { url: 'https://mcp.example.com/mcp', kind: 'refused', message: 'no', problem: phrase('transport.problem.refused') } });
  assert.ok(made);
  const { problem: _problem, ...oldParams } = made.params ?? {};
  const recorded = { ...made, title: 'No answer from https://mcp.example.com/mcp', params: oldParams };
  const zh = localizedFindingText(recorded, 'zh-CN', FINDINGS, PHRASES);
  assert.equal(zh.title, 'No answer from https://mcp.example.com/mcp');
  assert.equal(localizedFindingText(made, 'zh-CN', FINDINGS, PHRASES).title, '连接被拒绝:https://mcp.example.com/mcp');
});

test('a finding with phrase params shows its Chinese phrase, and English until the phrases are loaded', () => {
  const made = makeFinding('token.no-authorization-code', '2026-07-28', { params: { reason: phrase('authorization-code.no-callback') } });
  assert.ok(made);
  assert.equal(made.detail, 'The authorization response carried no code (no callback), so there is nothing to send to the token endpoint.');
  assert.equal(localizedFindingText(made, 'zh-CN', FINDINGS, PHRASES).detail, '授权响应中没有授权码(没有收到回调),因此无法向令牌端点发送请求。');
  assert.equal(localizedFindingText(made, 'zh-CN', FINDINGS, undefined).detail, made.detail);
  assert.equal(localizedFindingText({ ...made, params: { reason: '@phrase:no.such-phrase' } }, 'zh-CN', FINDINGS, PHRASES).detail, made.detail);
});
