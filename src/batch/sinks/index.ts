import { ReportRecord } from '../../schema';
import { BatchOptionsParsed, outputKind } from '../options';
import { EncodeKind } from '../protocol';
import { encodeCsv, encodeCsvLong, openCsv } from './csv';
import { encodeJsonl, openJsonl } from './jsonl';
import { encodeSqlite, openSqlite } from './sqlite';
import { Sink } from './sink';

export type { Sink } from './sink';

export const encoders: Record<EncodeKind, (record: ReportRecord) => unknown> = {
  jsonl: encodeJsonl,
  csv: encodeCsv,
  'csv-long': encodeCsvLong,
  sqlite: encodeSqlite,
};

export function encodeKind(opts: Pick<BatchOptionsParsed, 'out' | 'long'>): EncodeKind {
  const kind = outputKind(opts.out)!;
  return kind === 'csv' && opts.long ? 'csv-long' : kind;
}

export function openSink(opts: Pick<BatchOptionsParsed, 'out' | 'long'>): Sink {
  switch (encodeKind(opts)) {
    case 'jsonl':
      return openJsonl(opts.out);
    case 'csv':
      return openCsv(opts.out, false);
    case 'csv-long':
      return openCsv(opts.out, true);
    case 'sqlite':
      return openSqlite(opts.out);
  }
}
