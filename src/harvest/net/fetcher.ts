import http from 'node:http';
import https from 'node:https';
import { exchange, ExchangeOptions, Failure, failure } from './exchange';
import { HostGate } from './hostGate';
import { ALLOW_ALL, parseRobots, Robots } from './robots';

/**
 * Polite, bounded GETs: robots.txt consulted for every URL and every redirect hop (fetched once per host and run),
 * one request at a time per host with a pause between them (robots' Crawl-delay raises it), bounded redirects with
 * loop detection, conditional requests, and retries with doubling backoff for transient failures.
 */

export type Fetched =
  | { kind: 'body'; url: string; body: Buffer; etag?: string; lastModified?: string; contentType?: string }
  | { kind: 'not-modified'; url: string }
  | Failure;

export interface FetcherOptions {
  userAgent: string;
  /** The product token robots.txt groups are matched against. */
  product: string;
  delayMs: number;
  maxDelayMs: number;
  idleMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

const ROBOTS_MAX_BYTES = 512 * 1024;

export class Fetcher {
  private readonly gate: HostGate;
  private readonly robots = new Map<string, Promise<Robots | Failure>>();
  /** Crawl-delay (ms, capped) of each origin whose robots.txt asked for one. */
  private readonly crawlDelays = new Map<string, number>();
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 1 }),
  };
  /** Requests sent, robots.txt included; retries and redirect hops each count. */
  requests = 0;

  constructor(private readonly opts: FetcherOptions) {
    this.gate = new HostGate((ms) => this.sleep(ms));
  }

  /** Waits, or less when the run is aborted. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.opts.signal;
      if (ms <= 0 || signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private exchangeOptions(headers: Record<string, string>, maxBytes = this.opts.maxBytes): ExchangeOptions {
    return {
      headers: {
        'User-Agent': this.opts.userAgent,
        Accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.8',
        'Accept-Language': 'zh-CN,zh;q=0.9',
        'Accept-Encoding': 'gzip, deflate, br',
        ...headers,
      },
      idleMs: this.opts.idleMs,
      deadlineMs: this.opts.idleMs * 10,
      maxBytes,
      allowPrivate: this.opts.allowPrivate,
      agents: this.agents,
      signal: this.opts.signal,
    };
  }

  private hop(url: URL, headers: Record<string, string>, maxBytes?: number) {
    const delay = Math.max(this.opts.delayMs, this.crawlDelays.get(url.origin) ?? 0);
    return this.gate.run(url.host, delay, () => {
      this.requests++;
      return exchange(url, this.exchangeOptions(headers, maxBytes));
    });
  }

  /** The host's robots.txt, fetched once per run. A 4xx means no rules; a 5xx or no answer means keep out (RFC 9309). */
  private robotsFor(url: URL): Promise<Robots | Failure> {
    let r = this.robots.get(url.origin);
    if (!r) {
      r = (async () => {
        const got = await this.follow(new URL('/robots.txt', url.origin), {}, false, ROBOTS_MAX_BYTES);
        if (got.kind === 'body') {
          const robots = parseRobots(got.body.toString('utf8'), this.opts.product);
          if (robots.crawlDelay) this.crawlDelays.set(url.origin, Math.min(robots.crawlDelay * 1000, this.opts.maxDelayMs));
          return robots;
        }
        if (got.kind === 'failed' && got.code === 'HTTP' && got.status !== undefined && got.status < 500 && got.status !== 429) return ALLOW_ALL;
        if (got.kind === 'failed' && (got.code === 'PRIVATE_ADDRESS' || got.code === 'BAD_URL')) return got;
        return failure('ROBOTS_UNAVAILABLE', `${url.origin}/robots.txt could not be read (${got.kind === 'failed' ? got.message : got.kind}), so nothing on the host is fetched`, true);
      })();
      this.robots.set(url.origin, r);
    }
    return r;
  }

  /** Follows redirects from `start`; checks robots.txt on every hop unless fetching robots.txt itself. */
  private async follow(start: URL, headers: Record<string, string>, obeyRobots: boolean, maxBytes?: number): Promise<Fetched> {
    const seen = new Set<string>([start.href]);
    let url = start;
    for (let hops = 0; ; hops++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return failure('BAD_URL', `${url.href}: only http and https URLs are fetched`);
      if (obeyRobots) {
        const robots = await this.robotsFor(url);
        if ('kind' in robots) return robots;
        if (!robots.allowed(url.pathname + url.search)) return failure('DISALLOWED', `robots.txt of ${url.host} disallows ${url.pathname}${url.search}`);
      }
      const r = await this.hop(url, headers, maxBytes);
      if (r.kind === 'body') return { kind: 'body', url: url.href, body: r.body, etag: r.etag, lastModified: r.lastModified, contentType: r.contentType };
      if (r.kind === 'not-modified') return { kind: 'not-modified', url: url.href };
      if (r.kind === 'failed') return r;
      let next: URL;
      try {
        next = new URL(r.location, url);
      } catch {
        return failure('HTTP', `HTTP ${r.status} to an invalid Location: ${r.location}`);
      }
      next.hash = '';
      if (seen.has(next.href)) return failure('REDIRECT_LOOP', `redirects loop back to ${next.href}`);
      if (hops + 1 > this.opts.maxRedirects) return failure('TOO_MANY_REDIRECTS', `more than --max-redirects ${this.opts.maxRedirects} redirects`);
      seen.add(next.href);
      url = next;
    }
  }

  /** GET with robots.txt, conditional validators and retries; the URL that answered is in the result. */
  async get(url: string, validators: Validators = {}): Promise<Fetched> {
    let start: URL;
    try {
      start = new URL(url);
    } catch {
      return failure('BAD_URL', `not a URL: ${url}`);
    }
    const headers: Record<string, string> = {};
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    for (let attempt = 0; ; attempt++) {
      const r = await this.follow(start, headers, true);
      if (r.kind !== 'failed' || !r.transient || attempt >= this.opts.retries || this.opts.signal?.aborted) return r;
      // A failed robots.txt is not retried within the run: its answer is cached for the run.
      if (r.code === 'ROBOTS_UNAVAILABLE') return r;
      await this.sleep(Math.min(Math.max(r.retryAfterMs ?? 0, this.opts.backoffMs * 2 ** attempt), 120_000));
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
