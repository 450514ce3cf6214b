/**
 * What a person does with a session besides walking it forward: run a finished step again
 * with other options (call a tool, refresh the tokens once more), and go on leniently past a
 * step that stopped on a MUST. Each returns a new session; the input is not changed.
 */
import { stoppedOnPrivateHop } from './private-address.js';
import type { FlowData, McpData } from './flow-data.js';
import type { FlowOptions } from './options.js';
import { runStep, type EngineDeps, type Session } from './session.js';
import type { StepId } from './types.js';

/**
 * Runs `stepId` once more with `optionsPatch` applied for that run only, and appends its
 * result. The flow's status and next step stay as they were, so a completed flow stays
 * completed, with one exception: a step-up (403 `insufficient_scope` answered with a scope
 * to ask for) sends the flow back to the authorization request, as the runner does, and the
 * patch is kept in the options so the retried step makes the same request with the new token.
 *
 * Tool calls accumulate: `data.mcp.toolCalls` holds the earlier calls followed by this run's.
 */
export async function runAgain(session: Session, deps: EngineDeps, stepId: StepId, optionsPatch: Partial<FlowOptions> = {}): Promise<Session> {
  const options: FlowOptions = { ...session.options, ...optionsPatch };
  const ran = await runStep({ ...session, options, status: { kind: 'ready' }, next: stepId }, deps);
  const result = ran.results.at(-1);
  if (!result || ran.results.length === session.results.length) return session;

  const data: FlowData = { ...ran.data };
  if (stepId === 'authenticated-mcp') data.mcp = withEarlierToolCalls(session.data.mcp, ran.data.mcp);

  const base: Session = { ...session, data, results: ran.results, exchangeCounter: ran.exchangeCounter };
  if (stepId === 'authenticated-mcp' && data.stepUpScope !== undefined) {
    return { ...base, options, status: { kind: 'ready' }, next: 'authorization-request' };
  }
  return base;
}

function withEarlierToolCalls(before: McpData | undefined, after: McpData | undefined): McpData | undefined {
  if (!after) return before;
  return { ...after, toolCalls: [...(before?.toolCalls ?? []), ...after.toolCalls] };
}

/**
 * Runs the refresh step again with the newest refresh token. A rotated refresh token is spent
 * once used, and an authorization server that sees it again may revoke the whole grant
 * (OAuth 2.1 §4.3.1), so the step sees the tokens the last refresh returned. The tokens from
 * the token request stay in `data.tokens`; the new ones replace `data.refreshedTokens`.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.3.1
 */
export async function refreshAgain(session: Session, deps: EngineDeps): Promise<Session> {
  const newest = session.data.refreshedTokens ?? session.data.tokens;
  if (!newest) return session;
  const seen: Session = { ...session, data: { ...session.data, tokens: newest } };
  const ran = await runAgain(seen, deps, 'refresh', { refresh: true });
  if (ran === seen) return session;
  const data: FlowData = { ...ran.data };
  if (session.data.tokens) data.tokens = session.data.tokens;
  else delete data.tokens;
  return { ...ran, data };
}

/**
 * Prepares a session that stopped on a finding whose rule says a client MUST stop, so the
 * stopped step runs again in lenient mode (and every later step with it); a refused private
 * hop runs again with private addresses allowed instead. Undefined when the session has not
 * stopped.
 */
export function continueLeniently(session: Session): Session | undefined {
  if (session.status.kind !== 'stopped') return undefined;
  const override = stoppedOnPrivateHop(session.status) ? { allowPrivateHops: true } : { lenient: true };
  return {
    ...session,
    options: { ...session.options, ...override },
    status: { kind: 'ready' },
    next: session.status.stepId,
  };
}
