import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readDocx } from '../../src/adapters/docx';
import { parseBuffer } from '../../src/pipeline';
import { TableBlock } from '../../src/model';
import { toGrid } from '../../src/table/grid';
import { pick } from '../helpers/cases';
import { cont, docxPackage, DocxParts, numbered, numberingXml, p, r, tbl, tc, tr, wpsReport } from '../fixtures/docx/wps';

const read = async (d: DocxParts) => readDocx(await docxPackage(d), 'test.docx');
const parasOf = async (body: string, extra: Omit<DocxParts, 'body'> = {}) =>
  (await read({ body, ...extra })).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const tablesOf = async (body: string) => (await read({ body })).blocks.filter((b): b is TableBlock => b.kind === 'table');
/** Each grid row as the text of the cell starting in each column ('^' where a span from above or left covers it). */
const gridText = (t: TableBlock) => toGrid(t).rows.map((line) => line.map((s) => (!s ? '∅' : s.origin ? s.cell.text : '^')));

describe('DOCX paragraphs', () => {
  test('runs join; w:tab is a space; w:br starts a new line, read as a paragraph of its own', async () => {
    expect(await parasOf(p(`${r('某某市')}${r('某某局')}<w:r><w:br/><w:t>2021年</w:t><w:tab/><w:t>报告</w:t></w:r>`))).toEqual(['某某市某某局', '2021年 报告']);
  });

  test('deleted and hidden text, and field codes, are left out; inserted text, field results, links and content controls stay', async () => {
    const body = p(`${r('收到申请')}<w:del w:id="1" w:author="x"><w:r><w:delText>99</w:delText></w:r></w:del>`
      + `<w:ins w:id="2" w:author="x">${r('12')}</w:ins>${r('件')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>`)
      + p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
      + p(`<w:hyperlink w:anchor="a">${r('链接')}</w:hyperlink><w:sdt><w:sdtPr/><w:sdtContent>${r('控件')}</w:sdtContent></w:sdt>`)
      + `<w:sdt><w:sdtPr/><w:sdtContent>${p(r('块级控件'))}</w:sdtContent></w:sdt>`;
    expect(await parasOf(body)).toEqual(['收到申请12件', '3', '链接控件', '块级控件']);
  });

  test('a text box is read once, after its paragraph, not twice for its VML fallback', async () => {
    const box = `<w:txbxContent>${p(r('某某区人民政府办公室'))}</w:txbxContent>`;
    const body = p(`${r('正文')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x">${box}</wps:txbx></w:drawing></mc:Choice>`
      + `<mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`);
    expect(await parasOf(body)).toEqual(['正文', '某某区人民政府办公室']);
  });

  test('automatic list numbers are printed: 一、 headings, and 1. items that restart in each list', async () => {
    const numbering = numberingXml([[1, 'chineseCounting', '%1、'], [2, 'decimal', '%1.'], [3, 'decimal', '%1.', 1]]);
    const body = numbered('总体情况', 1) + numbered('属于国家秘密', 2) + numbered('其他法律行政法规禁止公开', 2)
      + numbered('主动公开政府信息情况', 1) + numbered('本机关不掌握相关政府信息', 3) + p(r('正文'), '<w:numPr><w:numId w:val="0"/></w:numPr>');
    expect(await parasOf(body, { numbering })).toEqual(['一、总体情况', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '二、主动公开政府信息情况', '1.本机关不掌握相关政府信息', '正文']);
  });

  test('numbering given by a paragraph style (through w:basedOn), its level found by the level\'s w:pStyle', async () => {
    const numbering = '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="7">'
      + '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/><w:lvlText w:val="%1、"/><w:suff w:val="tab"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H2"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
      + '</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>';
    const styles = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
      + '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="H1"/></w:style></w:styles>';
    const styled = (text: string, style: string) => p(r(text), `<w:pStyle w:val="${style}"/>`);
    const body = styled('总体情况', 'MyHeading') + styled('主动公开', 'H2') + styled('依申请公开', 'H2') + styled('主动公开政府信息情况', 'H1');
    expect(await parasOf(body, { numbering, styles })).toEqual(['一、 总体情况', '（一）主动公开', '（二）依申请公开', '二、 主动公开政府信息情况']);
  });
});

