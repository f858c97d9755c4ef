import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../src/cli/run';
import { GovSite } from './site';

/** `nianbao harvest` as cron runs it: new reports as JSON lines on stdout, one summary line on stderr. */

async function cli(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await run(args, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

const site = new GovSite();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-harvest-cli-'));
const db = path.join(tmp, 'h.sqlite');
const sources = path.join(tmp, 'sources.yaml');
beforeAll(async () => {
  await site.start();
  site.heal();
  fs.writeFileSync(sources, `# the smallest source: a name and a URL\n- name: 示例区\n  url: ${site.url}\n`);
});
afterAll(() => site.stop());

const harvestArgs = () => ['harvest', '--sources', sources, '--db', db, '--once', '--allow-private-network', '--delay', '0', '--timeout', '0.5', '--max-size', '1'];

test('a run prints each new report once as a JSON line, and a second run prints nothing', async () => {
  const first = await cli(harvestArgs());
  expect(first.code).toBe(0);
  const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; year: number; record: { schemaVersion: number }; originals: unknown[] });
  expect(lines.length).toBeGreaterThanOrEqual(7);
  expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
  expect(lines.every((l) => l.record.schemaVersion === 1 && l.originals.length > 0)).toBe(true);
  expect(first.stderr).toMatch(/^nianbao harvest: run 1, 1 sources/);
  expect(first.stderr).toMatch(/nianbao harvest: run 1: 1 sources; 3 listing pages, \d+ report pages, \d+ attachments visited .*; \d+ new reports from \d+ new originals; .*failed, to retry: .*REDIRECT_LOOP 1/);

  const second = await cli(harvestArgs());
  expect(second.code).toBe(0);
  expect(second.stdout).toBe('');
  expect(second.stderr).toMatch(/run 2: .*; 0 new reports from 0 new originals/);

  const since = await cli(['harvest', '--db', db, '--new-since', '2000-01-01']);
  expect(since.code).toBe(0);
  expect(since.stdout).toBe(first.stdout);
});

test.each([
  [['harvest', '--db', 'x.sqlite'], /give --sources FILE/],
  [['harvest', '--sources', 's.json'], /give --db FILE/],
  [['harvest', '--db', 'x.sqlite', '--new-since', 'yesterday'], /ISO date/],
  [['harvest', '--db', 'x.sqlite', '--new-since', '2025-01-01', '--sources', 's.json'], /--new-since takes --db only/],
  [['harvest', '--sources', 's.json', '--db', 'x.sqlite', '--delay', 'soon'], /--delay must be a number/],
  [['harvest', '--frobnicate'], /Unknown option '--frobnicate'/],
])('usage errors exit 64: %j', async (args, message) => {
  const r = await cli(args);
  expect(r.code).toBe(64);
  expect(r.stderr).toMatch(message);
});

test('a database another harvest is using is refused, naming the process', async () => {
  fs.writeFileSync(`${db}.lock`, String(process.pid));
  try {
    const r = await cli(harvestArgs());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`another harvest \\(pid ${process.pid}\\)`));
  } finally {
    fs.rmSync(`${db}.lock`);
  }
  // A lock left by a process that is gone is taken over.
  fs.writeFileSync(`${db}.lock`, '999999999');
  expect((await cli(harvestArgs())).code).toBe(0);
  expect(fs.existsSync(`${db}.lock`)).toBe(false);
});
