/** A worker thread: loads the rules once, then extracts the chunks of inputs it is given, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { runInputs, type Result } from '../batch.js';
import { loadGenerated } from '../schema/validators.js';
import type { Reply, Task } from './pool.js';

const { rulesDir, maxBytes, uniqueIds } = workerData as { rulesDir: string; maxBytes: number; uniqueIds: boolean };
/** Ids of the records this thread has given. */
const ownIds = new Set<string>();
const port = parentPort!;
/** Chunks of inputs arrive ahead of time (so the thread never waits for the next one); they run in order, never interleaved. */
const queue: Extract<Task, { index: number }>[] = [];
let running = false;
let stopping = false;

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  for (let task = queue.shift(); task; task = queue.shift()) {
    const results: Result[] = [];
    for await (const result of runInputs(task.inputs, rulesDir, maxBytes)) {
      if (result.record) {
        result.id = result.record.id;
        // This thread takes inputs in path order: a record whose id it has given before can never
        // be in the dataset (the main thread rejects it), so only its id crosses.
        if (!(uniqueIds && ownIds.has(result.id))) {
          // The record crosses as one JSON string: cloning it as an object costs the main thread more.
          result.recordJson = JSON.stringify(result.record);
        }
        ownIds.add(result.id);
        result.record = null;
      }
      results.push(result);
    }
    port.postMessage({ index: task.index, results } satisfies Reply);
  }
  running = false;
  if (stopping) port.close();
}

port.on('message', (task: Task) => {
  if ('stop' in task) stopping = true;
  else queue.push(task);
  void drain();
});
void loadGenerated().then(() => port.postMessage({ ready: true } satisfies Reply));
