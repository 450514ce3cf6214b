import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserCommand } from './browser-consent.js';

describe('opening the authorization page in the system browser', () => {
  const tricky = 'https://as.example.com/authorize?a=1&b=2|x"y^z w&calc.exe';

  it('hands the URL to the opener as one argument, without a shell, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const [command, args] = browserCommand(platform, tricky);
      assert.notEqual(command, 'cmd', `${platform}: no command interpreter`);
      assert.equal(args.at(-1), new URL(tricky).href, `${platform}: the whole URL is one argument`);
      assert.ok(args.length <= 2, platform);
    }
    assert.deepEqual(browserCommand('win32', 'https://as.example.com/a'), ['rundll32', ['url.dll,FileProtocolHandler', 'https://as.example.com/a']]);
  });

  it('opens only http(s) URLs', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ms-settings:', 'not a url']) {
      assert.throws(() => browserCommand('linux', url), /Only http\(s\) URLs/, url);
    }
  });
});
