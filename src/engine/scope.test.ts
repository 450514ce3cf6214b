import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingResourceScopes, missingScopes, splitScope, unionOfScopes } from './scope.js';

describe('scope values', () => {
  it('splits on runs of white space and keeps case', () => {
    assert.deepEqual(splitScope(undefined), []);
    assert.deepEqual(splitScope(''), []);
    assert.deepEqual(splitScope('  mcp:tools   Files:Read\tmcp:admin '), ['mcp:tools', 'Files:Read', 'mcp:admin']);
  });

  it('unites two scope lists in order of first appearance', () => {
    assert.deepEqual(unionOfScopes(['a', 'b'], ['c', 'a']), ['a', 'b', 'c']);
  });

  it('lists what is missing, not counting offline_access as a resource scope', () => {
    assert.deepEqual(missingScopes('a b offline_access', 'b'), ['a', 'offline_access']);
    assert.deepEqual(missingResourceScopes('a b offline_access', 'b'), ['a']);
    assert.deepEqual(missingResourceScopes('a', undefined), ['a']);
    assert.deepEqual(missingResourceScopes(undefined, 'a'), []);
  });
});
