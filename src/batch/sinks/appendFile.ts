import fs from 'node:fs';
import path from 'node:path';
import { NianbaoError } from '../../errors';

/**
 * OUT as a file of whole records: truncated to `validEnd` (dropping a record a kill cut short) and appended to with
 * one write per record, so a record is in the file whole as soon as writeSync returns.
 */
export class AppendFile {
  private readonly fd: number;
  constructor(readonly file: string, validEnd?: number) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      this.fd = fs.openSync(file, 'a');
      if (validEnd !== undefined && fs.fstatSync(this.fd).size > validEnd) fs.ftruncateSync(this.fd, validEnd);
    } catch (e) {
      throw new NianbaoError('IO', file, `cannot write it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  write(text: string | Uint8Array): void {
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let done = 0;
    while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

export function sizeOf(file: string): number | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new NianbaoError('IO', file, 'is not a file');
    return st.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof NianbaoError) throw e;
    throw new NianbaoError('IO', file, `cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
