/**
 * `node baseline.mjs <dir>`: the bare baseline coalex is compared with. In one thread, reads
 * every input file under <dir> (the extensions coalex reads, sorted) as UTF-8 and parses it
 * with `unified().use(remarkParse)`, nothing else. Prints `{ files, bytes, seconds }` as JSON,
 * `seconds` being the read+parse loop alone (the caller times the whole process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const EXTENSIONS = /\.(?:txt|md|html?)$/iu;

function collect(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, found);
    else if (EXTENSIONS.test(entry.name)) found.push(path);
  }
  return found;
}

const started = performance.now();
// One processor for all files, as coalex keeps one per format.
const processor = unified().use(remarkParse);
let bytes = 0;
let nodes = 0;
const files = collect(process.argv[2]);
for (const path of files) {
  const text = readFileSync(path, 'utf8');
  bytes += Buffer.byteLength(text);
  nodes += processor.parse(text).children.length; // keep the tree observable, so the parse is not dead code
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, nodes, seconds: (performance.now() - started) / 1000 })}\n`);
