import fs from 'node:fs';
import path from 'node:path';
import { Block, TableBlock } from '../../src/model';
import { blocksFromLayoutText, joinVerticalRuns, layoutFragments, looksLikeLayoutText, splitPackedCells } from '../../src/table/layoutText';
import { toGrid } from '../../src/table/grid';
import { readText } from '../../src/adapters/text';
import { parseBuffer } from '../../src/pipeline';
import { fillingSplits } from '../../src/table/packedCells';

/** Text as `pdftotext -layout` prints a report: cells set apart with spaces, one column per character. */

const ROOT = path.join(__dirname, '..', '..');

function grid(t: Block | undefined): string[][] {
  expect(t?.kind).toBe('table');
  const g = toGrid(t as TableBlock);
  return g.rows.map((r) => Array.from({ length: g.width }, (_, c) => {
    const s = r[c];
    return !s ? '' : s.origin ? s.cell.text : '^';
  }));
}

/** The table's rows, each with its filled cells only. */
const filled = (blocks: Block[]) => grid(blocks.find((b) => b.kind === 'table')).map((r) => r.filter((c) => c && c !== '^'));

/** A line with each text starting at its character column. */
function at(cells: [number, string][]): string {
  let out = '';
  for (const [col, text] of cells) out = out.padEnd(col) + text;
  return out;
}

const PROSE = '坚持以公开为常态、不公开为例外，建立健全主动公开制度体系，扎实推进决策、执行、管理、';

describe('recognising layout text', () => {
  test('cells set apart with spaces read as layout text; tab-broken text and prose do not', () => {
    const layout = ['  信息内容      本年制发件数 本年废止件数', '  规章           3              4'].join('\n').repeat(5);
    expect(looksLikeLayoutText(layout)).toBe(true);
    expect(looksLikeLayoutText('标题\n\t规章\n\t3\n\t4\n\n\t行政许可\n\t5\n'.repeat(5))).toBe(false);
    expect(looksLikeLayoutText(`${PROSE}\n${PROSE}\n一、总体情况\n`)).toBe(false);
  });

  test('every character is one column, CJK included; a form feed starts the next page', () => {
    const frags = layoutFragments('一、总体  12\n\f  规章 3');
    expect(frags.map((f) => [f.text, f.x, f.x2, f.page, f.line])).toEqual([
      ['一、总体', 0, 4, 1, 1], ['12', 6, 8, 1, 1], ['规章', 2, 4, 2, 2], ['3', 5, 6, 2, 2],
    ]);
  });
});

/** Section 三's header and its row 二, before the rows of results: 自然人, 商业企业 and 总计 at columns 28, 35, 59. */
const RESULTS_HEAD = [
  at([[28, '自然人'], [35, '商业企业'], [59, '总计']]),
  at([[0, '二、上年结转政府信息公开申请数量'], [28, '0'], [35, '0'], [59, '0']]),
];

