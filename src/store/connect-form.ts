/**
 * The connect form as plain data: its fields, their validation (as message keys, so the UI
 * shows them in the chosen language), and the FlowOptions they stand for.
 */
import { defaultFlowOptions, type FlowOptions, type RegistrationMode } from '../engine/options.js';
import { DEFAULT_SPEC_VERSION, SPEC_VERSIONS, type HeaderList, type SpecVersion } from '../engine/types.js';

export const REGISTRATION_MODES: readonly RegistrationMode[] = ['auto', 'pre', 'cimd', 'dcr'];
export const DPOP_MODES: readonly FlowOptions['dpop'][] = ['auto', 'on', 'off'];

export interface ConnectForm {
  serverUrl: string;
  spec: SpecVersion;
  registration: RegistrationMode;
  clientId: string;
  clientSecret: string;
  clientMetadataUrl: string;
  scope: string;
  omitResource: boolean;
  /** One header a line, `Name: value`. */
  extraHeaders: string;
  lenient: boolean;
  audit: boolean;
  /** Check CORS for browser-based clients after the flow. */
  cors: boolean;
  /** Run the real MCP SDK clients through the relay after the flow (not a flow option: the relay runs them). */
  clients: boolean;
  /** DPoP (RFC 9449): when the server asks for it, always, or never. */
  dpop: FlowOptions['dpop'];
}

export type ConnectField = keyof ConnectForm;

/** A message key of src/i18n/messages/app.ts and the values for its placeholders. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export type ConnectErrors = Partial<Record<ConnectField, MessageRef>>;

export function emptyConnectForm(): ConnectForm {
  return {
    serverUrl: '',
    spec: DEFAULT_SPEC_VERSION,
    registration: 'auto',
    clientId: '',
    clientSecret: '',
    clientMetadataUrl: '',
    scope: '',
    omitResource: false,
    extraHeaders: '',
    lenient: false,
    audit: false,
    cors: false,
    clients: false,
    dpop: 'auto',
  };
}

/** The server URL the run uses: what was typed, else the relay's default (the lab). */
function effectiveServerUrl(form: ConnectForm, defaultServerUrl: string | undefined): string {
  const typed = form.serverUrl.trim();
  return typed === '' ? (defaultServerUrl ?? '') : typed;
}

/** RFC 9110 §5.1: a field name is a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type HeaderLinesResult = { ok: true; headers: HeaderList } | { ok: false; line: number; text: string };

/** Parses `Name: value` lines; blank lines are skipped. */
export function parseHeaderLines(text: string): HeaderLinesResult {
  const headers: HeaderList = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) return { ok: false, line: index + 1, text: line };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { ok: true, headers };
}

function httpUrlProblem(value: string, requireHttps: boolean): string | undefined {
  if (!URL.canParse(value)) return 'app.connect.error.urlMalformed';
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'app.connect.error.urlScheme';
  if (requireHttps && url.protocol !== 'https:') return 'app.connect.error.metadataUrlHttps';
  if (url.hash !== '') return 'app.connect.error.urlFragment';
  return undefined;
}

/** Every problem in the form; empty when it can start a run. */
export function validateConnectForm(form: ConnectForm, defaultServerUrl: string | undefined): ConnectErrors {
  const errors: ConnectErrors = {};
  const serverUrl = effectiveServerUrl(form, defaultServerUrl);
  if (serverUrl === '') errors.serverUrl = { key: 'app.connect.error.urlRequired' };
  else {
    const problem = httpUrlProblem(serverUrl, false);
    if (problem) errors.serverUrl = { key: problem };
  }
  if (!SPEC_VERSIONS.includes(form.spec)) errors.spec = { key: 'app.connect.error.spec' };
  if (form.registration === 'pre' && form.clientId.trim() === '') errors.clientId = { key: 'app.connect.error.clientIdRequired' };
  const metadataUrl = form.clientMetadataUrl.trim();
  if (form.registration === 'cimd' && metadataUrl === '') errors.clientMetadataUrl = { key: 'app.connect.error.metadataUrlRequired' };
  else if (metadataUrl !== '' && (form.registration === 'cimd' || form.registration === 'auto')) {
    // CIMD: "The client_id URL MUST use the https scheme and contain a path component".
    const problem = httpUrlProblem(metadataUrl, true);
    if (problem) errors.clientMetadataUrl = { key: problem };
  }
  const headers = parseHeaderLines(form.extraHeaders);
  if (!headers.ok) errors.extraHeaders = { key: 'app.connect.error.headerLine', params: { line: headers.line, text: headers.text } };
  return errors;
}

