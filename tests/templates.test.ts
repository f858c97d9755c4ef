import { signedColumn, templateColumns } from '../src/templates';

/** The value columns a table header names (used to fit a header pdftotext shifted apart to the template's columns). */
describe('templateColumns', () => {
  test('the applications table by its first and last columns: seven', () => {
    expect(templateColumns('信息内容 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计')?.count).toBe(7);
  });

  test('the applications table whose header came apart one character a line, by its corner note or group heading', () => {
    // pdftotext -layout of a narrow column: 自 / 然 / 人 and 总 / 计 on different lines.
    const header = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第 自 商 科 社会 总 四项之和） 然 业 研 公 法律 其 服务 他 计';
    expect(templateColumns(header)?.count).toBe(7);
    expect(templateColumns('法人或其他组织 自 商 科 然 业 研 人')?.count).toBe(7);
  });

  test('the reviews and lawsuits table: fifteen; any other table: none', () => {
    expect(templateColumns('行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉')?.count).toBe(15);
    expect(templateColumns('信息内容 本年新制作数量 本年新公开数量 对外公开总数量')).toBeUndefined();
  });

  test('each table\'s sums across a row come from the template: the 总计 column of each group adds up the others', () => {
    expect(templateColumns('自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计')?.totals)
      .toEqual([{ members: [0, 1, 2, 3, 4, 5], total: 6 }]);
    expect(templateColumns('行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉')?.totals).toEqual([
      { members: [0, 1, 2, 3], total: 4 },
      { members: [5, 6, 7, 8], total: 9 },
      { members: [10, 11, 12, 13], total: 14 },
    ]);
  });
});

describe('signedColumn', () => {
  test('only section 二\'s 本年增/减 may print a number below zero (extractors/active-2019.json, signed)', () => {
    expect(signedColumn('本年增/减')).toBe(true);
    expect(signedColumn('本年 增减')).toBe(true);
    for (const cell of ['上一年项目数量', '本年处理决定数量', '采购总金额', '总计', '']) expect(signedColumn(cell)).toBe(false);
  });
});
