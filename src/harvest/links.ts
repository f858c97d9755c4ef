import * as cheerio from 'cheerio/slim';
import { decodeHtml } from '../adapters/html';
import type { Source } from './sources';

/**
 * What a page links to, read with the defaults that fit the common government CMS layouts (TRS WCM, Hanweb and
 * their look-alikes): a listing's report links (link text naming a 年度报告 / 年报 of a year), its pagination
 * (下一页 links, index_N.html / ?page=N URLs, TRS's createPageHTML script), and a report page's attachments
 * (by the extension of the URL or of the link text, as download.jsp?id=… links name their file in the text).
 */

export interface Link {
  url: string;
  text: string;
}

export interface ListingLinks {
  reports: Link[];
  pages: string[];
}

/** A year written in digits or in Chinese numerals (二〇二三). */
const YEAR = /(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}/;
const REPORT = /年度报告|年报/;
const NEXT = /^(?:下一页|下页|后一页|后页|下一頁|>|›|»|＞|>>)$/;
/** Listing pages as CMSs number them; article URLs (t20240115_123.html) deliberately do not match. */
const PAGE_URL = /\/(?:index|list|default|more)_\d+\.s?html?$|[?&](?:page|pageno|pagenum|pageindex|curpage|currentpage|cpage|pn|p)=\d+(?:&|$)/i;

interface RawLink {
  href: string;
  text: string;
  title: string;
}

function readLinks(html: string): { links: RawLink[]; base?: string; scripts: string } {
  const $ = cheerio.load(html);
  const links: RawLink[] = [];
  $('a[href]').each((_, a) => {
    const el = $(a);
    links.push({ href: el.attr('href')!.trim(), text: el.text().replace(/\s+/g, ' ').trim(), title: (el.attr('title') ?? '').trim() });
  });
  return { links, base: $('base[href]').attr('href'), scripts: $('script').text() };
}

/** Absolute http(s) URL without its fragment, or undefined for javascript:, mailto:, and junk. */
export function resolveUrl(href: string, base: string): string | undefined {
  if (!href || /^(?:javascript|mailto|tel|data):/i.test(href)) return undefined;
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

function isReportLink(l: RawLink, url: string, src: Source): boolean {
  const label = `${l.text} ${l.title}`;
  if (src.linkUrl && !src.linkUrl.test(url)) return false;
  if (src.linkText) return src.linkText.test(label);
  return REPORT.test(label) && YEAR.test(label);
}

/** Pages named by TRS's `createPageHTML(countPage, currentPage, "index", "html")`: index.html, index_1.html, … */
function scriptedPages(scripts: string, base: string): string[] {
  const m = /createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*["'](\w+)["']\s*,\s*["'](\w+)["']/.exec(scripts);
  if (!m) return [];
  const value = (v: string) => (/^\d+$/.test(v) ? Number(v) : Number(new RegExp(`\\b${v}\\s*=\\s*(\\d+)`).exec(scripts)?.[1] ?? NaN));
  const total = value(m[1]!);
  if (!Number.isFinite(total)) return [];
  const pages: string[] = [];
  for (let i = 0; i < Math.min(total, 1000); i++) pages.push(new URL(i === 0 ? `${m[3]}.${m[4]}` : `${m[3]}_${i}.${m[4]}`, base).href);
  return pages;
}

function sameHost(a: string, b: string): boolean {
  return new URL(a).host === new URL(b).host;
}

export function listingLinks(body: Uint8Array, pageUrl: string, src: Source): ListingLinks {
  const { links, base: declared, scripts } = readLinks(decodeHtml(body));
  const base = (declared && resolveUrl(declared, pageUrl)) || pageUrl;
  const reports = new Map<string, Link>();
  const pages = new Set<string>();
  for (const l of links) {
    const url = resolveUrl(l.href, base);
    if (!url || url === pageUrl) continue;
    if (isReportLink(l, url, src)) {
      if (!reports.has(url)) reports.set(url, { url, text: l.text || l.title });
      continue;
    }
    if (!sameHost(url, pageUrl)) continue;
    const byText = (src.nextText ?? NEXT).test(l.text);
    const byUrl = (src.pageUrl ?? PAGE_URL).test(url);
    if (byText || byUrl) pages.add(url);
  }
  for (const p of scriptedPages(scripts, base)) if (p !== pageUrl) pages.add(p);
  return { reports: [...reports.values()], pages: [...pages] };
}

function extensionOf(s: string): string | undefined {
  return /\.([a-z0-9]{2,5})$/i.exec(s)?.[1]?.toLowerCase();
}

/** Whether a URL (or the file name a link's text gives) has one of the attachment extensions. */
export function isAttachment(url: string, text: string, extensions: readonly string[]): boolean {
  const byUrl = extensionOf(new URL(url).pathname);
  const byText = extensionOf(text.trim());
  return (byUrl !== undefined && extensions.includes(byUrl)) || (byText !== undefined && extensions.includes(byText));
}

/** A report page's attachments. */
export function attachmentLinks(body: Uint8Array, pageUrl: string, src: Source): Link[] {
  const { links, base: declared } = readLinks(decodeHtml(body));
  const base = (declared && resolveUrl(declared, pageUrl)) || pageUrl;
  const found = new Map<string, Link>();
  for (const l of links) {
    const url = resolveUrl(l.href, base);
    if (url && url !== pageUrl && !found.has(url) && isAttachment(url, l.text || l.title, src.attachments)) found.set(url, { url, text: l.text || l.title });
  }
  return [...found.values()];
}
