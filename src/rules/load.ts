/** Reads the files of a rules folder, checks each against its schema, and compiles them. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { compileRules, type Rules } from './compile.js';
import { RulesError } from './errors.js';
import { rulesFileSchemas } from './schema.js';

export { RulesError };

/** The rules folder shipped with coalex. */
export const bundledRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Raw (validated, not yet compiled) content of every rules file, by file name. */
export type RawRules = Record<string, unknown> & { municipalities: MunicipalityRow[] };
/** One row of the CBS register. */
export interface MunicipalityRow {
  code: string;
  name: string;
  province: string;
}

const cache = new Map<string, Rules>();

/** Loads, validates and compiles a rules folder, once per folder per process. */
export function loadRules(dir: string = bundledRulesDir, label = 'rules'): Rules {
  const cached = cache.get(dir);
  if (cached) return cached;
  const raw = readRulesDir(dir, label);
  const rules = compileRules(raw.files, raw.hash, label);
  cache.set(dir, rules);
  return rules;
}

/** Reads and validates the rules folder; returns the parsed files and the hash of their bytes. */
export function readRulesDir(dir: string, label = 'rules'): { files: RawRules; hash: string } {
  const hash = createHash('sha256');
  const files: Record<string, unknown> = {};
  const ajv = new Ajv({ allErrors: false, strict: true });
  let present: string[];
  try {
    present = readdirSync(dir).sort();
  } catch {
    throw new RulesError(label, null, 'the folder cannot be read');
  }
  for (const name of [...Object.keys(rulesFileSchemas), 'municipalities.csv'].sort()) {
    const shown = `${label}/${name}`;
    if (!present.includes(name)) throw new RulesError(shown, null, 'the file is missing');
    let bytes: string;
    try {
      bytes = readFileSync(join(dir, name), 'utf8');
    } catch {
      throw new RulesError(shown, null, 'the file cannot be read');
    }
    hash.update(name).update('\0').update(bytes).update('\0');
    if (name.endsWith('.csv')) {
      files.municipalities = readRegister(bytes, shown);
      continue;
    }
    const doc = parseDocument(bytes, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const line = error.linePos?.[0];
      throw new RulesError(`${shown}${line ? `:${line.line}:${line.col}` : ''}`, null, `invalid YAML (${error.message.split('\n')[0]})`);
    }
    const value: unknown = doc.toJS();
    const validate = ajv.compile(rulesFileSchemas[name]!);
    if (!validate(value)) throw new RulesError(shown, keyOf(validate.errors![0]!), describe(validate.errors![0]!));
    files[name] = value;
  }
  checkUniqueIds(files, label);
  return { files: files as RawRules, hash: hash.digest('hex') };
}

function readRegister(bytes: string, shown: string): MunicipalityRow[] {
  let rows: string[][];
  try {
    rows = parseCsv(bytes, { skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new RulesError(shown, null, `invalid CSV (${(error as Error).message})`);
  }
  const [header, ...body] = rows;
  if (header?.join(',') !== 'code,name,province') throw new RulesError(shown, 'header', 'expected `code,name,province`');
  return body.map((row, index) => {
    const [code = '', name = '', province = ''] = row;
    if (!/^GM\d{4}$/.test(code) || !name || !province) {
      throw new RulesError(`${shown}:${index + 2}`, 'code', `expected a CBS code like \`GM0553\` with a name and province, got \`${row.join(',')}\``);
    }
    return { code, name, province };
  });
}

/** Every rule id is unique across the whole folder. */
function checkUniqueIds(files: Record<string, unknown>, label: string): void {
  const seen = new Map<string, string>();
  const visit = (value: unknown, file: string, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, file, `${path}[${index}]`));
    else if (value && typeof value === 'object') {
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string') {
        const other = seen.get(id);
        if (other) throw new RulesError(`${label}/${file}`, `${path}.id`, `duplicate id \`${id}\` (also in \`${other}\`)`);
        seen.set(id, `${label}/${file}`);
      }
      for (const [key, child] of Object.entries(value)) visit(child, file, path ? `${path}.${key}` : key);
    }
  };
  for (const [file, value] of Object.entries(files)) visit(value, file, '');
}

function keyOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  const extra = error.params as { additionalProperty?: string; missingProperty?: string };
  const child = extra.additionalProperty ?? extra.missingProperty;
  return child ? (path ? `${path}.${child}` : child) : path || '(top)';
}

function describe(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string };
  if (error.keyword === 'enum') return `must be one of ${params.allowedValues!.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (error.keyword === 'additionalProperties') return 'is not a known key';
  if (error.keyword === 'required') return 'is missing';
  return error.message ?? 'is invalid';
}