describe('tables from layout text', () => {
  test('a small table of section 二: blank cells keep the numbers under their headers', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '                   第二十条第（一）项',
      '        信息内容      本年新制作数量 本年新公开数量 对外公开总数量',
      '         规章                                  148',
      '       规范性文件         3         4             425',
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table'))).toEqual([
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ['规章', '', '', '148'],
      ['规范性文件', '3', '4', '425'],
    ]);
  });

  test('section 四 under a header printed one character per line: fifteen columns, blanks kept', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ' 行政复议                            行政诉讼',
      '结结其尚           未经复议直接起诉             复议后起诉',
      '果果他未总',
      '维 纠 结 审 计 结果维 结果纠 其他结 尚未审    结果维 结果纠 其他结 尚未审',
      '                          总计                 总计',
      '持正果结       持   正   果    结     持   正    果  结',
      '3 18   7 28                                 18       0       0       18',
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    expect(rows[rows.length - 1]!.slice(-15)).toEqual(['3', '18', '', '7', '28', '', '', '', '', '', '', '18', '0', '0', '18']);
  });

  test('a header cell\'s last line on the first row\'s line pushes that row\'s numbers down: both are put back', () => {
    // g167-008.layout (a PDF where 组织, the last line of 社会/公益/组织, overprints the first row's 5): pdftotext set
    // 组织 on the row's line and the numbers from there on the next line. Read as they stood, 组织 joined the label
    // and 一、本年新收… was a row of no known name.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[8, '信息内容'], [26, '自然人'], [34, '社会'], [42, '总计']]),
      at([[34, '公益']]),
      at([[2, '一、本年新收'], [27, '5'], [34, '组织']]),
      at([[35, '3'], [43, '8']]),
      at([[2, '二、上年结转'], [27, '1'], [35, '0'], [43, '1']]),
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table'))).toEqual([
      ['信息内容', '自然人', '社会公益组织', '总计'],
      ['一、本年新收', '5', '3', '8'],
      ['二、上年结转', '1', '0', '1'],
    ]);
  });

  test('a label that wraps around its numbers is one cell; a group label is no row', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '                            自然人   商业企业   总计',
      '    一、本年新收政府信息公开申请数量       41      6        47',
      '三、本年度办          （一）予以公开          5    3        8',
      '  理结果',
      '         (二)部分公开（区分处理的，只计这一情',
      '                                 17                 17',
      '               形，不计其他情形）',
      '                  1.属于国家秘密       2        0     2',
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    expect(rows.map((r) => r.filter((c) => c && c !== '^'))).toEqual([
      ['自然人', '商业企业', '总计'],
      ['一、本年新收政府信息公开申请数量', '41', '6', '47'],
      ['三、本年度办理结果', '（一）予以公开', '5', '3', '8'],
      ['(二)部分公开（区分处理的，只计这一情形，不计其他情形）', '17', '17'],
      ['1.属于国家秘密', '2', '0', '2'],
    ]);
    expect(rows[3]!.slice(-3)).toEqual(['17', '', '17']);
  });

  test('a number wrapped in its cell, set above and below its row\'s line, is one number', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [36, '商业企业'], [46, '总计']]),
      at([[46, '１０']]),
      at([[0, '一、本年新收政府信息公开申请数量'], [29, '８７'], [38, '17']]),
      at([[46, '４']]),
      at([[0, '二、上年结转政府信息公开申请数量'], [29, '3'], [46, '3']]),
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table')).slice(1)).toEqual([
      ['一、本年新收政府信息公开申请数量', '８７', '17', '１０４'],
      ['二、上年结转政府信息公开申请数量', '3', '', '3'],
    ]);
  });

  test('fullwidth numbers are as wide as printed: ２３ under １３５ is in its column, and so is １６２ after ３５９', () => {
    // pdftotext counts ２ one column, though it is printed two wide (g61-023: a column of them read as two).
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[30, '自然人'], [38, '商业企业'], [46, '总计']]),
      at([[0, '一、本年新收政府信息公开申请数量'], [30, '３５９'], [34, '１６２'], [46, '５２１']]),
      at([[0, '二、上年结转政府信息公开申请数量'], [30, '１３５'], [38, '６７'], [46, '２０２']]),
      at([[0, '四、结转下年度继续办理'], [33, '２３'], [38, '９'], [46, '３２']]),
      at([[0, '（七）总计'], [34, '０'], [46, '０']]),
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table')).slice(1)).toEqual([
      ['一、本年新收政府信息公开申请数量', '３５９', '１６２', '５２１'],
      ['二、上年结转政府信息公开申请数量', '１３５', '６７', '２０２'],
      ['四、结转下年度继续办理', '２３', '９', '３２'],
      ['（七）总计', '０', '', '０'],
    ]);
  });

  test('a group heading with numbers after an item printed blank is a row of its own, not that item\'s numbers', () => {
    // g61-068: 5. wraps over three lines and is blank; (六)其他处理 (2019 template, no items) has the numbers.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[30, '自然人'], [38, '商业企业'], [50, '总计']]),
      at([[0, '一、本年新收政府信息公开申请数量'], [32, '26'], [37, '10'], [50, '36']]),
      at([[0, '（五）'], [12, '1. 信访举报投诉类'], [32, '1'], [50, '1']]),
      at([[5, '不予处'], [12, '2. 重复申请'], [37, '1'], [50, '1']]),
      at([[5, '理'], [12, '5. 要求行政机关确']]),
      at([[12, '认或重新出具已获']]),
      at([[12, '取信息']]),
      at([[5, '（六）其他处理'], [32, '2'], [37, '1'], [50, '3']]),
      at([[5, '（七）总计'], [32, '26'], [37, '10'], [50, '36']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.slice(-3)).toEqual([
      ['理', '5. 要求行政机关确认或重新出具已获取信息'],
      ['（六）其他处理', '2', '1', '3'],
      ['（七）总计', '26', '10', '36'],
    ]);
  });

  test('a group heading set on the lines of a label that wraps round its numbers does not cut the label', () => {
    // g61-064: (六)其他 / 处理, centred on the rows it groups, falls between the lines of item (2).
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[30, '自然人'], [38, '商业企业'], [50, '总计']]),
      at([[0, '一、本年新收政府信息公开申请数量'], [32, '46'], [38, '20'], [50, '66']]),
      at([[14, '(1)申请人无正当理由逾期不补正'], [32, '14'], [38, '11'], [50, '25']]),
      at([[14, '(2)申请人逾期未按收费通知']]),
      at([[6, '(六)其他']]),
      at([[14, '要求缴纳费用、行政机关不'], [32, '3'], [38, '1'], [50, '4']]),
      at([[8, '处理']]),
      at([[14, '再处理其政府信息公开申请']]),
      at([[14, '(3)其他'], [32, '29'], [38, '8'], [50, '37']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows).toContainEqual(['(2)申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3', '1', '4']);
    expect(rows[rows.length - 1]!.slice(-4)).toEqual(['(3)其他', '29', '8', '37']);
  });

  test('two numbers wrapped round their row\'s line, fullwidth, are each read whole', () => {
    // g31-016: １０１ and １２７ above the row's line, ２ and ３ below it: 1012 and 1273.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[30, '自然人'], [38, '商业企业'], [46, '法律'], [62, '总计']]),
      at([[30, '１０１'], [62, '１２７']]),
      at([[4, '一、本年新收政府信息公开申请数量'], [38, '１５３'], [47, '６']]),
      at([[31, '２'], [65, '３']]),
      at([[4, '二、上年结转政府信息公开申请数量'], [31, '０'], [38, '０'], [47, '０'], [65, '０']]),
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table')).slice(1)).toEqual([
      ['一、本年新收政府信息公开申请数量', '１０１２', '１５３', '６', '１２７３'],
      ['二、上年结转政府信息公开申请数量', '０', '０', '０', '０'],
    ]);
  });

  test('digits alone between two rows begin the lower row\'s cell wrapped round its line, not the upper row\'s', () => {
    // g101-040: (六)其他处理's total １１ on its own line; then １１ / (七)总计's line / ８ is 118, not 1111 and 8.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [36, '商业企业'], [46, '总计']]),
      at([[4, '（六）其他处理'], [29, '８'], [37, '３'], [46, '１１']]),
      at([[46, '１１']]),
      at([[4, '（七）总计'], [29, '９１'], [37, '２７']]),
      at([[46, '８']]),
      at([[0, '四、结转下年度继续办理'], [29, '０'], [37, '０'], [46, '０']]),
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table')).slice(1)).toEqual([
      ['（六）其他处理', '８', '３', '１１'],
      ['（七）总计', '９１', '２７', '１１８'],
      ['四、结转下年度继续办理', '０', '０', '０'],
    ]);
  });

  test('a small table\'s header cut by a page break: the two lines are matched cell for cell', () => {
    // g71-079: pdftotext lays out each page on its own, so 数量 under 上一年项目 stands at another column.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[16, '第二十条第（五）项']]),
      at([[16, '信息内容'], [27, '上一年项目'], [33, '本年增'], [37, '处理决定']]),
      `\f${at([[26, '数量'], [41, '/减'], [52, '数量']])}`,
      at([[13, '行政许可'], [26, '13'], [41, '-15'], [52, '0']]),
      at([[13, '其他对外管理服务事项'], [26, '2'], [52, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.slice(-3)).toEqual([
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '13', '-15', '0'],
      ['其他对外管理服务事项', '2', '2'],
    ]);
  });

  test('numbers of two rows that only touch are one column: 0 after 无 under 社会公益组织', () => {
    // g71-077 as printed: 无 ends in the column where the 0 of (二) starts; read apart, the 0 went a column right.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '（本列数据的勾稽关系为：第一项加第二项之                   法人或其他组织',
      '   和，等于第三项加第四项之和）',
      '                            自然人                             总计',
      '                                  商业企 科研机 社会公 法律服',
      '                                                       其他',
      '                                   业   构 益组织 务机构',
      '',
      '',
      '  一、本年新收政府信息公开申请数量           2     无   0           无   无    12',
      '',
      '',
      '  二、上年结转政府信息公开申请数量           无         无    无',
      '',
      '',
      '三、本       （一）予以公开            无         无',
      '年度办',
      '理结果 (二)部分公开（区分处理的，只计这一',
      '                             无               0         无    无',
    ].join('\n'));
    const partly = grid(blocks.find((b) => b.kind === 'table')).pop()!;
    // Columns from the right: 总计, 其他, 法律服务机构, 社会公益组织.
    expect(partly.slice(-4)).toEqual(['0', '', '无', '无']);
  });

  test('a change written out and wrapped round its row\'s line, beside a wrapped label, is one number', () => {
    // g71-055: 减少 above the row's line and 10 below it, on the lines of 其他对外管理服 / 务事项: -10.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[14, '第二十条第（五）项']]),
      at([[14, '信息内容'], [24, '上一年项目数量'], [33, '本年增/减'], [42, '处理决定数量']]),
      at([[14, '行政许可'], [24, '488'], [31, '减少'], [34, '3'], [44, '20,430']]),
      at([[14, '其他对外管理服'], [31, '减少']]),
      at([[24, '219'], [44, '1']]),
      at([[14, '务事项'], [31, '10']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.slice(-2)).toEqual([
      ['行政许可', '488', '减少3', '20,430'],
      ['其他对外管理服务事项', '219', '减少10', '1'],
    ]);
  });

  test('where items wrap round their numbers, a group heading on an item\'s line of numbers is no row', () => {
    // g71-025: (五) stands on the line of 3.'s numbers; the items' numbers are mostly on lines of their own, so
    // the items' column was taken from (五), (六), (七) and (五) read as a row.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[23, '自然人'], [39, '商业企业'], [55, '其他'], [66, '总计']]),
      at([[0, '一、本年新收政府信息公开申请数量'], [23, '40'], [39, '1'], [55, '5'], [66, '46']]),
      at([[0, '二、上年结转政府信息公开申请数量'], [23, '0'], [39, '0'], [55, '0'], [66, '0']]),
      at([[12, '1.信访举报投诉类申']]),
      at([[23, '0'], [39, '0'], [55, '0'], [66, '0']]),
      at([[12, '请']]),
      at([[12, '2.重复申请'], [23, '29'], [39, '1'], [55, '3'], [66, '33']]),
      at([[12, '3.要求提供公开出版']]),
      at([[8, '（五）'], [23, '7'], [39, '0'], [55, '2'], [66, '9']]),
      at([[12, '物']]),
      at([[8, '不予处']]),
      at([[8, '理'], [12, '4.无正当理由大量反']]),
      at([[23, '1'], [39, '0'], [55, '0'], [66, '1']]),
      at([[12, '复申请']]),
      at([[8, '（六）其他处理'], [23, '2'], [39, '0'], [55, '0'], [66, '2']]),
      at([[8, '（七）总计'], [23, '39'], [39, '1'], [55, '5'], [66, '45']]),
      at([[0, '四、结转下年度继续办理'], [23, '1'], [39, '0'], [55, '0'], [66, '1']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('出版')))?.slice(-5)).toEqual(['3.要求提供公开出版物', '7', '0', '2', '9']);
  });

  test('a number and its unit wrapped round the row\'s line, on the lines of a group label, are one cell', () => {
    // g71-051: 10 on the line of 三、本年, 件 on the line of 度办理结, (一)予以公开 between them.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [35, '商业企业'], [59, '总计']]),
      at([[0, '二、上年结转政府信息公开申请数量'], [28, '0'], [35, '0件'], [59, '0件']]),
      at([[0, '三、本年'], [35, '10']]),
      at([[7, '（一）予以公开'], [28, '34件'], [59, '45']]),
      at([[0, '度办理结'], [35, '件']]),
      at([[0, '果'], [7, '（二）部分公开'], [28, '1'], [35, '1'], [59, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('（一）予以公开'))?.slice(-4)).toEqual(['（一）予以公开', '34件', '10件', '45']);
  });

  test('numbers alone filling the columns the next row leaves empty are that row\'s, not the ends of the numbers above', () => {
    // g263-020: 3 … 3 on 3.危及…'s line, 9 … 9 on the next line alone, 4.保护第三方合法权益's marks in every other
    // column on the line after. Before, 3 over 9 read as 39 twice and row 4 lost its 9s.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [35, '商业'], [40, '科研'], [45, '公益'], [50, '法律'], [55, '其他'], [60, '总计']]),
      at([[7, '3.危及三安全一稳定'], [28, '3'], [35, '－'], [40, '－'], [45, '－'], [50, '0'], [55, '－'], [60, '3']]),
      at([[28, '9'], [60, '9']]),
      at([[7, '4.保护第三方合法权益'], [35, '－'], [40, '－'], [45, '－'], [50, '－'], [55, '－']]),
      at([[7, '5.属于三类内部事务信息'], [28, '4'], [35, '－'], [40, '－'], [45, '－'], [50, '－'], [55, '0'], [60, '4']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r[0] === '3.危及三安全一稳定')).toEqual(['3.危及三安全一稳定', '3', '－', '－', '－', '0', '－', '3']);
    expect(rows.find((r) => r[0] === '4.保护第三方合法权益')).toEqual(['4.保护第三方合法权益', '9', '－', '－', '－', '－', '－', '9']);
  });

  test('a number wrapped round the row\'s line on a group label\'s lines, its last digit with the unit, is one cell', () => {
    // g263-048: ２２ on the line of 三、本年, ６件 alone on the line of 度办理结: 226件, read as 22 with 6件 left over.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[0, '三、本年'], [59, '２２']]),
      at([[7, '（一）予以公开'], [28, '１７８'], [35, '２６']]),
      at([[0, '度办理结'], [59, '６件']]),
      at([[0, '果'], [7, '（二）部分公开'], [28, '５７'], [35, '８'], [59, '６９']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('（一）予以公开'))?.slice(-4)).toEqual(['（一）予以公开', '１７８', '２６', '２２６件']);
    expect(rows.find((r) => r.includes('（二）部分公开'))?.slice(-4)).toEqual(['（二）部分公开', '５７', '８', '６９']);
  });

  test('a number wrapped round the row\'s line, on the lines of a group label, is one cell without a unit too', () => {
    // g197-047: 12 on the line of 三、本年, 1 on the line of 度办理结, (一)予以公开 between them: 121, read as 1.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[0, '三、本年'], [59, '12']]),
      at([[7, '（一）予以公开'], [28, '88'], [35, '33']]),
      at([[0, '度办理结'], [60, '1']]),
      at([[0, '果'], [7, '（二）部分公开'], [28, '1'], [35, '1'], [59, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('（一）予以公开'))?.slice(-4)).toEqual(['（一）予以公开', '88', '33', '121']);
  });

  test('two numbers wrapped round the row\'s line on a group label\'s lines, one ending in its unit alone, are two cells', () => {
    // g233-051: １３０ and １４ on the line of 三、本年, 件 and ４ on the line of 度办理结: 130件 and 144. With two numbers
    // on the line, neither stood alone, and both rows of the group label were left out.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[0, '三、本年'], [28, '１３０'], [59, '１４']]),
      at([[7, '（一）予以公开'], [35, '８']]),
      at([[0, '度办理结'], [29, '件'], [60, '４']]),
      at([[0, '果'], [7, '（二）部分公开'], [28, '1'], [35, '1'], [59, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('（一）予以公开'))?.slice(-4)).toEqual(['（一）予以公开', '１３０件', '８', '１４４']);
    expect(rows.flat().filter((c) => ['１３０', '１４', '件', '４'].includes(c))).toEqual([]);
  });

  test('a number wrapped round the row\'s line, on the two lines of the row\'s wrapped label, is one cell', () => {
    // g197-006: 16 on the label's first line, the row's numbers on the line between, 3 on the label's second line
    // (which carries it on without item numbering): 163, read as 16, and the second line as a row of no name.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[2, '（二）部分公开（区分处理的，只计这'], [59, '16']]),
      at([[28, '133'], [35, '30']]),
      at([[6, '一情形，不计其他情形）'], [60, '3']]),
      at([[2, '（三）不予公开'], [28, '1'], [35, '1'], [59, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('部分公开')))?.slice(-3)).toEqual(['133', '30', '163']);
  });

  test('a number wrapped round the row\'s line beside a group label set one character a line is one cell', () => {
    // g197-033: 28 on the line of 三, 3 on the line of 、, (一)予以公开 between: the label's characters are stacked
    // onto its first line, which left 3 alone on its line, and 283 was read as 28.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [35, '商业企业'], [59, '总计']]),
      at([[3, '二、上年结转政府信息公开申请数量'], [28, '0'], [35, '0'], [59, '0']]),
      at([[0, '三'], [59, '28']]),
      at([[10, '（一）予以公开'], [28, '246'], [35, '37']]),
      at([[0, '、'], [60, '3']]),
      at([[0, '本']]),
      at([[0, '年'], [10, '（二）部分公开'], [28, '1'], [35, '1'], [59, '2']]),
      at([[0, '度']]),
      at([[0, '办'], [10, '（三）不予公开'], [28, '0'], [35, '0'], [59, '0']]),
      at([[0, '理']]),
      at([[0, '结']]),
      at([[0, '果']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('（一）予以公开'))?.slice(-3)).toEqual(['246', '37', '283']);
  });

  test('a row with its own label and number at the head of a page is no line of the row before the page break', () => {
    // g131-008: 行政处罚 8994 at the foot of a page, 行政强制 0 at the head of the next, packed two characters left;
    // the 0 seemed not to clash with the 8994 and was taken for a wrapped label's lower line (行政处罚行政强制, 8994 0).
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[0, '第二十条第（六）项']]),
      at([[20, '信息内容'], [25, '本年处理决定数量']]),
      at([[20, '行政处罚'], [25, '8994']]),
      `\f${at([[18, '行政强制'], [23, '0']])}`,
      at([[0, '第二十条第（八）项']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.includes('行政处罚'))).toEqual(['行政处罚', '8994']);
    expect(rows.find((r) => r.includes('行政强制'))).toEqual(['行政强制', '0']);
  });

  test('a lone negative number at the head of a page without its header is 本年增/减, the one column that may go below zero', async () => {
    // g289-002: 行政强制 -８ alone on the next page, under where 处理决定数量 stands on the header's page; a page
    // without its header fits a lone number to any column by a shift, and it was read as 上一年项目数量.
    const text = [
      PROSE,
      '二、主动公开政府信息情况',
      at([[18, '第二十条第（八）项']]),
      at([[5, '信息内容'], [15, '上一年项目数量'], [26, '本年增/减'], [35, '处理决定数量']]),
      '',
      at([[5, '行政处罚'], [16, '４４５'], [27, '-１２']]),
      `\f${at([[7, '行政强制'], [39, '-８']])}`,
      '',
      at([[24, '第二十条第（九）项']]),
    ].join('\n');
    const record = await parseBuffer(Buffer.from(text), { path: 'g289-002.layout.txt' });
    expect(record.activeDisclosure.punishment).toEqual({ previousYear: 445, change: -12, decisions: null });
    expect(record.activeDisclosure.coercion).toEqual({ previousYear: null, change: -8, decisions: null });
  });

  test('a line of prose ending in a number after a space is prose, not a row of cells', () => {
    // 02-huaian-shizhengfu-2024 (real, WPS): 总体情况 tells the year's reviews in words, 政府信息公开行政复议 351 ending a
    // line; read as a table with 行政复议, 结果维持 … in it, it was taken for section 四.
    const { blocks } = blocksFromLayoutText([
      '域和热点问题进行研判，探索从源头上解决实际问题。着力强化',
      '与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性',
      '和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答',
      '复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度',
      '答复），均在法定期限内予以答复。政府信息公开行政复议 351',
      '件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚',
      '未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25',
      '件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
      '      （三）政府信息管理情况。在政府网站、政务新媒体、政府',
    ].join('\n'));
    expect(blocks.filter((b) => b.kind === 'table')).toEqual([]);
  });

  test('a numbered item\'s first line, a blank line, and its next line with the numbers are one row', () => {
    // 02-huaian-shizhengfu-2024 (real, WPS, lines 1.5 apart): pdftotext set a blank line inside the cell.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[8, '1、申请人无正当理由逾期不补']]),
      '',
      at([[8, '正、行政机关不再处理其政府信'], [28, '67'], [35, '3'], [59, '71']]),
      at([[8, '息公开申请']]),
      '',
      at([[8, '2、申请人逾期未按收费通知要'], [28, '6'], [35, '0'], [59, '6']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('逾期不补')))).toEqual(['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '67', '3', '71']);
  });

  test('a number alone at the head of a page is the cell a row at the foot of the page before lacks (g223-035)', () => {
    // g223-035: 5. 属于三类内部事务信息 ended page 2 one number short; its 商业企业 0, set lower in its cell, opened
    // page 3 packed under the first column, where the row's own 0 stood on the page before: it was taken for a
    // row of its own, and the 0 lost.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[8, '4. 保护第三方合法权益'], [28, '0'], [35, '0'], [59, '0']]),
      at([[8, '5. 属于三类内部事务信息'], [28, '1'], [59, '1']]),
      `\f${at([[28, '0']])}`,
      '',
      at([[8, '6. 属于四类过程性信息'], [24, '2'], [28, '0'], [32, '2']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('内部事务')))).toEqual(['5. 属于三类内部事务信息', '1', '0', '1']);
    expect(rows.find((r) => r.some((c) => c.includes('过程性')))).toEqual(['6. 属于四类过程性信息', '2', '0', '2']);
  });

  test('a label\'s next line packed further right, into the numbers\' columns, still carries the label on (g229-049)', () => {
    // g229-049: （六） beside 1.申请人无正当理由逾期不补, its next line 正、行政机关不再处理其政府信 set three columns
    // further right, past where the numbers begin: taken for a note, it became a row of its own, and the row was lost.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[7, '（六） 1.申请人无正当理由逾期不补'], [30, '0'], [36, '0'], [59, '0']]),
      at([[17, '正、行政机关不再处理其政府信']]),
      at([[17, '息公开申请']]),
      at([[9, '其他处 2.申请人逾期未按收费通知要求']]),
      at([[9, '理   缴纳费用、行政机关不再处理其'], [33, '1'], [37, '0'], [60, '1']]),
      at([[13, '政府信息公开申请']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('逾期不补')))?.slice(-4)).toEqual(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0', '0', '0']);
    expect(rows.some((r) => r[0]?.startsWith('正、'))).toBe(false);
  });

  test('full-width zeros packed into one word are a cell each: no number is printed with a leading zero (g223-017)', () => {
    // g223-017: section 四's ０ under 尚未审结 and ０ under 总计 came out as ００, and fourteen numbers filled fifteen
    // columns; all zeros, so no sum could tell. ０８ under １２ is the end of 1208, wrapped in its cell (g233-031).
    const { blocks } = blocksFromLayoutText([
      PROSE,
      ...RESULTS_HEAD,
      at([[8, '（一）予以公开'], [28, '３'], [35, '２'], [59, '５']]),
      at([[8, '（二）部分公开'], [28, '０'], [34, '００']]),
      at([[8, '（三）不予公开'], [28, '无无'], [59, '１']]),
      at([[59, '１２']]),
      at([[8, '（四）无法提供'], [28, '８'], [35, '１２００']]),
      at([[59, '０８']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r[0] === '（二）部分公开')).toEqual(['（二）部分公开', '０', '０', '０']);
    // g233-026: 无无无无无 0 无 … under section 四's fifteen columns, the five of 行政复议 packed into one word.
    expect(rows.find((r) => r[0] === '（三）不予公开')).toEqual(['（三）不予公开', '无', '无', '１']);
    expect(rows.find((r) => r[0] === '（四）无法提供')).toEqual(['（四）无法提供', '８', '１２００', '１２０８']);
    expect(splitPackedCells(layoutFragments('无无 无正当理由')).map((f) => [f.text, f.x, f.x2])).toEqual([['无', 0, 1], ['无', 1, 2], ['无正当理由', 3, 8]]);
    // g289-055: a dash packed before full-width digits is a blank cell; dashes alone stay one mark.
    expect(splitPackedCells(layoutFragments('—３３０ ０４ ——')).map((f) => [f.text, f.x, f.x2])).toEqual([
      ['—', 0, 1], ['３３０', 1, 4], ['０４', 5, 7], ['——', 8, 10],
    ]);
    // g273-041: １１无无无 under 行政复议's five columns: the marks a cell each, the digits one word for the table to read.
    expect(splitPackedCells(layoutFragments('１１无无无 ０无')).map((f) => [f.text, f.x, f.x2])).toEqual([
      ['１１', 0, 2], ['无', 2, 3], ['无', 3, 4], ['无', 4, 5], ['０', 6, 7], ['无', 7, 8],
    ]);
  });

  test('a number set lower than its row\'s line, beside the ends of numbers wrapped round it, is the row\'s (g233-031)', () => {
    // g233-031: １３ / ９ and １２ / ０８ round the line of 一、本年新收 in narrow columns, and 958 set lower in its
    // cell, on the line of the ends: 958 was left out and 13 and 12 read.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [35, '商业企业'], [41, '科研机构'], [59, '总计']]),
      at([[35, '１３'], [59, '１２']]),
      at([[3, '一、本年新收政府信息公开申请数量'], [42, '57']]),
      at([[28, '958'], [36, '９'], [59, '０８']]),
      '',
      at([[3, '二、上年结转政府信息公开申请数量'], [28, '5'], [35, '0'], [42, '0'], [59, '5']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r[0]!.startsWith('一、'))).toEqual(['一、本年新收政府信息公开申请数量', '958', '１３９', '57', '１２０８']);
  });

  test('a numbered item cut by a page break, its label mid-word, carries on with its cell at the head of the page', () => {
    // g127-054: （5）要求行政机关确认或重 with six of its numbers, then 新出具已获取信息 and the first one on the next page.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[28, '自然人'], [35, '商业企业'], [59, '总计']]),
      at([[3, '二、上年结转政府信息公开申请数量'], [28, '0'], [35, '0'], [59, '0']]),
      at([[8, '（4）无正当理由大量反复申请'], [28, '1'], [35, '0'], [59, '1']]),
      at([[8, '（5）要求行政机关确认或重'], [36, '0'], [60, '0']]),
      `\f${at([[7, '新出具已获取信息'], [29, '0']])}`,
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('（5）')))).toEqual(['（5）要求行政机关确认或重新出具已获取信息', '0', '0', '0']);
  });

  test('one-column small tables of section 二: each repeated header starts a table, a blank row stays a row', () => {
    // g71-045: 信息内容 本年处理决定数量 is no line of several header cells, only a repeat of the first header's
    // first cell; 行政许可 under it, printed blank, was read into the header; － a space after its label is a cell.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[13, '信息内容'], [24, '本年制发件数'], [32, '本年废止件数'], [40, '现行有效件数']]),
      at([[13, '规章'], [24, '0'], [32, '0'], [40, '3']]),
      at([[0, '第二十条第（五）项']]),
      at([[19, '信息内容'], [24, '本年处理决定数量']]),
      at([[19, '行政许可'], [24, '－']]),
      at([[0, '第二十条第（六）项']]),
      `\f${at([[18, '信息内容'], [23, '本年处理决定数量']])}`,
      at([[18, '行政处罚'], [23, '1']]),
      at([[18, '行政强制'], [23, '39']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.slice(3)).toEqual([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '－'],
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', '1'],
      ['行政强制', '39'],
    ]);
  });

  test('section 二: a header repeated with its cells run together starts the next small table', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[10, '信息内容'], [21, '本年制发件数'], [28, '本年废止件数'], [35, '现行有效件数']]),
      at([[10, '规章'], [21, '0件'], [31, '0'], [39, '0']]),
      at([[10, '行政规范性文件'], [18, '0'], [31, '22'], [39, '41']]),
      at([[0, '第二十条第（五）项']]),
      at([[20, '信息内容'], [25, '本年处理决定数量']]),
      at([[20, '行政许可'], [25, '558']]),
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    expect(rows[0]).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rows[2]).toEqual(['行政规范性文件', '0', '22', '41']);
    expect(rows.map((r) => r.filter((c) => c))).toContainEqual(['行政许可', '558']);
    expect(rows.map((r) => r.filter((c) => c))).toContainEqual(['信息内容', '本年处理决定数量']);
  });

  test('section 二: a first header with its cells a space apart is the table\'s header, not a paragraph (g233-038)', () => {
    // g233-038: the header of 第二十条第（一）项 set a space apart, read as a line of prose; the table then had two
    // columns, and 3件 and 11 of 规范性文件 were read as 本年新制作数量 and 本年新公开数量.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[0, '第二十条第（一）项']]),
      '',
      at([[10, '信息内容'], [15, '本年新制作数量'], [23, '本年新公开数量'], [31, '对外公开总数量']]),
      '',
      at([[12, '规章'], [20, '0']]),
      '',
      at([[9, '规范性文件'], [31, '3件'], [39, '11']]),
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    expect(rows[0]).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(rows.find((r) => r[0] === '规范性文件')).toEqual(['规范性文件', '', '3件', '11']);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text.includes('本年新制作数量'))).toBe(false);
  });

  test('section 二: 信息内容 a space from its one column is the corner, and its table one column wide (g233-029)', () => {
    // g233-029: 信息内容 本年处理决定数量 read as one cell: the small tables kept the first table's three columns, 61
    // of 行政许可 went to the second, and the header ran into 行政处罚's label.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[0, '第二十条第（一）项']]),
      '',
      at([[12, '信息内容'], [17, '本年制发件数'], [24, '本年废止件数'], [31, '现行有效件数']]),
      '',
      at([[14, '规章'], [22, '－'], [30, '无'], [39, '29']]),
      '',
      at([[12, '规范性文件'], [22, '－'], [30, '无'], [39, '26']]),
      '',
      at([[0, '第二十条第（五）项']]),
      at([[20, '信息内容'], [25, '本年处理决定数量']]),
      '',
      at([[20, '行政许可']]),
      at([[30, '61']]),
      at([[0, '第二十条第（六）项']]),
      at([[20, '信息内容'], [25, '本年处理决定数量']]),
      at([[18, '行政处罚'], [31, '3']]),
      at([[17, '行政强制'], [29, '172']]),
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table')).map((r) => r.filter((c) => c));
    expect(rows).toContainEqual(['行政许可', '61']);
    expect(rows).toContainEqual(['行政处罚', '3']);
    expect(rows).toContainEqual(['行政强制', '172']);
  });

  test('section 二: 信息内容 set right of the labels it heads is still the corner, not a column', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[0, '第二十条第（六）项']]),
      at([[14, '信息内容'], [23, '本年处理决定数量']]),
      at([[9, '行政处罚'], [18, '7']]),
      at([[9, '行政强制'], [18, '0']]),
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table')).map((r) => r.filter((c) => c));
    expect(rows).toContainEqual(['行政处罚', '7']);
    expect(rows).toContainEqual(['行政强制', '0']);
  });

  test('a number set a line below its label belongs to that row, not with the next row\'s label', () => {
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[12, '信息内容'], [24, '本年制发件数'], [31, '本年废止件数'], [38, '现行有效件数']]),
      at([[12, '规章'], [34, '2'], [39, '51']]),
      at([[0, '第二十条第（六）项']]),
      at([[22, '信息内容'], [27, '本年处理决定数量']]),
      at([[22, '行政处罚']]),
      at([[29, '188011']]),
      at([[22, '行政强制'], [27, '25']]),
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table')).map((r) => r.filter((c) => c));
    expect(rows).toContainEqual(['行政处罚', '188011']);
    expect(rows).toContainEqual(['行政强制', '25']);
  });

  test('numbers alone between two one-line item labels, a line from each, are the lower item\'s', () => {
    // g149-059 (seed 149): 4．保护第三方合法权益 shares its line with the group label （三）不, and pdftotext set the
    // row's numbers a line above it, one line under 3．危及"三安全一稳定", which prints none.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      at([[14, '项目'], [34, '自然人'], [42, '法人'], [50, '总计']]),
      at([[6, '1．属于国家秘密'], [35, '1'], [51, '1']]),
      at([[6, '2．其他法律行政法规禁止公开'], [35, '7'], [43, '3'], [50, '10']]),
      at([[6, '3．危及“三安全一稳定”']]),
      at([[35, '6'], [43, '6'], [50, '12']]),
      at([[0, '（三）不'], [6, '4．保护第三方合法权益']]),
      at([[6, '5．属于三类内部事务信息'], [35, '7'], [43, '4'], [50, '11']]),
    ].join('\n'));
    const rows = filled(blocks);
    expect(rows.find((r) => r.some((c) => c.includes('4．保护第三方合法权益')))?.slice(-3)).toEqual(['6', '6', '12']);
    expect(rows.find((r) => r.some((c) => c.includes('3．危及')))?.filter((c) => /^\d+$/.test(c))).toEqual([]);
  });

  test('a header with the template\'s seven columns keeps them where three rows leave the same column blank', () => {
    // g43-023: 科研机构 is blank in 一, (一) and (七); the header is right, not one column too many.
    const header = [
      at([[31, '自然人'], [48, '社会'], [55, '法律'], [65, '总计']]),
      at([[37, '商业'], [42, '科研']]),
      at([[48, '公益'], [55, '服务'], [60, '其他']]),
      at([[37, '企业'], [42, '机构']]),
      at([[48, '组织'], [55, '机构']]),
    ];
    const rows = [
      at([[4, '一、本年新收政府信息公开申请数量'], [31, '86'], [37, '3'], [49, '1'], [55, '5'], [60, '2'], [65, '97']]),
      at([[4, '（一）予以公开'], [31, '42'], [37, '3'], [49, '1'], [55, '3'], [60, '1'], [65, '50']]),
      at([[4, '（二）部分公开'], [31, '2'], [43, '1'], [65, '3']]),
      at([[4, '（七）总计'], [31, '86'], [37, '3'], [49, '1'], [55, '5'], [60, '2'], [65, '97']]),
    ];
    const { blocks } = blocksFromLayoutText([PROSE, at([[42, '法人或其他组织']]), ...header, ...rows].join('\n'));
    const g = grid(blocks.find((b) => b.kind === 'table'));
    const first = g.find((r) => r[0]?.startsWith('一、'))!;
    expect(first.slice(-7)).toEqual(['86', '3', '', '1', '5', '2', '97']);
    expect(g.find((r) => r[0]?.startsWith('（二）'))!.slice(-7)).toEqual(['2', '', '1', '', '', '', '3']);
  });

  test('a header cell that reads as two of the template\'s column names (总计 set onto 其他) is two columns', () => {
    // g31-033: pdftotext set 总计 a column left, over 其他 two lines down; the numbers show seven columns.
    const lines = [
      PROSE,
      at([[26, '自然人'], [41, '法人或其他组织'], [56, '总计']]),
      at([[36, '商业'], [41, '科研'], [46, '社会公'], [50, '法律服']]),
      at([[46, '益'], [50, '务'], [55, '其他']]),
      at([[35, '企业'], [40, '机构'], [45, '组织'], [49, '机构']]),
      at([[4, '一、本年新收政府信息公开申请数量'], [29, '68'], [35, '2'], [40, '1'], [50, '2'], [55, '1'], [60, '74']]),
      at([[4, '（一）予以公开'], [29, '18'], [35, '1'], [40, '1'], [55, '1'], [60, '21']]),
      at([[4, '（七）总计'], [29, '68'], [35, '2'], [40, '1'], [50, '2'], [55, '1'], [60, '74']]),
    ];
    const g = grid(blocksFromLayoutText(lines.join('\n')).blocks.find((b) => b.kind === 'table'));
    const header = g.find((r) => r.includes('自然人'))!;
    expect(header.slice(-2)).toEqual(['其他', '总计']);
    expect(header.indexOf('自然人')).toBe(header.length - 7);
    expect(g.find((r) => r[0]?.startsWith('一、'))!.slice(-7)).toEqual(['68', '2', '1', '', '2', '1', '74']);
  });

  test('where a page leaves the columns of its numbers open, the reading is flagged as a guess', () => {
    const { warnings } = blocksFromLayoutText([
      PROSE,
      at([[24, '自然人'], [30, '商业企业'], [38, '科研机构'], [46, '总计']]),
      at([[2, '1.信访举报投诉类申请'], [25, '4'], [32, '1'], [40, '1'], [47, '6']]),
      `\f${at([[2, '2.重复申请'], [25, '2'], [47, '2']])}`,
      at([[2, '3.要求提供公开出版物'], [25, '1'], [47, '1']]),
    ].join('\n'));
    expect(warnings).toEqual([expect.objectContaining({ code: 'COLUMNS_GUESSED', message: expect.stringContaining('page 2') })]);
  });
});

