import type { DigestSet } from '../digestSet';
import { FileError } from '../outcome';

/**
 * An output kind, in two halves: `encode` runs in the workers (serialising is most of the writing work), the Sink
 * in the coordinator thread writes what they send. A Sink opened on an existing OUT first reads what is in it, so a
 * resumed run skips it, and cuts off a last record that a killed run left half-written.
 */
export interface Sink {
  /** sha256 of every file already in OUT, as a report or as an error. */
  readonly known: Pick<DigestSet, 'has' | 'size'>;
  /** Paths already in OUT as unreadable (an error with no hash). */
  readonly unreadable: ReadonlySet<string>;
  writeReport(payload: unknown): void;
  writeError(e: FileError): void;
  /** Writes what is pending and closes OUT. */
  close(): void;
}
