import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';

/**
 * A small government site on 127.0.0.1 for the harvester's tests: a 政府信息公开年报 column of three listing pages
 * (UTF-8 and GBK, TRS-style createPageHTML pagination and 下一页), report pages with attachments in every format,
 * a robots.txt, and faults: a page that times out, one that answers 500, a download cut short, a redirect loop, a
 * file too large (announced and streamed), a disallowed folder. `heal()` fixes the transient faults; `publish()`
 * adds next year's report and corrects one, as a site does between two runs. Every request is logged.
 */

const GEN = path.join(__dirname, '..', '..', 'samples', 'generated');
const sample = (name: string) => fs.readFileSync(path.join(GEN, name));

export interface Hit {
  path: string;
  status: number;
  ua: string;
  conditional: boolean;
}

interface Page {
  body: Buffer;
  type: string;
}

function listing(title: string, items: Array<[string, string]>, extra = '', charset = 'utf-8'): Page {
  const html = `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/about.html">关于我们</a></div>
<h2>政府信息公开年报</h2><ul class="list">
${items.map(([href, text]) => `<li><a href="${href}" title="${text}" target="_blank">${text}</a><span>2024-01-20</span></li>`).join('\n')}
</ul>${extra}<div class="footer"><a href="/sitemap.html">网站地图</a></div></body></html>`;
  return { body: charset === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html), type: `text/html; charset=${charset}` };
}

function html(body: string | Buffer): Page {
  return { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type: 'text/html' };
}

/** A report page: the report itself (HTML) followed by its attachments. */
function article(report: Buffer | string, attachments: Array<[string, string]>): Page {
  const links = attachments.map(([href, text]) => `<p>附件：<a href="${href}">${text}</a></p>`).join('');
  const text = report.toString();
  return html(text.includes('</body>') ? text.replace('</body>', `${links}</body>`) : `${text}${links}`);
}

const PAGINATION = `<div class="page"><script>var countPage = 3; createPageHTML(countPage, 0, "index", "html");</script></div>`;

export class GovSite {
  readonly hits: Hit[] = [];
  /** Called on every request, after it is logged. */
  onHit?: (h: Hit) => void;
  private server!: http.Server;
  private pages = new Map<string, Page>();
  private healed = false;
  private flakyLeft = Infinity;
  origin = '';