describe('text set vertically', () => {
  test('one character per line down a column is one word, standing where the column starts', () => {
    const frags = joinVerticalRuns(layoutFragments(['三    （一）予以公开   5', '、', '本    （二）部分公开   2', '年', '度'].join('\n')));
    expect(frags.find((f) => f.text.startsWith('三'))).toMatchObject({ text: '三、本年度', x: 0, y: 1 });
    expect(frags.filter((f) => f.x === 0)).toHaveLength(1);
  });

  test('a column longer than any label (a sidebar printed beside the report) goes below the page\'s text', () => {
    const side = [...'政府信息公开指南政府信息公开制度法定主动公开内容'];
    const lines = side.map((ch, i) => (i === 1 ? `   ${ch}          江苏省商务厅2022年政府信息公开工作年度报告` : `   ${ch}`));
    const frags = joinVerticalRuns(layoutFragments(lines.join('\n')));
    const column = frags.find((f) => f.text.startsWith('政府信息'));
    expect(column?.text).toBe(side.join(''));
    expect(column!.y).toBeGreaterThan(side.length);
    expect(frags.find((f) => f.text.includes('年度报告'))).toMatchObject({ y: 2 });
  });

  test('无 down a column of numbers, one a line, is blank cells, not a word', () => {
    // g61-057: 无 for a blank cell; joined, 无无无无 became a label and its row's numbers moved left.
    const lines = [at([[0, '1.属于国家秘密'], [35, '无'], [47, '0']]), at([[35, '2']]), at([[0, '3.危及'], [35, '无'], [47, '0']]),
      at([[0, '4.保护'], [35, '无'], [47, '1']])];
    const frags = joinVerticalRuns(layoutFragments(lines.join('\n')));
    expect(frags.filter((f) => f.x === 35).map((f) => f.text)).toEqual(['无', '2', '无', '无']);
  });

  test('narrow columns\' vertical headers side by side, one space apart, are a word each (g289-004)', () => {
    // 结 结 其 尚 / 果 果 他 未 总 / 维 纠 结 审 计 / 持 正 果 结: 行政复议's five columns; each character had another
    // beside it, so none was joined and the header lost its cells.
    const frags = joinVerticalRuns(layoutFragments(['结 结 其 尚', '果 果 他 未 总', '维 纠 结 审 计', '持 正 果 结'].join('\n')));
    expect(frags.filter((f) => f.text.length > 1).map((f) => [f.text, f.x])).toEqual([
      ['结果维持', 0], ['结果纠正', 2], ['其他结果', 4], ['尚未审结', 6],
    ]);
    expect(frags.filter((f) => f.x === 8).map((f) => f.text)).toEqual(['总', '计']);
  });

  test('two characters, or characters with text beside them, are no such column', () => {
    const frags = joinVerticalRuns(layoutFragments(['卷', '项', '', '开 1.属于', '公 2.其他', '不 3.危及'].join('\n')));
    expect(frags.map((f) => f.text)).toEqual(['卷', '项', '开', '1.属于', '公', '2.其他', '不', '3.危及']);
  });
});

