import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPhraseReferences, isPhraseReference, PHRASE_PREFIX, referencedPhrase, resolvePhraseParams, resolvePhraseValue } from './phrase-reference.js';

const TABLE: Record<string, string> = {
  'reason.top-level': 'the top level is {jsonType}, not an object',
  'type.array': 'an array',
  'reason.scheme': 'the scheme is {scheme}',
  'reason.loop': 'see {reason}',
};
const lookup = (id: string) => TABLE[id];
const ref = (id: string) => `${PHRASE_PREFIX}${id}`;

describe('phrase references', () => {
  it('are told apart from plain values', () => {
    assert.equal(referencedPhrase(ref('type.array')), 'type.array');
    assert.equal(referencedPhrase('https://as.example.com'), undefined);
    assert.equal(isPhraseReference(undefined), false);
    assert.equal(hasPhraseReferences({ url: 'https://x.example', reason: ref('reason.scheme') }), true);
    assert.equal(hasPhraseReferences({ url: 'https://x.example' }), false);
  });

  it('resolve to their text, placeholders filled from the other params, a referenced phrase one level deep', () => {
    const params = { reason: ref('reason.top-level'), jsonType: ref('type.array'), url: 'https://x.example/prm' };
    assert.deepEqual(resolvePhraseParams(params, lookup), {
      params: { reason: 'the top level is an array, not an object', jsonType: 'an array', url: 'https://x.example/prm' },
      complete: true,
    });
    assert.equal(resolvePhraseValue(ref('reason.scheme'), { scheme: 'ftp:' }, lookup), 'the scheme is ftp:');
    assert.equal(resolvePhraseValue(ref('reason.scheme'), {}, lookup), 'the scheme is {scheme}', 'a missing param stays a placeholder');
  });

  it('leave an unknown or self-referring phrase as it is and say the result is incomplete', () => {
    const unknown = { reason: ref('no.such-phrase'), url: 'u' };
    assert.deepEqual(resolvePhraseParams(unknown, lookup), { params: unknown, complete: false });
    const looping = { reason: ref('reason.loop') };
    assert.deepEqual(resolvePhraseParams(looping, lookup), { params: looping, complete: false });
  });
});
