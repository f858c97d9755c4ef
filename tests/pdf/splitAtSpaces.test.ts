import { Fragment } from '../../src/table/positioned';
import { splitAtSpaces } from '../../src/pdf/text';

/** One pdfjs text item: 10 pt characters from x, on the line at y 100. */
function item(text: string, x: number, x2: number): Fragment {
  return { text, page: 1, x, x2, y: 100, y2: 110 };
}

describe('pdfjs items cut at their spaces', () => {
  test('cells joined into one item with a space are cut apart, each where its characters stand', () => {
    const out = splitAtSpaces([item('5 14', 100, 130)]);
    expect(out.map((f) => f.text)).toEqual(['5', '14']);
    expect(out[0]!.x).toBe(100);
    expect(out[1]!.x2).toBeCloseTo(130);
  });

  test('letter-spaced ideographs stay one word (商 业 企, 无 法 提 供)', () => {
    expect(splitAtSpaces([item('商 业 企', 0, 50)]).map((f) => f.text)).toEqual(['商 业 企']);
    expect(splitAtSpaces([item('无 法 提 供', 0, 70)]).map((f) => f.text)).toEqual(['无 法 提 供']);
  });

  test('blank marks under narrow columns are each a cell (g83-002: 无 无 无 read as one label)', () => {
    expect(splitAtSpaces([item('无 无 无', 0, 50)]).map((f) => f.text)).toEqual(['无', '无', '无']);
  });
});
