/**
 * A loopback port the OS just handed out and that is released again: free (nothing listens)
 * until someone binds it. Test support only; a race with another process only costs a retry.
 */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('the probe server has no TCP address');
  return address.port;
}
