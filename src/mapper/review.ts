import { loadTemplates } from '../templates';
import { toGrid } from '../table/grid';
import { MapContext, IndexedTable } from './context';
import { looksLikeValue, hasDigits } from './numbers';

/**
 * Section 四: one row of 15 numbers under a two-level header: 行政复议 (5 columns), then 行政诉讼 ·
 * 未经复议直接起诉 (5) and 复议后起诉 (5), each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计.
 * The numbers are read from the last 15 columns of the first row that holds numbers (or, where units printed
 * apart from their numbers took cells of their own, from its fifteen numbers in order).
 */

export type ReviewGroup = Record<string, number | null>;
const WIDTH = 15;
/** A unit printed on a line of its own, apart from its number (件 under 29). */
const LONE_UNIT = /^[件个项次起]$/;

export function mapReview(tables: readonly IndexedTable[], ctx: MapContext): Map<string, ReviewGroup> | undefined {
  const { groups, columns } = loadTemplates().review;
  for (const t of tables) {
    const grid = toGrid(t.block);
    // A data row: values only (a leading label such as 数量 is allowed), with digits or as many cells as the
    // template has numbers (a report with no reviews may print all fifteen blank). A row of numbers comes before
    // a blank one: a header row whose one label (行政诉讼) stands among fifteen empty cells is no blank data row
    // (g131-014, whose fifteen numbers were all read as null).
    const dataRows = grid.rows.map((_, r) => r).filter((r) => {
      const own = grid.own[r] ?? [];
      const values = own.filter((o) => looksLikeValue(o.cell.text));
      if (own.slice(1).some((o) => !looksLikeValue(o.cell.text) && !LONE_UNIT.test(o.cell.text.trim()))) return false;
      return values.some((o) => hasDigits(o.cell.text)) || values.length >= WIDTH;
    });
    const withDigits = dataRows.find((r) => (grid.own[r] ?? []).some((o) => looksLikeValue(o.cell.text) && hasDigits(o.cell.text)));
    const r = withDigits ?? dataRows[0];
    if (r !== undefined) {
      if (grid.width < WIDTH) {
        ctx.warn('TABLE_SHAPE', `section 四: the table has ${grid.width} columns where the template has 15; numbers read in template order`);
      }
      const first = Math.max(0, grid.width - WIDTH);
      // Units wrapped away from their numbers (29 / 件 over two lines) stand in cells of their own and push the
      // numbers out of their columns: where setting them aside leaves the template's fifteen, those are read in
      // order (g127-059).
      const own = grid.own[r] ?? [];
      const numbers = own.filter((o, i) => !LONE_UNIT.test(o.cell.text.trim()) && (i > 0 || looksLikeValue(o.cell.text)));
      const inOrder = numbers.length === WIDTH && numbers.length < own.length ? numbers : undefined;
      const out = new Map<string, ReviewGroup>();
      groups.forEach((g, gi) => {
        const group: ReviewGroup = {};
        columns.forEach((c, ci) => {
          const byOrder = inOrder?.[gi * columns.length + ci];
          const col = byOrder?.col ?? first + gi * columns.length + ci;
          const slot = grid.rows[r]?.[col];
          const at = byOrder ? byOrder.cell : slot?.origin ? slot.cell : undefined;
          group[c.key] = ctx.value(`reviewLitigation.${g.key}.${c.key}`, at, { table: t.index, row: r, col });
        });
        out.set(g.key, group);
      });
      return out;
    }
  }
  ctx.warn('TABLE_UNREADABLE', 'section 四: a table of reviews and lawsuits was found but no row of numbers in it');
  return undefined;
}
