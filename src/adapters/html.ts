import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { Block, Cell, DocModel, Row, cell, docModel, paragraph, row, table } from '../model';
import { joinLines } from '../text/normalize';
import { canonicalCharset, decodeWith, hasNonAscii, isValidUtf8, sniffDecode, bomCharset } from '../text/decode';
import { altChunkHtml } from '../ooxml/altChunk';

/**
 * HTML pages as government sites publish them: the report inside navigation, sidebars and footers; tables with
 * rowspan/colspan, Word-style <p><span> markup in cells, <br> inside cells, &nbsp; blanks; GBK or UTF-8.
 * Layout tables (a table whose cells hold tables) are read as flow, not as data.
 */

/** The page's charset: BOM, then <meta charset> / http-equiv, then sniffing. A declaration the bytes contradict loses. */
export function decodeHtml(buf: Uint8Array): string {
  const bom = bomCharset(buf);
  if (bom) return decodeWith(buf, bom);
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const declared = m?.[1] ? canonicalCharset(m[1]) : undefined;
  if (declared === 'utf-8' && !isValidUtf8(buf)) return decodeWith(buf, 'gb18030');
  // A page declared GBK that is valid UTF-8 with multi-byte text was re-saved as UTF-8 without its meta changed.
  if (declared && declared !== 'utf-8' && hasNonAscii(buf) && isValidUtf8(buf)) return decodeWith(buf, 'utf-8');
  if (declared) return decodeWith(buf, declared);
  return sniffDecode(buf).text;
}

const DROP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select',
  'button', 'input', 'textarea', 'nav', 'aside']);
const CONTENT = /zoom|content|article|TRS_Editor|main/i;
/** Class or id words of site furniture. Never applied to an element that holds a table. */
const FURNITURE = /(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|topbar|sidebar|side|share|related|links?|copyright|toolbar|search|login)([-_\s\d]|$)/i;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'center', 'dl', 'dt', 'dd', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'body', 'html']);

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Text of a cell or paragraph as lines: <br>, <p>, <div> and <li> break lines. */
function linesOf(n: AnyNode, out: string[] = [''], inPre = false): string[] {
  if (n.type === 'text') {
    const t = (n as unknown as { data: string }).data;
    out[out.length - 1] += inPre ? t : t.replace(/[\r\n\t]+/g, ' ');
    return out;
  }
  if (!isElement(n)) return out;
  const name = n.name.toLowerCase();
  if (name === 'br') {
    out.push('');
    return out;
  }
  const block = BLOCK.has(name) || name === 'tr' || name === 'table';
  if (block && out[out.length - 1]!.trim()) out.push('');
  for (const c of n.children) linesOf(c, out, inPre || name === 'pre');
  if (block && out[out.length - 1]!.trim()) out.push('');
  return out;
}

function spanOf(el: Element, attr: string): number {
  const v = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, 100) : 1;
}

function tableRows(t: Element): Element[] {
  const rows: Element[] = [];
  for (const c of t.children) {
    if (!isElement(c)) continue;
    const name = c.name.toLowerCase();
    if (name === 'tr') rows.push(c);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const r of c.children) if (isElement(r) && r.name.toLowerCase() === 'tr') rows.push(r);
    }
  }
  return rows;
}

function readTable(t: Element): Row[] {
  return tableRows(t).map((tr) => {
    const cells: Cell[] = [];
    for (const td of tr.children) {
      if (!isElement(td) || !/^t[dh]$/i.test(td.name)) continue;
      cells.push(cell(joinLines(linesOf(td)), { rowSpan: spanOf(td, 'rowspan'), colSpan: spanOf(td, 'colspan') }));
    }
    return row(cells);
  }).filter((r) => r.cells.length > 0);
}

/** True when an element holds a <table> anywhere below it. */
function holdsTable(n: Element): boolean {
  return n.children.some((c) => isElement(c) && (c.name.toLowerCase() === 'table' || holdsTable(c)));
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  return isElement(n) ? n.children.map(textOf).join('') : '';
}

/** Site furniture by class or id (never an element that holds a table or says it is the content). */
function isFurniture(el: Element): boolean {
  const words = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return words.length > 1 && FURNITURE.test(words) && !CONTENT.test(words) && !holdsTable(el);
}

/** A menu or a "related reports" list: its items are links, and their titles are not this report's. */
function isLinkList(el: Element): boolean {
  const items = el.children.filter((c): c is Element => isElement(c) && c.name.toLowerCase() === 'li');
  const linked = items.filter((li) => hasLink(li)).length;
  return items.length >= 2 && linked >= items.length * 0.8;
}

function hasLink(n: Element): boolean {
  return n.children.some((c) => isElement(c) && (c.name.toLowerCase() === 'a' || hasLink(c)));
}

/**
 * Presentational attributes, dropped before parsing: Word-made tables carry a style, a width, an alignment and a
 * language on every cell, paragraph and span, more than half of a page's bytes, and the tokenizer reads them a
 * character at a time (parsing took 1.05 ms a page with them, 0.67 without). Only rowspan, colspan, class and id are
 * read here. One native pass over the text: the pattern needs a space, a presentational name, `=` and a value, which
 * Chinese report text does not hold outside a tag.
 */
const PRESENTATIONAL = /\s(?:style|lang|width|height|valign|align|border|cellspacing|cellpadding|bgcolor|face|size|color)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)/gi;

export function blocksFromHtml(html: string): { blocks: Block[]; title?: string } {
  // htmlparser2 (forgiving, several times faster than parse5) rather than the spec parser: pages are read, not
  // rendered. Its DOM is walked once, without cheerio's wrapper or selector engine (cheerio.load cost 0.5 ms a page
  // more than the parse itself): this runs once per report in a batch of thousands.
  const dom = parseDocument(html.replace(PRESENTATIONAL, ''), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  let title: string | undefined;
  const blocks: Block[] = [];
  let lines: string[] = [''];
  const flush = () => {
    for (const l of lines) if (l.trim()) blocks.push(paragraph(l.replace(/\s+/g, ' ').trim()));
    lines = [''];
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      lines[lines.length - 1] += (n as unknown as { data: string }).data.replace(/[\r\n\t]+/g, ' ');
      return;
    }
    if (!isElement(n)) return;
    const name = n.name.toLowerCase();
    if (name === 'title') {
      title ??= textOf(n).trim() || undefined;
      return;
    }
    if (DROP.has(name) || isFurniture(n) || ((name === 'ul' || name === 'ol') && isLinkList(n))) return;
    if (name === 'table') {
      flush();
      if (holdsTable(n)) {
        // A layout table: its cells are the page's flow.
        for (const tr of tableRows(n)) for (const td of tr.children) if (isElement(td)) { walk(td); flush(); }
      } else {
        const rows = readTable(n);
        if (rows.length) blocks.push(table(rows));
      }
      return;
    }
    if (name === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCK.has(name) || name === 'td' || name === 'th' || name === 'tr';
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  for (const c of dom.children) walk(c);
  flush();
  return { blocks, ...(title ? { title } : {}) };
}

export function readHtml(buf: Uint8Array): DocModel {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 2048)).toString('latin1');
  // A page saved as MHT: the page is the message's text/html part.
  const html = /^MIME-Version:/im.test(head) ? (altChunkHtml(Buffer.from(buf), 'page.mht') ?? '') : decodeHtml(buf);
  const { blocks, title } = blocksFromHtml(html);
  return docModel('html', blocks, title ? { metaTitle: title } : {});
}
