import { Cell, Row, SourceRef, TableBlock, cell, row, table } from '../model';
import { joinLines, normalizeChars } from '../text/normalize';
import { parseNumber } from '../mapper/numbers';
import { Line, StreamOptions, Word, close, joinWords, runsOf } from './words';
import { TotalGroup, placeValues } from './valueColumns';

/**
 * One table region of positioned lines → a table block. The region may hold several small tables one under the
 * other (section 二: a title, a header row, item rows, again), so it is cut into segments, each with its own
 * header and columns:
 *   - header: the lines above the first row, stacked into header cells by column (社会 / 公益 / 组织); a header
 *     cell with two or more cells under it is a parent and spans them;
 *   - rows: a new row starts at a line with numbers (unless its row has none yet: the numbers of a label that
 *     wraps sit between its lines) or at a line whose label starts a new item (1. （二） 四、); a group label
 *     printed left of the items (三、本年度办理结果, （三）不予公开) joins the row it stands in;
 *   - label cells: the label words of a row stacked by column, wrapped lines joined;
 *   - value cells: every row gets one cell per value column, blank where nothing is printed, so the numbers
 *     keep their columns (valueColumns.ts places them).
 */

interface Segment {
  header: Line[];
  body: Line[];
}

interface Stack {
  words: Word[];
  x: number;
  x2: number;
  lastLine: number;
}

interface DraftRow {
  lines: Line[];
  labels: Word[];
  values: Word[];
}

const UNIT_WORD = /^(?:万元|元|件|条|个|项|次)$/;
const overlap = (a: { x: number; x2: number }, b: { x: number; x2: number }) => Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
const mid = (w: { x: number; x2: number }) => (w.x + w.x2) / 2;

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

function sourceOf(w: Word): SourceRef {
  return { page: w.page, ...(w.line !== undefined ? { line: w.line } : {}), x: w.x, y: w.y, width: w.x2 - w.x };
}

/** Text of stacked words: words of one line side by side, lines joined (CJK without spaces). */
function stackText(words: readonly Word[]): string {
  const byLine: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x)) {
    const last = byLine[byLine.length - 1];
    if (last && last[0]!.page === w.page && Math.abs(last[0]!.y - w.y) < 1e-6) last.push(w);
    else byLine.push([w]);
  }
  return joinLines(byLine.map((ws) => joinWords(ws)));
}

function isAdjacent(a: Line, b: Line, opts: StreamOptions): boolean {
  return a.page !== b.page || b.y - a.y2 < opts.blankGap * Math.min(a.y2 - a.y, b.y2 - b.y);
}

/** A line of header cells: no numbers, no item numbering, several cells reaching into the value area. */
function headerLike(l: Line, valueStart: number, opts: StreamOptions): boolean {
  if (l.words.some((w) => w.value || w.marker)) return false;
  const runs = runsOf(l, opts.runGap);
  const last = runs[runs.length - 1]!;
  return runs.length > 1 && last[last.length - 1]!.x2 > valueStart;
}

