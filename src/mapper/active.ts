import { ActiveItemSpec, TemplateVersion, loadTemplates } from '../templates';
import { Cell, SourceRef, cell } from '../model';
import { Grid, toGrid } from '../table/grid';
import { MapContext, IndexedTable } from './context';
import { LabelMatcher, isConfident, normLabel } from './labels';
import { looksLikeValue, parseNumber, hasDigits } from './numbers';

/**
 * Section 二: small tables of 第二十条 items, each under its own header row (信息内容 | column names).
 * An item row is found by its label; each of its numbers goes to the header column above it, or, where no
 * header says, to the template's columns in order.
 */

export type ActiveItem = Record<string, number | string | null>;

/** A number printed as a rise or fall: 减少7, 增加 3, -7 (not a count, which cannot fall). */
const CHANGE_WORD = /^(?:增加|新增|减少|[-−+＋－])\s*\d/;

interface HeaderCol {
  from: number;
  to: number;
  label: string;
  printed: string;
}

function headerOf(grid: Grid, r: number, fields: LabelMatcher): HeaderCol[] | undefined {
  const own = grid.own[r] ?? [];
  if (own.length < 2) return undefined;
  const rest = own.slice(1);
  if (rest.some((o) => hasDigits(o.cell.text) && looksLikeValue(o.cell.text))) return undefined;
  const hits = rest.filter((o) => fields.best(normLabel(o.cell.text))).length;
  const first = normLabel(own[0]!.cell.text);
  if (!hits && first !== '信息内容') return undefined;
  return rest.map((o) => ({ from: o.col, to: o.col + Math.max(1, o.cell.colSpan) - 1, label: normLabel(o.cell.text), printed: o.cell.text }));
}

/** How many of a template's own (not shared) labels the tables print: decides 2019 against 2021. */
let versionLabels: Record<TemplateVersion, Set<string>> | undefined;

export function activeVersionVotes(tables: readonly IndexedTable[]): Record<TemplateVersion, number> {
  if (!versionLabels) {
    const { active } = loadTemplates();
    const labelsOf = (v: TemplateVersion) =>
      new Set(active[v].items.flatMap((i) => [...i.labels, ...i.fields.flatMap((f) => f.labels)]).map(normLabel));
    versionLabels = { '2019': labelsOf('2019'), '2021': labelsOf('2021') };
  }
  const { '2021': l21, '2019': l19 } = versionLabels;
  const votes: Record<TemplateVersion, number> = { '2019': 0, '2021': 0 };
  for (const t of tables) {
    for (const r of t.block.rows) {
      for (const c of r.cells) {
        const n = normLabel(c.text);
        if (l21.has(n) && !l19.has(n)) votes['2021']++;
        if (l19.has(n) && !l21.has(n)) votes['2019']++;
      }
    }
  }
  return votes;
}

interface ActiveMatchers {
  items: LabelMatcher;
  /** Every column label of the template, to tell header rows. */
  anyField: LabelMatcher;
  /** Per item, its own columns. */
  fields: LabelMatcher[];
}
const matchers = new Map<TemplateVersion, ActiveMatchers>();

function matchersOf(version: TemplateVersion): ActiveMatchers {
  let m = matchers.get(version);
  if (!m) {
    const items = loadTemplates().active[version].items;
    m = {
      items: new LabelMatcher(items.map((i) => i.labels)),
      anyField: new LabelMatcher([[...new Set(items.flatMap((i) => i.fields.flatMap((f) => f.labels)))]]),
      fields: items.map((i) => new LabelMatcher(i.fields.map((f) => f.labels))),
    };
    matchers.set(version, m);
  }
  return m;
}

/**
 * A label that is two items' labels one after the other (行政处罚行政强制): in a one-column table whose label
 * column is just wide enough, a row printed blank under another is read as that row's second line. The two
 * items, in the order printed.
 */
function twoItems(label: string, items: readonly ActiveItemSpec[], taken: (i: number) => boolean): [number, number] | undefined {
  for (let i = 0; i < items.length; i++) {
    if (taken(i)) continue;
    for (const a of items[i]!.labels.map(normLabel)) {
      if (!label.startsWith(a) || label.length === a.length) continue;
      const rest = label.slice(a.length);
      const j = items.findIndex((o, k) => k !== i && !taken(k) && o.labels.some((b) => normLabel(b) === rest));
      if (j >= 0) return [i, j];
    }
  }
  return undefined;
}

/** Whether two cells stand on one printed line (the same line of text, or the same baseline in a PDF). */
function sameLine(a: SourceRef | undefined, b: SourceRef | undefined): boolean {
  if (!a || !b || a.page !== b.page) return false;
  if (a.line !== undefined && b.line !== undefined) return a.line === b.line;
  return a.y !== undefined && b.y !== undefined && Math.abs(a.y - b.y) < 0.5 * (a.height ?? b.height ?? 6);
}

