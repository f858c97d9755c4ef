import { WorkerOutcome } from './outcome';

/** The messages between batch's main thread and its workers. */

/** How a worker encodes a record: one per output kind, so the work of serialising is done off the main thread. */
export type EncodeKind = 'jsonl' | 'csv' | 'csv-long' | 'sqlite';

export interface WorkerSetup {
  kind: EncodeKind;
}

export interface JobMessage {
  id: number;
  path: string;
  /** The file's bytes (copied to the worker, so the pool can hand them to another if this worker dies). */
  bytes: ArrayBuffer;
}

export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: WorkerOutcome };

/**
 * Test-only: milliseconds a worker blocks before each file, so tests can kill a run midway or make files time out
 * deterministically. Never set it in real use.
 */
export const TEST_DELAY_ENV = 'NIANBAO_BATCH_TEST_DELAY_MS';