describe('DOCX tables', () => {
  test('WPS vertical merges (<w:vMerge/> with no value): the first cell spans the rows, continuations are dropped', async () => {
    const [t] = await tablesOf(tbl(4, [
      tr([tc('三、本年度办理结果', { vMerge: 'restart' }), tc('（一）予以公开', { span: 2 }), tc('5')]),
      tr([cont(), tc('（三）不予公开', { vMerge: 'restart' }), tc('1.属于国家秘密'), tc('0')]),
      tr([cont(), cont(), tc('2.其他法律行政法规禁止公开'), tc('')]),
      tr([tc('四、结转下年度继续办理', { span: 3 }), tc('1')]),
    ]));
    expect(t!.rows.map((row) => row.cells.map((c) => [c.text, c.rowSpan, c.colSpan]))).toEqual([
      [['三、本年度办理结果', 3, 1], ['（一）予以公开', 1, 2], ['5', 1, 1]],
      [['（三）不予公开', 2, 1], ['1.属于国家秘密', 1, 1], ['0', 1, 1]],
      [['2.其他法律行政法规禁止公开', 1, 1], ['', 1, 1]],
      [['四、结转下年度继续办理', 1, 3], ['1', 1, 1]],
    ]);
    expect(gridText(t!).map((line) => line[3])).toEqual(['5', '0', '', '1']);
  });

  test('Word\'s w:val="continue" merges the same way, and a merge 22 rows deep keeps every row\'s numbers in place', async () => {
    const rows = [tr([tc('三、本年度办理结果', { vMerge: 'restart' }), tc('（一）予以公开'), tc('1')])];
    for (let i = 2; i <= 22; i++) rows.push(tr([tc('', { vMerge: 'continue' }), tc(`第${i}行`), tc(String(i))]));
    const [t] = await tablesOf(tbl(3, rows));
    expect(t!.rows[0]!.cells[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(gridText(t!).map((line) => line[2])).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
  });

  test('w:gridBefore and w:gridAfter become empty stand-ins, so cells keep their grid columns', async () => {
    const [t] = await tablesOf(tbl(5, [
      tr([tc('行政复议', { span: 2 }), tc('行政诉讼', { span: 2 })], { after: 1 }),
      tr([tc('项目'), tc('维持'), tc('纠正'), tc('维持'), tc('纠正')]),
      tr([tc('1'), tc(''), tc('3'), tc('4')], { before: 1 }),
    ]));
    expect(t!.rows[0]!.cells[2]).toMatchObject({ text: '', placeholder: true, colSpan: 1 });
    expect(t!.rows[2]!.cells[0]).toMatchObject({ text: '', placeholder: true, colSpan: 1 });
    expect(gridText(t!)).toEqual([
      ['行政复议', '^', '行政诉讼', '^', ''],
      ['项目', '维持', '纠正', '维持', '纠正'],
      ['', '1', '', '3', '4'],
    ]);
  });

  test('grid columns that separate no cells are dropped: a skip every row shares, a row that juts out, unused grid lines', async () => {
    const [shared] = await tablesOf(tbl(3, [tr([tc('a'), tc('1')], { before: 1 }), tr([tc('b'), tc('2')], { before: 1 })]));
    expect(gridText(shared!)).toEqual([['a', '1'], ['b', '2']]);
    // The title row is one grid column wider than the rest: the numbers must still be the last columns.
    const [jut] = await tablesOf(tbl(5, [
      tr([tc('申请人情况', { span: 5 })]),
      tr([tc('一、本年新收', { span: 2 }), tc('1'), tc('2')], { after: 1 }),
      tr([tc('三、本年度办理结果'), tc('（一）予以公开'), tc('3'), tc('')], { after: 1 }),
    ]));
    expect(gridText(jut!)).toEqual([['申请人情况', '^', '^', '^'], ['一、本年新收', '^', '1', '2'], ['三、本年度办理结果', '（一）予以公开', '3', '']]);
    const [unused] = await tablesOf(tbl(4, [tr([tc('a', { span: 2 }), tc('b', { span: 2 })]), tr([tc('c', { span: 2 }), tc('d', { span: 2 })])]));
    expect(gridText(unused!)).toEqual([['a', 'b'], ['c', 'd']]);
  });

  test('a sliver grid column (a border dragged a little) is folded away, so each number has a column of its own', async () => {
    const [t] = await tablesOf(tbl(4, [
      tr([tc('项目'), tc('自然人', { span: 2 }), tc('总计')]),
      tr([tc('一、本年新收', { span: 2 }), tc('5'), tc('9')]),
    ], [2000, 20, 780, 800]));
    expect(gridText(t!)).toEqual([['项目', '自然人', '总计'], ['一、本年新收', '5', '9']]);
    // A cell that fills the sliver exactly is printed: its column stays.
    const [kept] = await tablesOf(tbl(3, [tr([tc('a'), tc('b'), tc('c')])], [800, 20, 800]));
    expect(gridText(kept!)).toEqual([['a', 'b', 'c']]);
  });

  test('a cell of several paragraphs is one label; old-style w:hMerge joins cells; deleted rows are gone', async () => {
    const hMerge = (val?: string) => `<w:tc><w:tcPr><w:hMerge${val ? ` w:val="${val}"` : ''}/></w:tcPr>${p(r(val ? '信息内容' : ''))}</w:tc>`;
    const [t] = await tablesOf(tbl(3, [
      tr([tc(['社会', '公益', '组织']), tc(['法律', '服务', '机构']), tc('其他')]),
      tr([hMerge('restart'), hMerge(), tc('x')]),
      `<w:tr><w:trPr><w:del w:id="3" w:author="x"/></w:trPr>${tc('删除的行')}</w:tr>`,
    ]));
    expect(t!.rows.map((row) => row.cells.map((c) => `${c.text}/${c.colSpan}`))).toEqual([
      ['社会公益组织/1', '法律服务机构/1', '其他/1'], ['信息内容/2', 'x/1'],
    ]);
  });

  test('a table whose cells hold tables is page layout: read as flow, the inner table as a table', async () => {
    const inner = tbl(2, [tr([tc('规章'), tc('1')])]);
    const blocks = (await read({ body: tbl(1, [tr([tc([p(r('某局2021年政府信息公开工作年度报告')), inner])])]) })).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });
});

describe('DOCX packages', () => {
  test('the title of the document properties is the model\'s metaTitle', async () => {
    expect((await read({ body: p(r('正文')), title: '某局2020年政府信息公开工作年度报告' })).metaTitle).toBe('某局2020年政府信息公开工作年度报告');
    expect((await read({ body: p(r('正文')) })).metaTitle).toBeUndefined();
  });

  test('WordprocessingML under another prefix is read; DrawingML paragraphs (a:p) are not taken for w:p', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:a="urn:a">'
      + '<ns0:body><ns0:p><ns0:r><ns0:t>第一段</ns0:t></ns0:r></ns0:p><a:p><a:t>不是</a:t></a:p></ns0:body></ns0:document>');
    const doc = await readDocx(await zip.generateAsync({ type: 'nodebuffer' }), 'x.docx');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '第一段' }]);
  });

  test('an "export to Word" file whose body is an imported MHT page (w:altChunk) is read as that page', async () => {
    const html = '<html><body><p>某局2021年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>1</td></tr></table></body></html>';
    const qp = Buffer.from(html, 'utf8').toString('latin1').replace(/[\u0080-\u00ff=]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----=mhtDocumentPart"\r\n\r\n'
      + '------=mhtDocumentPart\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
      + `Content-Location: file:///C:/fake/document.html\r\n\r\n${qp}\r\n\r\n------=mhtDocumentPart--\r\n`;
    const doc = await read({ body: '<w:altChunk r:id="htmlChunk"/>', parts: [{ name: 'word/afchunk.mht', content: mht, rel: { type: 'aFChunk', id: 'htmlChunk' } }] });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect(doc.blocks[0]).toMatchObject({ text: '某局2021年政府信息公开工作年度报告' });
    expect(doc.warnings).toEqual([]);
  });

  test('damaged and empty files are errors with their codes', async () => {
    const good = await docxPackage({ body: p(r('正文')) });
    await expect(readDocx(good.subarray(0, good.length - 40), 'cut.docx')).rejects.toMatchObject({ code: 'UNREADABLE', file: 'cut.docx' });
    const noWord = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    await expect(readDocx(noWord, 'a.docx')).rejects.toMatchObject({ code: 'UNREADABLE' });
    await expect(read({ body: p('') })).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(read({ body: p('<w:r><w:drawing/></w:r>') })).rejects.toMatchObject({ code: 'NO_TEXT' });
  });
});

describe('WPS-style reports, whole', () => {
  test.each(['2021', '2019'] as const)('the %s template with 三、本年度办理结果 merged down 22 rows', async (version) => {
    const { parts, expected } = wpsReport({ version, agency: '某某县交通运输局', year: version === '2021' ? 2022 : 2020 });
    const out = await parseBuffer(await docxPackage(parts), { path: `wps-${version}.docx` });
    expect(pick(out, expected)).toEqual(expected);
    expect(out.warnings).toEqual([]);
    expect(out.checks.every((c) => c.ok)).toBe(true);
    expect(out.sections.overview).toBe('本机关认真贯彻落实《条例》，政府信息公开指南已更新。');
  });

  const dir = path.join(__dirname, '..', 'fixtures', 'docx');
  test.each(fs.readdirSync(dir).filter((f) => f.endsWith('.docx')))('fixture %s gives its expected numbers', async (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.docx$/, '.expected.json')), 'utf8')) as object;
    const out = await parseBuffer(fs.readFileSync(path.join(dir, name)), { path: name });
    expect(pick(out, expected)).toEqual(expected);
    expect(out.warnings).toEqual([]);
  });
});
