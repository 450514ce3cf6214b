import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { test } from 'node:test';
import { startLab } from './index.js';

async function listenOn(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

async function closeNet(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

test('close() frees both ports even with keep-alive connections open', async () => {
  const lab = await startLab();
  const asPort = Number(new URL(lab.authorizationServerOrigin).port);
  const mcpPort = Number(new URL(lab.mcpUrl).port);
  // fetch keeps these connections alive after the answers.
  assert.equal((await fetch(`${lab.issuer}/.well-known/openid-configuration`)).status, 200);
  assert.equal((await fetch(lab.mcpUrl, { method: 'POST' })).status, 401);
  await lab.close();
  await lab.close();

  const servers = [await listenOn(asPort), await listenOn(mcpPort)];
  await Promise.all(servers.map(closeNet));
});

test('a port in use makes startLab reject with the port in the message', async (t) => {
  const blocker = await listenOn(0);
  t.after(() => closeNet(blocker));
  const address = blocker.address();
  assert.ok(address !== null && typeof address === 'object');
  await assert.rejects(startLab({ mcpPort: address.port }), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${address.port}`));
});

test('two labs run side by side in one process without sharing state', async (t) => {
  const [first, second] = await Promise.all([startLab(), startLab({ faults: ['asm.pkce-unsupported'] })]);
  t.after(() => Promise.all([first.close(), second.close()]));
  assert.notEqual(first.issuer, second.issuer);
  const firstMetadata: unknown = await (await fetch(`${first.issuer}/.well-known/openid-configuration`)).json();
  const secondMetadata: unknown = await (await fetch(`${second.issuer}/.well-known/openid-configuration`)).json();
  assert.ok(typeof firstMetadata === 'object' && firstMetadata !== null && 'code_challenge_methods_supported' in firstMetadata);
  assert.ok(typeof secondMetadata === 'object' && secondMetadata !== null && !('code_challenge_methods_supported' in secondMetadata));
});