describe('layout text as a document', () => {
  test('a LibreOffice report with vertical group cells: rows stay apart, and where pdftotext packed a page\'s columns the reading is flagged', async () => {
    const file = 'tests/fixtures/layout/rotated-2019.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/layout/rotated-2019.expected.json'), 'utf8')) as
      { applications: { newReceived: unknown; carriedOver: unknown; results: { granted: unknown; partiallyGranted: unknown } } };
    expect(record.applications.newReceived).toEqual(truth.applications.newReceived);
    expect(record.applications.carriedOver).toEqual(truth.applications.carriedOver);
    expect(record.applications.results.granted).toEqual(truth.applications.results.granted);
    expect(record.applications.results.partiallyGranted).toEqual(truth.applications.results.partiallyGranted);
    // （六）其他处理 printed blank and （七）总计 under it are two rows.
    expect(record.applications.results.total).toMatchObject({ naturalPerson: 41, total: 50 });
    expect(record.warnings).toContainEqual(expect.objectContaining({ code: 'COLUMNS_GUESSED', message: expect.stringContaining('page 3') }));
  });

  test('a number glued to its label by one space on a page without its header is read in the first column its row leaves free', async () => {
    // g149-052 (generator seed 149): on the table's last page, pdftotext set the 1 of (六)2 one space after the middle
    // line of its wrapped label, far left of its column, and every other number of the page was read one column right
    // (10 重复申请 as 商业企业, 309 of 总计 too).
    const file = 'tests/fixtures/layout/glued-number-2021.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/layout/glued-number-2021.expected.json'), 'utf8')) as
      { applications: { results: { notProcessed: unknown; otherHandling: unknown; total: unknown }; carriedForward: unknown } };
    expect(record.applications.results.notProcessed).toEqual(truth.applications.results.notProcessed);
    expect(record.applications.results.otherHandling).toEqual(truth.applications.results.otherHandling);
    expect(record.applications.results.total).toMatchObject({ naturalPerson: 309, commercial: 43, total: 373 });
    expect(record.applications.carriedForward).toEqual(truth.applications.carriedForward);
  });

  test('where the other numbers leave a column open, a glued number is read both ways and the report\'s sums choose', async () => {
    // g101-021 (seed 101): on the last page the other numbers show six of seven columns. Read with them, the glued
    // １ of (五)5 made a column of its own and (六)其他处理 and 总计 moved one right; read apart it joins 自然人.
    const file = 'tests/fixtures/layout/glued-number-sums-2021.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/layout/glued-number-sums-2021.expected.json'), 'utf8')) as
      { applications: { results: unknown } };
    expect(record.applications.results).toEqual(truth.applications.results);
    expect(record.applications.results.total).toMatchObject({ naturalPerson: 10, research: 1, total: 12 });
    expect(record.checks.filter((c) => c.id.startsWith('applications.') && !c.ok)).toEqual([]);
  });

  test('glued zeros that are all a page prints of their column stay in it, where the sums cannot tell', async () => {
    // g131-053 (seed 131): (六)其他处理's zeros are glued to their labels and are the page's only numbers of 自然人.
    const file = 'tests/fixtures/layout/glued-zeros-2021.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/layout/glued-zeros-2021.expected.json'), 'utf8')) as
      { applications: { results: unknown; carriedForward: unknown } };
    expect(record.applications.results).toEqual(truth.applications.results);
    expect(record.applications.carriedForward).toEqual(truth.applications.carriedForward);
  });

  test('section 四: 行政诉讼, a cell of the header where nothing stood under it, is not read as a column', () => {
    // g149-010 (generator seed 149): the header came out as sixteen cells, 行政诉讼 one of them; merging the two
    // nearest (尚未审结 | 总计 of 未经复议直接起诉) kept 行政诉讼 as that group's 总计, and the 0 under 结果维持 of
    // 复议后起诉 was read there.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '  四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '',
      '           行政复议                                   行政诉讼',
      '',
      '',
      '                                    未经复议直接起诉                     复议后起诉',
      ' 结     结     其     尚',
      ' 果     果     他     未     总   结           其               结        其',
      ' 维     纠     结     审     计   果      结果   他   尚未          果   结果   他   尚未',
      '                                                总计                           总计',
      ' 持     正     果     结         维      纠正   结   审结          维   纠正   结   审结',
      '                             持           果               持        果',
      '',
      '',
      '',
      '  0          0     0     0               无               0        无      0   0',
      '                                0',
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    // 结果维持 纠正 其他 尚未 总计, three times (无, no number to the mapper, may stand in either blank round it).
    const values = rows[rows.length - 1]!.slice(-15).map((v) => (v === '无' ? '' : v));
    expect(rows.flat()).not.toContain('行政诉讼');
    expect(values).toEqual(['0', '', '0', '0', '0', '0', '', '', '', '', '0', '', '', '0', '0']);
  });

  test('header cells set a space apart are no corner cell: the lines of those cells under them stay the header', () => {
    // g161-038 (seed 161): 自然人 商业 科研 社会 法律服 made one run, taken for the header's corner (the label
    // column's cell), and 公益 务 其他 / 企业 机构 组织 机构 under it for rows without numbers (59 fields wrong).
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '三、收到和处理政府信息公开申请情况',
      '',
      '                                               申请人情况',
      '',
      '                                           法人或其他组织',
      '（本列数据的勾稽关系为：第一项加第二项之和，等',
      '      于第三项加第四项之和）',
      '                                自然人 商业 科研 社会 法律服  总计',
      '                                          公益 务 其他',
      '                                    企业 机构 组织 机构',
      '',
      '    一、本年新收政府信息公开申请数量             43   3          2     ２   1   51',
      '',
      '    二、上年结转政府信息公开申请数量             ６                             6',
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    const labels = rows.map((r) => r[0]);
    expect(labels.some((l) => /企业|公益/.test(l ?? ''))).toBe(false);
    expect(rows.find((r) => r[0]?.startsWith('一、'))?.slice(1).filter(Boolean)).toEqual(['43', '3', '2', '２', '1', '51']);
  });

  test('section 四 whose one number stands far right: header lines written down their columns stay the header', () => {
    // g161-044 (seed 161): every header word is left of the table's only number, and 维持 纠正 … and 持 正 果 结 were
    // read as rows without numbers, the 0 as a table of its own that no row of numbers could be read from.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '四、政府信息公开行政复议、行政诉讼情况',
      '',
      '          行政复议                             行政诉讼',
      '',
      '',
      '结     结    其     尚             未经复议直接起诉               复议后起诉',
      '',
      '果     果    他     未     总',
      '',
      '                             结果 结果 其他 尚未    结果 结果 其他 尚未',
      '维     纠    结     审     计                 总计                       总计',
      '                             维持 纠正 结果 审结    维持 纠正 结果 审结',
      '持     正    果     结',
      '',
      '',
      '                                                        0',
    ].join('\n'));
    const rows = grid(blocks.find((b) => b.kind === 'table'));
    expect(rows.flat()).not.toContain('持');
    expect(rows.filter((r) => r.includes('0'))).toHaveLength(1);
    // In the third group (其他结果 or 尚未审结: pdftotext packed the header tighter than the number's line).
    expect(rows[rows.length - 1]!.slice(-15).indexOf('0')).toBeGreaterThanOrEqual(12);
  });

  test('a number glued to its label where no column is left of the row\'s next number is placed with the others', () => {
    // g149-056: 4 of 本年制发件数 set one space after 行政规范性文件, 6 of 本年废止件数 after it.
    const { blocks } = blocksFromLayoutText([
      PROSE,
      '                第二十条第（一）项',
      '                信息内容    本年制发件数 本年废止件数 现行有效件数',
      '                规章',
      '                行政规范性文件 4     6',
    ].join('\n'));
    expect(grid(blocks.find((b) => b.kind === 'table'))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '', '', ''],
      ['行政规范性文件', '4', '6', ''],
    ]);
  });

  test('a section 二 header cut across lines (上一年项 / 目数量): the column its header no longer names keeps its numbers', async () => {
    // g131-023 (generator seed 131): 上一年项目数量 was read half into the label column, so no header cell named
    // previousYear, and 4, 1, 10 and 140 were dropped without a word.
    const file = 'tests/fixtures/layout/split-header-2019.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    expect(record.activeDisclosure.licensing).toEqual({ previousYear: 4, change: 0, decisions: 129 });
    expect(record.activeDisclosure.punishment).toEqual({ previousYear: 10, change: 15, decisions: 0 });
    expect(record.activeDisclosure.coercion).toEqual({ previousYear: 140, change: 0, decisions: 3 });
    expect(record.warnings).toEqual([]);
  });

  test('section 四 whose header lost its first group\'s cells is read as the template\'s fifteen columns, by its sums', async () => {
    // g83-078 (seed 83): 结/果/维/持 of 行政复议's columns stand a space apart, so they are no vertical run and the
    // header kept eleven cells; the numbers were read in order into thirteen columns, every group's sum broken.
    const text = [
      PROSE,
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '',
      '行政复议         行政诉讼',
      '          未经复议直接起诉            复议后起诉',
      '结 结 其 尚',
      '                         尚                   尚',
      '果 果 他 未 总',
      '                         未                   未',
      '维 纠 结 审 计 结果维持 结果纠正 其他结果   总计 结果维持 结果纠正 其他结果   总计',
      '                         审                   审',
      '持 正 果 结',
      '                         结                   结',
      '',
      '7   1 1 5 14 2      3   3 8   1   1           4',
      '                                       2',
    ].join('\n');
    const record = await parseBuffer(Buffer.from(text), { path: 'g83-078.layout.txt' });
    expect(record.reviewLitigation.review).toEqual({ upheld: 7, corrected: 1, other: 1, pending: 5, total: 14 });
    expect(record.reviewLitigation.litigationAfterReview).toEqual({ upheld: 1, corrected: 1, other: 2, pending: null, total: 4 });
    // 2 3 3 8 under 未经复议直接起诉: the sums hold with the blank in any of four places, so it is a flagged guess.
    expect(record.reviewLitigation.litigationDirect.total).toBe(8);
    expect(record.checks.filter((c) => c.id.startsWith('reviewLitigation') && !c.ok)).toEqual([]);
    expect(record.warnings).toContainEqual(expect.objectContaining({ code: 'COLUMNS_GUESSED' }));
  });

  test('section 四: digits and blank marks of narrow cells packed into one word are read a cell each, where the row or the sums say so', async () => {
    // g229-030: １０１０２ is 行政复议's 1 0 1 0 2, and with the ten numbers after it fills the fifteen columns; read as
    // printed it was 10102, one number in one column. 12 beside it, where the row fills the columns as printed, stays.
    const section = (row: string) => [
      PROSE,
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '',
      ' 行政复议                       行政诉讼',
      '',
      '结结其尚           未经复议直接起诉             复议后起诉',
      '果果他未总',
      '维 纠 结 审 计 结果维 结果纠 其他结 尚未审    结果维 结果纠 其他结 尚未审',
      '                          总计                 总计',
      '持正果结       持   正   果    结     持   正    果  结',
      '',
      row,
    ].join('\n');
    const packed = await parseBuffer(Buffer.from(section('１０１０２    １      ０   ０   ０   １   ０   ０   ０   ０   ０')), { path: 'g229-030.layout.txt' });
    expect(packed.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 1, pending: 0, total: 2 });
    expect(packed.reviewLitigation.litigationDirect).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(packed.warnings).toContainEqual(expect.objectContaining({ code: 'COLUMNS_GUESSED' }));
    const two = await parseBuffer(Buffer.from(section('１２ ０ ０ ０ １２   １   ０   ０   ０   １   ０   ０   ０   ０   ０')), { path: 'two.layout.txt' });
    expect(two.reviewLitigation.review).toEqual({ upheld: 12, corrected: 0, other: 0, pending: 0, total: 12 });
    // g219-045: －－ is the blank marks of 其他结果 and 尚未审结, where the row then fills the fifteen columns (its
    // header cut by a page break); read as one, every number after it was a column left.
    const marks = await parseBuffer(Buffer.from([
      PROSE,
      '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '',
      '      行政复议                  行政诉讼',
      '',
      '     结结其尚总    未经复议直接起诉         复议后起诉',
      '     果果他未计',
      '     维纠结审  结 结果纠正 其他结果 尚 总 结 结果纠正 其他结果 尚 总',
      '           果           未   果           未',
      '\f              维            审   维           审',
      '                             计               计',
      '              持            结   持           结',
      '      持正果结',
      '',
      '      5 1 －－ 6 2   0   －   0 0 1   0   －   0 1',
    ].join('\n')), { path: 'g219-045.layout.txt' });
    expect(marks.reviewLitigation.review).toEqual({ upheld: 5, corrected: 1, other: null, pending: null, total: 6 });
    // (As printed: 2 0 － 0 0 does not add up, and the check says so.)
    expect(marks.reviewLitigation.litigationDirect).toEqual({ upheld: 2, corrected: 0, other: null, pending: 0, total: 0 });
    expect(marks.reviewLitigation.litigationAfterReview).toEqual({ upheld: 1, corrected: 0, other: null, pending: 0, total: 1 });
  });

  test('section 四: some packed words are cells a digit each and some numbers, where only that fills the row; a dash packed so is a blank', async () => {
    // g289-055: —３３０ is 未经复议直接起诉's blank 尚未审结 and then 3, 3 and 0, beside １５ under 行政复议's 总计.
    // Read as printed, —３３０ was −330; read with every packed word split, the row has sixteen cells.
    const text = [
      PROSE,
      '四、政府信息公开行政复议、行政诉讼情况',
      `\f${at([[12, '行政复议'], [31, '行政诉讼']])}`,
      '',
      at([[20, '未经复议直接起诉'], [37, '复议后起诉']]),
      at([[9, '结结其尚']]),
      at([[9, '果果他未'], [14, '总'], [16, '结结'], [24, '尚'], [26, '结结'], [34, '尚']]),
      at([[9, '维纠结审'], [14, '计'], [16, '果果'], [24, '未总果果'], [34, '未总']]),
      at([[19, '其他结果'], [29, '其他结果']]),
      at([[9, '持正果结'], [16, '维纠'], [24, '审计维纠'], [34, '审计']]),
      at([[16, '持正'], [24, '结'], [26, '持正'], [34, '结']]),
      '',
      at([[9, '６'], [11, '３'], [13, '４'], [15, '２'], [17, '１５'], [20, '２'], [22, '０'], [26, '１'], [30, '—３３０'], [38, '１'], [42, '０４']]),
    ].join('\n');
    const record = await parseBuffer(Buffer.from(text), { path: 'g289-055.layout.txt' });
    expect(record.reviewLitigation).toEqual({
      review: { upheld: 6, corrected: 3, other: 4, pending: 2, total: 15 },
      litigationDirect: { upheld: 2, corrected: 0, other: 1, pending: null, total: 3 },
      litigationAfterReview: { upheld: 3, corrected: 0, other: 1, pending: 0, total: 4 },
    });
    expect(record.warnings).toContainEqual(expect.objectContaining({ code: 'COLUMNS_GUESSED' }));
  });

  test('a row of wide cells is not read with some of its numbers split into digits (g269-042)', () => {
    const words = (cells: [number, string][]) => cells.map(([x, text]) => ({
      text, x, x2: x + text.length, page: 1, y: 1, y2: 2, value: true, marker: false,
    }));
    const packed = (w: { text: string }) => /^[０-９]{2,}$/.test(w.text);
    // Section 四's narrow cells: —３３０ split, １５ not, fills fifteen columns.
    const narrow = words([[9, '６'], [11, '３'], [13, '４'], [15, '２'], [17, '１５'], [20, '２'], [22, '０'], [26, '１'], [30, '—'],
      [31, '３３０'], [38, '１'], [42, '０'], [43, '４']]);
    expect(fillingSplits(narrow, packed, 15).map((set) => [...set].map((w) => w.text))).toEqual([['３３０']]);
    // Section 三's seven wide columns: ２９ … ３３ with one column blank is 29 and 33, not 2 and 9 or 3 and 3.
    const wide = words([[37, '２９'], [45, '２'], [54, '１'], [60, '１'], [64, '０'], [66, '３３']]);
    expect(fillingSplits(wide, packed, 7)).toEqual([]);
    // All of them split where that fills the row: offered in any table (１０１０２, g229-030).
    expect(fillingSplits(words([[0, '１０'], [8, '２'], [16, '３４']]), packed, 5).map((set) => set.size)).toEqual([2]);
  });

  test('section 三 whose numbers pdftotext set too unevenly to fall into seven columns is still read in seven (g293-016)', async () => {
    // ０件 beside ０ and １件: every row set its own way, the numbers of the page after the header's made nine columns
    // that no merge could bring to seven, and the table was read nine wide, its header two columns off: 72 fields
    // wrong. Each row now goes on the header's cells in order, nearest in sum, and the page is flagged.
    const file = 'samples/corpus/g293-016.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, file.replace(/\.layout\.txt$/, '.expected.json')), 'utf8')) as
      { applications: { newReceived: unknown; carriedOver: unknown; results: { total: unknown } } };
    expect(record.applications.newReceived).toEqual(truth.applications.newReceived);
    expect(record.applications.results.total).toEqual(truth.applications.results.total);
    expect(record.warnings).toContainEqual(expect.objectContaining({ code: 'COLUMNS_GUESSED' }));
  });

  test('a group label printed with numbers of its own, the next numbered label the next group\'s, is a row (g293-014)', async () => {
    // (六)其他处理 10 3 1 14 set left of the items, then (七)总计: the 2019 template's single row of other handling. Taken
    // for a group heading, its numbers went to the row above (5．要求行政机关确认… with its 0 between its lines), that
    // row's numbers spread over two columns, and all of section 三 was read a column right: 49 fields wrong.
    const file = 'samples/corpus/g293-014.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, file.replace(/\.layout\.txt$/, '.expected.json')), 'utf8')) as
      { applications: { newReceived: unknown; results: { notProcessed: unknown; otherHandling: unknown; total: unknown } } };
    expect(record.applications.newReceived).toEqual(truth.applications.newReceived);
    expect(record.applications.results.notProcessed).toEqual(truth.applications.results.notProcessed);
    expect(record.applications.results.otherHandling).toEqual(truth.applications.results.otherHandling);
    expect(record.applications.results.total).toEqual(truth.applications.results.total);
  });

  test('readText sends layout text to the layout reader and tab-broken text to the tab reader', () => {
    const layout = readText(fs.readFileSync(path.join(ROOT, 'samples/generated/g42-003.layout.txt')));
    const tables = layout.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.length).toBe(3);
    const tab = readText(fs.readFileSync(path.join(ROOT, 'samples/generated/g42-003.tab.txt')));
    expect(tab.blocks.filter((b) => b.kind === 'table').length).toBeGreaterThanOrEqual(3);
    expect(tab.warnings).toEqual([]);
  });

  test('a page whose numbers show more columns each time they are placed gives a table, not a crash (c239-018)', async () => {
    // pdftotext -layout of a page Chromium printed: section 三 read against a header of eight columns showed twelve,
    // and placed again on twelve, more still; a row's cell past the table's width threw.
    const file = 'samples/corpus/c239-018.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    expect(record.warnings.length).toBeGreaterThan(0);
    expect(record.applications.newReceived.total).not.toBeUndefined();
  });

  test('a generated report printed by pdftotext -layout gives its numbers', async () => {
    const file = 'samples/generated/g42-003.layout.txt';
    const record = await parseBuffer(fs.readFileSync(path.join(ROOT, file)), { path: file });
    const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples/generated/g42-003.expected.json'), 'utf8')) as Record<string, unknown>;
    expect(record.applications).toEqual(truth.applications);
    expect(record.reviewLitigation).toEqual(truth.reviewLitigation);
    expect(record.activeDisclosure).toEqual(truth.activeDisclosure);
    expect(record.warnings).toEqual([]);
  });
});
