import { Cell, Row, cell, row } from '../model';
import { IDEOGRAPH, joinLines, normalizeChars } from '../text/normalize';
import { Line, StreamOptions, Word, mid, overlap, sourceOf, stackText } from './words';
import { TotalGroup } from './valueColumns';

/**
 * The header of a borderless table (streamTable.ts): its lines stacked into cells by column, the cells over
 * the row labels set apart as the corner, parent cells (法人或其他组织) told from the columns under them.
 */

export interface Stack {
  words: Word[];
  x: number;
  x2: number;
}

export interface HeaderModel {
  /** Words over the row labels (（本列数据的勾稽关系为…）, 信息内容). */
  corner: Word[];
  /** Cells over several columns (申请人情况, 法人或其他组织, 行政诉讼). */
  parents: Stack[];
  /** One cell per column, left to right. */
  leaves: Stack[];
  /** The page the header ends on: its positions are comparable with that page's numbers. */
  page: number;
}

/**
 * The header of a table from its lines. `labelWords`: the row labels under it, whose column the corner stands
 * over; `splitVertical`: read runs of characters apart (pdftotext -layout, see splitVerticalRuns).
 */
/** What the template's small tables call their label column (section 二: 信息内容). */
const CORNER_LABEL = /^(?:信息内容|项目|内容|类别|事项)$/;

export function headerOf(headerLines: readonly Line[], labelWords: readonly Word[], opts: StreamOptions & { splitVertical?: boolean }): HeaderModel {
  const lines = headerLines.map((l) => ({ ...l, words: l.words.map((w) => ({ ...w })) }));
  if (!opts.sharedCoordinates) alignAcrossPages(lines);
  if (opts.splitVertical) splitVerticalRuns(lines);
  splitSpacedCells(lines);
  const stacks = headerStacks(lines, opts.em, !opts.sharedCoordinates);
  // The corner: header cells over the row labels.
  // Positions on another page may be on another scale (pdftotext): the labels on the header's own page decide.
  const headerPage = headerLines[headerLines.length - 1]?.page;
  const samePage = labelWords.filter((w) => w.page === headerPage);
  const labels = samePage.length ? samePage : labelWords;
  const labelSpan = { x: Math.min(...labels.map((w) => w.x)), x2: Math.max(...labels.map((w) => w.x2)) };
  // (or, leftmost, names the label column: pdftotext may set it clear of the labels it heads)
  const leftmost = [...stacks.leaves].sort((a, b) => a.x - b.x)[0];
  const isCorner = (s: Stack) => (labels.length > 0 && overlap(s, labelSpan) >= 0.5 * (s.x2 - s.x)) ||
    (s === leftmost && CORNER_LABEL.test(stackText(s.words).replace(/\s+/g, '')));
  const corner = [...stacks.leaves, ...stacks.parents].filter(isCorner);
  const parents = stacks.parents.filter((s) => !corner.includes(s));
  const leaves = stacks.leaves.filter((s) => !corner.includes(s)).sort((a, b) => mid(a) - mid(b));
  return { corner: corner.flatMap((s) => s.words), parents, leaves, page: headerPage ?? 0 };
}

/**
 * A header that a page break cuts in two lines (上一年项目 / 本年增 / 处理决定 at the foot of a page, 数量 / /减 /
 * 数量 at the top of the next): pdftotext lays each page out on its own, so the two parts stand at unrelated
 * columns. Where the earlier page holds one line of the header and it has the cells of the line after the break,
 * one for one (its corner cell, 信息内容, aside), each is moved over its partner. Changes `lines` in place.
 */
function alignAcrossPages(lines: Line[]): void {
  const page = lines[lines.length - 1]?.page;
  const at = lines.findIndex((l) => l.page === page);
  const ref = lines[at];
  const before = lines.slice(0, Math.max(0, at)).filter((l) => l.page !== page);
  if (!ref || ref.words.length < 2 || before.length !== 1) return;
  const l = before[0]!;
  const extra = l.words.length - ref.words.length;
  if (extra !== 0 && extra !== 1) return;
  ref.words.forEach((r, i) => {
    const w = l.words[extra + i]!;
    const dx = r.x - w.x;
    w.x += dx;
    w.x2 += dx;
  });
}

/**
 * Header cells, read from the bottom line up: the bottom line's words are the columns; a word above one column
 * continues it (社会 over 公益 over 组织); a word above two or more columns (one of them maybe only touching,
 * as pdftotext squeezes header lines) is a parent cell (法人或其他组织, 复议后起诉), as is a word above a parent.
 * `shifted`: positions come from pdftotext, which moves lines against each other (see the rules below).
 */
