/**
 * Binding and releasing the lab's two HTTP servers. Each server is bound before its handler
 * exists, because the handlers need to know the URLs (with the real, possibly ephemeral,
 * ports) of both servers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface BoundServer {
  server: Server;
  port: number;
  /** Installs the real handler; until then requests get 503. */
  setHandler(handler: RequestHandler): void;
  /** Stops listening and destroys every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

export async function bindServer(host: string, port: number): Promise<BoundServer> {
  let handler: RequestHandler | undefined;
  const server = createServer((req, res) => {
    if (handler) {
      handler(req, res);
      return;
    }
    res.statusCode = 503;
    res.setHeader('Retry-After', '1');
    res.end();
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') {
    server.close();
    throw new Error(`server on ${host}:${port} has no TCP address`);
  }

  let closing: Promise<void> | undefined;
  return {
    server,
    port: address.port,
    setHandler(next) {
      handler = next;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() only stops accepting; idle keep-alive sockets (jose's JWKS fetches, test
        // clients) would hold the port and the event loop open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
