import path from 'node:path';
import { z } from 'zod';

/**
 * Options of `harvest()` and `nianbao harvest`, parsed once at the entry point; every default lives here.
 * The CLI hands over strings, the library numbers: both are coerced the same way.
 */

const seconds = (what: string) => z.coerce.number({ error: `${what} must be a number of seconds` }).min(0, `${what} must not be negative`);
const count = (what: string, min: number) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`);

export const HarvestOptions = z.object({
  /** The sources file (JSON or the YAML subset of src/harvest/yaml.ts). */
  sources: z.string({ error: 'give --sources FILE' }).min(1, 'give --sources FILE'),
  /** The SQLite database; created with its tables when new. */
  db: z.string({ error: 'give --db FILE' }).min(1, 'give --db FILE'),
  /** Where originals are kept, one file per content hash; default: files/ beside the database. */
  files: z.string().min(1).optional(),
  /** One pass, then exit: the only mode (a scheduler repeats it); accepted so crontabs can say so. */
  once: z.boolean().default(true),
  /** Let URLs resolve to loopback, private, link-local … addresses. For tests; users should not. */
  allowPrivateNetwork: z.boolean().default(false),
  /** Seconds between two requests to one host (robots.txt Crawl-delay raises it, up to maxDelay). */
  delay: seconds('--delay').default(2),
  /** The most a robots.txt Crawl-delay may ask for, in seconds. */
  maxDelay: seconds('--max-delay').default(30),
  /** Seconds a request may sit idle (connect, headers, body); the whole download may take 10 times that. */
  timeout: seconds('--timeout').positive('--timeout must be more than 0').default(30),
  /** Retries of one request after a transient failure (timeout, 5xx, 429, a cut download) within a run. */
  retries: count('--retries', 0).max(10).default(2),
  /** Seconds before the first retry; doubled for each next one. */
  backoff: seconds('--backoff').default(5),
  /** MB a download may have; more is refused as TOO_LARGE. */
  maxSize: z.coerce.number({ error: '--max-size must be a number of MB' }).positive('--max-size must be more than 0').default(64),
  /** Redirects followed for one request. */
  maxRedirects: count('--max-redirects', 0).max(20).default(5),
  /** Runs in a row a URL may fail before it is no longer retried (its row keeps the reason). */
  maxAttempts: count('--max-attempts', 1).default(5),
  /** Days before a report page or attachment already stored is checked again for a change (conditional GET). */
  recheckDays: z.coerce.number({ error: '--recheck-days must be a number' }).min(0).default(30),
  /** Listing pages walked per source and run, at most (the walk stops earlier once nothing on a page is new). */
  maxPages: count('--max-pages', 1).default(50),
  /** Sources walked at once (requests to one host are still one at a time). */
  concurrency: count('--concurrency', 1).max(64).default(4),
  /** Seconds one file may take to parse; its worker is then replaced and the file recorded as TIMEOUT. */
  parseTimeout: seconds('--parse-timeout').positive().default(60),
}).strict();

export type HarvestOptionsInput = z.input<typeof HarvestOptions>;
export type HarvestOptionsParsed = z.output<typeof HarvestOptions>;

/** The options `newSince()` takes: a database and a moment. */
export const NewSinceOptions = z.object({
  db: z.string({ error: 'give --db FILE' }).min(1, 'give --db FILE'),
  /** An ISO 8601 date or date-time (2025-01-31, 2025-01-31T08:00:00Z): reports first found at or after it. */
  since: z.string().refine((s) => !Number.isNaN(Date.parse(s)), '--new-since takes an ISO date or date-time, e.g. 2025-01-31'),
}).strict();

export type NewSinceOptionsInput = z.input<typeof NewSinceOptions>;

export function filesDir(opts: Pick<HarvestOptionsParsed, 'db' | 'files'>): string {
  return opts.files ?? path.join(path.dirname(path.resolve(opts.db)), 'files');
}
