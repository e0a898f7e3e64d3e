/**
 * The coalex benchmark (issue 6): `npm run bench -- [N ...] [options]` on the built dist/.
 *
 *   N ...            corpus sizes (default 10000), e.g. `npm run bench -- 1000 10000 50000`
 *   --seed <s>       corpus seed (default 42)
 *   --other <p>      share of documents titled as non-coalition pages (default 0). Coalition
 *                    records are keyed by municipality, so with 0 a corpus of N > 342 gives at
 *                    most 342 records and rejects the rest as duplicate ids; with 1 every
 *                    document gives a record (the full cost of the dataset output)
 *   --runs <k>       runs per setting for N ≤ 10,000 (default 3)
 *   --runs-large <k> runs per setting for N > 10,000 (default 1)
 *   --profile-n <n>  corpus size of the CPU profile (default 10000); --no-profile skips it
 *   --no-startup     skip the --help and start timings
 *   --snapshot       run a copy of dist/, bin/ and rules/ taken at the start, so that a rebuild
 *                    by someone else during the run does not change the code being measured
 *   --md <file>      also write the report (markdown) to <file>
 *
 * For each N it times `node bin/coalex.js extract <corpus> --out <tmp> --quiet` with `--jobs 1`
 * and with the default jobs, and the bare remark-parse baseline (baseline.mjs) over the same
 * files; then `--help`, the `npm start` command on input/ (in a temporary folder), and a CPU
 * profile of `--jobs 1` summarised by profile-summary.mjs. The corpora are cached under
 * os.tmpdir()/coalex-bench/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './corpus.mjs';
import { measure, median, rssSource } from './measure.mjs';
import { renderSummary, summarize } from './profile-summary.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const baselineScript = fileURLToPath(new URL('./baseline.mjs', import.meta.url));
const STAGES = ['collectInputs', 'loadRules', 'read', 'decode', 'parse', 'segment', 'lookupNames', 'lookupPhones', 'lookupLinks', 'extract', 'validate', 'rejectDuplicateIds', 'renderDataset', 'writeFolder', 'report'];

function parseArgs(argv) {
  const options = { sizes: [], seed: 42, other: 0, runs: 3, runsLarge: 1, profileN: 10000, profile: true, startup: true, snapshot: false, md: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (/^\d+$/u.test(arg)) options.sizes.push(Number(arg));
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--other') options.other = Number(argv[++i]);
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--runs-large') options.runsLarge = Number(argv[++i]);
    else if (arg === '--profile-n') options.profileN = Number(argv[++i]);
    else if (arg === '--no-profile') options.profile = false;
    else if (arg === '--no-startup') options.startup = false;
    else if (arg === '--snapshot') options.snapshot = true;
    else if (arg === '--md') options.md = argv[++i];
    else throw new Error(`Unknown argument \`${arg}\` (see the comment at the top of test/bench/run.mjs)`);
  }
  if (options.sizes.length === 0) options.sizes.push(10000);
  return options;
}

const log = (text) => process.stderr.write(`${text}\n`);
const fixed = (value, digits) => (value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** A copy of what the CLI runs (dist/, bin/, rules/, package.json), node_modules linked. */
function snapshot() {
  const dir = mkdtempSync(join(tmpdir(), 'coalex-bench-snapshot-'));
  for (const part of ['dist', 'bin', 'rules', 'package.json']) cpSync(join(repo, part), join(dir, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function git(...args) {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'n/a';
}

function lineCount(path) {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : null;
}

/**
 * Runs the CLI once on `dir`; returns the measurement with the output's counts. Exit 0, or 1
 * for rejected inputs, is a success; anything else is kept as `failed` (the first stderr line).
 */
function runCoalex(bin, dir, jobsArgs) {
  const work = mkdtempSync(join(tmpdir(), 'coalex-bench-out-'));
  const out = join(work, 'out');
  try {
    const result = measure(bin, ['extract', dir, '--out', out, '--quiet', ...jobsArgs], { cwd: work });
    if (result.code !== 0 && result.code !== 1) result.failed = `exit ${result.code}: ${result.stderr.split('\n').find((l) => !l.includes(': error: Duplicate id')) ?? ''}`.slice(0, 300);
    result.records = lineCount(join(out, 'coalitions.jsonl'));
    result.rejected = lineCount(join(out, 'rejected.jsonl'));
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runBaseline(dir) {
  const result = measure(baselineScript, [dir], { cwd: repo });
  if (result.code !== 0) throw new Error(`the baseline exited with ${result.code}:\n${result.stderr.slice(0, 2000)}`);
  result.inner = JSON.parse(result.stdout);
  return result;
}

/** Median wall/CPU and peak RSS of a list of measurements. */
function aggregate(list) {
  return {
    runs: list.length,
    wall: median(list.map((m) => m.wall)),
    walls: list.map((m) => m.wall),
    cpu: list.every((m) => m.cpu !== null) ? median(list.map((m) => m.cpu)) : null,
    rssMB: Math.max(...list.map((m) => m.rssMB ?? NaN)),
    first: list[0],
    failed: list.find((m) => m.failed)?.failed ?? null,
  };
}

function benchSize(bin, n, options) {
  const corpus = ensureCorpus(repo, n, options.seed, options.other);
  log(`\n# N = ${n}: ${corpus.dir} (${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.markdown} .md; ${corpus.cached ? 'cached' : `generated in ${corpus.seconds.toFixed(1)} s`}); load ${load()}`);
  const runs = n <= 10000 ? options.runs : options.runsLarge;
  const settings = [
    ['remark-parse baseline', () => runBaseline(corpus.dir)],
    ['coalex --jobs 1', () => runCoalex(bin, corpus.dir, ['--jobs', '1'])],
    ['coalex (default jobs)', () => runCoalex(bin, corpus.dir, [])],
  ];
  const results = new Map(settings.map(([name]) => [name, []]));
  // Round-robin, so that a slow patch of the machine (other processes) hits every setting alike.
  for (let round = 0; round < runs; round++) {
    for (const [name, run] of settings) {
      const m = run();
      results.get(name).push(m);
      log(`  ${name} run ${round + 1}/${runs}: ${m.wall.toFixed(2)} s wall, ${fixed(m.cpu, 2)} s CPU, ${fixed(m.rssMB, 0)} MB${m.records !== undefined ? `, ${m.records} records, ${m.rejected} rejected, ${m.stderrLines} stderr lines, exit ${m.code}` : ''}${m.failed ? ` FAILED ${m.failed}` : ''}; load ${load()}`);
    }
  }
  const rows = [...results.entries()].map(([setting, list]) => ({ n, setting, bytes: corpus.bytes, ...aggregate(list) }));
  for (const row of rows) {
    row.ratio = row.wall / rows[0].wall;
    row.cpuRatio = row.cpu !== null && rows[0].cpu ? row.cpu / rows[0].cpu : null;
  }
  return { corpus, rows };
}

function benchStartup(bin) {
  const help = [];
  for (let i = 0; i < 10; i++) help.push(measure(bin, ['--help'], { cwd: repo }));
  const work = mkdtempSync(join(tmpdir(), 'coalex-bench-start-'));
  cpSync(join(repo, 'input'), join(work, 'input'), { recursive: true });
  const start = [];
  for (let i = 0; i < 5; i++) {
    const m = measure(bin, ['extract'], { cwd: work });
    if (m.code !== 0 && m.code !== 1) throw new Error(`start exited with ${m.code}:\n${m.stderr.slice(0, 2000)}`);
    start.push(m);
  }
  // The same command behind `npm start`, to show what npm itself adds.
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ name: 'coalex-bench-start', private: true, scripts: { start: `node ${JSON.stringify(bin)} extract` } })}\n`);
  const npm = [];
  for (let i = 0; i < 5; i++) {
    const m = measure('npm', ['start', '--silent'], { cwd: work, raw: true });
    if (m.code !== 0 && m.code !== 1) {
      npm.length = 0;
      break;
    }
    npm.push(m);
  }
  const inputs = readdirSync(join(repo, 'input')).length;
  rmSync(work, { recursive: true, force: true });
  return { help: aggregate(help), start: aggregate(start), npm: npm.length > 0 ? aggregate(npm) : null, inputs };
}

/**
 * The sources compiled again with source maps, so that dist/ lines can be named as src/ lines
 * (profile-summary uses a map only where the compiled file equals the profiled one). Done at
 * the start, close to the time dist/ was built or copied.
 */
function compileMaps(work) {
  const maps = join(work, 'maps');
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.build.json'), '--outDir', maps, '--sourceMap'], { cwd: repo, encoding: 'utf8' });
  if (tsc.status === 0) return maps;
  log(`  (source maps not available: tsc exited with ${tsc.status}; locations stay in dist/)`);
  return null;
}

function profileRun(target, options, work, maps) {
  const corpus = ensureCorpus(repo, options.profileN, options.seed, options.other);
  log(`\n# profile: --jobs 1 on N = ${options.profileN} (${work})`);
  const command = [process.execPath, '--cpu-prof', '--cpu-prof-dir', join(work, 'prof'), join(target, 'bin/coalex.js'), 'extract', corpus.dir, '--jobs', '1', '--out', join(work, 'out'), '--quiet'];
  const started = performance.now();
  const run = spawnSync(command[0], command.slice(1), { cwd: work, stdio: ['ignore', 'ignore', 'ignore'] });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`the profiled run exited with ${run.status}`);
  const file = readdirSync(join(work, 'prof')).find((f) => f.endsWith('.cpuprofile'));
  const profilePath = join(work, 'prof', file);
  const summary = summarize(JSON.parse(readFileSync(profilePath, 'utf8')), { root: target, maps, functions: STAGES });
  return { wall, summary, profilePath, command: command.map((c) => c.replace(process.execPath, 'node')).join(' ') };
}

function report(options, sizes, startup, profile, env) {
  const md = [];
  md.push('# coalex benchmark', '');
  md.push(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; commit ${env.head}${env.dirty ? ` + ${env.dirty} changed files` : ''}; seed ${options.seed}, other-page share ${options.other}; peak RSS from ${rssSource === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}; load average at start ${env.loadStart}, at end ${load()}.`);
  md.push('MB = 10^6 bytes of input; wall = median of the runs; CPU = user + system time of all threads (median); ratio = wall / wall of the remark-parse baseline on the same files (CPU ratio likewise, less disturbed by other load on the machine).', '');
  md.push('| N | setting | runs | median wall s | docs/s | MB/s | CPU s | peak RSS MB | ratio to remark | CPU ratio |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { rows } of sizes) {
    for (const row of rows) {
      const failed = row.failed ? ` **failed** (${row.failed.replace(/\|/gu, '\\|')})` : '';
      md.push(`| ${row.n} | ${row.setting}${failed} | ${row.runs} | ${row.wall.toFixed(2)} | ${(row.n / row.wall).toFixed(0)} | ${(row.bytes / 1e6 / row.wall).toFixed(2)} | ${fixed(row.cpu, 2)} | ${fixed(row.rssMB, 0)} | ${row.ratio.toFixed(2)}× | ${row.cpuRatio === null ? 'n/a' : `${row.cpuRatio.toFixed(2)}×`} |`);
    }
  }
  md.push('');
  for (const { corpus, rows } of sizes) {
    const first = rows[1].first;
    md.push(`N = ${corpus.files}: ${(corpus.bytes / 1e6).toFixed(2)} MB, ${corpus.markdown} Markdown files; coalex wrote ${first.records} records and rejected ${first.rejected} (exit ${first.code}, ${first.stderrLines} lines on stderr with --quiet); all walls: ${rows.map((r) => `${r.setting} ${r.walls.map((w) => w.toFixed(2)).join('/')}`).join('; ')}.`);
  }
  if (startup) {
    md.push('', '| command | runs | median wall s | CPU s | peak RSS MB |', '|---|---:|---:|---:|---:|');
    md.push(`| \`node bin/coalex.js --help\` | ${startup.help.runs} | ${startup.help.wall.toFixed(3)} | ${fixed(startup.help.cpu, 3)} | ${fixed(startup.help.rssMB, 0)} |`);
    md.push(`| \`node bin/coalex.js extract\` (= npm start) on a copy of input/ (${startup.inputs} files) | ${startup.start.runs} | ${startup.start.wall.toFixed(3)} | ${fixed(startup.start.cpu, 3)} | ${fixed(startup.start.rssMB, 0)} |`);
    if (startup.npm) md.push(`| \`npm start\` (same command via npm, in the temp folder) | ${startup.npm.runs} | ${startup.npm.wall.toFixed(3)} | ${fixed(startup.npm.cpu, 3)} | ${fixed(startup.npm.rssMB, 0)} |`);
  }
  if (sizes.length > 1) {
    // Per-document cost: wall/N at each N, and the marginal cost between successive sizes,
    // (wall(N2) − wall(N1)) / (N2 − N1), which leaves out the fixed start-up cost.
    const marginal = sizes.slice(1).map((s, j) => `${sizes[j].corpus.files}→${s.corpus.files}`);
    md.push('', 'Cost per document, ms/doc (wall/N; marginal = (wall(N2) − wall(N1)) / (N2 − N1); change = last marginal / first marginal − 1):', '');
    md.push(`| setting | ${sizes.map((s) => `N = ${s.corpus.files}`).join(' | ')} | ${marginal.map((m) => `marginal ${m}`).join(' | ')} | change |`);
    md.push(`|---|${sizes.map(() => '---:').join('|')}|${marginal.map(() => '---:').join('|')}|---:|`);
    for (let i = 0; i < 3; i++) {
      const raw = sizes.map(({ rows }) => (rows[i].wall * 1000) / rows[i].n);
      const steps = sizes.slice(1).map(({ rows }, j) => ((rows[i].wall - sizes[j].rows[i].wall) * 1000) / (rows[i].n - sizes[j].rows[i].n));
      const change = steps.length > 1 ? `${((steps[steps.length - 1] / steps[0] - 1) * 100).toFixed(0)}%` : 'n/a';
      md.push(`| ${sizes[0].rows[i].setting} | ${raw.map((c) => c.toFixed(2)).join(' | ')} | ${steps.map((c) => c.toFixed(2)).join(' | ')} | ${change} |`);
    }
    // CPU time per document is less disturbed by other processes on the machine than wall time.
    md.push('', 'CPU time per document, ms/doc (CPU/N; marginal as above):', '');
    md.push(`| setting | ${sizes.map((s) => `N = ${s.corpus.files}`).join(' | ')} | ${marginal.map((m) => `marginal ${m}`).join(' | ')} | change |`);
    md.push(`|---|${sizes.map(() => '---:').join('|')}|${marginal.map(() => '---:').join('|')}|---:|`);
    for (let i = 0; i < 3; i++) {
      if (sizes.some(({ rows }) => rows[i].cpu === null)) continue;
      const raw = sizes.map(({ rows }) => (rows[i].cpu * 1000) / rows[i].n);
      const steps = sizes.slice(1).map(({ rows }, j) => ((rows[i].cpu - sizes[j].rows[i].cpu) * 1000) / (rows[i].n - sizes[j].rows[i].n));
      const change = steps.length > 1 ? `${((steps[steps.length - 1] / steps[0] - 1) * 100).toFixed(0)}%` : 'n/a';
      md.push(`| ${sizes[0].rows[i].setting} | ${raw.map((c) => c.toFixed(2)).join(' | ')} | ${steps.map((c) => c.toFixed(2)).join(' | ')} | ${change} |`);
    }
  }
  if (profile) {
    md.push('', `## CPU profile: \`${profile.command}\``, '', `Wall ${profile.wall.toFixed(1)} s under the profiler; profile kept at ${profile.profilePath}.`, '');
    md.push(renderSummary(profile.summary, 15));
  }
  return `${md.join('\n')}\n`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(repo, 'dist/cli.js'))) {
    log('The build is missing: run `npm run build` first.');
    process.exit(2);
  }
  const env = { head: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain').split('\n').filter(Boolean).length, loadStart: load() };
  const target = options.snapshot ? snapshot() : repo;
  const profileWork = options.profile ? mkdtempSync(join(tmpdir(), 'coalex-bench-profile-')) : null;
  const maps = options.profile ? compileMaps(profileWork) : null;
  const bin = join(target, 'bin/coalex.js');
  log(`coalex bench: sizes ${options.sizes.join(', ')}; code from ${target}; RSS via ${rssSource}`);
  mkdirSync(join(tmpdir(), 'coalex-bench'), { recursive: true });
  try {
    const sizes = options.sizes.map((n) => benchSize(bin, n, options));
    let startup = null;
    if (options.startup) {
      log('\n# start-up: --help ×10, extract on input/ ×5, npm start ×5');
      startup = benchStartup(bin);
    }
    const profile = options.profile ? profileRun(target, options, profileWork, maps) : null;
    const text = report(options, sizes, startup, profile, env);
    process.stdout.write(`\n${text}`);
    if (options.md) writeFileSync(options.md, text);
    const json = join(tmpdir(), 'coalex-bench', `results-${Date.now()}.json`);
    writeFileSync(json, `${JSON.stringify({ options, env, sizes: sizes.map((s) => ({ corpus: s.corpus, rows: s.rows.map(({ first, ...row }) => ({ ...row, records: first.records, rejected: first.rejected })) })), startup }, null, 2)}\n`);
    log(`\n(raw results: ${json})`);
  } finally {
    if (options.snapshot) rmSync(target, { recursive: true, force: true });
  }
}

await main();
