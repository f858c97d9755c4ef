import { parentPort, workerData } from 'node:worker_threads';
import { NianbaoError } from '../errors';
import { ControlMessage, CoordinatorMessage, CoordinatorSetup } from './protocol';
import { runBatch } from './run';

/**
 * The batch coordinator thread: runs the batch (run.ts) and reports to the thread that called batch() (index.ts).
 * Started from dist/ like the parse workers, which it starts in turn.
 */

const port = parentPort!;
const { options, progressMs } = workerData as CoordinatorSetup;
const post = (m: CoordinatorMessage) => port.postMessage(m);

const controller = new AbortController();
port.on('message', (m: ControlMessage) => {
  if (m.type === 'abort') controller.abort();
});

// Sent only as often as the caller draws it: every message is work on the caller's thread.
let last = Date.now();

runBatch(options, {
  signal: controller.signal,
  start: (line) => post({ type: 'start', line }),
  progress: progressMs === undefined ? undefined : (state) => {
    const now = Date.now();
    if (now - last < progressMs) return;
    last = now;
    post({ type: 'progress', state });
  },
}).then(
  (summary) => post({ type: 'done', summary }),
  (e: unknown) => post({
    type: 'failed',
    error: e instanceof NianbaoError ? { code: e.code, file: e.file, message: e.message } : { message: e instanceof Error ? e.message : String(e) },
  }),
).finally(() => port.close());
