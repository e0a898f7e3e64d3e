/** Stage 7, validate: every record is checked against the JSON Schema with ajv. */
import { reject, type Doc } from '../document.js';
import type { CoalitionRecord } from '../schema/record.js';
import { validator } from '../schema/validators.js';

/** Problems of one record as short lines (`/goals/0/text: must be string`); empty when valid. */
export function recordProblems(record: unknown): string[] {
  const validate = validator('record');
  if (validate(record)) return [];
  return validate.errors!.map((e) => `${e.instancePath || '(record)'}: ${e.message ?? 'is invalid'}`);
}

/** Rejects the document when its record does not fit the schema. */
export function validate(file: Doc): void {
  const problems = recordProblems(file.data.record as CoalitionRecord);
  if (problems.length > 0) {
    reject(file, 'invalid-record', `Record of \`${file.data.shownPath}\` does not fit the schema: ${problems.slice(0, 3).join('; ')}`);
  }
}
