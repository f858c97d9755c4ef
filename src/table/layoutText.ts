import { Block, Warning } from '../model';
import { Fragment, blocksFromLines, buildLines, dropFurniture } from './positioned';

/**
 * Text that pdftotext -layout (or a PDF viewer's "copy with layout") made of a report: every printed line on a
 * line of its own, cells set apart by runs of spaces, pages by form feeds. Each word becomes a positioned
 * fragment (x = character column, y = line number; pdftotext gives every character, CJK included, one column)
 * and the shared reconstructor (positioned.ts) rebuilds paragraphs and tables.
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

export function blocksFromLayoutText(text: string): { blocks: Block[]; warnings: Warning[] } {
  const lines = dropFurniture(buildLines(layoutFragments(text), { runGap: 1 }));
  const { placed, guessedPages } = blocksFromLines(lines, {
    runGap: 1,
    em: 1,
    blankGap: 1,
    columnTolerance: 0,
    missingTotalCost: 1.5,
    sharedCoordinates: false,
    splitVertical: true,
  });
  const warnings: Warning[] = guessedPages.length
    ? [{ code: 'COLUMNS_GUESSED', message: `page ${guessedPages.join(', ')}: a table's numbers fit its columns in more than one way (text laid out with spaces keeps no column positions for empty columns); the likeliest reading was taken` }]
    : [];
  return { blocks: placed.map((p) => p.block), warnings };
}
