import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { contractPaths, LONG_HEADER, SUMMARY_COLUMNS } from '../../src/csv/columns';
import {
  csvValueAt, jsonLines, mixedFolder, nianbao, Oracle, oracles, readCsvFile, Run, scalarPaths, sha256, tmpDir,
} from './helpers';

/**
 * batch over a folder of mixed good and bad files, every output kind checked record by record against what
 * `nianbao parse` says of each file.
 */

const folder = mixedFolder();
const out = tmpDir('out');
const [kept, dropped] = folder.duplicate; // same bytes: the first by name is parsed, the other skipped
const expectedFiles = folder.files.filter((f) => f !== dropped);
let truth: Map<string, Oracle>;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  truth = await oracles(expectedFiles);
  const outputs: Array<[string, string[]]> = [
    ['jsonl', ['--out', path.join(out, 'all.jsonl')]],
    ['csv', ['--out', path.join(out, 'all.csv')]],
    ['long', ['--out', path.join(out, 'long.csv'), '--long']],
    ['sqlite', ['--out', path.join(out, 'all.sqlite')]],
  ];
  for (const [kind, args] of outputs) runs[kind] = await nianbao(['batch', folder.dir, ...args, '--jobs', '2']);
}, 120000);

const reports = () => expectedFiles.filter((f) => truth.get(f)!.ok);
const failures = () => expectedFiles.filter((f) => !truth.get(f)!.ok);
const truthOf = (f: string) => truth.get(f) as Extract<Oracle, { ok: true }>;
const codeOf = (f: string) => (truth.get(f) as Extract<Oracle, { ok: false }>).code;

test('the fixture has both kinds of files, and the bad ones fail for the reasons planted', () => {
  expect(reports().length).toBeGreaterThanOrEqual(5);
  const byName = (n: string) => codeOf(folder.files.find((f) => f.endsWith(n))!);
  expect(byName('empty.txt')).toBe('EMPTY');
  expect(byName('junk.doc')).toBe('BINARY');
  expect(byName('portal.html')).toBe('NOT_A_REPORT');
  expect(['UNREADABLE', 'NO_TEXT']).toContain(byName('truncated.pdf'));
});

test.each(['jsonl', 'csv', 'long', 'sqlite'])('%s: exit 0 and a summary naming the duplicate and the failures by code', (kind) => {
  const r = runs[kind]!;
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(new RegExp(`files read +${folder.files.length}, 1 duplicate of another file skipped`));
  expect(r.stderr).toMatch(new RegExp(`parsed +${reports().length} reports?,`));
  expect(r.stderr).toMatch(new RegExp(`failed +${failures().length} \\(`));
  for (const code of new Set(failures().map(codeOf))) {
    expect(r.stderr).toContain(`${code} ${failures().filter((f) => codeOf(f) === code).length}`);
  }
});

describe('JSON Lines', () => {
  test('one line per file: a report is exactly what `nianbao parse` prints, a bad file an error record', () => {
    const text = fs.readFileSync(path.join(out, 'all.jsonl'), 'utf8');
    const lines = text.split('\n').slice(0, -1).map((l) => `${l}\n`);
    expect(lines).toHaveLength(expectedFiles.length);
    const byPath = new Map(lines.map((l) => [(JSON.parse(l) as { source: { path: string } }).source.path, l]));
    expect([...byPath.keys()].sort()).toEqual([...expectedFiles].sort());
    for (const f of reports()) expect(byPath.get(f)).toBe(truthOf(f).line);
    for (const f of failures()) {
      expect(JSON.parse(byPath.get(f)!)).toEqual({
        error: { code: codeOf(f), message: expect.any(String) as string },
        source: { path: f, sha256: sha256(f) },
      });
    }
  });

  test('the duplicate is parsed once, under the first name; files that are not reports by extension are not read', () => {
    const paths = jsonLines(path.join(out, 'all.jsonl')).map((r) => (r.source as { path: string }).path);
    expect(paths).toContain(kept);
    expect(paths).not.toContain(dropped);
    expect(paths.some((p) => p.endsWith('notes.json') || p.endsWith('.hidden.txt'))).toBe(false);
  });
});

