import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { harvest, HarvestOptionsInput } from '../../src/harvest';
import { GovSite } from './site';

/** A pass stopped midway (SIGTERM from systemd, Ctrl-C) keeps what it stored; the next pass finishes the walk. */

const site = new GovSite();
beforeAll(async () => {
  await site.start();
  site.heal();
});
afterAll(() => site.stop());

test('an aborted pass loses nothing, and the next one finds the rest without fetching or parsing anything twice', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-interrupt-'));
  const sources = path.join(tmp, 'sources.json');
  fs.writeFileSync(sources, JSON.stringify([{ name: 'x', url: site.url }]));
  const opts: HarvestOptionsInput = { sources, db: path.join(tmp, 'h.sqlite'), allowPrivateNetwork: true, delay: 0, timeout: 0.5, maxSize: 1 };
  const controller = new AbortController();
  site.onHit = (h) => {
    if (h.path === '/ndbg/t2.html') controller.abort();
  };
  const first = await harvest(opts, { signal: controller.signal });
  site.onHit = undefined;
  expect(first.interrupted).toBe(true);
  expect(site.count('/ndbg/index_1.html')).toBe(0);
  const stored = first.newOriginals;
  expect(stored).toBeGreaterThanOrEqual(1);

  const second = await harvest(opts);
  expect(second.interrupted).toBe(false);
  // The interrupted pass never reached the end of the listing, so this one walks all of it.
  expect(site.count('/ndbg/index_2.html')).toBe(1);
  const db = new Database(opts.db, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  expect(count('SELECT COUNT(*) AS n FROM harvest_files')).toBe(first.newOriginals + second.newOriginals);
  expect(count('SELECT COUNT(*) AS n FROM reports') + count('SELECT COUNT(*) AS n FROM errors')).toBe(count('SELECT COUNT(*) AS n FROM harvest_files'));
  expect(count('SELECT COUNT(*) AS n FROM harvest_reports')).toBe(first.newReports + second.newReports);
  expect(count('SELECT COUNT(DISTINCT agency) AS n FROM harvest_reports')).toBe(7);
  db.close();
  // Each file was downloaded once, but for the page in flight when the pass stopped: cut off, not stored, fetched again.
  for (const p of new Set(site.hits.map((h) => h.path))) {
    if (p === '/robots.txt' || p.startsWith('/ndbg/index') || p.startsWith('/ndbg/loop') || p.startsWith('/files/huge') || p.startsWith('/files/endless')) continue;
    expect([p, site.count(p, 200)]).toEqual([p, p === '/ndbg/t2.html' ? 2 : 1]);
  }
});

test('SIGTERM (systemd stopping the service) ends the command at once with 130, its findings printed and kept', async () => {
  const stalled = new GovSite(); // not healed: /ndbg/slow.html sends its headers, then nothing
  await stalled.start();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sigterm-'));
  const sources = path.join(tmp, 'sources.json');
  const db = path.join(tmp, 'h.sqlite');
  fs.writeFileSync(sources, JSON.stringify([{ name: 'x', url: stalled.url }]));
  const child = spawn(process.execPath, [path.join(__dirname, '../../dist/cli.js'), 'harvest', '--sources', sources, '--db', db,
    '--allow-private-network', '--delay', '0', '--timeout', '60', '--max-size', '1']);
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  let stoppedAt = 0;
  stalled.onHit = (h) => {
    if (h.path === '/ndbg/slow.html') {
      stoppedAt = Date.now();
      child.kill('SIGTERM');
    }
  };
  try {
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    const lines = Buffer.concat(out).toString().trim().split('\n').map((l) => JSON.parse(l) as { year: number });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const h = new Database(db, { readonly: true });
    expect(h.prepare('SELECT finished_at IS NOT NULL AS done FROM harvest_runs').pluck().get()).toBe(1);
    // The page cut off by the stop is not held against it: it is visited again next time.
    expect(h.prepare("SELECT state, failures FROM harvest_urls WHERE url LIKE '%/slow.html'").get()).toEqual({ state: 'pending', failures: 0 });
    h.close();
  } finally {
    child.kill('SIGKILL');
    await stalled.stop();
  }
});