function segmentsOf(lines: readonly Line[], opts: StreamOptions): Segment[] {
  const valueStart = Math.min(...lines.flatMap((l) => l.words.filter((w) => w.value).map((w) => w.x)));
  const firstWord = (l: Line) => normalizeChars(l.words[0]?.text ?? '');
  // Label lines after the header's last line of cells are rows without numbers (规章 with nothing printed).
  // Label lines: left of the numbers, or under the header's corner cell (its last line of cells starts in the
  // header's leftmost column; the label stays within that first cell).
  const releaseRows = (s: Segment) => {
    let lastCells = -1;
    s.header.forEach((l, i) => headerLike(l, valueStart, opts) && (lastCells = i));
    const runs = s.header[lastCells] ? runsOf(s.header[lastCells]!, opts.runGap) : [];
    const corner = runs[0];
    const left = Math.min(...s.header.slice(0, lastCells + 1).map((l) => l.words[0]!.x));
    const underCorner = (w: Word) => !!corner && corner[0]!.x <= left + opts.columnTolerance + opts.runGap &&
      overlap(w, { x: corner[0]!.x, x2: corner[corner.length - 1]!.x2 }) > 0 && w.x2 <= (runs[1]?.[0]?.x ?? Infinity);
    const from = s.header.findIndex((l, i) => i > lastCells && l.words.every((w) => mid(w) < valueStart || underCorner(w)));
    if (from >= 0) s.body.push(...s.header.splice(from));
  };
  const segments: Segment[] = [];
  let seg: Segment = { header: [], body: [] };
  for (const l of lines) {
    if (headerLike(l, valueStart, opts)) {
      // A new small table: after rows, or a header line repeating this one's first (信息内容 | … again).
      const first = seg.header.find((h) => headerLike(h, valueStart, opts));
      if (seg.body.length || (first && firstWord(first) === firstWord(l))) {
        if (!seg.body.length) releaseRows(seg);
        segments.push(seg);
        seg = { header: [], body: [] };
      }
      seg.header.push(l);
      continue;
    }
    const startsRow = l.words.some((w) => w.value || w.marker);
    if (!seg.body.length && !startsRow) {
      seg.header.push(l);
      continue;
    }
    if (!seg.body.length) releaseRows(seg);
    seg.body.push(l);
  }
  if (!seg.body.length) releaseRows(seg);
  segments.push(seg);
  return segments.filter((s) => s.header.length || s.body.length);
}

/**
 * Header cells, read from the bottom line up: the bottom line's words are the columns; a word above one column
 * continues it (社会 over 公益 over 组织); a word above two or more columns (one of them maybe only touching,
 * as pdftotext squeezes header lines) is a parent cell (法人或其他组织, 复议后起诉), as is a word above a parent.
 */
function headerStacks(lines: readonly Line[], em: number, shifted: boolean): { leaves: Stack[]; parents: Stack[] } {
  const leaves: Stack[] = [];
  const parents: Stack[] = [];
  const add = (s: Stack, w: Word, li: number) => {
    s.words.unshift(w);
    s.x = Math.min(s.x, w.x);
    s.x2 = Math.max(s.x2, w.x2);
    s.lastLine = li;
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
        else parents.push({ words: [w], x: w.x, x2: w.x2, lastLine: li });
      } else if (over.length === 1) placed.push([over[0]!, w]);
      else if (parent) placed.push([parent, w]);
      else if (beside && !placed.some(([s]) => s === beside)) placed.push([beside, w]);
      else leaves.push({ words: [w], x: w.x, x2: w.x2, lastLine: li });
    }
    for (const [s, w] of placed) add(s, w, li);
  }
  // pdftotext moves a title over columns aside (复议后起诉 shifted past the columns it heads), so it stands over
  // nothing: a lone cell over nothing on a line of titles (every other cell on it a parent) is a title too.
  if (shifted) {
    for (const s of [...leaves]) {
      const w = s.words[0]!;
      const line = lines.find((l) => l.words.includes(w));
      const others = line?.words.filter((o) => o !== w) ?? [];
      if (s.words.length === 1 && others.length && others.every((o) => parents.some((p) => p.words.includes(o)))) {
        leaves.splice(leaves.indexOf(s), 1);
        parents.push(s);
      }
    }
  }
  return { leaves, parents };
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

interface HeaderModel {
  corner: Word[];
  parents: Stack[];
  leaves: Stack[];
  page: number;
}

