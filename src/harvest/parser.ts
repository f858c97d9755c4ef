import { WorkerPool } from '../batch/pool';
import type { ReportRecord } from '../schema';
import type { ReportRows } from '../store/sqlite';

/**
 * Parsing off the main thread, on batch's worker pool: a downloaded file is untrusted, and one that loops or eats
 * memory must become an error record (TIMEOUT, OUT_OF_MEMORY), not a harvest that never ends.
 */

export type ParseOutcome =
  | { ok: true; rows: ReportRows; record: ReportRecord }
  | { ok: false; code: string; message: string };

const MAX_MEMORY_MB = 512;

export class Parser {
  private readonly pool: WorkerPool;
  private readonly fatal: Promise<never>;

  constructor(timeoutMs: number) {
    let fail!: (e: Error) => void;
    this.fatal = new Promise<never>((_, reject) => (fail = reject));
    // Nobody may be waiting when it happens; the next parse() rejects with it.
    this.fatal.catch(() => undefined);
    this.pool = new WorkerPool({ size: 1, kind: 'sqlite', timeoutMs, maxMemoryMb: MAX_MEMORY_MB, onFatal: (e) => fail(e) });
  }

  async parse(url: string, bytes: Uint8Array): Promise<ParseOutcome> {
    // The pool transfers (detaches) the ArrayBuffer it gets: give it a copy of its own, never a Buffer's (a
    // Buffer may be a view into a larger, shared one).
    const own = new Uint8Array(bytes.byteLength);
    own.set(bytes);
    const outcome = await Promise.race([this.pool.run(url, own.buffer), this.fatal]);
    if (!outcome) return { ok: false, code: 'INTERNAL', message: 'the parser was stopped before it read the file' };
    if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
    const rows = outcome.payload as ReportRows;
    return { ok: true, rows, record: JSON.parse(rows.report[10]) as ReportRecord };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
