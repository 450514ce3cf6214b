/**
 * Multi round-trip requests (2026-07-28): instead of calling the client back, a server answers
 * `resultType: "input_required"` with `inputRequests` (elicitation, sampling, roots) and an
 * opaque `requestState`; the client retries the original request with `inputResponses` and the
 * exact `requestState`, under a new JSON-RPC id.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
 *
 * A headless run has nobody to ask, so the debugger answers what it can on the person's behalf
 * and says so in a finding: a form elicitation is accepted with values taken from the requested
 * schema (its defaults, else the first choice, true, 0 or ""), `roots/list` with no roots. It
 * samples no model and opens no URL: such requests end the call as the debugger's own limit.
 */

export interface InputAnswer {
  key: string;
  method: string;
  /** What was sent back, or undefined where the debugger cannot answer. */
  response?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value for one property of an elicitation's `requestedSchema` (a flat object of primitives). */
function valueFor(schema: unknown): unknown {
  if (!isRecord(schema)) return '';
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const oneOf = Array.isArray(schema.oneOf) ? schema.oneOf.find((option) => isRecord(option) && 'const' in option) : undefined;
  if (isRecord(oneOf)) return oneOf.const;
  switch (schema.type) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'array':
      return [];
    default:
      return '';
  }
}

function formContent(requestedSchema: unknown): Record<string, unknown> {
  const properties = isRecord(requestedSchema) && isRecord(requestedSchema.properties) ? requestedSchema.properties : {};
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, valueFor(schema)]));
}

/** The debugger's answer to each input request, keyed as the server keyed them. */
export function answerInputRequests(inputRequests: unknown): InputAnswer[] {
  if (!isRecord(inputRequests)) return [];
  return Object.entries(inputRequests).map(([key, request]) => {
    const method = isRecord(request) && typeof request.method === 'string' ? request.method : '(none)';
    const params = isRecord(request) && isRecord(request.params) ? request.params : {};
    if (method === 'elicitation/create' && (params.mode === undefined || params.mode === 'form')) {
      return { key, method, response: { action: 'accept', content: formContent(params.requestedSchema) } };
    }
    if (method === 'roots/list') return { key, method, response: { roots: [] } };
    return { key, method };
  });
}
