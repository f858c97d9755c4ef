import { Block, TableBlock } from '../../src/model';
import { PDF_PLACEMENT } from '../../src/adapters/pdf';
import { Fragment, blocksFromLines, buildLines, dropFurniture } from '../../src/table/positioned';
import { headerOf } from '../../src/table/streamHeader';
import { stackText } from '../../src/table/words';
import { FALLBACK_COST, Readings, increasingNearest, placeValues } from '../../src/table/valueColumns';
import { toGrid } from '../../src/table/grid';

/**
 * The reconstructor on fragments placed by hand, as a PDF page gives them: x and y in points (y down the page),
 * text 10 points high. A row is written as [x, text] pairs at one y.
 */

const H = 10;
// The PDF adapter's options (src/adapters/pdf.ts) for text H points high.
const OPTS = { runGap: 0.3 * H, em: H, columnTolerance: 0.2 * H, ...PDF_PLACEMENT };

function line(y: number, cells: [number, string][], page = 1, h = H): Fragment[] {
  return cells.map(([x, text]) => ({ text, page, x, x2: x + [...text].length * (/^[\d.]+$/.test(text) ? h / 2 : h), y, y2: y + h }));
}

/** A page of a report has running text as wide as the page's text column, 40 characters here. */
const PROSE = line(20, [[0, '坚持以公开为常态、不公开为例外，建立健全主动公开制度体系，扎实推进决策、执行']]);

function read(frags: Fragment[]): Block[] {
  return blocksFromLines(dropFurniture(buildLines([...PROSE, ...frags], OPTS)), OPTS).blocks;
}

/** The table's grid as text, blank slots as '', spans as '^'. */
function grid(t: Block | undefined): string[][] {
  expect(t?.kind).toBe('table');
  const g = toGrid(t as TableBlock);
  return g.rows.map((r) => Array.from({ length: g.width }, (_, c) => {
    const s = r[c];
    return !s ? '' : s.origin ? s.cell.text : '^';
  }));
}

const tables = (blocks: Block[]) => blocks.filter((b) => b.kind === 'table');

