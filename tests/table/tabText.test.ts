import { blocksFromTabText } from '../../src/table/tabText';
import { TableBlock } from '../../src/model';

/** The reconstructor's rules for tab-broken text, one by one, on tiny inline inputs. */

const tables = (text: string) => blocksFromTabText(text).filter((b): b is TableBlock => b.kind === 'table');
const texts = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('tab-broken text', () => {
  test('a TAB starts a cell and a blank line ends a row', () => {
    const [t] = tables('\t规章\n\t1\n\t2\n\n\t行政许可\n\t3\n');
    expect(texts(t!)).toEqual([['规章', '1', '2'], ['行政许可', '3']]);
  });

  test('a bare TAB is the stand-in of a vertically merged cell', () => {
    const [t] = tables('\t三、本年度办理结果\n\t（一）予以公开\n\t1\n\n\t\n\t（二）部分公开\n\t0\n');
    expect(t!.rows[1]!.cells[0]!.placeholder).toBe(true);
    expect(t!.rows[1]!.cells[1]!.placeholder).toBe(false);
  });

  test('lines without a TAB continue the cell: a header wrapped as 社会 / 公益 / 组织', () => {
    const [t] = tables('\t商业\n\t社会\n公益\n组织\n\t其他\n');
    expect(texts(t!)).toEqual([['商业', '社会公益组织', '其他']]);
  });

  test('a vertical header one character per line becomes one word', () => {
    const [t] = tables('\t结\n果\n维\n持\n\t总\n计\n');
    expect(texts(t!)).toEqual([['结果维持', '总计']]);
  });

  test('a stray empty paragraph inside a cell does not make a cell of its own', () => {
    const [t] = tables('\t2.其他法律行政法规禁止公开\n\t0\n\t\n0\n');
    expect(texts(t!)).toEqual([['2.其他法律行政法规禁止公开', '0', '0']]);
    expect(t!.rows[0]!.cells[2]!.placeholder).toBe(false);
  });

  test('a web table copied row by row: TABs between cells, one row a line', () => {
    const [t] = tables('规章\t1\t2\t3\n行政规范性文件\t4\t\t6\n');
    expect(texts(t!)).toEqual([['规章', '1', '2', '3'], ['行政规范性文件', '4', '', '6']]);
  });

  test('prose after a blank line ends the table; a section heading ends it even without one', () => {
    const blocks = blocksFromTabText('\t行政处罚\n\t5\n\n\n三、收到和处理政府信息公开申请情况\n\t自然人\n\t1\n四、政府信息公开行政复议、行政诉讼情况\n');
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table', 'paragraph']);
  });

  test('cells remember the line they were printed on', () => {
    const [t] = tables('标题\n\n\t规章\n\t7\n');
    expect(t!.rows[0]!.cells[1]!.source?.line).toBe(4);
  });

  test('Windows line ends are read like Unix ones', () => {
    const [t] = tables('\t规章\r\n\t1\r\n\r\n\t行政许可\r\n\t2\r\n');
    expect(texts(t!)).toEqual([['规章', '1'], ['行政许可', '2']]);
  });
});

describe('section headings inside tables', () => {
  test('the row （六）其他处理 does not end a table as if it were heading 六', () => {
    const blocks = blocksFromTabText('\t（五）不予处理\n\t0\n（六）其他处理\n\t0\n');
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
  });
});
