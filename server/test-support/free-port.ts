/**
 * Ports for tests: `freePort` is a loopback port the OS just handed out and that is released
 * again, free (nothing listens) until someone binds it (a race with another process only costs
 * a retry); `listenOnLoopback` starts a test server on an ephemeral loopback port.
 */
import { createServer, type Server } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `server` (HTTP or TCP) on an ephemeral loopback port and returns that port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  return address.port;
}
