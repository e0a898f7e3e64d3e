/** Loads one side of a diff: read its bytes, then split them into records. */
import { parseDataset } from './parse.js';
import { readSide } from './read.js';
import type { Dataset } from './types.js';

/** The dataset `spec` names (folder, .json/.jsonl file, or `git:<rev>`), relative to `cwd`; throws DatasetError. */
export function loadDataset(spec: string, cwd: string): Dataset {
  return { label: spec, entries: parseDataset(spec, readSide(spec, cwd)) };
}
