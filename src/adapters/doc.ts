import { Block, DocModel, docModel, paragraph, table } from '../model';
import { NianbaoError } from '../errors';
import { joinLines, squeeze } from '../text/normalize';
import { Cfb, CfbError, readCfb } from '../msdoc/cfb';
import { CellDef, Word97Error, WordParagraph, readWord97 } from '../msdoc/word97';
import { summaryTitle } from '../msdoc/summary';
import { WordRow, wordTableRows } from '../ooxml/wordTable';

/**
 * Legacy Word 97–2003 (.doc), and the other files that share its OLE container: a password-protected DOCX is an
 * OLE file too (streams EncryptionInfo and EncryptedPackage), which is why the detector calls it 'doc'.
 * Tables keep their structure: rows and cells from the paragraph marks, spans from the cells' edges, vertical
 * merges from the cells' merge flags (msdoc/word97.ts); a table whose cells hold tables is page layout, read as flow.
 */

type Item = { kind: 'text'; text: string } | { kind: 'table'; rows: DocRow[] };

interface DocRow {
  cells: Item[][];
  defs?: CellDef[];
}

/** The rows of the table that starts at paras[i], at nesting depth `depth`. */
function readTable(paras: readonly WordParagraph[], start: number, depth: number): { rows: DocRow[]; next: number } {
  const rows: DocRow[] = [];
  let cells: Item[][] = [];
  let items: Item[] = [];
  let i = start;
  while (i < paras.length && paras[i]!.depth >= depth) {
    const p = paras[i]!;
    if (p.depth > depth) {
      const inner = readTable(paras, i, depth + 1);
      items.push({ kind: 'table', rows: inner.rows });
      i = inner.next;
      continue;
    }
    i++;
    if (p.end === 'row') {
      if (items.length) cells.push(items);
      rows.push({ cells, ...(p.cells ? { defs: p.cells } : {}) });
      cells = [];
      items = [];
      continue;
    }
    items.push({ kind: 'text', text: p.text });
    if (p.end === 'cell') {
      cells.push(items);
      items = [];
    }
  }
  // A table cut off before its last row mark (a damaged file) keeps what it has.
  if (items.length) cells.push(items);
  if (cells.length) rows.push({ cells });
  return { rows, next: i };
}

/** The table's grid: every cell edge of every row (twips from the left margin), in order. */
function gridLines(rows: readonly DocRow[]): number[] {
  return [...new Set(rows.flatMap((r) => (r.defs ?? []).flatMap((d) => [d.left, d.right])))].sort((a, b) => a - b);
}

function wordRows(rows: readonly DocRow[], lines: readonly number[]): WordRow[] {
  const at = (x: number) => Math.max(0, lines.indexOf(x));
  const width = Math.max(0, lines.length - 1);
  return rows.map((r) => {
    const defs = r.defs ?? [];
    const cells = r.cells.map((items, k) => {
      const d = defs[k];
      const text = joinLines(items.flatMap((it) => (it.kind === 'text' ? it.text.split('\n') : [])));
      if (!d) return { text, span: 1 };
      return { text, span: Math.max(1, at(d.right) - at(d.left)), ...(d.vMerge ? { vMerge: d.vMerge } : {}), ...(d.hMerge ? { hMerge: d.hMerge } : {}) };
    });
    const first = defs[0];
    const last = defs[Math.min(defs.length, r.cells.length) - 1];
    return { before: first ? at(first.left) : 0, after: last ? width - at(last.right) : 0, cells };
  });
}

function pushLines(text: string, out: Block[]): void {
  for (const line of text.split('\n')) {
    const t = squeeze(line);
    if (t) out.push(paragraph(t));
  }
}

function pushTable(rows: readonly DocRow[], out: Block[]): void {
  const layout = rows.some((r) => r.cells.some((c) => c.some((it) => it.kind === 'table')));
  if (!layout) {
    const lines = gridLines(rows);
    if (rows.length) out.push(table(wordTableRows(wordRows(rows, lines), lines.slice(1).map((x, i) => x - lines[i]!))));
    return;
  }
  for (const r of rows) {
    for (const c of r.cells) {
      for (const it of c) {
        if (it.kind === 'text') pushLines(it.text, out);
        else pushTable(it.rows, out);
      }
    }
  }
}

export function blocksFromWordParagraphs(paras: readonly WordParagraph[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < paras.length) {
    const p = paras[i]!;
    if (p.depth === 0) {
      pushLines(p.text, out);
      i++;
      continue;
    }
    const t = readTable(paras, i, 1);
    pushTable(t.rows, out);
    i = t.next;
  }
  return out;
}

function openCfb(buf: Uint8Array, file: string): Cfb {
  try {
    return readCfb(buf);
  } catch (e) {
    if (e instanceof CfbError || e instanceof RangeError) throw new NianbaoError('UNREADABLE', file, `a damaged Word 97–2003 (OLE) file: ${e.message}`);
    throw e;
  }
}

export async function readDoc(buf: Uint8Array, file: string): Promise<DocModel> {
  const cfb = openCfb(buf, file);
  if (cfb.streams.includes('EncryptedPackage')) {
    throw new NianbaoError('ENCRYPTED', file, 'a Word document (DOCX) protected with a password; save it without one');
  }
  let text: ReturnType<typeof readWord97>;
  try {
    text = readWord97(cfb);
  } catch (e) {
    if (e instanceof Word97Error) throw new NianbaoError(e.encrypted ? 'ENCRYPTED' : 'UNREADABLE', file, e.message);
    if (e instanceof CfbError || e instanceof RangeError) throw new NianbaoError('UNREADABLE', file, `a damaged Word 97–2003 file: ${e.message}`);
    throw e;
  }
  const blocks = blocksFromWordParagraphs(text.paragraphs);
  if (!blocks.length) {
    if (text.pictures) throw new NianbaoError('NO_TEXT', file, 'the document holds pictures but no text (a scan?)');
    throw new NianbaoError('EMPTY', file, 'the document has no text');
  }
  const title = summaryTitle(cfb);
  return docModel('doc', blocks, title ? { metaTitle: title } : {});
}
