import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPkcePair, createState, isValidCodeVerifier } from './pkce.js';
import type { RandomSource } from './step.js';

/** RFC 7636 Appendix B: the 32 octets behind the example code_verifier. */
const APPENDIX_B_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];

const fixedRandom = (octets: number[]): RandomSource => (length) => Uint8Array.from({ length }, (_, i) => octets[i % octets.length] ?? 0);

/** A deterministic source that never repeats within a run: each call continues the sequence. */
function countingRandom(): RandomSource {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

describe('PKCE', () => {
  it('reproduces the RFC 7636 Appendix B example', async () => {
    const pair = await createPkcePair(fixedRandom(APPENDIX_B_OCTETS));
    assert.equal(pair.codeVerifier, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    assert.equal(pair.codeChallenge, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    assert.equal(pair.codeChallengeMethod, 'S256');
  });

  it('is deterministic for an injected random source and different for another', async () => {
    const first = await createPkcePair(countingRandom());
    const again = await createPkcePair(countingRandom());
    assert.deepEqual(first, again);
    const other = await createPkcePair(fixedRandom([1, 2, 3]));
    assert.notEqual(other.codeVerifier, first.codeVerifier);
  });

  it('makes verifiers of 43+ unreserved characters (RFC 7636 §4.1)', async () => {
    const { codeVerifier } = await createPkcePair(fixedRandom([0xff, 0xfe, 0xfb]));
    assert.equal(codeVerifier.length, 43);
    assert.ok(isValidCodeVerifier(codeVerifier), codeVerifier);
    assert.equal(isValidCodeVerifier('too-short'), false);
    assert.equal(isValidCodeVerifier(`${'a'.repeat(42)}+`), false);
  });

  it('draws state from the random source too', () => {
    const random = countingRandom();
    const state = createState(random);
    // Bytes 0 to 31, base64url-encoded without padding.
    assert.equal(state, 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
    assert.notEqual(createState(random), state, 'the next state continues the sequence');
  });
});
