import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceSubject, parseEvidencePointer, pointerTokens, resolveJsonPointer } from './evidence-pointer.js';
import { jsonChildren, type JsonValue } from './json-fold.js';

describe('parseEvidencePointer', () => {
  it('reads a bare JSON Pointer as one into the response body, as findings have always written it', () => {
    assert.deepEqual(parseEvidencePointer('/resource'), { place: 'response-body', pointer: '/resource' });
    assert.deepEqual(parseEvidencePointer('/authorization_servers/0'), { place: 'response-body', pointer: '/authorization_servers/0' });
    assert.deepEqual(parseEvidencePointer(''), { place: 'response-body', pointer: '' });
  });

  it('reads the request body, headers on either side and parameters', () => {
    assert.deepEqual(parseEvidencePointer('request:/redirect_uris/0'), { place: 'request-body', pointer: '/redirect_uris/0' });
    assert.deepEqual(parseEvidencePointer('header:WWW-Authenticate'), { place: 'response-header', name: 'www-authenticate' });
    assert.deepEqual(parseEvidencePointer('request-header:Authorization'), { place: 'request-header', name: 'authorization' });
    assert.deepEqual(parseEvidencePointer('param:redirect_uri'), { place: 'param', name: 'redirect_uri' });
  });

  it('gives nothing for no pointer or one outside the notation', () => {
    assert.equal(parseEvidencePointer(undefined), undefined);
    assert.equal(parseEvidencePointer('resource'), undefined);
    assert.equal(parseEvidencePointer('header:'), undefined);
    assert.equal(parseEvidencePointer('param:  '), undefined);
    assert.equal(parseEvidencePointer('request:resource'), undefined);
    assert.equal(parseEvidencePointer('cookie:sid'), undefined);
  });
});

describe('pointerTokens', () => {
  it('unescapes ~1 before ~0 (RFC 6901 §4)', () => {
    assert.deepEqual(pointerTokens('/a~1b/m~0n/~01'), ['a/b', 'm~n', '~1']);
    assert.deepEqual(pointerTokens(''), []);
    assert.deepEqual(pointerTokens('/'), ['']);
    assert.equal(pointerTokens('a/b'), undefined);
  });
});

describe('resolveJsonPointer', () => {
  const document: JsonValue = {
    resource: 'https://mcp.example/mcp',
    authorization_servers: ['https://as.example/realms/demo'],
    'a/b': { '~x': [1, 2] },
    empty: '',
  };

  it('finds members, array items and escaped names, spelled as the JSON view spells them', () => {
    assert.deepEqual(resolveJsonPointer(document, '/resource'), { found: true, pointer: '/resource' });
    assert.deepEqual(resolveJsonPointer(document, '/authorization_servers/0'), { found: true, pointer: '/authorization_servers/0' });
    assert.deepEqual(resolveJsonPointer(document, '/a~1b/~0x/1'), { found: true, pointer: '/a~1b/~0x/1' });
    assert.deepEqual(resolveJsonPointer(document, '/empty'), { found: true, pointer: '/empty' });
    assert.deepEqual(resolveJsonPointer(document, ''), { found: true, pointer: '' });
    // The JSON view names the same node with the same pointer, so the mark lands on it.
    const child = jsonChildren(document, '').find((c) => c.key === 'a/b');
    assert.equal(child?.pointer, '/a~1b');
  });

  it('names the nearest value that is there when the field is absent', () => {
    assert.deepEqual(resolveJsonPointer(document, '/scopes_supported'), { found: false, nearest: '', missing: '/scopes_supported' });
    assert.deepEqual(resolveJsonPointer(document, '/authorization_servers/3'), { found: false, nearest: '/authorization_servers', missing: '/3' });
    assert.deepEqual(resolveJsonPointer(document, '/resource/x'), { found: false, nearest: '/resource', missing: '/x' });
    assert.deepEqual(resolveJsonPointer(document, '/a~1b/~0y'), { found: false, nearest: '/a~1b', missing: '/~0y' });
  });

  it('takes array indexes only as RFC 6901 writes them, and never inherited members', () => {
    assert.deepEqual(resolveJsonPointer(document, '/authorization_servers/00'), { found: false, nearest: '/authorization_servers', missing: '/00' });
    assert.deepEqual(resolveJsonPointer(document, '/authorization_servers/-'), { found: false, nearest: '/authorization_servers', missing: '/-' });
    assert.deepEqual(resolveJsonPointer(document, '/authorization_servers/length'), { found: false, nearest: '/authorization_servers', missing: '/length' });
    assert.deepEqual(resolveJsonPointer(document, '/constructor'), { found: false, nearest: '', missing: '/constructor' });
    assert.deepEqual(resolveJsonPointer('text', '/0'), { found: false, nearest: '', missing: '/0' });
  });
});

describe('evidenceSubject', () => {
  it('names a body pointer, a header or a parameter', () => {
    assert.equal(evidenceSubject({ place: 'response-body', pointer: '/resource' }), '/resource');
    assert.equal(evidenceSubject({ place: 'request-body', pointer: '' }), '/');
    assert.equal(evidenceSubject({ place: 'response-header', name: 'www-authenticate' }), 'www-authenticate');
    assert.equal(evidenceSubject({ place: 'param', name: 'redirect_uri' }), 'redirect_uri');
  });
});
