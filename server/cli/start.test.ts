/** `mcp-auth-debugger start` as a person runs it: a real process, its printed URLs, Ctrl-C. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { it } from 'node:test';

it('start serves the debugger on loopback with the lab beside it, and stops cleanly on SIGINT', async (t) => {
  const child = spawn(process.execPath, ['bin/mcp-auth-debugger.js', 'start', '--port', '0', '--lab-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 15_000;
  while (!/Press Ctrl-C/.test(stdout) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));

  const debuggerUrl = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
  const labUrl = /Demo lab MCP server: (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stdout)?.[1];
  assert.ok(debuggerUrl, stdout);
  assert.ok(labUrl, stdout);
  // What the lab says is shown, marked as the lab's; nothing of its libraries (oidc-provider's
  // notices about the Node.js release or its development-only storage) is.
  assert.match(stdout, new RegExp(`^lab: MCP server: +${labUrl}$`, 'm'));
  assert.match(stdout, /^lab: Authorization server: +http:\/\/127\.0\.0\.1:\d+\/realms\/demo$/m);
  assert.match(stdout, /^lab: Faults: +none$/m);
  assert.doesNotMatch(stdout + stderr, /oidc-provider|WARNING/);

  const health = await fetch(`${debuggerUrl}/api/health`);
  assert.deepEqual(await health.json(), { ok: true });
  const page = await fetch(`${debuggerUrl}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /mcp-auth-debugger/);
  const lab = await fetch(labUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(lab.status, 401, 'the lab MCP server asks for a token');

  child.kill('SIGINT');
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0);
  await assert.rejects(fetch(`${debuggerUrl}/api/health`), 'the relay is gone');
});
