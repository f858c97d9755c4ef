import type { Word } from './words';
import type { Readings } from './valueColumns';

/** The cells of narrow columns that layout text packs into one word, read apart (see unpackDigits). */

/**
 * Layout text: pdftotext packs the full-width digits of narrow cells side by side into one word. No cell prints a
 * number with a leading zero, so ００ under 尚未审结 and 总计 is a zero in each (g223-017) and ０５ is 0 and 5; that
 * is certain. Otherwise (１０１０２ under 行政复议's five columns: 1, 0, 1, 0 and 2, g229-030), where a row's numbers,
 * such words read a digit a cell, fill exactly the template's columns, that reading is offered after the one as
 * printed, for the report's sums to choose (a number of two digits in one cell is as likely where they add up);
 * the page is then flagged either way. (By now the ends of numbers wrapped in their cells, ０８ under １２, are
 * joined to them.)
 */
export function unpackDigits(drafts: { values: Word[] }[], count: number, readings: Readings | undefined): number[] {
  const apart = (w: Word, parts: readonly string[]) => {
    let x = w.x;
    return parts.map((text) => ({ ...w, text, x, x2: (x += [...text].length) }));
  };
  const sized = (w: Word) => w.x2 - w.x === [...w.text].length;
  for (const d of drafts) {
    d.values = d.values.flatMap((w) => {
      const zeros = /^([0０]+)([0-9０-９]*)$/.exec(w.text);
      if (!zeros || w.text.length < 2 || !sized(w)) return [w];
      // Leading zeros a cell each; what follows them is one number (０１２ is 0 and 12: the likelier reading).
      return apart(w, [...zeros[1]!, ...(zeros[2] ? [zeros[2]] : [])]);
    });
  }
  const packed = (w: Word) => /^[０-９]{2,}$/.test(w.text) && sized(w);
  // Blank marks of narrow cells packed likewise (5 1 －－ 6 … under 行政复议, g219-045): －－ may be one cell's mark
  // too, so it is two only where the row then fills exactly the template's columns; no sum can tell otherwise.
  const marks = (w: Word) => /^([-－—–―])\1{1,2}$/.test(w.text) && sized(w);
  const cells = (d: { values: Word[] }, split: (w: Word) => boolean) => d.values.reduce((n, w) => n + (split(w) ? w.text.length : 1), 0);
  const onePage = (d: { values: Word[] }) => new Set(d.values.map((w) => w.page)).size === 1;
  const pages: number[] = [];
  for (const d of drafts) {
    if (!d.values.some(marks) || !onePage(d) || cells(d, marks) !== count) continue;
    d.values = d.values.flatMap((w) => (marks(w) ? apart(w, [...w.text]) : [w]));
    pages.push(d.values[0]!.page);
  }
  const rows = drafts.filter((d) => d.values.some(packed) && onePage(d) && cells(d, packed) === count);
  if (!rows.length || !readings) return pages;
  pages.push(...rows.map((d) => d.values[0]!.page));
  if (readings.pick([0, 1]) === 1) for (const d of rows) d.values = d.values.flatMap((w) => (packed(w) ? apart(w, [...w.text]) : [w]));
  return pages;
}
