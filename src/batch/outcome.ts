import { ErrorCode } from '../errors';

/**
 * What becomes of one input file. A file that cannot be read as a report is an error record, never a dead run:
 * beside the parser's own codes (EMPTY, BINARY, UNREADABLE, …) batch adds what only a batch can meet.
 */
export type BatchErrorCode =
  | ErrorCode
  | 'TIMEOUT' // parsing took longer than --timeout; its worker was replaced
  | 'OUT_OF_MEMORY' // parsing needed more than --max-memory; its worker was replaced
  | 'TOO_LARGE' // the file is larger than --max-memory, so it was not read
  | 'INTERNAL'; // nianbao itself failed on this file (a bug: please report it with the file)

export interface FileError {
  path: string;
  /** Of the file's bytes; null when they could not be read (IO). */
  sha256: string | null;
  code: BatchErrorCode;
  message: string;
}

/** What a failed read of a file says, in words (an IO error record's message). */
export function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}

/** The JSON Lines form of a FileError. */
export interface ErrorRecord {
  error: { code: BatchErrorCode; message: string };
  source: { path: string; sha256: string | null };
}

export function errorRecord(e: FileError): ErrorRecord {
  return { error: { code: e.code, message: e.message }, source: { path: e.path, sha256: e.sha256 } };
}

/** What a worker sends back for one file: the sink's payload of a parsed report, or why there is none. */
export type WorkerOutcome =
  | { ok: true; payload: unknown; failedChecks: number }
  | { ok: false; code: BatchErrorCode; message: string };
