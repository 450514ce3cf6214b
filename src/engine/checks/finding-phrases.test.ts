import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADER_ANNOTATION_PROBLEMS } from '../mcp/request-metadata.js';
import { WWW_AUTHENTICATE_NOTES, parseWwwAuthenticate, type WwwAuthenticateNote } from '../www-authenticate.js';
import { makeFinding } from './catalogue.js';
import { inEnglish, phrase, phraseText, PHRASES } from './finding-phrases.js';
import { resolvePhraseParams } from './phrase-reference.js';


describe('finding phrases', () => {
  const entries = Object.entries(PHRASES);

  // Both languages and their placeholders: src/i18n/parity.test.ts.
  it('has dotted ids', () => {
    for (const [id] of entries) assert.match(id, /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, id);
  });

  it('keeps the parser’s English notes on WWW-Authenticate identical to the phrases that translate them', () => {
    for (const [note, { message }] of Object.entries(WWW_AUTHENTICATE_NOTES)) {
      assert.equal(PHRASES[`www-authenticate.${note as WwwAuthenticateNote}`].en, message, note);
    }
    const [problem] = parseWwwAuthenticate('Bearer resource_metadata=https://mcp.example.com/prm').problems;
    assert.ok(problem);
    assert.equal(problem.note, 'unquoted-value');
    assert.equal(problem.subject, 'resource_metadata');
    assert.equal(inEnglish(phrase(`www-authenticate.${problem.note}`), { subject: problem.subject ?? '' }), problem.message);
  });

  it('keeps the English reasons an x-mcp-header annotation is refused for identical to the phrases that translate them', () => {
    for (const [kind, english] of Object.entries(HEADER_ANNOTATION_PROBLEMS)) assert.equal(PHRASES[`x-mcp-header.${kind as keyof typeof HEADER_ANNOTATION_PROBLEMS}`].en, english, kind);
  });
});

describe('phrase references in findings', () => {
  it('render in the reader’s language from the table', () => {
    const params = { reason: phrase('json.top-level-not-object'), jsonType: phrase('json-type.array') };
    assert.equal(resolvePhraseParams(params, phraseText('en')).params.reason, 'the top level is an array, not an object');
    assert.equal(resolvePhraseParams(params, phraseText('zh-CN')).params.reason, '顶层是数组,而不是对象');
  });

  it('give the finding English texts that read as before, and keep the references in params', () => {
    const finding = makeFinding('probe.invalid-server-url', '2026-07-28', {
      params: { url: 'ftp://mcp.example.com', reason: phrase('server-url.scheme-not-http'), scheme: 'ftp:' },
    });
    assert.equal(finding?.detail, '"ftp://mcp.example.com" is not an http(s) URL of an MCP endpoint: the scheme is ftp: (only http and https carry MCP).');
    assert.equal(finding?.params?.reason, '@phrase:server-url.scheme-not-http');

    const notJson = makeFinding('http.not-json', '2026-07-28', {
      params: { what: phrase('document.token-response'), url: 'https://as.example/token', contentType: phrase('value.none'), reason: 'Unexpected token' },
    });
    assert.equal(notJson?.title, 'The token response is not JSON');
    assert.equal(notJson?.detail, 'https://as.example/token answered with Content-Type "(none)" and a body that is not JSON (Unexpected token).');
  });

  it('are plain values to inEnglish when they are no reference', () => {
    assert.equal(inEnglish('invalid_grant'), 'invalid_grant');
    assert.equal(inEnglish(phrase('value.no-error-code')), '(no error code)');
  });
});
