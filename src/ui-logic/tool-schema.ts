/**
 * An MCP tool's `inputSchema` (a JSON Schema object, MCP 2025-06-18+ `tools/list`) made ready for
 * the generated form, summarised for the tool list, and its defaults as initial arguments.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool
 */
import type { RJSFSchema } from '@rjsf/utils';

type Schema = Record<string, unknown>;

export interface ParameterSummary {
  name: string;
  /** "number", "string[]", "string | null", "object", "enum". */
  type: string;
  required: boolean;
  /** JSON of the schema's default, when it has one. */
  defaultValue?: string;
  enumValues?: string[];
  description?: string;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function properties(schema: Schema): [string, Schema][] {
  const props = schema.properties;
  if (!isSchema(props)) return [];
  return Object.entries(props).filter((entry): entry is [string, Schema] => isSchema(entry[1]));
}

function requiredNames(schema: Schema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

/**
 * The schema the form is generated from. `$schema` is dropped: MCP schemas may declare
 * draft 2020-12, which the form's draft-07 validator cannot load, and the keywords tool
 * schemas use mean the same in both drafts. A root without `type` is an object (MCP requires
 * `"type": "object"`), so a sloppy server still gets a form.
 */
export function toolFormSchema(inputSchema: Schema): RJSFSchema {
  const { $schema: _dialect, ...rest } = inputSchema;
  const schema: Schema = { ...rest };
  if (schema.type === undefined) schema.type = 'object';
  if (schema.type === 'object' && !isSchema(schema.properties)) schema.properties = {};
  // The boundary with rjsf: a JSON Schema object as the server sent it.
  return schema as RJSFSchema;
}

/** One line per parameter, for the tool list and the form's heading. */
export function summariseParameters(inputSchema: Schema): ParameterSummary[] {
  const required = requiredNames(inputSchema);
  return properties(inputSchema).map(([name, schema]) => {
    const summary: ParameterSummary = { name, type: typeLabel(schema), required: required.includes(name) };
    if ('default' in schema) summary.defaultValue = JSON.stringify(schema.default);
    if (Array.isArray(schema.enum)) summary.enumValues = schema.enum.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
    if (typeof schema.description === 'string') summary.description = schema.description;
    return summary;
  });
}

/** A short type label: the `type` keyword, `T[]` for arrays, unions joined by " | ". */
export function typeLabel(schema: Schema): string {
  if (Array.isArray(schema.enum)) return 'enum';
  if ('const' in schema) return JSON.stringify(schema.const);
  const type = schema.type;
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string').join(' | ');
  if (type === 'array') return `${isSchema(schema.items) ? typeLabel(schema.items) : 'any'}[]`;
  if (typeof type === 'string') return type;
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union) return union.filter(isSchema).map(typeLabel).join(' | ');
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? schema.$ref;
  if (isSchema(schema.properties)) return 'object';
  return 'any';
}

/** "a: number, b: number, mode?: enum": the signature shown under a tool's name. */
export function parameterSignature(inputSchema: Schema): string {
  return summariseParameters(inputSchema)
    .map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`)
    .join(', ');
}

/**
 * The arguments a form starts with: every `default` (or `const`) in the schema, nested objects
 * included when they contribute something. Properties without one stay absent, so a required
 * field the person has not filled is reported as missing rather than sent empty.
 */
export function defaultArguments(inputSchema: Schema): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, schema] of properties(inputSchema)) {
    const value = defaultValue(schema);
    if (value !== undefined) args[name] = value;
  }
  return args;
}

function defaultValue(schema: Schema): unknown {
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (schema.type === 'object' || (schema.type === undefined && isSchema(schema.properties))) {
    const nested = defaultArguments(schema);
    return Object.keys(nested).length > 0 ? nested : undefined;
  }
  return undefined;
}

/** True when the tool takes no parameters at all (its form is only a Call button). */
export function hasNoParameters(inputSchema: Schema): boolean {
  return properties(inputSchema).length === 0 && inputSchema.additionalProperties !== true && !isSchema(inputSchema.additionalProperties);
}
