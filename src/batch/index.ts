import { createHash } from 'node:crypto';
import fs, { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { NianbaoError } from '../errors';
import { listInputs } from './inputs';
import { BatchOptions, BatchOptionsInput } from './options';
import { FileError } from './outcome';
import { WorkerPool } from './pool';
import { Progress } from './progress';
import { encodeKind, openSink } from './sinks';
import { BatchSummary, failedCount } from './summary';
import { youngCollector } from './young';

/**
 * `nianbao batch`: every report file under the arguments → one OUT (JSON Lines, CSV or SQLite), parsed on worker
 * threads. The main thread reads and hashes each file in name order, skips what OUT already holds and what this
 * run has already sent (the same bytes under another name), hands the bytes to a worker and writes what comes
 * back. At most IN_FLIGHT_PER_JOB × jobs files are in flight, and records are written as they arrive, so memory does not grow
 * with the number of files; output is in the order files finish.
 */

export interface BatchIo {
  /** Where progress goes (a bar on a terminal, plain lines otherwise); nothing is printed without it. */
  stderr?: Writable;
  /** Aborting stops the run cleanly: what is written stays, and running the same batch again goes on from there. */
  signal?: AbortSignal;
}

type Input = { bytes: ArrayBuffer; sha256: string } | { error: FileError };

const MB = 1024 * 1024;
/** Files read ahead per worker: enough that a worker never waits for the main thread, few enough to bound memory. */
const IN_FLIGHT_PER_JOB = 4;
/** And never more than this many bytes of them (archives hold 50 MB scans), unless a single file is larger. */
const IN_FLIGHT_BYTES = 128 * MB;

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Synchronous on purpose: a report is read from the page cache in tens of microseconds, where fs.promises takes
 * several trips through the thread pool per file, and the workers starved waiting for the next one.
 */
async function readInput(file: string, maxMemoryMb: number): Promise<Input> {
  try {
    const st = fs.statSync(file);
    if (st.size > maxMemoryMb * MB) {
      const message = `the file is ${Math.ceil(st.size / MB)} MB, more than --max-memory ${maxMemoryMb} MB`;
      return { error: { path: file, sha256: await hashFile(file), code: 'TOO_LARGE', message } };
    }
    const buf = fs.readFileSync(file);
    const sha256 = createHash('sha256').update(buf).digest('hex');
    // Sent to a worker as an ArrayBuffer of its own (a Buffer may be a view into a larger, shared one).
    const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
    const bytes = (whole ? buf.buffer : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) as ArrayBuffer;
    return { bytes, sha256 };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { error: { path: file, sha256: null, code: 'IO', message } };
  }
}

function parseOptions(options: BatchOptionsInput) {
  const parsed = BatchOptions.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const message = issue.code === 'unrecognized_keys' ? z.prettifyError(parsed.error) : issue.message;
  throw new NianbaoError('USAGE', 'batch', `batch: ${message}`);
}

export async function batch(options: BatchOptionsInput, io: BatchIo = {}): Promise<BatchSummary> {
  const opts = parseOptions(options);
  const started = Date.now();
  const files = await listInputs(opts.inputs);
  const sink = openSink(opts);
  const summary: BatchSummary = {
    out: opts.out, files: files.length, alreadyDone: 0, duplicates: 0, parsed: 0, withFailedChecks: 0, failed: {},
    seconds: 0, interrupted: false,
  };
  io.stderr?.write(`nianbao batch: ${files.length} files → ${opts.out}${sink.known.size ? ` (${sink.known.size} records already in it)` : ''}, ${opts.jobs} workers\n`);
  const progress = io.stderr ? new Progress(io.stderr, opts.logEvery * 1000) : undefined;

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
    progress?.update({ done, total: files.length, failed: failedCount(summary) });
  };
  const fail = (e: FileError) => {
    sink.writeError(e);
    summary.failed[e.code] = (summary.failed[e.code] ?? 0) + 1;
  };

  // The files' bytes and the records written are garbage once written: collected every few (young.ts).
  const collectYoung = youngCollector(16);
  const sent = new Set<string>(); // hashes of this run's files, to parse the same bytes once
  const inflight = new Set<Promise<void>>();
  let inflightBytes = 0;
  const full = () => inflight.size >= opts.jobs * IN_FLIGHT_PER_JOB || (inflight.size > 0 && inflightBytes >= IN_FLIGHT_BYTES);
  try {
    for (const file of files) {
      while (full() && !stopped) await Promise.race(inflight);
      if (stopped) break;
      const input = await readInput(file, opts.maxMemory);
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
        const size = input.bytes.byteLength;
        inflightBytes += size;
        const job: Promise<void> = pool.run(file, input.bytes).then((outcome) => {
          if (!outcome) return; // stopped before it was parsed: a resumed run parses it
          if (outcome.ok) {
            sink.writeReport(outcome.payload);
            collectYoung();
            summary.parsed++;
            if (outcome.failedChecks > 0) summary.withFailedChecks++;
          } else fail({ path: file, sha256: input.sha256, code: outcome.code, message: outcome.message });
          tick();
        }).catch(halt).finally(() => {
          inflight.delete(job);
          inflightBytes -= size;
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
    try {
      sink.close();
    } finally {
      progress?.end();
    }
  }
  if (fatal) throw fatal;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export { BatchOptions } from './options';
export type { BatchOptionsInput } from './options';
export { formatSummary } from './summary';
export type { BatchSummary } from './summary';
export type { BatchErrorCode, ErrorRecord } from './outcome';
