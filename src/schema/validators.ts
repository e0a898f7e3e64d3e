/**
 * The ajv validators of the record and of every rules file. The build generates them as code
 * (ajv standalone, `dist/schema/validators.generated.js`), so a run does not compile schemas;
 * without the generated file (tests on the sources) they are compiled once per process.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { rulesFileSchemas } from '../rules/schema.js';
import { recordSchema, spanSchema } from './record.js';

/** The `$id` the span schema is compiled under, and referred to by. */
const SPAN_ID = 'coalex:span';

/**
 * Every schema coalex validates with, by the name validators are exported under, as compiled:
 * each span of the record (about twenty places) is a reference to one span schema. Inlined,
 * the record's validator is 250 KB of code, more than V8 optimises: it took ~25 µs a record
 * against ~3 µs with the reference (`test/bench`-corpus records).
 */
export function schemas(): Record<string, object> {
  const all: Record<string, object> = { record: spanRefs(recordSchema) as object };
  for (const [file, schema] of Object.entries(rulesFileSchemas)) all[exportName(file)] = schema;
  return all;
}

/** A copy of a schema in which every occurrence of the span schema is a reference to it. */
function spanRefs(node: unknown): unknown {
  if (node === spanSchema) return { $ref: SPAN_ID };
  if (Array.isArray(node)) return node.map(spanRefs);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, spanRefs(value)]));
  return node;
}

/** An ajv that knows the span schema, so the schemas above compile. */
export function newAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...ajvOptions, inlineRefs: false, ...options });
  ajv.addSchema({ ...spanSchema, $id: SPAN_ID });
  return ajv;
}

/** `sections.yaml` → `rules_sections`. */
export function exportName(file: string): string {
  return `rules_${file.replace(/\.yaml$/u, '').replace(/[^a-z0-9]/giu, '_')}`;
}

/** Options shared by the build and the fallback, so both validate alike. */
const ajvOptions = { allErrors: true, strict: true } as const;

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
    fn = newAjv().compile(schemas()[name]!);
    compiled.set(name, fn);
  }
  return fn;
}
