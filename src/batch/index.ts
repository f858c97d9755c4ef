import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { NianbaoError } from '../errors';
import { BatchOptions, BatchOptionsInput } from './options';
import { Progress } from './progress';
import { ControlMessage, CoordinatorMessage, CoordinatorSetup } from './protocol';
import { BatchSummary } from './summary';
import { workerScript } from './pool';

/**
 * `nianbao batch`: every report file under the arguments → one OUT (JSON Lines, CSV or SQLite), parsed on worker
 * threads (run.ts). The run is coordinated from a thread of its own, so the caller's thread does nothing per file:
 * its event loop stays free, and a long run keeps the memory of a short one. A thread's young generation grows
 * with everything that ever survived its collections (young.ts), and a coordinator handles something for every
 * file; its own is held to COORDINATOR_YOUNG_MB, which is plenty, since it keeps nothing of a file once written.
 */

export interface BatchIo {
  /** Where progress goes (a bar on a terminal, plain lines otherwise); nothing is printed without it. */
  stderr?: Writable;
  /** Aborting stops the run cleanly: what is written stays, and running the same batch again goes on from there. */
  signal?: AbortSignal;
}

/** Young generation of the coordinator thread (V8 gives a third of it to each semi-space: 1 MB each). */
const COORDINATOR_YOUNG_MB = 3;

function parseOptions(options: BatchOptionsInput) {
  const parsed = BatchOptions.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const message = issue.code === 'unrecognized_keys' ? z.prettifyError(parsed.error) : issue.message;
  throw new NianbaoError('USAGE', 'batch', `batch: ${message}`);
}

export async function batch(options: BatchOptionsInput, io: BatchIo = {}): Promise<BatchSummary> {
  const opts = parseOptions(options);
  const progress = io.stderr ? new Progress(io.stderr, opts.logEvery * 1000) : undefined;
  const coordinator = new Worker(workerScript('coordinator.js'), {
    workerData: { options: opts, progressMs: progress?.periodMs } satisfies CoordinatorSetup,
    resourceLimits: { maxYoungGenerationSizeMb: COORDINATOR_YOUNG_MB },
  });
  const abort = () => coordinator.postMessage({ type: 'abort' } satisfies ControlMessage);
  if (io.signal?.aborted) abort();
  io.signal?.addEventListener('abort', abort);
  try {
    return await new Promise<BatchSummary>((resolve, reject) => {
      let result: { summary: BatchSummary } | { error: Error } | undefined;
      coordinator.on('message', (m: CoordinatorMessage) => {
        if (m.type === 'start') io.stderr?.write(`${m.line}\n`);
        else if (m.type === 'progress') progress?.show(m.state);
        else if (m.type === 'done') result = { summary: m.summary };
        else {
          const { code, file, message } = m.error;
          result = { error: code && file !== undefined ? new NianbaoError(code, file, message) : new Error(message) };
        }
      });
      coordinator.on('error', (e) => (result ??= { error: e }));
      coordinator.on('exit', (code) => {
        if (!result) reject(new Error(`the batch coordinator stopped (exit code ${code})`));
        else if ('error' in result) reject(result.error);
        else resolve(result.summary);
      });
    });
  } finally {
    io.signal?.removeEventListener('abort', abort);
    progress?.end();
  }
}

export { BatchOptions } from './options';
export type { BatchOptionsInput } from './options';
export { formatSummary } from './summary';
export type { BatchSummary } from './summary';
export type { BatchErrorCode, ErrorRecord } from './outcome';
