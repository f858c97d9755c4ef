import fs from 'node:fs';
import path from 'node:path';
import { DELAY_ENV, GENERATED, jsonLines, nianbao, tmpDir } from './helpers';

/** One pathological file cannot stall or kill a run: it becomes an error record and its worker is replaced. */

test('a file over --timeout is a TIMEOUT record; its worker is replaced and the run goes on', async () => {
  const dir = tmpDir('slow');
  for (const i of [1, 2, 3]) fs.writeFileSync(path.join(dir, `r${i}.txt`), `${fs.readFileSync(path.join(GENERATED, 'g42-001.tab.txt'), 'utf8')}\n${i}\n`);
  const out = path.join(tmpDir('slow-out'), 'out.jsonl');
  // Every worker blocks 20 s per file (as a parser stuck in a loop would): three files on two workers need a
  // replacement worker, and the run must end long before the 20 s are up.
  const r = await nianbao(['batch', dir, '--out', out, '--jobs', '2', '--timeout', '0.5'], { [DELAY_ENV]: '20000' });
  expect(r.code).toBe(0);
  expect(r.ms).toBeLessThan(15000);
  const records = jsonLines(out);
  expect(records).toHaveLength(3);
  for (const rec of records) expect(rec.error).toEqual({ code: 'TIMEOUT', message: expect.stringContaining('--timeout 0.5') as string });
  expect(r.stderr).toContain('TIMEOUT 3');
}, 60000);

test('a file that needs more than --max-memory is an OUT_OF_MEMORY record; the others are parsed', async () => {
  const dir = tmpDir('big');
  fs.copyFileSync(path.join(GENERATED, 'g42-001.html'), path.join(dir, 'a-good.html'));
  // 12 MB of table rows: its DOM alone is far more than 64 MB of heap.
  const rows = Array.from({ length: 200000 }, (_, i) => `<tr><td>${i}</td><td>某某单位${i}</td><td>12</td></tr>`).join('');
  fs.writeFileSync(path.join(dir, 'b-huge.html'), `<html><body><p>某局2021年政府信息公开工作年度报告</p><table>${rows}</table></body></html>`);
  fs.copyFileSync(path.join(GENERATED, 'g42-002.html'), path.join(dir, 'c-good.html'));
  const out = path.join(tmpDir('big-out'), 'out.jsonl');
  const r = await nianbao(['batch', dir, '--out', out, '--jobs', '1', '--max-memory', '64']);
  expect(r.code).toBe(0);
  const byName = new Map(jsonLines(out).map((rec) => [path.basename((rec.source as { path: string }).path), rec]));
  expect(byName.get('b-huge.html')?.error).toEqual({ code: 'OUT_OF_MEMORY', message: expect.stringContaining('64 MB') as string });
  expect(byName.get('a-good.html')?.schemaVersion).toBe(1);
  expect(byName.get('c-good.html')?.schemaVersion).toBe(1); // parsed by the worker that replaced the dead one
}, 60000);

test('a file larger than --max-memory is not read at all: TOO_LARGE, with its hash', async () => {
  const dir = tmpDir('large');
  fs.writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(65 * 1024 * 1024, 0x20));
  const out = path.join(tmpDir('large-out'), 'out.jsonl');
  const r = await nianbao(['batch', dir, '--out', out, '--max-memory', '64']);
  expect(r.code).toBe(0);
  const [rec] = jsonLines(out);
  expect(rec).toEqual({
    error: { code: 'TOO_LARGE', message: expect.stringContaining('65 MB') as string },
    source: { path: path.join(dir, 'huge.txt'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
  });
}, 60000);
