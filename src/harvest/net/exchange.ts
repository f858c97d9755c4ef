import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { guardedLookup, isPrivateAddress } from './guard';

/**
 * One HTTP GET, no redirects followed: what the server said, or why there is nothing. Bounded in time (an idle
 * timeout and a deadline for the whole exchange) and in size (Content-Length is checked before anything is read,
 * and the body, decompressed, is counted as it arrives), so a slow, endless or bomb-like response cannot stall or
 * swamp a run. A body cut short of its Content-Length, or a connection closed mid-body, is TRUNCATED.
 */

export type FailureCode =
  | 'BAD_URL' // not http or https
  | 'PRIVATE_ADDRESS' // resolves to a loopback, private or otherwise local address
  | 'DISALLOWED' // robots.txt disallows it
  | 'ROBOTS_UNAVAILABLE' // the host's robots.txt could not be fetched (5xx, network): nothing there is fetched
  | 'TIMEOUT'
  | 'NETWORK' // DNS, refused, reset …
  | 'HTTP' // an error status
  | 'TRUNCATED' // the body ended before its announced length
  | 'TOO_LARGE'
  | 'REDIRECT_LOOP'
  | 'TOO_MANY_REDIRECTS';

export interface Failure {
  kind: 'failed';
  code: FailureCode;
  message: string;
  /** Worth trying again soon: timeouts, 5xx, 429, cut downloads, network errors. */
  transient: boolean;
  status?: number;
  retryAfterMs?: number;
}

export type Hop =
  | { kind: 'body'; status: number; body: Buffer; etag?: string; lastModified?: string; contentType?: string }
  | { kind: 'not-modified' }
  | { kind: 'redirect'; status: number; location: string }
  | Failure;

export interface ExchangeOptions {
  headers: Record<string, string>;
  idleMs: number;
  deadlineMs: number;
  maxBytes: number;
  allowPrivate: boolean;
  agents: { http: http.Agent; https: https.Agent };
  /** Aborting ends the exchange at once (the run is stopping). */
  signal?: AbortSignal;
}

export function failure(code: FailureCode, message: string, transient = false, extra: Partial<Failure> = {}): Failure {
  return { kind: 'failed', code, message, transient, ...extra };
}

/** Retry-After in ms: seconds or an HTTP date. */
function retryAfter(v: string | undefined): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

function decoded(res: http.IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

const MB = 1024 * 1024;

function networkFailure(e: NodeJS.ErrnoException): Failure {
  if (e.code === 'EPRIVATE') return failure('PRIVATE_ADDRESS', e.message);
  if (e.code === 'ENOTFOUND') return failure('NETWORK', `no such host (${e.message})`, true);
  return failure('NETWORK', e.code ? `${e.code}: ${e.message}` : e.message, true);
}

export function exchange(url: URL, opts: ExchangeOptions): Promise<Hop> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(failure('BAD_URL', `${url.protocol} URLs are not fetched; only http and https`));
  if (!opts.allowPrivate && isPrivateAddress(url.hostname)) {
    return Promise.resolve(failure('PRIVATE_ADDRESS', `${url.hostname} is a private or local address (--allow-private-network allows it)`));
  }
  return new Promise<Hop>((resolve) => {
    let settled = false;
    const done = (h: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      opts.signal?.removeEventListener('abort', abort);
      resolve(h);
    };
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(url, {
      method: 'GET',
      headers: opts.headers,
      agent: secure ? opts.agents.https : opts.agents.http,
      lookup: opts.allowPrivate ? undefined : (guardedLookup as unknown as http.RequestOptions['lookup']),
      timeout: opts.idleMs,
    });
    const deadline = setTimeout(() => {
      done(failure('TIMEOUT', `no complete answer within ${opts.deadlineMs / 1000} s`, true));
      req.destroy();
    }, opts.deadlineMs);
    const abort = () => {
      done(failure('NETWORK', 'the run was stopped', true));
      req.destroy();
    };
    opts.signal?.addEventListener('abort', abort, { once: true });
    if (opts.signal?.aborted) abort();
    req.on('timeout', () => {
      done(failure('TIMEOUT', `no data for ${opts.idleMs / 1000} s`, true));
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => done(networkFailure(e)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      if (status >= 300 && status < 400 && status !== 304 && header('location')) {
        res.resume();
        return done({ kind: 'redirect', status, location: header('location')! });
      }
      if (status === 304) {
        res.resume();
        return done({ kind: 'not-modified' });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        const transient = status >= 500 || status === 408 || status === 425 || status === 429;
        return done(failure('HTTP', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, transient, { status, retryAfterMs: retryAfter(header('retry-after')) }));
      }
      const announced = header('content-length') !== undefined ? Number(header('content-length')) : undefined;
      if (announced !== undefined && announced > opts.maxBytes) {
        req.destroy();
        return done(failure('TOO_LARGE', `${Math.ceil(announced / MB)} MB announced, more than --max-size ${opts.maxBytes / MB} MB`));
      }
      const chunks: Buffer[] = [];
      let raw = 0;
      let size = 0;
      res.on('data', (c: Buffer) => {
        raw += c.length;
      });
      const body = decoded(res);
      body.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          done(failure('TOO_LARGE', `more than --max-size ${opts.maxBytes / MB} MB`));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      const cut = (why: string) => done(failure('TRUNCATED', `the download was cut short: ${why}`, true));
      // A decompressor fails on a cut stream; a plain body ends early (or "aborted") when the server hangs up.
      body.on('error', (e) => cut(e.message));
      res.on('aborted', () => cut(`${raw} of ${announced ?? 'an unknown number of'} bytes`));
      res.on('error', (e) => cut(e.message));
      body.on('end', () => {
        if (!res.complete) return cut(`${raw} of ${announced ?? 'an unknown number of'} bytes`);
        if (announced !== undefined && raw < announced) return cut(`${raw} of ${announced} bytes`);
        done({
          kind: 'body', status, body: Buffer.concat(chunks),
          etag: header('etag'), lastModified: header('last-modified'), contentType: header('content-type'),
        });
      });
    });
    req.end();
  });
}
