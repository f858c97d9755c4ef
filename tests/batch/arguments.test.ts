import fs from 'node:fs';
import path from 'node:path';
import { GENERATED, jsonLines, nianbao, SEED, tmpDir } from './helpers';

/** Non-zero exit only when the run itself cannot proceed: bad arguments (64) or an OUT it cannot use (1). */

const dir = tmpDir('args');
fs.copyFileSync(path.join(SEED, 'daoli-2021.txt'), path.join(dir, 'daoli.txt'));
fs.mkdirSync(path.join(dir, 'html'));
fs.copyFileSync(path.join(GENERATED, 'g42-001.html'), path.join(dir, 'html', 'a.html'));
fs.copyFileSync(path.join(GENERATED, 'g42-002.html'), path.join(dir, 'html', 'b.html'));
const outDir = tmpDir('args-out');

test.each([
  [['batch', dir], 'needs --out'],
  [['batch', '--out', path.join(outDir, 'x.jsonl')], 'at least one DIR or GLOB'],
  [['batch', dir, '--out', path.join(outDir, 'x.json')], 'OUT must end in .jsonl, .csv or .sqlite'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--jobs', '0'], '--jobs must be at least 1'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--jobs', 'many'], '--jobs must be a number'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--timeout', '0'], '--timeout must be more than 0'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--max-memory', '8'], '--max-memory must be at least 64'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--long'], '--long needs a .csv OUT'],
  [['batch', dir, '--out', path.join(outDir, 'x.jsonl'), '--fast'], "Unknown option '--fast'"],
])('%j: exit 64 with the reason, nothing written', async (args, reason) => {
  const r = await nianbao(args);
  expect(r.code).toBe(64);
  expect(r.stderr).toContain(reason);
  expect(fs.existsSync(path.join(outDir, 'x.jsonl'))).toBe(false);
});

test('an input that names nothing: exit 1 naming it, OUT not created', async () => {
  const out = path.join(outDir, 'none.jsonl');
  const r = await nianbao(['batch', path.join(dir, 'nope'), '--out', out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${path.join(dir, 'nope')}: no such file or directory [IO]`);
  expect(fs.existsSync(out)).toBe(false);
});

test('an OUT that cannot be written: exit 1 naming it', async () => {
  const blocker = path.join(outDir, 'a-file');
  fs.writeFileSync(blocker, '');
  const r = await nianbao(['batch', dir, '--out', path.join(blocker, 'x.jsonl')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(path.join(blocker, 'x.jsonl'));
  expect(r.stderr).toContain('[IO]');
});

test.each<[string, string | null]>([
  ['x.jsonl', 'some,other\nfile\n'],
  ['x.csv', 'name,value\nx,1\n'],
  ['long.csv', null],
  ['x.sqlite', null],
])('an existing %s that nianbao did not write (or wrote with other options) is refused, untouched', async (name, content) => {
  const out = path.join(outDir, `foreign-${name}`);
  if (content !== null) fs.writeFileSync(out, content);
  else if (name === 'long.csv') expect((await nianbao(['batch', dir, '--out', out])).code).toBe(0); // wide, not --long
  else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(out);
    db.exec('CREATE TABLE t (x)');
    db.close();
  }
  const before = fs.readFileSync(out);
  const r = await nianbao(['batch', dir, '--out', out, ...(name === 'long.csv' ? ['--long'] : [])]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/give another OUT/);
  expect(fs.readFileSync(out).equals(before)).toBe(true);
});

test('a quoted glob is expanded by nianbao; files it names are taken whatever their extension', async () => {
  const out = path.join(outDir, 'glob.jsonl');
  const r = await nianbao(['batch', `${dir}/**/[ab].htm{l,}`, path.join(dir, 'daoli.txt'), '--out', out]);
  expect(r.code).toBe(0);
  const paths = jsonLines(out).map((rec) => (rec.source as { path: string }).path).sort();
  expect(paths).toEqual([path.join(dir, 'daoli.txt'), path.join(dir, 'html', 'a.html'), path.join(dir, 'html', 'b.html')]);
});

test('a glob that matches nothing is a bad argument', async () => {
  const r = await nianbao(['batch', `${dir}/*.pdf`, '--out', path.join(outDir, 'g.jsonl')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('no file matches this pattern');
});

test('plain progress lines and the summary go to stderr when it is not a terminal; stdout stays empty', async () => {
  const r = await nianbao(['batch', dir, '--out', path.join(outDir, 'p.jsonl')]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^nianbao batch: 3 files → .*p\.jsonl, \d+ workers\n/);
  expect(r.stderr).not.toContain('\r');
  expect(r.stderr).toMatch(/parsed +3 reports/);
});
