import { Cell, Row, TableBlock, cell, row, table } from '../model';
import { normalizeChars } from '../text/normalize';
import { parseNumber } from '../mapper/numbers';
import { Line, StreamOptions, Word, close, lineText, mid, overlap, runsOf, sourceOf, stackText } from './words';
import { FALLBACK_COST, Placement, clusterCount, placeValues } from './valueColumns';
import { unpackDigits } from './packedCells';
import { printedSpan } from './printedWidth';
import { HeaderModel, Stack, dropHeadings, headerOf, headerRows, mergeLeaves, totalsOf } from './streamHeader';
import type { TemplateColumns } from '../templates';

/**
 * One table region of positioned lines → a table block. The region may hold several small tables one under the
 * other (section 二: a title, a header row, item rows, again), so it is cut into segments, each with its own
 * header and columns:
 *   - header: the lines above the first row, stacked into header cells by column (社会 / 公益 / 组织); a header
 *     cell with two or more cells under it is a parent and spans them (streamHeader.ts);
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

interface DraftRow {
  lines: Line[];
  labels: Word[];
  values: Word[];
}

const UNIT_WORD = /^(?:万元|元|件|条|个|项|次)$/;
/** A change written out over its number in a narrow cell; never 增 or 减 alone, which end the header 本年增/减. */
const WRAPPED_SIGN = /^(?:增加|减少|新增)$/;
const wrappedSign = (w: Word) => !w.value && WRAPPED_SIGN.test(normalizeChars(w.text).trim());

function isAdjacent(a: Pick<Line, 'page' | 'y' | 'y2'>, b: Pick<Line, 'page' | 'y' | 'y2'>, opts: StreamOptions): boolean {
  return a.page !== b.page || b.y - a.y2 < opts.blankGap * Math.min(a.y2 - a.y, b.y2 - b.y);
}

/** A line of header cells: no numbers, no item numbering, several cells reaching into the value area. */
function headerLike(l: Line, valueStart: number, opts: StreamOptions): boolean {
  if (l.words.some((w) => w.value || w.marker)) return false;
  const runs = runsOf(l, opts.runGap);
  const last = runs[runs.length - 1]!;
  return runs.length > 1 && last[last.length - 1]!.x2 > valueStart;
}

/**
 * A line of three or more words, each set straight under a word of the header above (within a character): the
 * last lines of header cells written down their columns (持 正 果 结 of 行政复议's 结/果/维/持; 维持 纠正 of
 * 结果 / 维持), not a row's label. Where a table's only number stands far right, every header word is left of
 * the numbers, and such lines were read as rows (g161-044: section 四 with one 0).
 */
function continuesHeader(l: Line, above: readonly Line[]): boolean {
  return l.words.length >= 3 && l.words.every((w) => underHeaderWord(w, above));
}

/** Set straight under a word of the lines above, within a character. */
function underHeaderWord(w: Word, above: readonly Line[]): boolean {
  const charWidth = (w.x2 - w.x) / Math.max(1, [...normalizeChars(w.text).trim()].length);
  return above.some((a) => a.words.some((o) => Math.abs(o.x - w.x) <= charWidth));
}

/**
 * The words of a table's first row that are the header's, printed over the row's numbers: a header cell taller
 * than its row's height, cut by a page break, runs its last line over the next row (LibreOffice: 持 正 果 结 over
 * 10 2 2 4, g167-012; 组织 of 社会/公益/组织 over 5, g167-008). A word without a number, straight under a header
 * word and over a number of the line, is the header's; read as a label it made the row unknown, or section 四
 * a table without a row of numbers.
 */
function overprintedHeader(l: Line, header: readonly Line[], next: Line | undefined): Word[] {
  // pdftotext sets the numbers such a word stands over on the next line, where nothing else is (g167-008.layout).
  const pushed = next && next.page === l.page && next.words.every((w) => w.value) ? next.words : [];
  const numbers = l.words.filter((w) => w.value).concat(pushed);
  const headerWord = (w: Word) => !w.value && !w.marker && underHeaderWord(w, header);
  const over = l.words.filter((w) => headerWord(w) && numbers.some((n) => overlap(n, w) > 0));
  // (With it, the rest of that header line: characters ending stacks down their columns where those print no
  // number, 持 over 1 beside 正 果 结 of 结/果/纠 …, g273-056. A row's label is longer than two characters.)
  const stackEnd = (w: Word) => headerWord(w) && [...normalizeChars(w.text).trim()].length <= 2;
  return over.length ? l.words.filter((w) => over.includes(w) || stackEnd(w)) : over;
}

