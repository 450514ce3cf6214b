/**
 * The tool form's validator: rjsf's `ValidatorType` backed by @cfworker/json-schema, which
 * interprets schemas instead of compiling them to code. The relay serves the UI with
 * `script-src 'self'` (no 'unsafe-eval'), under which Ajv, rjsf's usual validator, cannot
 * compile a schema at all; it also knows draft 2020-12, the dialect MCP tool schemas default to.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool
 */
import { Validator, type OutputUnit, type Schema, type SchemaDraft } from '@cfworker/json-schema';
import {
  createErrorHandler,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

type FormData = Record<string, unknown>;

/**
 * Keywords whose failure only says that something beneath failed; the errors beneath are
 * reported too, at the field they concern, so these would only repeat them at the parent.
 */
const WRAPPER_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  '$ref',
  '$recursiveRef',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependencies',
  'propertyNames',
]);

/** The JSON Schema dialect a `$schema` URI names; MCP tool schemas without one are 2020-12. */
export function schemaDraft(dialect: unknown): SchemaDraft {
  if (typeof dialect !== 'string') return '2020-12';
  if (dialect.includes('draft-04')) return '4';
  if (dialect.includes('draft-06') || dialect.includes('draft-07')) return '7';
  if (dialect.includes('2019-09')) return '2019-09';
  return '2020-12';
}

/** "#/a/0/b" (a JSON pointer fragment) to rjsf's property path ".a.0.b". */
export function instancePathToProperty(instanceLocation: string): string {
  const pointer = instanceLocation.replace(/^#/, '');
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => `.${decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')}`)
    .join('');
}

/** The schema value at a keyword location ("#/properties/limit/maximum"), for the message params. */
function valueAt(schema: unknown, keywordLocation: string): unknown {
  let node = schema;
  for (const raw of keywordLocation.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const REQUIRED_PROPERTY = /required property "(.*)"\.$/;

/**
 * cfworker's output units as rjsf validation errors: one per failing keyword at the field it
 * concerns (a missing required property at that property's field), with the schema's value in
 * `params` under the names Ajv uses (`limit`, `type`, `pattern`...), so messages can be written
 * once for any validator.
 */
function toValidationErrors(units: readonly OutputUnit[], schema: RJSFSchema): RJSFValidationError[] {
  const errors: RJSFValidationError[] = [];
  for (const unit of units) {
    if (WRAPPER_KEYWORDS.has(unit.keyword)) continue;
    // Inside anyOf/oneOf every branch's failures are reported; the anyOf/oneOf error itself says it.
    if (/\/(anyOf|oneOf)\/\d+/.test(unit.keywordLocation)) continue;
    let property = instancePathToProperty(unit.instanceLocation);
    const value = valueAt(schema, unit.keywordLocation);
    const params: Record<string, unknown> = {};
    if (unit.keyword === 'required') {
      const missing = REQUIRED_PROPERTY.exec(unit.error)?.[1];
      if (missing !== undefined) {
        params.missingProperty = missing;
        property = `${property}.${missing}`;
      }
    } else if (unit.keyword === 'type') {
      params.type = Array.isArray(value) ? value.join(', ') : value;
    } else if (unit.keyword === 'pattern' || unit.keyword === 'format' || unit.keyword === 'multipleOf') {
      params[unit.keyword] = value;
    } else if (typeof value === 'number') {
      params.limit = value;
    }
    errors.push({
      name: unit.keyword,
      property,
      message: unit.error,
      params,
      stack: `${property} ${unit.error}`.trim(),
      schemaPath: unit.keywordLocation,
    });
  }
  return errors;
}

/**
 * A sub-schema rjsf asks about (an anyOf branch, a dependency) with the root's definitions, so
 * its local `$ref`s ("#/$defs/Point") resolve.
 */
function withRootDefinitions(schema: RJSFSchema, rootSchema: RJSFSchema): RJSFSchema {
  if (schema === rootSchema) return schema;
  const definitions: Partial<Record<'$defs' | 'definitions', unknown>> = {};
  if (rootSchema.$defs && !schema.$defs) definitions.$defs = rootSchema.$defs;
  if (rootSchema.definitions && !schema.definitions) definitions.definitions = rootSchema.definitions;
  return { ...schema, ...definitions } as RJSFSchema;
}

export class JsonSchemaFormValidator implements ValidatorType<FormData, RJSFSchema> {
  constructor(private readonly draft: SchemaDraft) {}

  private validate(schema: RJSFSchema, data: unknown): OutputUnit[] {
    // shortCircuit off: a form shows every problem at once, not the first one.
    return new Validator(schema as Schema, this.draft, false).validate(data).errors;
  }

  rawValidation<Result = OutputUnit>(schema: RJSFSchema, formData?: FormData): { errors?: Result[]; validationError?: Error } {
    try {
      return { errors: this.validate(schema, formData ?? {}) as Result[] };
    } catch (error) {
      // A schema cfworker cannot read (a $ref to another document, say) is reported, not thrown.
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  validateFormData(
    formData: FormData | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<FormData, RJSFSchema>,
    transformErrors?: ErrorTransformer<FormData, RJSFSchema>,
    uiSchema?: UiSchema<FormData, RJSFSchema>,
  ): ValidationData<FormData> {
    const raw = this.rawValidation<OutputUnit>(schema, formData);
    let errors = toValidationErrors(raw.errors ?? [], schema);
    if (raw.validationError) errors.push({ stack: raw.validationError.message, message: raw.validationError.message });
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const validation: ValidationData<FormData> = { errors, errorSchema: toErrorSchema<FormData>(errors) };
    if (!customValidate) return validation;
    const data = formData ?? {};
    const handler = customValidate(data, createErrorHandler<FormData>(data), uiSchema, validation.errorSchema);
    return validationDataMerge<FormData>(validation, unwrapErrorHandler<FormData>(handler));
  }

  isValid(schema: RJSFSchema, formData: FormData | undefined, rootSchema: RJSFSchema): boolean {
    try {
      return this.validate(withRootDefinitions(schema, rootSchema), formData).length === 0;
    } catch (error) {
      // rjsf asks to pick a matching anyOf/oneOf option; an unreadable branch simply does not match.
      if (error instanceof Error) return false;
      throw error;
    }
  }
}
