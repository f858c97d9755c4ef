import { Cell, TableBlock, Warning } from '../model';
import { parseNumber } from './numbers';

/** One number traced to where it was printed (contract: `cells`). */
export interface CellRef {
  path: string;
  value: number | null;
  raw: string;
  page: number | null;
  /** 0-based index of the table among the document's tables, and the row and column in its grid. */
  table: number;
  row: number;
  col: number;
  /** 1-based line in the decoded text, for text formats. */
  line?: number;
}

/** What the mapping stages share: the warnings and the provenance they collect. */
export class MapContext {
  readonly warnings: Warning[] = [];
  readonly cells: CellRef[] = [];
  private readonly warned = new Set<string>();

  warn(code: string, message: string): void {
    const key = `${code}\u0000${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ code, message });
  }

  /** Read a value cell, record where it came from, and warn when it is not a number. */
  value(path: string, cell: Cell | undefined, where: { table: number; row: number; col: number }): number | null {
    if (!cell) return null;
    const raw = cell.placeholder ? '' : cell.text;
    const parsed = parseNumber(raw);
    if (!parsed.ok) this.warn('CELL_NOT_A_NUMBER', `${path}: the cell reads "${raw}", which is not a number; taken as blank`);
    this.cells.push({
      path,
      value: parsed.value,
      raw,
      page: cell.source?.page ?? null,
      ...where,
      ...(cell.source?.line !== undefined ? { line: cell.source.line } : {}),
    });
    return parsed.value;
  }
}

export interface IndexedTable {
  index: number;
  block: TableBlock;
}
