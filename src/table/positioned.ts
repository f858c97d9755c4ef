import { Block, SourceRef, paragraph } from '../model';
import { isCjk, normalizeChars } from '../text/normalize';
import { isSectionHeading } from '../text/headings';
import { parseNumber } from '../mapper/numbers';
import { tableFromLines } from './streamTable';

/**
 * Paragraphs and tables from positioned text fragments: the text items of a PDF page (x, y, width in points) or
 * the words of pdftotext -layout text (x = character column, y = line number). One reconstructor serves both:
 *   lines by y → page furniture dropped → table regions (runs of lines with several cells or numbers) →
 *   each region rebuilt as a table (streamTable.ts), every other line a paragraph.
 * A region that runs over a page break stays one table: its rows continue on the next page.
 */

export interface Fragment {
  text: string;
  /** 1-based page. */
  page: number;
  /** Left and right edge. */
  x: number;
  x2: number;
  /** Top and bottom edge; y grows down the page (layout text: the line number). */
  y: number;
  y2: number;
  /** 1-based line in the source text, for text formats. */
  line?: number;
}

export interface StreamOptions {
  /** Largest gap between two fragments that still belong to one run of text (one cell). */
  runGap: number;
  /** A vertical gap between two lines at least this big reads as a blank line. */
  blankGap: number;
  /** Largest gap between numbers that still reads as one column. */
  columnTolerance: number;
  /** True when positions on different pages are comparable (PDF points; not pdftotext's per-page columns). */
  sharedCoordinates: boolean;
}

export interface Word {
  text: string;
  page: number;
  x: number;
  x2: number;
  y: number;
  y2: number;
  line?: number;
  /** A number (or a number with its unit) standing alone: a table value. */
  value: boolean;
  /** Starts with item numbering: 一、 （三） 1. 2、 */
  marker: boolean;
}

export interface Line {
  page: number;
  y: number;
  y2: number;
  words: Word[];
}

/** A block with where it sits, for merging with blocks found by other means (PDF tables from ruling lines). */
export interface Placed {
  page: number;
  y: number;
  block: Block;
}

const MARKER = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、](?!\d))/;
const MARKER_ONLY = new RegExp(`${MARKER.source}\\s*$`);
const UNIT = /^(?:万元|亿元|元|件|条|个|项|次|人次|%)$/;

export function hasMarker(s: string): boolean {
  return MARKER.test(normalizeChars(s));
}

function looksNumeric(s: string): boolean {
  const t = normalizeChars(s).trim();
  return /\d/.test(t) && parseNumber(t).ok && !MARKER_ONLY.test(t);
}

/** The text of words on one line: a space between words unless both sides are CJK. */
export function joinWords(words: readonly { text: string }[]): string {
  let out = '';
  for (const w of words) {
    const t = w.text.trim();
    if (!t) continue;
    if (out && !(isCjk(out[out.length - 1]) && isCjk(t[0]))) out += ' ';
    out += t;
  }
  return out;
}

function toWord(f: Fragment): Word {
  return { text: f.text.trim(), page: f.page, x: f.x, x2: f.x2, y: f.y, y2: f.y2, ...(f.line !== undefined ? { line: f.line } : {}),
    value: false, marker: false };
}

function mergeWords(a: Word, b: Word): Word {
  return { ...a, text: joinWords([a, b]), x2: Math.max(a.x2, b.x2), y: Math.min(a.y, b.y), y2: Math.max(a.y2, b.y2) };
}

/**
 * Words of one line, classified. A number counts as a value only where it ends its run of text ("33 件" in
 * prose is no cell); a unit right after a number joins it (0 元); a bare item number joins the label it numbers.
 */
function classify(words: Word[], runGap: number): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const near = prev && w.x - prev.x2 <= runGap;
    if (prev && near && UNIT.test(w.text) && looksNumeric(prev.text)) {
      out[out.length - 1] = mergeWords(prev, w);
      continue;
    }
    if (prev && near && MARKER_ONLY.test(normalizeChars(prev.text)) && !hasMarker(w.text) && !looksNumeric(w.text)) {
      out[out.length - 1] = mergeWords(prev, w);
      continue;
    }
    out.push({ ...w });
  }
  out.forEach((w, i) => {
    const next = out[i + 1];
    const textFollows = next && next.x - w.x2 <= runGap && !looksNumeric(next.text);
    w.value = looksNumeric(w.text) && !textFollows;
    w.marker = !w.value && hasMarker(w.text);
  });
  return out;
}

