import { createHash } from 'node:crypto';
import path from 'node:path';
import { detectFormat } from '../detect';
import type { ReportStore } from '../store/sqlite';
import { HarvestDb, UrlKind, UrlRow } from './db';
import { ContentStore } from './files';
import { reportKey } from './identity';
import { attachmentLinks, isAttachment, Link, listingLinks, ListingLinks } from './links';
import type { Fetcher } from './net/fetcher';
import type { HarvestOptionsParsed } from './options';
import type { Parser } from './parser';
import type { Source } from './sources';
import { HarvestSummary } from './summary';

/**
 * One run's walk of the sources: listing pages (following pagination) → report pages and attachments → originals
 * stored and parsed once per content. Every URL's outcome is written as it happens, so a run that is killed keeps
 * what it did, and the next run retries what failed.
 *
 * A source walked to its end once is afterwards walked only as far as something is new: new reports appear at the
 * top of a listing, so the walk stops at the first listing page whose report links are all known. Reports already
 * stored are not fetched again until --recheck-days have passed, and then with a conditional request.
 */

interface Env {
  opts: HarvestOptionsParsed;
  db: HarvestDb;
  store: ReportStore;
  files: ContentStore;
  fetcher: Fetcher;
  parser: Parser;
  run: number;
  version: string;
  dbDir: string;
  summary: HarvestSummary;
  signal?: AbortSignal;
}

