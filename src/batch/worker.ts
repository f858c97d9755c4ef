import { parentPort, workerData } from 'node:worker_threads';
import { NianbaoError } from '../errors';
import { parseBuffer } from '../pipeline';
import { WorkerOutcome } from './outcome';
import { JobMessage, TEST_DELAY_ENV, WorkerMessage, WorkerSetup } from './protocol';
import { encoders } from './sinks';

/**
 * A batch worker thread: parses one file at a time and sends back its record already encoded for the output
 * kind, or why it could not be read. Runs from dist/ (the pool starts dist/batch/worker.js).
 */

const port = parentPort!;
const encode = encoders[(workerData as WorkerSetup).kind];
const testDelay = Number(process.env[TEST_DELAY_ENV] ?? 0);

async function parse(job: JobMessage): Promise<WorkerOutcome> {
  try {
    const record = await parseBuffer(new Uint8Array(job.bytes), { path: job.path });
    return { ok: true, payload: encode(record), failedChecks: record.checks.filter((c) => !c.ok).length };
  } catch (e) {
    if (e instanceof NianbaoError) return { ok: false, code: e.code, message: e.message };
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, code: 'INTERNAL', message: `nianbao failed on this file (a bug; please report it with the file): ${why}` };
  }
}

port.on('message', (job: JobMessage) => {
  // Blocks like a parser stuck in a loop would, so the time limit is tested on the real thing.
  if (testDelay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, testDelay);
  void parse(job).then((outcome) => port.postMessage({ type: 'done', id: job.id, outcome } satisfies WorkerMessage));
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
