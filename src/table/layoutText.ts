import { Block, Warning } from '../model';
import { Fragment, Line, blocksFromLines, buildLines, dropFurniture } from './positioned';
import { Readings } from './valueColumns';
import { signedColumn, templateColumns } from '../templates';
import { isBlankMark } from '../mapper/numbers';

/**
 * Text that pdftotext -layout (or a PDF viewer's "copy with layout") made of a report: every printed line on a
 * line of its own, cells set apart by runs of spaces, pages by form feeds. Each word becomes a positioned
 * fragment (x = character column, y = line number; pdftotext gives every character, CJK included, one column)
 * and the shared reconstructor (positioned.ts) rebuilds paragraphs and tables. pdftotext places each block of
 * text by packing it against its neighbours (valueColumns.ts), so columns on different lines and pages agree
 * only roughly: the reconstructor is told so, reads vertical header runs apart, and flags placements it doubts.
 * Text it turned a quarter turn pdftotext leaves out altogether.
 */

const MULTI_CELL = /\S {2,}\S/;

/** True when the text is laid out in columns with spaces, not broken into cells by tabs. */
export function looksLikeLayoutText(text: string): boolean {
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim());
  if (!lines.length) return false;
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const spaced = lines.filter((l) => MULTI_CELL.test(l.trim())).length;
  return tabbed < 0.05 * lines.length && (spaced >= 8 || spaced >= 0.2 * lines.length);
}

/** Words of the text as fragments: maximal runs of non-space characters. */
export function layoutFragments(text: string): Fragment[] {
  const frags: Fragment[] = [];
  let page = 1;
  text.replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const line = i + 1;
    raw.split('\f').forEach((part, j) => {
      if (j > 0) page++;
      const chars = [...part];
      let x = 0;
      while (x < chars.length) {
        if (/\s/.test(chars[x]!)) {
          x++;
          continue;
        }
        const from = x;
        while (x < chars.length && !/\s/.test(chars[x]!)) x++;
        frags.push({ text: chars.slice(from, x).join(''), page, x: from, x2: x, y: line, y2: line + 1, line });
      }
    });
  });
  return frags;
}

/**
 * pdftotext packs the blank marks of narrow cells (section 四's fifteen) into one word where they touch:
 * 无无无无无 is the five blank cells of 行政复议 (g233-026), not a word. (Digits packed so are read in the table,
 * packedCells.ts, where the ends of numbers wrapped in their cells are joined already: ０８ under １２
 * may be the end of 1208.)
 */
export function splitPackedCells(frags: readonly Fragment[]): Fragment[] {
  return frags.flatMap((f) => {
    // (Or beside full-width digits: １１无无无 is two cells, or one, then three blank ones, g273-041. The digits stay
    // one word, for packedCells.ts to read.)
    // A dash so packed is a blank cell too (—３３０ is a blank, then three cells, g289-055), not a minus sign: one
    // before full-width digits is no way a report prints a negative number; dashes alone stay one mark.
    if (!/^(?:[０-９]*[无—―])+[０-９]*$/.test(f.text) || !/[０-９无]/.test(f.text) || f.text.length < 2 ||
      f.text.length !== f.x2 - f.x) return [f];
    let x = f.x;
    return f.text.match(/[０-９]+|[无—―]/g)!.map((text) => ({ ...f, text, x, x2: (x += text.length) }));
  });
}

/** See src/pdf/text.ts: a column of glyphs this long is no label of the template. */
const SIDEBAR_GLYPHS = 20;

const GLYPH = /^[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff08\uff09\uff0c\uff1a\uff1b“”]$/;

/**
 * Text set vertically (三、本年度办理结果 down a merged cell) comes out of pdftotext one character per line in
 * one column, other columns' lines in between. Three or more such characters, each standing clear of any
 * other text on its line, in one column and at most two lines apart, are one word where the column starts.
 */
export function joinVerticalRuns(frags: readonly Fragment[]): Fragment[] {
  const byLine = new Map<number, Fragment[]>();
  for (const f of frags) (byLine.get(f.y) ?? byLine.set(f.y, []).get(f.y)!).push(f);
  // Beside it on its line only other lone glyphs, if anything: narrow vertical headers side by side, one space apart
  // (维 纠 结 审 计 across section 四's five columns of 行政复议, g289-004), are each a column of their own.
  const clear = (f: Fragment) => GLYPH.test(f.text) &&
    !(byLine.get(f.y) ?? []).some((o) => o !== f && o.x2 > f.x - 2 && o.x < f.x2 + 2 && !GLYPH.test(o.text));
  const candidates = frags.filter(clear).sort((a, b) => a.x - b.x || a.y - b.y);
  const used = new Set<Fragment>();
  const joined: Fragment[] = [];
  for (const f of candidates) {
    if (used.has(f)) continue;
    const run = [f];
    for (const g of candidates) {
      const last = run[run.length - 1]!;
      if (g.x === f.x && g.page === last.page && g.y > last.y && g.y - last.y <= 2 && !used.has(g)) run.push(g);
    }
    // 无 / 无 / 无 down a column of numbers are blank cells, not a word set vertically.
    if (run.length < 3 || run.every((g) => isBlankMark(g.text))) continue;
    run.forEach((g) => used.add(g));
    // Longer than any label of the template (三、本年度办理结果 is 9): a narrow column of running text, a web page's
    // sidebar printed beside the report (政/府/信/息/公/开/指/南…). Set below the page's text, out of its lines.
    const sidebar = run.length > SIDEBAR_GLYPHS;
    const y = sidebar ? Math.max(...frags.filter((o) => o.page === f.page).map((o) => o.y2)) + 1 : f.y;
    joined.push({ ...f, text: run.map((g) => g.text).join(''), y, y2: y + 1, ...(sidebar ? { line: y } : {}) });
  }
  return [...frags.filter((f) => !used.has(f)), ...joined];
}

export interface LayoutRead {
  blocks: Block[];
  warnings: Warning[];
  /** What the readings of each guessed placement cost beyond the likeliest (see valueColumns.ts Readings). */
  offered: number[][];
}

/** Paragraphs and tables of layout text; `choices` picks other readings where columns were guessed. */
export function blocksFromLayoutText(text: string, choices: readonly number[] = []): LayoutRead {
  return readLayoutLines(layoutLines(text), choices);
}

/** The lines of layout text, read once and kept for reading again with other choices. */
export function layoutLines(text: string): Line[] {
  return dropFurniture(buildLines(joinVerticalRuns(splitPackedCells(layoutFragments(text))), { runGap: 1 }));
}

export function readLayoutLines(lines: readonly Line[], choices: readonly number[]): LayoutRead {
  const readings = new Readings(choices);
  const { blocks, guessedPages } = blocksFromLines(lines, {
    runGap: 1,
    em: 1,
    blankGap: 1,
    columnTolerance: 0,
    missingTotalCost: 1.5,
    doubt: 1,
    mergeGap: 1.2,
    sharedCoordinates: false,
    splitVertical: true,
    columnsFor: templateColumns,
    signedColumn,
    readings,
  });
  const warnings: Warning[] = guessedPages.length
    ? [{ code: 'COLUMNS_GUESSED', message: `page ${guessedPages.join(', ')}: a table's numbers fit its columns about as well in more than one way (text laid out with spaces does not keep where empty columns are); ${readings.changed ? 'the reading that best fits the report\'s own totals was taken' : 'the likeliest reading was taken'}` }]
    : [];
  return { blocks, warnings, offered: readings.offered };
}
