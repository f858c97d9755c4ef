import { Block, SourceRef, paragraph } from '../model';
import { IDEOGRAPH, joinLines, normalizeChars } from '../text/normalize';
import { isSectionHeading } from '../text/headings';
import { TableOptions, tableFromLines } from './streamTable';
import { CORNER_CELL, Line, hasMarker, lineText, runsOf } from './words';

export type { Fragment, Line, StreamOptions, Word } from './words';
export { buildLines } from './words';

/**
 * Paragraphs and tables from positioned text fragments: the text items of a PDF page (x, y, width in points) or
 * the words of pdftotext -layout text (x = character column, y = line number). One reconstructor serves both:
 *   lines by y → page furniture dropped → table regions (runs of lines with several cells or numbers) →
 *   each region rebuilt as a table (streamTable.ts), every other line a paragraph.
 * A region that runs over a page break stays one table: its rows continue on the next page.
 */

/** A block and the lines it was made of (a paragraph's, for joining the lines of one paragraph). */
interface Placed {
  block: Block;
  lines?: Line[];
}

// (Two dashes a side at most: — — — 0 — — — is a row of blank cells and one 0, not a page number: g187-011.)
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*){0,2}(?:第\s*)?\d{1,3}\s*(?:页)?\s*(?:[-—–－]\s*){0,2}(?:(?:\/|共)\s*\d+\s*页?)?$/;

/**
 * Page furniture: page numbers (-3-, 第 3 页) and running headers or footers (the same first or last line on
 * several pages, numbers aside) come out; they would otherwise split a table that runs over a page break.
 */
export function dropFurniture(lines: readonly Line[]): Line[] {
  const byPage = new Map<number, Line[]>();
  for (const l of lines) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l);
  // A bare number at a page's edge is a page number only where two pages agree on its offset from the page
  // index (a table cell cut by the page break is a bare number too); a decorated one (-3-, 第3页) always is.
  // (Two pages: a page has one number, and the zeros of two rows cut by page breaks may open and end one page,
  // g223-035. Nor is 0 a page number.)
  const text = (l: Line) => normalizeChars(lineText(l)).trim();
  const bare = (t: string) => /^\d{1,3}$/.test(t) && Number(t) > 0;
  const offsets = new Map<number, Set<number>>();
  for (const [page, ls] of byPage) {
    for (const l of new Set([ls[0], ls[ls.length - 1]])) {
      const t = l ? text(l) : '';
      if (bare(t)) (offsets.get(Number(t) - page) ?? offsets.set(Number(t) - page, new Set()).get(Number(t) - page)!).add(page);
    }
  }
  const isPageNumber = (l: Line) => {
    const t = text(l);
    if (!PAGE_NUMBER.test(t)) return false;
    if (!/^\d+$/.test(t)) return true;
    return bare(t) && (offsets.get(Number(t) - l.page)?.size ?? 0) >= 2;
  };
  const drop = new Set<Line>();
  const tops: Line[] = [];
  const bottoms: Line[] = [];
  for (const ls of byPage.values()) {
    let from = 0;
    let to = ls.length - 1;
    while (from <= to && isPageNumber(ls[from]!)) drop.add(ls[from++]!);
    while (to >= from && isPageNumber(ls[to]!)) drop.add(ls[to--]!);
    if (ls[from]) tops.push(ls[from]!);
    if (ls[to]) bottoms.push(ls[to]!);
  }
  // A running header (footer): the same first (last) line, numbers aside, on at least half of three or more pages.
  // Tops and bottoms count apart: the agency's name that opens page 1 and signs the last page is no footer.
  const key = (l: Line) => normalizeChars(lineText(l)).replace(/\d+/g, '#').replace(/\s+/g, '');
  // (A line of numbers alone is none: page numbers go above, and a table's cells cut by page breaks end pages too:
  // 145 and 0 ending two of four pages were dropped as a footer, g217-018.)
  const textless = (l: Line) => /^[#\p{P}\p{S}]*$/u.test(key(l));
  if (byPage.size >= 3) {
    for (const edge of [tops, bottoms]) {
      const count = new Map<string, number>();
      for (const l of edge) count.set(key(l), (count.get(key(l)) ?? 0) + 1);
      for (const l of edge) if (!textless(l) && (count.get(key(l)) ?? 0) >= Math.max(2, byPage.size / 2)) drop.add(l);
    }
  }
  return lines.filter((l) => !drop.has(l));
}

type LineKind = 'heading' | 'prose' | 'cells' | 'short';

