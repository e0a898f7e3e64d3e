/** Stage 6, validate: every record is checked against the JSON Schema with ajv. */
import { Ajv, type ValidateFunction } from 'ajv';
import { reject, type Doc } from '../document.js';
import { recordSchema, type CoalitionRecord } from '../schema/record.js';

let validator: ValidateFunction | undefined;

/** The compiled record validator (compiled once per process). */
export function recordValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(recordSchema);
  return validator;
}

/** Problems of one record as short lines (`/goals/0/text: must be string`); empty when valid. */
export function recordProblems(record: unknown): string[] {
  const validate = recordValidator();
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
