import { IDEOGRAPH, isCjk, normalizeChars } from '../text/normalize';
import { isBlankMark } from '../mapper/numbers';
import type { Fragment } from '../table/positioned';
import type { PdfPage } from './load';

/**
 * A page's text items as positioned fragments in top-down page coordinates (the viewport: rotation and crop
 * box applied), text NFKC-normalised (Kangxi radicals, full-width digits). pdfjs cuts text where the font
 * changes and joins neighbouring cells with a space; both are undone here (joinTouching, splitAtSpaces). Text
 * that reads down the page (a vertical font, text turned a quarter turn, one character per line) is stacked
 * into one fragment (stackVertical).
 */

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export async function pageText(page: PdfPage, pageNumber: number): Promise<Fragment[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ disableNormalization: true });
  const styles = content.styles as Record<string, { vertical?: boolean }>;
  // The viewport's transform (PDF space to top-down page space), applied by hand: thousands of items a page.
  const [m0 = 1, m1 = 0, m2 = 0, m3 = -1, m4 = 0, m5 = 0] = viewport.transform;
  const pieces: Piece[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItemLike;
    const text = item.str.trim();
    if (!text) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const scale = Math.hypot(a, b) || 1;
    let corners: [number, number][];
    let along: [number, number];
    if (styles[item.fontName]?.vertical) {
      // Vertical fonts: the origin is the top centre of the first glyph; the text runs down by `height`.
      const w = item.width || scale;
      corners = [[e - w / 2, f], [e + w / 2, f], [e - w / 2, f - item.height], [e + w / 2, f - item.height]];
      along = [0, -1];
    } else {
      const ux = a / scale;
      const uy = b / scale;
      const up = Math.hypot(c, d) || scale;
      const vx = c / up;
      const vy = d / up;
      const h = item.height || up;
      const { offset, width: w } = inkSpan(item.str, item.width, scale);
      const [ox, oy] = [e + ux * offset, f + uy * offset];
      corners = [[ox, oy], [ox + ux * w, oy + uy * w], [ox + vx * h, oy + vy * h], [ox + ux * w + vx * h, oy + uy * w + vy * h]];
      along = [ux, uy];
    }
    const box = { x: Infinity, x2: -Infinity, y: Infinity, y2: -Infinity };
    for (const [x, y] of corners) {
      const px = m0 * x + m2 * y + m4;
      const py = m1 * x + m3 * y + m5;
      box.x = Math.min(box.x, px);
      box.x2 = Math.max(box.x2, px);
      box.y = Math.min(box.y, py);
      box.y2 = Math.max(box.y2, py);
    }
    if (box.x2 - box.x < 0.01 && box.y2 - box.y < 0.01) continue;
    // Reading direction on the page (the viewport's y grows down).
    const dx = m0 * along[0] + m2 * along[1];
    const dy = m1 * along[0] + m3 * along[1];
    const dir: Piece['dir'] = Math.abs(dy) > Math.abs(dx) ? (dy > 0 ? 'down' : 'up') : 'across';
    pieces.push({ text, page: pageNumber, ...box, dir });
  }
  const across = pieces.filter((p) => p.dir === 'across');
  // A glyph of a column stands clear of other text on its line (a glyph of running text touches its neighbours).
  const byRow = new Map<number, Piece[]>();
  const rowOf = (p: Piece) => Math.round((p.y + p.y2) / 4);
  for (const p of across) (byRow.get(rowOf(p)) ?? byRow.set(rowOf(p), []).get(rowOf(p))!).push(p);
  const alone = (p: Piece) => {
    const pad = 0.3 * (p.y2 - p.y);
    for (let r = rowOf(p) - 3; r <= rowOf(p) + 3; r++) {
      if (byRow.get(r)?.some((q) => q !== p && sameLine(p, q) && q.x2 >= p.x - pad && q.x <= p.x2 + pad)) return false;
    }
    return true;
  };
  const bottom = Math.max(0, ...pieces.map((p) => p.y2));
  const vertical = stackVertical([...pieces.filter((p) => p.dir !== 'across'),
    ...across.filter((p) => isGlyph(p) && alone(p)).map((p) => ({ ...p, dir: 'down' as const, upright: true, source: p }))], bottom);
  const used = new Set(vertical.flatMap((v) => v.from.map((q) => q.source ?? q)));
  const flat = across.filter((p) => !used.has(p)).map(({ dir: _, ...f }) => f);
  const fragments = splitAtSpaces(joinTouching(flat), inCellRow(across.filter(isGlyph))).concat(vertical.map((v) => v.fragment));
  return fragments.map((f) => ({ ...f, text: normalizeChars(f.text).trim() })).filter((f) => f.text);
}

interface Piece extends Fragment {
  /** Which way the text reads on the page. */
  dir: 'across' | 'down' | 'up';
  /** A glyph set upright, as horizontal text: vertical only as part of a column of such. */
  upright?: boolean;
  source?: Piece;
}

