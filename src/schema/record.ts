/**
 * The JSON Schema of one coalex record: the single source of the record's shape.
 * The TypeScript type (`CoalitionRecord`), the CSV columns and the datapackage
 * descriptor all derive from this object.
 */
import type { FromSchema } from 'json-schema-to-ts';

const point = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'column', 'offset'],
  properties: {
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
  },
} as const;

/** unist `Position`: where a value stands in the decoded source text. */
export const spanSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: { start: point, end: point },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const spans = { type: 'array', items: spanSchema } as const;

/** Section kinds, in the order rules and reports list them. */
export const sectionKinds = ['goals', 'organizations', 'contact', 'activities', 'approach', 'other'] as const;

/** Organisation types, in the order rules list them. */
export const organizationTypes = [
  'municipality', 'foundation', 'association', 'welfare', 'care', 'housing', 'library',
  'sports', 'education', 'religion', 'police', 'category', 'other',
] as const;

export const recordSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://coalex.invalid/schema/record.json',
  title: 'coalex record',
  description: 'One document about a local coalition against loneliness, as extracted by coalex.',
  type: 'object',
  additionalProperties: false,
  required: [
    'id', 'kind', 'source', 'title', 'municipality', 'municipalitiesMentioned', 'name', 'summary',
    'goals', 'targets', 'activities', 'organizations', 'contacts', 'people', 'emails', 'phones',
    'websites', 'years', 'sections', 'warnings', 'spans',
  ],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Slug of the municipality, or of the file name.' },
    kind: { enum: ['coalition', 'other'], description: 'coalition: one municipality\'s coalition or approach; other: anything else.' },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'sha256', 'bytes', 'encoding', 'format'],
      properties: {
        path: { type: 'string' },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        bytes: { type: 'integer', minimum: 0 },
        encoding: { enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] },
        format: { enum: ['text', 'markdown', 'html'] },
      },
    },
    title: nullableString,
    municipality: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'code', 'province', 'span'],
          properties: {
            name: { type: 'string' },
            code: { type: 'string', pattern: '^GM[0-9]{4}$' },
            province: { type: 'string' },
            span: spanSchema,
          },
        },
      ],
    },
    municipalitiesMentioned: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'code', 'span'],
        properties: { name: { type: 'string' }, code: { type: 'string', pattern: '^GM[0-9]{4}$' }, span: spanSchema },
      },
    },
    name: nullableString,
    summary: nullableString,
    goals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'span'],
        properties: { text: { type: 'string' }, description: { type: 'string' }, subitems: strings, span: spanSchema },
      },
    },
    targets: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'indicator', 'ageMin', 'ageMax', 'from', 'to', 'unit', 'span'],
        properties: {
          text: { type: 'string' },
          indicator: nullableString,
          ageMin: nullableInteger,
          ageMax: nullableInteger,
          from: nullableNumber,
          to: nullableNumber,
          unit: nullableString,
          span: spanSchema,
        },
      },
    },
    activities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'years', 'span'],
        properties: { text: { type: 'string' }, years: { type: 'array', items: { type: 'integer' } }, span: spanSchema },
      },
    },
    organizations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'span'],
        properties: { name: { type: 'string' }, type: { enum: organizationTypes }, span: spanSchema },
      },
    },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'role', 'organization', 'emails', 'phones', 'span'],
        properties: {
          name: { type: 'string' },
          role: nullableString,
          organization: nullableString,
          emails: strings,
          phones: strings,
          span: spanSchema,
        },
      },
    },
    people: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'role', 'span'],
        properties: { name: { type: 'string' }, role: nullableString, span: spanSchema },
      },
    },
    emails: strings,
    phones: { type: 'array', items: { type: 'string', pattern: '^\\+[1-9][0-9]{4,14}$' } },
    websites: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
    years: { type: 'array', items: { type: 'integer', minimum: 1900, maximum: 2100 } },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['heading', 'kind', 'span'],
        properties: { heading: { type: 'string' }, kind: { enum: sectionKinds }, span: spanSchema },
      },
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message'],
        properties: { code: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, message: { type: 'string' }, span: spanSchema },
      },
    },
    spans: {
      description: 'Where the plain values stand in the text: title, name and summary, and one span per item of emails, phones, websites and years (its first mention), in the same order.',
      type: 'object',
      additionalProperties: false,
      required: ['title', 'name', 'summary', 'emails', 'phones', 'websites', 'years'],
      properties: {
        title: { anyOf: [{ type: 'null' }, spanSchema] },
        name: { anyOf: [{ type: 'null' }, spanSchema] },
        summary: { anyOf: [{ type: 'null' }, spanSchema] },
        emails: spans,
        phones: spans,
        websites: spans,
        years: spans,
      },
    },
  },
} as const;

/** One extracted record. */
export type CoalitionRecord = FromSchema<typeof recordSchema>;
/** A span: start and end point of a value in the source. */
export type Span = FromSchema<typeof spanSchema>;
/** A section kind. */
export type SectionKind = (typeof sectionKinds)[number];
/** An organisation type. */
export type OrganizationType = (typeof organizationTypes)[number];
/** The record fields, in schema order. */
export const recordFields = Object.keys(recordSchema.properties) as (keyof CoalitionRecord)[];