type Visit =
  | { ok: false }
  | { ok: true; url: string; body?: Buffer; sha256?: string; previous: string | null };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const now = () => new Date().toISOString();
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export class Walk {
  /** URLs this run has already visited: one visit each, however many pages link to it. */
  private readonly visited = new Set<string>();
  /** Originals being parsed, by sha256. */
  private readonly parsing = new Map<string, Promise<void>>();

  constructor(private readonly env: Env) {}

  private get stopped(): boolean {
    return this.env.signal?.aborted ?? false;
  }

  /** Whether a stored URL should be fetched now: never answered, failed (and not given up on), or due a recheck. */
  private due(row: UrlRow | undefined): boolean {
    if (!row) return true;
    if (row.state !== 'ok') return row.failures < this.env.opts.maxAttempts;
    return this.recheckBefore > (row.fetched_at ?? '') && row.failures < this.env.opts.maxAttempts;
  }

  private get recheckBefore(): string {
    return new Date(Date.now() - this.env.opts.recheckDays * 86_400_000).toISOString();
  }

  private async visit(u: { url: string; source: string; kind: UrlKind; foundOn?: string; text?: string; article?: string }): Promise<Visit> {
    const { db, fetcher, run, summary } = this.env;
    if (this.visited.has(u.url) || this.stopped) return { ok: false };
    this.visited.add(u.url);
    db.seen(u, run);
    const row = db.url(u.url)!;
    summary.fetched[u.kind]++;
    const got = await fetcher.get(u.url, row.state === 'ok' ? { etag: row.etag, lastModified: row.last_modified } : {});
    if (got.kind === 'failed') {
      // Cut off by the run stopping: not the URL's fault; it stays as it was, to be visited next time.
      if (this.stopped) return { ok: false };
      db.failed(u.url, now(), got.code, got.message);
      bump(summary.failures, got.code);
      return { ok: false };
    }
    if (got.kind === 'not-modified') {
      db.answered(u.url, now(), { finalUrl: got.url });
      summary.notModified++;
      return { ok: true, url: got.url, previous: row.sha256 };
    }
    const sha = sha256(got.body);
    db.answered(u.url, now(), { finalUrl: got.url, etag: got.etag, lastModified: got.lastModified, sha256: sha });
    return { ok: true, url: got.url, body: got.body, sha256: sha, previous: row.sha256 };
  }

  async source(src: Source): Promise<void> {
    await this.listings(src);
    // What failed before, or is due a recheck, and the walk did not reach.
    const { db, opts } = this.env;
    for (const row of db.revisit(src.name, 'page', opts.maxAttempts, this.recheckBefore)) {
      if (!this.visited.has(row.url)) await this.page(src, { url: row.url, text: '' }, row.found_on ?? undefined);
    }
    for (const row of db.revisit(src.name, 'attachment', opts.maxAttempts, this.recheckBefore)) {
      if (!this.visited.has(row.url)) await this.attachment(src, { url: row.url, text: '' }, row.found_on ?? undefined, row.article ?? row.url);
    }
  }

  private async listings(src: Source): Promise<void> {
    const { db, opts, summary } = this.env;
    const walked = db.walked(src.name);
    // Start pages and listing pages that failed before are always visited; pagination only while there is news.
    const queue = [...src.url, ...db.revisit(src.name, 'listing', opts.maxAttempts).map((r) => r.url)].map((url) => ({ url, seeded: true }));
    const max = src.maxPages ?? opts.maxPages;
    let pages = 0;
    let clean = true;
    while (queue.length > 0 && pages < max && !this.stopped) {
      const { url } = queue.shift()!;
      if (this.visited.has(url)) continue;
      pages++;
      const v = await this.visit({ url, source: src.name, kind: 'listing' });
      if (!v.ok) {
        clean = false;
        continue;
      }
      let links: ListingLinks;
      if (v.body) {
        links = listingLinks(v.body, v.url, src);
        db.setLinks(url, links);
      } else links = JSON.parse(db.url(url)?.links ?? '{"reports":[],"pages":[]}') as ListingLinks;
      let fresh = 0;
      for (const link of links.reports) {
        if (this.stopped) break;
        const row = db.url(link.url);
        if (!row) fresh++;
        summary.reportLinks++;
        if (!this.due(row)) continue;
        if (isAttachment(link.url, link.text, src.attachments)) await this.attachment(src, link, url, link.url);
        else await this.page(src, link, url);
      }
      if (walked && fresh === 0) {
        // Nothing new here, so nothing new further on; keep only what is to be retried.
        for (let i = queue.length - 1; i >= 0; i--) if (!queue[i]!.seeded) queue.splice(i, 1);
        continue;
      }
      for (const p of links.pages) if (!this.visited.has(p)) queue.push({ url: p, seeded: false });
    }
    if (clean && !this.stopped) db.setWalked(src.name, now());
  }

  private async page(src: Source, link: Link, foundOn: string | undefined): Promise<void> {
    const v = await this.visit({ url: link.url, source: src.name, kind: 'page', foundOn, text: link.text, article: link.url });
    if (!v.ok || !v.body || !v.sha256) return;
    await this.original(src, link.url, v.body, v.sha256, v.previous);
    if (detectFormat(v.body, link.url) !== 'html') return;
    for (const a of attachmentLinks(v.body, v.url, src)) {
      if (this.stopped) return;
      if (this.due(this.env.db.url(a.url))) await this.attachment(src, a, link.url, link.url);
    }
  }

  private async attachment(src: Source, link: Link, foundOn: string | undefined, article: string): Promise<void> {
    const v = await this.visit({ url: link.url, source: src.name, kind: 'attachment', foundOn, text: link.text, article });
    if (v.ok && v.body && v.sha256) await this.original(src, link.url, v.body, v.sha256, v.previous);
  }

  /** Stores an original and parses it, unless these bytes were stored before (under this URL or another). */
  private async original(src: Source, url: string, body: Buffer, sha: string, previous: string | null): Promise<void> {
    const { db } = this.env;
    db.contentOf(url, sha, this.env.run);
    // The same bytes may arrive from two sources walked at once: the second waits for the first's parse.
    const inFlight = this.parsing.get(sha);
    if (inFlight) return inFlight;
    if (db.file(sha)) return;
    const job = this.store(src, url, body, sha, previous).finally(() => this.parsing.delete(sha));
    this.parsing.set(sha, job);
    return job;
  }

  private async store(src: Source, url: string, body: Buffer, sha: string, previous: string | null): Promise<void> {
    const { db, store, files, parser, run, summary, version } = this.env;
    const format = detectFormat(body, url);
    const file = files.put(sha, body, format);
    summary.newOriginals++;
    // The store may already hold the outcome when a run was killed between writing it and writing harvest_files.
    const stored = db.storedOutcome(sha);
    const outcome = stored
      ? ('record' in stored ? { ok: true as const, record: stored.record } : { ok: false as const, ...stored })
      : await parser.parse(url, body);
    const at = now();
    const common = { sha256: sha, file: path.relative(this.env.dbDir, file), size: body.length, format, url, run, at, parsedBy: version };
    if (!outcome.ok) {
      if (!stored) store.addError({ path: url, sha256: sha, code: outcome.code, message: outcome.message });
      db.addFile({ ...common, reportKey: null, errorCode: outcome.code });
      bump(summary.unreadable, outcome.code);
      return;
    }
    const key = reportKey(outcome.record);
    if ('rows' in outcome) store.transaction(() => store.addRows(outcome.rows));
    const before = previous ? db.file(previous)?.report_key ?? null : null;
    if (db.addReport({ key, record: outcome.record, sha256: sha, source: src.name, run, at, revisionOf: before !== key ? before : null })) summary.newReports++;
    db.addFile({ ...common, reportKey: key, errorCode: null });
  }
}
