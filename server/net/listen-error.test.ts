import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { it } from 'node:test';
import { describeListenError } from './listen-error.js';

function listen(server: Server, port: number, host: string): Promise<unknown> {
  return new Promise((resolve) => {
    server.once('error', resolve);
    server.listen(port, host, () => resolve(undefined));
  });
}

it("a port in use: the port, the address and the option that chooses another, also through a wrapper's cause", async (t) => {
  const first = createServer();
  await listen(first, 0, '127.0.0.1');
  t.after(() => first.close());
  const address = first.address();
  assert.ok(address !== null && typeof address === 'object');
  const error = await listen(createServer(), address.port, '127.0.0.1');
  assert.ok(error instanceof Error);
  const expected = `port ${address.port} on 127.0.0.1 is already in use (is mcp-auth-debugger running already?): stop what uses it, or choose another port with --lab-port (0 picks a free one).`;
  assert.equal(describeListenError(error, '--lab-port'), expected);
  assert.equal(describeListenError(new Error('cannot listen', { cause: error }), '--lab-port'), expected);
});

it("an address that is not this machine's", async () => {
  // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address.
  const error = await listen(createServer(), 0, '192.0.2.1');
  assert.match(describeListenError(error, '--port') ?? '', /^cannot listen on 192\.0\.2\.1: it is not an address of this machine \(127\.0\.0\.1 is\)\.$/);
});

it('any other error is not described as a listening failure', () => {
  assert.equal(describeListenError(new Error('boom'), '--port'), undefined);
  assert.equal(describeListenError('EADDRINUSE', '--port'), undefined);
});