/** One ideograph or CJK punctuation mark: what a column of text set one character per line is made of. */
const isGlyph = (p: Piece) => /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff08\uff09\uff0c\uff1a\uff1b“”]$/.test(p.text);

/**
 * Glyphs set upright one per line for longer than any label of the template (三、本年度办理结果 is 9) are a narrow
 * column of running text: a web page's sidebar printed to PDF (政/府/信/息/公/开/指/南…). Kept, but set below the
 * page's text, so that it does not fall between the lines of a title it stands beside.
 */
const SIDEBAR_GLYPHS = 20;

/**
 * Text that reads down the page (三、本年度办理结果 in a narrow merged cell, a header turned a quarter turn,
 * 结 / 果 / 维 / 持 one character per line) comes as a stack of pieces with one centre line: the stack is one
 * fragment, read top to bottom (or bottom to top where the text is turned that way), one line high where it
 * starts, so that it stands in the row where it begins like any label. A lone piece stays as it is, unless it
 * is itself turned (then it is made one line high the same way).
 */
function stackVertical(pieces: Piece[], pageBottom: number): { fragment: Fragment; from: Piece[] }[] {
  const out: { fragment: Fragment; from: Piece[] }[] = [];
  const left = new Set(pieces);
  const byTop = [...pieces].sort((a, b) => a.y - b.y);
  for (const p of byTop) {
    if (!left.has(p)) continue;
    left.delete(p);
    const em = Math.min(p.x2 - p.x, p.y2 - p.y) || 1;
    const chain = [p];
    for (;;) {
      const last = chain[chain.length - 1]!;
      const next = byTop.find((q) => left.has(q) && q.page === last.page && (q.dir === 'up') === (p.dir === 'up') &&
        Math.abs((q.x + q.x2) / 2 - (last.x + last.x2) / 2) <= 0.25 * em && q.y >= last.y &&
        q.y - last.y2 <= 1.2 * em && Math.abs((q.x2 - q.x) - (last.x2 - last.x)) <= 0.25 * em);
      if (!next) break;
      left.delete(next);
      chain.push(next);
    }
    // Glyphs set upright one per line need three to read as a column (they stay ordinary text otherwise);
    // turned text is vertical by itself.
    const turned = chain.some((q) => q.upright !== true);
    if (chain.length < 3 && !turned) continue;
    // 无 / 无 / 无 down a column of numbers are blank cells of three rows, not a word set vertically.
    if (!turned && chain.every((q) => isBlankMark(q.text))) continue;
    const ordered = p.dir === 'up' ? [...chain].reverse() : chain;
    const x = Math.min(...chain.map((q) => q.x));
    const x2 = Math.max(...chain.map((q) => q.x2));
    const glyph = Math.min(x2 - x, ...chain.map((q) => (q.y2 - q.y) / Math.max(1, [...q.text].length))) || 1;
    const sidebar = !turned && chain.length > SIDEBAR_GLYPHS;
    const top = sidebar ? pageBottom + glyph : Math.min(...chain.map((q) => q.y));
    const cx = (x + x2) / 2;
    out.push({ fragment: { text: ordered.map((q) => q.text).join(''), page: p.page, x: cx - glyph / 2, x2: cx + glyph / 2, y: top, y2: top + glyph }, from: chain });
  }
  return out;
}

const sameLine = (a: Fragment, b: Fragment) =>
  Math.min(a.y2, b.y2) - Math.max(a.y, b.y) >= 0.7 * Math.min(a.y2 - a.y, b.y2 - b.y);

/**
 * Whether an item of single ideographs a space apart (果 结) is cells of a row of one-character cells rather than
 * one letter-spaced word: the header written one character a line in columns one character wide (持 正 果 结, the
 * last line of 结果维持 / 结果纠正 / 其他结果 / 尚未审结), where pdfjs joins two neighbouring cells into one item.
 * It is when the glyph before it on its line, an item of its own, stands one of the item's own steps (a
 * character and its space) before it (g167-004: 正 at 379.5, 果 结 at 395.4 with a step of 15.8; 其他结果 and
 * 尚未审结 read as one column and section 四 lost one). Letter-spaced labels (商 业 企, 结 果) have no such
 * neighbour: the cells beside them are words of their own.
 */
function inCellRow(glyphs: readonly Fragment[]) {
  return (f: Fragment): boolean => {
    const chars = [...f.text];
    if (chars.length !== 3 || chars[1] !== ' ') return false;
    const before = glyphs.filter((g) => g.page === f.page && sameLine(g, f) && g.x < f.x)
      .reduce<Fragment | undefined>((best, g) => (!best || g.x > best.x ? g : best), undefined);
    if (!before) return false;
    // The glyph's width is the item's character width: its step is what is left of the item's width after one.
    const em = before.x2 - before.x;
    return Math.abs(f.x - before.x - (f.x2 - f.x - em)) <= 0.1 * em;
  };
}

