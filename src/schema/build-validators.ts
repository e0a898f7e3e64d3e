/** Build step: writes the ajv validators as code (ajv standalone) next to this module. */
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { newAjv, schemas } from './validators.js';

const all = schemas();
const ajv = newAjv({ code: { source: true, esm: true } });
const exports: Record<string, string> = {};
for (const [name, schema] of Object.entries(all)) {
  const id = `coalex:${name}`;
  ajv.addSchema({ ...schema, $id: id });
  exports[name] = id;
}
// ajv's ESM output still `require`s its runtime helpers (ucs2length): make those imports.
const imports: string[] = [];
const code = standaloneCode.default(ajv, exports).replace(/require\("([^"]+)"\)/gu, (_, module: string) => {
  const name = `runtime${imports.length}`;
  imports.push(`import ${name} from ${JSON.stringify(`${module}.js`)};`);
  return name;
});
writeFileSync(new URL('./validators.generated.js', import.meta.url), `${imports.join('\n')}\n${code.replace(/^"use strict";/u, '')}`);