function headerStacks(lines: readonly Line[], em: number, shifted: boolean): { leaves: Stack[]; parents: Stack[] } {
  const leaves: Stack[] = [];
  const parents: Stack[] = [];
  const add = (s: Stack, w: Word) => {
    s.words.unshift(w);
    s.x = Math.min(s.x, w.x);
    s.x2 = Math.max(s.x2, w.x2);
  };
  const width = (v: { x: number; x2: number }) => v.x2 - v.x;
  for (let li = lines.length - 1; li >= 0; li--) {
    const placed: [Stack, Word][] = [];
    for (const w of lines[li]!.words) {
      const over = leaves.filter((s) => overlap(s, w) > 0);
      // Touching counts only for a neighbour in the same header row as the column it overlaps, and only for a
      // word wider than that column (复议后起诉 squeezed over 其他结果 and 结果纠正).
      const row = over[0]?.words[over[0].words.length - 1]?.y;
      const touch = leaves.filter((s) => overlap(s, w) >= 0 && s.words[s.words.length - 1]?.y === row);
      const parent = parents.find((s) => overlap(s, w) > 0);
      // pdftotext may shift one header line a column or two against the next: a word of the same width as the
      // column just beside it continues that column (商业 over 企业).
      const beside = over.length || !shifted || width(w) < 2 * em ? undefined : leaves
        .filter((s) => Math.abs(s.x - w.x) <= 2 * em && Math.abs(width(s.words[0]!) - width(w)) < em && width(s.words[0]!) >= 2 * em)
        .sort((a, b) => Math.abs(a.x - w.x) - Math.abs(b.x - w.x))[0];
      if (over.length >= 2 || (over.length === 1 && touch.length >= 2 && width(w) >= 1.5 * width(over[0]!))) {
        if (parent) placed.push([parent, w]);
        else parents.push({ words: [w], x: w.x, x2: w.x2 });
      } else if (over.length === 1) placed.push([over[0]!, w]);
      else if (parent) placed.push([parent, w]);
      else if (beside && !placed.some(([s]) => s === beside)) placed.push([beside, w]);
      else leaves.push({ words: [w], x: w.x, x2: w.x2 });
    }
    for (const [s, w] of placed) add(s, w);
  }
  // pdftotext moves a title over columns aside (复议后起诉 shifted past the columns it heads), so it stands over
  // nothing: a lone cell over nothing on a line of titles (every other cell on it a parent) is a title too.
  if (shifted) {
    for (const s of [...leaves]) {
      const w = s.words[0]!;
      const line = lines.find((l) => l.words.includes(w));
      // (Characters of a vertical header standing on the same line do not count: they are columns of their own.)
      const others = line?.words.filter((o) => o !== w && [...o.text].length > 1) ?? [];
      if (s.words.length === 1 && others.length && others.every((o) => parents.some((p) => p.words.includes(o)))) {
        leaves.splice(leaves.indexOf(s), 1);
        parents.push(s);
      }
    }
  }
  return { leaves, parents };
}

/**
 * A header written one character a line in columns one character wide, its last line joined by pdfjs into one
 * item with spaces (持 正 果 结 under 结/果/维, 结/果/纠, 其/他/结, 尚/未/审, the first line of a page after a page
 * break, g259-046): where each of its characters stands under (or over) a column of the header one character wide,
 * at the item's own step, the characters are cells of their own. (A letter-spaced label, 商 业 企, has no such
 * columns of single characters beside its characters.)
 */
function splitSpacedCells(lines: Line[]): void {
  const single = (t: string) => [...t].length === 1 && IDEOGRAPH.test(t);
  // (A column one character wide: a character alone, or one set down the column, read as one word: 结果维.)
  const alone = lines.flatMap((l) => l.words.filter((w) => !/\s/.test(w.text) && w.x2 - w.x <= 1.2 * (w.y2 - w.y)));
  for (const l of lines) {
    l.words = l.words.flatMap((w) => {
      const chars = w.text.split(' ');
      if (chars.length < 2 || !chars.every(single)) return [w];
      const em = w.y2 - w.y;
      const step = (w.x2 - w.x - em) / (chars.length - 1);
      const xs = chars.map((_, k) => w.x + k * step);
      if (step < em || !xs.every((x) => alone.some((o) => Math.abs(o.x - x) <= 0.2 * em))) return [w];
      return chars.map((text, k) => ({ ...w, text, x: xs[k]!, x2: xs[k]! + em }));
    });
  }
}

/**
 * pdftotext prints a header written one character per line (结 / 果 / 维 / 持 in four narrow columns) as
 * runs of characters: "结结其尚", "果果他未总", "维 纠 结 审 计". Where three or more header lines start a run of
 * three or more characters at the same column, those runs are read as columns of single characters: the k-th
 * character of every such line is column k, placed where the most spread-out line puts it.
 */
