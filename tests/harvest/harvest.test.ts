import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { harvest, harvestedReports, HarvestOptionsInput, HarvestSummary } from '../../src/harvest';
import { GovSite } from './site';

/**
 * The harvester against a small government site on 127.0.0.1, over several runs, as cron would run it:
 * run 1 meets every fault; run 2 after the site healed, published a new report and corrected one; run 3 with
 * nothing new; run 4 after the URLs that keep failing have used up their attempts.
 */

const site = new GovSite();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-harvest-'));
const dbFile = path.join(tmp, 'harvest.sqlite');
const sources = path.join(tmp, 'sources.json');
let opts: HarvestOptionsInput;

beforeAll(async () => {
  await site.start();
  fs.writeFileSync(sources, JSON.stringify([{ name: '示例区', url: site.url, attachments: ['pdf', 'doc', 'docx', 'txt'] }]));
  opts = { sources, db: dbFile, allowPrivateNetwork: true, delay: 0, timeout: 0.4, retries: 1, backoff: 0, maxSize: 1 };
});
afterAll(() => site.stop());

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const expected = (n: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, '../../samples/generated', `g42-${n}.expected.json`), 'utf8')) as { report: { agency: string; year: number } }).report;
const pair = (n: string) => `${expected(n).agency} ${expected(n).year}`;

interface ReportRow { key: string; agency: string; year: number; run: number; revision_of: string | null }
const reports = () => query<ReportRow>('SELECT key, agency, year, run, revision_of FROM harvest_reports ORDER BY rowid');

let run1: HarvestSummary;
let run2: HarvestSummary;

test('run 1 finds every report once, stores every original, and records each fault with its reason', async () => {
  run1 = await harvest(opts);
  const found = new Set(reports().map((r) => `${r.agency} ${r.year}`));
  expect(found).toEqual(new Set(['000', '001', '002', '003'].map(pair)));
  // The article page and its DOC, DOCX and text attachments are one report (the PDF too, once its adapter reads it the same).
  const t1 = query<{ url: string; report_key: string | null; error_code: string | null }>(
    "SELECT u.url, f.report_key, f.error_code FROM harvest_urls u JOIN harvest_files f ON f.sha256 = u.sha256 WHERE u.article LIKE '%/ndbg/t1.html'");
  expect(t1.map((o) => new URL(o.url).pathname).sort()).toEqual(['/download.jsp', '/files/2020.doc', '/files/2020.docx', '/files/2020.pdf', '/ndbg/t1.html']);
  const readable = t1.filter((o) => o.report_key !== null && !o.url.endsWith('.pdf'));
  expect(readable).toHaveLength(4);
  expect(new Set(readable.map((o) => o.report_key)).size).toBe(1);
  expect(run1.newReports).toBeGreaterThanOrEqual(4);
  expect(run1.newReports).toBeLessThanOrEqual(5); // 5 only if the PDF were read with other numbers

  expect(run1.failures).toEqual({ DISALLOWED: 1, TIMEOUT: 1, HTTP: 1, REDIRECT_LOOP: 1, TOO_LARGE: 2, TRUNCATED: 1 });
  const failed = Object.fromEntries(query<{ url: string; error_code: string; error_message: string }>("SELECT url, error_code, error_message FROM harvest_urls WHERE state = 'failed'")
    .map((r) => [new URL(r.url).pathname, `${r.error_code}: ${r.error_message}`]));
  expect(Object.keys(failed).sort()).toEqual(['/files/cut.docx', '/files/endless.pdf', '/files/huge.pdf', '/ndbg/flaky.html', '/ndbg/loop.html', '/ndbg/slow.html', '/private/t9.html']);
  expect(failed['/ndbg/flaky.html']).toMatch(/^HTTP: HTTP 500/);
  expect(failed['/files/cut.docx']).toMatch(/^TRUNCATED/);
  expect(failed['/files/huge.pdf']).toMatch(/^TOO_LARGE: 200 MB announced/);
  expect(failed['/private/t9.html']).toMatch(/^DISALLOWED/);
  // Transient faults were retried within the run (--retries 1); the others were not.
  expect(site.count('/ndbg/flaky.html', 500)).toBe(2);
  expect(site.count('/ndbg/loop.html')).toBe(1);

  expect(site.hits.filter((h) => h.path.startsWith('/private/'))).toEqual([]);
  expect(site.count('/robots.txt')).toBe(1);
  expect(new Set(site.hits.map((h) => h.ua))).toEqual(new Set([expect.stringMatching(/^nianbao\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+\)$/)]));
  // Pagination by createPageHTML and by 下一页; the GBK listing read; the notice that is no report not fetched.
  expect(site.count('/ndbg/index_1.html')).toBe(1);
  expect(site.count('/ndbg/index_2.html')).toBe(1);
  expect(site.count('/ndbg/t3.html')).toBe(1);
  expect(site.count('/ndbg/notice.html')).toBe(0);
});