function headerOf(seg: Segment, labelWords: readonly Word[], opts: StreamOptions & { splitVertical?: boolean }): HeaderModel {
  const lines = seg.header.map((l) => ({ ...l, words: l.words.map((w) => ({ ...w })) }));
  if (opts.splitVertical) splitVerticalRuns(lines);
  const stacks = headerStacks(lines, opts.em, !opts.sharedCoordinates);
  // The corner: header cells over the row labels.
  // Positions on another page may be on another scale (pdftotext): the labels on the header's own page decide.
  const headerPage = seg.header[seg.header.length - 1]?.page;
  const samePage = labelWords.filter((w) => w.page === headerPage);
  const labels = samePage.length ? samePage : labelWords;
  const labelSpan = { x: Math.min(...labels.map((w) => w.x)), x2: Math.max(...labels.map((w) => w.x2)) };
  const isCorner = (s: Stack) => labels.length > 0 && overlap(s, labelSpan) >= 0.5 * (s.x2 - s.x);
  const corner = [...stacks.leaves, ...stacks.parents].filter(isCorner);
  const parents = stacks.parents.filter((s) => !corner.includes(s));
  const leaves = stacks.leaves.filter((s) => !corner.includes(s)).sort((a, b) => mid(a) - mid(b));
  const lastHeader = seg.header[seg.header.length - 1];
  return { corner: corner.flatMap((s) => s.words), parents, leaves, page: lastHeader?.page ?? 0 };
}