describe('tables from positioned text', () => {
  test('rows of cells become a table whose blank cells keep their place', () => {
    const blocks = read([
      ...line(100, [[0, '信息内容'], [100, '本年制发件数'], [200, '本年废止件数'], [300, '现行有效件数']]),
      ...line(130, [[0, '规章'], [120, '1'], [320, '3']]),
      ...line(160, [[0, '行政规范性文件'], [120, '4'], [220, '5'], [320, '6']]),
    ]);
    expect(grid(tables(blocks)[0])).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '', '3'],
      ['行政规范性文件', '4', '5', '6'],
    ]);
  });

  test('section 四 whose one number stands far right: the header characters written down a column stay the header', () => {
    // g161-044 (generator seed 161, a PDF LibreOffice made): 行政复议's columns headed 结/果/维/持, one character a
    // line, and the table's only number under 其他结果 of 复议后起诉. Every header word is left of that number, so
    // 持 正 果 结 was read as a row of its own and the table as having no row of numbers.
    // Positions as pdf.js gives them, less 86 points (the table's left edge; the page's prose starts there too).
    const down = (x: number, chars: string, ys: number[]) => [...chars].flatMap((c, i) => line(ys[i]!, [[x, c]]));
    const ys = [151.2, 180.5, 209.9, 239.2];
    const blocks = read([
      ...line(118, [[47, '行政复议'], [283.2, '行政诉讼']]),
      ...line(151.2, [[183, '未经复议直接起诉'], [356.4, '复议后起诉']]),
      ...[[0, '结果维持'], [31.7, '结果纠正'], [63, '其他结果'], [94.3, '尚未审结']].flatMap(([x, t]) => down(x as number, t as string, ys)),
      ...down(125.6, '总计', ys.slice(1)),
      ...[151.7, 308.7].flatMap((x0) => [
        ...line(204.2, [[x0, '结果'], [x0 + 31.4, '结果'], [x0 + 62.8, '其他'], [x0 + 94.2, '尚未']]),
        ...line(211.8, [[x0 + 125.6, '总计']]),
        ...line(219.4, [[x0, '维持'], [x0 + 31.4, '纠正'], [x0 + 62.8, '结果'], [x0 + 94.2, '审结']]),
      ]),
      ...line(272.4, [[379.1, '0']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.filter((r) => r.includes('0'))).toHaveLength(1);
    // A blank label column, then the template's fifteen: the 0 is 其他结果 of the third group.
    expect(rows[rows.length - 2]!.slice(-15)).toEqual(['结果维持', '结果纠正', '行政复议其他结果', '尚未审结', '总计',
      '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(rows[rows.length - 1]!.slice(-15).indexOf('0')).toBe(12);
    expect(rows.flat()).not.toContain('持');
  });

  test('a header cell\'s last line printed over the first row\'s numbers is the header\'s (g167-008: 组织 over 5)', () => {
    // A header cell taller than its row, cut by a page break: LibreOffice ran 组织, the last line of 社会/公益/组织,
    // over the first row's number. Read as part of the label, it made 一、本年新收… a row of no known name.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [100, '自然人'], [150, '社会'], [200, '总计']]),
      ...line(115, [[150, '公益']]),
      ...line(130, [[0, '一、本年新收'], [105, '5'], [150, '组织'], [153, '3'], [205, '8']]),
      ...line(145, [[0, '二、上年结转'], [105, '1'], [153, '0'], [205, '1']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows[0]).toEqual(['信息内容', '自然人', '社会公益组织', '总计']);
    expect(rows.slice(1)).toEqual([['一、本年新收', '5', '3', '8'], ['二、上年结转', '1', '0', '1']]);
  });

  test('with a header character printed over a number, the rest of that header line is the header\'s too', () => {
    // g273-056 (seed 273): 行政复议's header written down its columns, cut by a page break; LibreOffice printed its last
    // line, 持 正 果 结, on the row's own line, 持 over the 1 of 结果维持. 正 果 结 stand over no number and were read
    // as the row's label, the row's numbers a column off.
    const down = (x: number, chars: string, ys: number[]) => [...chars].flatMap((c, i) => line(ys[i]!, [[x, c]]));
    const ys = [120, 135, 150];
    const blocks = read([
      ...line(100, [[0, '行政复议']]),
      ...[[0, '结果维'], [31.7, '结果纠'], [63, '其他结'], [94.3, '尚未审']].flatMap(([x, t]) => down(x as number, t as string, ys)),
      ...down(125.6, '总计', ys.slice(1)),
      ...line(165, [[0, '持'], [31.7, '正'], [63, '果'], [94.3, '结']]),
      ...line(165.5, [[2.5, '1'], [128.1, '1']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows[rows.length - 2]!.slice(-5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(rows[rows.length - 1]!.slice(-5)).toEqual(['1', '', '', '', '1']);
    expect(rows.flat()).not.toContain('正');
  });

  test('a header line of narrow cells set as close as a sentence\'s characters stays in its table', () => {
    // g163-022 (seed 163, Word's cell markup without widths): 结果维持 结 其他结果 … ran across the page with no gap
    // of a character, was read as prose, and cut the table's header from its numbers (8 fields of section 四).
    const names = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const blocks = read([
      ...line(100, [[0, '行政复议'], [200, '行政诉讼']]),
      // Each cell 4 points after the one before (a character is 10 wide).
      ...line(130, names.concat(names).map((t, i): [number, string] => [i * 44 - (i > 4 ? 20 : 0), t])),
      ...line(160, [[17.5, '0'], [61.5, '1'], [149.5, '1'], [183.5, '2'], [383.5, '2']]),
    ]);
    expect(tables(blocks)).toHaveLength(1);
    const rows = grid(tables(blocks)[0]);
    // (Each group's name stacks onto the cell under its first characters.)
    expect(rows[rows.length - 2]!.map((t) => t.replace(/^行政(复议|诉讼)/, ''))).toEqual(names.concat(names));
    expect(rows[rows.length - 1]!.filter(Boolean)).toEqual(['0', '1', '1', '2', '2']);
  });

  test('a number the page break cut: its last digits open the next page under its first', () => {
    // g167-051 (seed 167): the row of 一、本年新收 broke across pages in narrow columns, 109 as 10 at the foot of
    // one page and 9 at the head of the next, 395 as 39 and 5; the 9 and the 5 were read as the next row's.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '自然人'], [250, '商业企业'], [300, '总计']]),
      ...line(730, [[0, '一、本年新收'], [205, '255'], [255, '10'], [305, '39']]),
      ...line(30, [[257.5, '9'], [307.5, '5']], 2),
      ...line(60, [[0, '二、上年结转'], [210, '0'], [310, '0']], 2),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['一、本年新收', '255', '109', '395'],
      ['二、上年结转', '0', '', '0'],
    ]);
  });

  test('a change written out, cut by the page break after its 增加: the digits opening the next page end it', () => {
    // g267-009 (seed 267): 行政许可 … 40 … 增加 … 31117 at the foot of a page, 9 alone at the head of the next. The 9
    // was read as the next row's, and 增加 as a cell of its own a column left.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '上一年项目数量'], [300, '本年增/减'], [400, '处理决定数量']]),
      ...line(730, [[0, '行政许可'], [205, '40'], [305, '增加'], [405, '31117']]),
      ...line(30, [[305, '9']], 2),
      ...line(60, [[0, '其他对外管理服务事项'], [305, '减少3'], [405, '9']], 2),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['行政许可', '40', '增加9', '31117'],
      ['其他对外管理服务事项', '', '减少3', '9'],
    ]);
  });

  test('a sum in 万元 wrapped round its row\'s line, 万 with the digits above and 元 below, is one cell', () => {
    // g267-009 (seed 267): 4704.03 万 over the line of 政府集中采购 … 4, 元 under it. 4704.03 followed by 万 was no
    // number (text after it), and the amount was lost without a failed check.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '采购项目数量'], [300, '采购总金额']]),
      ...line(721.5, [[300, '4704.03'], [335, '万']]),
      ...line(730, [[0, '政府集中采购'], [205, '4']]),
      ...line(736.5, [[300, '元']]),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([['政府集中采购', '4', '4704.03 万元']]);
  });

  test('a row cut by a page break, label and all: digits under a number ending inside a group of thousands end it', () => {
    // g187-013 (seed 187): 其他对外管理服 … 82,26 at the foot of a page, 务事项 … 9 at the head of the next. 82,26 is
    // no number, so the 9 stood alone and section 二's table was read one column off.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '上一年项目数量'], [300, '本年增/减'], [400, '处理决定数量']]),
      ...line(720, [[0, '行政许可'], [205, '2'], [305, '-6'], [405, '1']]),
      ...line(740, [[0, '其他对外管理服'], [205, '94'], [305, '0'], [400, '82,26']]),
      ...line(30, [[0, '务事项'], [410, '9']], 2),
    ]);
    // (The label's end stays a line of its own, 务事项 without numbers; the mapper matches 其他对外管理服 loosely.)
    expect(grid(tables(blocks)[0]).slice(1, 3)).toEqual([
      ['行政许可', '2', '-6', '1'],
      ['其他对外管理服', '94', '0', '82,269'],
    ]);
  });

  test('a unit alone at the head of a page ends the number over it at the foot of the page before: 0 / 件 is 0件', () => {
    // g181-002 (seed 181): the row of section 四 broke across pages in columns one character wide, 0件 as 0 at the
    // foot of one page and 件 at the head of the next; 件 was read as a cell and the row's numbers one column off.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '自然人'], [250, '商业企业'], [300, '总计']]),
      ...line(730, [[0, '一、本年新收'], [205, '0'], [255, '1'], [305, '1']]),
      ...line(30, [[202, '件']], 2),
      ...line(60, [[0, '二、上年结转'], [210, '0'], [310, '0']], 2),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['一、本年新收', '0件', '1', '1'],
      ['二、上年结转', '0', '', '0'],
    ]);
  });

  test('a row cut by a page break: the units opening the next page end its numbers, and a cell set lower is its own', () => {
    // g251-053 (seed 251): (七)总计 … 11 … 470 at the foot of a page, 件 … 3件 … 件 at the head of the next: 社会公益组织's
    // 3件, set lower in its cell, went over the break with the units and was left out as a row of no name.
    const blocks = read([
      ...line(700, [[0, '信息内容'], [200, '自然人'], [250, '商业企业'], [300, '社会公益'], [350, '总计']]),
      ...line(730, [[0, '（七）总计'], [205, '421'], [255, '11'], [355, '470']]),
      ...line(30, [[255, '件'], [305, '3件'], [355, '件']], 2),
      ...line(60, [[0, '四、结转下年度继续办理'], [210, '0'], [260, '0'], [310, '0'], [360, '0']], 2),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['（七）总计', '421', '11件', '3件', '470件'],
      ['四、结转下年度继续办理', '0', '0', '0', '0'],
    ]);
  });

  test('a number grouped by thousands wrapped round its row\'s line inside a group: 2,56 over 9 is 2,569', () => {
    // g187-000 (seed 187): 1654 and 2,569 in narrow cells of full-width digits, each centred on the row's line.
    // 2,56 is no number by itself, so it joined nothing, and the row read 4 and 9.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '商业企业'], [300, '总计']]),
      ...line(122, [[200, '165'], [300, '2,56']]),
      ...line(130, [[0, '一、本年新收'], [250, '76']]),
      ...line(137, [[205, '4'], [310, '9']]),
      ...line(160, [[0, '二、上年结转'], [200, '0'], [300, '0']]),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['一、本年新收', '1654', '76', '2,569'],
      ['二、上年结转', '0', '', '0'],
    ]);
  });

  test('a group of thousands left open on a wrapped label\'s first line is ended by the digits on its last: 13,66 / 5', () => {
    // g253-008 (seed 253): 行政处 … １３,６６ over the row's line (１７ … ５), 罚 … ５ under it; the lines were too far apart
    // to join, and 行政处罚 was lost.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '上一年项目数量'], [300, '本年增/减'], [400, '处理决定数量']]),
      ...line(130, [[0, '行政处'], [400, '13,66']]),
      ...line(147, [[210, '17'], [310, '5']]),
      ...line(164, [[12, '罚'], [420, '5']]),
      ...line(200, [[0, '行政强制'], [210, '178'], [310, '4'], [410, '9']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r[0]!.startsWith('行政处'))).toEqual(['行政处罚', '17', '5', '13,665']);
  });

  test('a cell set lower than its row\'s line, beside the unit ending a number wrapped round it, is the row\'s', () => {
    // g191-034 (seed 191): 3件 stood a little under the line of 一、本年新收, beside the 件 of 29 / 件; the line of the
    // two was read as a row named 件 and the 3 was lost.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '法律服务'], [300, '总计']]),
      ...line(122, [[300, '29']]),
      ...line(130, [[0, '一、本年新收'], [200, '26']]),
      ...line(137, [[250, '3件'], [300, '件']]),
      ...line(160, [[0, '二、上年结转'], [200, '0'], [300, '0']]),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['一、本年新收', '26', '3件', '29件'],
      ['二、上年结转', '0', '', '0'],
    ]);
  });

  test('a change written out with its first digits, the rest wrapped under it, is one number: 减少1 over 1 is 减少11', () => {
    // g213-059 (seed 213): -11 in a narrow cell as 减少１ over １, beside 行政强 / 制 and its 0 set low; the 1 under it
    // was lost and the change read as -1, silently (section 二 has no sums to check it by).
    const blocks = read([
      ...line(100, [[0, '信息内容'], [70, '上一年项目数量'], [120, '本年增/减'], [170, '处理决定数量']]),
      ...line(130, [[0, '行政强'], [120, '减少1']]),
      ...line(137, [[175, '10']]),
      ...line(144, [[10, '制'], [75, '0'], [125, '1']]),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([['行政强制', '0', '减少11', '10']]);
  });

  test('a cell wrapped round its row\'s line with its unit: 52 over the line and 6件 under it is 526件', () => {
    // g173-024 (seed 173): 450件 and 526件 in narrow cells, each centred on the row's line; 6件 was read as a row of
    // its own and 总计 as 52.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '商业企业'], [300, '总计']]),
      ...line(122, [[200, '450'], [300, '52']]),
      ...line(130, [[0, '一、本年新收'], [250, '76']]),
      ...line(137, [[200, '件'], [300, '6件']]),
      ...line(160, [[0, '二、上年结转'], [200, '0'], [300, '0']]),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['一、本年新收', '450件', '76', '526件'],
      ['二、上年结转', '0', '', '0'],
    ]);
  });

  test('a label that wraps is one cell, its numbers printed between its lines', () => {
    const blocks = read([
      ...line(100, [[0, '（一）予以公开'], [200, '5'], [300, '5']]),
      ...line(130, [[0, '（二）部分公开（区分处理的，']]),
      ...line(138, [[200, '2'], [300, '2']]),
      ...line(146, [[0, '只计这一情形，不计其他情形）']]),
      ...line(180, [[0, '（三）其他'], [200, '1'], [300, '1']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows).toContainEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2', '2']);
    expect(rows).toHaveLength(3);
  });

  test('a number set lower than the others of its row stays in that row', () => {
    const blocks = read([
      ...line(100, [[0, '1.信访举报投诉类申请'], [200, '4'], [300, '']]),
      ...line(140, [[0, '2.重复申请'], [300, '7']]),
      ...line(152, [[200, '7']]),
      ...line(190, [[0, '3.要求提供公开出版物'], [200, '1'], [300, '1']]),
    ].filter((f) => f.text));
    const rows = grid(tables(blocks)[0]);
    expect(rows[1]).toEqual(['2.重复申请', '7', '7']);
    expect(rows).toHaveLength(3);
  });

  test('a group label beside the items belongs to a row, and is no row of its own', () => {
    const blocks = read([
      ...line(100, [[0, '（三）不'], [60, '1.属于国家秘密'], [200, '0'], [300, '0']]),
      ...line(112, [[0, '予公开']]),
      ...line(130, [[60, '2.其他法律行政法规禁止公开'], [200, '1'], [300, '1']]),
      ...line(148, [[0, '（四）无']]),
      ...line(160, [[0, '法提供'], [60, '1.本机关不掌握相关政府信息'], [200, '3'], [300, '3']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0', '0'],
      ['', '2.其他法律行政法规禁止公开', '1', '1'],
      ['（四）无法提供', '1.本机关不掌握相关政府信息', '3', '3'],
    ]);
  });

  test('the total and the carry-over row set in the group labels\' column are rows of their own; a note under them too', () => {
    // Chromium prints a page's table with the group column wide and rows close: (七)总计 and 四、结转… start left of
    // the items, and the note sits right under the last row.
    const blocks = read([
      ...line(100, [[0, '（六）其他'], [150, '（3）其他'], [200, '0'], [250, '0'], [300, '0']]),
      ...line(112, [[0, '处理']]),
      ...line(124, [[10, '（七）总计'], [200, '5'], [300, '5']]),
      ...line(136, [[0, '四、结转下年度继续办理'], [250, '0']]),
      ...line(148, [[0, '注：表中数据统计口径为本机关本级收到和处理的政府信息公开申请。']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows).toContainEqual(['', '（七）总计', '5', '', '5']);
    expect(rows).toContainEqual(['', '四、结转下年度继续办理', '', '0', '']);
    expect(rows.flat().some((c) => /.注：/.test(c))).toBe(false);
  });

  test('a number too wide for its cell wraps and is read whole', () => {
    const blocks = read([
      ...line(93, [[300, '10']]),
      ...line(100, [[0, '一、本年新收政府信息公开申请数量'], [200, '87']]),
      ...line(107, [[300, '4']]),
      ...line(140, [[0, '二、上年结转政府信息公开申请数量'], [200, '0'], [300, '0']]),
    ]);
    expect(grid(tables(blocks)[0])[0]).toEqual(['一、本年新收政府信息公开申请数量', '87', '104']);
  });

  test('numbers of several cells wrapped round their row\'s line are each read whole', () => {
    // Narrow columns of full-width digits (Chromium): ２５ / ５ and １０ / ３ wrap, centred on the row's line, which
    // carries the cells that fit (３).
    const blocks = read([
      ...line(93, [[200, '25'], [250, '10'], [350, '38']]),
      ...line(100, [[0, '一、本年新收政府信息公开申请数量'], [300, '3']]),
      ...line(107, [[200, '5'], [250, '3'], [350, '7']]),
      ...line(140, [[0, '二、上年结转政府信息公开申请数量'], [200, '0'], [250, '0'], [300, '0'], [350, '0']]),
    ]);
    expect(grid(tables(blocks)[0])[0]).toEqual(['一、本年新收政府信息公开申请数量', '255', '103', '3', '387']);
  });

  test('a number wrapped over three lines, its row\'s line the middle one, is read whole', () => {
    // c23-025 (Chromium, full-width digits one a line): １ / ７ / ７ in one column at an even pitch, the row's label
    // on the middle line; ８ / ８ beside it centred on the row's line.
    const wrapped = [
      ...line(85, [[200, '1'], [350, '2']]),
      ...line(92.5, [[250, '8']]),
      ...line(100, [[0, '一、本年新收政府信息公开申请数量'], [200, '7'], [300, '1'], [350, '7']]),
      ...line(107.5, [[250, '8']]),
      ...line(115, [[200, '7'], [350, '9']]),
      ...line(150, [[0, '二、上年结转政府信息公开申请数量'], [200, '0'], [250, '0'], [300, '0'], [350, '0']]),
    ];
    const blocks = read(wrapped);
    expect(grid(tables(blocks)[0])[0]).toEqual(['一、本年新收政府信息公开申请数量', '177', '88', '1', '279']);
    // Read again from the same lines, as pdf.ts does with other choices: the same numbers, not 1177.
    const lines = dropFurniture(buildLines([...PROSE, ...wrapped], OPTS));
    const once = grid(tables(blocksFromLines(lines, OPTS).blocks)[0]);
    expect(grid(tables(blocksFromLines(lines, OPTS).blocks)[0])).toEqual(once);
  });

  test('a number wrapped over three lines whose first digit stands on a group label\'s line is read whole', () => {
    // c23-025 again: 153 as １ / ５ / ３ in the total column, its １ on the line of 三、本年度 (the group label, wrapped
    // in its own narrow cell); 93 and 49 beside it as ９ / ３ and ４ / ９, centred on the row's line.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '企业'], [300, '其他'], [350, '总计']]),
      ...line(140, [[0, '二、上年结转政府信息公开申请数量'], [200, '0'], [250, '0'], [300, '0'], [350, '0']]),
      ...line(160, [[0, '三、本年度'], [350, '1']]),
      ...line(167.5, [[200, '9'], [250, '4']]),
      ...line(175, [[0, '办理结果'], [60, '（一）予以公开'], [300, '6'], [350, '5']]),
      ...line(182.5, [[200, '3'], [250, '9']]),
      ...line(190, [[350, '3']]),
      ...line(230, [[60, '（二）部分公开'], [200, '1'], [250, '0'], [300, '0'], [350, '1']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    const granted = rows.find((r) => r.includes('（一）予以公开'));
    expect(granted?.slice(-4)).toEqual(['93', '49', '6', '153']);
    // The group label's line keeps no number of its own.
    expect(rows.flat()).not.toContain('53');
    expect(rows.filter((r) => r.some((c) => c.startsWith('三、本年度'))).flat().filter((c) => /^\d+$/.test(c))).toEqual([]);
  });

  test('a number wrapped round its row\'s line, its last digits on the line of the row\'s label, is read whole', () => {
    // g233-031: １３ / ９ (139) and １２ / ０８ (1208), centred on 一、本年新收's line in narrow columns: their lower
    // lines shared the label's line, and 9 and 8 were read, 13 and 12 left as a row of their own.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '企业'], [300, '其他'], [350, '总计']]),
      ...line(132.8, [[250, '13'], [350, '12']]),
      ...line(140, [[0, '一、本年新收政府信息公开申请数量'], [300, '57']]),
      // (958 alone in its cell, set a little lower, bridges the two.)
      ...line(145, [[200, '958']]),
      ...line(147.2, [[255, '9'], [350, '08']]),
      ...line(170, [[0, '二、上年结转政府信息公开申请数量'], [200, '5'], [250, '0'], [300, '0'], [350, '5']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r[0]!.startsWith('一、'))?.slice(-4)).toEqual(['958', '139', '57', '1208']);
    // Nor do lines of a row that stand level join so: 二、上年结转 keeps its own numbers.
    expect(rows.find((r) => r[0]!.startsWith('二、'))?.slice(-4)).toEqual(['5', '0', '0', '5']);
  });

  test('a header line of one-character cells joined into one item with spaces is read a cell a column (g259-046)', () => {
    // g259-046: 结果维持 … 尚未审结 set one character a line in columns 16 points apart; pdfjs gave their last line,
    // the first of a page after a page break, as one item, 持 正 果 结, over four columns: they read as one column,
    // and 行政复议's numbers shifted. (pdf.js text reads each column's characters down the page as one word.)
    const word = (text: string, x: number, x2: number, y: number, y2: number) => ({ text, page: 1, x, x2, y, y2, value: false, marker: false });
    const lines = [
      { page: 1, y: 100, y2: 130, words: ['结果维', '结果纠', '其他结', '尚未审'].map((t, i) => word(t, 16 * i, 16 * i + 10, 100, 130)) },
      { page: 1, y: 130, y2: 140, words: [word('持 正 果 结', 0, 58, 130, 140)] },
    ];
    const header = headerOf(lines, [], OPTS);
    expect(header.leaves.map((l) => stackText(l.words))).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
  });

  test('a page whose items wrap round their numbers takes the item column from the pages before (PDF)', () => {
    // c43-034 (Chromium): on the last page only (七)总计 and 四、结转… stand beside their numbers, both left of the
    // items; (六)其他处理, wrapped in its narrow cell, was then read as an item and cut 2.申请人… in three rows.
    const blocks = read([
      ...line(100, [[0, '信息内容'], [200, '自然人'], [250, '企业'], [300, '其他'], [350, '总计']]),
      ...line(130, [[0, '（五）不予处理'], [60, '1.信访举报投诉类申请'], [200, '2'], [250, '0'], [300, '0'], [350, '2']]),
      ...line(150, [[60, '2.重复申请'], [200, '1'], [250, '0'], [300, '0'], [350, '1']]),
      ...line(170, [[60, '3.要求提供公开出版物'], [200, '0'], [250, '0'], [300, '0'], [350, '0']]),
      ...line(30, [[60, '1.申请人无正当理由逾期']], 2),
      ...line(37.5, [[60, '不补正、行政机关不再处'], [200, '1']], 2),
      ...line(45, [[60, '理其政府信息公开申请']], 2),
      ...line(52.5, [[0, '（六）其']], 2),
      ...line(60, [[60, '2.申请人逾期未按收费通']], 2),
      ...line(67.5, [[0, '他处理']], 2),
      ...line(75, [[60, '知要求缴纳费用、行政机'], [200, '0']], 2),
      ...line(82.5, [[60, '关不再处理其政府信息公']], 2),
      ...line(90, [[60, '开申请']], 2),
      ...line(105, [[60, '3.其他']], 2),
      ...line(125, [[0, '（七）总计'], [200, '4'], [250, '0'], [300, '0'], [350, '4']], 2),
      ...line(145, [[0, '四、结转下年度继续办理'], [200, '0'], [350, '0']], 2),
    ]);
    const rows = tables(blocks).flatMap((t) => grid(t));
    expect(rows.slice(4)).toEqual([
      ['', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1', '', '', ''],
      ['（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0', '', '', ''],
      ['', '3.其他', '', '', '', ''],
      ['', '（七）总计', '4', '0', '0', '4'],
      ['', '四、结转下年度继续办理', '0', '', '', '0'],
    ]);
  });

  test('a row cut by a page break: its numbers on each page are placed by position, not by sums each page breaks', () => {
    // g101-000 (LibreOffice): section 四's row of numbers, each group's 结果维持 pushed onto the next page.
    // Header cells 50 points apart, 40 wide; each number under its cell's middle.
    const head = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const at = (c: number) => 118 + 50 * c;
    const blocks = read([
      ...line(100, [[0, '信息内容'], ...Array.from({ length: 10 }, (_, c): [number, string] => [100 + 50 * c, head[c % 5]!])]),
      ...line(130, [[0, '合计'], [at(1), '0'], [at(2), '0'], [at(3), '0'], [at(4), '2'], [at(6), '1'], [at(7), '0'], [at(8), '0'], [at(9), '4']]),
      ...line(30, [[at(0), '2'], [at(5), '3']], 2),
      ...line(60, [[0, '五、存在的主要问题及改进情况']], 2),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r[0] === '合计')).toEqual(['合计', '2', '0', '0', '0', '2', '3', '1', '0', '0', '4']);
  });

  test('a cell of 0件 wrapped round its row\'s line (0 above, 件 below) is the row\'s 0, not a row of its own', () => {
    // c23-026 (Chromium): the total column too narrow for 0件. "0 over 0 is two rows of zeros" holds for digits only.
    const blocks = read([
      ...line(92.5, [[300, '0']]),
      ...line(100, [[0, '1.属于国家秘密'], [200, '0'], [250, '0']]),
      ...line(107.5, [[300, '件']]),
      ...line(122.5, [[300, '0']]),
      ...line(130, [[0, '2.其他法律行政法规禁止公开'], [200, '0'], [250, '0']]),
      ...line(137.5, [[300, '件']]),
      ...line(160, [[0, '3.危及“三安全一稳定”'], [200, '1'], [250, '0'], [300, '1']]),
    ]);
    expect(grid(tables(blocks)[0])).toEqual([
      ['1.属于国家秘密', '0', '0', '0件'],
      ['2.其他法律行政法规禁止公开', '0', '0', '0件'],
      ['3.危及“三安全一稳定”', '1', '0', '1'],
    ]);
  });

  test('cells wrapped round their row\'s line read whole where the lines above and below carry a group label too', () => {
    // c23-033 (Chromium): ２３ and ２５ wrap to ２ / ３ and ２ / ５ on the lines of 三、本年度 and 办理结果, the row's own
    // line between them with the other cells.
    const blocks = read([
      ...line(92.5, [[0, '三、本年度'], [200, '2'], [350, '2']]),
      ...line(100, [[60, '（一）予以公开'], [250, '0'], [300, '2']]),
      ...line(107.5, [[0, '办理结果'], [200, '3'], [350, '5']]),
      ...line(130, [[60, '（二）部分公开'], [200, '6'], [250, '1'], [300, '1'], [350, '8']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r.includes('（一）予以公开'))!.slice(-4)).toEqual(['23', '0', '2', '25']);
    expect(rows.find((r) => r.includes('（二）部分公开'))!.slice(-4)).toEqual(['6', '1', '1', '8']);
  });

  test('a number with its unit wrapped round its row\'s line beside the group label reads whole (16 / 9件 is 169件)', () => {
    // g137-059 (LibreOffice PDF): １６ on the line of 三、本年, ９件 on the line of 度办理结, the row's own line between;
    // 154 / 件 beside it already read whole. Before, 16 made a row of its own and the row's total read 9.
    const blocks = read([
      ...line(92.5, [[0, '三、本年'], [200, '154'], [350, '16']]),
      ...line(100, [[60, '（一）予以公开'], [250, '1'], [300, '4']]),
      ...line(107.5, [[0, '度办理结'], [200, '件'], [350, '9件']]),
      ...line(130, [[60, '（二）部分公开'], [200, '30'], [250, '0'], [300, '1'], [350, '31']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r.includes('（一）予以公开'))!.slice(-4)).toEqual(['154件', '1', '4', '169件']);
    expect(rows.filter((r) => r.some((c) => /16$/.test(c)))).toEqual([]);
  });

  test('the same where the group label\'s lower line holds that number\'s end and nothing else (22 / 6件 is 226件)', () => {
    // g263-048 (LibreOffice PDF): ２２ on the line of 三、本年, ６件 alone on the line of 度办理结. Before, that line
    // was passed over (no bare digits, no bare unit): the total read 22 and 6件 went to the next row.
    const blocks = read([
      ...line(92.5, [[0, '三、本年'], [350, '22']]),
      ...line(100, [[60, '（一）予以公开'], [200, '178'], [250, '26'], [300, '7件']]),
      ...line(107.5, [[0, '度办理结'], [350, '6件']]),
      ...line(130, [[60, '（二）部分公开'], [200, '57'], [250, '8'], [300, '4'], [350, '69']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r.includes('（一）予以公开'))!.slice(-4)).toEqual(['178', '26', '7件', '226件']);
    expect(rows.find((r) => r.includes('（二）部分公开'))!.slice(-4)).toEqual(['57', '8', '4', '69']);
  });

  test('a row whose label wraps, one cell\'s first digits on its first line and the rest with the row\'s numbers, reads whole', () => {
    // g137-037 (LibreOffice PDF): 234 wrapped as 23 on the line of (二)部分公开（区分处理的，只计这一 and 4 on the line of
    // 情形，不计其他情形） with 208 … 8. Before, 23 made a row of its own and the row's total read 4.
    const blocks = read([
      ...line(100, [[0, '三、本年'], [60, '（一）予以公开'], [200, '770'], [250, '13'], [350, '852']]),
      ...line(122, [[0, '度办理结'], [60, '（二）部分公开（区分处理的，只计这一'], [350, '23']]),
      ...line(130, [[0, '果'], [60, '情形，不计其他情形）'], [200, '208'], [250, '5'], [350, '4']]),
      ...line(150, [[60, '(1)属于国家秘密'], [200, '6'], [250, '3'], [350, '9']]),
    ]);
    const rows = grid(tables(blocks)[0]);
    expect(rows.find((r) => r.some((c) => c.includes('部分公开')))!.slice(-3)).toEqual(['208', '5', '234']);
    expect(rows.find((r) => r.includes('(1)属于国家秘密'))!.slice(-3)).toEqual(['6', '3', '9']);
  });

  test('a label that ends on the next page ends there: the label after it starts its own row', () => {
    // 行政处 / 罚 over a page break, then 行政强 / numbers / 制, a label set around its numbers.
    const blocks = read([
      // A narrow label column: 行政处 fills it.
      ...line(100, [[0, '信息'], [40, '上一年项目数量'], [120, '本年增/减'], [200, '处理决定数量']]),
      ...line(130, [[0, '行政处'], [40, '2'], [120, '0'], [200, '7']]),
      ...line(20, [[0, '罚']], 2),
      ...line(38, [[0, '行政强']], 2),
      ...line(46, [[40, '10'], [120, '0'], [200, '30']], 2),
      ...line(54, [[0, '制']], 2),
    ]);
    expect(grid(tables(blocks)[0]).slice(1)).toEqual([
      ['行政处罚', '2', '0', '7'],
      ['行政强制', '10', '0', '30'],
    ]);
  });

  test('a table cut by a page break is one table; the page number between goes', () => {
    const blocks = read([
      ...line(100, [[0, '三、收到和处理政府信息公开申请情况']]),
      ...line(130, [[0, '1.属于国家秘密'], [200, '1'], [300, '1']]),
      ...line(160, [[0, '2.其他法律行政法规禁止公开'], [200, '2'], [300, '2']]),
      ...line(800, [[150, '- 3 -']]),
      ...line(60, [[0, '3.危及“三安全一稳定”'], [200, '3'], [300, '3']], 2),
      ...line(90, [[0, '4.保护第三方合法权益'], [300, '4']], 2),
      ...line(800, [[150, '- 4 -']], 2),
    ]);
    expect(tables(blocks)).toHaveLength(1);
    const t = tables(blocks)[0] as TableBlock;
    expect(grid(t)).toEqual([
      ['1.属于国家秘密', '1', '1'],
      ['2.其他法律行政法规禁止公开', '2', '2'],
      ['3.危及“三安全一稳定”', '3', '3'],
      ['4.保护第三方合法权益', '', '4'],
    ]);
    expect(t.rows[3]!.cells[2]!.source?.page).toBe(2);
    expect(blocks.some((b) => b.kind === 'paragraph' && /-\s*3\s*-/.test(b.text))).toBe(false);
  });

  test('a sentence with numbers in it stays a paragraph, and so does a heading', () => {
    const blocks = read([
      ...line(100, [[0, '一、总体情况']]),
      ...line(130, [[20, '2023 年共收到政府信息公开申请'], [185, '94'], [199, '件，上年结转'], [262, '7'], [270, '件，其中予以公开']]),
      ...line(150, [[0, '28 件。依申请公开工作由专人负责，严格按照依申请公开工作流程，规范操作。']]),
    ]);
    expect(tables(blocks)).toHaveLength(0);
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', text: '一、总体情况' });
  });
});

describe('page furniture', () => {
  const texts = (frags: Fragment[]) => dropFurniture(buildLines(frags, OPTS)).map((l) => l.words.map((w) => w.text).join(''));

  test('the agency that opens page 1 and signs the last page is no running header or footer', () => {
    const pages = [1, 2, 3, 4].flatMap((p) => [
      ...(p === 1 ? line(30, [[0, '淮阴区人民政府办公室']], p) : []),
      ...line(50, [[0, `${'甲乙丙丁'[p - 1]}页的正文`]], p),
      ...(p === 4 ? line(70, [[0, '淮阴区人民政府办公室']], p) : []),
    ]);
    expect(texts(pages).filter((t) => t === '淮阴区人民政府办公室')).toHaveLength(2);
  });

  test('page numbers go; a row of blank marks with one number that opens a page stays (g187-011)', () => {
    // g187-011: section 四's one row, — in fourteen cells and ０ in one, opened a page after its header and was
    // taken for a page number decorated with dashes (— 3 —): the table was lost.
    const pages = [1, 2].flatMap((p) => [
      ...line(30, [[0, `${'甲乙'[p - 1]}页的正文`]], p),
      ...(p === 2 ? line(10, [0, 20, 40, 60, 80].map((x, i): [number, string] => [x, i === 3 ? '0' : '—']), p) : []),
      ...line(800, [[100, `- ${p} -`]], p),
    ]);
    expect(texts(pages)).toEqual(['甲页的正文', '———0—', '乙页的正文']);
  });

  test('numbers alone ending pages are no running footer: cells of tables cut by page breaks (g217-018)', () => {
    // g217-018: 145, set low in its cell, ended page 1 and a 0 page 2 of four: both were dropped as a footer (#).
    const pages = [1, 2, 3, 4].flatMap((p) => [
      ...line(50, [[0, `${'甲乙丙丁'[p - 1]}页的正文`]], p),
      ...(p <= 2 ? line(700, [[150, p === 1 ? '145' : '0']], p) : []),
    ]);
    expect(texts(pages)).toEqual(['甲页的正文', '145', '乙页的正文', '0', '丙页的正文', '丁页的正文']);
  });

  test('a bare number is a page number only where two pages agree on it, and 0 never is (g223-035)', () => {
    // g223-035: cells of two rows cut by page breaks, a 0 each, opened and ended page 3: the same offset from the
    // page index twice, so both were dropped as page numbers and two zeros lost without a flag.
    const pages = (n: string) => [1, 2, 3].flatMap((p) => [
      ...(p === 2 ? line(10, [[150, n]], p) : []),
      ...line(50, [[0, `${'甲乙丙'[p - 1]}页的正文`]], p),
      ...(p === 2 ? line(700, [[150, n]], p) : []),
    ]);
    expect(texts(pages('0'))).toEqual(['甲页的正文', '0', '乙页的正文', '0', '丙页的正文']);
    expect(texts(pages('7'))).toEqual(['甲页的正文', '7', '乙页的正文', '7', '丙页的正文']);
    // Where two pages agree, their bare numbers go.
    const numbered = [1, 2, 3].flatMap((p) => [...line(50, [[0, `${'甲乙丙'[p - 1]}页的正文`]], p), ...line(800, [[150, String(p + 1)]], p)]);
    expect(texts(numbered)).toEqual(['甲页的正文', '乙页的正文', '丙页的正文']);
  });

  test('a line opening most pages is a running header, and goes', () => {
    const pages = [1, 2, 3, 4].flatMap((p) => [...(p > 1 ? line(10, [[0, '政务公开专栏']], p) : []), ...line(50, [[0, `${'甲乙丙丁'[p - 1]}页的正文`]], p)]);
    expect(texts(pages)).not.toContain('政务公开专栏');
    expect(texts(pages)).toContain('甲页的正文');
  });
});

describe('numbers placed on columns', () => {
  const v = (row: number, x: number, value: number | null = 1) => ({ row, x, x2: x + 5, value });

  test('as many columns of numbers as the table has: each in its column', () => {
    const res = placeValues([v(0, 10), v(0, 50), v(1, 30), v(1, 50), v(2, 10), v(2, 30)], 3);
    expect(res.cols).toEqual([0, 2, 1, 2, 0, 1]);
    expect(res.guessed).toBe(false);
  });

  test('numbers of one column set apart on different rows make one column', () => {
    const res = placeValues([v(0, 10), v(1, 14), v(0, 40), v(1, 40)], 2);
    expect(res.cols).toEqual([0, 0, 1, 1]);
  });

  test('fewer columns of numbers than the table has: the header above places them', () => {
    const res = placeValues([v(0, 12), v(0, 88)], 4, { anchors: [10, 35, 60, 85] });
    expect(res.cols).toEqual([0, 3]);
    expect(res.guessed).toBe(false);
  });

  test('with a misprint\'s cost, numbers stay where they stand rather than move columns away to fit a misprinted total', () => {
    // g281-044 (PDF): 1 … 1 under 行政诉讼's 结果维持 and 总计, 1 … 3 under 复议后起诉's, its total misprinted (3 for 1).
    // Taken as all but impossible, the broken sum moved the three 1s across to 复议后起诉 (1 + 1 + 1 = 3), hiding it.
    const anchors = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((x) => x + 2.5);
    const totals = [{ members: [0, 1, 2, 3], total: 4 }, { members: [5, 6, 7, 8], total: 9 }];
    const row = [v(0, 10), v(0, 50), v(0, 60), v(0, 100, 3)];
    // (Without it, the three 1s and the 3 go wherever their sum holds: here all into the first group.)
    expect(placeValues(row, 10, { anchors, totals }).cols).toEqual([0, 2, 3, 4]);
    expect(placeValues(row, 10, { anchors, totals, misprintCost: 3 }).cols).toEqual([0, 4, 5, 9]);
  });

  test('a page without its header set narrower than the header\'s page: a stretch fits where a shift does not', () => {
    // g277-046 (layout text): section 三's second page, its numbers at columns 36, 40, 51, 56, 60 and 65 against a
    // header at 32.5, 38, 44, 50, 57, 62 and 68 on the page before. Shifted only, the page read best one column right
    // (自然人 empty, 科研机构 full); stretched, it stands as the header does with 科研机构 empty, as it is.
    const looseAnchors = [32.5, 38, 44, 50, 57, 62, 68];
    const totals = [{ members: [0, 1, 2, 3, 4, 5], total: 6 }];
    const rows: [number, number][][] = [
      [[35, 26], [40, 2], [60, 1], [64, 29]],
      [[36, 2], [51, 1], [60, 1], [65, 4]],
      [[36, 1], [40, 2], [56, 1], [65, 4]],
      [[35, 56], [40, 8], [51, 1], [56, 1], [60, 2], [64, 68]],
    ];
    const values = rows.flatMap((r, row) => r.map(([x, value]) => ({ row, x, x2: x + String(value).length, value })));
    const res = placeValues(values, 7, { looseAnchors, totals, missingTotalCost: 1.5, doubt: 1 });
    expect(res.cols.slice(-6)).toEqual([0, 1, 3, 4, 5, 6]);
  });

  test('a page without its header that no shift or stretch fits offers every other reading, far behind, for the sums', () => {
    // g273-007 (layout text): section 三's last page, its columns at 28, 34, 43, 48 and 52 against a header at 32.5 …
    // 79 on the page before: the left ones set as the header, the right ones half as wide apart. Shifted, the page
    // reads best two columns right; 自然人, 商业企业, 法律服务机构, 其他 and 总计, as it is, is offered after it.
    const looseAnchors = [32.5, 39, 50, 57, 65.5, 74, 79];
    const totals = [{ members: [0, 1, 2, 3, 4, 5], total: 6 }];
    const rows: [number, number][][] = [
      [[28, 3], [34, 1], [52, 4]],
      [[28, 26], [34, 7], [43, 1], [52, 34]],
      [[28, 2], [43, 1], [48, 1], [52, 4]],
      [[28, 156], [34, 20], [43, 13], [48, 4], [52, 193]],
    ];
    const values = rows.flatMap((r, row) => r.map(([x, value]) => ({ row, x, x2: x + String(value).length, value })));
    const res = placeValues(values, 7, { looseAnchors, totals, missingTotalCost: 1.5, doubt: 1 });
    expect(res.cols.slice(-5)).toEqual([2, 3, 4, 5, 6]);
    expect(res.guessed).toBe(false);
    const right = res.alternatives!.findIndex((cols) => cols.slice(-5).join() === [0, 1, 4, 5, 6].join());
    expect(right).toBeGreaterThan(0);
    // Offered only for the sums: taken only where every sum then holds (readings.ts).
    expect(res.alternativeCosts![right]).toBeGreaterThanOrEqual(FALLBACK_COST);
    // A header on the same page: no such readings.
    const anchored = placeValues(values, 7, { anchors: looseAnchors, totals, missingTotalCost: 1.5, doubt: 1 });
    expect((anchored.alternativeCosts ?? []).every((c) => c < FALLBACK_COST)).toBe(true);
  });

  test('numbers that stand far from every header cell are a guess, though no other reading comes close', () => {
    // g161-055 (layout text): 行政复议's header packed as 结结其尚 and the numbers under it spread wider; every
    // number stood one to three columns right of its cell, and the one reading found was taken as sure.
    const anchors = [10, 13, 16, 19, 22, 25];
    const res = placeValues([v(0, 18), v(0, 24), v(0, 30), v(0, 36)], 6, { anchors });
    expect(res.cols).toEqual([2, 3, 4, 5]);
    expect(res.guessed).toBe(true);
    // The same header with its numbers under it: sure.
    const under = placeValues([v(0, 8), v(0, 11), v(0, 17), v(0, 23)], 6, { anchors });
    expect(under.cols).toEqual([0, 1, 3, 5]);
    expect(under.guessed).toBe(false);
  });

  test('one number far from every header cell makes the reading a guess, though the others stand under theirs', () => {
    // g187-058 (layout text): section 四's header packed tighter than its numbers towards the right only; the 8 under
    // 总计 stood eight characters (two and a half columns) off, the mean stayed under a column, and the 4 and the
    // 0s of that side were read one column off without a flag.
    const anchors = [10, 13, 16, 19, 22, 25];
    const res = placeValues([v(0, 7.5), v(0, 10.5), v(0, 13.5), v(0, 29.5)], 6, { anchors });
    expect(res.cols).toEqual([0, 1, 2, 5]);
    expect(res.guessed).toBe(true);
    const near = placeValues([v(0, 7.5), v(0, 10.5), v(0, 13.5), v(0, 23.5)], 6, { anchors });
    expect(near.cols).toEqual([0, 1, 2, 5]);
    expect(near.guessed).toBe(false);
  });

  test('more clusters than columns, against a header on the same page: merged where the header says', () => {
    // g23-031 (pdftotext): rows whose label wraps set their first number a few characters left of the column,
    // so the first column reads as two clusters; nearest-first merging had joined two other columns instead.
    const values = [v(0, 26, 4), v(0, 60, 4), v(1, 32, 54), v(1, 37, 10), v(1, 52, 0), v(1, 60, 64), v(2, 32, 8), v(2, 42, 3), v(2, 60, 11)];
    const hints = { anchors: [34, 40, 46, 52, 62], mergeGap: 1.2, missingTotalCost: 1.5, doubt: 1, totals: [{ members: [0, 1, 2, 3], total: 4 }] };
    const right = [0, 4, 0, 1, 3, 4, 0, 2, 4];
    expect(placeValues(values, 5, hints).cols).toEqual(right);
    // Nearest first, as without the header's positions: the 10 and the 3, set edge to edge, made one column.
    expect(placeValues(values, 5, { ...hints, mergeGap: 0 }).cols).not.toEqual(right);
  });

  test('a guessed placement offers its close readings, best first, with what each costs beyond the best', () => {
    const res = placeValues([v(0, 0, 4), v(0, 20, 4)], 4, { totals: [{ members: [0, 1, 2], total: 3 }], doubt: 1 });
    expect(res.guessed).toBe(true);
    expect(res.alternatives!.length).toBeGreaterThan(1);
    expect(res.alternatives![0]).toEqual(res.cols);
    expect(res.alternativeCosts![0]).toBe(0);
    expect([...res.alternativeCosts!].sort((a, b) => a - b)).toEqual(res.alternativeCosts);
    // Every reading keeps the numbers in order and the 4 in the total column.
    for (const cols of res.alternatives!) {
      expect(cols[0]!).toBeLessThan(cols[1]!);
      expect(cols[1]).toBe(3);
    }
  });

  test('a page without its header is measured against the header\'s columns after the shift that fits best', () => {
    // The header page's columns stand at 10, 20, 30, 40; this page is set 7 further right.
    const res = placeValues([v(0, 15), v(0, 45), v(1, 25), v(1, 45)], 4, { looseAnchors: [12.5, 22.5, 32.5, 42.5], doubt: 1 });
    expect(res.cols).toEqual([0, 3, 1, 3]);
  });

  test('two clusters that share no row may be one column where allowed, when the header says so', () => {
    // A row whose label wraps sets its number four characters left of the others of its column.
    const n = (row: number, x: number) => ({ row, x, x2: x + 1, value: 1 });
    const vs = [n(0, 32), n(0, 42), n(1, 28), n(1, 42), n(2, 32), n(2, 38)];
    const anchors = [32.5, 35.5, 38.5, 42.5, 46.5];
    expect(placeValues(vs, 5, { anchors }).cols).toEqual([1, 3, 0, 3, 1, 2]);
    expect(placeValues(vs, 5, { anchors, mergeGap: 1.2 }).cols).toEqual([0, 3, 0, 3, 0, 2]);
  });

  test('a number set flush left in a wide header cell belongs to that cell\'s column, not the narrow one before', () => {
    // 计 (review total) at 133–145, 结果维持 (direct upheld) at 150–198: a 0 at 150–156 sits at 结果维持's left edge.
    const vs = [{ row: 0, x: 62, x2: 68, value: 0 }, { row: 0, x: 150, x2: 156, value: 0 }];
    const anchors = [68, 139, 174];
    expect(placeValues(vs, 3, { anchors }).cols).toEqual([0, 1]);
    expect(placeValues(vs, 3, { anchors, anchorLefts: [62, 133, 150] }).cols).toEqual([0, 2]);
  });

  test('Readings: the choices taken in turn, and what was offered', () => {
    const r = new Readings([0, 2]);
    expect(r.pick([0, 1])).toBe(0);
    expect(r.pick([0, 0.5])).toBe(1);
    expect(r.pick([0, 1, 2])).toBe(0);
    expect(r.offered).toEqual([[0, 1], [0, 0.5], [0, 1, 2]]);
    expect(r.changed).toBe(true);
    expect(new Readings().changed).toBe(false);
  });

  test('where positions cannot tell, the total column takes the sum', () => {
    const res = placeValues([v(0, 0, 2), v(0, 10, 3), v(0, 20, 5)], 5, { totals: [{ members: [0, 1, 2, 3], total: 4 }] });
    expect(res.cols[2]).toBe(4);
    expect(res.guessed).toBe(true);
  });

  test('as many clusters as columns are read in order, unless the header says otherwise by far (layout text)', () => {
    // g97-049: one row's numbers set a few characters left (its label wraps) form a cluster of their own, and the
    // fourth column is empty: read in order, every column after the first would be one to the right.
    const anchors = [10, 20, 30, 40, 50, 60, 70];
    const xs = [8, 18, 28, 48, 58, 68];
    const vals = [0, 2, 3].flatMap((r) => xs.map((x) => v(r, x)));
    const row = [v(1, 0), ...xs.slice(1).map((x) => v(1, x))];
    const values = [...vals, ...row];
    const expected = values.map((p) => (p.x < 13 ? 0 : p.x < 23 ? 1 : p.x < 33 ? 2 : p.x < 53 ? 4 : p.x < 63 ? 5 : 6));
    expect(placeValues(values, 7, { anchors, mergeGap: 1.2 }).cols).toEqual(expected);
    // Where merging is not allowed (a PDF's exact positions), in order as before.
    expect(placeValues(values, 7, { anchors }).cols).not.toEqual(expected);
    // And where the header's positions fit the order about as well, in order.
    const near = [0, 1, 2].flatMap((r) => [8, 18, 28, 38, 48, 58, 68].map((x) => v(r, x)));
    expect(placeValues(near, 7, { anchors, mergeGap: 1.2 }).cols).toEqual(near.map((p) => Math.round((p.x - 8) / 10)));
  });

  test('as many clusters as columns, standing as the header\'s cells do but wider apart, are read in order (g241-047)', () => {
    // g241-047 (layout text): pdftotext set the numbers half as wide apart again as 自然人 商业 科研 … 总计 over them;
    // against the header's own positions every column from the second was read one to the right.
    const anchors = [35.5, 39, 42, 45, 48, 50, 53];
    // Its page's numbers: [row, x, x2, value], character columns.
    const page: [number, number, number, number][] = [[0, 35, 38, 262], [0, 43, 45, 29], [0, 52, 53, 2], [0, 56, 57, 7],
      [0, 60, 61, 9], [0, 64, 67, 309], [1, 38, 40, 15], [1, 43, 44, 2], [1, 64, 66, 17], [2, 35, 38, 122], [2, 43, 45, 16],
      [2, 52, 53, 1], [2, 56, 57, 5], [2, 60, 61, 5], [2, 64, 67, 149], [3, 38, 40, 18], [3, 43, 44, 4], [3, 60, 61, 1],
      [3, 64, 66, 23], [4, 38, 39, 1], [4, 43, 44, 0], [4, 65, 66, 1], [5, 38, 39, 4], [5, 48, 49, 0], [5, 65, 66, 4],
      [6, 38, 39, 4], [6, 65, 66, 4], [8, 38, 39, 4], [8, 56, 57, 0], [8, 65, 66, 4], [9, 38, 40, 11], [9, 43, 44, 3], [9, 64, 66, 14]];
    const values = page.map(([row, x, x2, value]) => ({ row, x, x2, value }));
    const column = [40, 45, 49, 53, 57, 61, 67];
    expect(placeValues(values, 7, { anchors, mergeGap: 1.2, tolerance: 0.5 }).cols).toEqual(values.map((p) => column.findIndex((e) => p.x2 <= e)));
    // (A first cluster left of the header's first cell is a row set left, as in g97-049 above: the header decides.)
  });

  test('a row cut by a page break is placed by position: its sums hold only across the pages (g101-000)', () => {
    // Section 四's one row: each group's 结果维持 went to the next page, so on this page neither group adds up.
    // Judged by its sums, 2 (the first group's total) moved right into the second group, where one sum failed
    // instead of two.
    const anchors = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const totals = [{ members: [0, 1, 2, 3], total: 4 }, { members: [5, 6, 7, 8], total: 9 }];
    const row = [v(0, 18, 0), v(0, 28, 0), v(0, 38, 0), v(0, 48, 2), v(0, 68, 1), v(0, 78, 0), v(0, 88, 0), v(0, 98, 4)];
    expect(placeValues(row, 10, { anchors, totals }).cols).not.toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect(placeValues(row, 10, { anchors, totals, partialRows: new Set([0]) }).cols).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
  });
  test('a page whose rows were each set their own way: rows with a number in every column give the columns in order', () => {
    // g127-002 (pdftotext, a last page without its header): each row's numbers packed against its own label, so
    // no column lines up and the clusters were more than the columns; the table was widened to 9 and every number
    // of the first page was read one column right.
    const at = (row: number, xs: number[]) => xs.map((x) => ({ ...v(row, x, 0), line: 100 + row }));
    const rows = [at(0, [28, 45, 54, 62, 70, 74, 79]), at(1, [37, 45, 48, 51, 70, 74, 79]), at(2, [37, 45, 54, 57, 70, 73, 79]), at(3, [28, 62, 79])];
    const res = placeValues(rows.flat(), 7);
    expect(res.k).toBe(7);
    expect(res.cols.slice(0, 21)).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]);
    // The short row is read against where the full rows put each column, and that is a guess.
    expect(res.cols.slice(21)).toEqual([0, 3, 6]);
    expect(res.guessed).toBe(true);
  });

  test('a row with a number in every column is no proof when its numbers stand on two lines (g97-024)', () => {
    // Two printed rows read as one fill the columns between them, but not in order: such rows pin nothing, and the
    // clusters are read as before (here more of them than columns, so the table is widened).
    const at = (row: number, xs: number[]) => xs.map((x, i) => ({ ...v(row, x, 0), line: 100 + 2 * row + (i % 2) }));
    const rows = [at(0, [28, 45, 54, 62, 70, 74, 79]), at(1, [37, 45, 48, 51, 70, 74, 79]), at(2, [37, 45, 54, 57, 70, 73, 79])];
    expect(placeValues(rows.flat(), 7).k).toBeGreaterThan(7);
  });

  test('increasingNearest: positions onto columns in order, nearest in sum', () => {
    expect(increasingNearest([10, 31], [10, 20, 30, 40])).toEqual([0, 2]);
    expect(increasingNearest([21, 22], [10, 20, 30, 40])).toEqual([1, 2]);
    expect(increasingNearest([50], [10, 20, 30, 40])).toEqual([3]);
  });
});
