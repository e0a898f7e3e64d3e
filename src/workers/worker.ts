/** A worker thread: loads the rules once, then extracts the inputs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { runOne } from '../batch.js';
import { loadGenerated } from '../schema/validators.js';
import type { Reply, Task } from './pool.js';

const { rulesDir, maxBytes } = workerData as { rulesDir: string; maxBytes: number };
const port = parentPort!;
port.on('message', (task: Task) => {
  if ('stop' in task) {
    port.close();
    return;
  }
  void runOne(task.path, task.shown, rulesDir, maxBytes).then((result) => port.postMessage({ index: task.index, result } satisfies Reply));
});
void loadGenerated().then(() => port.postMessage({ ready: true } satisfies Reply));
