/**
 * A hostile server against the text report: what it sends (tool names and descriptions, its
 * name, error texts) must reach the terminal as visible text, never as control sequences. The
 * report's own colours stay.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startMisbehavingServer } from '../test-support/misbehaving-server.js';
import { runCli } from '../test-support/run-cli.js';
import { createStyle, terminalSafe } from './terminal.js';

/** ESC (colour, cursor, title, OSC 8 link), BEL, CR, C1 CSI, DEL, right-to-left override, isolates (LF and tab end lines and align columns of the report itself). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminal safety', () => {
  it('writes every active character as a visible escape', () => {
    assert.equal(terminalSafe('a\u001b[2Jb'), 'a\\x1b[2Jb');
    assert.equal(terminalSafe('x\r\n  ✓ fake'), 'x\\r\\n  ✓ fake');
    assert.equal(terminalSafe('\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007'), '\\x1b]8;;https://evil.example/\\x07link\\x1b]8;;\\x07');
    assert.equal(terminalSafe('abc\u202eexe.txt'), 'abc\\u202eexe.txt');
    assert.equal(terminalSafe('\u009b31m\u007f'), '\\x9b31m\\x7f');
    assert.equal(terminalSafe('plain text, ünïcödé, 中文 ✓'), 'plain text, ünïcödé, 中文 ✓');
  });

  it('a hostile server cannot clear the screen, set the title, plant a link or fake a line of the report', async (t) => {
    const server = await startMisbehavingServer({
      serverName: 'evil\u001b]0;pwned\u0007',
      tools: [
        { name: 'wipe\u001b[2J\u001b[H', description: 'Click \u001b]8;;https://evil.example/\u0007here\u001b]8;;\u0007', inputSchema: { type: 'object' } },
        { name: 'fake', description: 'ok\r\n  ✓ client-registration                  all good', inputSchema: { type: 'object', properties: { 'a\u202eb': { type: 'string' } } } },
        { name: 'c1\u009b31m', description: 'bidi \u2066isolated\u2069 \u202eevil', inputSchema: { type: 'object' } },
      ],
    });
    t.after(() => server.close());
    const { stdout, stderr } = await runCli(['check', server.mcpUrl, '--timeout', '3000', '--verbose']);
    for (const [name, text] of [
      ['stdout', stdout],
      ['stderr', stderr],
    ] as const) {
      const found = ACTIVE.exec(text);
      assert.equal(found, null, `${name} carries U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    assert.match(stdout, /wipe\\x1b\[2J\\x1b\[H/);
    assert.match(stdout, /Click \\x1b\]8;;https:\/\/evil\.example\/\\x07here/);
    assert.match(stdout, /ok\\r\\n {2}✓ client-registration/);
    assert.equal(stdout.split('\n').filter((line) => /^\s*✓ client-registration/.test(line)).length, 1, 'only the real step line');
  });

  it('keeps the report\'s own colours when colour is on', () => {
    const style = createStyle(true);
    assert.equal(style.red(terminalSafe('x\u001b[32m')), '\u001b[31mx\\x1b[32m\u001b[39m');
  });
});
