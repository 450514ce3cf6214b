import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultArguments, hasNoParameters, parameterSignature, summariseParameters, toolFormSchema, typeLabel } from './tool-schema.js';

// The lab's add_numbers tool, as tools/list returned it.
const ADD_NUMBERS = {
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
  $schema: 'http://json-schema.org/draft-07/schema#',
};

const EVERYTHING = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    query: { type: 'string', description: 'What to look for' },
    limit: { type: 'integer', default: 10, minimum: 1 },
    exact: { type: 'boolean', default: false },
    mode: { type: 'string', enum: ['fast', 'thorough'], default: 'fast' },
    tags: { type: 'array', items: { type: 'string' } },
    range: {
      type: 'object',
      properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', default: 'today' } },
    },
    filter: { type: 'object', properties: { field: { type: 'string' } } },
    cursor: { type: ['string', 'null'] },
    kind: { const: 'search' },
    either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
  },
  required: ['query'],
};

describe('toolFormSchema', () => {
  it('drops the $schema dialect and keeps everything else', () => {
    const schema = toolFormSchema(EVERYTHING);
    assert.equal('$schema' in schema, false);
    assert.deepEqual(schema.required, ['query']);
    assert.equal(Object.keys(schema.properties ?? {}).length, 10);
  });

  it('makes a form-able object of a schema without type or properties', () => {
    assert.deepEqual(toolFormSchema({}), { type: 'object', properties: {} });
    assert.deepEqual(toolFormSchema({ type: 'object' }), { type: 'object', properties: {} });
  });
});

describe('defaultArguments', () => {
  it('collects defaults and consts, nested objects only when they contribute', () => {
    assert.deepEqual(defaultArguments(EVERYTHING), { limit: 10, exact: false, mode: 'fast', range: { to: 'today' }, kind: 'search' });
  });

  it('is empty when the schema has no defaults', () => {
    assert.deepEqual(defaultArguments(ADD_NUMBERS), {});
    assert.deepEqual(defaultArguments({ type: 'object' }), {});
  });
});

describe('summariseParameters', () => {
  it('lists each parameter with type, required flag, default and enum values', () => {
    const summary = summariseParameters(EVERYTHING);
    assert.deepEqual(summary[0], { name: 'query', type: 'string', required: true, description: 'What to look for' });
    assert.deepEqual(summary[1], { name: 'limit', type: 'integer', required: false, defaultValue: '10' });
    assert.deepEqual(summary[3], { name: 'mode', type: 'enum', required: false, defaultValue: '"fast"', enumValues: ['fast', 'thorough'] });
    assert.deepEqual(
      summary.map((p) => p.type),
      ['string', 'integer', 'boolean', 'enum', 'string[]', 'object', 'object', 'string | null', '"search"', 'string | number'],
    );
  });

  it('writes a signature line for the tool list', () => {
    assert.equal(parameterSignature(ADD_NUMBERS), 'a: number, b: number');
    assert.equal(parameterSignature({ type: 'object', properties: { x: { type: 'array' } } }), 'x?: any[]');
  });

  it('labels references and untyped schemas', () => {
    assert.equal(typeLabel({ $ref: '#/$defs/Point' }), 'Point');
    assert.equal(typeLabel({}), 'any');
  });
});

describe('hasNoParameters', () => {
  it('is true only for a schema that accepts nothing', () => {
    assert.equal(hasNoParameters({ type: 'object' }), true);
    assert.equal(hasNoParameters({ type: 'object', properties: {} }), true);
    assert.equal(hasNoParameters(ADD_NUMBERS), false);
    assert.equal(hasNoParameters({ type: 'object', additionalProperties: true }), false);
  });
});
