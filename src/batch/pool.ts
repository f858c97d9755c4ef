import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { NianbaoError } from '../errors';
import { WorkerOutcome } from './outcome';
import { EncodeKind, JobMessage, SpentMessage, WorkerMessage, WorkerSetup } from './protocol';

/**
 * Worker threads that parse one file each at a time, so one pathological file cannot stall or kill a run: a file
 * that takes longer than the time limit, or needs more heap than the memory limit (the worker's resourceLimits),
 * becomes an error outcome and its worker is thrown away and replaced.
 *
 * Each worker is sent PER_WORKER files ahead, so it starts the next one without waiting for the thread that runs the pool (on a
 * busy machine that wait was a quarter of a worker's time). The time limit runs for the file a worker is on.
 * Workers read their files themselves, so a file queued behind one that kills its worker simply goes to the next.
 */

const PER_WORKER = 2;

export interface PoolOptions {
  size: number;
  kind: EncodeKind;
  timeoutMs: number;
  maxMemoryMb: number;
  /** Workers cannot start at all (the run cannot go on). */
  onFatal: (e: Error) => void;
}

interface Task {
  path: string;
  /** The file's bytes where it is not on disk (harvest); otherwise the worker reads `path`. */
  bytes?: ArrayBuffer;
  /** undefined: the pool was closed before the file was parsed. */
  resolve: (o: WorkerOutcome | undefined) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Sent to the worker, in order; the first is the one it is parsing. */
  tasks: Array<Task & { id: number }>;
  /** The time limit of tasks[0]. */
  timer?: NodeJS.Timeout;
  /** Terminated or dead: its late events are ignored. */
  gone: boolean;
}

/** Threads run compiled code: dist/batch/NAME, also when this module is loaded from src/ (ts-jest). */
export function workerScript(name: string): string {
  const beside = path.join(__dirname, name);
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'dist', 'batch', name);
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.spawn();
  }

  run(file: string, bytes?: ArrayBuffer): Promise<WorkerOutcome | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ path: file, bytes, resolve });
      this.pump();
    });
  }

  /**
   * Gives a written record's bytes back to a worker, to be freed there. Left on the pool's thread they would be
   * freed only by its own collections, which its young generation grows from over a long run (young.ts).
   */
  recycle(payload: unknown): void {
    if (!(payload instanceof Uint8Array) || payload.byteOffset !== 0 || payload.byteLength !== payload.buffer.byteLength) return;
    const buffer = payload.buffer;
    if (!(buffer instanceof ArrayBuffer)) return;
    for (const slot of this.slots) {
      if (!slot.ready) continue;
      slot.worker.postMessage({ type: 'spent', buffer } satisfies SpentMessage, [buffer]);
      return;
    }
  }

  /** Stops every worker; files not yet parsed resolve undefined. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve(undefined);
    const stopping = [...this.slots].map((slot) => {
      this.drop(slot);
      for (const t of slot.tasks.splice(0)) t.resolve(undefined);
      return slot.worker.terminate();
    });
    await Promise.all(stopping);
  }

  private spawn(): void {
    const setup: WorkerSetup = { kind: this.opts.kind };
    const worker = new Worker(workerScript('worker.js'), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb },
      // A library's console output (pdf.js warns on stdout) must not mix into the progress bar.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, ready: false, tasks: [], gone: false };
    worker.on('message', (m: WorkerMessage) => {
      if (slot.gone) return;
      if (m.type === 'ready') {
        slot.ready = true;
        this.pump();
      } else if (slot.tasks[0]?.id === m.id) {
        clearTimeout(slot.timer);
        const task = slot.tasks.shift()!;
        if (slot.tasks.length > 0) this.startTimer(slot);
        task.resolve(m.outcome);
        this.pump();
      }
    });
    worker.on('error', (e) => this.lost(slot, e));
    worker.on('exit', (code) => this.lost(slot, new Error(`it exited with code ${code}`)));
    this.slots.add(slot);
  }

  private drop(slot: Slot): void {
    slot.gone = true;
    this.slots.delete(slot);
    clearTimeout(slot.timer);
  }

  /** Ends the file a slot is on with `outcome`, throws the worker away and starts another; files queued behind go back. */
  private replace(slot: Slot, outcome: WorkerOutcome): void {
    this.drop(slot);
    void slot.worker.terminate();
    const [current, ...behind] = slot.tasks.splice(0);
    this.queue.unshift(...behind.map(({ id: _id, ...task }) => task));
    current?.resolve(outcome);
    if (this.closed) return;
    this.spawn();
    this.pump();
  }

  private startTimer(slot: Slot): void {
    slot.timer = setTimeout(() => this.replace(slot, {
      ok: false,
      code: 'TIMEOUT',
      message: `parsing it took longer than --timeout ${this.opts.timeoutMs / 1000} s`,
    }), this.opts.timeoutMs);
  }

  private lost(slot: Slot, e: Error): void {
    if (slot.gone || this.closed) return;
    const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!slot.ready) {
      // It died loading nianbao, before any file: every worker would.
      this.drop(slot);
      for (const t of slot.tasks.splice(0)) t.resolve(undefined);
      this.opts.onFatal(oom
        ? new NianbaoError('USAGE', 'nianbao', `--max-memory ${this.opts.maxMemoryMb} is too small for a worker to start`)
        : new Error(`a batch worker could not start: ${e.message}`));
      return;
    }
    this.replace(slot, oom
      ? { ok: false, code: 'OUT_OF_MEMORY', message: `parsing it needed more than --max-memory ${this.opts.maxMemoryMb} MB` }
      : { ok: false, code: 'INTERNAL', message: `the worker parsing it died (a bug; please report it with the file): ${e.message}` });
  }

  /** Fills idle workers first, then sends each its file ahead. */
  private pump(): void {
    for (let depth = 1; depth <= PER_WORKER; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.tasks.length >= depth) continue;
        const task = this.queue.shift()!;
        const id = this.nextId++;
        slot.tasks.push({ ...task, id });
        if (slot.tasks.length === 1) this.startTimer(slot);
        slot.worker.postMessage({ type: 'job', id, path: task.path, bytes: task.bytes } satisfies JobMessage);
      }
    }
  }
}
