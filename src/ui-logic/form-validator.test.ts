import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RJSFSchema } from '@rjsf/utils';
import { JsonSchemaFormValidator, instancePathToProperty, schemaDraft } from './form-validator.js';
import { toolFormSchema } from './tool-schema.js';

const SEARCH = toolFormSchema({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    query: { type: 'string', minLength: 2 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    mode: { type: 'string', enum: ['fast', 'thorough'] },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
    range: { type: 'object', properties: { from: { type: 'string', format: 'date' } }, required: ['from'] },
    id: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    point: { $ref: '#/$defs/Point' },
  },
  required: ['query'],
  $defs: { Point: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] } },
});

const validator = new JsonSchemaFormValidator('2020-12');

describe('JsonSchemaFormValidator.validateFormData', () => {
  it('passes valid arguments', () => {
    const result = validator.validateFormData({ query: 'token', limit: 5, tags: ['docs'], range: { from: '2026-11-27' }, id: 7, point: { x: 1 } }, SEARCH);
    assert.deepEqual(result.errors, []);
  });

  it('puts each failure at its field, with Ajv-style params for the messages', () => {
    const result = validator.validateFormData({ limit: 500, mode: 'slow', tags: ['ok', 'NO'], range: {}, id: true, point: {} }, SEARCH);
    const byProperty = Object.fromEntries(result.errors.map((e) => [`${e.property} ${e.name}`, e.params as Record<string, unknown>]));
    assert.deepEqual(Object.keys(byProperty).sort(), [
      '.id anyOf',
      '.limit maximum',
      '.mode enum',
      '.point.x required',
      '.query required',
      '.range.from required',
      '.tags.1 pattern',
    ]);
    assert.deepEqual(byProperty['.limit maximum'], { limit: 100 });
    assert.deepEqual(byProperty['.query required'], { missingProperty: 'query' });
    assert.deepEqual(byProperty['.tags.1 pattern'], { pattern: '^[a-z]+$' });
    assert.deepEqual(result.errorSchema.query?.__errors?.length, 1);
    assert.deepEqual(Object.keys(result.errorSchema.range ?? {}), ['from']);
  });

  it('reports types, lengths and formats', () => {
    const result = validator.validateFormData({ query: 'x', limit: 1.5, range: { from: 'yesterday' } }, SEARCH);
    const names = result.errors.map((e) => `${e.property} ${e.name}`).sort();
    assert.deepEqual(names, ['.limit type', '.query minLength', '.range.from format']);
    const type = result.errors.find((e) => e.name === 'type');
    assert.deepEqual(type?.params, { type: 'integer' });
  });

  it('lets transformErrors rewrite the messages and customValidate add its own', () => {
    const result = validator.validateFormData(
      { query: 'ok', limit: 0 },
      SEARCH,
      (data, errors) => {
        if (data?.query === 'ok') errors.query?.addError('not that one');
        return errors;
      },
      (errors) => errors.map((e) => ({ ...e, message: `[${e.name}]` })),
    );
    assert.deepEqual(result.errorSchema.limit?.__errors, ['[minimum]']);
    assert.deepEqual(result.errorSchema.query?.__errors, ['not that one']);
  });

  it('reports a schema it cannot read instead of throwing', () => {
    const broken: RJSFSchema = { type: 'object', properties: { a: { $ref: 'https://elsewhere.example/schema.json' } } };
    const result = validator.validateFormData({ a: 1 }, broken);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]?.stack ?? '', /./);
  });
});

describe('JsonSchemaFormValidator.isValid', () => {
  it('matches anyOf options, resolving $refs against the root schema', () => {
    const point: RJSFSchema = { $ref: '#/$defs/Point' };
    assert.equal(validator.isValid(point, { x: 1 }, SEARCH), true);
    assert.equal(validator.isValid(point, {}, SEARCH), false);
    assert.equal(validator.isValid({ type: 'string' }, undefined, SEARCH), false);
  });
});

describe('helpers', () => {
  it('reads the dialect', () => {
    assert.equal(schemaDraft('http://json-schema.org/draft-07/schema#'), '7');
    assert.equal(schemaDraft('https://json-schema.org/draft/2019-09/schema'), '2019-09');
    assert.equal(schemaDraft(undefined), '2020-12');
  });

  it('turns instance pointers into rjsf property paths', () => {
    assert.equal(instancePathToProperty('#'), '');
    assert.equal(instancePathToProperty('#/a/0/b~1c'), '.a.0.b/c');
  });
});
