/**
 * Where the findings reference is served (`start` serves the pages built into
 * dist/findings/ by server/reference/findings-pages.ts). Shared by the relay, the page's
 * finding cards and the reports, so a link and the file it names always agree.
 */
export const FINDINGS_REFERENCE_PATH = '/findings';

/** The path of a finding's reference page, relative to the debugger's origin. */
export function findingReferencePath(id: string): string {
  return `${FINDINGS_REFERENCE_PATH}/${encodeURIComponent(id)}`;
}
