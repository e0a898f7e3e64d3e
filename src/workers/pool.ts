/** Runs inputs on worker threads; results come back in input order, whatever the timing. */
import { Worker } from 'node:worker_threads';
import type { BatchOptions, Result } from '../batch.js';

/** Message from the main thread to a worker. */
export type Task = { index: number; path: string; shown: string } | { stop: true };
/** Message from a worker to the main thread. */
export type Reply = { index: number; result: Result } | { ready: true };

/** Inputs a worker holds at once: the one it works on and the next, so it never waits for a message. */
const AHEAD = 2;

/** Processes `inputs` on `jobs` workers, each taking the next input as it finishes one. */
export function runOnWorkers(
  inputs: { path: string; shown: string }[],
  options: BatchOptions,
  jobs: number,
  onProgress?: (done: number) => void,
  onResult?: (result: Result) => void,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(inputs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const feed = (worker: Worker): void => {
      if (next < inputs.length) {
        const index = next++;
        worker.postMessage({ index, ...inputs[index]! } satisfies Task);
      } else worker.postMessage({ stop: true } satisfies Task);
    };
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { rulesDir: options.rulesDir, maxBytes: options.maxBytes } });
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        if ('result' in reply) {
          onResult?.(reply.result);
          results[reply.index] = reply.result;
          done++;
          onProgress?.(done);
          if (done === inputs.length) resolve(results);
          feed(worker);
        } else for (let k = 0; k < AHEAD; k++) feed(worker);
      });
      worker.on('error', (error) => {
        for (const w of workers) void w.terminate();
        reject(error);
      });
    }
    if (inputs.length === 0) resolve(results);
  });
}