/** Fragments into lines: same page, overlapping vertically by half the smaller height. */
export function buildLines(frags: readonly Fragment[], opts: Pick<StreamOptions, 'runGap'>): Line[] {
  const sorted = frags.filter((f) => f.text.trim()).sort((a, b) => a.page - b.page || (a.y + a.y2) / 2 - (b.y + b.y2) / 2 || a.x - b.x);
  const lines: { page: number; y: number; y2: number; frags: Fragment[] }[] = [];
  for (const f of sorted) {
    const last = lines[lines.length - 1];
    const h = Math.min(f.y2 - f.y, last ? last.y2 - last.y : Infinity);
    const overlap = last ? Math.min(last.y2, f.y2) - Math.max(last.y, f.y) : -1;
    if (last && last.page === f.page && overlap >= h / 2) {
      last.frags.push(f);
      last.y = Math.min(last.y, f.y);
      last.y2 = Math.max(last.y2, f.y2);
    } else {
      lines.push({ page: f.page, y: f.y, y2: f.y2, frags: [f] });
    }
  }
  return lines.map((l) => ({
    page: l.page,
    y: l.y,
    y2: l.y2,
    words: classify(l.frags.sort((a, b) => a.x - b.x).map(toWord), opts.runGap),
  }));
}

export function lineText(l: Line): string {
  return joinWords(l.words);
}

const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,3}\s*(?:页)?[-—–－\s]*(?:(?:\/|共)\s*\d+\s*页?)?$/;

/**
 * Page furniture: page numbers (-3-, 第 3 页) and running headers or footers (the same first or last line on
 * several pages, numbers aside) come out; they would otherwise split a table that runs over a page break.
 */
export function dropFurniture(lines: readonly Line[]): Line[] {
  const byPage = new Map<number, Line[]>();
  for (const l of lines) (byPage.get(l.page) ?? byPage.set(l.page, []).get(l.page)!).push(l);
  const key = (l: Line) => normalizeChars(lineText(l)).replace(/\d+/g, '#').replace(/\s+/g, '');
  const edgeCount = new Map<string, number>();
  for (const ls of byPage.values()) {
    const edges = new Set([ls[0], ls[1], ls[ls.length - 2], ls[ls.length - 1]].filter((l): l is Line => !!l).map(key));
    for (const k of edges) edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1);
  }
  const drop = new Set<Line>();
  for (const ls of byPage.values()) {
    const edges = [ls[0], ls[1], ls[ls.length - 2], ls[ls.length - 1]].filter((l): l is Line => !!l);
    for (const l of edges) {
      const text = normalizeChars(lineText(l)).trim();
      if (PAGE_NUMBER.test(text) || (byPage.size > 2 && (edgeCount.get(key(l)) ?? 0) >= Math.max(2, byPage.size / 2))) drop.add(l);
    }
  }
  return lines.filter((l) => !drop.has(l));
}

type LineKind = 'heading' | 'prose' | 'cells' | 'short';

/** Runs: words closer than runGap. */
export function runsOf(l: Line, runGap: number): Word[][] {
  const runs: Word[][] = [];
  for (const w of l.words) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && w.x - prev.x2 <= runGap) last.push(w);
    else runs.push([w]);
  }
  return runs;
}

function kindOf(l: Line, runGap: number, proseWidth: number): LineKind {
  const text = lineText(l);
  if (isSectionHeading(text)) return 'heading';
  const runs = runsOf(l, runGap);
  const first = runs[0]!;
  const firstWidth = first[first.length - 1]!.x2 - first[0]!.x;
  if (firstWidth >= 0.7 * proseWidth) return 'prose';
  if (runs.length > 1 || l.words.some((w) => w.value)) return 'cells';
  return 'short';
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
  return { page: l.page, y: l.y, block: paragraph(lineText(l), source) };
}

/**
 * Lines in reading order → blocks. A table region starts at a line of several cells or with numbers, takes in
 * the short lines between such lines (wrapped labels, vertical headers), and ends at a section heading or a
 * line of running prose. A region of one line is only a line.
 */
export function blocksFromLines(lines: readonly Line[], opts: StreamOptions): Placed[] {
  const proseWidth = proseWidthOf(lines, opts.runGap);
  const out: Placed[] = [];
  let region: Line[] = [];
  let cellLines = 0;
  const flush = () => {
    const t = cellLines >= 2 ? tableFromLines(region, opts) : undefined;
    if (t) out.push({ page: region[0]!.page, y: region[0]!.y, block: t });
    else region.forEach((l) => out.push(paragraphOf(l)));
    region = [];
    cellLines = 0;
  };
  for (const l of lines) {
    const kind = kindOf(l, opts.runGap, proseWidth);
    if (kind === 'heading' || kind === 'prose') {
      flush();
      out.push(paragraphOf(l));
    } else if (kind === 'cells') {
      region.push(l);
      cellLines++;
    } else if (region.length) {
      // Short lines inside a table: a wrapped label, a vertical header, a blank last row.
      region.push(l);
    } else {
      out.push(paragraphOf(l));
    }
  }
  flush();
  return out;
}
