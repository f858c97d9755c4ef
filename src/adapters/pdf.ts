import { DocModel, Warning, docModel } from '../model';
import { NianbaoError } from '../errors';
import { openPdf } from '../pdf/load';
import { pageText } from '../pdf/text';
import { blocksFromLines, buildLines, dropFurniture } from '../table/positioned';
import { Readings } from '../table/valueColumns';
import { signedColumn } from '../templates';

/**
 * PDF: every page's text items as positioned fragments (pdf/text.ts), then the shared reconstructor
 * (table/positioned.ts) rebuilds paragraphs and tables, a table that runs over a page break as one.
 * A PDF without a text layer is a scan; one with a password cannot be read (pdf/load.ts).
 */

/**
 * How a PDF's numbers are placed on columns (table/valueColumns.ts PlaceHints): positions are exact, so the sums only
 * break ties (a missing total costs a tenth of a column) and a broken sum is likelier a misprint than numbers read
 * three columns from where they stand; a number below zero goes only where the template allows one (本年增/减).
 */
export const PDF_PLACEMENT = {
  blankGap: 1.2, sharedCoordinates: true, missingTotalCost: 0.1, misprintCost: 3, doubt: 0, signedColumn,
} as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}

export async function readPdf(buf: Uint8Array, file: string): Promise<DocModel> {
  const doc = await openPdf(buf, file);
  try {
    // All pages asked for at once: pdfjs answers them in turn, without a round trip between pages.
    const pages = await Promise.all(Array.from({ length: doc.numPages }, async (_, i) => pageText(await doc.getPage(i + 1), i + 1)))
      .catch((e: unknown) => {
        throw new NianbaoError('UNREADABLE', file, `the PDF's pages cannot be read (${(e as Error).message ?? String(e)})`);
      });
    const fragments = pages.flat();
    const chars = fragments.reduce((n, f) => n + f.text.replace(/\s/g, '').length, 0);
    if (chars < 20) {
      const n = `${doc.numPages} page${doc.numPages === 1 ? '' : 's'}`;
      throw new NianbaoError('NO_TEXT', file, `the PDF has no text layer (${n} without text): it looks like a scan; run OCR on it first`);
    }
    const em = median(fragments.map((f) => f.y2 - f.y));
    // Cells of a header can stand a third of a character apart; words of one cell come closer or in one item.
    const runGap = 0.3 * em;
    const lines = dropFurniture(buildLines(fragments, { runGap }));
    const pageCount = doc.numPages;
    const read = (choices: readonly number[]): DocModel => {
      const readings = new Readings(choices);
      const { blocks, guessedPages } = blocksFromLines(lines, {
        runGap,
        em,
        columnTolerance: 0.2 * em,
        ...PDF_PLACEMENT,
        readings,
      });
      const warnings: Warning[] = guessedPages.length
        ? [{ code: 'COLUMNS_GUESSED', message: `page ${guessedPages.join(', ')}: a table's numbers fit its columns in more than one way; ${readings.changed ? 'the reading that best fits the report\'s own totals was taken' : 'the likeliest reading was taken'}` }]
        : [];
      const offered = readings.offered;
      return docModel('pdf', blocks, { pages: pageCount, warnings, ...(offered.length ? { rereadable: { offered, reread: read } } : {}) });
    };
    return read([]);
  } finally {
    await doc.destroy();
  }
}
