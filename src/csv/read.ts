import fs from 'node:fs';

/**
 * Reads back a CSV that nianbao wrote, record by record, with the byte offset where each record ends, so a file
 * whose last record was cut by a kill can be truncated to its last whole record. Works on bytes: the quote, comma
 * and line-break bytes never occur inside a UTF-8 multi-byte character, so offsets are exact.
 */

export interface CsvRecord {
  fields: string[];
  /** Byte offset just past the record's line break. */
  end: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Whole records from byte `start` on; a last record without its line break (or with an open quote) is not yielded. */
export function* readCsvRecords(file: string, start = 0, chunkSize = 1 << 20): Generator<CsvRecord> {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkSize);
    let field = Buffer.allocUnsafe(1024);
    let fieldLen = 0;
    let fields: string[] = [];
    let quoted = false; // inside a quoted field
    let wasQuoted = false; // the current field began with a quote (so a CR in it is content)
    let quoteSeen = false; // a quote inside a quoted field: either its end or the first of a doubled quote
    let pos = start;
    const push = (b: number) => {
      if (fieldLen === field.length) {
        const bigger = Buffer.allocUnsafe(field.length * 2);
        field.copy(bigger, 0, 0, fieldLen);
        field = bigger;
      }
      field[fieldLen++] = b;
    };
    const endField = () => {
      fields.push(field.toString('utf8', 0, fieldLen));
      fieldLen = 0;
      wasQuoted = false;
    };
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunkSize, pos);
      if (n === 0) return;
      for (let i = 0; i < n; i++) {
        const b = chunk[i]!;
        if (quoted) {
          if (quoteSeen) {
            quoteSeen = false;
            if (b === QUOTE) {
              push(QUOTE);
              continue;
            }
            quoted = false; // the quote closed the field; b is read below as outside quotes
          } else {
            if (b === QUOTE) quoteSeen = true;
            else push(b);
            continue;
          }
        }
        if (b === QUOTE && fieldLen === 0) quoted = wasQuoted = true;
        else if (b === COMMA) endField();
        else if (b === LF) {
          if (!wasQuoted && fieldLen > 0 && field[fieldLen - 1] === CR) fieldLen--;
          endField();
          yield { fields, end: pos + i + 1 };
          fields = [];
        } else push(b);
      }
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}
