import { inkSpan, pageText } from '../../src/pdf/text';
import type { PdfPage } from '../../src/pdf/load';

/** A page of pdfjs text items, each [text, x, y] in PDF space (y up), 10 pt characters, or [text, x, y, width]. */
function page(items: ([string, number, number] | [string, number, number, number])[]): PdfPage {
  return {
    getViewport: () => ({ transform: [1, 0, 0, -1, 0, 800] }),
    getTextContent: async () => ({
      styles: { f1: {} },
      items: items.map(([str, x, y, width]) => ({ str, transform: [10, 0, 0, 10, x, y], width: width ?? 10 * [...str].length, height: 10, fontName: 'f1' })),
    }),
  } as unknown as PdfPage;
}

describe('text of a PDF page', () => {
  test('characters set one a line down a column are one word, read top to bottom', async () => {
    const frags = await pageText(page([['三', 50, 700], ['本', 50, 686], ['年', 50, 672], ['5', 300, 686]]), 1);
    expect(frags.map((f) => f.text).sort()).toEqual(['5', '三本年']);
  });

  test('无 down a column of numbers is a blank cell in each row, not a word (g83-049)', async () => {
    const rows: [string, number, number][] = [700, 686, 672].flatMap((y, i) => [[`${i + 1}.其他`, 50, y], ['无', 300, y], ['1', 400, y]] as [string, number, number][]);
    const frags = await pageText(page(rows), 1);
    expect(frags.filter((f) => f.text.includes('无')).map((f) => f.text)).toEqual(['无', '无', '无']);
  });

  test('two cells of a row of one-character cells joined into one item are two (g167-004: 持 正 果 结)', async () => {
    // The last line of a header set one character a line in columns 16 points apart: pdfjs joined the last two
    // cells into "果 结", a character, a 6-point space, a character, 16 points after 正.
    const row: [string, number, number, number?][] = [['持', 100, 700], ['正', 116, 700], ['果 结', 132, 700, 26]];
    const frags = await pageText(page(row as [string, number, number, number][]), 1);
    const cells = frags.filter((f) => f.y < 120).sort((a, b) => a.x - b.x);
    expect(cells.map((f) => f.text)).toEqual(['持', '正', '果', '结']);
    expect(cells[3]!.x).toBeCloseTo(148);
  });

  test('pieces of one run split where the font changes join; cells whose text fills them stay apart (c239-004)', async () => {
    // Chromium's print of a web page: 本年制发件数 fills its cell and 本年废 starts the next cell 0.7 pt after it; 本年废,
    // ⽌ (a radical, another font) and 件数 are one run, each piece where the last one's advance ended.
    const frags = await pageText(page([['本年制发件数', 100, 700, 60], ['本年废', 160.7, 700, 30], ['⽌', 190.7, 700, 10], ['件数', 200.7, 700, 20]]), 1);
    expect(frags.map((f) => f.text).sort()).toEqual(['本年制发件数', '本年废止件数']);
  });

  test('a letter-spaced word beside cells of words stays one word (商 业 企)', async () => {
    const frags = await pageText(page([['自然人', 60, 700], ['商 业 企', 100, 700, 42]]), 1);
    expect(frags.map((f) => f.text).sort()).toEqual(['商 业 企', '自然人']);
  });
});

describe('an item\'s extent without the spaces pdfjs counts in its width', () => {
  test('a trailing space is not ink: "２４ " ends where its two digits do (g97-003)', () => {
    expect(inkSpan('２４ ', 29.6, 12)).toEqual({ offset: 0, width: 24 });
    expect(inkSpan('２４', 24, 12)).toEqual({ offset: 0, width: 24 });
  });

  test('leading spaces move the start; spaces share what the characters leave over', () => {
    const s = inkSpan('  本年 ', 48, 12);
    expect(s.offset).toBeCloseTo(16); // two spaces of the 24 points left over by three
    expect(s.width).toBeCloseTo(24);
  });

  test('an item narrower than its characters\' estimate is left as it is', () => {
    expect(inkSpan('12 ', 10, 12)).toEqual({ offset: 0, width: 10 });
  });

  test('on a page: a number whose item ends in a space does not reach the next column', async () => {
    const p = {
      getViewport: () => ({ transform: [1, 0, 0, -1, 0, 800] }),
      getTextContent: async () => ({
        styles: { f1: {} },
        items: [{ str: '２４ ', transform: [12, 0, 0, 12, 505.3, 400], width: 29.6, height: 12, fontName: 'f1' }],
      }),
    } as unknown as PdfPage;
    const [f] = await pageText(p, 1);
    expect(f?.text).toBe('24');
    expect(f?.x).toBeCloseTo(505.3);
    expect(f?.x2).toBeCloseTo(529.3);
  });
});
