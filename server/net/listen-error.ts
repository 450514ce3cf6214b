/**
 * A server that could not listen, said in one line a person can act on: the port is taken
 * (another copy of the debugger, or another program) or not allowed for this user. Used by
 * `start` and `lab`, which exit with code 2 instead of printing the error's stack.
 */
interface ListenFailure {
  code: 'EADDRINUSE' | 'EACCES' | 'EADDRNOTAVAIL';
  port?: number;
  address?: string;
}

function listenFailureIn(error: unknown): ListenFailure | undefined {
  // Wrappers (the lab's bindServer) keep Node's error as their cause.
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const { code, port, address } = current as Error & { code?: unknown; port?: unknown; address?: unknown };
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      return { code, ...(typeof port === 'number' ? { port } : {}), ...(typeof address === 'string' ? { address } : {}) };
    }
  }
  return undefined;
}

/**
 * The sentence for a failure to listen, naming the option that chooses the port; undefined
 * when the error is something else.
 */
export function describeListenError(error: unknown, portOption: string): string | undefined {
  const failure = listenFailureIn(error);
  if (!failure) return undefined;
  const where = `${failure.port === undefined ? 'the port' : `port ${failure.port}`}${failure.address === undefined ? '' : ` on ${failure.address}`}`;
  switch (failure.code) {
    case 'EADDRINUSE':
      return `${where} is already in use (is mcp-auth-debugger running already?): stop what uses it, or choose another port with ${portOption} (0 picks a free one).`;
    case 'EACCES':
      return `${where} needs privileges this user does not have: choose a port above 1023 with ${portOption} (0 picks a free one).`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${failure.address ?? 'the address asked for'}: it is not an address of this machine (127.0.0.1 is).`;
  }
}
