import * as cheerio from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

/**
 * Small helpers over an XML part parsed with cheerio in XML mode. WordprocessingML elements are matched by the
 * prefix the part itself binds to the WordprocessingML namespace (almost always "w", but nothing requires it),
 * so an element of another vocabulary with the same local name (DrawingML's a:p) is never taken for w:p.
 */

const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // ISO 29500 Strict
];

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag';
}

export function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/** The document element of an XML part, or undefined when there is none. */
export function parseXml(xml: string): Element | undefined {
  const $ = cheerio.load(xml, { xml: true });
  return $.root().children().toArray().find(isElement);
}

/** Names in the WordprocessingML namespace as one part spells them. */
export class WordNames {
  private readonly prefix: string;

  constructor(root: Element) {
    const bound = Object.entries(root.attribs).find(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && WORD_NAMESPACES.includes(v));
    this.prefix = bound ? (bound[0] === 'xmlns' ? '' : `${bound[0].slice(6)}:`) : 'w:';
  }

  /** The element's local name when it is a WordprocessingML element, else undefined. */
  local(el: Element): string | undefined {
    if (this.prefix) return el.name.startsWith(this.prefix) ? el.name.slice(this.prefix.length) : undefined;
    return el.name.includes(':') ? undefined : el.name;
  }

  attr(el: Element, name: string): string | undefined {
    return el.attribs[this.prefix + name] ?? el.attribs[name];
  }

  child(el: Element, name: string): Element | undefined {
    const full = this.prefix + name;
    for (const c of el.children) if (c.type === 'tag' && (c as Element).name === full) return c as Element;
    return undefined;
  }

  /** The w:val of a child element, e.g. w:pStyle/@w:val. */
  valOf(el: Element | undefined, name: string): string | undefined {
    const c = el && this.child(el, name);
    return c ? this.attr(c, 'val') : undefined;
  }

  /** An integer attribute (w:val by default) of a child element, e.g. w:gridSpan/@w:val. */
  intOf(el: Element | undefined, name: string, attr = 'val'): number | undefined {
    const c = el && this.child(el, name);
    const v = c ? Number.parseInt(this.attr(c, attr) ?? '', 10) : NaN;
    return Number.isFinite(v) ? v : undefined;
  }

  /** A w:ST_OnOff property (w:vanish, w:b …): present and not switched off. */
  isOn(el: Element | undefined, name: string): boolean {
    const c = el && this.child(el, name);
    if (!c) return false;
    const v = this.attr(c, 'val');
    return v === undefined || !['0', 'false', 'off'].includes(v);
  }
}
