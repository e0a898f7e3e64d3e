/**
 * `node test/bench/profile-summary.mjs <file.cpuprofile> [--top 15] [--root <repo>]
 *   [--maps <dir>] [--functions read,parse,...]`
 *
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time aggregated by function
 * (callFrame functionName + url + line), with its inclusive time (recursion counted once),
 * self time by area (a coalex module, an npm package, node internals, GC), and the inclusive
 * time of the named functions (the pipeline stages). With `--maps <dir>` (the same sources
 * compiled with `--sourceMap`), locations in `dist/*.js` are given as `src/*.ts:line`, for
 * each file whose compiled code is identical to the profiled one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Reads `--name value` options and positional arguments. */
function parseArgs(argv) {
  const options = { top: 15, root: process.cwd(), maps: null, functions: [] };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--top') options.top = Number(argv[++i]);
    else if (arg === '--root') options.root = resolve(argv[++i]);
    else if (arg === '--maps') options.maps = resolve(argv[++i]);
    else if (arg === '--functions') options.functions = argv[++i].split(',').filter(Boolean);
    else positional.push(arg);
  }
  return { options, positional };
}

/** Maps `dist/…js` positions to `src/…ts` when a matching source map exists. */
function createMapper(root, mapsDir) {
  const cache = new Map();
  const mapFor = (distFile) => {
    if (!mapsDir) return null;
    if (cache.has(distFile)) return cache.get(distFile);
    let map = null;
    const rel = relative(join(root, 'dist'), distFile);
    const compiled = join(mapsDir, rel);
    if (!rel.startsWith('..') && existsSync(compiled) && existsSync(`${compiled}.map`)) {
      const strip = (text) => text.replace(/\n?\/\/# sourceMappingURL=.*\s*$/u, '').trimEnd();
      if (strip(readFileSync(compiled, 'utf8')) === strip(readFileSync(distFile, 'utf8'))) {
        map = { map: new SourceMap(JSON.parse(readFileSync(`${compiled}.map`, 'utf8'))), dir: dirname(compiled), rel };
      }
    }
    cache.set(distFile, map);
    return map;
  };
  /** `{ file, line, area }` of a call frame; `line` 1-based. */
  return (frame) => {
    const { url, lineNumber, columnNumber } = frame;
    if (!url) {
      const name = frame.functionName;
      const area = name.startsWith('RegExp:') ? 'regular expressions (V8)' : /^validate\d+$/u.test(name) ? 'ajv generated validators' : name.startsWith('(') ? name : '(native builtins)';
      return { file: '', line: 0, area };
    }
    if (url.startsWith('node:')) return { file: url, line: lineNumber + 1, area: 'node internals' };
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const rel = relative(root, path);
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(rel);
    if (pkg) return { file: rel.slice(rel.lastIndexOf('node_modules/')), line: lineNumber + 1, area: `npm ${pkg[1]}` };
    const mapped = mapFor(path);
    if (mapped) {
      const entry = mapped.map.findEntry(lineNumber, columnNumber);
      if (entry && entry.originalSource) {
        const source = relative(root, resolve(mapped.dir, entry.originalSource.replace(/^file:\/\//u, '')));
        // The map is of a copy compiled elsewhere: name the src/ file the way the repo does.
        const srcFile = source.includes('src/') ? source.slice(source.indexOf('src/')) : source;
        return { file: srcFile, line: entry.originalLine + 1, area: srcFile };
      }
    }
    return { file: rel, line: lineNumber + 1, area: rel.startsWith('dist/') ? rel : rel.startsWith('..') ? 'other' : rel };
  };
}

/** Aggregates a profile; returns `{ total, rows, areas, functions }` with times in ms. */
export function summarize(profile, { root, maps, functions = [] }) {
  const locate = createMapper(root, maps);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Sample i lasts until sample i+1 (as DevTools counts it).
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const duration = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + duration / 1000);
  }
  const keyOf = new Map();
  const rows = new Map();
  const rowOf = (id) => {
    if (keyOf.has(id)) return rows.get(keyOf.get(id));
    const frame = byId.get(id).callFrame;
    const where = locate(frame);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}\0${where.file}\0${where.line}`;
    keyOf.set(id, key);
    if (!rows.has(key)) rows.set(key, { name, file: where.file, line: where.line, area: where.area, self: 0, total: 0 });
    return rows.get(key);
  };
  let total = 0;
  for (const [id, ms] of self) {
    total += ms;
    rowOf(id).self += ms;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const row = rowOf(at);
      if (seen.has(row)) continue;
      seen.add(row);
      row.total += ms;
    }
  }
  const areas = new Map();
  for (const row of rows.values()) areas.set(row.area, (areas.get(row.area) ?? 0) + row.self);
  const named = functions.map((name) => {
    // Inclusive time of every frame with this name in coalex' own code, recursion counted once.
    let ms = 0;
    for (const [id, t] of self) {
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const row = rowOf(at);
        if (row.name === name && !row.file.includes('node_modules') && !row.file.startsWith('node:')) {
          ms += t;
          break;
        }
      }
    }
    return { name, ms };
  });
  return {
    total,
    rows: [...rows.values()].sort((a, b) => b.self - a.self),
    areas: [...areas.entries()].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
    functions: named,
  };
}

/** A function name as a table cell: shortened (regular expressions are long), `|` escaped. */
function code(name) {
  const short = name.length > 90 ? `${name.slice(0, 89)}…` : name;
  const fence = short.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${short.replace(/\|/gu, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** The summary as markdown tables. */
export function renderSummary(summary, top) {
  const pct = (ms) => `${((100 * ms) / summary.total).toFixed(1)}%`;
  const lines = [`Sampled time: ${(summary.total / 1000).toFixed(2)} s`, '', `Top ${top} functions by self time:`, '', '| # | self ms | self | total | function | location |', '|---:|---:|---:|---:|---|---|'];
  summary.rows.slice(0, top).forEach((row, i) => {
    lines.push(`| ${i + 1} | ${row.self.toFixed(0)} | ${pct(row.self)} | ${pct(row.total)} | ${code(row.name)} | ${row.file ? `${row.file}:${row.line}` : ''} |`);
  });
  lines.push('', 'Self time by area (top 15):', '', '| area | self ms | share |', '|---|---:|---:|');
  for (const { area, ms } of summary.areas.slice(0, 15)) lines.push(`| ${area} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  if (summary.functions.length > 0) {
    lines.push('', 'Inclusive time of coalex functions:', '', '| function | ms | share |', '|---|---:|---:|');
    for (const { name, ms } of summary.functions) lines.push(`| \`${name}\` | ${ms.toFixed(0)} | ${pct(ms)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { options, positional } = parseArgs(process.argv.slice(2));
  if (positional.length !== 1) {
    process.stderr.write('usage: node test/bench/profile-summary.mjs <file.cpuprofile> [--top 15] [--root <repo>] [--maps <dir>] [--functions a,b]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(positional[0], 'utf8'));
  process.stdout.write(`${renderSummary(summarize(profile, options), options.top)}\n`);
}
