import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DELAY_ENV, exited, manyFolder, nianbao, parseCsv, start, tmpDir, waitFor } from './helpers';

/**
 * A run killed with SIGKILL midway, then run again: nothing lost, nothing twice, compared with a run that was
 * never interrupted. Each worker is slowed by the test-only delay hook so the kill lands midway every time; a
 * write cut short by the kill is simulated by appending part of a record before resuming.
 */

const N = 24;
const { dir } = manyFolder(N);
fs.writeFileSync(path.join(dir, 'r010-empty.txt'), '');
fs.writeFileSync(path.join(dir, 'r020-portal.html'), '<html><body><p>欢迎访问</p></body></html>');
fs.copyFileSync(path.join(dir, 'r003.txt'), path.join(dir, 'r003-copy.txt'));
const UNIQUE = N + 2;
const out = tmpDir('resume');

interface Kind {
  name: string;
  file: string;
  args: string[];
  /** Records in OUT now (approximate while it is being written). */
  count: (file: string) => number;
  /** A write cut short: part of a record at the end. */
  cut?: (file: string, ref: string) => void;
  /** OUT as a sorted list of its records, for comparing with a run never interrupted. */
  records: (file: string) => string[];
}

const csvRows = (file: string) => parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).slice(1).map((r) => JSON.stringify(r));
const text = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
/** Whole lines of JSON Lines. */
const lineCount = (file: string) => Math.max(0, text(file).split('\n').length - 1);
/** Rows of the wide CSV: they start with schemaVersion (empty for an error) and an absolute path. */
const rowCount = (file: string) => (text(file).match(/^1?,\//gm) ?? []).length;
/** Files in the long CSV (every row starts with its file). */
const filesIn = (file: string) => new Set(text(file).split('\n').slice(1, -1).map((l) => l.split(',')[0])).size;

const kinds: Kind[] = [
  {
    name: 'jsonl',
    file: 'out.jsonl',
    args: [],
    count: lineCount,
    cut: (file) => fs.appendFileSync(file, '{"schemaVersion":1,"source":{"path":"/x/r0'),
    records: (file) => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1).sort(),
  },
  {
    name: 'csv',
    file: 'out.csv',
    args: [],
    count: rowCount,
    cut: (file, ref) => {
      // The start of a real row, cut inside a quoted field.
      const row = fs.readFileSync(ref, 'utf8').split('\n')[1]!;
      fs.appendFileSync(file, `${row.slice(0, row.indexOf(',"') + 10)}`);
    },
    records: (file) => csvRows(file).sort(),
  },
  {
    name: 'csv --long',
    file: 'long.csv',
    args: ['--long'],
    count: filesIn,
    cut: (file, ref) => {
      // Whole rows, but only the first few of a report: the kill cut its group of rows short.
      const have = new Set(text(file).split('\n').map((l) => l.split(',')[0]));
      const refRows = text(ref).split('\n').slice(1, -1);
      const missing = refRows.filter((l) => !have.has(l.split(',')[0]));
      fs.appendFileSync(file, `${missing.slice(0, 3).join('\n')}\n`);
    },
    records: (file) => csvRows(file).sort(),
  },
  {
    name: 'sqlite',
    file: 'out.sqlite',
    args: [],
    count: (file) => {
      if (!fs.existsSync(file)) return 0;
      try {
        const db = new Database(file, { readonly: true });
        try {
          return (db.prepare('SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM errors)').pluck().get() as number);
        } finally {
          db.close();
        }
      } catch {
        return 0;
      }
    },
    records: (file) => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = [
          ...db.prepare('SELECT file, record FROM reports').raw().all(),
          ...db.prepare('SELECT file, sha256, code FROM errors').raw().all(),
          ...db.prepare('SELECT r.file, count(*) FROM cells c JOIN reports r USING (sha256) GROUP BY r.file').raw().all(),
          ...db.prepare('SELECT r.file, count(*), sum(ok) FROM checks c JOIN reports r USING (sha256) GROUP BY r.file').raw().all(),
        ];
        return rows.map((r) => JSON.stringify(r)).sort();
      } finally {
        db.close();
      }
    },
  },
];

describe.each(kinds)('$name', (kind) => {
  const ref = path.join(out, `ref-${kind.file}`);
  const target = path.join(out, kind.file);

  test('killed midway with SIGKILL and run again: the same records as a run never interrupted', async () => {
    const full = await nianbao(['batch', dir, '--out', ref, ...kind.args]);
    expect(full.code).toBe(0);
    expect(full.stderr).toMatch(/1 duplicate of another file skipped/);

    const child = start(['batch', dir, '--out', target, '--jobs', '1', ...kind.args], { [DELAY_ENV]: '150' });
    await waitFor('a few records', () => kind.count(target) >= 3);
    child.kill('SIGKILL');
    await exited(child);
    const before = kind.count(target);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(UNIQUE);
    kind.cut?.(target, ref);

    const resumed = await nianbao(['batch', dir, '--out', target, ...kind.args]);
    expect(resumed.code).toBe(0);
    const already = Number(/files read +\d+, (\d+) already in/.exec(resumed.stderr)?.[1]);
    expect(already).toBeGreaterThanOrEqual(3);
    expect(already).toBeLessThan(UNIQUE);

    const got = kind.records(target);
    const want = kind.records(ref);
    expect(got).toEqual(want);
    expect(new Set(got).size).toBe(got.length);
  }, 90000);

  test('run once more: nothing is parsed and OUT is unchanged', async () => {
    const bytes = fs.readFileSync(target);
    const again = await nianbao(['batch', dir, '--out', target, ...kind.args]);
    expect(again.code).toBe(0);
    if (kind.name === 'csv --long') {
      // A long CSV's last report cannot be told whole from cut short, so it is always parsed again: written the same.
      expect(again.stderr).toMatch(new RegExp(`files read +${N + 3}, ${N + 2} already in`));
      expect(again.stderr).toMatch(/parsed +1 report|failed +1/);
    } else {
      expect(again.stderr).toMatch(new RegExp(`files read +${N + 3}, ${N + 3} already in`));
      expect(again.stderr).toMatch(/parsed +0 reports/);
    }
    if (kind.name !== 'sqlite') expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(kind.records(target)).toEqual(kind.records(ref));
  }, 60000);
});
