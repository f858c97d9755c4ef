import fs from 'node:fs';
import path from 'node:path';
import { blocksFromWordParagraphs, readDoc } from '../../src/adapters/doc';
import { WordParagraph } from '../../src/msdoc/word97';
import { parseBuffer } from '../../src/pipeline';
import { TableBlock } from '../../src/model';
import { toGrid } from '../../src/table/grid';
import { pick } from '../helpers/cases';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'doc');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const gridText = (t: TableBlock) => toGrid(t).rows.map((line) => line.map((s) => (!s ? '∅' : s.origin ? s.cell.text : '^')));

/**
 * A compound file (OLE) with the given root streams, each padded past the mini-stream cutoff so it lives in
 * ordinary sectors: sector 0 the FAT, sector 1 the directory, then the streams.
 */
function oleFile(streams: Record<string, Buffer>): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const entries = Object.entries(streams).map(([name, data]) => {
    const size = Math.max(4096, Math.ceil(data.length / SECTOR) * SECTOR);
    return { name, data: Buffer.concat([data, Buffer.alloc(size - data.length)]) };
  });
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END, 4);
  let next = 2;
  const starts = entries.map((e) => {
    const start = next;
    const n = e.data.length / SECTOR;
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? END : next + i + 1, (next + i) * 4);
    next += n;
    return start;
  });
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = i * 128;
    dir.write(`${name}\0`, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = type;
    dir[at + 0x43] = 1;
    dir.writeUInt32LE(FREE, at + 0x44);
    dir.writeUInt32LE(right, at + 0x48);
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, entries.length ? 1 : FREE, FREE, END, 0);
  entries.forEach((e, i) => entry(i + 1, e.name, 2, FREE, i + 1 < entries.length ? i + 2 : FREE, starts[i]!, e.data.length));
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  return Buffer.concat([header, fat, dir, ...entries.map((e) => e.data)]);
}

/** Paragraph marks of a table as msdoc/word97.ts reports them. */
const cellP = (text: string, depth = 1): WordParagraph => ({ text, depth, end: 'cell' });
const rowEnd = (edges: number[], merges: Record<number, 'restart' | 'continue'> = {}, depth = 1): WordParagraph => ({
  text: '', depth, end: 'row',
  cells: edges.slice(1).map((right, i) => ({ left: edges[i]!, right, ...(merges[i] ? { vMerge: merges[i] } : {}) })),
});

