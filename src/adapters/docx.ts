import type { Element } from 'domhandler';
import { Block, DocModel, Warning, docModel } from '../model';
import { NianbaoError } from '../errors';
import { OoxmlPackage, Relationship } from '../ooxml/package';
import { isElement, parseXml, WordNames } from '../ooxml/xml';
import { BodyReader } from '../ooxml/body';
import { ListNumbering } from '../ooxml/numbering';
import { altChunkHtml } from '../ooxml/altChunk';
import { blocksFromHtml } from './html';

/**
 * DOCX (Word 2007+, WPS): word/document.xml read directly (ooxml/body.ts), with its list numbering and any
 * imported HTML page (w:altChunk). mammoth (1.13) is not used: it ignores w:gridBefore/w:gridAfter, so in a row
 * that skips a grid column every cell, and every vertical merge below it, lands one column off; list numbers
 * become <ol> markup rather than the "一、" printed; and its HTML would only have to be parsed again.
 * A password-protected DOCX is no ZIP but an OLE file; adapters/doc.ts reports it.
 */

/** ZIP and XML failures are the file's fault: a damaged package. */
async function guard<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof NianbaoError) throw e;
    throw new NianbaoError('UNREADABLE', file, `a damaged DOCX file: ${(e as Error).message}`);
  }
}

function relOfType(rels: readonly Relationship[], type: string): Relationship | undefined {
  return rels.find((r) => !r.external && r.type.endsWith(`/${type}`));
}

function textOf(el: Element): string {
  return el.children.map((c) => (isElement(c) ? textOf(c) : 'data' in c ? String(c.data) : '')).join('');
}

/** dc:title of the core properties part. */
async function coreTitle(pkg: OoxmlPackage, rels: readonly Relationship[]): Promise<string | undefined> {
  const xml = await pkg.text(relOfType(rels, 'core-properties')?.target ?? 'docProps/core.xml');
  const root = xml ? parseXml(xml) : undefined;
  const title = root?.children.filter(isElement).find((c) => c.name.replace(/^.*:/, '') === 'title');
  return (title && textOf(title).trim()) || undefined;
}

/** Imported HTML pages by relationship id, read with the HTML adapter. */
async function altChunks(pkg: OoxmlPackage, rels: readonly Relationship[]): Promise<Map<string, Block[]>> {
  const out = new Map<string, Block[]>();
  for (const r of rels.filter((x) => !x.external && /\/aFChunk$/i.test(x.type))) {
    const bytes = await pkg.bytes(r.target);
    const html = bytes && altChunkHtml(bytes, r.target);
    if (html !== undefined) out.set(r.id, blocksFromHtml(html).blocks);
  }
  return out;
}

export async function readDocx(buf: Uint8Array, file: string): Promise<DocModel> {
  return guard(file, async () => {
    const pkg = await OoxmlPackage.open(buf);
    const rels = await pkg.relationships('');
    const main = relOfType(rels, 'officeDocument')?.target ?? 'word/document.xml';
    const xml = await pkg.text(main);
    if (xml === undefined) throw new NianbaoError('UNREADABLE', file, `a ZIP file without ${main}: not a Word document`);
    const root = parseXml(xml);
    const w = root && new WordNames(root);
    const body = root && w?.child(root, 'body');
    if (!w || !body) throw new NianbaoError('UNREADABLE', file, `${main} has no document body`);

    const partRels = await pkg.relationships(main);
    const part = async (type: string) => {
      const r = relOfType(partRels, type);
      return r ? pkg.text(r.target) : undefined;
    };
    const numbering = ListNumbering.parse(await part('numbering'), await part('styles'));
    const imported = await altChunks(pkg, partRels);
    const warnings: Warning[] = [];
    const blocks = new BodyReader(w, {
      ...(numbering ? { numberOf: (p: Element) => numbering.numberOf(p, w) } : {}),
      altChunk: (el) => {
        const id = Object.entries(el.attribs).find(([k]) => /(^|:)id$/.test(k))?.[1] ?? '';
        const got = imported.get(id);
        if (!got) warnings.push({ code: 'CONTENT_SKIPPED', message: `an imported part (w:altChunk ${id}) that is no HTML page was left out` });
        return got;
      },
    }).read(body);

    if (!blocks.length) {
      // Nothing to read: a scan pasted in as pictures, or an empty document.
      if (/<\w*:?(drawing|pict)[\s/>]/.test(xml)) throw new NianbaoError('NO_TEXT', file, 'the document holds pictures but no text (a scan?)');
      throw new NianbaoError('EMPTY', file, 'the document has no text');
    }
    const title = await coreTitle(pkg, rels);
    return docModel('docx', blocks, { warnings, ...(title ? { metaTitle: title } : {}) });
  });
}
