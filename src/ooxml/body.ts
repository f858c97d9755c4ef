import type { Element, Text } from 'domhandler';
import { Block, paragraph, table } from '../model';
import { joinLines, squeeze } from '../text/normalize';
import { WordNames, childElements } from './xml';
import { WordCell, WordRow, wordTableRows } from './wordTable';

/**
 * word/document.xml's body, in reading order, into the intermediate model.
 *   - w:p: the text of its runs (w:t), w:tab as a space, w:br/w:cr as a new line; each printed line its own paragraph
 *     block, so a heading that shares a w:p with the next line (joined by w:br) still stands alone;
 *   - what is not printed is left out: deleted revisions (w:del, w:moveFrom), hidden runs (w:vanish), field codes
 *     (w:instrText; the field's result runs are kept); text boxes follow the paragraph they are anchored in;
 *   - content controls (w:sdt), w:hyperlink, w:ins, custom XML and smart tags are looked through;
 *   - w:tbl: rows and cells with their spans (wordTable.ts); a table whose cells hold tables is page layout and is
 *     read as flow, its inner tables as tables.
 */

export interface BodyHooks {
  /** Text printed before a paragraph by its list numbering ("一、"), if it has any. */
  numberOf?(p: Element): string;
  /** Blocks of an imported part (w:altChunk), read beforehand; undefined when it could not be read. */
  altChunk?(el: Element): Block[] | undefined;
}

/** Spans and skips beyond this are damage (Word allows 63 columns); the cap keeps a grid from exploding. */
const MAX_SPAN = 100;

const WRAPPERS = new Set(['customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'dir', 'bdo']);

function textOf(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as Text).data : '')).join('');
}

export class BodyReader {
  constructor(private readonly w: WordNames, private readonly hooks: BodyHooks = {}) {}

  read(body: Element): Block[] {
    const out: Block[] = [];
    this.readBlocks(body, out);
    return out;
  }

  /** An element's children, looking through the wrappers Word puts around content at every level. */
  private contents(el: Element): Element[] {
    const out: Element[] = [];
    for (const c of childElements(el)) {
      const name = this.w.local(c);
      if (name === 'sdt') {
        const inner = this.w.child(c, 'sdtContent');
        if (inner) out.push(...this.contents(inner));
      } else if (name === 'ruby') {
        const base = this.w.child(c, 'rubyBase');
        if (base) out.push(...this.contents(base));
      } else if (name && WRAPPERS.has(name)) out.push(...this.contents(c));
      else out.push(c);
    }
    return out;
  }

  private readBlocks(container: Element, out: Block[]): void {
    for (const el of this.contents(container)) {
      const name = this.w.local(el);
      if (name === 'p') {
        for (const line of this.paragraphLines(el)) {
          const t = squeeze(line);
          if (t) out.push(paragraph(t));
        }
        this.textBoxes(el, out);
      } else if (name === 'tbl') this.readTable(el, out);
      else if (name === 'altChunk') out.push(...(this.hooks.altChunk?.(el) ?? []));
    }
  }

  /**
   * Text boxes anchored in a paragraph, after it. Office writes each twice (a DrawingML shape and its VML
   * fallback inside mc:AlternateContent); the fallback is skipped.
   */
  private textBoxes(el: Element, out: Block[]): void {
    for (const c of childElements(el)) {
      if (c.name.endsWith(':Fallback')) continue;
      if (this.w.local(c) === 'txbxContent') this.readBlocks(c, out);
      else this.textBoxes(c, out);
    }
  }

  private paragraphLines(p: Element): string[] {
    const lines = [this.hooks.numberOf?.(p) ?? ''];
    for (const el of this.contents(p)) if (this.w.local(el) === 'r') this.run(el, lines);
    return lines;
  }

  private run(r: Element, lines: string[]): void {
    if (this.w.isOn(this.w.child(r, 'rPr'), 'vanish')) return;
    for (const c of childElements(r)) {
      switch (this.w.local(c)) {
        case 't':
          lines[lines.length - 1] += textOf(c);
          break;
        case 'tab':
        case 'ptab':
          lines[lines.length - 1] += ' ';
          break;
        case 'br':
        case 'cr':
          lines.push('');
          break;
        case 'noBreakHyphen':
          lines[lines.length - 1] += '-';
          break;
        default:
        // w:instrText (a field's code), w:delText, w:drawing, w:pict, w:footnoteReference …: not printed text.
      }
    }
  }

  private readTable(tbl: Element, out: Block[]): void {
    // A row deleted as a tracked revision (w:trPr/w:del) is not printed.
    const printed = (tr: Element) => {
      const trPr = this.w.child(tr, 'trPr');
      return !(trPr && this.w.child(trPr, 'del'));
    };
    const rows = this.contents(tbl)
      .filter((tr) => this.w.local(tr) === 'tr' && printed(tr))
      .map((tr) => ({ tr, tcs: this.contents(tr).filter((tc) => this.w.local(tc) === 'tc') }));
    const nested = rows.some((r) => r.tcs.some((tc) => this.contents(tc).some((el) => this.w.local(el) === 'tbl')));
    if (nested) {
      for (const r of rows) for (const tc of r.tcs) this.readBlocks(tc, out);
      return;
    }
    const wordRows: WordRow[] = rows.map(({ tr, tcs }) => {
      const trPr = this.w.child(tr, 'trPr');
      const skip = (name: string) => Math.min(MAX_SPAN, Math.max(0, this.w.intOf(trPr, name) ?? 0));
      return {
        before: skip('gridBefore'),
        after: skip('gridAfter'),
        cells: tcs.map((tc) => this.cell(tc)),
      };
    });
    const grid = this.w.child(tbl, 'tblGrid');
    const widths = grid ? childElements(grid).filter((g) => this.w.local(g) === 'gridCol').map((g) => Number(this.w.attr(g, 'w') ?? NaN)) : [];
    if (wordRows.length) out.push(table(wordTableRows(wordRows, widths.every((x) => Number.isFinite(x)) ? widths : undefined)));
  }

  private cell(tc: Element): WordCell {
    const pr = this.w.child(tc, 'tcPr');
    const lines: string[] = [];
    for (const el of this.contents(tc)) if (this.w.local(el) === 'p') lines.push(...this.paragraphLines(el));
    const merge = (name: string): 'restart' | 'continue' | undefined => {
      const m = pr && this.w.child(pr, name);
      // <w:vMerge/> with no value (as WPS writes it) continues a merge.
      return m ? (this.w.attr(m, 'val') === 'restart' ? 'restart' : 'continue') : undefined;
    };
    const vMerge = merge('vMerge');
    const hMerge = merge('hMerge');
    return {
      text: joinLines(lines),
      span: Math.min(MAX_SPAN, Math.max(1, this.w.intOf(pr, 'gridSpan') ?? 1)),
      ...(vMerge ? { vMerge } : {}),
      ...(hMerge ? { hMerge } : {}),
    };
  }
}
