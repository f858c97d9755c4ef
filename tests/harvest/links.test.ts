import iconv from 'iconv-lite';
import { attachmentLinks, isAttachment, listingLinks } from '../../src/harvest/links';
import { parseSources, Source } from '../../src/harvest/sources';

/** What the defaults read from the common government CMS layouts, and what a source's rules change. */

const source = (rules: object = {}): Source => parseSources(JSON.stringify([{ name: 'x', url: 'https://www.example.gov.cn/ndbg/index.html', ...rules }]))[0]!;
const page = (body: string, charset = 'utf-8') => {
  const html = `<html><head><meta charset="${charset}"></head><body>${body}</body></html>`;
  return charset === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html);
};
const at = 'https://www.example.gov.cn/ndbg/index.html';

test('report links: text (or title) naming a 年度报告 or 年报 of a year; other links are not reports', () => {
  const { reports } = listingLinks(page(`
    <a href="./202401/t20240120_1.html">某区2023年政府信息公开工作年度报告</a>
    <a href="/ndbg/t2.html" title="某区二〇二二年政府信息公开年报">某区二〇二二年政府信息…</a>
    <a href="https://files.example.gov.cn/2021.pdf">2021年度报告.pdf</a>
    <a href="/tzgg/1.html">关于开展2023年政府信息公开工作的通知</a>
    <a href="/about.html">年度报告</a>
    <a href="javascript:void(0)">2023年年报</a>
    <a href="./202401/t20240120_1.html#top">某区2023年政府信息公开工作年度报告</a>`, 'gbk'), at, source());
  expect(reports).toEqual([
    { url: 'https://www.example.gov.cn/ndbg/202401/t20240120_1.html', text: '某区2023年政府信息公开工作年度报告' },
    { url: 'https://www.example.gov.cn/ndbg/t2.html', text: '某区二〇二二年政府信息…' },
    { url: 'https://files.example.gov.cn/2021.pdf', text: '2021年度报告.pdf' },
  ]);
});

test('pagination: 下一页, numbered listing URLs and TRS createPageHTML; not article URLs, not other hosts', () => {
  const { pages } = listingLinks(page(`
    <a href="index_1.html">下一页</a> <a href="index_5.html">尾页</a>
    <a href="list.jsp?cid=9&pageNo=2">2</a>
    <a href="./202401/t20240120_123.html">某通知</a>
    <a href="https://other.example.gov.cn/index_1.html">下一页</a>
    <script>var countPage = 3;//共多少页
    createPageHTML(countPage, 0, "index", "html");</script>`), at, source());
  expect(pages.sort()).toEqual([
    'https://www.example.gov.cn/ndbg/index_1.html',
    'https://www.example.gov.cn/ndbg/index_2.html',
    'https://www.example.gov.cn/ndbg/index_5.html',
    'https://www.example.gov.cn/ndbg/list.jsp?cid=9&pageNo=2',
  ]);
});

test('a source\'s rules replace the defaults', () => {
  const src = source({ linkText: '工作报告', linkUrl: '/gkbg/', nextText: '^更多$', pageUrl: 'p\\d+\\.htm$' });
  const { reports, pages } = listingLinks(page(`
    <a href="/gkbg/1.html">2023年信息公开工作报告</a>
    <a href="/other/2.html">2023年信息公开工作报告</a>
    <a href="/ndbg/t3.html">2022年政府信息公开工作年度报告</a>
    <a href="more.html">更多</a> <a href="p2.htm">2</a> <a href="index_1.html">下一页</a>`), at, src);
  expect(reports.map((r) => r.url)).toEqual(['https://www.example.gov.cn/gkbg/1.html']);
  expect(pages.sort()).toEqual(['https://www.example.gov.cn/ndbg/more.html', 'https://www.example.gov.cn/ndbg/p2.htm']);
});

test('attachments by the extension of the URL or of the link text, resolved against <base>', () => {
  const links = attachmentLinks(page(`<base href="https://www.example.gov.cn/files/">
    <a href="2023.pdf">全文</a> <a href="download.jsp?id=7">2023年报.DOCX</a> <a href="a.doc#p1">a</a>
    <a href="b.xls">统计表.xls</a> <a href="c.html">相关链接</a>`), 'https://www.example.gov.cn/ndbg/t1.html', source());
  expect(links.map((l) => l.url)).toEqual([
    'https://www.example.gov.cn/files/2023.pdf',
    'https://www.example.gov.cn/files/download.jsp?id=7',
    'https://www.example.gov.cn/files/a.doc',
  ]);
  expect(isAttachment('https://x.example/f.wps', '', ['wps'])).toBe(true);
  expect(isAttachment('https://x.example/f.html', '', ['pdf'])).toBe(false);
});
