import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { listInputs } from './inputs';
import type { BatchOptionsParsed } from './options';
import { DigestSet } from './digestSet';
import { FileError, ioMessage } from './outcome';
import { WorkerPool } from './pool';
import { ProgressState } from './progress';
import { encodeKind } from './kinds';
import { openSink } from './sinks';
import { BatchSummary, failedCount } from './summary';

/**
 * One batch run, as the coordinator thread runs it (coordinator.ts): reads and hashes each file in name order,
 * skips what OUT already holds and what this run has already sent (the same bytes under another name), hands the
 * file to a parse worker and writes what comes back. At most IN_FLIGHT_PER_JOB × jobs files are in flight, and
 * records are written as they arrive, so memory does not grow with the number of files; output is in the order
 * files finish.
 */

export interface RunHooks {
  /** The line that opens the run (files, OUT, workers). */
  start?: (line: string) => void;
  /** After every file. */
  progress?: (p: ProgressState) => void;
  /** Aborting stops the run cleanly: what is written stays, and running the same batch again goes on from there. */
  signal?: AbortSignal;
}

type Input = { sha256: string } | { error: FileError };

const MB = 1024 * 1024;
/** Files read ahead per worker: enough that a worker never waits for the coordinator, few enough to bound memory. */
const IN_FLIGHT_PER_JOB = 4;

/**
 * The coordinator reads each file only to hash it, through this one buffer, and the worker reads it again from
 * the page cache: no file's bytes become garbage here (young.ts), and a 50 MB scan is never held whole.
 */
const scratch = Buffer.allocUnsafe(MB);

/**
 * Synchronous on purpose: a report is read from the page cache in tens of microseconds, where fs.promises takes
 * several trips through the thread pool per file, and the workers starved waiting for the next one.
 */
export function hashInput(file: string, maxMemoryMb: number): Input {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const hash = createHash('sha256');
    let size = 0;
    for (let n; (n = fs.readSync(fd, scratch, 0, scratch.length, null)) > 0; size += n) hash.update(scratch.subarray(0, n));
    const sha256 = hash.digest('hex');
    if (size > maxMemoryMb * MB) {
      const message = `the file is ${Math.ceil(size / MB)} MB, more than --max-memory ${maxMemoryMb} MB`;
      return { error: { path: file, sha256, code: 'TOO_LARGE', message } };
    }
    return { sha256 };
  } catch (e) {
    return { error: { path: file, sha256: null, code: 'IO', message: ioMessage(e) } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export async function runBatch(opts: BatchOptionsParsed, io: RunHooks = {}): Promise<BatchSummary> {
  const started = Date.now();
  const files = listInputs(opts.inputs);
  const sink = openSink(opts);
  const summary: BatchSummary = {
    out: opts.out, files: files.length, alreadyDone: 0, duplicates: 0, parsed: 0, withFailedChecks: 0, failed: {},
    seconds: 0, interrupted: false,
  };
  io.start?.(`nianbao batch: ${files.length} files → ${opts.out}${sink.known.size ? ` (${sink.known.size} records already in it)` : ''}, ${opts.jobs} workers`);

  let fatal: Error | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    void pool.close();
  };
  const halt = (e: unknown) => {
    fatal ??= e instanceof Error ? e : new Error(String(e));
    stop();
  };
  const interrupt = () => {
    summary.interrupted = true;
    stop();
  };
  const pool = new WorkerPool({
    size: opts.jobs, kind: encodeKind(opts), timeoutMs: opts.timeout * 1000, maxMemoryMb: opts.maxMemory, onFatal: halt,
  });
  if (io.signal?.aborted) interrupt();
  io.signal?.addEventListener('abort', interrupt);

  let done = 0;
  const tick = () => {
    done++;
    io.progress?.({ done, total: files.length, failed: failedCount(summary) });
  };
  const fail = (e: FileError) => {
    sink.writeError(e);
    summary.failed[e.code] = (summary.failed[e.code] ?? 0) + 1;
  };

  const sent = new DigestSet(files.length); // hashes of this run's files, to parse the same bytes once
  const inflight = new Set<Promise<void>>();
  const full = () => inflight.size >= opts.jobs * IN_FLIGHT_PER_JOB;
  try {
    for (const file of files) {
      while (full() && !stopped) await Promise.race(inflight);
      if (stopped) break;
      const input = hashInput(file, opts.maxMemory);
      const sha = 'error' in input ? input.error.sha256 : input.sha256;
      if (sha ? sink.known.has(sha) : sink.unreadable.has(file)) {
        summary.alreadyDone++;
        tick();
      } else if (sha && sent.has(sha)) {
        summary.duplicates++;
        tick();
      } else if ('error' in input) {
        if (sha) sent.add(sha);
        fail(input.error);
        tick();
      } else {
        sent.add(input.sha256);
        const job: Promise<void> = pool.run(file).then((outcome) => {
          if (!outcome) return; // stopped before it was parsed: a resumed run parses it
          if (outcome.ok) {
            sink.writeReport(outcome.payload);
            pool.recycle(outcome.payload);
            summary.parsed++;
            if (outcome.failedChecks > 0) summary.withFailedChecks++;
          } else fail({ path: file, sha256: input.sha256, code: outcome.code, message: outcome.message });
          tick();
        }).catch(halt).finally(() => {
          inflight.delete(job);
        });
        inflight.add(job);
      }
    }
    await Promise.all(inflight);
  } catch (e) {
    halt(e);
  } finally {
    io.signal?.removeEventListener('abort', interrupt);
    await pool.close();
    sink.close();
  }
  if (fatal) throw fatal;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