/**
 * Items that touch on one line are one piece of text: pdfjs breaks a run where the font changes
 * ("(" "二" ")" "部分公开…", "结果" "维"), and the pieces must not read as cells. Between ideographs each piece
 * starts where the last one's advance ended, while two cells whose text fills them stand apart by their padding and
 * borders (0.7 pt in a page Chromium printed: 本年制发件数 | 本年废止件数, read as one cell, c239-004): there only a
 * twentieth of a character joins. Beside digits and Latin text a fifth does: LibreOffice sets a little space
 * between Asian and Western text (5641元), which is no gap between cells.
 */
const TOUCHING_CJK = 0.05;
const TOUCHING = 0.2;

export function joinTouching(frags: readonly Fragment[]): Fragment[] {
  const sorted = [...frags].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: Fragment[] = [];
  for (const f of sorted) {
    const em = f.y2 - f.y;
    // The piece it may continue is among the last few kept (sorted by top, then left).
    let prev: Fragment | undefined;
    for (let i = out.length - 1; i >= Math.max(0, out.length - 12) && !prev; i--) if (sameLine(out[i]!, f)) prev = out[i];
    // (Blank marks of neighbouring cells too: - - - under three narrow columns, each its cell's, c239-012.)
    const tight = !!prev && ((IDEOGRAPH.test(prev.text[prev.text.length - 1] ?? '') && IDEOGRAPH.test(f.text[0] ?? '')) ||
      (isBlankMark(prev.text) && isBlankMark(f.text)));
    if (prev && f.x - prev.x2 <= (tight ? TOUCHING_CJK : TOUCHING) * em && f.x - prev.x2 >= -0.3 * em && f.x > prev.x) {
      prev.text += f.text;
      prev.x2 = Math.max(prev.x2, f.x2);
      prev.y = Math.min(prev.y, f.y);
      prev.y2 = Math.max(prev.y2, f.y2);
    } else {
      out.push({ ...f });
    }
  }
  return out;
}

// Before normalisation: full-width punctuation （，） still counts as a full character.
const charWidth = (ch: string) => (isCjk(ch) ? 1 : /\s/.test(ch) ? 0 : 0.55);

/**
 * Where an item's text is, without the spaces it begins or ends with: pdfjs counts them in its width, so "２４ "
 * in a cell that ends where the next begins reached into that next cell's column (held-out g97-003). The spaces
 * share out the width the characters leave over, by the widths of charWidth (ideographs and full-width forms
 * exact, a font size each).
 */
export function inkSpan(str: string, width: number, size: number): { offset: number; width: number } {
  const lead = str.length - str.trimStart().length;
  const trail = str.length - str.trimEnd().length;
  if (!lead && !trail) return { offset: 0, width };
  const spaces = [...str].filter((ch) => /\s/.test(ch)).length;
  const spare = width - [...str].reduce((s, ch) => s + charWidth(ch), 0) * size;
  if (spare <= 0 || !spaces) return { offset: 0, width };
  const space = spare / spaces;
  return { offset: lead * space, width: width - (lead + trail) * space };
}

/**
 * pdfjs joins neighbouring cells into one item with a space between ("5 14", "本年新制作数量 本年新公开数量"):
 * an item is cut at its spaces, each piece placed by the widths of its characters. Letter-spaced text
 * (商 业 企, 结 果) stays whole: a space between two single ideographs is spacing, not a gap between cells
 * (full-width digits ０ ０ are numbers of neighbouring cells, and 无 无 blank cells).
 */
export function splitAtSpaces(frags: readonly Fragment[], cells: (f: Fragment) => boolean = () => false): Fragment[] {
  const out: Fragment[] = [];
  for (const [item, f] of frags.entries()) {
    const tokens = f.text.split(/\s+/).filter(Boolean);
    if (tokens.length < 2) {
      out.push(f);
      continue;
    }
    const spaced = !cells(f);
    const pieces: string[] = [];
    for (const t of tokens) {
      const last = pieces[pieces.length - 1];
      const single = (s: string) => [...s].length === 1 && IDEOGRAPH.test(s);
      const lastToken = last?.split(' ').pop();
      // (Blank marks are cells, however close: 无 无 无 under three narrow columns.)
      const marks = isBlankMark(t) && lastToken !== undefined && isBlankMark(lastToken);
      if (spaced && last !== undefined && single(t) && lastToken !== undefined && single(lastToken) && !marks) pieces[pieces.length - 1] = `${last} ${t}`;
      else pieces.push(t);
    }
    if (pieces.length < 2) {
      out.push(f);
      continue;
    }
    const ink = [...f.text].reduce((s, ch) => s + charWidth(ch), 0);
    const gaps = pieces.length - 1;
    const em = Math.max(0.01, Math.min(f.y2 - f.y, (f.x2 - f.x) / Math.max(ink, 0.01)));
    const gap = Math.max(0, (f.x2 - f.x - ink * em) / gaps);
    let x = f.x;
    for (const piece of pieces) {
      const w = [...piece].reduce((s, ch) => s + charWidth(ch), 0) * em;
      out.push({ ...f, text: piece, x, x2: x + w, item });
      x += w + gap;
    }
  }
  return out;
}
