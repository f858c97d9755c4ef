import { Cell, TableBlock } from '../model';

/**
 * A table's cells laid on a rectangular grid, spans expanded (the HTML table model).
 * Rows that come out shorter than the grid are right-aligned: tab-broken text prints no stand-in for a
 * horizontal merge (gridSpan), so its missing cells are always on the label side, and the numbers, always
 * last in these templates, then line up under their headers.
 */

export interface Slot {
  cell: Cell;
  /** Index of the cell's own row and column in the grid. */
  row: number;
  col: number;
  /** True in the slot where the cell starts; false where its span covers. */
  origin: boolean;
}

export interface Grid {
  width: number;
  rows: (Slot | undefined)[][];
  /** The cells that start in each row, in order, with the grid column each starts at. */
  own: { cell: Cell; col: number; index: number }[][];
}

export function toGrid(t: TableBlock): Grid {
  const slots: (Slot | undefined)[][] = [];
  const ownStart: { cell: Cell; col: number; index: number }[][] = [];
  t.rows.forEach((r, ri) => {
    const line = (slots[ri] ??= []);
    const own: { cell: Cell; col: number; index: number }[] = [];
    let c = 0;
    r.cells.forEach((cell, index) => {
      while (line[c]) c++;
      own.push({ cell, col: c, index });
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const target = (slots[ri + dr] ??= []);
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          target[c + dc] = { cell, row: ri, col: c, origin: dr === 0 && dc === 0 };
        }
      }
      c += Math.max(1, cell.colSpan);
    });
    ownStart.push(own);
  });
  const rowCount = t.rows.length;
  slots.length = Math.max(slots.length, rowCount);
  const width = Math.max(0, ...slots.slice(0, rowCount).map((l) => (l ?? []).length));

  // Right-align rows that end short and hold no span from above (tab text, or a sloppy HTML row).
  for (let ri = 0; ri < rowCount; ri++) {
    const line = slots[ri] ?? [];
    const shift = width - line.length;
    const fromAbove = line.some((s) => s && s.row !== ri);
    const spansDown = (t.rows[ri]?.cells ?? []).some((c) => c.rowSpan > 1);
    if (shift <= 0 || fromAbove || spansDown) continue;
    const moved: (Slot | undefined)[] = new Array(width).fill(undefined);
    line.forEach((s, c) => {
      if (s) moved[c + shift] = s.row === ri ? { ...s, col: s.col + shift } : s;
    });
    slots[ri] = moved;
    for (const o of ownStart[ri] ?? []) o.col += shift;
  }
  return { width, rows: slots.slice(0, rowCount).map((l) => l ?? []), own: ownStart };
}
