import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { NianbaoError } from '../errors';
import type { ReportRecord } from '../schema';
import { DigestSet } from '../batch/digestSet';

/**
 * The SQLite store of parse results: what `nianbao batch --out x.sqlite` writes, and what anything else that
 * stores reports (a harvester) calls so that its database has the same schema. A report is keyed by the sha256 of
 * its file's bytes; its numbers, checks and warnings hang off that key. Writes go in transactions, so a run that
 * is killed leaves whole reports or none.
 *
 * `reportRows` is pure and cheap to send between threads: batch's workers build the rows, its coordinator thread inserts.
 */

export const STORE_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS nianbao_store (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per report read: the record's scalars for joins and filters, and the whole record as JSON
-- (exactly what \`nianbao parse\` prints) for everything else.
CREATE TABLE IF NOT EXISTS reports (
  sha256           TEXT PRIMARY KEY,  -- source.sha256: of the file's bytes
  file             TEXT NOT NULL,     -- source.path: the name it was read under first
  format           TEXT NOT NULL,     -- source.format: pdf, docx, doc, html, text
  pages            INTEGER,           -- source.pages (PDF)
  title            TEXT,              -- report.title
  agency           TEXT,              -- report.agency
  year             INTEGER,           -- report.year: the year reported on
  template_version TEXT NOT NULL,     -- report.templateVersion: 2019 or 2021
  checks_failed    INTEGER NOT NULL,  -- how many of its checks failed
  warnings         INTEGER NOT NULL,  -- how many warnings it has
  record           TEXT NOT NULL      -- the contract record, JSON
);

-- One row per number (the record's \`cells\`): its contract path, value and where it was printed.
CREATE TABLE IF NOT EXISTS cells (
  sha256   TEXT NOT NULL REFERENCES reports(sha256) ON DELETE CASCADE,
  path     TEXT NOT NULL,     -- contract path, e.g. applications.newReceived.total
  value    NUMERIC,           -- NULL for a blank cell
  raw      TEXT NOT NULL,     -- the cell as printed
  page     INTEGER,           -- 1-based page (PDF)
  table_no INTEGER NOT NULL,  -- 0-based table in the document
  row_no   INTEGER NOT NULL,  -- 0-based row of the table's grid
  col_no   INTEGER NOT NULL,  -- 0-based column of the table's grid
  line     INTEGER            -- 1-based line of the text (text formats)
);
CREATE INDEX IF NOT EXISTS cells_by_report ON cells(sha256);
CREATE INDEX IF NOT EXISTS cells_by_path ON cells(path);

-- One row per check of the report's own arithmetic.
CREATE TABLE IF NOT EXISTS checks (
  sha256  TEXT NOT NULL REFERENCES reports(sha256) ON DELETE CASCADE,
  id      TEXT NOT NULL,     -- e.g. applications.balance.total
  ok      INTEGER NOT NULL,  -- 1 or 0
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checks_by_report ON checks(sha256);

CREATE TABLE IF NOT EXISTS warnings (
  sha256  TEXT NOT NULL REFERENCES reports(sha256) ON DELETE CASCADE,
  code    TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS warnings_by_report ON warnings(sha256);

-- One row per file that could not be read as a report.
CREATE TABLE IF NOT EXISTS errors (
  file    TEXT NOT NULL,     -- the file's path
  sha256  TEXT,              -- NULL when the file could not even be read (IO)
  code    TEXT NOT NULL,     -- EMPTY, BINARY, UNREADABLE, …, TIMEOUT, OUT_OF_MEMORY
  message TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS errors_by_hash ON errors(sha256) WHERE sha256 IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS errors_by_file ON errors(file) WHERE sha256 IS NULL;
`;

/** The rows of one report, in the column order of the INSERTs below. */
export interface ReportRows {
  report: [string, string, string, number | null, string | null, string | null, number | null, string, number, number, string];
  cells: Array<[string, number | null, string, number | null, number, number, number, number | null]>;
  checks: Array<[string, 0 | 1, string]>;
  warnings: Array<[string, string]>;
}

export interface StoredError {
  path: string;
  sha256: string | null;
  code: string;
  message: string;
}

export function reportRows(record: ReportRecord): ReportRows {
  const { source, report } = record;
  return {
    report: [source.sha256, source.path, source.format, source.pages, report.title, report.agency, report.year,
      report.templateVersion, record.checks.filter((c) => !c.ok).length, record.warnings.length, JSON.stringify(record)],
    cells: record.cells.map((c) => [c.path, c.value, c.raw, c.page, c.table, c.row, c.col, c.line ?? null]),
    checks: record.checks.map((c) => [c.id, c.ok ? 1 : 0, c.message]),
    warnings: record.warnings.map((w) => [w.code, w.message]),
  };
}

export class ReportStore {
  private readonly db: BetterSqlite3.Database;
  private readonly insertReport: BetterSqlite3.Statement;
  private readonly insertCell: BetterSqlite3.Statement;
  private readonly insertCheck: BetterSqlite3.Statement;
  private readonly insertWarning: BetterSqlite3.Statement;
  private readonly insertError: BetterSqlite3.Statement;

  /** Opens (creating it and its tables when new) a store; refuses, untouched, a database that is not one. */
  static open(file: string): ReportStore {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    let db: BetterSqlite3.Database | undefined;
    let tables: string[];
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file);
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    } catch (e) {
      db?.close();
      throw new NianbaoError('IO', file, `cannot open it as a SQLite database: ${(e as Error).message}`);
    }
    try {
      return new ReportStore(db, file, tables);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  private constructor(db: BetterSqlite3.Database, file: string, tables: string[]) {
    this.db = db;
    if (tables.length > 0 && !tables.includes('nianbao_store')) {
      throw new NianbaoError('IO', file, 'is a SQLite database that nianbao did not write: give another OUT');
    }
    if (tables.includes('nianbao_store')) {
      const version = db.prepare("SELECT value FROM nianbao_store WHERE key = 'version'").pluck().get() as string | undefined;
      if (version !== String(STORE_VERSION)) {
        throw new NianbaoError('IO', file, `was written by another version of nianbao (store version ${version ?? 'unknown'}, this one writes ${STORE_VERSION}): give another OUT`);
      }
    }
    // WAL: commits are cheap, and a killed process's unfinished transaction is rolled back on the next open.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (!tables.includes('nianbao_store')) {
      db.transaction(() => {
        db.exec(SCHEMA_SQL);
        db.prepare("INSERT INTO nianbao_store (key, value) VALUES ('version', ?)").run(String(STORE_VERSION));
      })();
    }
    this.insertReport = db.prepare(`INSERT OR IGNORE INTO reports (sha256, file, format, pages, title, agency, year,
      template_version, checks_failed, warnings, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertCell = db.prepare('INSERT INTO cells (sha256, path, value, raw, page, table_no, row_no, col_no, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertCheck = db.prepare('INSERT INTO checks (sha256, id, ok, message) VALUES (?, ?, ?, ?)');
    this.insertWarning = db.prepare('INSERT INTO warnings (sha256, code, message) VALUES (?, ?, ?)');
    this.insertError = db.prepare('INSERT OR IGNORE INTO errors (file, sha256, code, message) VALUES (?, ?, ?, ?)');
  }

  /** Hashes of every file already stored, as a report or as an error. */
  knownHashes(): DigestSet {
    const known = new DigestSet();
    const rows = this.db.prepare('SELECT sha256 FROM reports UNION ALL SELECT sha256 FROM errors WHERE sha256 IS NOT NULL').pluck().iterate();
    for (const sha of rows as Iterable<string>) known.add(sha);
    return known;
  }

  /** Paths of files stored as an error with no hash (they could not be read at all). */
  unreadablePaths(): Set<string> {
    return new Set(this.db.prepare('SELECT file FROM errors WHERE sha256 IS NULL').pluck().iterate() as Iterable<string>);
  }

  /** Adds a report unless its hash is already stored; returns whether it was added. */
  addReport(record: ReportRecord): boolean {
    return this.transaction(() => this.addRows(reportRows(record)));
  }

  /** The same from prebuilt rows; call inside transaction() to add many at once. */
  addRows(rows: ReportRows): boolean {
    const sha = rows.report[0];
    if (this.insertReport.run(...rows.report).changes === 0) return false;
    for (const c of rows.cells) this.insertCell.run(sha, ...c);
    for (const c of rows.checks) this.insertCheck.run(sha, ...c);
    for (const w of rows.warnings) this.insertWarning.run(sha, ...w);
    return true;
  }

  addError(e: StoredError): void {
    this.insertError.run(e.path, e.sha256, e.code, e.message);
  }

  /** Runs fn in one transaction: all of its writes land, or (when it throws or the process dies) none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
