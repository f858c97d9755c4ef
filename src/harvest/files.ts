import fs from 'node:fs';
import path from 'node:path';
import type { Detected } from '../detect';

/**
 * Originals as files named by their sha256 (files/ab/ab12….pdf), each stored once. Files rather than BLOBs: reports
 * run to tens of MB, and a database that holds only rows stays small to copy, vacuum and query; a stored original
 * can be opened by any program (or `nianbao parse`) as it is. A file is written whole under a temporary name and
 * renamed into place before the database mentions it, so a row never names a missing or partial file.
 */

const EXTENSION: Record<Detected, string> = { pdf: 'pdf', docx: 'docx', doc: 'doc', html: 'html', text: 'txt', zip: 'zip', rtf: 'rtf', binary: 'bin', empty: 'bin' };

export class ContentStore {
  constructor(readonly dir: string) {}

  /** Stores the bytes (unless already there) and returns the file's path. */
  put(sha256: string, bytes: Uint8Array, format: Detected): string {
    const file = path.join(this.dir, sha256.slice(0, 2), `${sha256}.${EXTENSION[format]}`);
    if (fs.existsSync(file)) return file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return file;
  }
}