function segmentsOf(lines: readonly Line[], opts: StreamOptions): Segment[] {
  const valueStart = Math.min(...lines.flatMap((l) => l.words.filter((w) => w.value).map((w) => w.x)));
  const firstWord = (l: Line) => normalizeChars(l.words[0]?.text ?? '');
  // Label lines after the header's last line of cells are rows without numbers (规章 with nothing printed):
  // lines left of the numbers, or under the header's corner cell (where the last line of cells starts in the
  // header's leftmost column; the label stays within that first cell).
  // Lines read as header cells: headerLike, or repeating the first header's first cell (see below).
  const cellLines = new Set<Line>();
  const releaseRows = (s: Segment) => {
    let lastCells = -1;
    s.header.forEach((l, i) => cellLines.has(l) && (lastCells = i));
    const runs = s.header[lastCells] ? runsOf(s.header[lastCells]!, opts.runGap) : [];
    const corner = runs[0];
    const left = Math.min(...s.header.slice(0, lastCells + 1).map((l) => l.words[0]!.x));
    // (A first run of several cells reaching over the numbers is no corner: header cells a space apart, 自然人 商业
    // 科研 … 法律服, the corner's note on lines above; the lines of those cells under it are no rows, g161-038.)
    const isCorner = !!corner && corner[0]!.x <= left + opts.columnTolerance + opts.runGap &&
      !(corner.length >= 3 && mid(corner[corner.length - 1]!) > valueStart);
    const underCorner = (w: Word) => isCorner &&
      overlap(w, { x: corner[0]!.x, x2: corner[corner.length - 1]!.x2 }) > 0 && w.x2 <= (runs[1]?.[0]?.x ?? Infinity);
    const from = s.header.findIndex((l, i) => i > lastCells && l.words.every((w) => mid(w) < valueStart || underCorner(w)) &&
      !continuesHeader(l, s.header.slice(0, i)));
    if (from >= 0) s.body.push(...s.header.splice(from));
  };
  const segments: Segment[] = [];
  let seg: Segment = { header: [], body: [] };
  let firstHeader: Line | undefined;
  for (const [i, line] of lines.entries()) {
    let l = line;
    // A line that starts as the last table's header did (信息内容 …) is a header again, even where pdftotext
    // set its cells too close to read apart (信息内容 本年处理决定数量).
    const repeats = !!firstHeader && firstWord(firstHeader) === firstWord(l) && !l.words.some((w) => w.value || w.marker);
    if (headerLike(l, valueStart, opts) || repeats) {
      firstHeader ??= l;
      cellLines.add(l);
      // A new small table: after rows, or a header line repeating this one's first (信息内容 | … again).
      const first = seg.header.find((h) => cellLines.has(h));
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
    if (!seg.body.length) {
      const over = overprintedHeader(l, seg.header, lines[i + 1]);
      if (over.length) {
        seg.header.push({ ...l, words: over });
        l = { ...l, words: l.words.filter((w) => !over.includes(w)) };
      }
      releaseRows(seg);
    }
    seg.body.push(l);
  }
  if (!seg.body.length) releaseRows(seg);
  segments.push(seg);
  return segments.filter((s) => s.header.length || s.body.length);
}

/** How an item is numbered: 一、 / （一） / (1) / 1. — the levels of the template's labels. */
function markerKind(text: string): string {
  const t = normalizeChars(text).trim();
  if (/^[(（]\s*[一二三四五六七八九十]/.test(t)) return 'paren-cjk';
  if (/^[(（]/.test(t)) return 'paren-digit';
  if (/^[一二三四五六七八九十]/.test(t)) return 'cjk';
  return 'digit';
}

/** The kind of the next numbered label after line `li`, on any later line of the body. */
function nextMarkerKind(body: readonly Line[], li: number): string | undefined {
  for (const l of body.slice(li + 1)) {
    const m = l.words.find((w) => w.marker && !w.value);
    if (m) return markerKind(m.text);
  }
  return undefined;
}

function digitCount(l: Line): number {
  return l.words.filter((w) => w.value).length;
}

/** The group label of section 三's result rows, as printed down its merged cell a few characters a line. */
const RESULTS_GROUP = '三、本年度办理结果';

/** True for a part of 三、本年度办理结果 (三、本年, 度办理结, 果): text of the group label, not of a row. */
function isGroupLabelPart(text: string): boolean {
  const t = normalizeChars(text).replace(/\s+/g, '');
  return t.length > 0 && RESULTS_GROUP.includes(t);
}

/**
 * True where `lower`'s words, values all (a unit alone ends the number above it), stand exactly in the columns `row`
 * leaves empty among those `full` has values in, and `row`, a row's line with a label, has a value in every other
 * one: `lower` completes `row`.
 */
function fillsGaps(lower: Line, row: Line, full: Line, under: (a: Word, b: Word) => number): boolean {
  const top = full.words.filter((o) => o.value);
  const own = row.words.filter((o) => o.value);
  if (top.length < 3 || !own.length || own.length === row.words.length || !lower.words.every((w) => w.value) ||
    own.length + lower.words.length !== top.length) return false;
  if (lower.words.some((w) => own.some((o) => under(o, w) > 0))) return false;
  const both = [...own, ...lower.words];
  return top.every((t) => both.filter((o) => under(o, t) > 0).length === 1) && both.every((o) => top.some((t) => under(o, t) > 0));
}

/**
 * A number too wide for its cell wraps: "10" over "4" is 104, "3" over "件" is 3件. The lower part stands right
 * under the upper one, closer than lines of different rows, on a line of nothing but such continuations; a unit
 * alone under its number joins it even on a line that carries on a wrapped label too (无法提 关政府信息 件).
 */
function joinWrappedNumbers(lines: readonly Line[], opts: TableOptions): Line[] {
  const out = lines.map((l) => ({ ...l, words: [...l.words] }));
  const digits = (w: Word) => w.value && /^\d+$/.test(normalizeChars(w.text));
  // (Or the last digits with the cell's unit: 52 over the row's line, 6件 under it, is 526件: g173-024.)
  const withUnit = (w: Word) => w.value && /^\d/.test(normalizeChars(w.text)) && UNIT_WORD.test(normalizeChars(w.text).replace(/^\d+\s*/, ''));
  const tail = (w: Word) => digits(w) || UNIT_WORD.test(w.text) || withUnit(w);
  const unit = (w: Word) => !w.value && UNIT_WORD.test(w.text);
  // A line's label words, group labels aside; and whether its label is all a group label's (三、本年, 度办理结).
  const labelWords = (l: Line) => l.words.filter((o) => !o.value && !unit(o) && !isGroupLabelPart(o.text));
  const groupLine = (l: Line) => isGroupLabelPart(l.words.filter((o) => !o.value && !unit(o)).map((o) => o.text).join(''));
  // The one number of each of two lines of a row's wrapped label, the lower carrying the label on without item
  // numbering ((二)部分公开（区分处理的，只计这 … 16 / the row's numbers / 一情形，不计其他情形） … 3 is 163, g197-006).
  const labelEnds = (upper: Line, lower: Line, w: Word) => {
    const label = labelWords(lower);
    return digits(w) && digitCount(upper) === 1 && digitCount(lower) === 1 && label.length > 0 && !label[0]!.marker;
  };
  // The first digits of a number grouped by thousands, cut inside a group (２,５６ over ９ is 2,569: g187-000).
  // A change written out with its first digits, the rest wrapped under it (减少１ over １ is 减少１１: g213-059).
  // (PDF only: layout text sets the next row's number on the very next line, 减少 1 over 1 of two rows.)
  const signedHead = (w: Word) => opts.sharedCoordinates && w.value && /^(?:增加|减少|新增)\d+$/.test(normalizeChars(w.text).replace(/\s+/g, ''));
  // (No number by itself: 2,56 is not one.)
  const openGroup = (w: Word) => /^\d{1,3}(?:,\d{3})*,\d{1,2}$/.test(normalizeChars(w.text));
  // Layout text: numbers cover the columns they are printed across (printedWidth.ts).
  const under = (o: Word, w: Word) => overlap(printedSpan(o, opts.sharedCoordinates), printedSpan(w, opts.sharedCoordinates));
  // The lines with numbers between two lines of a page: a row's own line, where cells wrap round it.
  const rowsBetween = (upper: Line, lower: Line) => out.filter((l) => l !== upper && l !== lower && l.page === lower.page &&
    l.y > upper.y && l.y < lower.y && l.words.some((o) => o.value));
  for (const lower of out) {
    const allTails = lower.words.length > 0 && lower.words.every(tail);
    if (!allTails && !lower.words.some((w) => unit(w) || digits(w) || withUnit(w))) continue;
    const h = lower.y2 - lower.y;
    const above = (w: Word) => {
      // A cell the page break cut: its last digits open the next page, right under its first digits on the last
      // line of the page before (g167-051: 10 / 9 is 109, 39 / 5 is 395; a table row may break across pages).
      // (PDF only: layout text sets full-width digits too loosely to tell which number the digits end.)
      // (Or its unit alone: 0 at the foot of the page, 件 at the head of the next, g181-002.)
      // (And where the first digits end inside a group of thousands, beside a label cut too: 其他对外管理服 … 82,26 /
      // 务事项 9, g187-013; 82,26 is surely cut, where 10 over a line with a label may be two rows.)
      if (opts.sharedCoordinates && (digits(w) || unit(w)) && out.find((l) => l.page === lower.page) === lower) {
        const upper = out.filter((l) => l.page === lower.page - 1).pop();
        // (Or a change written out, cut after its 增加: 增加 at the foot of the page, 9 at the head of the next, g267-009.)
        const u = upper?.words.filter((o) => under(o, w) > 0 && ((allTails && digits(o) && (unit(w) || o.x2 - o.x >= w.x2 - w.x)) ||
          (digits(w) && (openGroup(o) || (allTails && wrappedSign(o))))))
          .sort((a, b) => under(b, w) - under(a, w))[0];
        if (upper && u) return { upper, u };
      }
      for (const upper of out) {
        if (upper === lower || upper.page !== lower.page || upper.y >= lower.y) continue;
        // (增加 over 8: a change written out, wrapped in its cell, is +8.)
        // (Or 元 under a sum in 万 cut before it: 4704.03万 / the row / 元, g267-009.)
        const u = upper.words.find((o) => under(o, w) > 0 && (((o.value || openGroup(o)) && (/\d$/.test(normalizeChars(o.text)) ||
          (w.text === '元' && o.value && /\d\s*万$/.test(normalizeChars(o.text)))) &&
          (!digits(w) || ((digits(o) || openGroup(o) || signedHead(o)) && o.x2 - o.x >= w.x2 - w.x))) || (wrappedSign(o) && digits(w))));
        if (!u) continue;
        if (w.y - u.y2 >= -0.2 * h && w.y - u.y2 < opts.blankGap * 0.5 * h) return { upper, u };
        // (A group of thousands left open is no number by itself: digits under it, round a row's line with numbers
        // between, end it, however far: 行政处 … １３,６６ / the row / 罚 … ５ is 13,665, g253-008.)
        if (openGroup(u) && digits(w) && rowsBetween(upper, lower).length) {
          return { upper, u };
        }
        // Layout text centres a cell's two lines on its row: "200" above the row's line, "6" below it. Both
        // stand on lines of such numbers alone, and the row's line between has nothing in their column.
        // (Or the one number of a line of labels: 减少 over 10 beside the wrapped label of its row, 其他对外管理服 /
        // 务事项; 10 over 件 on the lines of a group label, 三、本年 / 度办理结.)
        // (Or digits under the one number of a group label's line, on the next line of that label: 三、本年 … 12 /
        // 度办理结 … 1, g197-047; where the label, set one character a line, is stacked onto its first line, the
        // digits stand alone: 三 … 28 / row / 、 … 3, g197-033. Or the ends of a number on a wrapped label: labelEnds.)
        const groupWrap = digits(w) && groupLine(upper) && (groupLine(lower) || lower.words.every(digits));
        const alone = (wrappedSign(u) || unit(w) || labelEnds(upper, lower, w) || groupWrap) &&
          upper.words.every((o) => o === u || (!o.value && !wrappedSign(o)));
        // (Where both lines are a group label's, however many numbers they hold: the group label's lines print no
        // number of their own. 三、本年 … １３０ … １４ / row / 度办理结 … 件 … ４ is 130件 and 144, g233-051.)
        // (Or the number's last digits with the unit: ２２ / row / ６件, g263-048.)
        const groupLines = (digits(w) || unit(w) || withUnit(w)) && groupLine(upper) && groupLine(lower);
        if (opts.splitVertical && (upper.words.length === 1 || upper.words.every(digits) || alone || groupLines) && w.y - u.y2 < opts.blankGap * 1.5 * h) {
          const between = out.filter((l) => l.page === lower.page && l.y > upper.y && l.y < lower.y);
          if (between.length === 1 && !between[0]!.words.some((o) => overlap(o, w) > -1 || overlap(o, u) > -1)) return { upper, u };
        }
      }
      return undefined;
    };
    // Numbers all under one line above, with the row's own line between that one and this, its numbers in other
    // columns: cells of that row wrapped round its line.
    const roundRow = (ps: readonly ({ upper: Line; u: Word } | undefined)[]) => {
      const first = ps[0];
      return !!first && ps.every((p) => p?.upper === first.upper) &&
        rowsBetween(first.upper, lower).some((l) => !l.words.some((o) => ps.some((p) => overlap(o, p!.u) > 0)));
    };
    const join = (w: Word, { upper, u }: { upper: Line; u: Word }) => {
      const whole = { ...u, text: u.text + w.text, x: Math.min(u.x, w.x), x2: Math.max(u.x2, w.x2), y2: w.y2, value: true };
      // A cell's two lines centred on its row stand above and below the row's own line: the number goes there.
      const row = upper.page === lower.page ? rowsBetween(upper, lower)[0] : undefined;
      if (row) {
        upper.words.splice(upper.words.indexOf(u), 1);
        row.words = [...row.words, whole].sort((a, b) => a.x - b.x);
      } else upper.words.splice(upper.words.indexOf(u), 1, whole);
    };
    if (!allTails) {
      // On a line with label words too, only a unit under its number, a number under its 增加 / 减少, or the lone
      // number of the line under a number, both set around a row's line (15 / the row / 3 beside a group label).
      const around = (p: { upper: Line; u: Word }) => digitCount(lower) === 1 && digits(p.u) && !/^0/.test(normalizeChars(p.u.text)) &&
        rowsBetween(p.upper, lower).length > 0;
      // A number wrapped round its row's line beside the group label, its last digit and unit below it
      // (三、本年 … 16 / (一)予以公开 … / 度办理结 … 9件: 169件, g137-059), as 154 / 件 is: the group label's lines
      // print no number of their own.
      if (groupLine(lower)) {
        // (Or without a unit: 三、本年 … 12 / (一)予以公开 … / 度办理结 … 1 is 121, g197-047.)
        for (const w of lower.words.filter((o) => withUnit(o) || digits(o))) {
          const p = above(w);
          if (!p || !digits(p.u) || /^0/.test(normalizeChars(p.u.text)) || !groupLine(p.upper) || !roundRow([p])) continue;
          join(w, p);
          lower.words.splice(lower.words.indexOf(w), 1);
        }
      }
      // A row whose label wraps, its first line carrying the first digits of one cell and its second line the rest
      // with the row's other numbers ((二)部分公开（区分处理的，只计这一 … 23 / 情形，不计其他情形） 208 … 4: 234,
      // g137-037): one row has one number a column, so the two are one cell.
      // (A line whose label opens without item numbering carries on the label above.)
      const opens = (l: Line) => !!labelWords(l)[0]?.marker;
      if (digitCount(lower) >= 2 && labelWords(lower).length && !opens(lower)) {
        for (const w of lower.words.filter(digits)) {
          const p = above(w);
          if (!p || !digits(p.u) || /^0/.test(normalizeChars(p.u.text)) || w.y - p.u.y2 >= opts.blankGap * 0.5 * h) continue;
          if (digitCount(p.upper) !== 1 || !opens(p.upper)) continue;
          p.upper.words.splice(p.upper.words.indexOf(p.u), 1);
          lower.words.splice(lower.words.indexOf(w), 1, { ...w, text: p.u.text + w.text, x: Math.min(p.u.x, w.x), x2: Math.max(p.u.x2, w.x2) });
        }
      }
      // Or every number of the line under one of a line above, both lines a group label's (三、本年度 / 办理结果), and
      // the row's own line between them with numbers in the other columns: cells wrapped round that row (２ / ３).
      // PDF: a cell's two lines centred on its row's line, the lower close enough to share the line of the row's
      // label: the first digits on a line of digits alone above it, the last as far below the label as those stand
      // above it (１３ / 一、本年新收… ９ / … is 139, g233-031).
      const label = labelWords(lower)[0];
      const centredOnRow = (w: Word, p: { upper: Line; u: Word }) => opts.sharedCoordinates && !!label && digits(w) &&
        p.upper.words.every(digits) && w.y - label.y > 0.3 * (w.y2 - w.y) &&
        Math.abs((label.y - p.u.y) - (w.y - label.y)) < 0.2 * (w.y2 - w.y);
      const heads = lower.words.filter(digits).map(above);
      const wrappedRound = roundRow(heads) && heads.every((p) => digits(p!.u) && !/^0/.test(normalizeChars(p!.u.text)));
      for (const w of lower.words.filter((o) => unit(o) || digits(o))) {
        const p = above(w);
        // Round its row's line, however far apart: a change under its 增加, a unit under its number, or the ends of
        // a number on two lines of the row's wrapped label (16 / … / 3, g197-006).
        const roundJoin = !!p && ((wrappedSign(p.u) && digits(w)) || (unit(w) && digits(p.u)) ||
          (digits(p.u) && labelEnds(p.upper, lower, w))) && roundRow([p]);
        const cutGroup = !!p && openGroup(p.u) && (p.upper.page !== lower.page || (digits(w) && roundRow([p])));
        if (p && (w.y - p.u.y2 < opts.blankGap * 0.5 * h || roundJoin || cutGroup) && (unit(w) || wrappedSign(p.u) || (signedHead(p.u) && digits(w)) || around(p) || cutGroup || (wrappedRound && digits(w)) || centredOnRow(w, p))) {
          join(w, p);
          lower.words.splice(lower.words.indexOf(w), 1);
        }
      }
      continue;
    }
    let pairs = lower.words.map(above);
    // A cell set lower than its row's line, beside the end of a number wrapped round that line (3件 under the line
    // of 一、本年新收, beside 件 ending 29 / 件, g191-034): where some words of the line end numbers above, the
    // numbers that end none are the row's, on the line just above, which has nothing in their columns.
    const loose = lower.words.filter((_, k) => !pairs[k]);
    // (PDF: or, opening a page, the row at the foot of the page before, cut by the page break: its units and a cell
    // set lower, 件 … 3件 … 件 under (七)总计 … 11 … 470, g251-053.)
    const cut = opts.sharedCoordinates && out.find((l) => l.page === lower.page) === lower;
    const rowAbove = out.filter((l) => l.page === lower.page && l.y < lower.y && l !== lower).pop() ??
      (cut ? out.filter((l) => l.page === lower.page - 1).pop() : undefined);
    // (Only units ending numbers, or digits ending numbers wrapped round that line: 958 beside ９ and ０８ ending
    // １３ and １２ over the line of 一、本年新收, g233-031; and from over the row's line: a row's own line under the
    // first digits of one of its cells wrapped round it, 13 / 74 … 10 … / 9, is no such line.)
    const unitsOnly = lower.words.every((w, k) => !pairs[k] || ((unit(w) || (digits(w) && roundRow([pairs[k]!]))) &&
      (pairs[k]!.upper !== rowAbove || (cut && unit(w)))));
    if (loose.length && loose.length < lower.words.length && unitsOnly && rowAbove && rowAbove.words.some((o) => o.value) &&
      (cut || lower.y - rowAbove.y2 < opts.blankGap * 0.5 * h) && loose.every((w) => w.value && !rowAbove.words.some((o) => overlap(o, w) > 0))) {
      rowAbove.words = [...rowAbove.words, ...loose].sort((a, b) => a.x - b.x);
      lower.words = lower.words.filter((w) => !loose.includes(w));
      pairs = pairs.filter(Boolean);
    }
    if (pairs.some((p) => !p)) continue;
    const page = out.filter((l) => l.page === lower.page && l.y > lower.y).sort((a, b) => a.y - b.y);
    const [rowBelow, afterRow] = page;
    // Numbers alone on a line that fill the very columns the row below leaves empty, that row having a value under
    // every other number of the row above: its cells set higher than its line, not the ends of the numbers above
    // (3 … 3 / 9 … 9 / 4.保护第三方合法权益 － － － － －, g263-020: 3 and 9, not 39).
    const upperRow = pairs[0]!.upper;
    // (Not where a row's line stands between: cells wrapped round it, 236 / the row / 件, g263-048.)
    if (rowBelow && pairs.every((p) => p!.upper === upperRow) && !rowsBetween(upperRow, lower).length &&
      fillsGaps(lower, rowBelow, upperRow, under)) continue;
    // Digits alone between two rows' lines may end the row above (10 / 4) or begin a cell of the row below wrapped
    // round its line (11 / (七)总计 … / 8): where the row below has nothing in their column and the line after it
    // has digits there alone, they begin that cell (g101-040: 11 and 118, not 1111 and 8).
    if (rowBelow && afterRow && !opts.sharedCoordinates && rowBelow.words.some((o) => o.value) && afterRow.words.every(digits) &&
      lower.words.every((w) => !rowBelow.words.some((o) => under(o, w) > 0) && afterRow.words.some((o) => under(o, w) > 0))) continue;
    // No number is printed with a leading zero: "0" over "0" is two rows of zeros, not 00. And a line of three or
    // more numbers under as many is the next row (its label printed lower), not three cells wrapping at once,
    // unless a row's line stands between the two with numbers in other columns: then cells of that row wrapped,
    // each centred on it (２５ / ３ ３ １０ / ５ in narrow columns of full-width digits).
    const centred = roundRow(pairs);
    // (A unit is no digit: 0 over 件 is the cell 0件 wrapped.)
    if (pairs.some((p, k) => /^0/.test(normalizeChars(p!.u.text)) && digits(lower.words[k]!)) || (digitCount(lower) >= 3 && !centred)) continue;
    // A cell wrapped over three lines in a narrow column (１ / the row's ７ / ７): its first digits stand on a line
    // of digits alone just above the row's line, as far above it as the last digits stand below; or on the line
    // of a group label, the one number there, right of it (三、本年度 1 / (一)予以公开 … 5 / 3: Chromium's 153).
    pairs.forEach((p, k) => {
      const w = lower.words[k]!;
      if (p!.upper.words.every((o) => o.value)) return;
      for (const top of out) {
        if (top === p!.upper || top === lower || top.page !== lower.page || top.y >= p!.upper.y) continue;
        const t = top.words.find((o) => overlap(o, p!.u) > 0 && digits(o) && !/^0/.test(normalizeChars(o.text)));
        if (!t || !(top.words.every(digits) || top.words.every((o) => o === t || (!o.value && o.x2 < t.x)))) continue;
        const gap = t ? p!.u.y - t.y2 : Infinity;
        if (!t || gap < -0.2 * h || gap >= opts.blankGap * 0.5 * h || Math.abs((p!.u.y - t.y) - (w.y - p!.u.y)) >= 0.3 * h) continue;
        // (A new word, not the old one changed: the lines are read again with other choices, pdf.ts.)
        const whole = { ...p!.u, text: t.text + p!.u.text, x: Math.min(t.x, p!.u.x), x2: Math.max(t.x2, p!.u.x2), y: t.y };
        top.words.splice(top.words.indexOf(t), 1);
        p!.upper.words.splice(p!.upper.words.indexOf(p!.u), 1, whole);
        p!.u = whole;
        break;
      }
    });
    pairs.forEach((p, k) => join(lower.words[k]!, p!));
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
  body.forEach((l, i) => {
    // (Or with its numbers on the line below, a line of numbers alone: a label that wraps round them.)
    const next = body[i + 1];
    const numbersBelow = !!next && next.page === l.page && next.words.length > 0 && next.words.every((w) => w.value);
    if (!l.words.some((w) => w.value) && !numbersBelow) return;
    const labels = l.words.filter((w) => !w.value && w.marker);
    const last = labels[labels.length - 1];
    if (last) (itemXs.get(l.page) ?? itemXs.set(l.page, []).get(l.page)!).push(last.x);
  });
  // The upper quartile: a label that spans group and item columns ((七)总计, 四、结转…) starts further left.
  const upper = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil((xs.length - 1) * 0.75)] : undefined);
  const allItemX = upper([...itemXs.values()].flat());
  // In a PDF a table's columns stand where they stood on the page before: a page with few rows of numbers beside
  // their labels ((六)其他处理's items wrapped round their numbers, then (七)总计 and 四、结转… left of the items) must
  // not set the item column by those alone (c43-034). Layout text packs every page on its own.
  const itemX = (page: number) => (opts.sharedCoordinates ? allItemX : upper(itemXs.get(page) ?? []) ?? allItemX) ?? -Infinity;
  // A label line is full when it runs up to where the numbers begin: its cell wraps onto the next line.
  const full = (w: Word) => w.x2 >= valueEdge(w.page) - opts.em - opts.columnTolerance;

  const rows: DraftRow[] = [];
  let pending: Word[] = [];
  let cur: (DraftRow & { before: number; after: number }) | undefined;
  // Numbers on a line of their own (group labels aside) after a row that has numbers: cells set lower or
  // higher than their neighbours. They go to the nearer of that row and the next, where their columns are free.
  let floating: Line[] = [];
  // (Layout text packs cells: two numbers of one column may only touch.)
  const near = opts.sharedCoordinates ? 0 : -opts.runGap;
  const clash = (r: DraftRow, l: Line) => l.words.some((w) => w.value && r.values.some((v) => overlap(v, w) > near));
  const gapTo = (r: DraftRow, l: Line) => Math.min(...r.lines.map((o) => Math.abs((o.y + o.y2) / 2 - (l.y + l.y2) / 2) + (o.page === l.page ? 0 : 1e6)));
  const attach = (r: DraftRow, l: Line) => {
    r.lines.push(l);
    r.values.push(...l.words.filter((w) => w.value));
    r.labels.push(...l.words.filter((w) => !w.value));
  };
  const widest = () => Math.max(0, ...rows.map((r) => r.values.length));
  const settle = (next: DraftRow | undefined) => {
    let prev = next ? rows[rows.length - 2] : rows[rows.length - 1];
    for (const l of floating) {
      // (Layout text packs each page on its own: at the head of a page, a row of the page before that is short of
      // numbers has room for them wherever they stand: 0 under 5. 属于三类内部事务信息 … 0 0 0 0 0 0, g223-035.)
      const short = (r: DraftRow) => !opts.sharedCoordinates && r.values.length + l.words.filter((w) => w.value).length <= widest();
      const toPrev = prev && (!clash(prev, l) || (short(prev) && !prev.lines.some((o) => o.page === l.page)));
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
    // A label taken for a group heading is a row of its own after all where the row that follows is numbered
    // the same way ((六)其他处理 printed blank, then (七)总计).
    const kinds = new Set(labels.filter((w) => w.marker).map((w) => markerKind(w.text)));
    if (pending.some((w) => w.marker && kinds.has(markerKind(w.text)))) {
      rows.push({ lines: [], labels: pending, values: [] });
      pending = [];
    }
    cur = { lines: [l], labels: [...pending, ...labels], values, before: values.length ? 0 : 1, after: 0 };
    if (held) {
      cur.lines.unshift(held.line);
      cur.values.push(...held.line.words.filter((w) => w.value));
      cur.before = 0;
      held = undefined;
    }
    pending = [];
    rows.push(cur);
    if (floating.length) settle(cur);
  };
  // A label set around its numbers (行政处 / numbers / 罚) is whole once it has as many lines after them as before:
  // a line after that starts the next row, however full the label's cell (group labels left of the items aside).
  const closed = (r: NonNullable<typeof cur>) => r.values.length > 0 && r.before > 0 && r.after >= r.before;
  // A line of numbers alone, one line under a one-line item label and one line over the next item's label: it
  // waits for that next row (pdftotext set the numbers apart from a label that shares its line with a group
  // label: g149-059), and goes back to the row above if no row starts there after all.
  let held: { line: Line; row: NonNullable<typeof cur> } | undefined;
  const release = () => {
    if (held) attach(held.row, held.line);
    held = undefined;
  };
  for (const [li, l] of body.entries()) {
    if (held && body[li - 1] !== held.line) release();
    const values = l.words.filter((w) => w.value);
    const labels = l.words.filter((w) => !w.value);
    const ix = itemX(l.page);
    // A numbered label starts a row where it reaches the item column, or where it stands level with or right
    // of the row's own numbered label ((七)总计 under (六)其他处理).
    const rowItem = cur?.labels.filter((o) => o.marker).sort((a, b) => b.x - a.x)[0];
    // A numbered total or carry-over ((七)总计, 四、结转下年度继续办理) is a row of its own wherever it stands: it groups
    // no rows, though it may be set in the group labels' column, left of the items (a web page printed to PDF).
    // So is a group's label printed with numbers of its own where the next numbered label is the next group's, not an
    // item under it ((六)其他处理 10 3 1 14, then (七)总计: the 2019 template's single row of other handling, g293-014).
    const item = labels.some((w) => w.marker && (w.x2 > ix || (!!rowItem && rowItem.x <= w.x + opts.columnTolerance + opts.runGap) ||
      (values.length > 0 && (OWN_ROW_LABEL.test(w.text) || nextMarkerKind(body, li) === markerKind(w.text)))));
    const prevLine = cur?.lines[cur.lines.length - 1];
    const adjacent = !!prevLine && isAdjacent(prevLine, l, opts);
    // Or only a group heading's lines between ((2)申请人逾期未按收费通知 / (六)其他 / 要求缴纳费用… 3 0 4): the
    // heading is centred on the rows it groups and may cut into a label that wraps round its numbers.
    const between = prevLine ? pending.filter((w) => w.page === l.page && w.y >= prevLine.y2 && w.y2 <= l.y) : [];
    const bridged = !adjacent && !!prevLine && between.length > 0 &&
      [prevLine, ...between, l].every((a, i, all) => i === 0 || isAdjacent(all[i - 1]!, a, opts) || a.y <= all[i - 1]!.y2);
    // Layout text: a blank line between a numbered item's first line, without numbers, and an unnumbered line with
    // them, starting where the item's label starts: pdftotext set the cell's lines apart (1、申请人无正当理由逾期不补 /
    // blank / 正、行政机关不再处理其政府信 67 3 …, a WPS report's 1.5 line spacing).
    const itemLabel = cur?.labels.filter((o) => o.marker).pop();
    const spaced = !adjacent && !bridged && !opts.sharedCoordinates && !!prevLine && !!itemLabel && !cur!.values.length &&
      values.length > 0 && labels.length > 0 && !labels[0]!.marker && Math.abs(labels[0]!.x - itemLabel.x) <= opts.runGap &&
      l.page === prevLine.page && l.y - prevLine.y2 <= 1;
    // Label words on this line that carry on a label of the row (a wrapped cell), group labels aside.
    // An unnumbered line under a numbered item carries it on; under an unnumbered label only when that is full.
    // A line running on into the numbers' columns is no label's continuation (a note under the table).
    // A label whose last line above is less than half as wide as its widest ended in that line (行政处 / 罚 over a
    // page break), however full the lines before it; a line a character short is only a line break before
    // punctuation.
    const ended = (row: NonNullable<typeof cur>, w: Word) => {
      const above = row.labels.filter((o) => overlap(o, w) > 0);
      if (above.length < 2) return false;
      const last = above.reduce((a, b) => (b.page > a.page || (b.page === a.page && b.y > a.y) ? b : a));
      return !last.marker && last.x2 - last.x < 0.5 * Math.max(...above.map((o) => o.x2 - o.x));
    };
    // (Layout text packs each line on its own: a label's next line may stand further right than its first and run
    // into the numbers' columns, though no wider than the line above it: 1.申请人无正当理由逾期不补 / 正、行政机关不再
    // 处理其政府信 beside （六）, g229-049.)
    const inCell = (row: NonNullable<typeof cur>, w: Word) => w.x2 <= valueEdge(w.page) + opts.columnTolerance ||
      (!opts.sharedCoordinates && !values.length && row.labels.some((o) => o.marker && overlap(o, w) > 0 && w.x2 - w.x <= o.x2 - o.x));
    const carriesOn = (row: NonNullable<typeof cur>, wrapping: boolean) => labels.every((w) => w.x2 <= ix ||
      (inCell(row, w) && (wrapping || !ended(row, w)) &&
        row.labels.some((o) => overlap(o, w) > 0 && (wrapping || o.marker || full(o)))));
    const below = body[li + 1];
    if (cur && !opts.sharedCoordinates && values.length && !labels.length && !cur.values.length && cur.lines.length === 1 &&
      !cur.labels.some(full) && below && below.page === l.page && l.y - cur.lines[0]!.y === 1 && below.y - l.y === 1 &&
      !below.words.some((w) => w.value) && below.words.some((w) => w.marker && w.x >= ix - 2 * opts.runGap)) {
      held = { line: l, row: cur };
      continue;
    }
    if (cur && values.length) {
      // The numbers of a label that wraps sit between its lines: they join the row above if it has none yet.
      // (Not where this line is labelled by a group heading that cannot be the row's own: a row of its own.)
      if (!item && !cur.values.length && opensGroup(rows, labels, ix)) start(l, labels, values);
      else if (!item && !cur.values.length && (adjacent || bridged || spaced) && carriesOn(cur, false)) {
        cur.lines.push(l);
        cur.labels.push(...labels);
        cur.values.push(...values);
      } else if (!item && labels.every((w) => w.x2 <= ix)) floating.push(l);
      else if (!item && labels.length && cur.values.length && adjacent && !clash(cur, l) && carriesOn(cur, cur.after < cur.before) &&
        (opts.sharedCoordinates || prevLine!.page === l.page || cur.labels.some((o) => o.marker))) {
        // The last line of a wrapped label with a number set lower than the others ("行制作 … 2").
        // (Over a page break in layout text only for a numbered item's label, cut mid-word with a cell: pdftotext
        // packs each page on its own, so numbers of one column may stand apart there and seem not to clash, and the
        // unnumbered rows of section 二 were read as one: 行政处罚 8994 / page break / 行政强制 0, g131-008; while
        // （5）要求行政机关确认或重 … / page break / 新出具已获取信息 0 is one row, g127-054.)
        attach(cur, l);
        cur.after++;
      } else start(l, labels, values);
    } else if (!cur && !labels.length) {
      floating.push(l);
    } else if (!cur) {
      start(l, labels, values);
    } else if (item || NOTE.test(lineText(l))) start(l, labels, values);
    else if (labels.every((w) => w.x2 <= ix) && (labels.some((w) => w.marker) || pending.length > 0)) {
      // A group label (（四）无法提供) printed between rows, and the lines it wraps onto (公开): it belongs with the
      // row that follows.
      pending.push(...labels);
    } else if ((adjacent || bridged) && !(titled && l === body[body.length - 1]) && (!closed(cur) || labels.every((w) => w.x2 <= ix)) && carriesOn(cur, cur.values.length > 0 && cur.after < cur.before)) {
      cur.lines.push(l);
      cur.labels.push(...labels);
      if (cur.values.length) cur.after++;
      else cur.before++;
    } else if (!values.length && cur.values.length && labels.every((w) => w.x2 <= ix)) {
      // The rest of a group label set down the rows it groups ((五)不予 … 处理), apart from the row above: it goes
      // with the row that follows, never a row of its own.
      pending.push(...labels);
    } else start(l, labels, values);
  }
  release();
  settle(undefined);
  if (pending.length) rows.push({ lines: [], labels: pending, values: [] });
  return rows;
}

/**
 * Layout text: numbers of two rows that only touch (one ends in the character column where the other starts)
 * are one column. pdftotext packs every line on its own, so a column's numbers stand a character apart, where
 * numbers of neighbouring columns are at least a header cell apart (g71-039: 1 and 2 under 社会公益组织).
 */
const TOUCHING = 0.5;

const OWN_ROW_LABEL = /总\s*计|合\s*计|结\s*转/;

/** The number of an item label (1. 2、), or undefined for another kind of label. */
function itemNumber(w: Word): number | undefined {
  const m = /^\s*(\d{1,2})\s*[.．、]/.exec(normalizeChars(w.text));
  return m ? Number(m[1]) : undefined;
}

/**
 * True when a line's labels, in the group column, hold a group heading ((六)其他处理) that cannot label the row
 * above: that row is item 2 or later of a group whose heading has already been read ((五)不予处理 with its item
 * 1). Such a line starts a row of its own; the row above, its label all on the lines before, is blank
 * (5.要求行政机关确认或重新出具已获取信息, printed blank, then (六)其他处理 with numbers: 2019 template).
 * A heading centred on a later item of a group read no heading yet ((六) of the 2021 template, set beside its
 * item 2) still labels that group.
 */
function opensGroup(rows: readonly DraftRow[], labels: readonly Word[], ix: number): boolean {
  const heading = labels.find((w) => w.marker && w.x2 <= ix && itemNumber(w) === undefined);
  if (!heading) return false;
  const kind = markerKind(heading.text);
  for (let i = rows.length - 1; i >= 0; i--) {
    const own = rows[i]!.labels.filter((w) => w.marker);
    const headed = own.some((w) => w !== heading && markerKind(w.text) === kind);
    if (headed) return i < rows.length - 1 || own.some((w) => (itemNumber(w) ?? 1) > 1);
    if (own.some((w) => itemNumber(w) === 1)) return false;
    if (!own.some((w) => itemNumber(w) !== undefined)) return false;
  }
  return false;
}
/** A note under the table (注：表中数据…) set close under its last row carries on no label of it. */
const NOTE = /^\s*(?:注|说明|备注)\s*[:：]/;

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

/**
 * A header read into more cells than the template's columns (商业 | 科研企业 | 机构) gets its nearest cells
 * merged. (One read into fewer is left be: there the header's positions mislead more than its count.)
 */
function fitHeader(header: HeaderModel, template: TemplateColumns | undefined): HeaderModel & { refitted?: boolean } {
  if (!template) return header;
  const name = (w: Word) => normalizeChars(w.text).replace(/\s+/g, '');
  if (header.leaves.length > template.count) {
    const leaves = dropHeadings(header.leaves, template.count, (l) => template.headings.includes(l.words.map(name).join('')));
    return { ...header, leaves: mergeLeaves(leaves, template.count), refitted: true };
  }
  // A cell whose words are each a whole column name of the template (总计 over 其他: pdftotext set one header line a
  // column or two onto the next) is that many columns, in the template's order.
  const severalNames = (s: Stack) => s.words.length > 1 && s.words.every((w) => template.labels.includes(name(w))) &&
    new Set(s.words.map(name)).size === s.words.length;
  if (header.leaves.length < template.count && header.leaves.some(severalNames)) {
    const order = (w: Word) => template.labels.indexOf(name(w));
    const leaves = header.leaves.flatMap((s) => (severalNames(s)
      ? [...s.words].sort((a, b) => order(a) - order(b)).map((w) => ({ words: [w], x: w.x, x2: w.x2 }))
      : [s]));
    if (leaves.length <= template.count) return { ...fitHeader({ ...header, leaves }, template), refitted: true };
  }
  if (header.leaves.length === template.count - 1) {
    const named = header.corner.filter((w) => template.labels.includes(name(w)));
    const w = named.length === 1 ? named[0]! : undefined;
    const first = header.leaves[0];
    if (w && (!first || w.x2 <= first.x2)) {
      return { ...header, corner: header.corner.filter((o) => o !== w), leaves: [{ words: [w], x: w.x, x2: w.x2 }, ...header.leaves], refitted: true };
    }
  }
  return header;
}

export interface TableOptions extends StreamOptions {
  /** Read runs of characters in vertical headers apart (pdftotext -layout). */
  splitVertical?: boolean;
  /** The value columns a table with this header text has, where the template says (templates.ts). */
  columnsFor?: (headerText: string) => TemplateColumns | undefined;
  /** Whether a header cell names a column that may go below zero (templates.ts signedColumn). */
  signedColumn?: (cellText: string) => boolean;
}

export interface StreamTable {
  block: TableBlock;
  /** Pages where numbers fitted the columns in more than one way (see valueColumns.ts). */
  guessedPages: number[];
}

type Placed = { w: Word; ri: number };

/**
 * The readings of a page's numbers, likeliest first, each a column for every number, with what it costs beyond
 * the likeliest (valueColumns.ts Readings). A number glued to its label (see tableFromLines) is read apart from the
 * others, in the first column its row leaves free, where the other numbers show every column of the table; where
 * they do not, it may be all there is of its column (g131-053: (六)其他处理's zeros, glued, are the page's only
 * numbers of 自然人) and is read with the others. Either way the other reading is offered too, for the report's
 * own sums to choose (g101-021), and the page counts as a guess.
 */
function readingsOf(here: readonly Placed[], glued: ReadonlySet<Word>, placeAll: (vs: readonly Placed[]) => Placement,
  columnsShown: (vs: readonly Placed[]) => number, k: number): { readings: { cols: number[]; cost: number }[]; k: number; guessed: boolean } {
  const stuck = here.filter((v) => glued.has(v.w));
  const placed = placeAll(here);
  // (With numbers glued to their labels, only readings that came close: the glued numbers' own follow them.)
  const all = stuck.length ? closeReadings(placed) : placed;
  const together = (all.alternatives ?? [all.cols]).map((cols, i) => ({ cols, cost: all.alternativeCosts?.[i] ?? 0 }));
  if (!stuck.length) return { readings: together, k: all.k, guessed: all.guessed };
  const rest = here.filter((v) => !glued.has(v.w));
  const apart = closeReadings(placeAll(rest));
  // Each reading of the others, with the glued numbers put in the columns it leaves free.
  const apartReadings = apart.k !== all.k ? [] : (apart.alternatives ?? [apart.cols]).flatMap((restCols, i) => {
    const columns = gluedColumns(stuck, rest, restCols, apart.k);
    return columns ? [{ cols: here.map((v) => columns.get(v.w) ?? restCols[rest.indexOf(v)]!), cost: apart.alternativeCosts?.[i] ?? 0 }] : [];
  });
  const differ = apartReadings.filter((r) => r.cols.some((c, i) => c !== all.cols[i]));
  // (Where a glued number finds no column free, or is read where it stands anyway, it is read with the others.)
  if (!differ.length) return { readings: together, k: all.k, guessed: all.guessed };
  const after = (first: readonly { cost: number }[], then: readonly { cols: number[]; cost: number }[]) => {
    const from = Math.max(...first.map((r) => r.cost)) + 1;
    return then.map((r) => ({ cols: r.cols, cost: r.cost + from }));
  };
  const ranked = columnsShown(rest) >= k ? [...apartReadings, ...after(apartReadings, together)] : [...together, ...after(together, differ)];
  // (Each reading once: every one offered is one more the report's sums are tried against.)
  const readings = ranked.filter((r, i) => ranked.findIndex((o) => o.cols.every((c, j) => c === r.cols[j])) === i);
  return { readings, k: all.k, guessed: true };
}

/** A placement's readings without those offered only for the sums (valueColumns.ts FALLBACK_COST). */
function closeReadings(p: Placement): Placement {
  const n = (p.alternativeCosts ?? []).findIndex((c) => c >= FALLBACK_COST);
  return n < 0 ? p : { ...p, alternatives: p.alternatives!.slice(0, n), alternativeCosts: p.alternativeCosts!.slice(0, n) };
}

/**
 * Columns for numbers glued to their row's label (see tableFromLines): each in the first column its row leaves
 * free left of the row's next number; undefined where one finds none.
 */
function gluedColumns(glued: readonly Placed[], placed: readonly Placed[], cols: readonly number[], k: number): Map<Word, number> | undefined {
  const out = new Map<Word, number>();
  for (const g of glued) {
    const others = placed.flatMap((v, i) => (v.ri === g.ri ? [{ x: v.w.x, col: cols[i]! }] : []));
    const right = Math.min(k, ...others.filter((o) => o.x > g.w.x).map((o) => o.col));
    const taken = new Set([...others.map((o) => o.col), ...glued.filter((h) => h.ri === g.ri && out.has(h.w)).map((h) => out.get(h.w)!)]);
    const free = Array.from({ length: right }, (_, c) => c).find((c) => !taken.has(c));
    if (free === undefined) return undefined;
    out.set(g.w, free);
  }
  return out;
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
    const edges = new Map<number, number>();
    const valueEdge = (page: number) => {
      let edge = edges.get(page);
      if (edge === undefined) {
        const here = segValues.filter((w) => w.page === page).map((w) => w.x);
        edge = here.length ? Math.min(...here) : headerCells.length ? Math.min(...headerCells) : Math.min(Infinity, ...segValues.map((w) => w.x));
        edges.set(page, edge);
      }
      return edge;
    };
    const drafts = buildRows(seg.body, opts, si < segments.length - 1, valueEdge);
    const dataLabels = drafts.filter((d) => d.values.length).flatMap((d) => d.labels);
    // Without rows of numbers the labels of the small table above stand in (a centred title would mislead).
    const labelWords = dataLabels.length ? dataLabels : lastLabels.length ? lastLabels : drafts.flatMap((d) => d.labels);
    if (dataLabels.length) lastLabels = dataLabels;
    // A template table whose header was read into more or fewer cells than it has columns (layout text).
    const template = opts.sharedCoordinates ? undefined : opts.columnsFor?.(seg.header.map(lineText).join(''));
    const unpacked = template ? unpackDigits(drafts, template.count, opts.readings) : [];
    const values = drafts.flatMap((d, ri) => d.values.map((w) => ({ w, ri })));
    const header = fitHeader(headerOf(seg.header, labelWords, opts), template);
    const leafTexts = header.leaves.map((s) => stackText(s.words));
    // The template's sums where the columns are the template's: a header read wrong would name them wrong.
    const totalsFor = (k: number) => (template && k === template.count ? template.totals : totalsOf(leafTexts));
    const signed = opts.signedColumn ? leafTexts.map(opts.signedColumn) : [];
    const signedFor = (k: number) => (header.leaves.length === k && signed.some(Boolean) ? { signed } : {});

    // Columns: as many as the header has leaves, or the numbers show, or the segment above had.
    const pages = [...new Set(values.map((v) => v.w.page))];
    // Rows whose numbers a page break cut apart: each page holds only part of their sums (g101-000, section 四).
    const partialRows = new Set(drafts.flatMap((d, ri) => (new Set(d.values.map((w) => w.page)).size > 1 ? [ri] : [])));
    // Layout text: a number one space after its row's label on the same line was set by pdftotext in the label's
    // own block, right after its text, wherever its column stands (a label wrapped round it): its place says only
    // that its column is at or right of there (readingsOf).
    const glued = new Set(opts.sharedCoordinates ? [] : values.filter(({ w, ri }) => drafts[ri]!.labels.some((l) =>
      l.page === w.page && l.y === w.y && l.x2 <= w.x && w.x - l.x2 <= opts.runGap)).map((v) => v.w));
    // Layout text: a number covers the columns it is printed across, not one a character (printedWidth.ts).
    const positions = (vs: readonly Placed[]) => vs.map((v) => ({ row: v.ri, ...printedSpan(v.w, opts.sharedCoordinates), value: parseNumber(v.w.text).value, line: v.w.line ?? v.w.y }));
    const tolerance = opts.sharedCoordinates ? opts.columnTolerance : TOUCHING;
    const onPage = (p: number) => values.filter((v) => v.w.page === p);
    const place = (k: number) => {
      const cols = new Map<Word, number>();
      let width = k;
      const totals = totalsFor(k);
      for (const p of pages) {
        const fits = header.leaves.length === k;
        // (A header put right by the template gives its positions loosely: pdftotext set its lines apart.)
        const anchors = fits && !header.refitted && (header.page === p || opts.sharedCoordinates) ? header.leaves.map(mid) : undefined;
        const looseAnchors = fits && !anchors ? header.leaves.map(mid) : undefined;
        const placeAll = (vs: readonly Placed[]) => placeValues(positions(vs), k,
          { ...(anchors ? { anchors } : {}), ...(anchors && opts.sharedCoordinates ? { anchorLefts: header.leaves.map((l) => l.x) } : {}),
            ...(looseAnchors ? { looseAnchors } : {}), ...signedFor(k), totals, partialRows, tolerance,
            ...(template && k === template.count ? { fixedColumns: true } : {}), missingTotalCost: opts.missingTotalCost, doubt: opts.doubt,
            ...(opts.misprintCost !== undefined ? { misprintCost: opts.misprintCost } : {}),
            ...(opts.mergeGap ? { mergeGap: opts.mergeGap } : {}) });
        const here = onPage(p);
        const res = readingsOf(here, glued, placeAll, (vs) => clusterCount(positions(vs), tolerance), k);
        const chosen = res.readings.length > 1 && opts.readings ? opts.readings.pick(res.readings.map((r) => r.cost)) : 0;
        here.forEach((v, i) => cols.set(v.w, res.readings[chosen]!.cols[i]!));
        width = Math.max(width, res.k);
        // (A reading other than the likeliest, taken for the sums, is a guess whatever the positions said.)
        if (res.guessed || chosen > 0) guessedPages.add(p);
      }
      return { cols, width };
    };
    let k = header.leaves.length || inheritedK || 1;
    // Section 四 whose header lost cells (结/果/维/持 set down a column a space from their neighbours make no
    // vertical run): the template's fifteen columns, where the numbers show no more, read by the groups' sums.
    // (Not where every number is 0: there the sums cannot tell, and the header's cells left are better guides.
    // Nor section 三, whose rows are many and often short: there a header read short has other causes.)
    if (template?.table === 'review' && header.leaves.length < template.count && values.some((v) => (parseNumber(v.w.text).value ?? 0) !== 0) &&
      pages.every((p) => clusterCount(positions(onPage(p)), tolerance) <= template.count)) {
      k = template.count;
    }
    // pdftotext shifts header lines against each other, and a header may then seem to have a column more than
    // its rows: where rows filled across (three or more with as many numbers as the header has columns less one)
    // show one column fewer, the rows are believed.
    // (Not where the header has the template's count of columns: there a column blank in three rows is a blank column.)
    if (!opts.sharedCoordinates && header.leaves.length > 1 && header.leaves.length !== template?.count) {
      const counts = drafts.map((d) => new Set(d.values.map((w) => w.page)).size === 1 ? d.values.length : 0);
      const most = Math.max(0, ...counts);
      if (most === header.leaves.length - 1 && counts.filter((c) => c === most).length >= 3) k = most;
    }
    // Placed again, a page's numbers may still show another count of columns (c239-018, a page of Chromium's wide
    // section 三 read against a header of eight): a few more tries, and the table is as wide as its widest page.
    let placed = place(k);
    for (let tries = 0; placed.width !== k && tries < 3; tries++) {
      k = placed.width;
      guessedPages.clear();
      placed = place(k);
    }
    k = Math.max(k, placed.width);
    inheritedK = k;
    unpacked.forEach((p) => guessedPages.add(p));

    rowsOut.push(...headerRows(header, k));

    for (const d of drafts) {
      // A blank cell still names the page and line of its row, so a blank can be cited like a number.
      const at = d.lines[0]?.words[0] ?? d.labels[0];
      const blank = () => cell('', at ? { source: { page: at.page, ...(at.line !== undefined ? { line: at.line } : {}), y: at.y } } : {});
      const valueCells: Cell[] = Array.from({ length: k }, blank);
      for (const w of d.values) {
        const c = placed.cols.get(w);
        if (c === undefined || c >= k) continue;
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
