import { ReportRecord } from '../../schema';
import { reportRows, ReportRows, ReportStore } from '../../store/sqlite';
import { FileError } from '../outcome';
import { Sink } from './sink';

/**
 * SQLite through the store every writer of reports shares (src/store/sqlite.ts). Results are committed in groups
 * (a transaction per COMMIT_EVERY results or per COMMIT_MS): far faster than one per report, and a kill loses
 * only the uncommitted group, which a resumed run parses again.
 */

const COMMIT_EVERY = 64;
const COMMIT_MS = 250;

export function encodeSqlite(record: ReportRecord): ReportRows {
  return reportRows(record);
}

export function openSqlite(out: string): Sink {
  const store = ReportStore.open(out);
  const pending: Array<ReportRows | FileError> = [];
  let timer: NodeJS.Timeout | undefined;
  const commit = () => {
    clearTimeout(timer);
    timer = undefined;
    const group = pending.splice(0);
    store.transaction(() => {
      for (const item of group) {
        if ('report' in item) store.addRows(item);
        else store.addError(item);
      }
    });
  };
  const add = (item: ReportRows | FileError) => {
    pending.push(item);
    if (pending.length >= COMMIT_EVERY) commit();
    else timer ??= setTimeout(commit, COMMIT_MS);
  };
  return {
    known: store.knownHashes(),
    unreadable: store.unreadablePaths(),
    writeReport: (payload) => add(payload as ReportRows),
    writeError: (e) => add(e),
    close: () => {
      commit();
      store.close();
    },
  };
}
