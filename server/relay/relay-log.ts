/**
 * One line per relay call. What a line may hold is fixed here: time, method, target origin and
 * path, upstream status or error kind, duration. Never the query (authorization codes and
 * tokens travel there), headers, bodies, messages that echo input, or the relay secret.
 */

export type RelayLogOutcome =
  | { kind: 'relayed'; method: string; target: URL; status?: number; errorKind?: string }
  | { kind: 'invalid-target'; method: string }
  | { kind: 'rejected'; status: number; reason: string };

const MAX_PATH_CHARS = 200;

export function formatRelayLogLine(startedAt: number, durationMs: number, outcome: RelayLogOutcome): string {
  const time = new Date(startedAt).toISOString();
  const duration = `${durationMs.toFixed(1)}ms`;
  switch (outcome.kind) {
    case 'rejected':
      return `${time} relay rejected ${outcome.status} ${outcome.reason} ${duration}`;
    case 'invalid-target':
      return `${time} relay ${outcome.method} (invalid target URL) -> invalid-url ${duration}`;
    case 'relayed': {
      // origin leaves out user:password@; pathname is percent-encoded, so it cannot break the line.
      const path = outcome.target.pathname.length > MAX_PATH_CHARS ? `${outcome.target.pathname.slice(0, MAX_PATH_CHARS)}…` : outcome.target.pathname;
      const answer = [outcome.status, outcome.errorKind].filter((part) => part !== undefined).join(' ') || 'no answer';
      return `${time} relay ${outcome.method} ${outcome.target.origin}${path} -> ${answer} ${duration}`;
    }
  }
}
