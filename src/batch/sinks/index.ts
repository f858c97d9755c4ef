import { encodeKind } from '../kinds';
import type { Sink } from './sink';

export type { Sink } from './sink';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * OUT opened for writing. Each kind's module is loaded only when it is the one written: the coordinator thread then
 * carries no more than its sink needs (the CSV sink derives its columns from the contract's zod schema; the others
 * do not load zod at all).
 */
export function openSink(opts: { out: string; long: boolean }): Sink {
  switch (encodeKind(opts)) {
    case 'jsonl':
      return (require('./jsonl') as typeof import('./jsonl')).openJsonl(opts.out);
    case 'csv':
      return (require('./csv') as typeof import('./csv')).openCsv(opts.out, false);
    case 'csv-long':
      return (require('./csv') as typeof import('./csv')).openCsv(opts.out, true);
    case 'sqlite':
      return (require('./sqlite') as typeof import('./sqlite')).openSqlite(opts.out);
  }
}
