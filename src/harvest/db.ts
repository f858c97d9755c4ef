import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { NianbaoError } from '../errors';
import type { ReportRecord } from '../schema';

/**
 * The harvester's own tables, in the same SQLite file as the parse results (src/store/sqlite.ts: reports, cells,
 * checks, warnings, errors, keyed by the sha256 of a file's bytes). They record what the walk saw: every URL and
 * its state, every original stored, the reports those originals are, and each run.
 */

export const HARVEST_VERSION = 1;

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS harvest_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One row per run.
CREATE TABLE IF NOT EXISTS harvest_runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,     -- ISO 8601, UTC
  finished_at TEXT,              -- NULL: still running, or killed
  nianbao     TEXT NOT NULL,     -- the version that ran
  summary     TEXT               -- the run's counts, JSON
);

-- One row per source: whether its listing was ever walked to the end without a failure.
CREATE TABLE IF NOT EXISTS harvest_sources (name TEXT PRIMARY KEY, walked_at TEXT);

-- One row per URL seen: listing pages, report pages, attachments.
CREATE TABLE IF NOT EXISTS harvest_urls (
  url           TEXT PRIMARY KEY,
  source        TEXT NOT NULL,     -- the source whose walk found it first
  kind          TEXT NOT NULL,     -- listing, page or attachment
  found_on      TEXT,              -- the page that links to it
  link_text     TEXT,
  article       TEXT,              -- the report page an original belongs to (itself for a page)
  state         TEXT NOT NULL,     -- pending, ok or failed
  final_url     TEXT,              -- after redirects
  etag          TEXT,
  last_modified TEXT,
  sha256        TEXT,              -- its content the last time it was downloaded
  links         TEXT,              -- listing pages: the report and page links read from it (JSON)
  first_run     INTEGER NOT NULL,
  last_run      INTEGER NOT NULL,  -- the last run that found or fetched it
  fetched_at    TEXT,              -- the last time it answered (200 or 304)
  changed_at    TEXT,              -- the last time its content was new
  failures      INTEGER NOT NULL DEFAULT 0,  -- runs in a row it failed; retried while below --max-attempts
  error_code    TEXT,              -- the last failure: TIMEOUT, HTTP, TRUNCATED, TOO_LARGE, DISALLOWED, …
  error_message TEXT,
  failed_at     TEXT
);
CREATE INDEX IF NOT EXISTS harvest_urls_by_state ON harvest_urls(source, state);
CREATE INDEX IF NOT EXISTS harvest_urls_by_article ON harvest_urls(article);

-- Every content a URL has had (a corrected report keeps its earlier versions).
CREATE TABLE IF NOT EXISTS harvest_url_files (
  url    TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  run    INTEGER NOT NULL,
  PRIMARY KEY (url, sha256)
);
CREATE INDEX IF NOT EXISTS harvest_url_files_by_hash ON harvest_url_files(sha256);

-- One row per original stored (report pages and attachments), once per content.
CREATE TABLE IF NOT EXISTS harvest_files (
  sha256      TEXT PRIMARY KEY,  -- also the key of reports/errors
  file        TEXT NOT NULL,     -- where the bytes are, relative to the database's folder
  size        INTEGER NOT NULL,
  format      TEXT NOT NULL,     -- as sniffed: pdf, docx, doc, html, text, zip, binary, empty
  url         TEXT NOT NULL,     -- the URL it was first downloaded from
  run         INTEGER NOT NULL,
  stored_at   TEXT NOT NULL,
  report_key  TEXT,              -- the report it is (harvest_reports), NULL when it could not be read as one
  error_code  TEXT,              -- why not (as in the errors table)
  parsed_by   TEXT NOT NULL      -- the nianbao version that parsed it
);
CREATE INDEX IF NOT EXISTS harvest_files_by_report ON harvest_files(report_key);

