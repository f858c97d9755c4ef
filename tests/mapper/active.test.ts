import { mapActive } from '../../src/mapper/active';
import { MapContext } from '../../src/mapper/context';
import { table, row, cell } from '../../src/model';

/** Section 二 of a 2019 report: (五) and (六) carry 上一年项目数量 | 本年增/减 | 处理决定数量. */
function section2(punishment: string[]) {
  return table([
    row([cell('第二十条第（六）项')]),
    row([cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')]),
    row([cell('行政处罚'), ...punishment.map((t) => cell(t))]),
    row([cell('行政强制'), cell('122'), cell(''), cell('')]),
  ]);
}

const read = (punishment: string[]) => {
  const ctx = new MapContext();
  const items = mapActive([{ index: 0, block: section2(punishment) }], '2019', ctx);
  return { punishment: items.get('punishment'), warnings: ctx.warnings.map((w) => w.code) };
};

describe('section 二 (2019 template)', () => {
  test('each number goes to the header column above it', () => {
    expect(read(['47', '-7', '40']).punishment).toEqual({ previousYear: 47, change: -7, decisions: 40 });
  });

  test('a number written as a change (减少7) is the row\'s 本年增/减 wherever positions put it', () => {
    // g131-032 (layout text): 减少 7 was set under 处理决定数量, the change column left blank.
    expect(read(['47', '', '减少7']).punishment).toEqual({ previousYear: 47, change: -7, decisions: null });
    // A plain count there stays where it is.
    expect(read(['47', '', '7']).punishment).toEqual({ previousYear: 47, change: null, decisions: 7 });
    // Where the change column holds a number of its own, nothing moves.
    expect(read(['47', '3', '减少7']).punishment).toEqual({ previousYear: 47, change: 3, decisions: -7 });
  });
});
