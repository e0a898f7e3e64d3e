/** JSON Schemas of the files in `rules/`; the loader validates each file with ajv. */
import { organizationTypes, sectionKinds } from '../schema/record.js';

const id = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const words = { type: 'array', items: text, minItems: 1 } as const;
/** Every rule entry has an id, a description and an example. */
const entry = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'description', 'example', ...required],
  properties: { id, description: text, example: { type: 'string' }, ...properties },
});
const file = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

/** Schema per rules file name. */
export const rulesFileSchemas: Record<string, object> = {
  'sections.yaml': file({
    headings: { type: 'array', items: entry({ kind: { enum: sectionKinds }, patterns: words }, ['kind', 'patterns']) },
    keywords: { type: 'array', items: entry({ kind: { enum: sectionKinds }, words }, ['kind', 'words']) },
  }),
  'structure.yaml': file({
    heading: entry(
      {
        maxWords: { type: 'integer', minimum: 1 },
        maxChars: { type: 'integer', minimum: 1 },
        keywordMaxWords: { type: 'integer', minimum: 1 },
        decorations: text,
        linkEndings: words,
      },
      ['maxWords', 'maxChars', 'keywordMaxWords', 'decorations', 'linkEndings'],
    ),
    bullets: { type: 'array', items: entry({ markers: words, pattern: text }) },
    noise: { type: 'array', items: entry({ patterns: words, afterQuote: { type: 'boolean' }, seam: text }, ['patterns']) },
  }),
  'contacts.yaml': file({
    labels: {
      type: 'array',
      items: entry({ field: { enum: ['person', 'role', 'phone', 'email', 'website', 'organization'] }, words }, ['field', 'words']),
    },
    cues: { type: 'array', items: entry({ phrases: words }, ['phrases']) },
    desks: entry({ pattern: text }, ['pattern']),
    continuations: entry({ words }, ['words']),
  }),
  'roles.yaml': file({
    roles: { type: 'array', items: entry({ words: { type: 'array', items: words } }, ['words']) },
    titles: { type: 'array', items: entry({ words }, ['words']) },
    notRoles: entry({ words }, ['words']),
    organizationLinks: entry({ words }, ['words']),
  }),
  'organizations.yaml': file({
    types: {
      type: 'array',
      items: entry(
        {
          type: { enum: organizationTypes },
          keywords: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['text', 'match'],
              properties: { text, match: { enum: ['word', 'prefix', 'part'] } },
            },
          },
          pattern: text,
        },
        ['type'],
      ),
    },
    members: entry({ phrases: words }, ['phrases']),
    lowerCaseStarts: entry({ pattern: text }, ['pattern']),
    notListStarts: entry({ words }, ['words']),
  }),
  'names.yaml': file({ particles: entry({ words }, ['words']), notNames: entry({ words }, ['words']), surnameStarts: entry({ words }, ['words']), notNameEndings: entry({ words }, ['words']), articles: entry({ words }, ['words']) }),
  'municipalities.yaml': file({
    aliases: entry({ names: { type: 'object', additionalProperties: { type: 'string', pattern: '^GM[0-9]{4}$' } } }, ['names']),
    ambiguous: entry(
      { names: words, cues: words, localCues: words, qualifiers: { type: 'object', additionalProperties: text } },
      ['names', 'cues', 'localCues', 'qualifiers'],
    ),
    provinces: entry({ names: { type: 'object', additionalProperties: text } }, ['names']),
    provinceCues: entry({ words }, ['words']),
    hyphenParts: entry({ words }, ['words']),
  }),
  'kinds.yaml': file({
    coalition: entry({ patterns: words }, ['patterns']),
    subtitle: entry({ patterns: words }, ['patterns']),
  }),
  'patterns.yaml': file({
    years: entry({ pattern: text }, ['pattern']),
    targets: { type: 'array', items: entry({ pattern: text }, ['pattern']) },
    webDomains: entry({ tlds: words, bare: words }, ['tlds', 'bare']),
    gluedWords: entry({ pattern: text }, ['pattern']),
    obfuscatedEmails: entry({ marker: text, dotMarker: text, pattern: text }, ['marker', 'dotMarker', 'pattern']),
    phoneLike: entry({ pattern: text }, ['pattern']),
    openingHours: entry({ pattern: text }, ['pattern']),
  }),
};
