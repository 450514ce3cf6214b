/**
 * The shape of a catalogue entry. Each stage keeps its entries in `findings/<stage>.ts`;
 * `catalogue.ts` joins them into the one catalogue that everything looks ids up in.
 */
import type { Severity, SpecVersion, StepId } from '../types.js';
import type { SpecRefId } from './spec-refs.js';

export interface FindingText {
  title: string;
  /** May hold `{name}` placeholders, filled from the finding's params. */
  detail: string;
  /** How to fix it, addressed to the server's developer. */
  hint?: string;
}

export interface FindingDefinition {
  id: string;
  stepId: StepId;
  severity: Severity;
  /** Where a spec version differs: another severity, or 'off' where the rule does not exist. */
  bySpec?: Partial<Record<SpecVersion, Severity | 'off'>>;
  specRefs: SpecRefId[];
  /**
   * The spec says a client MUST stop here. The engine stops unless the run is lenient,
   * and says which finding stopped it.
   */
  stopsFlow?: boolean;
  text: { en: FindingText; 'zh-CN': FindingText };
}

export function defineFindings<const T extends readonly FindingDefinition[]>(entries: T): T {
  return entries;
}