  constructor() {
    const doc = (f: string, type: string): Page => ({ body: sample(f), type });
    const gbkReport = iconv.encode(sample('g42-003.html').toString().replace('charset=utf-8', 'charset=gbk'), 'gbk');
    this.pages = new Map<string, Page>([
      ['/robots.txt', { body: Buffer.from('# keep out of drafts\nUser-agent: *\nDisallow: /\n\nUser-agent: nianbao\nUser-agent: otherbot\nDisallow: /private/\nAllow: /\n'), type: 'text/plain' }],
      ['/ndbg/index.html', listing('政府信息公开年报', [
        ['./t1.html', '哈尔滨市自然资源和规划局2020年政府信息公开工作年度报告'],
        ['/ndbg/t2.html', '山东省公安厅2023年政府信息公开工作年度报告'],
      ], PAGINATION)],
      ['/ndbg/index_1.html', listing('政府信息公开年报', [
        ['t3.html', '杭州市人力资源和社会保障局二〇二二年政府信息公开工作年度报告'],
        ['/files/huaian-2023.txt', '淮安市人民政府2023年政府信息公开年报'],
        ['/ndbg/notice.html', '关于开展政府信息公开工作的通知'],
      ], '<a href="index_2.html">下一页</a>', 'gbk')],
      ['/ndbg/index_2.html', listing('政府信息公开年报', [
        ['/private/t9.html', '某单位2023年政府信息公开工作年度报告（草稿）'],
        ['/ndbg/slow.html', '成都市人民政府办公室2021年政府信息公开工作年度报告'],
        ['/ndbg/flaky.html', '佛山市人民政府2021年政府信息公开工作年度报告'],
        ['/ndbg/loop.html', '某局2019年政府信息公开工作年度报告'],
        ['/ndbg/big.html', '某县2022年政府信息公开工作年度报告'],
        ['/ndbg/cut.html', '株洲市荷塘区住房和城乡建设局2022年政府信息公开工作年度报告'],
      ])],
      ['/ndbg/t1.html', article(sample('g42-000.html'), [
        ['/files/2020.pdf', '哈尔滨市自然资源和规划局2020年报.pdf'],
        ['/files/2020.docx', '哈尔滨市自然资源和规划局2020年报.docx'],
        ['/files/2020.doc', '哈尔滨市自然资源和规划局2020年报.doc'],
        ['/download.jsp?id=2020', '哈尔滨市自然资源和规划局2020年报.txt'],
      ])],
      ['/ndbg/t2.html', html(sample('g42-001.html'))],
      ['/ndbg/t3.html', { body: gbkReport, type: 'text/html' }],
      ['/files/2020.pdf', doc('g42-000.pdf', 'application/pdf')],
      ['/files/2020.docx', doc('g42-000.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
      ['/files/2020.doc', doc('g42-000.doc', 'application/msword')],
      ['/download.jsp?id=2020', doc('g42-000.tab.txt', 'application/octet-stream')],
      ['/files/huaian-2023.txt', doc('g42-002.tab.txt', 'text/plain; charset=utf-8')],
      ['/private/t9.html', html(sample('g42-007.html'))],
      ['/ndbg/notice.html', html('<html><body><p>通知</p></body></html>')],
      ['/ndbg/big.html', article('<html><body><p>详见附件。</p></body></html>', [['/files/huge.pdf', '年报.pdf'], ['/files/endless.pdf', '年报全文.pdf']])],
      ['/ndbg/cut.html', article('<html><body><p>详见附件。</p></body></html>', [['/files/cut.docx', '株洲市荷塘区住房和城乡建设局2022年报.docx']])],
      ['/files/cut.docx', doc('g42-006.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
      ['/ndbg/slow.html', html(sample('g42-005.html'))],
      ['/ndbg/flaky.html', html(sample('g42-004.html'))],
    ]);
  }

  get url(): string {
    return `${this.origin}/ndbg/index.html`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.serve(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The transient faults end: the slow page answers, the 500s stop, the cut download arrives whole. */
  heal(): void {
    this.healed = true;
  }

  /** The flaky page answers 500 this many more times, then its report. */
  flaky(times: number): void {
    this.flakyLeft = times;
  }

  /** A new year's report appears at the top of the listing, and one report page is corrected in place. */
  publish(): void {
    this.pages.set('/ndbg/index.html', listing('政府信息公开年报', [
      ['/ndbg/t0.html', '黑龙江省教育厅2020年政府信息公开工作年度报告'],
      ['./t1.html', '哈尔滨市自然资源和规划局2020年政府信息公开工作年度报告'],
      ['/ndbg/t2.html', '山东省公安厅2023年政府信息公开工作年度报告'],
    ], PAGINATION));
    this.pages.set('/ndbg/t0.html', html(sample('g42-007.html')));
    // One number corrected: the same agency and year, other numbers, so another report.
    this.pages.set('/ndbg/t2.html', html(sample('g42-001.html').toString().replace(/>(\d+)<\/td>/, (_, n: string) => `>${Number(n) + 1}</td>`)));
  }

  count(p: string, status?: number): number {
    return this.hits.filter((h) => h.path === p && (status === undefined || h.status === status)).length;
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const p = req.url ?? '/';
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const log = (status: number) => {
      const hit = { path: p, status, ua: String(req.headers['user-agent']), conditional };
      this.hits.push(hit);
      this.onHit?.(hit);
    };
    if (p === '/ndbg/slow.html' && !this.healed) {
      log(200);
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body>'); // then nothing: the client's idle timeout must end it
      return;
    }
    if (p === '/ndbg/flaky.html' && !this.healed && this.flakyLeft-- > 0) {
      log(500);
      res.writeHead(500).end('Internal Server Error');
      return;
    }
    if (p === '/ndbg/loop.html' || p === '/ndbg/loop2.html') {
      log(302);
      res.writeHead(302, { Location: p === '/ndbg/loop.html' ? '/ndbg/loop2.html' : `${this.origin}/ndbg/loop.html` }).end();
      return;
    }
    if (p === '/files/huge.pdf') {
      log(200);
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(200 * 1024 * 1024) });
      res.write('%PDF-1.7\n');
      return;
    }
    if (p === '/files/endless.pdf') {
      log(200);
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
      return;
    }
    const page = this.pages.get(p);
    if (!page) {
      log(404);
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>404</body></html>');
      return;
    }
    const etag = `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      log(304);
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    if (p === '/files/cut.docx' && !this.healed) {
      log(200);
      res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': String(page.body.length), ETag: etag });
      res.write(page.body.subarray(0, Math.floor(page.body.length / 2)), () => res.destroy());
      return;
    }
    log(200);
    res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': String(page.body.length), ETag: etag, 'Last-Modified': 'Sat, 20 Jan 2024 08:00:00 GMT' });
    res.end(page.body);
  }
}
