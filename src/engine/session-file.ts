/**
 * The session file: a run as it is saved, sent to a colleague and opened again. An envelope
 * around the engine's session that says what it is (`format`, `formatVersion`), which version of
 * the tool wrote it and when, whether its secrets were kept, and, for a reader that wants the
 * gist without the engine, the target, spec version, spoken protocol and outcome.
 *
 * Version 1 is the first enveloped form. A bare session as `check --out` wrote it before the
 * envelope (`format: "mcp-auth-debugger/session@1"` at the top) is still read, as version 0.
 *
 * Reading is for files nobody vouches for: size, nesting and shape are checked, and what is wrong
 * is said in one sentence, never thrown.
 */
import { parseJsonSafely } from '../wire/json.js';
import { protocolSummary } from './mcp/protocol-summary.js';
import type { Session, SessionStatus } from './session.js';
import { SPEC_VERSIONS, STEP_IDS, type SpecVersion, type StepId } from './types.js';
import { CLIENT_STAGES, SDK_CLIENT_IDS, type ClientStage, type SdkClientId } from '../wire/clients-constants.js';

export const SESSION_FILE_FORMAT = 'mcp-auth-debugger/session-file';
export const SESSION_FILE_VERSION = 1;
/** The envelope-less form of the first releases. */
const BARE_SESSION_FORMAT = 'mcp-auth-debugger/session@1';

/** Sessions of thousands of exchanges are a few megabytes; anything far beyond is not one. */
export const MAX_SESSION_FILE_BYTES = 64 * 1024 * 1024;
/** Sessions nest a few levels below what the engine keeps of server JSON (64). */
const MAX_SESSION_DEPTH = 128;

export interface SessionFile {
  format: typeof SESSION_FILE_FORMAT;
  formatVersion: typeof SESSION_FILE_VERSION;
  tool: { name: 'mcp-auth-debugger'; version: string };
  savedAt: string;
  /** False when tokens, codes and secrets were replaced with "[redacted]" (the default). */
  secretsIncluded: boolean;
  summary: SessionSummary;
  session: Session;
}

export interface SessionSummary {
  serverUrl: string;
  spec: SpecVersion;
  /** The era and version the server was spoken to in, when the run got that far. */
  protocol?: { era: string; version: string };
  outcome: SessionStatus['kind'];
  /** Where the run stopped or waits. */
  stepId?: StepId;
  steps: number;
  exchanges: number;
  errors: number;
}

export interface SaveOptions {
  toolVersion: string;
  secretsIncluded: boolean;
  /** ISO time of saving (now by default; empty when a file of the first releases did not say). */
  savedAt?: string;
}

/** The file for a session (redact it first unless the person asked for the secrets). */
export function toSessionFile(session: Session, options: SaveOptions): SessionFile {
  return {
    format: SESSION_FILE_FORMAT,
    formatVersion: SESSION_FILE_VERSION,
    tool: { name: 'mcp-auth-debugger', version: options.toolVersion },
    savedAt: options.savedAt ?? new Date().toISOString(),
    secretsIncluded: options.secretsIncluded,
    summary: summarise(session),
    session,
  };
}

export function serialiseSessionFile(file: SessionFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function summarise(session: Session): SessionSummary {
  const protocol = protocolSummary(session);
  const status = session.status;
  return {
    serverUrl: session.options.serverUrl,
    spec: session.options.spec,
    ...(protocol?.era && protocol.version ? { protocol: { era: protocol.era, version: protocol.version } } : {}),
    outcome: status.kind,
    ...(status.kind === 'stopped' || status.kind === 'waiting' ? { stepId: status.stepId } : {}),
    steps: session.results.length,
    exchanges: session.results.reduce((n, r) => n + r.exchanges.length, 0),
    errors: session.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0),
  };
}

export type SessionFileReading =
  | { ok: true; file: SessionFile; /** The version the file was written in (0: a bare session of the first releases). */ readFrom: number }
  | { ok: false; message: string; /** What is wrong, for a page to say in its language; `message` is the English of it. */ problem: SessionFileProblem };

/** Every way a file can fail to be a session (the page says each through `app.sessionFile.problem.<id>`). */
export const SESSION_FILE_PROBLEM_IDS = ['too-large', 'unreadable', 'empty', 'too-deep', 'cut-short', 'not-json', 'not-object', 'damaged', 'other-format', 'no-format', 'no-version', 'newer-version', 'no-session'] as const;
export type SessionFileProblemId = (typeof SESSION_FILE_PROBLEM_IDS)[number];
export interface SessionFileProblem {
  id: SessionFileProblemId;
  params: Record<string, string | number>;
}

