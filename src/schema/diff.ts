/**
 * The JSON Schema of `coalex diff --format json` (SPEC §5): summary counts, ids of records added
 * and removed, and per changed record each changed field. The `DiffJson` type derives from it.
 */
import type { FromSchema } from 'json-schema-to-ts';

const count = { type: 'integer', minimum: 0 } as const;
const ids = { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } } as const;
/** List items are named by their text: `name`, `text`, `heading`, `code`, or the value itself (strings, years). */
const itemNames = { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } } as const;

export const diffSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://coalex.invalid/schema/diff.json',
  title: 'coalex diff report',
  description: 'What changed between two versions of a coalex dataset, record by record (keyed by id).',
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'added', 'removed', 'changed'],
  properties: {
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['added', 'removed', 'changed', 'unchanged'],
      properties: {
        added: count,
        removed: count,
        changed: count,
        unchanged: { ...count, description: 'Records on both sides whose data is equal (they may differ in spans, source, warnings, whitespace or case).' },
        fields: {
          description: 'Per changed field: the records it changed in, and for list fields the items added and removed (an item changed in place counts as both).',
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['records'],
            properties: { records: { type: 'integer', minimum: 1 }, added: count, removed: count },
          },
        },
      },
    },
    added: { ...ids, description: 'Ids of records only in the new dataset.' },
    removed: { ...ids, description: 'Ids of records only in the old dataset.' },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'fields'],
        properties: {
          id: { type: 'string' },
          fields: {
            type: 'object',
            minProperties: 1,
            additionalProperties: {
              oneOf: [
                {
                  description: 'A scalar field: old and new value (objects such as municipality without their span).',
                  type: 'object',
                  additionalProperties: false,
                  required: ['old', 'new'],
                  properties: { old: {}, new: {} },
                },
                {
                  description: 'A list field: the names of the items added and removed.',
                  type: 'object',
                  additionalProperties: false,
                  required: ['added', 'removed'],
                  properties: { added: itemNames, removed: itemNames },
                },
              ],
            },
          },
        },
      },
    },
  },
} as const;

/** A diff report in its JSON form. */
export type DiffJson = FromSchema<typeof diffSchema>;
