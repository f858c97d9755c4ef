import fs from 'node:fs';
import { NianbaoError } from '../../errors';
import { ReportRecord } from '../../schema';
import { errorRecord, FileError } from '../outcome';
import { Sink } from './sink';
import { AppendFile, sizeOf } from './appendFile';
import { DigestSet } from '../digestSet';

/** JSON Lines: a report is exactly the line `nianbao parse` prints; a bad file is an error record. */

export function encodeJsonl(record: ReportRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const ERROR_PREFIX = Buffer.from('{"error":');
const SHA_KEY = Buffer.from('"sha256":"');

/**
 * What an existing OUT holds. A report line's first "sha256" key is source.sha256 (the key cannot occur inside a
 * JSON string, where its quotes would be escaped), so report lines are not parsed whole; error lines are small.
 */
function scan(file: string) {
  const known = new DigestSet();
  const unreadable = new Set<string>();
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let carry: Buffer = Buffer.alloc(0);
  let pos = 0; // file offset of carry[0]
  let validEnd = 0;
  let lineNo = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos + carry.length);
      if (n === 0) break;
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
        lineNo++;
        const line = buf.subarray(start, nl);
        if (line.subarray(0, ERROR_PREFIX.length).equals(ERROR_PREFIX)) {
          const e = JSON.parse(line.toString('utf8')) as { source?: { path?: string; sha256?: string | null } };
          if (e.source?.sha256) known.add(e.source.sha256);
          else if (e.source?.path !== undefined) unreadable.add(e.source.path);
        } else {
          const at = line.indexOf(SHA_KEY);
          const sha = at >= 0 ? line.toString('latin1', at + SHA_KEY.length, at + SHA_KEY.length + 64) : '';
          if (!/^[0-9a-f]{64}$/.test(sha)) throw new NianbaoError('IO', file, `line ${lineNo} is not a nianbao record: give another OUT`);
          known.add(sha);
        }
        start = nl + 1;
        validEnd = pos + start;
      }
      pos += start;
      carry = Buffer.from(buf.subarray(start));
    }
  } catch (e) {
    if (e instanceof SyntaxError) throw new NianbaoError('IO', file, `line ${lineNo} is not a nianbao record: give another OUT`);
    throw e;
  } finally {
    fs.closeSync(fd);
  }
  return { known, unreadable, validEnd };
}

export function openJsonl(out: string): Sink {
  const existing = sizeOf(out) ? scan(out) : undefined;
  const file = new AppendFile(out, existing?.validEnd);
  return {
    known: existing?.known ?? new DigestSet(),
    unreadable: existing?.unreadable ?? new Set(),
    writeReport: (payload) => file.write(payload as Uint8Array),
    writeError: (e: FileError) => file.write(`${JSON.stringify(errorRecord(e))}\n`),
    close: () => file.close(),
  };
}
