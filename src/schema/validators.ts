/**
 * The ajv validators of the record and of every rules file. The build generates them as code
 * (ajv standalone, `dist/schema/validators.generated.js`), so a run does not compile schemas;
 * without the generated file (tests on the sources) they are compiled once per process.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { rulesFileSchemas } from '../rules/schema.js';
import { recordSchema } from './record.js';

/** Every schema coalex validates with, by the name validators are exported under. */
export function schemas(): Record<string, object> {
  const all: Record<string, object> = { record: recordSchema };
  for (const [file, schema] of Object.entries(rulesFileSchemas)) all[exportName(file)] = schema;
  return all;
}

/** `sections.yaml` → `rules_sections`. */
export function exportName(file: string): string {
  return `rules_${file.replace(/\.yaml$/u, '').replace(/[^a-z0-9]/giu, '_')}`;
}

/** Options shared by the build and the fallback, so both validate alike. */
export const ajvOptions = { allErrors: true, strict: true } as const;

let generated: Record<string, ValidateFunction> | null | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Loads the generated validators once (null when the build did not make them). */
export async function loadGenerated(): Promise<void> {
  if (generated !== undefined) return;
  try {
    generated = (await import(new URL('./validators.generated.js', import.meta.url).href)) as Record<string, ValidateFunction>;
  } catch {
    generated = null;
  }
}

/** The validator of a schema name (`record`, `rules_sections`, …). */
export function validator(name: string): ValidateFunction {
  const fast = generated?.[name];
  if (fast) return fast;
  let fn = compiled.get(name);
  if (!fn) {
    fn = new Ajv(ajvOptions).compile(schemas()[name]!);
    compiled.set(name, fn);
  }
  return fn;
}
