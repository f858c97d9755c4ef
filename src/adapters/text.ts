import { DocModel, docModel } from '../model';
import { sniffDecode } from '../text/decode';
import { blocksFromTabText } from '../table/tabText';
import { layoutLines, looksLikeLayoutText, readLayoutLines } from '../table/layoutText';

/**
 * Plain text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK). Tab-broken grids (a DOCX or web page
 * copied as text) are rebuilt by table/tabText; text laid out in columns with spaces (pdftotext -layout, a PDF
 * copied with its layout) by table/layoutText.
 */
export function readText(buf: Uint8Array): DocModel {
  const { text } = sniffDecode(buf);
  if (looksLikeLayoutText(text)) {
    const lines = layoutLines(text);
    const read = (choices: readonly number[]): DocModel => {
      const { blocks, warnings, offered } = readLayoutLines(lines, choices);
      return docModel('text', blocks, { warnings, ...(offered.length ? { rereadable: { offered, reread: read } } : {}) });
    };
    return read([]);
  }
  return docModel('text', blocksFromTabText(text));
}
