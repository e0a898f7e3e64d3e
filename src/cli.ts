/**
 * The command line: the only module that knows about argv, streams and exit codes.
 * Command modules are imported when their command runs, so `--help` stays fast.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, type Io } from './commands/io.js';
import type { ExtractOptions } from './commands/extract.js';
import type { ReportOptions } from './commands/diff.js';
import type { OutputFormat } from './output/dataset.js';
import { toolVersion } from './version.js';

/** Default upper limit of an input's size: 10 MiB (the largest real page is a few hundred kB). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

interface CommonFlags {
  out: string;
  rules?: string;
  format: string;
  jobs?: string;
  quiet?: boolean;
  json?: boolean;
  debug?: boolean;
  strict?: boolean;
  csvExcel?: boolean;
  maxBytes?: string;
}

class UsageError extends Error {}

/** The options of extract, check and eval; check's --format names the report format instead of the dataset formats. */
function common(command: Command, datasetFormats = true): Command {
  command.option('--out <dir>', 'output folder', 'output').option('--rules <dir>', 'rules folder (default: the bundled rules/)');
  if (datasetFormats) command.option('--format <list>', 'output formats: any of json,jsonl,csv', 'json,jsonl,csv');
  return command
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--max-bytes <n>', `reject inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option('--csv-excel', 'CSV for Dutch Excel: BOM and ; separators')
    .option('--strict', 'warnings also make the exit code 1')
    .option('--quiet', 'print errors only')
    .option('--json', 'machine-readable messages on stdout')
    .option('--debug', 'show internal details of errors');
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`Option ${name} expects a whole number of at least 1, got \`${value}\``);
  return Number(value);
}