-- One row per report, however many originals it was published as (src/harvest/identity.ts).
CREATE TABLE IF NOT EXISTS harvest_reports (
  key         TEXT PRIMARY KEY,  -- agency/year/digest of its numbers
  agency      TEXT,
  year        INTEGER,
  title       TEXT,
  sha256      TEXT NOT NULL,     -- the original whose record stands for it (reports.record)
  source      TEXT NOT NULL,
  run         INTEGER NOT NULL,
  found_at    TEXT NOT NULL,
  revision_of TEXT               -- the report the same URL held before, when a page was corrected
);
CREATE INDEX IF NOT EXISTS harvest_reports_by_time ON harvest_reports(found_at);
CREATE INDEX IF NOT EXISTS harvest_reports_by_run ON harvest_reports(run);
`;

export type UrlKind = 'listing' | 'page' | 'attachment';

export interface UrlRow {
  url: string;
  source: string;
  kind: UrlKind;
  found_on: string | null;
  article: string | null;
  state: 'pending' | 'ok' | 'failed';
  etag: string | null;
  last_modified: string | null;
  sha256: string | null;
  links: string | null;
  fetched_at: string | null;
  failures: number;
}

export interface FileRow {
  sha256: string;
  file: string;
  report_key: string | null;
  error_code: string | null;
}

/** One report as the downstream job gets it: a line of the JSONL. */
export interface HarvestedReport {
  key: string;
  agency: string | null;
  year: number | null;
  title: string | null;
  source: string;
  run: number;
  foundAt: string;
  revisionOf: string | null;
  /** Every file published with it: those that read as this report, and the others on the same report page;
   *  `file` is the stored original's absolute path. */
  originals: Array<{ url: string; sha256: string; format: string; file: string; report: boolean; error: string | null }>;
  /** The contract record of the original that stands for it. */
  record: ReportRecord;
}

export class HarvestDb {
  /** `dir`: the database's folder, which stored file paths are relative to. */
  constructor(private readonly db: BetterSqlite3.Database, file: string, private readonly dir: string) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Two connections share the file (this one and the report store's): wait for the other's commit.
    db.pragma('busy_timeout = 10000');
    const version = this.tableExists('harvest_meta')
      ? (db.prepare("SELECT value FROM harvest_meta WHERE key = 'version'").pluck().get() as string | undefined)
      : undefined;
    if (version === undefined) {
      db.transaction(() => {
        db.exec(SCHEMA_SQL);
        db.prepare("INSERT OR REPLACE INTO harvest_meta (key, value) VALUES ('version', ?)").run(String(HARVEST_VERSION));
      })();
    } else if (version !== String(HARVEST_VERSION)) {
      throw new NianbaoError('IO', file, `holds harvest tables of another version of nianbao (${version}; this one writes ${HARVEST_VERSION})`);
    }
  }

  private tableExists(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  startRun(nianbao: string, at: string): number {
    return Number(this.db.prepare('INSERT INTO harvest_runs (started_at, nianbao) VALUES (?, ?)').run(at, nianbao).lastInsertRowid);
  }

  finishRun(id: number, at: string, summary: unknown): void {
    this.db.prepare('UPDATE harvest_runs SET finished_at = ?, summary = ? WHERE id = ?').run(at, JSON.stringify(summary), id);
  }

  walked(source: string): boolean {
    return this.db.prepare('SELECT walked_at FROM harvest_sources WHERE name = ?').pluck().get(source) != null;
  }

  setWalked(source: string, at: string): void {
    this.db.prepare('INSERT INTO harvest_sources (name, walked_at) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET walked_at = excluded.walked_at').run(source, at);
  }

  url(url: string): UrlRow | undefined {
    return this.db.prepare('SELECT * FROM harvest_urls WHERE url = ?').get(url) as UrlRow | undefined;
  }

  /** Records a URL as seen by this run (new ones as pending). */
  seen(u: { url: string; source: string; kind: UrlKind; foundOn?: string; text?: string; article?: string }, run: number): void {
    this.db.prepare(`INSERT INTO harvest_urls (url, source, kind, found_on, link_text, article, state, first_run, last_run)
      VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(url) DO UPDATE SET last_run = excluded.last_run`)
      .run(u.url, u.source, u.kind, u.foundOn ?? null, u.text ?? null, u.article ?? null, run, run);
  }

  answered(url: string, at: string, got: { finalUrl: string; etag?: string; lastModified?: string; sha256?: string }): void {
    if (got.sha256 === undefined) {
      this.db.prepare(`UPDATE harvest_urls SET state = 'ok', fetched_at = ?, failures = 0, error_code = NULL, error_message = NULL
        WHERE url = ?`).run(at, url);
      return;
    }
    this.db.prepare(`UPDATE harvest_urls SET state = 'ok', fetched_at = ?, final_url = ?, etag = ?, last_modified = ?,
      changed_at = CASE WHEN sha256 IS ? THEN changed_at ELSE ? END, sha256 = ?, failures = 0, error_code = NULL, error_message = NULL
      WHERE url = ?`).run(at, got.finalUrl, got.etag ?? null, got.lastModified ?? null, got.sha256, at, got.sha256, url);
  }

  failed(url: string, at: string, code: string, message: string): void {
    this.db.prepare(`UPDATE harvest_urls SET state = CASE WHEN state = 'ok' THEN 'ok' ELSE 'failed' END,
      failures = failures + 1, error_code = ?, error_message = ?, failed_at = ? WHERE url = ?`).run(code, message, at, url);
  }

  setLinks(url: string, links: unknown): void {
    this.db.prepare('UPDATE harvest_urls SET links = ? WHERE url = ?').run(JSON.stringify(links), url);
  }

  /**
   * URLs of a source to visit again outside the walk: those that failed (or were never answered) in earlier runs,
   * fewer than maxAttempts runs in a row, and, given recheckBefore, those stored before that time.
   */
  revisit(source: string, kind: UrlKind, maxAttempts: number, recheckBefore?: string): UrlRow[] {
    return this.db.prepare(`SELECT * FROM harvest_urls WHERE source = ? AND kind = ? AND failures < ?
      AND (state IN ('failed', 'pending') OR (state = 'ok' AND fetched_at < ?)) ORDER BY first_run, rowid`)
      .all(source, kind, maxAttempts, recheckBefore ?? '') as UrlRow[];
  }

  contentOf(url: string, sha256: string, run: number): void {
    this.db.prepare('INSERT OR IGNORE INTO harvest_url_files (url, sha256, run) VALUES (?, ?, ?)').run(url, sha256, run);
  }

  file(sha256: string): FileRow | undefined {
    return this.db.prepare('SELECT sha256, file, report_key, error_code FROM harvest_files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
  }

  addFile(f: { sha256: string; file: string; size: number; format: string; url: string; run: number; at: string; reportKey: string | null; errorCode: string | null; parsedBy: string }): void {
    this.db.prepare(`INSERT OR IGNORE INTO harvest_files (sha256, file, size, format, url, run, stored_at, report_key, error_code, parsed_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.sha256, f.file, f.size, f.format, f.url, f.run, f.at, f.reportKey, f.errorCode, f.parsedBy);
  }

  /** Adds a report unless it is known; returns whether it is new. */
  addReport(r: { key: string; record: ReportRecord; sha256: string; source: string; run: number; at: string; revisionOf: string | null }): boolean {
    return this.db.prepare(`INSERT OR IGNORE INTO harvest_reports (key, agency, year, title, sha256, source, run, found_at, revision_of)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.key, r.record.report.agency, r.record.report.year, r.record.report.title,
      r.sha256, r.source, r.run, r.at, r.revisionOf).changes > 0;
  }

  /** A parse outcome the report store already holds for these bytes (a run killed between the two writes). */
  storedOutcome(sha256: string): { record: ReportRecord } | { code: string; message: string } | undefined {
    const record = this.db.prepare('SELECT record FROM reports WHERE sha256 = ?').pluck().get(sha256) as string | undefined;
    if (record !== undefined) return { record: JSON.parse(record) as ReportRecord };
    return this.db.prepare('SELECT code, message FROM errors WHERE sha256 = ?').get(sha256) as { code: string; message: string } | undefined;
  }

  /** Reports first found by a run, or at or after a time, with their originals and records, oldest first. */
  *reports(where: { run: number } | { since: string }): Generator<HarvestedReport> {
    const rows = 'run' in where
      ? this.db.prepare('SELECT * FROM harvest_reports WHERE run = ? ORDER BY found_at, rowid').all(where.run)
      : this.db.prepare('SELECT * FROM harvest_reports WHERE found_at >= ? ORDER BY found_at, rowid').all(where.since);
    const record = this.db.prepare('SELECT record FROM reports WHERE sha256 = ?').pluck();
    // The report's own originals, then the other files of the report pages they belong to (an unreadable PDF
    // beside a readable page is still the same publication).
    const originals = this.db.prepare(`
      WITH mine AS (SELECT sha256 FROM harvest_files WHERE report_key = ?),
           articles AS (SELECT DISTINCT u.article FROM harvest_url_files h JOIN harvest_urls u ON u.url = h.url
                        WHERE h.sha256 IN (SELECT sha256 FROM mine) AND u.article IS NOT NULL)
      SELECT h.url, f.sha256, f.format, f.file, f.report_key IS ? AS report, f.error_code AS error
      FROM harvest_url_files h JOIN harvest_files f ON f.sha256 = h.sha256 JOIN harvest_urls u ON u.url = h.url
      WHERE f.report_key IS ?
         OR (f.report_key IS NULL AND u.sha256 = h.sha256 AND u.article IN (SELECT article FROM articles))
      ORDER BY report DESC, u.kind DESC, h.url`);
    for (const r of rows as Array<{ key: string; agency: string | null; year: number | null; title: string | null; sha256: string; source: string; run: number; found_at: string; revision_of: string | null }>) {
      const json = record.get(r.sha256) as string | undefined;
      if (json === undefined) continue;
      yield {
        key: r.key, agency: r.agency, year: r.year, title: r.title, source: r.source, run: r.run, foundAt: r.found_at, revisionOf: r.revision_of,
        originals: (originals.all(r.key, r.key, r.key) as Array<{ url: string; sha256: string; format: string; file: string; report: number; error: string | null }>)
          .map((o) => ({ ...o, file: path.resolve(this.dir, o.file), report: o.report === 1 })),
        record: JSON.parse(json) as ReportRecord,
      };
    }
  }

  close(): void {
    this.db.close();
  }
}