/** Groups of columns summed by a 总计 / 合计 column: the columns back to the previous total. */
function totalsOf(leafTexts: readonly string[]): TotalGroup[] {
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
 * A number too wide for its cell wraps: "10" over "4" is 104, "3" over "件" is 3件. The lower part stands right
 * under the upper one, closer than lines of different rows, on a line of nothing but such continuations.
 */
function joinWrappedNumbers(lines: readonly Line[], opts: StreamOptions): Line[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  const digits = (w: Word) => w.value && /^\d+$/.test(w.text);
  const tail = (w: Word) => digits(w) || UNIT_WORD.test(w.text);
  for (const lower of out) {
    if (!lower.words.length || !lower.words.every(tail)) continue;
    const h = lower.y2 - lower.y;
    const above = (w: Word) => {
      for (const upper of out) {
        if (upper === lower || upper.page !== lower.page || upper.y >= lower.y) continue;
        const u = upper.words.find((o) => o.value && /\d$/.test(o.text) && overlap(o, w) > 0 && (!digits(w) || (digits(o) && o.x2 - o.x >= w.x2 - w.x)));
        if (u && w.y - u.y2 >= -0.2 * h && w.y - u.y2 < opts.blankGap * 0.5 * h) return { upper, u };
      }
      return undefined;
    };
    const pairs = lower.words.map(above);
    if (pairs.some((p) => !p)) continue;
    pairs.forEach((p, k) => {
      const w = lower.words[k]!;
      const { upper, u } = p!;
      upper.words.splice(upper.words.indexOf(u), 1, { ...u, text: u.text + w.text, x: Math.min(u.x, w.x), x2: Math.max(u.x2, w.x2), y2: w.y2 });
    });
    lower.words = [];
  }
  return out.filter((l) => l.words.length);
}

/**
 * `titled`: the last line is the title of the small table that follows (第二十条第（六）项): its own row.
 * `valueEdge`: where the value columns begin on a page (the labels' cells end there).
 */
function buildRows(body: readonly Line[], opts: StreamOptions, titled: boolean, valueEdge: (page: number) => number): DraftRow[] {
  // Where the item labels stand, per page: the left edge of the numbered label nearest the numbers.
  const itemXs = new Map<number, number[]>();
  for (const l of body) {
    if (!l.words.some((w) => w.value)) continue;
    const labels = l.words.filter((w) => !w.value && w.marker);
    const last = labels[labels.length - 1];
    if (last) (itemXs.get(l.page) ?? itemXs.set(l.page, []).get(l.page)!).push(last.x);
  }
  // The upper quartile: a label that spans group and item columns ((七)总计, 四、结转…) starts further left.
  const upper = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil((xs.length - 1) * 0.75)] : undefined);
  const allItemX = upper([...itemXs.values()].flat());
  const itemX = (page: number) => upper(itemXs.get(page) ?? []) ?? allItemX ?? -Infinity;
  // A label line is full when it runs up to where the numbers begin: its cell wraps onto the next line.
  const full = (w: Word) => w.x2 >= valueEdge(w.page) - opts.em - opts.columnTolerance;

  const rows: DraftRow[] = [];
  let pending: Word[] = [];
  let cur: (DraftRow & { before: number; after: number }) | undefined;
  // Numbers on a line of their own after a row that has numbers: a cell set lower or higher than its
  // neighbours. They go to the nearer of that row and the next, where their columns are free.
  let floating: Line[] = [];
  const clash = (r: DraftRow, l: Line) => l.words.some((w) => w.value && r.values.some((v) => overlap(v, w) > 0));
  const gapTo = (r: DraftRow, l: Line) => Math.min(...r.lines.map((o) => Math.abs((o.y + o.y2) / 2 - (l.y + l.y2) / 2) + (o.page === l.page ? 0 : 1e6)));
  const attach = (r: DraftRow, l: Line) => {
    r.lines.push(l);
    r.values.push(...l.words.filter((w) => w.value));
    r.labels.push(...l.words.filter((w) => !w.value));
  };
  const settle = (next: DraftRow | undefined) => {
    let prev = next ? rows[rows.length - 2] : rows[rows.length - 1];
    for (const l of floating) {
      const toPrev = prev && !clash(prev, l);
      const toNext = next && !clash(next, l);
      // At the top of a page, before the next row's label: the rest of a row cut by the page break.
      const carried = toPrev && !prev!.lines.some((o) => o.page === l.page);
      if (toPrev && (!toNext || carried || gapTo(prev!, l) <= gapTo(next!, l))) attach(prev!, l);
      else if (toNext) attach(next!, l);
      else {
        // A row of numbers without a label of its own (section 四): the next such line may belong to it.
        prev = { lines: [l], labels: l.words.filter((w) => !w.value), values: l.words.filter((w) => w.value) };
        rows.splice(next ? rows.length - 1 : rows.length, 0, prev);
      }
    }
    floating = [];
  };
  const start = (l: Line, labels: Word[], values: Word[]) => {
    cur = { lines: [l], labels: [...pending, ...labels], values, before: values.length ? 0 : 1, after: 0 };
    pending = [];
    rows.push(cur);
    if (floating.length) settle(cur);
  };
  for (const l of body) {
    const values = l.words.filter((w) => w.value);
    const labels = l.words.filter((w) => !w.value);
    const ix = itemX(l.page);
    // A numbered label starts a row where it reaches the item column, or where it stands level with or right
    // of the row's own numbered label ((七)总计 under (六)其他处理).
    const rowItem = cur?.labels.filter((o) => o.marker).sort((a, b) => b.x - a.x)[0];
    const item = labels.some((w) => w.marker && (w.x2 > ix || (!!rowItem && rowItem.x <= w.x + opts.columnTolerance + opts.runGap)));
    const prevLine = cur?.lines[cur.lines.length - 1];
    const adjacent = !!prevLine && isAdjacent(prevLine, l, opts);
    // Label words on this line that carry on a label of the row (a wrapped cell), group labels aside.
    // An unnumbered line under a numbered item carries it on; under an unnumbered label only when that is full.
    const carriesOn = (row: NonNullable<typeof cur>, wrapping: boolean) => labels.every((w) => w.x2 <= ix ||
      row.labels.some((o) => overlap(o, w) > 0 && (wrapping || o.marker || full(o))));
    if (cur && values.length) {
      // The numbers of a label that wraps sit between its lines: they join the row above if it has none yet.
      if (!item && !cur.values.length && adjacent && carriesOn(cur, false)) {
        cur.lines.push(l);
        cur.labels.push(...labels);
        cur.values.push(...values);
      } else if (!item && labels.every((w) => w.x2 <= ix) && !clash(cur, l)) floating.push(l);
      else if (!item && labels.length && cur.values.length && adjacent && !clash(cur, l) && carriesOn(cur, cur.after < cur.before)) {
        // The last line of a wrapped label with a number set lower than the others ("行制作 … 2").
        attach(cur, l);
        cur.after++;
      } else start(l, labels, values);
    } else if (!cur && !labels.length) {
      floating.push(l);
    } else if (!cur) {
      start(l, labels, values);
    } else if (item) start(l, labels, values);
    else if (labels.every((w) => w.x2 <= ix) && labels.some((w) => w.marker)) {
      // A group label (（四）无法提供) printed between rows: it belongs with the row that follows.
      pending.push(...labels);
    } else if (adjacent && !(titled && l === body[body.length - 1]) && carriesOn(cur, cur.values.length > 0 && cur.after < cur.before)) {
      cur.lines.push(l);
      cur.labels.push(...labels);
      if (cur.values.length) cur.after++;
      else cur.before++;
    } else start(l, labels, values);
  }
  settle(undefined);
  if (pending.length) rows.push({ lines: [], labels: pending, values: [] });
  return rows;
}

