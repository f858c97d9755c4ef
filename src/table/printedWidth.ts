/**
 * How wide a number of layout text is printed. pdftotext -layout gives every character one column, though a
 * fullwidth digit (２, common in reports typed with a Chinese input method) is printed twice as wide as 2. A
 * column of such numbers then seems not to overlap itself (２３ set under １３５ starts where １３５ seems to end)
 * and is read as two columns. For placing numbers in columns they are given the width they are printed at; the
 * words keep the columns the text gave them.
 * (Only the fullwidth forms: counting a unit such as 件 two wide as well split columns of `3件` in other reports.)
 */

const WIDE = /[\uff01-\uff60]/u;

/** Columns a word covers where printed: a fullwidth character two. */
export function printedWidth(text: string): number {
  let n = 0;
  for (const c of text) n += WIDE.test(c) ? 2 : 1;
  return n;
}

/**
 * The columns a word covers where printed: as the text gives them where positions are exact (PDF), else from
 * its start over its printed width (layout text).
 */
export function printedSpan(w: { x: number; x2: number; text: string }, exact: boolean): { x: number; x2: number } {
  return exact ? { x: w.x, x2: w.x2 } : { x: w.x, x2: w.x + printedWidth(w.text) };
}
