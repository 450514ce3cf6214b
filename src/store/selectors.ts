/** Views of the session that several parts of the page need, as plain functions of it. */
import type { McpData } from '../engine/flow-data.js';
import { stoppedOnPrivateHop } from '../engine/private-address.js';
import type { Session } from '../engine/session.js';
import type { Exchange, Finding, StepId } from '../engine/types.js';

/** Every exchange of the run, in order. */
export function sessionExchanges(session: Session | undefined): Exchange[] {
  return session ? session.results.flatMap((r) => r.exchanges) : [];
}

/** Every finding of the run, in order. */
export function sessionFindings(session: Session | undefined): Finding[] {
  // The real SDK clients' comparison (clients.*) comes after the steps' own findings.
  return session ? [...session.results.flatMap((r) => r.findings), ...(session.clients?.findings ?? [])] : [];
}

/** The findings of the latest run of `stepId`. */
export function latestStepFindings(session: Session | undefined, stepId: StepId): Finding[] {
  const result = session?.results.findLast((r) => r.stepId === stepId);
  return result?.findings ?? [];
}

/**
 * Every tool call of the run, oldest first, read from each authenticated-mcp result (a step-up
 * retry starts the step's own list afresh, so the session's `data.mcp` alone may miss some).
 */
export function toolCallHistory(session: Session | undefined): McpData['toolCalls'] {
  if (!session) return [];
  return session.results.filter((r) => r.stepId === 'authenticated-mcp').flatMap((r) => (r.data as { mcp?: McpData }).mcp?.toolCalls ?? []);
}

/** The sequence diagram's actors: the MCP server's origin, and the authorization server's once known. */
export function sequenceActors(session: Session | undefined): { mcpOrigin: string; authorizationServerOrigin?: string } {
  const origin = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).origin : undefined);
  const mcpOrigin = origin(session?.options.serverUrl) ?? '';
  const asOrigin = origin(session?.data.authorizationServer?.metadata.issuer) ?? origin(session?.data.authorizationServer?.authorizationServer);
  return asOrigin ? { mcpOrigin, authorizationServerOrigin: asOrigin } : { mcpOrigin };
}

/** The finding the flow stopped on, as recorded in the stopped step's result. */
export function stoppingFinding(session: Session | undefined): Finding | undefined {
  const status = session?.status;
  if (status?.kind !== 'stopped') return undefined;
  const findings = latestStepFindings(session, status.stepId);
  return findings.find((f) => f.id === status.findingId) ?? findings.find((f) => f.severity === 'error');
}

/**
 * The label and help of the button that goes on past a stop: allowing private addresses for a
 * refused private hop, lenient mode for any other MUST-stop.
 */
export function stopOverrideMessages(session: Session | undefined) {
  return stoppedOnPrivateHop(session?.status)
    ? ({ label: 'app.controls.allowPrivateHops', help: 'app.controls.allowPrivateHops.help' } as const)
    : ({ label: 'app.controls.continueAnyway', help: 'app.controls.continueAnyway.help' } as const);
}
