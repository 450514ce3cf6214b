/**
 * The debugger as a library: `import { runCheck, compareSessions } from 'mcp-auth-debugger'`.
 * `runCheck` runs the same flow as `mcp-auth-debugger check` from anyone's own tests (Node's test
 * runner, Vitest, Playwright) and returns the session; `compareSessions` does what
 * `check --expect` does with it. Built into lib/ by scripts/build-library.mjs.
 */
import { writeFile } from 'node:fs/promises';
import { compareSessions, runOutline, type ComparableRun, type CompareOptions, type SessionComparison, type SessionDifference } from '../../src/engine/compare.js';
import { createRedirectFollowingInteraction } from '../../src/engine/consent/follow-redirects.js';
import { defaultFlowOptions, type FlowOptions } from '../../src/engine/options.js';
import { redactSession } from '../../src/engine/redact.js';
import { allExchanges, allFindings, createSession, runFlow, type Session } from '../../src/engine/session.js';
import { readSessionFile, serialiseSessionFile, toSessionFile, type SessionFile, type SessionFileReading } from '../../src/engine/session-file.js';
import type { AuthorizationInteraction } from '../../src/engine/step.js';
import type { Exchange, Finding, StepResult } from '../../src/engine/types.js';
import { EXPORT_FORMATS, exportSession, type ExportFormat } from '../../src/export/index.js';
import { checkSucceeded } from '../cli/report.js';
import { loadSessionFile } from '../cli/session-file-io.js';
import { toolVersion } from '../cli/tool-version.js';
import { createNodeTransport } from '../net/node-transport.js';

export type { ComparableRun, CompareOptions, Exchange, ExportFormat, Finding, FlowOptions, Session, SessionComparison, SessionDifference, SessionFile, SessionFileReading, StepResult };
export { allExchanges, allFindings, compareSessions, EXPORT_FORMATS, exportSession, readSessionFile, redactSession, runOutline };

/** Where the authorization server sends the browser, and where it must come back to. */
export interface AuthorizationRequest {
  url: string;
  redirectUri: string;
}

/**
 * Gets the user's consent: opens `url` in a browser (Playwright's page, say), signs in, and
 * resolves with the full URL the authorization server redirected to (the redirect URI with `code`
 * and `state`). A rejection becomes the finding `authorization.interaction-failed`.
 */
export type Authorize = (request: AuthorizationRequest) => Promise<string>;

export interface RunCheckOptions extends Partial<Omit<FlowOptions, 'serverUrl'>> {
  /**
   * How the authorization step gets its callback. `'follow-redirects'` (the default) walks the
   * redirects headless, which works where no person is asked (the lab with --auto-consent); a
   * function signs in through the authorization server's pages.
   */
  authorize?: 'follow-redirects' | Authorize;
  /** Called after each step, in order. */
  onStep?: (result: StepResult, session: Session) => void;
  /**
   * After the flow, also run the real MCP TypeScript SDK clients (v1 and v2) against the server,
   * headless, and keep where each stopped beside the debugger's verdict in `session.clients`.
   */
  clients?: boolean;
}

/**
 * Runs the whole authorization flow against an MCP server, as `check` does, and returns the
 * session: every step's result, exchanges and findings. The session holds the tokens it got;
 * `redactSession` (or `saveSession` without includeSecrets) takes them out before it is kept.
 */
export async function runCheck(serverUrl: string, options: RunCheckOptions = {}): Promise<Session> {
  const { authorize = 'follow-redirects', onStep, clients, ...overrides } = options;
  const interaction: AuthorizationInteraction = authorize === 'follow-redirects' ? createRedirectFollowingInteraction() : { obtainCallback: (request) => authorize({ url: request.url, redirectUri: request.redirectUri }) };
  const session = createSession(defaultFlowOptions(serverUrl, overrides));
  const finished = await runFlow(session, { transport: createNodeTransport(), interaction }, onStep ? { onStep } : {});
  return clients === true ? (await import('../clients/index.js')).withClientResults(finished) : finished;
}

/** True when the flow completed with no error finding (`check`'s exit code 0). */
export function checkPassed(session: Session): boolean {
  return checkSucceeded(session);
}

/** The error findings of a run, in the order they were found. */
export function errorFindings(session: Session): Finding[] {
  return allFindings(session).filter((finding) => finding.severity === 'error');
}

/** Reads a session file (check --out, Save session in the page); rejects with the reason when it is not one. */
export async function loadSession(path: string): Promise<Session> {
  const loaded = await loadSessionFile(path);
  if (!loaded.ok) throw new Error(`${path}: ${loaded.message}`);
  return loaded.file.session;
}

/** Writes a session file that `show`, `diff`, `--expect` and the page open; secrets redacted unless asked. */
export async function saveSession(session: Session, path: string, options: { includeSecrets?: boolean } = {}): Promise<void> {
  const includeSecrets = options.includeSecrets === true;
  const file = toSessionFile(includeSecrets ? session : redactSession(session), { toolVersion: toolVersion(), secretsIncluded: includeSecrets });
  await writeFile(path, serialiseSessionFile(file), { mode: 0o600 });
}
