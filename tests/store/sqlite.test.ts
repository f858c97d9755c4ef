import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseFile } from '../../src/pipeline';
import { ReportRecord } from '../../src/schema';
import { reportRows, ReportStore, STORE_VERSION } from '../../src/store/sqlite';

/** The store every writer of reports shares (batch, the harvester): its API, its schema, what it refuses. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-store-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let record: ReportRecord;
beforeAll(async () => {
  record = await parseFile(path.join(__dirname, '../../samples/seed/daoli-2021.txt'));
});

test('a report added is one reports row, its cells, checks and warnings; added again, nothing changes', () => {
  const file = path.join(tmp, 'a.sqlite');
  const store = ReportStore.open(file);
  expect(store.addReport(record)).toBe(true);
  expect(store.addReport(record)).toBe(false);
  store.addError({ path: 'x.pdf', sha256: 'f'.repeat(64), code: 'NO_TEXT', message: 'a scan' });
  store.addError({ path: 'gone.pdf', sha256: null, code: 'IO', message: 'no such file' });
  store.addError({ path: 'gone.pdf', sha256: null, code: 'IO', message: 'no such file' });
  const known = store.knownHashes();
  expect(known.size).toBe(2);
  expect(known.has(record.source.sha256)).toBe(true);
  expect(known.has('f'.repeat(64))).toBe(true);
  expect(known.has('e'.repeat(64))).toBe(false);
  expect(store.unreadablePaths()).toEqual(new Set(['gone.pdf']));
  store.close();

  const db = new Database(file, { readonly: true });
  const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
  expect([count('reports'), count('cells'), count('checks'), count('warnings'), count('errors')])
    .toEqual([1, record.cells.length, record.checks.length, record.warnings.length, 2]);
  const row = db.prepare('SELECT * FROM reports').get() as Record<string, unknown>;
  expect(JSON.parse(row.record as string)).toEqual(record);
  expect([row.file, row.agency, row.year, row.template_version]).toEqual([record.source.path, '道里区人民政府办公室', 2021, '2021']);
  expect(db.prepare("SELECT value FROM nianbao_store WHERE key = 'version'").pluck().get()).toBe(String(STORE_VERSION));
  db.close();
});

test('reportRows is plain data (it crosses threads): the record JSON is its report row\'s last column', () => {
  const rows = reportRows(record);
  expect(structuredClone(rows)).toEqual(rows);
  expect(JSON.parse(rows.report[10])).toEqual(record);
  expect(rows.cells).toHaveLength(record.cells.length);
});

test('a transaction that throws leaves nothing behind', () => {
  const store = ReportStore.open(path.join(tmp, 'b.sqlite'));
  expect(() => store.transaction(() => {
    store.addRows(reportRows(record));
    throw new Error('killed');
  })).toThrow('killed');
  expect(store.knownHashes().size).toBe(0);
  store.close();
});

test('refused, untouched: a database nianbao did not write, one of another store version, a file that is no database', () => {
  const foreign = path.join(tmp, 'foreign.sqlite');
  const db = new Database(foreign);
  db.exec('CREATE TABLE t (x)');
  db.close();
  const other = path.join(tmp, 'other.sqlite');
  ReportStore.open(other).close();
  const odb = new Database(other);
  odb.prepare("UPDATE nianbao_store SET value = '99' WHERE key = 'version'").run();
  odb.close();
  const text = path.join(tmp, 'text.sqlite');
  fs.writeFileSync(text, 'not a database at all, just some words that fill the header '.repeat(10));
  for (const [file, why] of [[foreign, 'did not write'], [other, 'store version 99'], [text, 'cannot open it as a SQLite database']]) {
    const before = fs.readFileSync(file!);
    expect(() => ReportStore.open(file!)).toThrow(why);
    expect(fs.readFileSync(file!).equals(before)).toBe(true);
  }
});