/** Label cells of a row: its label words stacked by column, left to right. */
function labelCells(r: DraftRow, opts: StreamOptions): Cell[] {
  const words = [...r.labels].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const stacks: { words: Word[]; x: number; x2: number }[] = [];
  let prevWord: Word | undefined;
  let prevStack: (typeof stacks)[number] | undefined;
  for (const w of words) {
    const sameLine = prevWord && prevWord.page === w.page && Math.abs(prevWord.y - w.y) < 1e-6;
    const above = stacks.filter((s) => !s.words.some((o) => o.page === w.page && Math.abs(o.y - w.y) < 1e-6));
    const over = above.map((s) => ({ s, o: overlap(s, w) })).filter((c) => c.o > 0).sort((a, b) => b.o - a.o)[0];
    let target = over?.s;
    const sameItem = w.item !== undefined && w.item === prevWord?.item;
    if (!target && sameLine && prevStack && (close(prevWord!, w, opts.runGap) || sameItem) && !w.marker) target = prevStack;
    if (target) {
      target.words.push(w);
      target.x = Math.min(target.x, w.x);
      target.x2 = Math.max(target.x2, w.x2);
    } else {
      target = { words: [w], x: w.x, x2: w.x2 };
      stacks.push(target);
    }
    prevWord = w;
    prevStack = target;
  }
  return stacks.sort((a, b) => a.x - b.x).map((s) => cell(stackText(s.words), { source: sourceOf(s.words[0]!) }));
}

export interface TableOptions extends StreamOptions {
  /** Read runs of characters in vertical headers apart (pdftotext -layout). */
  splitVertical?: boolean;
}

export interface StreamTable {
  block: TableBlock;
  /** Pages where numbers fitted the columns in more than one way (see valueColumns.ts). */
  guessedPages: number[];
}

