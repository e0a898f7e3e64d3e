/**
 * The benchmark corpus: N composed documents in a folder under os.tmpdir(), cached per N,
 * seed and generator fingerprint (the generator's code and its source texts), so repeated
 * runs reuse it. Document i depends only on (seed, i): the 1,000-document corpus is the
 * first 1,000 documents of the 10,000 one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument } from './compose.mjs';
import { createRandom } from './random.mjs';
import { buildPools, firstNames, municipalities, sourceFiles } from './sources.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const MARKER = '.complete.json';

/** Hash of everything that decides the corpus' bytes: the generator's code and the material it draws from. */
function fingerprint(files, register, names) {
  const hash = createHash('sha256');
  for (const name of ['compose.mjs', 'corpus.mjs', 'random.mjs', 'sources.mjs']) hash.update(readFileSync(join(here, name)));
  for (const file of files) hash.update(file.path).update('\0').update(file.text);
  hash.update(JSON.stringify(register)).update(JSON.stringify(names));
  return hash.digest('hex').slice(0, 10);
}

/**
 * Ensures the corpus of `n` documents exists; returns `{ dir, files, bytes, markdown, cached, seconds }`.
 * `otherShare`: the share of documents titled as other pages (see composeDocument).
 */
export function ensureCorpus(repo, n, seed, otherShare = 0) {
  const files = sourceFiles(repo);
  const register = municipalities(repo);
  const names = firstNames(repo);
  const root = join(tmpdir(), 'coalex-bench');
  const dir = join(root, `corpus-n${n}-s${seed}${otherShare > 0 ? `-other${otherShare}` : ''}-${fingerprint(files, register, names)}`);
  if (existsSync(join(dir, MARKER))) return { dir, ...JSON.parse(readFileSync(join(dir, MARKER), 'utf8')), cached: true, seconds: 0 };
  const started = performance.now();
  const pools = buildPools(files);
  const building = `${dir}.tmp-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const stats = { files: n, bytes: 0, markdown: 0 };
  for (let index = 0; index < n; index++) {
    const random = createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const doc = composeDocument(index, random, pools, register, names, otherShare);
    writeFileSync(join(building, doc.name), doc.bytes);
    stats.bytes += doc.bytes.length;
    if (doc.name.endsWith('.md')) stats.markdown++;
  }
  writeFileSync(join(building, MARKER), `${JSON.stringify(stats)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir, ...stats, cached: false, seconds: (performance.now() - started) / 1000 };
}
