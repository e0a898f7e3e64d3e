/**
 * `node rss-wrapper.mjs <usage.json> <script> [args...]`: runs a node script in this process,
 * as if started directly, and writes `process.resourceUsage()` (maxRSS in kB, CPU times in µs)
 * to <usage.json> at exit. Used when /usr/bin/time is not installed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [usageFile, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeFileSync(usageFile, JSON.stringify(process.resourceUsage())));
await import(pathToFileURL(resolve(script)).href);