/** Reads a session file from its text (a file's bytes, a paste, a drop), or says what is wrong with it. */
export function readSessionFile(text: string): SessionFileReading {
  if (text.length > MAX_SESSION_FILE_BYTES) return fail(oversizedMessage(text.length), oversizedProblem(text.length));
  if (text.trim() === '') return fail('The file is empty.', { id: 'empty', params: {} });
  const parsed = parseJsonSafely(text, MAX_SESSION_DEPTH);
  if (!parsed.ok && parsed.kind === 'too-deep') return fail(`The file nests deeper than ${MAX_SESSION_DEPTH} levels; a session does not.`, { id: 'too-deep', params: { depth: MAX_SESSION_DEPTH } });
  if (!parsed.ok) {
    if (parsed.at.found === 'end') return fail('The file ends in the middle of its JSON: it was cut short (an interrupted download or copy?).', { id: 'cut-short', params: {} });
    const { line, column, found } = parsed.at;
    return fail(`The file is not JSON: ${parsed.message}.`, { id: 'not-json', params: { line, column, found } });
  }
  const json = parsed.value;
  if (!isRecord(json)) return fail('The file holds JSON, but not a session: it is not an object.', { id: 'not-object', params: {} });

  if (json.format === BARE_SESSION_FORMAT) {
    const problem = sessionProblem(json);
    if (problem) return damaged(problem);
    const session = json as unknown as Session;
    // Written by `check --out`, redacted unless --include-secrets; the file did not say which.
    const file = toSessionFile(session, { toolVersion: 'unknown (before session files)', secretsIncluded: false, savedAt: '' });
    return { ok: true, file, readFrom: 0 };
  }
  if (json.format !== SESSION_FILE_FORMAT) {
    if (typeof json.format === 'string') return fail(`The file is a "${clip(json.format)}" document, not an mcp-auth-debugger session.`, { id: 'other-format', params: { format: clip(json.format) } });
    return fail('The file holds JSON, but not an mcp-auth-debugger session (no "format" field).', { id: 'no-format', params: {} });
  }
  const version = json.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('The session file has no valid "formatVersion".', { id: 'no-version', params: {} });
  if (version > SESSION_FILE_VERSION) {
    return fail(`The session file is format version ${version}, written by a newer mcp-auth-debugger; this one reads up to version ${SESSION_FILE_VERSION}. Update to open it.`, {
      id: 'newer-version',
      params: { version, supported: SESSION_FILE_VERSION },
    });
  }
  if (!isRecord(json.session)) return fail('The session file has no "session".', { id: 'no-session', params: {} });
  const problem = sessionProblem(json.session);
  if (problem) return damaged(problem);
  const session = json.session as unknown as Session;
  const tool = isRecord(json.tool) && typeof json.tool.version === 'string' ? json.tool.version : 'unknown';
  const savedAt = typeof json.savedAt === 'string' ? json.savedAt : '';
  const file = toSessionFile(session, { toolVersion: tool, secretsIncluded: json.secretsIncluded === true, savedAt });
  return { ok: true, file, readFrom: version };
}

/**
 * What can be damaged in a session, by kind, in English; `{name}` placeholders are filled from
 * the damage's params. The page says each through `app.sessionFile.damaged.<kind>`.
 */
export const SESSION_DAMAGE = {
  'options-missing': '"options" is missing',
  'server-url-missing': '"options.serverUrl" is missing',
  'unknown-spec': '"options.spec" is not a spec version this debugger knows ({value})',
  'data-not-object': '"data" is not an object',
  'results-not-list': '"results" is not a list',
  'step-not-object': 'step {n} is not an object',
  'step-unknown': 'step {n} names an unknown step ({value})',
  'step-exchange': 'step {n} ({step}) has an exchange without a request, or with a malformed label or error',
  'step-finding': 'step {n} ({step}) has a finding without an id, severity or title',
  'step-no-outcome': 'step {n} ({step}) has no outcome',
  'step-reason': 'step {n} ({step}) has a malformed reason id or params',
  'status-unknown': '"status" is missing or unknown',
  'status-step': '"status" names an unknown step',
  'status-reason': '"status" has a malformed reason id or params',
  'clients-not-list': '"clients" is not a list of results with findings',
  'client-unknown': 'client result {n} names no known client',
  'client-fields': 'client result {n} has no package, version or connected flag',
  'client-stage': 'client result {n} names an unknown stage ({value})',
  'client-not-text': 'client result {n} has a "{field}" that is not text',
  'client-tools': 'client result {n} has a tools count that is not a number',
  'client-duration': 'client result {n} has no duration',
  'client-finding': 'a client finding has no id, severity or title',
} as const;

export type SessionDamageKind = keyof typeof SESSION_DAMAGE;

interface Damage {
  damage: SessionDamageKind;
  params?: Record<string, string>;
}