/** The engine's options for the form (which must be valid). */
export function flowOptionsFromForm(form: ConnectForm, context: { redirectUri: string; defaultServerUrl?: string }): FlowOptions {
  const headers = parseHeaderLines(form.extraHeaders);
  const uses = (mode: RegistrationMode) => form.registration === 'auto' || form.registration === mode;
  const clientId = form.clientId.trim();
  const clientMetadataUrl = form.clientMetadataUrl.trim();
  const scope = form.scope.trim();
  return defaultFlowOptions(effectiveServerUrl(form, context.defaultServerUrl), {
    spec: form.spec,
    registration: form.registration,
    redirectUri: context.redirectUri,
    ...(uses('pre') && clientId !== '' ? { clientId } : {}),
    ...(uses('pre') && clientId !== '' && form.clientSecret !== '' ? { clientSecret: form.clientSecret } : {}),
    ...(uses('cimd') && clientMetadataUrl !== '' ? { clientMetadataUrl } : {}),
    ...(scope !== '' ? { scope } : {}),
    omitResource: form.omitResource,
    extraHeaders: headers.ok ? headers.headers : [],
    lenient: form.lenient,
    audit: form.audit,
    cors: form.cors,
    dpop: form.dpop,
  });
}

/** Reads a stored form back, field by field; anything unusable falls back to the empty form. */
export function connectFormFrom(value: unknown): ConnectForm | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Record<string, unknown>;
  const form = emptyConnectForm();
  const text = (field: 'serverUrl' | 'clientId' | 'clientSecret' | 'clientMetadataUrl' | 'scope' | 'extraHeaders') => {
    const v = stored[field];
    if (typeof v === 'string') form[field] = v;
  };
  const flag = (field: 'omitResource' | 'lenient' | 'audit' | 'cors' | 'clients') => {
    const v = stored[field];
    if (typeof v === 'boolean') form[field] = v;
  };
  (['serverUrl', 'clientId', 'clientSecret', 'clientMetadataUrl', 'scope', 'extraHeaders'] as const).forEach(text);
  (['omitResource', 'lenient', 'audit', 'cors', 'clients'] as const).forEach(flag);
  const spec = SPEC_VERSIONS.find((v) => v === stored.spec);
  if (spec) form.spec = spec;
  const registration = REGISTRATION_MODES.find((m) => m === stored.registration);
  if (registration) form.registration = registration;
  const dpop = DPOP_MODES.find((m) => m === stored.dpop);
  if (dpop) form.dpop = dpop;
  return form;
}

/**
 * What a `?server=…&spec=…&registration=…&scope=…` link fills in. The rest of the form is kept
 * only when it was for the same server: client credentials typed for one server are never sent
 * to another because a link named it. `run=1` / `step=1` ask to start at once.
 */
export function connectFormFromQuery(search: string, current: ConnectForm): { form: ConnectForm; run: 'run' | 'step' | undefined } | undefined {
  const params = new URLSearchParams(search);
  const server = params.get('server');
  if (server === null) return undefined;
  const base = current.serverUrl.trim() === server.trim() ? current : emptyConnectForm();
  const form: ConnectForm = { ...base, serverUrl: server };
  const spec = SPEC_VERSIONS.find((v) => v === params.get('spec'));
  if (spec) form.spec = spec;
  const registration = REGISTRATION_MODES.find((m) => m === params.get('registration'));
  if (registration) form.registration = registration;
  const scope = params.get('scope');
  if (scope !== null) form.scope = scope;
  const run = params.get('run') === '1' ? 'run' : params.get('step') === '1' ? 'step' : undefined;
  return { form, run };
}
