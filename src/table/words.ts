import { SourceRef } from '../model';
import { isCjk, joinLines, normalizeChars } from '../text/normalize';
import { isBlankMark, parseNumber } from '../mapper/numbers';
import { memoize } from '../text/memo';
import type { Readings } from './valueColumns';

/**
 * Positioned words and lines: the common input of the table reconstructor (positioned.ts). A PDF gives text
 * items with positions in points; pdftotext -layout text gives words with x = character column, y = line.
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
  /** Pieces cut from one text item share its number: they stay in one cell whatever the gap. */
  item?: number;
}

export interface StreamOptions {
  /** Largest gap between two fragments that still belong to one run of text (one cell). */
  runGap: number;
  /** A vertical gap between two lines at least this many line heights reads as a blank line. */
  blankGap: number;
  /** The size of a character (layout text: 1 column; PDF: the body text's height). */
  em: number;
  /** Largest gap between numbers that still reads as one column. */
  columnTolerance: number;
  /** True when positions on different pages are comparable (PDF points; not pdftotext's per-page columns). */
  sharedCoordinates: boolean;
  /** See valueColumns.ts PlaceHints.missingTotalCost, misprintCost and doubt. */
  missingTotalCost: number;
  misprintCost?: number;
  doubt: number;
  /** See valueColumns.ts PlaceHints.mergeGap. */
  mergeGap?: number;
  /** Which reading to take where a placement is guessed (valueColumns.ts Readings); the likeliest if absent. */
  readings?: Readings;
}

export interface Word {
  text: string;
  page: number;
  x: number;
  x2: number;
  y: number;
  y2: number;
  line?: number;
  item?: number;
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

const MARKER = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、](?!\d))/;
const MARKER_ONLY = new RegExp(`${MARKER.source}\\s*$`);
const UNIT = /^(?:万元|亿元|元|件|条|个|项|次|人次|%|万)$/;
const SIGN_WORD = /^(?:增加|减少|新增|增|减)$/;

export function hasMarker(s: string): boolean {
  return MARKER.test(normalizeChars(s));
}

// Tables repeat the same few numbers ("0") hundreds of times: remember the answer.
const looksNumeric = memoize((s: string): boolean => {
  const t = normalizeChars(s).trim();
  return /\d/.test(t) && parseNumber(t).ok && !MARKER_ONLY.test(t);
});

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
    ...(f.item !== undefined ? { item: f.item } : {}), value: false, marker: false };
}

function mergeWords(a: Word, b: Word): Word {
  return { ...a, text: joinWords([a, b]), x2: Math.max(a.x2, b.x2), y: Math.min(a.y, b.y), y2: Math.max(a.y2, b.y2) };
}

/**
 * True when two words of a line are close enough to be one run of text: within runGap, or within a third of
 * their own size (a space in a big title is wider than one in the table's small print).
 */
export function close(a: Word, b: Word, runGap: number, ems = 0.3): boolean {
  return b.x - a.x2 <= Math.max(runGap, ems * Math.min(a.y2 - a.y, b.y2 - b.y));
}

/**
 * Words of one line, classified. A number counts as a value only where it ends its run of text ("33 件" in
 * prose is no cell); a unit right after a number joins it (0 元); a bare item number joins the label it numbers.
 */
function classify(words: Word[], runGap: number): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const near = prev && close(prev, w, runGap);
    // 本年增/减 written out: "减少 14" is one value, -14 (the unit after a number likewise: "0 元").
    if (prev && near && SIGN_WORD.test(normalizeChars(prev.text).trim()) && looksNumeric(w.text)) {
      out[out.length - 1] = { ...mergeWords(prev, w), text: `${prev.text.trim()}${w.text.trim()}` };
      continue;
    }
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
    const prev = out[i - 1];
    // A number in a sentence has words a space away (2023 年); a cell's number stands far from any text.
    const textFollows = next && close(w, next, runGap, 0.6) && !looksNumeric(next.text) && !isBlankMark(next.text);
    const textBefore = prev && close(prev, w, runGap, 0.6) && !looksNumeric(prev.text) && !isBlankMark(prev.text);
    // A blank mark (无, —, /) alone in its cell is a value; inside a run of text it is a word (一 in 一、).
    const text = (o: Word | undefined) => !!o && !looksNumeric(o.text) && !isBlankMark(o.text);
    // (A mark ending its line a space after a label is a cell: 行政许可 －, pdftotext packing the two a space apart.)
    const before = text(prev) && (next ? close(prev!, w, runGap) : w.x - prev!.x2 < runGap);
    const touching = before || (text(next) && close(w, next!, runGap));
    w.value = (looksNumeric(w.text) && !textFollows) || (isBlankMark(w.text) && !touching && !(textBefore && textFollows));
    w.marker = !w.value && hasMarker(w.text);
  });
  return out;
}

/**
 * Fragments into lines: a fragment joins a line when its middle lies within the line so far (not merely
 * overlaps it), so a number set between the two lines of a wrapped label does not chain them into one line.
 */
export function buildLines(frags: readonly Fragment[], opts: Pick<StreamOptions, 'runGap'>): Line[] {
  const mid = (f: Fragment) => (f.y + f.y2) / 2;
  const sorted = frags.filter((f) => f.text.trim()).sort((a, b) => a.page - b.page || mid(a) - mid(b) || a.x - b.x);
  const lines: { page: number; y: number; y2: number; core: [number, number]; frags: Fragment[] }[] = [];
  for (const f of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.page === f.page && mid(f) >= last.core[0] && mid(f) <= last.core[1]) {
      last.frags.push(f);
      last.y = Math.min(last.y, f.y);
      last.y2 = Math.max(last.y2, f.y2);
      last.core = [last.y, last.y2];
    } else {
      lines.push({ page: f.page, y: f.y, y2: f.y2, core: [f.y, f.y2], frags: [f] });
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

/** The template's corner cell of section 二's small tables, over their row labels. */
export const CORNER_CELL = '信息内容';

/**
 * Runs: words closer than runGap. The template's corner cell 信息内容 ends its run wherever it stands: pdftotext
 * may set section 二's header a space apart (信息内容 本年处理决定数量, g233-029), and no label goes on after it.
 */
export function runsOf(l: Line, runGap: number): Word[][] {
  const runs: Word[][] = [];
  for (const w of l.words) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && close(prev, w, runGap) && !(prev.text === CORNER_CELL && w.x > prev.x2)) last.push(w);
    else runs.push([w]);
  }
  return runs;
}


export const overlap = (a: { x: number; x2: number }, b: { x: number; x2: number }) => Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
export const mid = (w: { x: number; x2: number }) => (w.x + w.x2) / 2;

export function sourceOf(w: Word): SourceRef {
  return { page: w.page, ...(w.line !== undefined ? { line: w.line } : {}), x: w.x, y: w.y, width: w.x2 - w.x };
}

/** Text of stacked words: words of one line side by side, lines joined (CJK without spaces). */
export function stackText(words: readonly Word[]): string {
  const byLine: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x)) {
    const last = byLine[byLine.length - 1];
    if (last && last[0]!.page === w.page && Math.abs(last[0]!.y - w.y) < 1e-6) last.push(w);
    else byLine.push([w]);
  }
  return joinLines(byLine.map((ws) => joinWords(ws)));
}
