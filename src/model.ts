/**
 * The one intermediate model every input adapter produces (mammoth-style: adapters read, the mapper transforms).
 * A document is a flat list of blocks in reading order: paragraphs of prose and tables of cells.
 * Small typed constructors only; no behaviour lives here.
 */

export type Format = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

/** Where something was printed. Every field is optional: each adapter fills what its format knows. */
export interface SourceRef {
  /** 1-based page number (PDF). */
  page?: number;
  /** 1-based line number in the decoded text (text formats). */
  line?: number;
  /** PDF user-space position of the text's origin (bottom left), and its width and height. */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** A positioned run of text, as a PDF text layer gives it. */
export interface TextItem {
  text: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Cell {
  /** The cell's text, lines joined (see table/cellText.ts), not yet normalised. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /**
   * True for an empty stand-in that a flattening tool printed where a merged cell continues
   * (a Word vMerge continuation, a tab-broken text's empty line). It holds no value of its own.
   */
  placeholder: boolean;
  source?: SourceRef;
}

export interface Row {
  cells: Cell[];
}

export interface TableBlock {
  kind: 'table';
  rows: Row[];
  source?: SourceRef;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  source?: SourceRef;
}

export type Block = TableBlock | ParagraphBlock;

export interface Warning {
  code: string;
  message: string;
}

/** What an adapter returns. */
export interface DocModel {
  format: Format;
  blocks: Block[];
  /** Page count for paged formats (PDF). */
  pages?: number;
  /** A title the container states apart from the body (HTML <title>, document properties). */
  metaTitle?: string;
  warnings: Warning[];
  /**
   * Where text positions left a table's columns in doubt (layout text, PDF without ruling lines): the readings
   * each doubtful placement offered, in the order met, as what each costs beyond the likeliest (in column
   * widths), and the document read again taking others. The pipeline weighs them with the report's own totals.
   */
  rereadable?: {
    offered: number[][];
    reread(choices: readonly number[]): DocModel;
  };
}

export function cell(text: string, opts: Partial<Omit<Cell, 'text'>> = {}): Cell {
  return {
    text,
    rowSpan: opts.rowSpan ?? 1,
    colSpan: opts.colSpan ?? 1,
    placeholder: opts.placeholder ?? false,
    ...(opts.source ? { source: opts.source } : {}),
  };
}

/** An empty stand-in for a merged cell's continuation. */
export function placeholder(source?: SourceRef): Cell {
  return cell('', { placeholder: true, ...(source ? { source } : {}) });
}

export function row(cells: Cell[]): Row {
  return { cells };
}

export function table(rows: Row[], source?: SourceRef): TableBlock {
  return { kind: 'table', rows, ...(source ? { source } : {}) };
}

export function paragraph(text: string, source?: SourceRef): ParagraphBlock {
  return { kind: 'paragraph', text, ...(source ? { source } : {}) };
}

export function docModel(format: Format, blocks: Block[], extra: Partial<Omit<DocModel, 'format' | 'blocks'>> = {}): DocModel {
  return { format, blocks, warnings: extra.warnings ?? [], ...(extra.pages !== undefined ? { pages: extra.pages } : {}),
    ...(extra.metaTitle !== undefined ? { metaTitle: extra.metaTitle } : {}),
    ...(extra.rereadable !== undefined ? { rereadable: extra.rereadable } : {}) };
}
