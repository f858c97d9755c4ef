import type { Word } from './words';
import type { Readings } from './valueColumns';

/** The cells of narrow columns that layout text packs into one word, read apart (see unpackDigits). */

/**
 * Layout text: pdftotext packs the full-width digits of narrow cells side by side into one word. No cell prints a
 * number with a leading zero, so ００ under 尚未审结 and 总计 is a zero in each (g223-017) and ０５ is 0 and 5; that
 * is certain. Otherwise (１０１０２ under 行政复议's five columns: 1, 0, 1, 0 and 2, g229-030), where a row's numbers,
 * such words (all of them, or some: fillingSplits) read a digit a cell, fill exactly the template's columns, that
 * reading is offered after the one as printed, for the report's sums to choose (a number of two digits in one cell
 * is as likely where they add up); the page is then flagged either way. (By now the ends of numbers wrapped in their
 * cells, ０８ under １２, are joined to them.)
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
  for (const d of drafts) {
    if (!onePage(d)) continue;
    const splits = fillingSplits(d.values, packed, count);
    if (!splits.length || !readings) continue;
    pages.push(d.values[0]!.page);
    // As printed first; then each way of reading some packed words a digit a cell that fills the row exactly.
    const j = readings.pick([0, ...splits.map(() => 1)]);
    const split = splits[j - 1];
    if (split) d.values = d.values.flatMap((w) => (split.has(w) ? apart(w, [...w.text]) : [w]));
  }
  return pages;
}

/**
 * The sets of `packed` words that, each read a digit a cell, make the row exactly `count` cells, fewest digits
 * split first: where only some are packed cells (１５ beside —３３０ under section 四's fifteen columns is 15, and
 * ３３０ three cells, g289-055), only those are.
 */
export function fillingSplits(values: readonly Word[], packed: (w: Word) => boolean, count: number): Set<Word>[] {
  const words = values.filter(packed);
  if (!words.length || words.length > 8) return [];
  const extra = count - values.length;
  const found: Set<Word>[] = [];
  // Some words only where the row's cells are narrower than three digits: in wider ones (section 三's seven) a
  // number of two digits is no more likely packed cells than beside them (２９ ２ … ３３ is 29, g269-042).
  const span = Math.max(...values.map((w) => w.x2)) - Math.min(...values.map((w) => w.x));
  const all = (1 << words.length) - 1;
  for (let mask = span / count < 3 ? 1 : all; mask <= all; mask++) {
    const chosen = words.filter((_, i) => mask & (1 << i));
    if (chosen.reduce((n, w) => n + w.text.length - 1, 0) === extra) found.push(new Set(chosen));
  }
  const digits = (set: Set<Word>) => [...set].reduce((n, w) => n + w.text.length, 0);
  return found.sort((a, b) => digits(a) - digits(b));
}