export function mapActive(tables: readonly IndexedTable[], version: TemplateVersion, ctx: MapContext): Map<string, ActiveItem> {
  const items = loadTemplates().active[version].items;
  const m = matchersOf(version);
  const out = new Map<string, ActiveItem>();

  for (const t of tables) {
    const grid = toGrid(t.block);
    let header: HeaderCol[] | undefined;
    for (let r = 0; r < grid.rows.length; r++) {
      const h = headerOf(grid, r, m.anyField);
      if (h) {
        header = h;
        continue;
      }
      const own = grid.own[r] ?? [];
      const labelCell = own.find((o) => o.cell.text.trim());
      if (!labelCell || looksLikeValue(labelCell.cell.text)) continue;
      const label = normLabel(labelCell.cell.text);
      const valueCells = own.slice(own.indexOf(labelCell) + 1);
      const pair = twoItems(label, items, (i) => out.has(items[i]!.key));
      // Two rows read as one: the numbers go to the row on whose line they all stand, the other row is blank.
      // (Numbers of both rows run into one cell, 0 0, are left to the loose match and its warning.)
      const printed = valueCells.filter((v) => v.cell.text.trim());
      const onLabel = printed.filter((v) => sameLine(labelCell.cell.source, v.cell.source)).length;
      const apart = printed.every((v) => !/\s/.test(v.cell.text.trim())) && (onLabel === 0 || onLabel === printed.length);
      if (pair && apart) {
        const first = onLabel > 0;
        const blank = valueCells.map((v) => ({ ...v, cell: cell('', v.cell.source ? { source: v.cell.source } : {}) }));
        pair.forEach((i, k) => out.set(items[i]!.key,
          mapItem(items[i]!, m.fields[i]!, (k === 0) === first ? valueCells : blank, header, { t, r }, ctx)));
        continue;
      }
      const best = m.items.best(label, (i) => out.has(items[i]!.key));
      if (!best) continue;
      const item = items[best.index]!;
      const score = best.score;
      if (!isConfident(m.items.scores(label), best.index)) {
        ctx.warn('LABEL_LOOSE_MATCH', `section 二: row "${labelCell.cell.text.trim()}" read as "${item.labels[0]}" (similarity ${score.toFixed(2)})`);
      }
      out.set(item.key, mapItem(item, m.fields[best.index]!, valueCells, header, { t, r }, ctx));
    }
  }
  for (const item of items) {
    if (!out.has(item.key)) {
      ctx.warn('ROW_MISSING', `section 二: no row "${item.labels[0]}" was found; its numbers are null`);
    }
  }
  return out;
}

function mapItem(item: ActiveItemSpec, fieldMatcher: LabelMatcher, valueCells: { cell: import('../model').Cell; col: number }[], header: HeaderCol[] | undefined,
  at: { t: IndexedTable; r: number }, ctx: MapContext): ActiveItem {
  const values: ActiveItem = {};
  const assigned = new Map<string, { cell: import('../model').Cell; col: number }>();
  // By the header column above each number.
  if (header) {
    for (const v of valueCells) {
      const h = header.find((hc) => v.col >= hc.from && v.col <= hc.to);
      if (!h) continue;
      const best = fieldMatcher.best(h.label, (fi) => assigned.has(item.fields[fi]!.key));
      if (best) assigned.set(item.fields[best.index]!.key, v);
    }
  }
  // Numbers under header cells that name no field (a header cut across lines, 上一年项 / 目数量, its first half read
  // into the label column: g131-023): where as many fields as numbers are left, and pairing them in the template's
  // order keeps every field in its column's order, they pair so; else the number is reported, never dropped unsaid.
  if (assigned.size > 0) {
    const used = new Set(assigned.values());
    const leftCells = valueCells.filter((v) => !used.has(v) && v.cell.text.trim());
    const leftFields = item.fields.filter((f) => !assigned.has(f.key));
    if (leftCells.length) {
      const fits = leftCells.length === leftFields.length;
      const trial = new Map(assigned);
      if (fits) leftFields.forEach((f, i) => trial.set(f.key, leftCells[i]!));
      const cols = item.fields.flatMap((f) => (trial.has(f.key) ? [trial.get(f.key)!.col] : []));
      if (fits && cols.every((c, i) => i === 0 || c > cols[i - 1]!)) {
        trial.forEach((v, k) => assigned.set(k, v));
      } else {
        ctx.warn('CELL_UNPLACED', `section 二: row "${item.labels[0]}" prints ${leftCells.map((v) => v.cell.text.trim()).join(', ')} under no column its header names; left out`);
      }
    }
  }
  // Otherwise in the template's order.
  if (assigned.size === 0) {
    if (valueCells.length !== item.fields.length) {
      ctx.warn('TABLE_SHAPE', `section 二: row "${item.labels[0]}" has ${valueCells.length} numbers where the template has ${item.fields.length}; read in order`);
    }
    item.fields.forEach((f, i) => {
      const v = valueCells[i];
      if (v) assigned.set(f.key, v);
    });
  }
  // A number written as a change (减少7, 增加3, -7) is the row's 本年增/减 wherever positions put it: the other
  // columns count items and cannot go down (g131-032: 减少 7 set under 处理决定数量 in layout text).
  const change = item.fields.find((f) => f.key === 'change');
  if (change) {
    const blank = (v: { cell: Cell } | undefined) => !v || !v.cell.text.trim();
    for (const f of item.fields) {
      const v = assigned.get(f.key);
      if (f === change || !v || !CHANGE_WORD.test(v.cell.text.trim()) || !blank(assigned.get(change.key))) continue;
      assigned.set(change.key, v);
      assigned.delete(f.key);
    }
  }
  for (const f of item.fields) {
    const v = assigned.get(f.key);
    const path = `activeDisclosure.${item.key}.${f.key}`;
    values[f.key] = ctx.value(path, v?.cell, { table: at.t.index, row: at.r, col: v?.col ?? -1 });
  }
  if (item.key === 'procurement') {
    const amount = assigned.get('amount');
    const unitInCell = amount ? parseNumber(amount.cell.text).unit : undefined;
    const headerText = header?.map((h) => h.printed).join('') ?? '';
    const unitInHeader = /万元/.test(headerText) ? '万元' : /元/.test(headerText) ? '元' : undefined;
    values.amountUnit = unitInCell === '万元' || unitInCell === '元' ? unitInCell : (unitInHeader ?? null);
  }
  return values;
}
