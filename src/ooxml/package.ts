import JSZip from 'jszip';
import { childElements, parseXml } from './xml';

/**
 * An OOXML package (Open Packaging Conventions): a ZIP of parts tied together by relationship parts
 * (_rels/.rels for the package, word/_rels/document.xml.rels for the main part). Part names are matched without
 * regard to case, as OPC requires, and relationship targets are resolved against the part that names them.
 */

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the ZIP (no leading slash), or the URL of an external target. */
  target: string;
  external: boolean;
}

function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

function resolve(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folderOf(base) + target;
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export class OoxmlPackage {
  private readonly names = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) this.names.set(name.toLowerCase(), name);
  }

  static async open(buf: Uint8Array): Promise<OoxmlPackage> {
    return new OoxmlPackage(await JSZip.loadAsync(buf));
  }

  async bytes(part: string): Promise<Buffer | undefined> {
    const name = this.names.get(part.toLowerCase());
    const f = name === undefined ? undefined : this.zip.file(name);
    return f ? Buffer.from(await f.async('uint8array')) : undefined;
  }

  /** An XML part's text: UTF-8, or UTF-16 when it starts with a byte order mark. */
  async text(part: string): Promise<string | undefined> {
    const b = await this.bytes(part);
    if (!b) return undefined;
    if (b[0] === 0xff && b[1] === 0xfe) return b.toString('utf16le', 2);
    if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2, b.length - (b.length % 2))).swap16().toString('utf16le');
    return b.toString('utf8');
  }

  /** The relationships of a part ('' for the package itself). */
  async relationships(part: string): Promise<Relationship[]> {
    const relsName = `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
    const xml = await this.text(relsName);
    const root = xml ? parseXml(xml) : undefined;
    if (!root) return [];
    return childElements(root)
      .filter((el) => el.name.replace(/^.*:/, '') === 'Relationship')
      .map((el) => {
        const external = el.attribs.TargetMode === 'External';
        const target = el.attribs.Target ?? '';
        return { id: el.attribs.Id ?? '', type: el.attribs.Type ?? '', target: external ? target : resolve(part, target), external };
      });
  }
}
