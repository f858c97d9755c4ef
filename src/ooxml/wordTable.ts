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

function joinHorizontalMerges(r: WordRow): WordRow {
  const cells: WordCell[] = [];
  for (const c of r.cells) {
    const prev = cells[cells.length - 1];
    if (c.hMerge === 'continue' && prev) {
      prev.span += c.span;
      prev.text = joinLines([prev.text, c.text]);
    } else cells.push({ ...c, span: Math.max(1, c.span) });
  }
  return { ...r, cells };
}

/** Grid columns narrower than this (twips; 30 is half a millimetre) hold no text: a border dragged a little. */
const SLIVER = 30;

/**
 * Grid columns that separate no cells are dropped: a grid line no cell's edge lies on (Word leaves them when
 * borders are dragged), a first column no cell ends in and a last column no cell starts in (a row that juts out,
 * or skips every row shares), and, when the columns' widths are known, a sliver column between two edges that
 * were meant to be one. Nothing any row prints moves relative to the rest, and the numbers, always last in these
 * templates, end up in the table's last columns, one cell to a column.
 */
function tidyGrid(rows: readonly WordRow[], widths?: readonly number[]): WordRow[] {
  const starts = new Set<number>();
  const ends = new Set<number>();
  const spans = new Set<string>();
  let width = 0;
  for (const r of rows) {
    let col = r.before;
    for (const c of r.cells) {
      starts.add(col);
      ends.add(col + c.span);
      spans.add(`${col}:${col + c.span}`);
      col += c.span;
    }
    width = Math.max(width, col + r.after);
  }
  const lines = [...new Set([0, width, ...starts, ...ends])].sort((a, b) => a - b);
  while (lines.length > 2 && !ends.has(lines[1]!)) lines.shift();
  while (lines.length > 2 && !starts.has(lines[lines.length - 2]!)) lines.pop();
  if (widths && widths.length === width) {
    const x = (line: number) => widths.slice(0, line).reduce((a, b) => a + b, 0);
    for (let i = 0; i + 1 < lines.length; i++) {
      const [a, b] = [lines[i]!, lines[i + 1]!];
      // A cell that fills the sliver exactly is printed there: keep it. One at the right edge was trimmed above.
      if (x(b) - x(a) >= SLIVER || spans.has(`${a}:${b}`) || i + 2 === lines.length) continue;
      lines.splice(i + 1, 1);
      i--;
    }
  }
  /** A grid line's new index; lines trimmed off an edge fold onto that edge. */
  const at = (x: number) => {
    let k = 0;
    while (k + 1 < lines.length && lines[k + 1]! <= x) k++;
    return k;
  };
  const last = lines.length - 1;
  return rows.map((r) => {
    let col = r.before;
    const cells = r.cells.map((c) => {
      const span = at(col + c.span) - at(col);
      col += c.span;
      return { ...c, span };
    });
    const before = r.cells.length ? at(r.before) : 0;
    return { before, after: r.cells.length ? last - at(col) : 0, cells };
  });
}

/** `widths`: the grid columns' widths in twips (w:tblGrid), when known. */
export function wordTableRows(rows: readonly WordRow[], widths?: readonly number[]): Row[] {
  const out: Row[] = [];
  /** The cell covering each grid column from the row above, by the column it starts at. */
  let above = new Map<number, Cell>();
  for (const r of tidyGrid(rows.map(joinHorizontalMerges), widths)) {
    const next = new Map<number, Cell>();
    const cells: Cell[] = [];
    let col = r.before;
    if (col > 0) cells.push(filler(col));
    for (const c of r.cells) {
      // A continuation with nothing above it to continue (a malformed merge) stays a cell of its own.
      const target = c.vMerge === 'continue' ? above.get(col) : undefined;
      if (target) {
        target.rowSpan++;
        next.set(col, target);
      } else {
        const made = cell(c.text, { colSpan: c.span });
        cells.push(made);
        next.set(col, made);
      }
      col += c.span;
    }
    if (r.after > 0) cells.push(filler(r.after));
    out.push(row(cells));
    above = next;
  }
  return out;
}
