import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, DELAY_ENV, exited, jsonLines, manyFolder, nianbao, start, tmpDir, waitFor } from './helpers';

/** What a person at a terminal meets: the progress bar, and Ctrl-C. */

const { dir, files } = manyFolder(12);

test('Ctrl-C stops cleanly: exit 130, whole records only, and the same command goes on from there', async () => {
  const out = path.join(tmpDir('int'), 'out.jsonl');
  const child = start(['batch', dir, '--out', out, '--jobs', '1'], { [DELAY_ENV]: '200' });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = () => (fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').length - 1 : 0);
  await waitFor('two records', () => lines() >= 2);
  child.kill('SIGINT');
  expect(await exited(child)).toBe(130);
  expect(stderr).toMatch(/interrupted; run the same command again to go on/);
  const partial = jsonLines(out);
  expect(partial.length).toBeLessThan(files.length);

  const resumed = await nianbao(['batch', dir, '--out', out]);
  expect(resumed.code).toBe(0);
  expect(resumed.stderr).toContain(`${partial.length} already in`);
  const paths = jsonLines(out).map((r) => (r.source as { path: string }).path).sort();
  expect(paths).toEqual(files);
}, 60000);

test('on a terminal, a progress bar redrawn in place', async () => {
  const out = path.join(tmpDir('tty'), 'out.jsonl');
  // script(1) runs the command on a pseudo-terminal, so stderr is a TTY as it is for a person.
  const command = `node ${CLI} batch ${dir} --out ${out} --jobs 1`;
  const text = await new Promise<string>((resolve, reject) => {
    execFile('script', ['-qec', command, '/dev/null'], { env: { ...process.env, [DELAY_ENV]: '150' } }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  expect(text).toMatch(/\r\x1b\[2K\[#*-*\] \d+\/12 files \d+% · [\d.]+\/s · ETA \S+ · 0 failed/);
  expect(text).toMatch(/parsed +12 reports/);
}, 60000);
