import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WorkerPool } from '../../src/batch/pool';
import { GENERATED, tmpDir } from './helpers';

/**
 * How batch's work is split between threads (index.ts, run.ts, pool.ts): the parse workers read their files
 * themselves, and the coordinator thread loads only what the sink it writes needs.
 */

const ROOT = path.join(__dirname, '..', '..');

test('a parse worker reads the file it is given by path; one gone by then is an IO outcome, not a dead worker', async () => {
  const dir = tmpDir('pool');
  const file = path.join(dir, 'r.txt');
  fs.copyFileSync(path.join(GENERATED, 'g42-001.tab.txt'), file);
  const pool = new WorkerPool({ size: 1, kind: 'jsonl', timeoutMs: 30_000, maxMemoryMb: 512, onFatal: (e) => { throw e; } });
  try {
    const gone = await pool.run(path.join(dir, 'gone.txt'));
    expect(gone).toEqual({ ok: false, code: 'IO', message: 'no such file' });
    const ok = await pool.run(file);
    expect(ok?.ok).toBe(true);
    const line = Buffer.from((ok as { payload: Uint8Array }).payload).toString('utf8');
    expect(JSON.parse(line)).toMatchObject({ source: { path: file, format: 'text' } });
  } finally {
    await pool.close();
  }
}, 60_000);

test('the coordinator writing JSON Lines or SQLite does not load zod; writing CSV (columns from the schema) does', () => {
  const loadsZod = (out: string) => {
    const script = `require('./dist/batch/run.js'); require('./dist/batch/sinks').openSink({ out: ${JSON.stringify(out)}, long: false }).close();
      process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('/zod/'))));`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  const dir = tmpDir('lazy-sinks');
  expect(loadsZod(path.join(dir, 'a.jsonl'))).toBe('false');
  expect(loadsZod(path.join(dir, 'a.sqlite'))).toBe('false');
  expect(loadsZod(path.join(dir, 'a.csv'))).toBe('true');
});