describe('Word 97–2003 tables from paragraph marks', () => {
  test('cells end at cell marks and rows at row marks, so an empty cell is still a cell', () => {
    const [t] = blocksFromWordParagraphs([
      cellP('规章'), cellP(''), cellP(''), cellP('148'), rowEnd([0, 100, 200, 300, 400]),
      cellP('规范性文件'), cellP('3'), cellP(''), cellP('425'), rowEnd([0, 100, 200, 300, 400]),
    ]) as TableBlock[];
    expect(gridText(t!)).toEqual([['规章', '', '', '148'], ['规范性文件', '3', '', '425']]);
  });

  test('spans come from the cells\' edges; vertical merges from their merge flags; wrapped labels join', () => {
    const edges = [0, 300, 400, 500];
    const [t] = blocksFromWordParagraphs([
      cellP('（本列数据）'), cellP('申请人情况'), rowEnd([0, 300, 500], { 0: 'restart' }),
      cellP(''), { text: '社会', depth: 1, end: 'para' }, { text: '公益', depth: 1, end: 'para' }, cellP('组织'), cellP('总计'), rowEnd(edges, { 0: 'continue' }),
      cellP('一、本年新收'), cellP('3'), cellP('4'), rowEnd(edges),
    ]) as TableBlock[];
    expect(t!.rows[0]!.cells.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([['（本列数据）', 2, 1], ['申请人情况', 1, 2]]);
    expect(gridText(t!)).toEqual([['（本列数据）', '申请人情况', '^'], ['^', '社会公益组织', '总计'], ['一、本年新收', '3', '4']]);
  });

  test('a row narrower than the table keeps its cells under their edges', () => {
    const [t] = blocksFromWordParagraphs([
      cellP('a'), cellP('b'), cellP('c'), rowEnd([0, 100, 200, 300]),
      cellP('1'), cellP('2'), rowEnd([100, 200, 300]),
    ]) as TableBlock[];
    expect(gridText(t!)).toEqual([['a', 'b', 'c'], ['', '1', '2']]);
  });

  test('edges a few twips apart are one grid line', () => {
    const [t] = blocksFromWordParagraphs([
      cellP('a'), cellP('b'), cellP('c'), rowEnd([0, 1000, 2000, 3000]),
      cellP('d'), cellP('e'), cellP('f'), rowEnd([0, 1012, 2000, 3000]),
    ]) as TableBlock[];
    expect(gridText(t!)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
  });

  test('a table inside a table cell makes the outer one page layout: its text is flow, the inner table a table', () => {
    const blocks = blocksFromWordParagraphs([
      { text: '某局2021年政府信息公开工作年度报告', depth: 1, end: 'para' },
      cellP('规章', 2), cellP('1', 2), rowEnd([0, 100, 200], {}, 2),
      cellP(''), rowEnd([0, 1000]),
      { text: '正文', depth: 0, end: 'para' },
    ]);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(gridText(blocks[1] as TableBlock)).toEqual([['规章', '1']]);
  });
});

describe('Word 97–2003 files', () => {
  test('a WPS-style report converted by LibreOffice: structure, list numbers, tracked deletions, title', async () => {
    const doc = await readDoc(fixture('wps-2021.doc'), 'wps-2021.doc');
    const paras = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paras).toContain('一、总体情况');
    expect(paras).toContain('六、其他需要报告的事项');
    expect(paras.some((p) => p.includes('2018年'))).toBe(false);
    expect(doc.metaTitle).toBe('某某县交通运输局2022年政府信息公开工作年度报告');
    const apps = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    const merged = apps.rows.flatMap((r) => r.cells).find((c) => c.text === '三、本年度办理结果');
    expect(merged?.rowSpan).toBe(22);
    expect(apps.rows[2]!.cells.map((c) => c.text)).toContain('社会公益组织');
  });

  test.each(['wps-2021', 'wps-2019'])('fixture %s.doc gives its expected numbers', async (name) => {
    const expected = JSON.parse(fixture(`${name}.expected.json`).toString('utf8')) as object;
    const out = await parseBuffer(fixture(`${name}.doc`), { path: `${name}.doc` });
    expect(pick(out, expected)).toEqual(expected);
    expect(out.warnings).toEqual([]);
  });

  test('a Word 97 file with a password is ENCRYPTED', async () => {
    await expect(readDoc(fixture('encrypted.doc'), 'encrypted.doc')).rejects.toMatchObject({ code: 'ENCRYPTED', file: 'encrypted.doc' });
  });

  test('a DOCX with a password (an OLE file holding EncryptedPackage) is ENCRYPTED, also through the pipeline', async () => {
    const ole = oleFile({ EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: Buffer.alloc(600, 7) });
    await expect(readDoc(ole, 'locked.docx')).rejects.toMatchObject({ code: 'ENCRYPTED' });
    await expect(parseBuffer(ole, { path: 'locked.docx' })).rejects.toMatchObject({ code: 'ENCRYPTED' });
  });

  test('damaged files, and OLE files that are no Word document, are UNREADABLE', async () => {
    const good = fixture('wps-2021.doc');
    await expect(readDoc(good.subarray(0, 6000), 'cut.doc')).rejects.toMatchObject({ code: 'UNREADABLE', file: 'cut.doc' });
    const junk = Buffer.concat([good.subarray(0, 8), Buffer.alloc(2000, 0x5a)]);
    await expect(readDoc(junk, 'junk.doc')).rejects.toMatchObject({ code: 'UNREADABLE' });
    await expect(readDoc(oleFile({ Workbook: Buffer.alloc(100) }), 'book.xls')).rejects.toMatchObject({ code: 'UNREADABLE' });
    await expect(readDoc(oleFile({ WordDocument: Buffer.alloc(100) }), 'bad-fib.doc')).rejects.toMatchObject({ code: 'UNREADABLE' });
  });
});