function splitVerticalRuns(lines: Line[]): void {
  const starts = new Map<number, Line[]>();
  for (const l of lines) {
    const w = l.words[0];
    if (w && [...w.text].length >= 3 && !/\s/.test(w.text)) (starts.get(w.x) ?? starts.set(w.x, []).get(w.x)!).push(l);
  }
  for (const [x0, group] of starts) {
    if (group.length < 3) continue;
    const n = Math.max(...group.map((l) => [...l.words[0]!.text].length));
    // Lines of the same header that print the characters apart: single-character words from x0 on.
    const spread = lines.filter((l) => !group.includes(l) && l.words[0]?.x === x0 && [...l.words[0].text].length === 1);
    const ordinalWords = (l: Line) => {
      const out: Word[] = [];
      for (const w of l.words) {
        if ([...w.text].length !== 1 || out.length >= n) break;
        out.push(w);
      }
      return out;
    };
    const widest = spread.map(ordinalWords).sort((a, b) => b.length - a.length)[0];
    const at = (k: number) => (widest && widest[k] ? widest[k]!.x : x0 + k);
    for (const l of group) {
      const w = l.words[0]!;
      const chars = [...w.text].map((ch, k) => ({ ...w, text: ch, x: at(k), x2: at(k) + (w.x2 - w.x) / [...w.text].length }));
      l.words.splice(0, 1, ...chars);
    }
    for (const l of spread) {
      ordinalWords(l).forEach((w, k) => {
        w.x2 = at(k) + (w.x2 - w.x);
        w.x = at(k);
      });
    }
  }
}

/** Groups of columns summed by a 总计 / 合计 column: the columns back to the previous total. */
export function totalsOf(leafTexts: readonly string[]): TotalGroup[] {
  const groups: TotalGroup[] = [];
  let from = 0;
  leafTexts.forEach((t, i) => {
    if (/总计|合计|小计/.test(normalizeChars(t).replace(/\s+/g, ''))) {
      if (i > from) groups.push({ members: Array.from({ length: i - from }, (_, k) => from + k), total: i });
      from = i + 1;
    }
  });
  return groups;
}

/**
 * The header as rows: the corner over the labels, parent cells spanning their columns, then one cell per column
 * (a header that shows fewer columns than the numbers puts its cells on the last ones).
 */
export function headerRows(header: HeaderModel, k: number): Row[] {
  if (!header.leaves.length && !header.corner.length && !header.parents.length) return [];
  const leafCol = new Map<Stack, number>();
  const offset = header.leaves.length === k ? 0 : Math.max(0, k - header.leaves.length);
  header.leaves.forEach((s, i) => leafCol.set(s, Math.min(k - 1, i + offset)));
  const corner = cell(stackText(header.corner), header.corner[0] ? { source: sourceOf(header.corner[0]) } : {});
  const leafCells: Cell[] = Array.from({ length: k }, () => cell(''));
  for (const [s, c] of leafCol) leafCells[c] = cell(joinLines([leafCells[c]!.text, stackText(s.words)]), { source: sourceOf(s.words[0]!) });
  if (!header.parents.length) return [row([...(header.corner.length ? [corner] : []), ...leafCells])];
  const spans: Cell[] = [];
  const parents = [...header.parents].sort((a, b) => a.x - b.x);
  for (let c = 0; c < k;) {
    const under = (p: Stack) => [...leafCol].filter(([l]) => mid(l) >= p.x && mid(l) <= p.x2).map(([, lc]) => lc);
    const p = parents.find((s) => under(s).includes(c));
    if (!p) {
      spans.push(cell(''));
      c++;
      continue;
    }
    const to = Math.max(c, ...under(p));
    spans.push(cell(stackText(p.words), { colSpan: to - c + 1, source: sourceOf(p.words[0]!) }));
    parents.splice(parents.indexOf(p), 1);
    c = to + 1;
  }
  return [row([cell(corner.text, { rowSpan: 2, ...(corner.source ? { source: corner.source } : {}) }), ...spans]), row(leafCells)];
}

/**
 * A header read into more cells than `k` loses first the cells that only name a group of columns (行政诉讼 over
 * its two groups, left a cell of its own where nothing stood under it), while `k` cells are left; `heading` tells
 * such a name.
 */
export function dropHeadings(leaves: readonly Stack[], k: number, heading: (leaf: Stack) => boolean): Stack[] {
  const out = [...leaves];
  for (let i = out.length - 1; i >= 0 && out.length > k; i--) {
    if (heading(out[i]!)) out.splice(i, 1);
  }
  return out;
}

/**
 * A header read into more cells than its table has columns (pdftotext shifted one header line against the
 * next: 商业 | 科研企业 | 机构) gets its nearest neighbouring cells merged until the count is right.
 */
export function mergeLeaves(leaves: readonly Stack[], k: number): Stack[] {
  const out = [...leaves];
  while (out.length > k && out.length > 1) {
    let best = 0;
    for (let i = 1; i + 1 < out.length; i++) {
      if (mid(out[i + 1]!) - mid(out[i]!) < mid(out[best + 1]!) - mid(out[best]!)) best = i;
    }
    const a = out[best]!;
    const b = out[best + 1]!;
    out.splice(best, 2, { words: [...a.words, ...b.words], x: Math.min(a.x, b.x), x2: Math.max(a.x2, b.x2) });
  }
  return out;
}
