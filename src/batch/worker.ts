import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NianbaoError } from '../errors';
import { parseBuffer } from '../pipeline';
import { ioMessage, WorkerOutcome } from './outcome';
import { JobMessage, MainMessage, TEST_DELAY_ENV, WorkerMessage, WorkerSetup } from './protocol';
import { encoders } from './sinks/encoders';
import { youngCollector } from './young';

/**
 * A batch worker thread: parses one file at a time and sends back its record already encoded for the output
 * kind, or why it could not be read. Runs from dist/ (the pool starts dist/batch/worker.js).
 */

const port = parentPort!;
const encode = encoders[(workerData as WorkerSetup).kind];
const testDelay = Number(process.env[TEST_DELAY_ENV] ?? 0);

const utf8 = new TextEncoder();
/** Between reports, every few: each one's garbage is dead by then (young.ts). */
const collectYoung = youngCollector(4);

function read(file: string): Uint8Array | WorkerOutcome {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    return { ok: false, code: 'IO', message: ioMessage(e) };
  }
}

async function parse(job: JobMessage): Promise<WorkerOutcome> {
  const bytes = job.bytes ? new Uint8Array(job.bytes) : read(job.path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  try {
    const record = await parseBuffer(bytes, { path: job.path });
    const encoded = encode(record);
    // Text goes as UTF-8 bytes, transferred: no copy on the way, and the coordinator writes them as they are.
    const payload = typeof encoded === 'string' ? utf8.encode(encoded) : encoded;
    return { ok: true, payload, failedChecks: record.checks.filter((c) => !c.ok).length };
  } catch (e) {
    if (e instanceof NianbaoError) return { ok: false, code: e.code, message: e.message };
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, code: 'INTERNAL', message: `nianbao failed on this file (a bug; please report it with the file): ${why}` };
  }
}

async function run(job: JobMessage): Promise<void> {
  // Blocks like a parser stuck in a loop would, so the time limit is tested on the real thing.
  if (testDelay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, testDelay);
  const outcome = await parse(job);
  const transfer = outcome.ok && outcome.payload instanceof Uint8Array ? [outcome.payload.buffer as ArrayBuffer] : [];
  port.postMessage({ type: 'done', id: job.id, outcome } satisfies WorkerMessage, transfer);
  collectYoung();
}

// The pool sends files ahead; they are parsed strictly one after another, in the order sent (the pool's time limit
// runs for the first file it has not heard back about).
let queue = Promise.resolve();
port.on('message', (m: MainMessage) => {
  // Spent records need nothing done: arriving here, they are this thread's garbage, freed by its collections.
  if (m.type === 'job') queue = queue.then(() => run(m));
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