/** The region's table, or undefined when it holds no numbers: then it is only lines. */
export function tableFromLines(lines: readonly Line[], opts: TableOptions): StreamTable | undefined {
  if (!lines.some((l) => l.words.some((w) => w.value))) return undefined;
  const rowsOut: Row[] = [];
  let inheritedK = 0;
  const guessedPages = new Set<number>();
  const segments = segmentsOf(joinWrappedNumbers(lines, opts), opts);
  let lastLabels: Word[] = [];
  for (const [si, seg] of segments.entries()) {
    // The value columns begin at the leftmost number of the page, or the header's first cell of values.
    const segValues = seg.body.flatMap((l) => l.words.filter((w) => w.value));
    const headerCells = seg.header.filter((l) => runsOf(l, opts.runGap).length > 1).map((l) => runsOf(l, opts.runGap)[1]![0]!.x);
    const valueEdge = (page: number) => {
      const here = segValues.filter((w) => w.page === page).map((w) => w.x);
      return here.length ? Math.min(...here) : headerCells.length ? Math.min(...headerCells) : Math.min(Infinity, ...segValues.map((w) => w.x));
    };
    const drafts = buildRows(seg.body, opts, si < segments.length - 1, valueEdge);
    const values = drafts.flatMap((d, ri) => d.values.map((w) => ({ w, ri })));
    const dataLabels = drafts.filter((d) => d.values.length).flatMap((d) => d.labels);
    // Without rows of numbers the labels of the small table above stand in (a centred title would mislead).
    const labelWords = dataLabels.length ? dataLabels : lastLabels.length ? lastLabels : drafts.flatMap((d) => d.labels);
    if (dataLabels.length) lastLabels = dataLabels;
    const header = headerOf(seg, labelWords, opts);
    const leafTexts = header.leaves.map((s) => stackText(s.words));
    const totals = totalsOf(leafTexts);

    // Columns: as many as the header has leaves, or the numbers show, or the segment above had.
    const pages = [...new Set(values.map((v) => v.w.page))];
    const place = (k: number) => {
      const cols = new Map<Word, number>();
      let width = k;
      for (const p of pages) {
        const vs = values.filter((v) => v.w.page === p);
        const anchors = header.leaves.length === k && (header.page === p || opts.sharedCoordinates) ? header.leaves.map(mid) : undefined;
        const res = placeValues(vs.map((v) => ({ row: v.ri, x: v.w.x, x2: v.w.x2, value: parseNumber(v.w.text).value })), k,
          { ...(anchors ? { anchors } : {}), totals, tolerance: opts.columnTolerance, missingTotalCost: opts.missingTotalCost });
        vs.forEach((v, i) => cols.set(v.w, res.cols[i]!));
        width = Math.max(width, res.k);
        if (res.guessed) guessedPages.add(p);
      }
      return { cols, width };
    };
    let k = header.leaves.length || inheritedK || 1;
    let placed = place(k);
    if (placed.width !== k) {
      k = placed.width;
      guessedPages.clear();
      placed = place(k);
    }
    inheritedK = k;

    // Header rows: corner, parents spanning their leaves, leaves; leaves placed on the columns by position.
    if (header.leaves.length || header.corner.length || header.parents.length) {
      const leafCol = new Map<Stack, number>();
      const offset = Math.max(0, k - header.leaves.length);
      header.leaves.forEach((s, i) => leafCol.set(s, Math.min(k - 1, i + (header.leaves.length === k ? 0 : offset))));
      const cornerCell = cell(stackText(header.corner), header.corner[0] ? { source: sourceOf(header.corner[0]) } : {});
      const leafCells: Cell[] = Array.from({ length: k }, () => cell(''));
      for (const [s, c] of leafCol) {
        const prev = leafCells[c]!;
        leafCells[c] = cell(joinLines([prev.text, stackText(s.words)]), { source: sourceOf(s.words[0]!) });
      }
      if (header.parents.length) {
        const spans: Cell[] = [];
        let c = 0;
        const parents = [...header.parents].sort((a, b) => a.x - b.x);
        while (c < k) {
          const p = parents.find((s) => [...leafCol].some(([l, lc]) => lc === c && mid(l) >= s.x && mid(l) <= s.x2));
          if (p) {
            const cover = [...leafCol].filter(([l]) => mid(l) >= p.x && mid(l) <= p.x2).map(([, lc]) => lc);
            const to = Math.max(c, ...cover);
            spans.push(cell(stackText(p.words), { colSpan: to - c + 1, source: sourceOf(p.words[0]!) }));
            parents.splice(parents.indexOf(p), 1);
            c = to + 1;
          } else {
            spans.push(cell(''));
            c++;
          }
        }
        rowsOut.push(row([cell(cornerCell.text, { rowSpan: 2, ...(cornerCell.source ? { source: cornerCell.source } : {}) }), ...spans]));
        rowsOut.push(row(leafCells));
      } else {
        rowsOut.push(row([...(header.corner.length ? [cornerCell] : []), ...leafCells]));
      }
    }

    for (const d of drafts) {
      const valueCells: Cell[] = Array.from({ length: k }, () => cell(''));
      for (const w of d.values) {
        const c = placed.cols.get(w);
        if (c === undefined) continue;
        const prev = valueCells[c]!;
        valueCells[c] = cell(prev.text ? `${prev.text} ${w.text}` : w.text, { source: sourceOf(w) });
      }
      rowsOut.push(row([...labelCells(d, opts), ...valueCells]));
    }
  }
  if (!rowsOut.length) return undefined;
  const first = lines[0]!.words[0]!;
  return { block: table(rowsOut, sourceOf(first)), guessedPages: [...guessedPages].sort((a, b) => a - b) };
}
