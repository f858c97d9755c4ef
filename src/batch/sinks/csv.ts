import fs from 'node:fs';
import { NianbaoError } from '../../errors';
import { ReportRecord } from '../../schema';
import { LONG_HEADER, longErrorRow, longRows, wideErrorRow, wideHeader, wideRow } from '../../csv/columns';
import { readCsvRecords } from '../../csv/read';
import { csvLine, UTF8_BOM } from '../../csv/write';
import { FileError } from '../outcome';
import { Sink } from './sink';
import { AppendFile, sizeOf } from './appendFile';
import { DigestSet } from '../digestSet';

/**
 * CSV, UTF-8 with a BOM: one row per report (columns: src/csv/columns.ts), or with --long one row per number.
 * A long file holds a report as several rows written in one go; a kill can cut them anywhere, so on resume the last
 * report's rows are always dropped and that report is parsed again (whole records cannot be told from cut ones).
 */

export function encodeCsv(record: ReportRecord): string {
  return csvLine(wideRow(record));
}

export function encodeCsvLong(record: ReportRecord): string {
  return longRows(record).map(csvLine).join('');
}

interface Layout {
  header: readonly string[];
  sha: number;
  path: number;
  code: number;
}

function layout(long: boolean): Layout {
  const header = long ? [...LONG_HEADER] : wideHeader();
  const col = (name: string) => header.indexOf(name);
  return { header, sha: col(long ? 'sha256' : 'source.sha256'), path: col(long ? 'file' : 'source.path'), code: col('error.code') };
}

function scan(file: string, long: boolean, l: Layout) {
  const known = new DigestSet();
  const unreadable = new Set<string>();
  const head = Buffer.alloc(3);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 3, 0);
  fs.closeSync(fd);
  const start = head.equals(Buffer.from(UTF8_BOM)) ? 3 : 0;
  let headerEnd: number | undefined;
  let validEnd = 0;
  let last: { sha: string; start: number } | undefined; // the report whose rows come last (long)
  for (const rec of readCsvRecords(file, start)) {
    if (headerEnd === undefined) {
      if (rec.fields.join(',') !== l.header.join(',')) {
        throw new NianbaoError('IO', file, `its columns are not the ones this run writes (${long ? 'it was written without --long, or ' : 'it was written with --long, or '}by another version of nianbao): give another OUT`);
      }
      headerEnd = validEnd = rec.end;
      continue;
    }
    if (rec.fields.length !== l.header.length) throw new NianbaoError('IO', file, 'has a row that nianbao did not write: give another OUT');
    const sha = rec.fields[l.sha]!;
    const id = sha || `path:${rec.fields[l.path]!}`;
    if (long && last?.sha !== id) {
      if (last) record(last.sha);
      last = { sha: id, start: validEnd };
    } else if (!long) record(id);
    validEnd = rec.end;
  }
  function record(id: string) {
    if (id.startsWith('path:')) unreadable.add(id.slice(5));
    else known.add(id);
  }
  // A header cut short: nothing was written after it, so the file starts over.
  if (headerEnd === undefined) return undefined;
  if (long && last) validEnd = last.start;
  return { known, unreadable, validEnd };
}

export function openCsv(out: string, long: boolean): Sink {
  const l = layout(long);
  const existing = sizeOf(out) ? scan(out, long, l) : undefined;
  const file = new AppendFile(out, existing?.validEnd ?? 0);
  if (!existing) file.write(UTF8_BOM + csvLine(l.header));
  const errorRow = long ? longErrorRow : wideErrorRow;
  return {
    known: existing?.known ?? new DigestSet(),
    unreadable: existing?.unreadable ?? new Set(),
    writeReport: (payload) => file.write(payload as Uint8Array),
    writeError: (e: FileError) => file.write(csvLine(errorRow(e.path, e.sha256, e.code, e.message))),
    close: () => file.close(),
  };
}
