import iconv from 'iconv-lite';
import { blocksFromHtml, decodeHtml, readHtml } from '../../src/adapters/html';
import { TableBlock } from '../../src/model';

const tablesOf = (html: string) => blocksFromHtml(html).blocks.filter((b): b is TableBlock => b.kind === 'table');
const parasOf = (html: string) => blocksFromHtml(html).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('HTML charset', () => {
  const page = (meta: string) => `<html><head>${meta}<title>报告</title></head><body><p>政府信息公开工作年度报告</p></body></html>`;

  test('GBK declared in <meta http-equiv>', () => {
    const buf = iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
    expect(decodeHtml(buf)).toContain('政府信息公开工作年度报告');
  });

  test('GBK with no declaration at all is sniffed', () => {
    expect(decodeHtml(iconv.encode(page(''), 'gbk'))).toContain('政府信息公开工作年度报告');
  });

  test('a page that says UTF-8 but is GBK is read as GBK', () => {
    expect(decodeHtml(iconv.encode(page('<meta charset="utf-8">'), 'gbk'))).toContain('政府信息公开工作年度报告');
  });

  test('a page that says GBK but was saved as UTF-8 is read as UTF-8', () => {
    expect(decodeHtml(Buffer.from(page('<meta charset="gbk">')))).toContain('政府信息公开工作年度报告');
  });

  test('a UTF-8 BOM wins', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gbk">'))]);
    expect(decodeHtml(buf)).toContain('政府信息公开工作年度报告');
  });
});

describe('HTML tables', () => {
  test('rowspan and colspan are kept; Word-style <p><span> markup and &nbsp; are flattened', () => {
    const [t] = tablesOf(`<table><tr><td rowspan="2" colspan="3"><p class="MsoNormal"><span>（本列数据）</span></p></td><td colspan="7">申请人情况</td></tr>
      <tr><td>自然人</td></tr><tr><td><p><span>&nbsp;</span></p></td></tr></table>`);
    expect(t!.rows[0]!.cells[0]).toMatchObject({ text: '（本列数据）', rowSpan: 2, colSpan: 3 });
    expect(t!.rows[2]!.cells[0]!.text.trim()).toBe('');
  });

  test('<br> and several <p> inside a cell join into one label', () => {
    const [t] = tablesOf('<table><tr><td>社会<br>公益<br/>组织</td><td><p>法律</p><p>服务</p><p>机构</p></td></tr></table>');
    expect(t!.rows[0]!.cells.map((c) => c.text)).toEqual(['社会公益组织', '法律服务机构']);
  });

  test('a layout table around the page is read as flow, the data table inside it as a table', () => {
    const html = '<table><tr><td><p>某局2021年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>';
    expect(tablesOf(html)).toHaveLength(1);
    expect(parasOf(html)).toContain('某局2021年政府信息公开工作年度报告');
  });

  test('Word\'s presentational attributes are dropped before parsing; spans, class and id stay', () => {
    const html = `<div id="zoom" class=TRS_Editor style="font-size:12pt"><table class=MsoNormalTable border=1 cellspacing=0 width=570
      style='border-collapse:collapse;border:none'><tr style='height:20.0pt'>
      <td width=150 valign=middle rowspan=2 style='border:solid windowtext 1.0pt;x:">"' colspan="3"><p class=MsoNormal align=center
      style="text-align:center"><span lang=EN-US style='font-size:10.5pt;font-family:宋体'>（本列数据）</span></p></td>
      <td width=140 align=center colspan=7>申请人情况</td></tr><tr><td>自然人</td></tr></table></div>`;
    const [t] = tablesOf(html);
    expect(t!.rows[0]!.cells.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([['（本列数据）', 2, 3], ['申请人情况', 1, 7]]);
    expect(t!.rows[1]!.cells.map((c) => c.text)).toEqual(['自然人']);
  });

  test('thead and tbody rows are both read', () => {
    const [t] = tablesOf('<table><thead><tr><th>信息内容</th></tr></thead><tbody><tr><td>规章</td></tr></tbody></table>');
    expect(t!.rows).toHaveLength(2);
  });
});

describe('HTML page furniture', () => {
  test('navigation, scripts and link lists are dropped; the article stays', () => {
    const html = `<body><div class="nav">首页 &gt; 政务公开</div><script>var a = "2020年政府信息公开工作年度报告";</script>
      <ul class="list"><li><a href="1">某局2020年政府信息公开工作年度报告</a></li><li><a href="2">某局2019年政府信息公开工作年度报告</a></li></ul>
      <div id="zoom"><h1>某某局<br/>2021年政府信息公开工作年度报告</h1><p>一、总体情况</p></div><div class="footer">主办单位：某局</div></body>`;
    expect(parasOf(html)).toEqual(['某某局', '2021年政府信息公开工作年度报告', '一、总体情况']);
  });

  test('the page <title> is kept apart as a fallback for the report title', () => {
    expect(readHtml(Buffer.from('<html><head><title>某局2021年政府信息公开工作年度报告_某市政府网</title></head><body></body></html>')).metaTitle)
      .toBe('某局2021年政府信息公开工作年度报告_某市政府网');
  });
});