describe('CSV', () => {
  test('UTF-8 with a BOM; the header is every scalar contract path of both templates, then the summary columns', () => {
    const { bom, header } = readCsvFile(path.join(out, 'all.csv'));
    expect(bom).toBe(true);
    expect(header).toEqual([...contractPaths(), ...SUMMARY_COLUMNS]);
    expect(header.slice(0, 4)).toEqual(['schemaVersion', 'source.path', 'source.format', 'source.sha256']);
    for (const p of ['activeDisclosure.regulations.issued', 'activeDisclosure.regulations.newlyMade',
      'activeDisclosure.procurement.amountUnit', 'applications.results.otherHandling.overdueFee.total',
      'applications.results.otherHandling.total', 'reviewLitigation.litigationAfterReview.pending']) expect(header).toContain(p);
    expect(new Set(header).size).toBe(header.length);
    // Every scalar of every record parsed has its column, 2019 and 2021 alike.
    for (const f of reports()) for (const p of scalarPaths(truthOf(f).record)) expect(header).toContain(p);
  });

  test('one row per file; every column of a report holds its value, the other template\'s columns stay empty', () => {
    const { rows } = readCsvFile(path.join(out, 'all.csv'));
    expect(rows).toHaveLength(expectedFiles.length);
    const byPath = new Map(rows.map((r) => [r['source.path']!, r]));
    for (const f of reports()) {
      const row = byPath.get(f)!;
      const rec = truthOf(f).record;
      for (const p of contractPaths()) expect([p, row[p]]).toEqual([p, csvValueAt(rec, p)]);
      const failed = rec.checks.filter((c) => !c.ok);
      expect(row['checks.failed']).toBe(String(failed.length));
      expect(row['checks.failedIds']).toBe(failed.map((c) => c.id).join(';'));
      expect(row['error.code']).toBe('');
    }
    for (const f of failures()) {
      const row = byPath.get(f)!;
      expect(row['error.code']).toBe(codeOf(f));
      expect(row['error.message']).not.toBe('');
      expect(row['source.sha256']).toBe(sha256(f));
      expect(contractPaths().filter((p) => p !== 'source.path' && p !== 'source.sha256' && row[p] !== '')).toEqual([]);
    }
  });

  test('--long: one row per number of each report (its cells, in order), one error row per bad file', () => {
    const { bom, header, rows } = readCsvFile(path.join(out, 'long.csv'));
    expect(bom).toBe(true);
    expect(header).toEqual([...LONG_HEADER]);
    expect(header.slice(0, 5)).toEqual(['file', 'path', 'value', 'raw', 'page']);
    for (const f of reports()) {
      const mine = rows.filter((r) => r.file === f);
      const cells = truthOf(f).record.cells;
      expect(mine.map((r) => [r.path, r.value, r.raw, r.page, r.sha256])).toEqual(
        cells.map((c) => [c.path, c.value === null ? '' : String(c.value), c.raw, c.page === null ? '' : String(c.page), sha256(f)]));
    }
    for (const f of failures()) {
      expect(rows.filter((r) => r.file === f).map((r) => [r.path, r['error.code']])).toEqual([['', codeOf(f)]]);
    }
    expect(new Set(rows.map((r) => r.file))).toEqual(new Set(expectedFiles));
  });
});

describe('SQLite', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(path.join(out, 'all.sqlite'), { readonly: true });
  });
  afterAll(() => db.close());

  test('reports: one row per report whose record is what `nianbao parse` prints', () => {
    const rows = db.prepare('SELECT * FROM reports').all() as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.file).sort()).toEqual(reports().sort());
    for (const r of rows) {
      const t = truthOf(r.file as string);
      expect(`${r.record as string}\n`).toBe(t.line);
      const rec = t.record;
      expect([r.sha256, r.format, r.agency, r.year, r.template_version]).toEqual(
        [rec.source.sha256, rec.source.format, rec.report.agency, rec.report.year, rec.report.templateVersion]);
      expect(r.checks_failed).toBe(t.record.checks.filter((c) => !c.ok).length);
    }
  });

  test('cells and checks: every number and every check of every report', () => {
    for (const f of reports()) {
      const { record } = truthOf(f);
      const sha = sha256(f);
      const cells = db.prepare('SELECT path, value, raw, page, table_no, row_no, col_no FROM cells WHERE sha256 = ? ORDER BY rowid').raw().all(sha);
      expect(cells).toEqual(record.cells.map((c) => [c.path, c.value, c.raw, c.page, c.table, c.row, c.col]));
      const checks = db.prepare('SELECT id, ok, message FROM checks WHERE sha256 = ? ORDER BY rowid').raw().all(sha);
      expect(checks).toEqual(record.checks.map((c) => [c.id, c.ok ? 1 : 0, c.message]));
    }
  });

  test('errors: one row per bad file with its code and hash', () => {
    const rows = db.prepare('SELECT file, sha256, code FROM errors ORDER BY file').raw().all();
    expect(rows).toEqual([...failures()].sort().map((f) => [f, sha256(f), codeOf(f)]));
  });

  test('a number joins to its report by hash', () => {
    const f = folder.files.find((p) => p.endsWith('daoli-2021.txt'))!;
    const row = db.prepare(`SELECT r.agency, c.value FROM reports r JOIN cells c USING (sha256)
      WHERE c.path = 'applications.newReceived.total' AND r.file = ?`).get(f) as { agency: string; value: number };
    expect(row).toEqual({ agency: '道里区人民政府办公室', value: 4 });
  });
});