test('run 1 stores each original once, by content hash, with its parse result in the batch schema', () => {
  const files = query<{ sha256: string; file: string; report_key: string | null }>('SELECT sha256, file, report_key FROM harvest_files');
  expect(files.length).toBe(run1.newOriginals);
  for (const f of files) {
    const bytes = fs.readFileSync(path.resolve(tmp, f.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
  }
  const parsed = query<{ n: number }>('SELECT COUNT(*) AS n FROM reports')[0]!.n;
  const errors = query<{ n: number }>('SELECT COUNT(*) AS n FROM errors')[0]!.n;
  expect(parsed + errors).toBe(files.length);
  expect(parsed).toBe(files.filter((f) => f.report_key !== null).length);
  const cells = query<{ path: string; value: number }>("SELECT c.path, c.value FROM cells c JOIN reports r ON r.sha256 = c.sha256 WHERE r.file LIKE '%/huaian-2023.txt' AND c.path = 'applications.newReceived.total'");
  expect(cells).toHaveLength(1);
  // The report pages that only say 详见附件 are kept, as not a report.
  expect(query<{ code: string; path: string }>('SELECT code, file AS path FROM errors ORDER BY file').filter((e) => e.code === 'NOT_A_REPORT').map((e) => new URL(e.path).pathname))
    .toEqual(['/ndbg/big.html', '/ndbg/cut.html']);
});

test('run 2 retries what failed, finds what is new, and downloads and parses nothing it already has', async () => {
  site.heal();
  site.publish();
  const before = site.hits.length;
  run2 = await harvest({ ...opts, recheckDays: 0 });
  const hits = site.hits.slice(before);
  const rows = reports().filter((r) => r.run === run2.run);
  expect(new Set(rows.map((r) => `${r.agency} ${r.year}`))).toEqual(new Set(['001', '004', '005', '006', '007'].map(pair)));
  expect(run2.newReports).toBe(5);
  expect(run2.newOriginals).toBe(5); // t0, the corrected t2, slow, flaky, cut.docx
  // The corrected page is a new report that names the one it replaces.
  const corrected = rows.find((r) => r.agency === expected('001').agency)!;
  const original = reports().find((r) => r.agency === expected('001').agency && r.run === run1.run)!;
  expect(corrected.revision_of).toBe(original.key);
  // Everything stored before was asked for conditionally and answered 304: nothing downloaded twice.
  for (const p of ['/ndbg/t1.html', '/files/2020.pdf', '/files/2020.docx', '/files/2020.doc', '/download.jsp?id=2020', '/ndbg/t3.html', '/files/huaian-2023.txt', '/ndbg/big.html']) {
    expect(hits.filter((h) => h.path === p).map((h) => `${h.status}${h.conditional ? ' conditional' : ''}`)).toEqual(['304 conditional']);
  }
  // New reports are at the top of the listing: the walk stops at the first page with nothing new.
  expect(hits.filter((h) => h.path === '/ndbg/index_2.html')).toEqual([]);
  expect(run2.failures).toEqual({ DISALLOWED: 1, REDIRECT_LOOP: 1, TOO_LARGE: 2 });
  expect(hits.filter((h) => h.path.startsWith('/private/'))).toEqual([]);
  // Nothing lost: every report of run 1 is still there.
  expect(reports().filter((r) => r.run === run1.run)).toHaveLength(run1.newReports);
});

test('what a run found comes back as JSON lines, with every original and the contract record', () => {
  const lines = [...harvestedReports({ db: dbFile, run: run2.run })];
  expect(lines).toHaveLength(5);
  const cut = lines.find((l) => l.agency === expected('006').agency)!;
  expect(cut.record.report.year).toBe(expected('006').year);
  expect(cut.originals.map((o) => [new URL(o.url).pathname, o.report, o.error])).toEqual([
    ['/files/cut.docx', true, null],
    ['/ndbg/cut.html', false, 'NOT_A_REPORT'],
  ]);
  expect(fs.existsSync(cut.originals[0]!.file)).toBe(true);
  const since = [...harvestedReports({ db: dbFile, since: '2000-01-01' })];
  expect(since).toHaveLength(run1.newReports + 5);
  expect([...harvestedReports({ db: dbFile, since: new Date(Date.now() + 60_000).toISOString() })]).toEqual([]);
});

test('run 3 with nothing new asks for the first listing page only, and retries what still fails', async () => {
  const before = site.hits.length;
  const run3 = await harvest(opts);
  const hits = site.hits.slice(before).map((h) => `${h.path} ${h.status}`);
  expect(hits.sort()).toEqual([
    '/files/endless.pdf 200', '/files/huge.pdf 200', '/ndbg/index.html 304', '/ndbg/loop.html 302', '/ndbg/loop2.html 302', '/robots.txt 200',
  ]);
  expect(run3.newReports).toBe(0);
  expect(run3.newOriginals).toBe(0);
  expect(query<{ failures: number }>("SELECT failures FROM harvest_urls WHERE url LIKE '%/loop.html'")[0]!.failures).toBe(3);
});

test('a URL that failed --max-attempts runs in a row is no longer tried, and keeps its reason', async () => {
  const before = site.hits.length;
  const run4 = await harvest({ ...opts, maxAttempts: 3 });
  expect(site.hits.slice(before).map((h) => h.path).sort()).toEqual(['/ndbg/index.html', '/robots.txt']);
  expect(run4.failures).toEqual({});
  expect(query<{ error_code: string }>("SELECT error_code FROM harvest_urls WHERE url LIKE '%/loop.html'")[0]!.error_code).toBe('REDIRECT_LOOP');
});
