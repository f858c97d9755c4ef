import { ApplicationRowSpec, applicationRows, loadTemplates } from '../templates';
import { Grid, toGrid } from '../table/grid';
import { alignRows } from './align';
import { MapContext, IndexedTable } from './context';
import { LabelMatcher, MATCH_FLOOR, isConfident, normLabel } from './labels';
import { looksLikeValue, hasDigits, isBlankMark } from './numbers';
import { Cell } from '../model';

/**
 * Section 三: the grid of requests by applicant (7 columns) and outcome (about 25 rows).
 * The seven number columns are always the last seven of the grid; each printed row is placed on a template
 * row by its most specific label and its order (align.ts). （六）其他处理 is tried both as the 2021 template's
 * three sub-rows and as one row, and the reading that fits the printed rows better wins.
 */

export type AppRow = Record<string, number | null>;
export type Layout = 'split' | 'single';

interface PrintedRow {
  table: IndexedTable;
  grid: Grid;
  row: number;
  label: string;
  printedLabel: string;
}

const VALUE_COLS = 7;

/** The rows with a label; `unlabelled` counts rows of numbers with none (a reconstruction that went wrong). */
function printedRows(tables: readonly IndexedTable[]): PrintedRow[] & { unlabelled?: number } {
  const out: PrintedRow[] & { unlabelled?: number } = [];
  out.unlabelled = 0;
  for (const t of tables) {
    const grid = toGrid(t.block);
    const firstValue = grid.width - VALUE_COLS;
    grid.own.forEach((own, r) => {
      const labels = own.filter((o) => o.col < Math.max(1, firstValue) && o.cell.text.trim() && !looksLikeValue(o.cell.text));
      const last = labels[labels.length - 1];
      if (!last) {
        if (own.some((o) => hasDigits(o.cell.text))) out.unlabelled! += 1;
        return;
      }
      out.push({ table: t, grid, row: r, label: normLabel(last.cell.text), printedLabel: last.cell.text.trim() });
    });
  }
  return out;
}

let allRows: { specs: ApplicationRowSpec[]; matcher: LabelMatcher } | undefined;

/**
 * One matcher over the rows of both layouts, built once per process: a label printed exactly as any row's
 * (（六）其他处理 of the one-row layout) then settles without fuzzy matching in either attempt.
 */
function rowsOf(layout: Layout) {
  if (!allRows) {
    const specs = loadTemplates().applications.rows;
    allRows = { specs, matcher: new LabelMatcher(specs.map((s) => s.labels)) };
  }
  const specs = applicationRows(layout);
  const { matcher } = allRows;
  const at = specs.map((s) => allRows!.specs.indexOf(s));
  return { specs, scores: (label: string) => { const all = matcher.scores(label); return at.map((i) => all[i]!); } };
}

/**
 * The seven number cells of a printed row: the cells starting in the grid's last seven columns. Where a number
 * cell of its own row spans two grid columns (a Word cell a little wider than its neighbours), the slots no longer
 * line up, and the row's own last seven cells are its numbers.
 */
function valueCells(p: PrintedRow): { cell: Cell | undefined; col: number }[] {
  const first = p.grid.width - VALUE_COLS;
  const slots = Array.from({ length: VALUE_COLS }, (_, k) => p.grid.rows[p.row]?.[first + k]);
  const spansOwnRow = slots.some((s) => s && !s.origin && s.row === p.row && s.col >= first);
  if (spansOwnRow) {
    const own = (p.grid.own[p.row] ?? []).slice(-VALUE_COLS);
    if (own.length === VALUE_COLS && own.every((o) => o.col >= first - VALUE_COLS)) return own.map((o) => ({ cell: o.cell, col: o.col }));
  }
  return slots.map((s, k) => ({ cell: s && s.origin ? s.cell : undefined, col: first + k }));
}

export interface ApplicationsResult {
  layout: Layout;
  rows: Map<string, AppRow>;
}

export function mapApplications(tables: readonly IndexedTable[], ctx: MapContext): ApplicationsResult | undefined {
  if (!tables.length) return undefined;
  const printed = printedRows(tables);
  if (printed.unlabelled) {
    ctx.warn('ROW_UNRECOGNISED', `section 三: ${printed.unlabelled} row${printed.unlabelled > 1 ? 's' : ''} of numbers with no label; ${printed.unlabelled > 1 ? 'their' : 'its'} numbers are left out`);
  }
  const columns = loadTemplates().applications.columns;

  const attempt = (layout: Layout) => {
    const { specs, scores: scoresOf } = rowsOf(layout);
    const scores = printed.map((p) => scoresOf(p.label));
    const { pairs, total } = alignRows((i, j) => scores[i]![j]!, printed.length, specs.length, MATCH_FLOOR);
    return { layout, specs, scores, pairs, total };
  };
  const split = attempt('split');
  const single = attempt('single');
  const chosen = single.total > split.total ? single : split;
  if (!chosen.pairs.length) {
    ctx.warn('TABLE_UNREADABLE', 'section 三: a table of requests was found but none of its rows could be matched to the template');
    return undefined;
  }

  const rows = new Map<string, AppRow>();
  const matched = new Set<number>();
  for (const [pi, si] of chosen.pairs) {
    const p = printed[pi]!;
    const spec = chosen.specs[si]!;
    matched.add(pi);
    const score = chosen.scores[pi]![si]!;
    if (!isConfident(chosen.scores[pi]!, si)) {
      ctx.warn('LABEL_LOOSE_MATCH', `section 三: row "${p.printedLabel}" read as "${spec.labels[0]}" (similarity ${score.toFixed(2)})`);
    }
    const values: AppRow = {};
    valueCells(p).forEach(({ cell, col }, k) => {
      const key = columns[k]!.key;
      values[key] = ctx.value(`applications.${spec.path}.${key}`, cell, { table: p.table.index, row: p.row, col });
    });
    rows.set(spec.path, values);
  }
  for (const spec of chosen.specs) {
    if (!rows.has(spec.path)) ctx.warn('ROW_MISSING', `section 三: no row "${spec.labels[0]}" was found; its numbers are null`);
  }
  printed.forEach((p, pi) => {
    if (matched.has(pi)) return;
    const first = p.grid.width - VALUE_COLS;
    // Printed cells, numbers or blank marks (— / 无): a row of dashes under a label nothing matches may be a row's
    // own cells, read apart from its label (作 of 另行制作 wrapped below the numbers).
    const own = (p.grid.own[p.row] ?? []).filter((o) => o.col >= first);
    const numbers = own.some((o) => hasDigits(o.cell.text));
    if (numbers || own.some((o) => isBlankMark(o.cell.text))) {
      ctx.warn('ROW_UNRECOGNISED', `section 三: row "${p.printedLabel}" matches no template row; its ${numbers ? 'numbers are' : 'cells are'} left out`);
    }
  });
  return { layout: chosen.layout, rows };
}
