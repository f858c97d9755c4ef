import { toGrid } from '../../src/table/grid';
import { cell, placeholder, row, table } from '../../src/model';

describe('grid', () => {
  test('rowspan and colspan cover the slots below and beside them', () => {
    const g = toGrid(table([
      row([cell('A', { rowSpan: 2 }), cell('B', { colSpan: 2 })]),
      row([cell('C'), cell('D')]),
    ]));
    expect(g.width).toBe(3);
    expect(g.rows[1]!.map((s) => s?.cell.text)).toEqual(['A', 'C', 'D']);
    expect(g.rows[1]![0]!.origin).toBe(false);
    expect(g.own[1]!.map((o) => o.col)).toEqual([1, 2]);
  });

  test('short rows of tab text are right-aligned so numbers stay under their columns', () => {
    const g = toGrid(table([
      row([cell('三、本年度办理结果'), cell('（一）予以公开'), cell('1'), cell('2')]),
      row([cell('一、本年新收'), cell('3'), cell('4')]),
      row([placeholder(), cell('（二）部分公开'), cell('5'), cell('6')]),
    ]));
    expect(g.width).toBe(4);
    expect(g.rows[1]!.map((s) => s?.cell.text)).toEqual([undefined, '一、本年新收', '3', '4']);
    expect(g.rows[2]![3]!.cell.text).toBe('6');
  });

  test('a row under a rowspan is not shifted', () => {
    const g = toGrid(table([
      row([cell('X', { rowSpan: 2 }), cell('1'), cell('2')]),
      row([cell('3')]),
    ]));
    expect(g.rows[1]!.map((s) => s?.cell.text)).toEqual(['X', '3', undefined]);
  });
});
