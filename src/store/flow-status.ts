/**
 * Whether a stop may be overridden, from the findings catalogue. Reached only through engine-api
 * (loaded lazily), so the catalogue stays out of the JavaScript loaded before first paint.
 */
import { findingDefinition } from '../engine/checks/catalogue.js';
import type { Session } from '../engine/session.js';

/** True when the flow stopped on a finding whose rule says a client MUST stop (so going on is a choice). */
export function canContinueLeniently(session: Session | undefined): boolean {
  const status = session?.status;
  if (status?.kind !== 'stopped' || status.findingId === undefined) return false;
  return stopsFlow(status.findingId);
}

function stopsFlow(findingId: string): boolean {
  try {
    return findingDefinition(findingId).stopsFlow === true;
  } catch (error) {
    // An id this catalogue does not know (a session saved by a newer version): not offered.
    if (error instanceof Error) return false;
    throw error;
  }
}
