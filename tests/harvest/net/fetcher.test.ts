import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { Fetcher, FetcherOptions } from '../../../src/harvest/net/fetcher';

/** The fetcher against a local server: politeness, conditional requests, compression, redirects, retries. */

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler;
let server: http.Server;
let origin: string;
const log: Array<{ path: string; start: number; end: number }> = [];
let open = 0;
let maxOpen = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const entry = { path: req.url ?? '', start: Date.now(), end: 0 };
    log.push(entry);
    open++;
    maxOpen = Math.max(maxOpen, open);
    res.on('close', () => {
      open--;
      entry.end = Date.now();
    });
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  log.length = 0;
  maxOpen = 0;
});

const base: FetcherOptions = {
  userAgent: 'nianbao/test', product: 'nianbao', delayMs: 0, maxDelayMs: 0, idleMs: 1000, maxBytes: 1024 * 1024,
  maxRedirects: 3, retries: 2, backoffMs: 1, allowPrivate: true,
};

async function withFetcher<T>(opts: Partial<FetcherOptions>, fn: (f: Fetcher) => Promise<T>): Promise<T> {
  const f = new Fetcher({ ...base, ...opts });
  try {
    return await fn(f);
  } finally {
    f.close();
  }
}

test('one request at a time per host, with the delay between the end of one and the start of the next', async () => {
  handler = (_req, res) => setTimeout(() => res.end('ok'), 30);
  await withFetcher({ delayMs: 150 }, (f) => Promise.all([f.get(`${origin}/a`), f.get(`${origin}/b`), f.get(`${origin}/c`)]));
  const pages = log.filter((l) => l.path !== '/robots.txt');
  expect(pages.map((l) => l.path)).toEqual(['/a', '/b', '/c']);
  expect(maxOpen).toBe(1);
  for (let i = 1; i < pages.length; i++) expect(pages[i]!.start - pages[i - 1]!.end).toBeGreaterThanOrEqual(140);
});

test('conditional requests: the validators are sent, and 304 says not modified', async () => {
  handler = (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Sat, 20 Jan 2024 08:00:00 GMT') res.writeHead(304).end();
    else res.writeHead(200, { ETag: '"v1"', 'Last-Modified': 'Sat, 20 Jan 2024 08:00:00 GMT' }).end('body');
  };
  await withFetcher({}, async (f) => {
    const first = await f.get(`${origin}/p`);
    expect(first).toMatchObject({ kind: 'body', etag: '"v1"', lastModified: 'Sat, 20 Jan 2024 08:00:00 GMT' });
    expect(await f.get(`${origin}/p`, { etag: '"v1"', lastModified: 'Sat, 20 Jan 2024 08:00:00 GMT' })).toEqual({ kind: 'not-modified', url: `${origin}/p` });
  });
});

test('gzip bodies are decompressed, and the size cap counts decompressed bytes', async () => {
  const text = '年报'.repeat(1000);
  handler = (req, res) => {
    const body = zlib.gzipSync(req.url === '/bomb' ? Buffer.alloc(4 * 1024 * 1024) : Buffer.from(text));
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) }).end(body);
  };
  await withFetcher({}, async (f) => {
    const got = await f.get(`${origin}/text`);
    expect(got.kind === 'body' && got.body.toString()).toBe(text);
    expect(await f.get(`${origin}/bomb`)).toMatchObject({ kind: 'failed', code: 'TOO_LARGE' });
  });
});

test('redirects are followed to the URL that answers, within --max-redirects', async () => {
  handler = (req, res) => {
    const n = Number(/\/r(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    if (n > 0) res.writeHead(301, { Location: `/r${n - 1}` }).end();
    else res.end('here');
  };
  await withFetcher({}, async (f) => {
    expect(await f.get(`${origin}/r3`)).toMatchObject({ kind: 'body', url: `${origin}/r0` });
    expect(await f.get(`${origin}/r4`)).toMatchObject({ kind: 'failed', code: 'TOO_MANY_REDIRECTS', transient: false });
  });
  handler = (_req, res) => res.writeHead(302, { Location: 'ftp://example.org/x' }).end();
  await withFetcher({}, async (f) => expect(await f.get(`${origin}/x`)).toMatchObject({ kind: 'failed', code: 'BAD_URL' }));
});

test('transient failures are retried with backoff; permanent ones are not', async () => {
  let calls = 0;
  handler = (req, res) => {
    calls++;
    if (req.url === '/gone') res.writeHead(404).end();
    else if (calls < 3) res.writeHead(503, { 'Retry-After': '0' }).end();
    else res.end('finally');
  };
  await withFetcher({}, async (f) => {
    expect(await f.get(`${origin}/busy`)).toMatchObject({ kind: 'body' });
    expect(calls).toBe(3);
    calls = 100;
    expect(await f.get(`${origin}/gone`)).toMatchObject({ kind: 'failed', code: 'HTTP', status: 404, transient: false });
    expect(calls).toBe(101);
  });
});

test('a server that stops sending times out', async () => {
  handler = (_req, res) => {
    res.writeHead(200);
    res.write('partial');
  };
  const started = Date.now();
  const got = await withFetcher({ idleMs: 200, retries: 0 }, (f) => f.get(`${origin}/stall`));
  expect(got).toMatchObject({ kind: 'failed', code: 'TIMEOUT', transient: true });
  expect(Date.now() - started).toBeLessThan(2000);
});

test('a robots.txt that cannot be read keeps the fetcher off the host', async () => {
  const other = http.createServer((req, res) => res.writeHead(req.url === '/robots.txt' ? 503 : 200).end('x'));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/page`;
  try {
    expect(await withFetcher({}, (f) => f.get(url))).toMatchObject({ kind: 'failed', code: 'ROBOTS_UNAVAILABLE', transient: true });
  } finally {
    other.closeAllConnections();
    await new Promise((r) => other.close(r));
  }
});

test('only http and https', async () => {
  await withFetcher({}, async (f) => {
    expect(await f.get('file:///etc/passwd')).toMatchObject({ kind: 'failed', code: 'BAD_URL' });
    expect(await f.get('not a url')).toMatchObject({ kind: 'failed', code: 'BAD_URL' });
  });
});
