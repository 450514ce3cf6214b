/**
 * The trainer's controls over a running lab: fault switches, and an exercise that switches on
 * one fault picked at random and keeps it hidden until the reveal. The state lives here, in
 * the process that runs the lab, so a page learns the hidden fault only by asking for the
 * reveal.
 */
import type { WorkshopControl, WorkshopFault, WorkshopResult, WorkshopState } from '../../src/wire/workshop.js';
import { LAB_FAULTS, parseFaultIds, type LabFaultId } from './faults.js';
import type { Lab } from './index.js';

/** Its finding shows only in a run with the audit on. */
export const isAuditFault = (id: LabFaultId): boolean => id.startsWith('audit.');

/** Its finding shows only in a run with the CORS check on. */
export const isCorsFault = (id: LabFaultId): boolean => id.startsWith('cors.');

/**
 * Its finding shows only in a run judged by a legacy revision (2025-11-25): a modern-only server
 * is what 2026-07-28 asks for, and sessions exist in the legacy protocol only.
 */
export const needsLegacyRevision = (id: LabFaultId): boolean => id === 'mcp.modern-only-server' || id === 'audit.session-without-token';

/**
 * Faults an exercise may pick: those a run with the page's defaults reports. One whose finding
 * shows only in a run judged by an older revision is left out: the default revision, 2026-07-28,
 * would have nothing to find.
 */
export function exerciseCandidates(includeAudit: boolean, includeCors = false): LabFaultId[] {
  return LAB_FAULTS.map((fault) => fault.id).filter((id) => !needsLegacyRevision(id) && (includeAudit || !isAuditFault(id)) && (includeCors || !isCorsFault(id)));
}

interface Exercise {
  fault: LabFaultId;
  revealed: boolean;
  /** What was on before, switched back on at the end. */
  before: LabFaultId[];
}

export interface WorkshopOptions {
  /** A number in [0, 1); Math.random unless a test pins the pick. */
  random?: () => number;
}

export function createWorkshop(lab: Pick<Lab, 'faults' | 'setFaults'>, options: WorkshopOptions = {}): WorkshopControl {
  const random = options.random ?? Math.random;
  let exercise: Exercise | undefined;

  const describe = (id: LabFaultId, fault: (typeof LAB_FAULTS)[number]): WorkshopFault => ({
    id,
    summary: { en: fault.summary, 'zh-CN': fault.summaryZh },
    audit: isAuditFault(id),
  });

  function state(): WorkshopState {
    if (exercise) {
      return {
        mode: 'exercise',
        faults: LAB_FAULTS.map((fault) => describe(fault.id, fault)),
        ...(exercise.revealed ? { revealed: exercise.fault } : {}),
      };
    }
    const on = new Set(lab.faults());
    return { mode: 'switches', faults: LAB_FAULTS.map((fault) => ({ ...describe(fault.id, fault), active: on.has(fault.id) })) };
  }

  const ok = (): WorkshopResult => ({ ok: true, state: state() });
  const conflict = (message: string): WorkshopResult => ({ ok: false, refusal: { kind: 'conflict', message } });

  return {
    state,
    setFaults(ids) {
      if (exercise) return conflict('An exercise is running: end it before switching faults.');
      const { faults, message } = parseFaultIds(ids);
      if (message) return { ok: false, refusal: { kind: 'unknown-fault', message } };
      lab.setFaults(faults);
      return ok();
    },
    startExercise({ includeAudit, includeCors }) {
      if (exercise) return conflict('An exercise is already running.');
      const candidates = exerciseCandidates(includeAudit, includeCors === true);
      const fault = candidates[Math.min(candidates.length - 1, Math.floor(random() * candidates.length))];
      if (fault === undefined) return conflict('The lab has no fault to pick.');
      exercise = { fault, revealed: false, before: lab.faults() };
      // The exercise's fault alone, so what the room finds is that fault.
      lab.setFaults([fault]);
      return ok();
    },
    reveal() {
      if (!exercise) return conflict('No exercise is running.');
      exercise.revealed = true;
      return ok();
    },
    endExercise() {
      if (!exercise) return conflict('No exercise is running.');
      lab.setFaults(exercise.before);
      exercise = undefined;
      return ok();
    },
  };
}
