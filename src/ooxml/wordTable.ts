import { Cell, Row, cell, row } from '../model';
import { joinLines } from '../text/normalize';

/**
 * A Word table (DOCX or binary .doc: the same table model) into the HTML model of model.ts.
 * Word stores a merged cell as a run of cells: a vertical merge as a "restart" cell and a "continue" cell in the
 * same grid column of each row below; an old-style horizontal merge as a first cell and "continue" cells beside it.
 * Here the continuation cells are dropped and their starting cell spans them, as an HTML table would print it.
 * Grid columns a row skips (w:gridBefore / w:gridAfter, or a row narrower than the table) become empty
 * stand-ins, so every row keeps its numbers under the right headers.
 */

export interface WordCell {
  text: string;
  /** Grid columns the cell covers (w:gridSpan). */
  span: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
}

export interface WordRow {
  /** Grid columns skipped before the first cell and after the last. */
  before: number;
  after: number;
  cells: WordCell[];
}

function filler(span: number): Cell {
  return cell('', { colSpan: span, placeholder: true });
}

export function wordTableRows(rows: readonly WordRow[]): Row[] {
  const joined = rows.map((r) => {
    const cells: WordCell[] = [];
    for (const c of r.cells) {
      const prev = cells[cells.length - 1];
      if (c.hMerge === 'continue' && prev) {
        prev.span += c.span;
        prev.text = joinLines([prev.text, c.text]);
      } else cells.push({ ...c });
    }
    return { ...r, cells };
  });
  // Skips every row shares are no columns of the table at all.
  const lead = Math.min(...joined.map((r) => r.before));
  const trail = Math.min(...joined.map((r) => r.after));

  const out: Row[] = [];
  /** The cell covering each grid column from the row above, by the column it starts at. */
  let above = new Map<number, Cell>();
  for (const r of joined) {
    const next = new Map<number, Cell>();
    const cells: Cell[] = [];
    let col = r.before - lead;
    if (col > 0) cells.push(filler(col));
    for (const c of r.cells) {
      // A continuation with nothing above it to continue (a malformed merge) stays a cell of its own.
      const target = c.vMerge === 'continue' ? above.get(col) : undefined;
      if (target) {
        target.rowSpan++;
        next.set(col, target);
      } else {
        const made = cell(c.text, { colSpan: Math.max(1, c.span) });
        cells.push(made);
        next.set(col, made);
      }
      col += Math.max(1, c.span);
    }
    if (r.after - trail > 0) cells.push(filler(r.after - trail));
    out.push(row(cells));
    above = next;
  }
  return out;
}
