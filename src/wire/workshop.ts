/**
 * What the page and the relay say to each other about the embedded lab's faults (the
 * workshop view). The relay answers these routes only when `start` runs the lab, and only to
 * calls that pass its request guard (Host, Origin, per-process secret), like relay calls.
 *
 * - `GET  /api/lab/faults`: the workshop state.
 * - `PUT  /api/lab/faults` `{ faults: [id…] }`: switch to exactly these faults; 400 names
 *   unknown ids; 409 while an exercise runs.
 * - `POST /api/lab/exercise` `{ includeAudit, includeCors? }`: switch to one fault picked at random and hide it.
 * - `POST /api/lab/exercise/reveal`: the state, with the hidden fault named.
 * - `DELETE /api/lab/exercise`: switch the exercise's fault off and give the switches back.
 *
 * During an exercise the state carries no `active` flag: which fault is on is kept by the
 * relay's process until the reveal.
 */
import { z } from 'zod';

export { LAB_EXERCISE_PATH, LAB_EXERCISE_REVEAL_PATH, LAB_FAULTS_PATH } from './workshop-paths.js';

const faultSchema = z.object({
  id: z.string().min(1).max(100),
  summary: z.object({ en: z.string().max(1000), 'zh-CN': z.string().max(1000) }),
  /** Its finding shows only in a run with the audit on. */
  audit: z.boolean(),
});

export const workshopStateSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('switches'),
    faults: z.array(faultSchema.extend({ active: z.boolean() })).max(100),
  }),
  z.object({
    mode: z.literal('exercise'),
    faults: z.array(faultSchema).max(100),
    /** The hidden fault (its id is also the finding it triggers), once revealed. */
    revealed: z.string().min(1).max(100).optional(),
  }),
]);

export type WorkshopFault = z.infer<typeof faultSchema>;
export type WorkshopState = z.infer<typeof workshopStateSchema>;

export const setFaultsBodySchema = z.object({ faults: z.array(z.string().max(100)).max(100) }).strict();
export const startExerciseBodySchema = z.object({ includeAudit: z.boolean(), includeCors: z.boolean().optional() }).strict();

/** Why the lab refused a change: `unknown-fault` is the caller's mistake, `conflict` the state's. */
export type WorkshopRefusal = { kind: 'unknown-fault' | 'conflict'; message: string };
export type WorkshopResult = { ok: true; state: WorkshopState } | { ok: false; refusal: WorkshopRefusal };

/** What the relay drives; `start` passes one backed by the running lab. */
export interface WorkshopControl {
  state(): WorkshopState;
  setFaults(ids: readonly string[]): WorkshopResult;
  startExercise(options: { includeAudit: boolean; includeCors?: boolean }): WorkshopResult;
  reveal(): WorkshopResult;
  endExercise(): WorkshopResult;
}
