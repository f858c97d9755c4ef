import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { NianbaoError } from '../errors';
import { ReportStore } from '../store/sqlite';
import { HarvestDb, HarvestedReport } from './db';
import { ContentStore } from './files';
import { acquireLock } from './lock';
import { Fetcher } from './net/fetcher';
import { filesDir, HarvestOptions, HarvestOptionsInput, NewSinceOptions, NewSinceOptionsInput } from './options';
import { Parser } from './parser';
import { loadSources, Source } from './sources';
import { emptySummary, HarvestSummary } from './summary';
import { Walk } from './walk';

/**
 * `nianbao harvest`: one pass over the sources (a scheduler repeats it), storing every new original once and
 * parsing it once, into the SQLite database that `nianbao batch` writes plus the harvester's own tables
 * (src/harvest/db.ts). What the run found is then read back with `harvestedReports({ db, run })`.
 */

export interface HarvestIo {
  /** Where the start line goes; nothing is printed without it. */
  stderr?: Writable;
  /** Aborting ends the run after the request in flight; what is stored stays, and the next run goes on. */
  signal?: AbortSignal;
}

/** Placeholder until the project has a public home; robots.txt groups are matched against PRODUCT. */
const PROJECT_URL = 'https://example.org/nianbao';
const PRODUCT = 'nianbao';

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

function parseOptions<T extends z.ZodType>(schema: T, options: unknown): z.output<T> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const message = issue.code === 'unrecognized_keys' ? z.prettifyError(parsed.error) : issue.message;
  throw new NianbaoError('USAGE', 'harvest', `harvest: ${message}`);
}

function openHarvestDb(file: string): HarvestDb {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  return new HarvestDb(new Database(file), file, path.dirname(path.resolve(file)));
}

/** Runs `fn` over the items with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export async function harvest(options: HarvestOptionsInput, io: HarvestIo = {}): Promise<HarvestSummary> {
  const opts = parseOptions(HarvestOptions, options);
  const sources: Source[] = loadSources(opts.sources);
  const started = Date.now();
  const release = acquireLock(opts.db);
  let store: ReportStore | undefined;
  let db: HarvestDb | undefined;
  let parser: Parser | undefined;
  let fetcher: Fetcher | undefined;
  try {
    store = ReportStore.open(opts.db); // first: it refuses a database nianbao did not write
    db = openHarvestDb(opts.db);
    const nianbao = version();
    const run = db.startRun(nianbao, new Date(started).toISOString());
    const summary = emptySummary(run, sources.length);
    io.stderr?.write(`nianbao harvest: run ${run}, ${sources.length} sources → ${opts.db}\n`);
    fetcher = new Fetcher({
      userAgent: `${PRODUCT}/${nianbao} (+${PROJECT_URL})`, product: PRODUCT,
      delayMs: opts.delay * 1000, maxDelayMs: opts.maxDelay * 1000, idleMs: opts.timeout * 1000,
      maxBytes: opts.maxSize * 1024 * 1024, maxRedirects: opts.maxRedirects, retries: opts.retries,
      backoffMs: opts.backoff * 1000, allowPrivate: opts.allowPrivateNetwork, signal: io.signal,
    });
    parser = new Parser(opts.parseTimeout * 1000);
    const walk = new Walk({
      opts, db, store, files: new ContentStore(filesDir(opts)), fetcher, parser, run, version: nianbao,
      dbDir: path.dirname(path.resolve(opts.db)), summary, signal: io.signal,
    });
    await eachLimited(sources, opts.concurrency, (src) => walk.source(src));
    summary.requests = fetcher.requests;
    summary.interrupted = io.signal?.aborted ?? false;
    summary.seconds = (Date.now() - started) / 1000;
    db.finishRun(run, new Date().toISOString(), summary);
    return summary;
  } finally {
    fetcher?.close();
    await parser?.close();
    db?.close();
    store?.close();
    release();
  }
}

/**
 * The reports a run found (`run`), or all found at or after a time (`since`, ISO 8601), oldest first: what a
 * downstream job reads, one JSON line each.
 */
export function* harvestedReports(options: NewSinceOptionsInput | { db: string; run: number }): Generator<HarvestedReport> {
  const where = 'run' in options ? { run: options.run } : { since: new Date(parseOptions(NewSinceOptions, options).since).toISOString() };
  if (!fs.existsSync(options.db)) throw new NianbaoError('IO', options.db, 'no such database');
  const store = ReportStore.open(options.db); // checks that it is one of ours
  store.close();
  const db = openHarvestDb(options.db);
  try {
    yield* db.reports(where);
  } finally {
    db.close();
  }
}

export { HarvestOptions } from './options';
export type { HarvestOptionsInput, NewSinceOptionsInput } from './options';
export { formatHarvestSummary } from './summary';
export type { HarvestSummary } from './summary';
export type { HarvestedReport } from './db';
