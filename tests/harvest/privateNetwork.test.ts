import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { harvest } from '../../src/harvest';
import { GovSite } from './site';

/** Without --allow-private-network, a source on this machine is refused before a single request reaches it. */

const site = new GovSite();
beforeAll(() => site.start());
afterAll(() => site.stop());

test('loopback addresses, written as an IP or resolved from a name, are refused without the flag', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-private-'));
  const sources = path.join(tmp, 'sources.json');
  const port = new URL(site.origin).port;
  fs.writeFileSync(sources, JSON.stringify([
    { name: 'by-ip', url: site.url },
    { name: 'by-name', url: `http://localhost:${port}/ndbg/index.html` },
    { name: 'ipv6', url: `http://[::1]:${port}/ndbg/index.html` },
  ]));
  const db = path.join(tmp, 'h.sqlite');
  const summary = await harvest({ sources, db, delay: 0, retries: 0 });
  expect(summary.failures).toEqual({ PRIVATE_ADDRESS: 3 });
  expect(site.hits).toEqual([]);
  const rows = new Database(db, { readonly: true }).prepare('SELECT error_code, error_message FROM harvest_urls ORDER BY rowid').all() as Array<{ error_code: string; error_message: string }>;
  expect(rows.map((r) => r.error_code)).toEqual(['PRIVATE_ADDRESS', 'PRIVATE_ADDRESS', 'PRIVATE_ADDRESS']);
  expect(rows[1]!.error_message).toMatch(/localhost resolves to (127\.0\.0\.1|::1).*--allow-private-network/);
});