function kindOf(l: Line, runGap: number, proseWidth: number, em: number): LineKind {
  const text = lineText(l);
  const runs = runsOf(l, runGap);
  // A section heading stands alone; "（六）其他处理 0 0" is a row of section 三, not section 六.
  if (runs.length === 1 && !l.words.some((w) => w.value) && !/^\s*[（(]/.test(text) && isSectionHeading(text)) return 'heading';
  // Running prose fills its line (PDF items of one sentence may still stand apart around a number).
  const span = l.words[l.words.length - 1]!.x2 - l.words[0]!.x;
  let ink = 0;
  let reach = -Infinity;
  for (const w of [...l.words].sort((a, b) => a.x - b.x)) {
    ink += Math.max(0, w.x2 - Math.max(w.x, reach));
    reach = Math.max(reach, w.x2);
  }
  // (and has no gap of a character or more: cells of a dense header row stand further apart)
  // (In layout text, a space beside a number may be prose's: 政府信息公开行政复议 351 ending a line of 总体情况 in a
  // real report, 02-huaian-shizhengfu-2024, is no row of cells; a space between words is a cell's edge, 理结果 (二)….)
  const gaps = l.words.slice(1).map((w, i) => w.x - l.words[i]!.x2);
  const spaced = gaps.every((g, i) => g < em || (g <= runGap && /\d/.test(l.words[i]!.text + l.words[i + 1]!.text)));
  if (span >= 0.7 * proseWidth && ink >= 0.8 * span && spaced) return 'prose';
  if (runs.length > 1 || l.words.some((w) => w.value) || spacedTerms(l)) return 'cells';
  return 'short';
}

/**
 * The template's corner cell 信息内容 and two or more words of ideographs alone, set apart by spaces: the cells of
 * section 二's header set as close as a space (信息内容 本年新制作数量 本年新公开数量 对外公开总数量, g233-038), not
 * a line of prose (which puts no space between ideographs).
 */
function spacedTerms(l: Line): boolean {
  return l.words.length >= 3 && l.words[0]!.text === CORNER_CELL && l.words.every((w) => [...w.text].length >= 2 && [...w.text].every((ch) => IDEOGRAPH.test(ch))) &&
    l.words.slice(1).every((w, i) => w.x > l.words[i]!.x2);
}

/**
 * A line of five or more short words without punctuation, inside a table: the cells of a header whose columns
 * are narrow, set as close as the characters of a sentence (结果维持 结 其他结果 尚未审结 总计 …, g163-022), not prose.
 */
function denseCells(l: Line): boolean {
  return l.words.length >= 5 && l.words.every((w) => {
    const t = normalizeChars(w.text).replace(/\s+/g, '');
    return t.length <= 4 && !/[，。、；：,.;:！？!?（）()“”"]/.test(t);
  });
}

/** The width of a full line of body text: the widest single-run lines, 90th percentile. */
function proseWidthOf(lines: readonly Line[], runGap: number): number {
  const widths = lines.map((l) => runsOf(l, runGap)).filter((r) => r.length === 1)
    .map((r) => r[0]![r[0]!.length - 1]!.x2 - r[0]![0]!.x).sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.9)] ?? Infinity;
}

function paragraphOf(l: Line): Placed {
  const first = l.words[0]!;
  const source: SourceRef = { page: l.page, ...(first.line !== undefined ? { line: first.line } : {}), x: first.x, y: l.y };
  return { block: paragraph(lineText(l), source), lines: [l] };
}

/**
 * Lines of one paragraph back together: a line that runs to the right margin goes on with the next line when
 * that one starts at the left margin (a new paragraph is indented) and starts no heading or numbered item.
 */
function joinParagraphs(placed: readonly Placed[], em: number): Block[] {
  const lines = placed.flatMap((p) => p.lines ?? []);
  const left = Math.min(...lines.map((l) => l.words[0]!.x));
  const right = Math.max(...lines.map((l) => l.words[l.words.length - 1]!.x2));
  const out: Placed[] = [];
  for (const p of placed) {
    const prev = out[out.length - 1];
    const last = prev?.lines?.[prev.lines.length - 1];
    const first = p.lines?.[0];
    if (prev && prev.block.kind === 'paragraph' && p.block.kind === 'paragraph' && last && first &&
      last.words[last.words.length - 1]!.x2 >= right - 1.5 * em && first.words[0]!.x <= left + 0.5 * em &&
      !hasMarker(lineText(first)) && !isSectionHeading(lineText(first)) && !isSectionHeading(lineText(last))) {
      prev.block = { ...prev.block, text: joinLines([prev.block.text, p.block.text]) };
      prev.lines!.push(first);
      continue;
    }
    out.push(p.lines ? { ...p, lines: [...p.lines] } : p);
  }
  return out.map((p) => p.block);
}

export interface StreamResult {
  blocks: Block[];
  /** Pages where a table's numbers fitted its columns in more than one way. */
  guessedPages: number[];
}

/**
 * Lines in reading order → blocks. A table region starts at a line of several cells or with numbers, takes in
 * the short lines between such lines (wrapped labels, vertical headers), and ends at a section heading or a
 * line of running prose. A region of one line is only a line.
 */
export function blocksFromLines(lines: readonly Line[], opts: TableOptions): StreamResult {
  const proseWidth = proseWidthOf(lines, opts.runGap);
  const placed: Placed[] = [];
  const guessed = new Set<number>();
  let region: Line[] = [];
  let cellLines = 0;
  const flush = () => {
    const t = cellLines >= 2 ? tableFromLines(region, opts) : undefined;
    if (t) {
      placed.push({ block: t.block });
      t.guessedPages.forEach((p) => guessed.add(p));
    } else region.forEach((l) => placed.push(paragraphOf(l)));
    region = [];
    cellLines = 0;
  };
  for (const l of lines) {
    let kind = kindOf(l, opts.runGap, proseWidth, opts.em);
    if (kind === 'prose' && region.length && denseCells(l)) kind = 'cells';
    if (kind === 'heading' || kind === 'prose') {
      flush();
      placed.push(paragraphOf(l));
    } else if (kind === 'cells') {
      region.push(l);
      cellLines++;
    } else if (region.length) {
      // Short lines inside a table: a wrapped label, a vertical header, a blank last row.
      region.push(l);
    } else {
      placed.push(paragraphOf(l));
    }
  }
  flush();
  const em = median(lines.map((l) => l.y2 - l.y));
  return { blocks: joinParagraphs(placed, em), guessedPages: [...guessed].sort((a, b) => a - b) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}
