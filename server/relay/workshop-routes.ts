/**
 * The workshop routes (src/wire/workshop.ts): the embedded lab's fault switches and exercise.
 * They change what the lab answers, so every call passes the same guard as a relay call
 * (Host, Origin, per-process secret); bodies are JSON, parsed with the wire schemas.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  LAB_EXERCISE_PATH,
  LAB_EXERCISE_REVEAL_PATH,
  LAB_FAULTS_PATH,
  setFaultsBodySchema,
  startExerciseBodySchema,
  type WorkshopControl,
  type WorkshopResult,
} from '../../src/wire/workshop.js';
import { answerJson, answerRelayRejected, answerText } from './http-answers.js';
import { readCappedBody } from './request-body.js';
import type { RequestGuard } from './request-guard.js';
import { parseJsonSafely } from '../../src/wire/json.js';

const PATHS: ReadonlySet<string> = new Set([LAB_FAULTS_PATH, LAB_EXERCISE_PATH, LAB_EXERCISE_REVEAL_PATH]);

export const isWorkshopPath = (pathname: string): boolean => PATHS.has(pathname);

interface WorkshopRouteContext {
  guard: RequestGuard;
  workshop: WorkshopControl;
  maxRequestBytes: number;
  log: ((line: string) => void) | undefined;
}

const ALLOWED_METHODS: Record<string, string> = {
  [LAB_FAULTS_PATH]: 'GET, PUT',
  [LAB_EXERCISE_PATH]: 'POST, DELETE',
  [LAB_EXERCISE_REVEAL_PATH]: 'POST',
};

export async function handleWorkshopCall(context: WorkshopRouteContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const verdict = context.guard.checkRelayCall(req.headers);
  if (!verdict.ok) {
    answerRelayRejected(res, verdict.status, verdict.message, { connection: 'close' });
    context.log?.(`${new Date().toISOString()} workshop call refused (${verdict.reason})`);
    return;
  }
  const { workshop } = context;
  const route = `${req.method ?? ''} ${pathname}`;
  switch (route) {
    case `GET ${LAB_FAULTS_PATH}`:
      answerJson(res, 200, workshop.state());
      return;
    case `PUT ${LAB_FAULTS_PATH}`: {
      const body = await readJsonBody(context, req, res, setFaultsBodySchema);
      if (body) answerResult(context, res, route, workshop.setFaults(body.faults));
      return;
    }
    case `POST ${LAB_EXERCISE_PATH}`: {
      const body = await readJsonBody(context, req, res, startExerciseBodySchema);
      if (body) answerResult(context, res, route, workshop.startExercise(body));
      return;
    }
    case `POST ${LAB_EXERCISE_REVEAL_PATH}`:
      answerResult(context, res, route, workshop.reveal());
      return;
    case `DELETE ${LAB_EXERCISE_PATH}`:
      answerResult(context, res, route, workshop.endExercise());
      return;
    default:
      answerText(res, 405, 'Method not allowed.\n', { allow: ALLOWED_METHODS[pathname] ?? '' });
  }
}

function answerResult(context: WorkshopRouteContext, res: ServerResponse, route: string, result: WorkshopResult): void {
  if (result.ok) {
    answerJson(res, 200, result.state);
    // Which faults are on is not logged: during an exercise the log would give it away.
    context.log?.(`${new Date().toISOString()} workshop ${route}`);
    return;
  }
  answerJson(res, result.refusal.kind === 'unknown-fault' ? 400 : 409, { error: result.refusal });
}

/** The parsed body, or undefined once the caller has been answered with why not. */
export async function readJsonBody<T>(context: { maxRequestBytes: number }, req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>): Promise<T | undefined> {
  const refuse = (status: number, message: string): undefined => {
    answerJson(res, status, { error: { kind: 'bad-request', message } }, { connection: 'close' });
    return undefined;
  };
  const contentType = req.headers['content-type'];
  if (contentType === undefined || !/^application\/json\s*(;|$)/i.test(contentType)) return refuse(415, 'The body must be application/json.');
  if (Number(req.headers['content-length'] ?? '0') > context.maxRequestBytes) return refuse(413, `The body is larger than ${context.maxRequestBytes} bytes.`);
  const raw = await readCappedBody(req, context.maxRequestBytes);
  if (raw === 'gone') return undefined;
  if (raw === 'too-large') return refuse(413, `The body is larger than ${context.maxRequestBytes} bytes.`);
  const json = parseJsonSafely(raw);
  if (!json.ok) return refuse(400, 'The body is not valid JSON.');
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) return refuse(400, `The body is not what ${req.method ?? ''} expects: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}.`);
  return parsed.data;
}