async function extractOptions(paths: string[], flags: CommonFlags, env: NodeJS.ProcessEnv): Promise<ExtractOptions> {
  const formats = flags.format.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.find((f) => !['json', 'jsonl', 'csv'].includes(f));
  if (bad || formats.length === 0) throw new UsageError(`Option --format expects any of json,jsonl,csv, got \`${flags.format}\``);
  const { bundledRulesDir } = await import('./rules/load.js');
  return {
    paths: paths.length > 0 ? paths : ['input'],
    out: flags.out,
    rulesDir: flags.rules ?? bundledRulesDir,
    rulesLabel: flags.rules ?? 'rules',
    formats: formats as OutputFormat[],
    jobs: flags.jobs === undefined ? null : positiveInt(flags.jobs, '--jobs', 1),
    maxBytes: positiveInt(flags.maxBytes, '--max-bytes', DEFAULT_MAX_BYTES),
    csvExcel: flags.csvExcel ?? false,
    strict: flags.strict ?? false,
    ci: Boolean(env.CI),
  };
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], streams: { stdout: NodeJS.WritableStream & { isTTY?: boolean }; stderr: NodeJS.WritableStream & { isTTY?: boolean } } = process, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  let code: number = EXIT.ok;
  const io = (flags: { quiet?: boolean; json?: boolean; debug?: boolean }): Io => ({
    out: (text) => void streams.stdout.write(text),
    err: (text) => void streams.stderr.write(text),
    tty: Boolean(streams.stderr.isTTY),
    quiet: flags.quiet ?? false,
    json: flags.json ?? false,
    debug: flags.debug ?? false,
    cwd,
  });

  /** Report options of diff and check; colour only for a terminal, and not with NO_COLOR. */
  const reportOptions = (format: ReportOptions['format'] | null, flags: { format: string; output?: string }): ReportOptions => {
    if (format === null) throw new UsageError(`Option --format expects one of text, markdown, json, got \`${flags.format}\``);
    return { format, output: flags.output ?? null, color: Boolean(streams.stdout.isTTY) && !env.NO_COLOR };
  };

  const program = new Command('coalex')
    .description('Turns Dutch texts about local coalitions against loneliness into a validated dataset.')
    .version(toolVersion(), '--version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void streams.stdout.write(s), writeErr: (s) => void streams.stderr.write(s) });

  common(program.command('extract').description('extract the inputs (default: input/) into --out').argument('[paths...]'))
    .option('--report', 'also write report.html, the review page, into --out')
    .action(async (paths: string[], flags: CommonFlags & { report?: boolean }) => {
      const { extractCommand } = await import('./commands/extract.js');
      code = await extractCommand({ ...(await extractOptions(paths, flags, env)), report: flags.report ?? false }, io(flags));
    });
  common(program.command('check').description('like extract, but write nothing; exit 1 when --out is stale, with a report of what changed').argument('[paths...]'), false)
    .option('--format <format>', 'report format when --out is stale: text, markdown or json', 'text')
    .option('--output <file>', 'write the report to this file (on every run) instead of stdout')
    .action(async (paths: string[], flags: CommonFlags & { output?: string }) => {
      const { checkCommand, committedFormats } = await import('./commands/extract.js');
      const { checkReport, parseReportFormat } = await import('./commands/diff.js');
      const report = reportOptions(parseReportFormat(flags.format), flags);
      // The dataset formats are the ones extract wrote into the committed folder.
      const options = await extractOptions(paths, { ...flags, format: committedFormats(flags.out, cwd).join(',') }, env);
      const label = `extraction of ${options.paths.join(' ')}`;
      code = await checkCommand(options, io(flags), (records, stale) => checkReport(options.out, records, stale, { ...report, label }, io(flags)));
    });
  program
    .command('diff')
    .description('compare two datasets (folders, coalitions.json or .jsonl files, or git:<rev>); exit 1 when they differ')
    .argument('<old>', 'the old dataset')
    .argument('<new>', 'the new dataset')
    .option('--format <format>', 'report format: text, markdown or json', 'text')
    .option('--output <file>', 'write the report to this file instead of stdout')
    .option('--quiet', 'print no report, only errors; the exit code tells')
    .action(async (old: string, now: string, flags: { format: string; output?: string; quiet?: boolean }) => {
      const { diffCommand, parseReportFormat } = await import('./commands/diff.js');
      code = diffCommand(old, now, reportOptions(parseReportFormat(flags.format), flags), io(flags));
    });
  common(program.command('report').description('extract the inputs (default: input/) and write only <out>/report.html, a review page').argument('[paths...]')).action(
    async (paths: string[], flags: CommonFlags) => {
      const { reportCommand } = await import('./commands/report.js');
      code = await reportCommand(await extractOptions(paths, flags, env), io(flags));
    },
  );
  program
    .command('validate')
    .description('validate records (a folder, .json or .jsonl) against the schema')
    .argument('<path>')
    .option('--quiet', 'print errors only')
    .option('--json', 'machine-readable result on stdout')
    .action(async (path: string, flags: CommonFlags) => {
      const { validateCommand } = await import('./commands/validate.js');
      await (await import('./schema/validators.js')).loadGenerated();
      code = validateCommand(path, io(flags));
    });
  program
    .command('schema')
    .description('print the record JSON Schema')
    .action(async () => {
      const { recordSchema } = await import('./schema/record.js');
      streams.stdout.write(`${JSON.stringify(recordSchema, null, 2)}\n`);
    });
  common(program.command('eval').description('score extraction against gold files').argument('[paths...]'))
    .requiredOption('--gold <dir>', 'folder of <input-stem>.gold.json files')
    .option('--min-f1 <x>', 'exit 1 when the overall micro F1 is below this')
    .option('--details', 'list per document the gold values missed (-) and the extra values (+)')
    .action(async (paths: string[], flags: CommonFlags & { gold: string; minF1?: string; details?: boolean }) => {
      const { evalCommand } = await import('./commands/eval.js');
      const minF1 = flags.minF1 === undefined ? null : Number(flags.minF1);
      if (minF1 !== null && !(minF1 >= 0 && minF1 <= 1)) throw new UsageError(`Option --min-f1 expects a number from 0 to 1, got \`${flags.minF1}\``);
      code = await evalCommand({ ...(await extractOptions(paths, flags, env)), gold: flags.gold, minF1, details: flags.details ?? false }, io(flags));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      streams.stderr.write(`coalex: ${error.message}\n`);
      return EXIT.usage;
    }
    streams.stderr.write(`coalex: internal error: ${(error as Error).message}\n`);
    if (argv.includes('--debug')) streams.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
  return code;
}

