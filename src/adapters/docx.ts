import type { Element } from 'domhandler';
import { DocModel, docModel } from '../model';
import { NianbaoError } from '../errors';
import { OoxmlPackage, Relationship } from '../ooxml/package';
import { isElement, parseXml, WordNames } from '../ooxml/xml';
import { BodyReader } from '../ooxml/body';

/**
 * DOCX (Word 2007+, WPS): word/document.xml read directly (ooxml/body.ts). mammoth is not used: it drops the
 * continuation cells of vertical merges without giving their starting cell a row span, which moves every number
 * after a merged label one column to the left, and its HTML would have to be parsed again anyway.
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

/** dc:title of the core properties part. */
async function coreTitle(pkg: OoxmlPackage, rels: readonly Relationship[]): Promise<string | undefined> {
  const xml = await pkg.text(relOfType(rels, 'core-properties')?.target ?? 'docProps/core.xml');
  const root = xml ? parseXml(xml) : undefined;
  const find = (el: Element): Element | undefined => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name.replace(/^.*:/, '') === 'title') return c;
      const inner = find(c);
      if (inner) return inner;
    }
    return undefined;
  };
  const title = root ? find(root) : undefined;
  const text = title ? title.children.map((c) => ('data' in c ? String(c.data) : '')).join('').trim() : '';
  return text || undefined;
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
    const blocks = new BodyReader(w).read(body);
    const title = await coreTitle(pkg, rels);
    return docModel('docx', blocks, title ? { metaTitle: title } : {});
  });
}
