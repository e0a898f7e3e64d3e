#!/usr/bin/env node
// The coalex executable: connects the process (arguments, streams, exit code) to the CLI module.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('coalex: the TypeScript build is missing (dist/). Run `npm ci` or `npm run build` first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
