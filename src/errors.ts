/**
 * Input that cannot be read as a report throws a NianbaoError; everything recoverable is a warning on the result.
 * `code` is stable public API (batch error records carry it); `file` names the input.
 */
export type ErrorCode =
  | 'EMPTY' // nothing in the file
  | 'BINARY' // bytes that are no document format nianbao reads
  | 'UNREADABLE' // a known format, but corrupt
  | 'ENCRYPTED' // a PDF or Word file locked with a password
  | 'NO_TEXT' // a PDF with no text layer (a scan)
  | 'NOT_A_REPORT' // readable, but no annual report of the national template in it
  | 'PRE_2019' // an annual report from before the 2019 national template
  | 'IO' // the file could not be opened
  | 'USAGE'; // the command line was wrong

export class NianbaoError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  constructor(code: ErrorCode, file: string, message: string) {
    super(message);
    this.name = 'NianbaoError';
    this.code = code;
    this.file = file;
  }
  /** The one line printed for a user: the file, then what is wrong. */
  toLine(): string {
    return `nianbao: ${this.file}: ${this.message} [${this.code}]`;
  }
}
