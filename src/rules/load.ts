/** Reads the files of a rules folder, checks each against its schema, and compiles them. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { compileRules, type Rules } from './compile.js';
import { RulesError } from './errors.js';
import { rulesFileSchemas } from './schema.js';
import { exportName, validator } from '../schema/validators.js';

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
  let present: string[];
  try {
    present = readdirSync(dir).sort();
  } catch {
    throw new RulesError(label, null, 'the folder cannot be read');
  }
  for (const name of [...Object.keys(rulesFileSchemas), 'municipalities.csv', 'first-names.txt'].sort()) {
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
    if (name.endsWith('.txt')) {
      files[name] = readWordList(bytes, shown);
      continue;
    }
    const doc = parseDocument(bytes, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const line = error.linePos?.[0];
      throw new RulesError(`${shown}${line ? `:${line.line}:${line.col}` : ''}`, null, `invalid YAML (${error.message.split('\n')[0]})`);
    }
    const value: unknown = doc.toJS();
    const validate = validator(exportName(name));
    if (!validate(value)) throw new RulesError(shown, keyOf(validate.errors![0]!), describe(validate.errors![0]!));
    files[name] = value;
  }
  checkUniqueIds(files, label);
  return { files: files as RawRules, hash: hash.digest('hex') };
}

/**
 * A word list: `# id:`, `# description:` and `# example:` comment lines, then one word per line.
 * (A plain list parses in a millisecond; the same list as YAML costs a third of a second per run.)
 */
function readWordList(bytes: string, shown: string): { id: string; description: string; example: string; names: string[] } {
  const header: Record<string, string> = {};
  const names: string[] = [];
  bytes.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.trim();
    const meta = /^#\s*(id|description|example):\s*(.*)$/u.exec(line);
    if (meta) header[meta[1]!] = meta[2]!;
    else if (line === '' || line.startsWith('#')) return;
    else if (!/^\p{Lu}[\p{L}'’-]*$/u.test(line)) {
      throw new RulesError(`${shown}:${index + 1}`, null, `expected one capitalised word per line, got \`${line}\``);
    } else names.push(line);
  });
  for (const key of ['id', 'description', 'example']) {
    if (!header[key]) throw new RulesError(shown, key, 'is missing (a `# ' + key + ': …` line at the top)');
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(header.id!)) throw new RulesError(shown, 'id', `must be kebab-case, got \`${header.id}\``);
  return { id: header.id!, description: header.description!, example: header.example!, names };
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
