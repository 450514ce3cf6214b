/** Reading a caller's request body within a byte cap. */
import type { IncomingMessage } from 'node:http';

/**
 * The request body as text; 'too-large' as soon as it passes the cap; 'gone' when the client
 * disconnected before sending all of it (nobody is left to answer).
 */
export function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<string | 'too-large' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const settle = (value: string | 'too-large' | 'gone'): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        req.pause();
        settle('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => settle(chunks.length === 1 && chunks[0] ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    // 'close' before 'end' means the body never completed; the socket error is reported there too.
    const onClose = (): void => settle('gone');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}
