import { ReportRecord } from '../../schema';
import { EncodeKind } from '../protocol';
import { encodeCsv, encodeCsvLong } from './csv';
import { encodeJsonl } from './jsonl';
import { encodeSqlite } from './sqlite';

/** How a parse worker encodes a record for each output kind, so the work of serialising is done off the coordinator. */
export const encoders: Record<EncodeKind, (record: ReportRecord) => unknown> = {
  jsonl: encodeJsonl,
  csv: encodeCsv,
  'csv-long': encodeCsvLong,
  sqlite: encodeSqlite,
};