function damageText({ damage, params = {} }: Damage): string {
  return SESSION_DAMAGE[damage].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The session is refused for its damage; the page gets the kind and values beside the English. */
function damaged(found: Damage): SessionFileReading {
  const detail = damageText(found);
  return fail(`The session is damaged: ${detail}.`, { id: 'damaged', params: { ...found.params, damage: found.damage, detail } });
}

/**
 * What makes a value unusable as a session, or undefined when the parts the debugger relies on
 * are there and of the right kind (options, results with their exchanges and findings, a
 * status). Fields inside exchanges and findings are shown as they are.
 */
function sessionProblem(value: Record<string, unknown>): Damage | undefined {
  const { options, results, status, data } = value;
  if (!isRecord(options)) return { damage: 'options-missing' };
  if (typeof options.serverUrl !== 'string') return { damage: 'server-url-missing' };
  if (!SPEC_VERSIONS.includes(options.spec as SpecVersion)) return { damage: 'unknown-spec', params: { value: clip(String(options.spec)) } };
  if (data !== undefined && !isRecord(data)) return { damage: 'data-not-object' };
  if (!Array.isArray(results)) return { damage: 'results-not-list' };
  for (const [index, result] of results.entries()) {
    const n = String(index + 1);
    if (!isRecord(result)) return { damage: 'step-not-object', params: { n } };
    if (!STEP_IDS.includes(result.stepId as StepId)) return { damage: 'step-unknown', params: { n, value: clip(String(result.stepId)) } };
    const step = { n, step: String(result.stepId) };
    if (!Array.isArray(result.exchanges) || !result.exchanges.every(isExchange)) return { damage: 'step-exchange', params: step };
    if (!Array.isArray(result.findings) || !result.findings.every(isFinding)) return { damage: 'step-finding', params: step };
    if (!isRecord(result.outcome) || typeof result.outcome.kind !== 'string') return { damage: 'step-no-outcome', params: step };
    if (!validText(result.outcome, 'reasonId', 'reasonParams')) return { damage: 'step-reason', params: step };
  }
  if (!isRecord(status) || !['ready', 'waiting', 'stopped', 'completed'].includes(String(status.kind))) return { damage: 'status-unknown' };
  if ((status.kind === 'stopped' || status.kind === 'waiting') && !STEP_IDS.includes(status.stepId as StepId)) return { damage: 'status-step' };
  if (!validText(status, 'reasonId', 'reasonParams')) return { damage: 'status-reason' };
  if (value.clients !== undefined) return clientsProblem(value.clients);
  return undefined;
}

/** The real SDK clients' results (optional): a list of results, each naming a known client, and their findings. */
function clientsProblem(clients: unknown): Damage | undefined {
  if (!isRecord(clients) || !Array.isArray(clients.results) || !Array.isArray(clients.findings)) return { damage: 'clients-not-list' };
  for (const [index, result] of clients.results.entries()) {
    const n = String(index + 1);
    if (!isRecord(result) || !SDK_CLIENT_IDS.includes(result.client as SdkClientId)) return { damage: 'client-unknown', params: { n } };
    if (typeof result.connected !== 'boolean' || typeof result.package !== 'string' || typeof result.version !== 'string') return { damage: 'client-fields', params: { n } };
    if (result.stoppedAt !== undefined && !CLIENT_STAGES.includes(result.stoppedAt as ClientStage)) return { damage: 'client-stage', params: { n, value: clip(String(result.stoppedAt)) } };
    for (const field of ['error', 'protocolVersion', 'limit'] as const) if (result[field] !== undefined && typeof result[field] !== 'string') return { damage: 'client-not-text', params: { n, field } };
    if (result.tools !== undefined && typeof result.tools !== 'number') return { damage: 'client-tools', params: { n } };
    if (typeof result.durationMs !== 'number') return { damage: 'client-duration', params: { n } };
  }
  if (!clients.findings.every(isFinding)) return { damage: 'client-finding' };
  return undefined;
}

/**
 * The optional id and params of a text (an outcome's reason, an exchange's label, a transport
 * message), written by versions that render these in other languages: absent, or a string and a
 * record of strings. An unknown id is no damage: readers show the English text beside it.
 */
function validText(value: Record<string, unknown>, idKey: string, paramsKey: string): boolean {
  const id = value[idKey];
  const params = value[paramsKey];
  if (id !== undefined && typeof id !== 'string') return false;
  return params === undefined || (isRecord(params) && Object.values(params).every((entry) => typeof entry === 'string'));
}

function isExchange(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || !isRecord(value.request)) return false;
  const { request, response } = value;
  if (typeof request.method !== 'string' || typeof request.url !== 'string' || !Array.isArray(request.headers)) return false;
  if (!validText(value, 'labelId', 'labelParams')) return false;
  if (value.error !== undefined && (!isRecord(value.error) || !validText(value.error, 'messageId', 'messageParams'))) return false;
  return response === undefined || (isRecord(response) && typeof response.status === 'number' && Array.isArray(response.headers) && typeof response.body === 'string');
}

function isFinding(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && ['error', 'warning', 'info'].includes(String(value.severity)) && typeof value.title === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string, problem: SessionFileProblem): SessionFileReading {
  return { ok: false, message, problem };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** What is said of a file too large to be a session, before or after it was read. */
export function oversizedMessage(bytes: number): string {
  return `The file is ${megabytes(bytes)} MB; a session file is at most ${megabytes(MAX_SESSION_FILE_BYTES)} MB, so this is not one.`;
}

/** The problem of a file too large to be a session (`oversizedMessage` is its English). */
export function oversizedProblem(bytes: number): SessionFileProblem {
  return { id: 'too-large', params: { size: megabytes(bytes), limit: megabytes(MAX_SESSION_FILE_BYTES) } };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}
