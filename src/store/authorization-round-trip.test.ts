import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNavigableUrl } from './authorization-round-trip.js';

test('the page is sent only to http(s) URLs', () => {
  assert.equal(isNavigableUrl('https://as.example.com/authorize?client_id=x'), true);
  assert.equal(isNavigableUrl('http://127.0.0.1:4281/realms/demo/auth'), true);
  for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'blob:https://x/1', '/relative', '']) {
    assert.equal(isNavigableUrl(url), false, url);
  }
});
