import type { ErrorCode } from '../errors';
import type { BatchOptionsParsed } from './options';
import { WorkerOutcome } from './outcome';
import type { ProgressState } from './progress';
import type { BatchSummary } from './summary';

/** The messages between batch's threads: the caller's, the coordinator (coordinator.ts) and the parse workers. */

/** How a worker encodes a record: one per output kind, so the work of serialising is done off the coordinator. */
export type EncodeKind = 'jsonl' | 'csv' | 'csv-long' | 'sqlite';

export interface WorkerSetup {
  kind: EncodeKind;
}

/**
 * A file to parse. Batch sends only its path and the worker reads it: the coordinator only hashes it (through
 * one fixed buffer), so no file's bytes become garbage there (index.ts). Harvest sends the bytes it downloaded
 * (copied, so the pool can hand them to another worker if this one dies).
 */
export interface JobMessage {
  type: 'job';
  id: number;
  path: string;
  bytes?: ArrayBuffer;
}

/** Records already written, given back to be freed where they were made. */
export interface SpentMessage {
  type: 'spent';
  buffer: ArrayBuffer;
}

export type MainMessage = JobMessage | SpentMessage;

export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: WorkerOutcome };

/**
 * Test-only: milliseconds a worker blocks before each file, so tests can kill a run midway or make files time out
 * deterministically. Never set it in real use.
 */
export const TEST_DELAY_ENV = 'NIANBAO_BATCH_TEST_DELAY_MS';

/** What the batch coordinator thread is started with (coordinator.ts). */
export interface CoordinatorSetup {
  options: BatchOptionsParsed;
  /** How often to send progress (as often as the caller draws it); none when undefined. */
  progressMs?: number;
}

/** From the thread that calls batch() to the coordinator. */
export type ControlMessage = { type: 'abort' };

/** From the coordinator to the thread that called batch(). */
export type CoordinatorMessage =
  | { type: 'start'; line: string }
  | { type: 'progress'; state: ProgressState }
  | { type: 'done'; summary: BatchSummary }
  | { type: 'failed'; error: { code?: ErrorCode; file?: string; message: string } };
