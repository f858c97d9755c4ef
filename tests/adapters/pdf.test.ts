import fs from 'node:fs';
import path from 'node:path';
import { readPdf } from '../../src/adapters/pdf';
import { parseBuffer } from '../../src/pipeline';
import { NianbaoError } from '../../src/errors';
import { TableBlock } from '../../src/model';

/**
 * PDFs as published (samples/real, WPS) and as made for these tests (tests/fixtures/pdf/make.py, LibreOffice):
 * the numbers must come out as printed, every value cell must name its page, and what cannot be read must
 * say why with its error code.
 */

const ROOT = path.join(__dirname, '..', '..');
const load = (p: string) => fs.readFileSync(path.join(ROOT, p));
const SECTIONS = ['report', 'applications', 'reviewLitigation', 'activeDisclosure'] as const;

async function expectParsedAsExpected(pdf: string, expected: string) {
  const record = await parseBuffer(load(pdf), { path: pdf });
  const truth = JSON.parse(load(expected).toString('utf8')) as Record<string, unknown>;
  for (const key of SECTIONS) if (key in truth) expect({ [key]: record[key] }).toEqual({ [key]: truth[key] });
  return record;
}

describe('reading PDF reports', () => {
  test('a real WPS report (04) gives its expected numbers, every one traced to its page', async () => {
    const record = await expectParsedAsExpected('samples/real/04-huaian-hongzequ-2024.pdf', 'samples/real/04-huaian-hongzequ-2024.expected.json');
    expect(record.source.pages).toBe(5);
    expect(record.cells.length).toBeGreaterThan(150);
    expect(record.cells.every((c) => typeof c.page === 'number' && c.page >= 2 && c.page <= 4)).toBe(true);
    expect(record.warnings).toEqual([]);
  });

  test.each(['02-huaian-shizhengfu-2024', '03-huaian-hongzequ-2023', '04-huaian-hongzequ-2024'])(
    'a real report (WPS) copied out as pdftotext -layout text reads as its PDF does: %s', async (name) => {
      // 02: 政府信息公开行政复议 351 ending a line of 总体情况 was read as a table of section 四, and 1、申请人无正当理由逾期不补
      // / blank / 正、行政机关不再处理其政府信 67 3 … as two rows.
      const read = async (ext: string) => {
        const file = `samples/real/${name}.${ext}`;
        return parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
      };
      const [pdf, layout] = await Promise.all([read('pdf'), read('layout.txt')]);
      expect(layout.activeDisclosure).toEqual(pdf.activeDisclosure);
      expect(layout.applications).toEqual(pdf.applications);
      expect(layout.reviewLitigation).toEqual(pdf.reviewLitigation);
      expect(layout.warnings).toEqual([]);
    });

  test('a table that runs over a page break with page numbers between is read as one (02)', async () => {
    const doc = await readPdf(load('samples/real/02-huaian-shizhengfu-2024.pdf'), '02.pdf');
    expect(doc.pages).toBe(6);
    const apps = doc.blocks.filter((b): b is TableBlock => b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => c.text.includes('本年新收'))));
    expect(apps).toHaveLength(1);
    const pages = new Set(apps[0]!.rows.flatMap((r) => r.cells.map((c) => c.source?.page)));
    expect([...pages].filter((p) => p !== undefined).sort()).toEqual([4, 5]);
    // The footer "- 4 -" between the two parts is no row of the table.
    expect(apps[0]!.rows.some((r) => r.cells.some((c) => /-\s*4\s*-/.test(c.text)))).toBe(false);

    const record = await parseBuffer(load('samples/real/02-huaian-shizhengfu-2024.pdf'), { path: '02.pdf' });
    expect(record.activeDisclosure).toMatchObject({ fees: { amount: 96171.6 }, licensing: { decisions: 447228 } });
    expect(record.applications).toMatchObject({
      newReceived: { naturalPerson: 3001, commercial: 53, legalService: 61, otherOrg: 4, total: 3119 },
      results: { otherHandling: { other: { naturalPerson: 108, total: 110 } }, total: { total: 3050 } },
    });
    expect(record.checks.every((c) => c.ok)).toBe(true);
  });

  test('a report printed with wrong totals (03) is read as printed, and its checks fail', async () => {
    const record = await parseBuffer(load('samples/real/03-huaian-hongzequ-2023.pdf'), { path: '03.pdf' });
    expect(record.reviewLitigation.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 });
    expect(record.checks.find((c) => c.id === 'reviewLitigation.total.review')?.ok).toBe(false);
  });

  test('wrapped labels, vertical group cells, headers turned a quarter turn, a table over a page break (LibreOffice, 2019 template)', async () => {
    const record = await expectParsedAsExpected('tests/fixtures/pdf/rotated-2019.pdf', 'tests/fixtures/pdf/rotated-2019.expected.json');
    expect(record.source.pages).toBe(3);
    expect(new Set(record.cells.filter((c) => c.path.startsWith('applications.')).map((c) => c.page))).toEqual(new Set([2, 3]));
  });

  test('a locked PDF is ENCRYPTED', async () => {
    await expect(readPdf(load('tests/fixtures/pdf/locked.pdf'), 'locked.pdf')).rejects.toMatchObject({ code: 'ENCRYPTED' });
  });

  test('a scan without a text layer is NO_TEXT, and the message says it is a scan', async () => {
    const err = await readPdf(load('tests/fixtures/pdf/scan.pdf'), 'scan.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NianbaoError);
    expect(err).toMatchObject({ code: 'NO_TEXT', file: 'scan.pdf' });
    expect((err as Error).message).toMatch(/scan/);
  });

  test.each([
    ['cut short', () => load('tests/fixtures/pdf/rotated-2019.pdf').subarray(0, 3000)],
    ['not a PDF past its first line', () => Buffer.from('%PDF-1.7\nthis is no PDF at all\n')],
  ])('a PDF %s is UNREADABLE', async (_name, bytes) => {
    await expect(readPdf(bytes(), 'bad.pdf')).rejects.toMatchObject({ code: 'UNREADABLE', file: 'bad.pdf' });
  });

  test('the caller keeps its buffer: pdfjs gets a copy', async () => {
    const buf = load('tests/fixtures/pdf/rotated-2019.pdf');
    await readPdf(buf, 'a.pdf');
    expect(buf.byteLength).toBeGreaterThan(0);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
